# Shared by the window tests (test_*.sh): each is run by CTest as
#   bash test_NAME.sh PATH/TO/logistic-lab OUTPUT_FOLDER
# and runs the real executable on a virtual X server (xvfb-run), never on the desktop's display.
set -euo pipefail

exe=${1:?usage: $0 PATH/TO/logistic-lab OUTPUT_FOLDER}
out=${2:?usage: $0 PATH/TO/logistic-lab OUTPUT_FOLDER}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
mkdir -p "$out"

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

[[ -x "$exe" ]] || fail "$exe is not an executable (build the logistic-lab target first)"

# Re-runs the calling script inside its own Xvfb (a free display number, no TCP, an xauth
# cookie), once. Call it first; the screen size is the argument.
run_in_xvfb() {
  if [[ -n "${LL_INSIDE_XVFB:-}" ]]; then return 0; fi
  command -v xvfb-run > /dev/null || fail "xvfb-run is missing (apt-get install xvfb xauth)"
  LL_INSIDE_XVFB=1 exec xvfb-run -a -s "-screen 0 ${1}x24 -nolisten tcp" bash "$0" "$exe" "$out"
}

# check_png FILE WIDTH HEIGHT: the file is a PNG of that size with more than a few colours (a
# blank or cleared-only frame has one or two).
check_png() {
  local file=$1 width=$2 height=$3
  [[ -s "$file" ]] || fail "$file was not written"
  local info
  info=$(python3 "$here/png_info.py" "$file") || fail "$file: cannot read it as a PNG"
  read -r w h colours <<< "$info"
  [[ "$w" == "$width" && "$h" == "$height" ]] || fail "$file is ${w}x${h}, expected ${width}x${height}"
  ((colours > 500)) || fail "$file looks blank: only $colours distinct colours"
  echo "ok: $file ${w}x${h}, $colours colours"
}

# shoot_checked PREFIX NAME WxH [screenshot options…]: `screenshot --check-layout` to
# $out/PREFIX-NAME.png (its report in .txt), failing on a non-zero exit; the PNG must not be blank,
# and unless --panel (a panel alone has its own size) it must be WxH.
shoot_checked() {
  local prefix=$1 name=$2 size=$3
  shift 3
  local file="$out/$prefix-$name.png"
  rm -f "$file"
  "$exe" screenshot --check-layout --size "$size" --out "$file" "$@" > "$out/$prefix-$name.txt" ||
    fail "$name: screenshot exited $? ($(cat "$out/$prefix-$name.txt"))"
  if [[ " $* " == *" --panel "* ]]; then
    local info colours
    info=$(python3 "$here/png_info.py" "$file") || fail "$file: cannot read it as a PNG"
    read -r _ _ colours <<< "$info"
    ((colours > 500)) || fail "$file looks blank: only $colours distinct colours"
    echo "ok: $file ($colours colours)"
  else
    check_png "$file" "${size%x*}" "${size#*x}"
  fi
}

# The window, started by start_gui, traces "step N" on stdout at every change of the step
# (LOGISTIC_LAB_TRACE_STEPS=1, see app/gui/frame.cpp).
gui_pid=""
gui_trace=""
gui_window=""

# start_gui TRACE_FILE [gui options…]: starts `logistic-lab gui`, waits for its window and gives it
# the keyboard focus.
start_gui() {
  gui_trace=$1
  shift
  command -v xdotool > /dev/null || fail "xdotool is missing (apt-get install xdotool)"
  # Settings of this test alone (no user's settings file read or written).
  export XDG_CONFIG_HOME="$out/config"
  LOGISTIC_LAB_TRACE_STEPS=1 "$exe" gui "$@" > "$gui_trace" 2> "$gui_trace.err" &
  gui_pid=$!
  trap 'kill "$gui_pid" 2> /dev/null || true' EXIT
  gui_window=$(timeout 60 xdotool search --sync --onlyvisible --name '^Logistic Lab$' | head -n 1) ||
    fail "no 'Logistic Lab' window appeared within 60 s: $(cat "$gui_trace.err")"
  xdotool windowfocus --sync "$gui_window"
  for ((k = 0; k < 200; k++)); do  # the first frame traces the step it starts at
    [[ -s "$gui_trace" ]] && return 0
    sleep 0.05
  done
  fail "the window traced no step within 10 s: $(cat "$gui_trace.err")"
}

# wait_for_line PATTERN WHAT: until the window's trace has a line matching PATTERN (fails after 10 s).
wait_for_line() {
  local j
  for ((j = 0; j < 200; j++)); do
    grep -q "$1" "$gui_trace" && return 0
    sleep 0.05
  done
  fail "$2: no line '$1' in the trace: $(tail -n 5 "$gui_trace")"
}

