#!/usr/bin/env bash
# Play reaches 1000 steps per second with the plots live (the issue's performance goal): the real
# window plays at 1000 steps/s for 5 s on iris (150 flowers, softmax), on the slides' iris4 and
# on iris in mini-batches; the rate is the steps taken over the wall time. The rate is reported,
# not asserted (a shared machine makes timed tests flaky; the README holds the measured figure):
# the test fails only if Play does not advance at all.
source "$(dirname "$0")/common.sh"
run_in_xvfb 1600x900

floor=1

measure_once() {  # measure_once NAME [run options…]: sets $rate
  local name=$1
  shift
  start_gui "$out/play-$name.trace" --play 1000 "$@"
  sleep 1                                  # past the first frames
  local s0 t0 f0 s1 t1 f1
  s0=$(last_step) t0=$(date +%s.%N) f0=$(wc -l < "$gui_trace")
  sleep 5
  s1=$(last_step) t1=$(date +%s.%N) f1=$(wc -l < "$gui_trace")
  quit_gui
  local fps
  rate=$(python3 -c "print(round(($s1 - $s0) / ($t1 - $t0)))")
  fps=$(python3 -c "print(round(($f1 - $f0) / ($t1 - $t0)))")  # one trace line per frame that stepped
  echo "play rate $name: $rate steps/s at $fps frames/s (steps $s0 → $s1 in $(python3 -c "print(round($t1 - $t0, 2))") s)"
}

# The best of up to three tries: other jobs on a shared machine (a parallel build, other tests)
# can starve one 5-second window; the goal is what the app can do.
measure() {
  rate=0
  for attempt in 1 2 3; do
    measure_once "$@"
    ((rate >= floor)) && return 0
  done
  fail "$1: Play did not advance (0 steps/s of the 1000 asked)"
}

measure iris-softmax --data iris --activation softmax --loss cce
measure iris4
measure iris-minibatch --data iris --classes 2,3 --mode minibatch --batch-size 10 --order shuffle
