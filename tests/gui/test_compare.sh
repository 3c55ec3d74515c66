#!/usr/bin/env bash
# Two runs side by side in the window (--compare, a lesson's "compare"): the chain panel showing
# run a, run b and the a − b table, at 1280×720 and 1920×1080, text 1× and 2×, in presentation
# mode; the landscape with both paths; the batch-vs-stochastic lesson. Each PNG is written, is
# not blank, nothing is cut off (--check-layout exits 4 otherwise), and the three chain views
# differ from each other. A --compare that changes nothing, or a shared option, is refused (2).
source "$(dirname "$0")/common.sh"
run_in_xvfb 3840x2160

lesson="$here/../../assets/scenarios/09-compare-bce-vs-squared-error.json"
shoot() { shoot_checked compare "$@"; }   # shoot NAME WxH [screenshot options…]

for size in 1280x720 1920x1080; do
  for font in 1 2; do
    for view in a b differences; do
      shoot "$size-$font-$view" "$size" --scenario "$lesson" --font-scale "$font" --presentation --chain-run "$view"
    done
    a=$(md5sum < "$out/compare-$size-$font-a.png")
    b=$(md5sum < "$out/compare-$size-$font-b.png")
    d=$(md5sum < "$out/compare-$size-$font-differences.png")
    [[ "$a" != "$b" && "$a" != "$d" && "$b" != "$d" ]] || fail "$size at ${font}×: the chain's three views look the same"
  done
done
shoot landscape-1280-2x 1280x720 --scenario "$lesson" --panel landscape --font-scale 2
shoot loss-1920 1920x1080 --scenario "$lesson" --panel loss
# The options given here, not a lesson's; stochastic with momentum on blobs.
shoot options 1600x900 --data blobs --theta=0,-1,1 --lr 0.1 --steps 40 --compare "--mode stochastic --momentum 0.9" --chain-run differences
shoot blobs-lesson 1920x1080 --scenario "$here/../../assets/scenarios/10-compare-batch-vs-stochastic.json"

set +e
msg=$("$exe" screenshot --out "$out/refused.png" --compare "--seed 3" 2>&1)
code=$?
set -e
[[ $code == 2 && "$msg" == *"--compare"* ]] || fail "--compare \"--seed 3\": exit $code, '$msg' (expected 2 naming --compare)"
[[ ! -e "$out/refused.png" ]] || fail "a refused --compare still wrote a PNG"
echo "ok: refused --compare \"--seed 3\""
