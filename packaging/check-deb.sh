#!/usr/bin/env bash
# CI: builds the .deb from an existing build tree (default build/, made by `dev.sh test`), validates the
# desktop files, unpacks the package into a temporary root with dpkg -x and runs what it installed:
# quantforge-cli --version, quantforge-cli inspect on the installed sample, and the GUI's --self-test on
# the offscreen platform. The installed programs use the system's Qt and find their data relative to
# their own location, so no LD_LIBRARY_PATH or install prefix is needed.
#   check-deb.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
start=$SECONDS

desktop-file-validate packaging/linux/io.github.quantforge.Quantforge.desktop
appstreamcli validate --no-net --pedantic packaging/linux/io.github.quantforge.Quantforge.metainfo.xml >/dev/null ||
  appstreamcli validate --no-net packaging/linux/io.github.quantforge.Quantforge.metainfo.xml

cmake -S . -B "$build" -G Ninja >/dev/null
cmake --build "$build" -j"$(nproc 2>/dev/null || echo 2)" --target quantforge quantforge-cli
(cd "$build" && cpack -G DEB >/dev/null)
deb=$(ls -t "$build"/quantforge_*.deb | head -1)
echo "Package: $deb ($(du -h "$deb" | cut -f1))"
dpkg-deb --field "$deb" Package Version Architecture Depends

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
dpkg -x "$deb" "$root"
for f in usr/bin/quantforge usr/bin/quantforge-cli \
         usr/share/quantforge/samples/qf-books-22m-f16.gguf \
         usr/share/quantforge/data/books-eval.txt usr/share/quantforge/data/books-calibration.txt \
         usr/share/doc/quantforge/copyright \
         usr/share/applications/io.github.quantforge.Quantforge.desktop \
         usr/share/metainfo/io.github.quantforge.Quantforge.metainfo.xml \
         usr/share/mime/packages/io.github.quantforge.Quantforge.xml \
         usr/share/icons/hicolor/scalable/apps/io.github.quantforge.Quantforge.svg \
         usr/share/icons/hicolor/256x256/apps/io.github.quantforge.Quantforge.png; do
  [ -e "$root/$f" ] || { echo "missing from the package: /$f" >&2; exit 1; }
done
for lang in de fr es zh_CN ja; do
  [ -s "$root/usr/share/quantforge/translations/quantforge_$lang.qm" ] ||
    { echo "missing from the package: quantforge_$lang.qm" >&2; exit 1; }
done

"$root/usr/bin/quantforge-cli" --version
card=$("$root/usr/bin/quantforge-cli" inspect "$root/usr/share/quantforge/samples/qf-books-22m-f16.gguf")
echo "${card}" | sed -n 1,5p
mkdir -p "$root/home" && mkdir -m 700 "$root/run"
# A fresh HOME and XDG dirs: the self-test must not depend on (or touch) anyone's settings.
HOME="$root/home" XDG_CONFIG_HOME="$root/home/.config" XDG_RUNTIME_DIR="$root/run" QT_QPA_PLATFORM=offscreen \
  "$root/usr/bin/quantforge" --self-test
echo "check-deb passed in $((SECONDS - start)) s"
