#!/usr/bin/env bash
# A file manager opens a lesson with `logistic-lab FILE` (the desktop entry's Exec=logistic-lab
# %f): a *.lesson.json opens the window on that lesson, a CSV file on that data.
source "$(dirname "$0")/common.sh"
run_in_xvfb 1280x720
root=$(cd "$here/../.." && pwd)
export XDG_CONFIG_HOME="$out/config-open"

opens_on() {  # opens_on FILE "data NAME ROWS": the window traces that data set
  local file=$1 want=$2 trace="$out/open.trace"
  LOGISTIC_LAB_TRACE_STEPS=1 "$exe" "$file" > "$trace" 2> "$trace.err" &
  local pid=$! seen=0
  for ((k = 0; k < 300; k++)); do
    grep -q "^$want\$" "$trace" && { seen=1; break; }
    sleep 0.05
  done
  kill "$pid" 2> /dev/null || true
  wait "$pid" 2> /dev/null || true
  ((seen)) || fail "logistic-lab $file: no '$want' ($(head -n 3 "$trace") $(cat "$trace.err"))"
  echo "ok: logistic-lab $(basename "$file") opened on $want"
}

cp "$root/assets/scenarios/08-softmax-iris.json" "$out/softmax.lesson.json"
opens_on "$out/softmax.lesson.json" "data iris 150"
printf 'a,b,label\n1,2,0\n3,4,1\n5,1,0\n' > "$out/three.csv"
opens_on "$out/three.csv" "data three.csv 3"
