#!/usr/bin/env bash
# On a 1280×720 screen the window opens no larger than the screen (issue 10: a 1600×900 window
# put the Loss panel and the status line off a projector's picture), and the layout fits it.
source "$(dirname "$0")/common.sh"
run_in_xvfb 1280x720

rm -rf "$out/config"
start_gui "$out/small-screen.trace"
read -r width height < <(xdotool getwindowgeometry "$gui_window" | sed -n 's/.*Geometry: \([0-9]*\)x\([0-9]*\).*/\1 \2/p')
[[ -n "$width" && -n "$height" ]] || fail "could not read the window's size"
((width <= 1280 && height <= 720)) || fail "the window is ${width}x${height} on a 1280x720 screen"
echo "ok: the window is ${width}x${height} on a 1280x720 screen"
quit_gui
