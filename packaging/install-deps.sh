#!/usr/bin/env bash
# Installs what Quantforge needs to build and test, from Debian 12 packages. Idempotent: does nothing
# when everything is present. macOS and Windows equivalents are in README.md.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git
  qt6-base-dev qt6-base-dev-tools qt6-charts-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  libqt6opengl6-dev          # Qt6Charts' CMake package requires Qt6OpenGL; qt6-charts-dev does not pull it in
  libgl-dev libxkbcommon-dev
  libzstd-dev libfmt-dev libcli11-dev
  clang libclang-rt-14-dev   # the fuzz target (libFuzzer) and sanitizer runtimes
  xvfb xauth                 # to run the GUI on machines without a display
  openbox xdotool            # the real-X GUI test: a window manager, and a pointer driven from outside
  desktop-file-utils appstream dpkg-dev   # packaging/check-deb.sh: validate the desktop files, cpack DEB
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing: ${missing[*]}"
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
