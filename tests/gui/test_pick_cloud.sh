#!/usr/bin/env bash
# Hover, click and drag still work where the points are one image (issue 15 §1: more than 32
# points are stamped into a texture, panels/point_cloud.cpp): on 101 samples, a 10 × 10 grid and one
# between its points, a drag of that sample moves it, and a right-click on it opens its menu. The
# trace's "data-plot" line gives where the plot is on screen and what range it shows.
source "$(dirname "$0")/common.sh"
run_in_xvfb 1600x900

export HOME="$out/cloud-home"
rm -rf "$HOME"
mkdir -p "$HOME"
csv="$out/cloud-grid.csv"
python3 - "$csv" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("x1,x2,class\n")
    for i in range(10):
        for j in range(10):
            f.write(f"{i},{j},{'a' if (i + j) % 2 else 'b'}\n")
    f.write("4.5,4.5,a\n")          # sample 101, between four grid points
PY
trace="$out/cloud.trace"
start_gui "$trace" --data "$csv"
wait_for_line '^data-plot ' "the data plot's place on screen"   # px X Y: a data point's pixel

# Drag sample 101 from (4.5, 4.5) to (5.5, 6.5), the middle of another cell.
settle_data_plot
read -r fx fy <<< "$(px 4.5 4.5)"
read -r tx ty <<< "$(px 5.5 6.5)"
press_and_drag "$fx" "$fy" "$tx" "$ty"
sleep 0.3
# (Should the plot have moved meanwhile, the target is where the plot shows (5.5, 6.5) now.)
read -r tx ty <<< "$(px 5.5 6.5)"
xdotool mousemove --window "$gui_window" "$tx" "$ty"
sleep 0.3
xdotool mouseup 1
wait_for_line '^data .* (edited) 101$' "dragging sample 101"
check_moved 101 5.5 6.5 0.1 0.1
echo "ok: on 101 points (one image), sample 101 was found under the mouse and dragged to (5.5, 6.5)"

# A right-click on it opens its menu (the window goes on); Escape closes it.
settle_data_plot
read -r fx fy <<< "$(px 5.5 6.5)"
xdotool mousemove --window "$gui_window" "$fx" "$fy"
sleep 0.3
xdotool click 3
sleep 0.4
xdotool key Escape
quit_gui
echo "ok: the window closed normally"
