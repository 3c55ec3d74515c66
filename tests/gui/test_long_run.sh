#!/usr/bin/env bash
# Long work does not freeze the window (issue 11): a lesson with 5,000,000 stochastic steps opens
# at once and takes them a slice a frame (the step advances over several frames while the window
# answers), Esc stops it where it is and says so, and the steps taken stay.
source "$(dirname "$0")/common.sh"
run_in_xvfb 1600x900

cat > "$out/long.json" <<'JSON'
{"format": "logistic-lab-scenario", "version": 1, "data": "iris4", "mode": "stochastic",
 "steps": 5000000}
JSON
start_gui "$out/long.trace" --scenario "$out/long.json"
# The first frame came before the steps: the window opened without waiting for them.
wait_for_step_at_least 1 20 || fail "no step was taken within 20 s"
first=$(last_step)
sleep 1
second=$(last_step)
((second > first)) || fail "the steps did not advance over frames: $first, then $second"
((second < 5000000)) || fail "all 5,000,000 steps were taken before a frame could show them"
# Esc: stop where it is.
xdotool keydown Escape
for ((k = 0; k < 100; k++)); do
  grep -q '^status Stopped after' "$gui_trace" && break
  sleep 0.05
done
xdotool keyup Escape
grep -q '^status Stopped after .* of 5,000,000 steps' "$gui_trace" ||
  fail "Esc did not stop the run: $(grep '^status' "$gui_trace" | tail -n 2)"
stopped=$(last_step)
sleep 0.5
[[ "$(last_step)" == "$stopped" ]] || fail "steps went on after Esc: $stopped, then $(last_step)"
quit_gui
echo "ok: 5,000,000 steps queued, $first → $second in a second of frames, stopped at step $stopped"