# settle_data_plot: until the data plot has stayed where it is for half a second (the layout gives
# the chain its measured room a few frames after a start; a loaded machine takes longer).
settle_data_plot() {
  local j lines before=-1 still=0
  for ((j = 0; j < 400; j++)); do
    lines=$(grep -c '^data-plot ' "$gui_trace" || true)
    if [[ "$lines" == "$before" ]]; then
      ((++still >= 10)) && return 0
    else
      still=0
      before=$lines
    fi
    sleep 0.05
  done
  fail "the data plot kept moving for 20 s: $(grep '^data-plot ' "$gui_trace" | tail -n 3)"
}

# press_and_drag FX FY TX TY: the mouse to pixel (FX, FY), a frame to see what is under it, the
# left button down, and in four moves to (TX, TY); the button stays down.
press_and_drag() {
  local f
  xdotool mousemove --window "$gui_window" "$1" "$2"
  sleep 0.4
  xdotool mousedown 1
  sleep 0.2
  for f in 0.25 0.5 0.75 1; do
    xdotool mousemove --window "$gui_window" "$(python3 -c "print(round($1 + $f * ($3 - $1)))")" \
      "$(python3 -c "print(round($2 + $f * ($4 - $2)))")"
    sleep 0.15
  done
}

# check_moved SAMPLE X Y TOL_X TOL_Y: waits for the status "Edited: moved sample SAMPLE to [x, y]"
# and fails unless x and y are within TOL_X and TOL_Y of (X, Y).
check_moved() {
  local moved
  wait_for_line "^status Edited: moved sample $1 to " "dragging sample $1"
  moved=$(grep "^status Edited: moved sample $1 to " "$gui_trace" | tail -n 1)
  python3 -c "
import re, sys
x, y = map(float, re.search(r'to \[([^,]+), ([^\]]+)\]', sys.argv[1]).groups())
want_x, want_y, tol_x, tol_y = map(float, sys.argv[2:])
sys.exit(0 if abs(x - want_x) < tol_x and abs(y - want_y) < tol_y else 1)" "${moved//−/-}" "$2" "$3" "$4" "$5" ||
    fail "sample $1 went elsewhere: $moved"
}

# px X Y: the screen pixel of data point (X, Y) in the data plot, from the trace's last
# "data-plot LEFT TOP RIGHT BOTTOM XMIN XMAX YMIN YMAX" line (it moves when the layout does).
px() {
  grep '^data-plot ' "$gui_trace" | tail -n 1 | python3 -c "
import sys
l, t, r, b, x0, x1, y0, y1 = map(float, sys.stdin.read().split()[1:])
x, y = $1, $2
print(round(l + (x - x0) / (x1 - x0) * (r - l)), round(b - (y - y0) / (y1 - y0) * (b - t)))"
}

last_step() { grep '^step ' "$gui_trace" | tail -n 1 | sed -n 's/^step \([0-9]*\)$/\1/p'; }
last_data() { grep '^data ' "$gui_trace" | tail -n 1 | cut -d' ' -f2-; }

# wait_for_step N [SECONDS]: until the trace's last line is "step N" (false on timeout).
wait_for_step() {
  local want=$1 tries=$((${2:-10} * 20))
  for ((k = 0; k < tries; k++)); do
    [[ "$(last_step)" == "$want" ]] && return 0
    sleep 0.05
  done
  return 1
}

# wait_for_step_at_least N [SECONDS]: until the trace shows step N or later (false on timeout).
wait_for_step_at_least() {
  local want=$1 tries=$((${2:-10} * 20)) step
  for ((k = 0; k < tries; k++)); do
    step=$(last_step)
    [[ -n "$step" ]] && ((step >= want)) && return 0
    sleep 0.05
  done
  return 1
}

# press_for_step KEY N: holds KEY down until the trace shows step N (at most 10 s), then lets go.
# ImGui 1.86 reads key state once per frame, so a press and release within one frame (as
# `xdotool key` sends them, or a quick tap while a frame takes long) can go unseen; holding the
# key until the window reacts makes the test independent of the frame time.
press_for_step() {
  local key=$1 want=$2 seen=0
  xdotool keydown "$key"
  wait_for_step "$want" 10 && seen=1
  xdotool keyup "$key"
  sleep 0.1
  ((seen)) || fail "after $key the step is '$(last_step)', expected $want"
}

# quit_gui: Ctrl+Q, held until the process ends by itself (at most 10 s) with exit code 0.
quit_gui() {
  xdotool keydown ctrl keydown q
  for ((k = 0; k < 200; k++)); do
    kill -0 "$gui_pid" 2> /dev/null || break
    sleep 0.05
  done
  xdotool keyup q keyup ctrl
  kill -0 "$gui_pid" 2> /dev/null && fail "the window did not close on Ctrl+Q within 10 s"
  local code=0
  wait "$gui_pid" || code=$?
  trap - EXIT
  [[ $code == 0 ]] || fail "logistic-lab gui exited $code after Ctrl+Q: $(tail -n 20 "$gui_trace.err")"
}
