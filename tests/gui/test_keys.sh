#!/usr/bin/env bash
# The real window answers the keyboard: Space three times takes three steps, ← and Backspace
# step back, → steps forward, R resets to step 0, P plays and pauses, Ctrl+Q closes the window.
source "$(dirname "$0")/common.sh"
run_in_xvfb 1600x900

start_gui "$out/keys.trace"
[[ "$(last_step)" == 0 ]] || fail "the window did not start at step 0: $(cat "$out/keys.trace")"
press_for_step space 1
press_for_step space 2
press_for_step space 3
echo "ok: Space ×3 → step 3"
press_for_step Left 2
press_for_step Right 3
press_for_step BackSpace 2
echo "ok: ← → step 2, → → step 3, Backspace → step 2"
trace=$(grep '^step ' "$out/keys.trace" | tr '\n' ' ')
[[ "$trace" == "step 0 step 1 step 2 step 3 step 2 step 3 step 2 " ]] ||
  fail "unexpected steps (a key seen twice?): $trace"
press_for_step r 0
echo "ok: R → step 0"

# Quick taps: `xdotool key` presses and releases within a millisecond, inside one frame
# (app/platform/input_events.cpp queues such taps). 150 ms apart, as a person taps: closer than
# 20 ms, GLFW would read the taps as the key's auto-repeat.
for _ in 1 2 3; do
  xdotool key space
  sleep 0.15
done
wait_for_step 3 10 || fail "three quick Space taps: step '$(last_step)', expected 3"
press_for_step r 0
echo "ok: three quick Space taps → step 3"
quit_gui

# The same on a slow machine (250 ms frames): each tap falls inside one frame.
LOGISTIC_LAB_FRAME_SLEEP_MS=250 start_gui "$out/keys-slow.trace"
for _ in 1 2 3; do
  xdotool key space
  sleep 0.6
done
wait_for_step 3 10 || fail "three quick Space taps on 250 ms frames: step '$(last_step)', expected 3"
echo "ok: three quick Space taps on 250 ms frames → step 3"
quit_gui
start_gui "$out/keys.trace"

# P and R do not repeat while held, so they can be held long enough for any frame time.
xdotool keydown p
wait_for_step_at_least 2 10 || fail "P did not start playing (step '$(last_step)')"
xdotool keyup p
sleep 0.3
xdotool keydown p
sleep 0.5
xdotool keyup p
sleep 0.5
paused_at=$(last_step)
sleep 1
[[ "$(last_step)" == "$paused_at" ]] || fail "P did not pause: step $paused_at, then $(last_step)"
echo "ok: P played to step $paused_at, P paused"
quit_gui
echo "ok: Ctrl+Q closed the window"
