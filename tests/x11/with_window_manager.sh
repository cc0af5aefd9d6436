#!/bin/sh
# Runs a GUI test on a real X server with a window manager: under xvfb-run when there is no display
# (Xvfb started here), with openbox managing the windows while the test runs.
set -eu
if [ -z "${DISPLAY:-}" ]; then
  exec xvfb-run -a -s "-screen 0 1400x1000x24" sh "$0" "$@"
fi
wm=""
if command -v openbox >/dev/null 2>&1; then
  openbox --sm-disable >/dev/null 2>&1 &
  wm=$!
  sleep 1
fi
status=0
QT_QPA_PLATFORM=xcb "$@" || status=$?
[ -n "$wm" ] && kill "$wm" 2>/dev/null || true
exit "$status"
