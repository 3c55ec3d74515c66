#!/usr/bin/env bash
# The same screenshot command twice gives the same file, byte for byte (slides can be remade).
source "$(dirname "$0")/common.sh"
run_in_xvfb 1920x1080

args=(screenshot --data iris --activation softmax --loss cce --mode minibatch --batch-size 5
      --order shuffle --seed 7 --steps 12 --size 1280x720)
"$exe" "${args[@]}" --out "$out/deterministic-1.png"
"$exe" "${args[@]}" --out "$out/deterministic-2.png"
check_png "$out/deterministic-1.png" 1280 720
cmp "$out/deterministic-1.png" "$out/deterministic-2.png" ||
  fail "two runs of the same screenshot command differ"
echo "ok: identical"
