#!/usr/bin/env bash
# The README's screenshots, taken from the real app on the offscreen platform: builds, then runs
# `quantforge --screenshots` (the bundled sample: recommendation, overview, producing seven quants with an
# importance matrix computed from the bundled calibration text, comparing them, one prompt side by side).
# Usage: bash packaging/screenshots.sh [OUT_DIR]   (default: resources/screenshots)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-resources/screenshots}
build=${QF_BUILD_DIR:-build}
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" --target quantforge
# English, whatever this machine's language, and the window size the README expects.
QT_QPA_PLATFORM=offscreen LANGUAGE=en LC_ALL=C.UTF-8 "$build/bin/quantforge" --screenshots "$out"
