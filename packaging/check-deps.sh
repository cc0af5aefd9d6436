#!/usr/bin/env bash
# Proves that packaging/install-deps.sh alone sets up a fresh Debian 12: every Debian package that a
# finished build read (CMake package files, headers) or links against (shared libraries) must be listed
# in install-deps.sh, be pulled in by a listed package (Depends/Pre-Depends, recursively), or belong to
# the base system (priority required/important). A package that is only on this machine because someone
# installed it by hand (as libqt6opengl6-dev once was) fails the check by name.
#   check-deps.sh [BUILD_DIR]      (default: build; run after a build)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
[ -f "$build/build.ninja" ] || { echo "check-deps: no Ninja build in $build; build first" >&2; exit 2; }
command -v dpkg-query >/dev/null || { echo "check-deps: not a Debian system; nothing to check"; exit 0; }

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

# 1. Files the build used: CMake's own inputs (package configs), compiler header dependencies, and the
#    shared libraries the built programs load.
grep -A1 '^build build.ninja: RERUN_CMAKE' "$build/build.ninja" | tr ' ' '\n' | grep '^/usr/' >"$scratch/files" || true
ninja -C "$build" -t deps 2>/dev/null | sed -n 's/^ *\(\/usr\/[^ ]*\)$/\1/p' >>"$scratch/files" || true
for exe in "$build"/bin/*; do
  [ -x "$exe" ] && [ -f "$exe" ] && ldd "$exe" 2>/dev/null | sed -n 's/.*=> \(\/[^ ]*\) .*/\1/p'
done >>"$scratch/files"
sort -u "$scratch/files" -o "$scratch/files"

# 2. The packages owning them. dpkg knows a file by the path its package installed it under; with the
#    merged /usr, /lib/... and /usr/lib/... are the same file, so try both spellings and the real path.
owners() {
  local f
  while read -r f; do
    printf '%s\n' "$f" "$(readlink -f "$f" 2>/dev/null || echo "$f")"
    case "$f" in /usr/lib/*) echo "${f#/usr}" ;; /lib/*) echo "/usr$f" ;; esac
  done <"$scratch/files" | sort -u | xargs -r dpkg-query -S 2>/dev/null |
    sed -n 's/^\([^:]*\)\(:[a-z0-9]*\)\{0,1\}: .*/\1/p' | tr ', ' '\n\n' | grep -v '^$' | sort -u || true
}
owners >"$scratch/used"

# 3. What install-deps.sh brings: its list and everything those packages depend on.
listed=$(sed -n '/^packages=(/,/^)/p' packaging/install-deps.sh | sed 's/#.*//' | tr ' ' '\n' |
         grep -E '^[a-z0-9][a-z0-9.+-]+$' | sort -u)
apt-cache depends --recurse --no-recommends --no-suggests --no-conflicts --no-breaks --no-replaces \
  --no-enhances $listed 2>/dev/null | sed -n 's/^ *\(Pre\)\{0,1\}Depends: \([^<][^ ]*\)$/\2/p; s/^\([a-z0-9][^ :]*\)$/\1/p' |
  sed 's/:any$//' | sort -u >"$scratch/closure"
printf '%s\n' $listed >>"$scratch/closure"
dpkg-query -W -f='${Package} ${Priority} ${Essential}\n' |
  awk '$2 == "required" || $2 == "important" || $3 == "yes" { print $1 }' >>"$scratch/closure"
sort -u "$scratch/closure" -o "$scratch/closure"

missing=$(comm -23 "$scratch/used" "$scratch/closure")
used_count=$(wc -l <"$scratch/used")
if [ -n "$missing" ]; then
  echo "check-deps: the build used packages that packaging/install-deps.sh does not install:" >&2
  printf '  %s\n' $missing >&2
  echo "Add them (or a package that depends on them) to the list in packaging/install-deps.sh." >&2
  exit 1
fi
echo "check-deps: all $used_count Debian packages the build used come from install-deps.sh or the base system"
