#!/usr/bin/env bash
# Points a student moves in the real window (issue 13 §5): on the slides' four flowers, a drag of
# sample 3 moves it (the run starts over with "iris4 (edited)"), F12 during a drag saves the window
# with the chain panel's live line for the dragged sample, Shift-click adds a sample, Ctrl+Z undoes
# the edits one by one back to iris4, and a right-click on a sample opens its menu. The trace's
# "data-plot" line gives where the plot is on screen and what range it shows.
source "$(dirname "$0")/common.sh"
run_in_xvfb 1600x900

export HOME="$out/edit-home"
rm -rf "$HOME"
mkdir -p "$HOME"
trace="$out/edit.trace"
start_gui "$trace"

wait_for_line '^data-plot ' "the data plot's place on screen"   # px X Y: a data point's pixel

# Drag sample 3 (petal length 3.0, width 1.1) to (2.2, 0.6), through a few points on the way.
read -r fx fy <<< "$(px 3.0 1.1)"
read -r tx ty <<< "$(px 2.2 0.6)"
press_and_drag "$fx" "$fy" "$tx" "$ty"
# While it is held: F12 saves the window with the live chain line of the dragged sample.
xdotool keydown F12
for ((k = 0; k < 200; k++)); do
  grep -q '^status Saved ' "$trace" && break
  sleep 0.05
done
xdotool keyup F12
# (The capture lays the window out as a slide for a frame: back at the target before letting go.)
sleep 0.3
read -r tx ty <<< "$(px 2.2 0.6)"
xdotool mousemove --window "$gui_window" "$((tx + 3))" "$ty"
sleep 0.2
xdotool mousemove --window "$gui_window" "$tx" "$ty"
sleep 0.3
xdotool mouseup 1
wait_for_line '^data iris4 (edited) 4$' "dragging sample 3"
check_moved 3 2.2 0.6 0.05 0.02   # where it went: within a pixel or two of (2.2, 0.6)
saved=$(find "$HOME/Pictures" -name '*.png' | head -n 1)
[[ -n "$saved" ]] || fail "F12 during the drag saved no PNG under $HOME/Pictures"
read -r fw fh _ <<< "$(python3 "$here/png_info.py" "$saved")"
check_png "$saved" "$fw" "$fh"
cp "$saved" "$out/edit-dragging.png"
echo "ok: dragged sample 3 to (2.2, 0.6); the window during the drag: $out/edit-dragging.png"

# Shift-click on empty space adds a sample of the class chosen in Controls ▸ Data (versicolor).
settle_data_plot   # the layout settles a few frames after the run starts over
read -r ax ay <<< "$(px 2.0 1.2)"
xdotool mousemove --window "$gui_window" "$ax" "$ay"
sleep 0.3
xdotool keydown shift
sleep 0.1
xdotool mousedown 1
sleep 0.15
xdotool mouseup 1
sleep 0.1
xdotool keyup shift
wait_for_line '^data iris4 (edited) 5$' "Shift-click"
wait_for_line "^status Edited: added a sample of class 'versicolor'" "Shift-click"
echo "ok: Shift-click added a sample"

# Ctrl+Z twice: back to four samples, then to iris4 itself.
undo_to() {  # undo_to DATA-LINE
  local before
  before=$(grep -c '^data ' "$trace")
  xdotool keydown ctrl keydown z
  for ((k = 0; k < 200; k++)); do
    (($(grep -c '^data ' "$trace") > before)) && break
    sleep 0.05
  done
  xdotool keyup z keyup ctrl
  sleep 0.1
  [[ "$(last_data)" == "$1" ]] || fail "after Ctrl+Z the data is '$(last_data)', expected '$1'"
}
undo_to "iris4 (edited) 4"
undo_to "iris4 4"
echo "ok: Ctrl+Z undid the edits"

# A right-click on sample 3 (back at 3.0, 1.1) opens its menu; Escape closes it.
sleep 0.5
read -r fx fy <<< "$(px 3.0 1.1)"
xdotool mousemove --window "$gui_window" "$fx" "$fy"
sleep 0.3
xdotool click 3
sleep 0.4
xdotool key Escape
quit_gui
echo "ok: the window closed normally"
