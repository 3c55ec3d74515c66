#!/usr/bin/env bash
# Held-out data in the window (--test-fraction, lesson 11): the whole window at 1280×720 and
# 1920×1080, text 1× and 2×, in presentation mode; the data panel (hollow test samples, the
# confusion matrix) and the loss panel (training and test loss) alone, softmax on the 150 Iris
# flowers too. Each PNG is written, is not blank, and nothing is cut off (--check-layout exits 4
# otherwise); the data panel with a test part differs from the same run without one. A fraction
# out of range is refused (2) and writes nothing.
source "$(dirname "$0")/common.sh"
run_in_xvfb 3840x2160

lesson="$here/../../assets/scenarios/11-held-out-overfitting.json"
shoot() { shoot_checked held-out "$@"; }   # shoot NAME WxH [screenshot options…]

for size in 1280x720 1920x1080; do
  for font in 1 2; do
    shoot "lesson-$size-$font" "$size" --scenario "$lesson" --font-scale "$font" --presentation
  done
done
iris="--data iris --classes 2,3 --standardize --lr 0.5 --steps 20"
shoot data-1920 1920x1080 $iris --test-fraction 0.3 --panel data
shoot data-1920-none 1920x1080 $iris --panel data
[[ "$(md5sum < "$out/held-out-data-1920.png")" != "$(md5sum < "$out/held-out-data-1920-none.png")" ]] ||
  fail "the data panel looks the same with a test part and without one"
shoot loss-1920 1920x1080 $iris --test-fraction 0.3 --panel loss
shoot data-lesson 1920x1080 --scenario "$lesson" --panel data
shoot data-2560-2x 2560x1440 $iris --test-fraction 0.3 --panel data --font-scale 2
shoot softmax-1920 1920x1080 --data iris --standardize --activation softmax --loss cce --lr 0.5 --test-fraction 0.3 --steps 30
shoot blobs-big 1920x1080 --data blobs --n 200000 --test-fraction 0.3 --mode minibatch --batch-size 32 --steps 50

set +e
msg=$("$exe" screenshot --out "$out/refused.png" --test-fraction 0.95 2>&1)
code=$?
set -e
[[ $code == 2 && "$msg" == *"--test-fraction"* ]] || fail "--test-fraction 0.95: exit $code, '$msg' (expected 2 naming it)"
[[ ! -e "$out/refused.png" ]] || fail "a refused --test-fraction still wrote a PNG"
echo "ok: refused --test-fraction 0.95"
