#!/usr/bin/env bash
# The classroom layout check (issue 10): the default example and every shipped scenario, after one
# step, at 1280×720, 1920×1080 and 3840×2160, at text 1×, 1.5×, 2× and 3×, normal and in
# presentation mode, and in presentation mode with its own text size for the screen: no panel may
# need scrolling to show what it holds and no table cell may be cut at its column's edge
# (`screenshot --check-layout` exits 4 and names it). The
# samples table may scroll through a batch too long for any screen (150 flowers) if it shows at
# least 4 rows; the Controls panel is a form and may scroll.
#
# Where even folded all the way the step needs more than the window (3× text at 1280×720, softmax
# on Fisher's iris at 2× there or 3× at 1920×1080) the chain goes to pages: --check-layout checks
# every page. A softmax batch too long for the screen may scroll with one sample's K rows in view.
source "$(dirname "$0")/common.sh"
run_in_xvfb 3840x2160

root=$(cd "$here/../.." && pwd)
failed=0 checked=0
check() {  # check SCENARIO SIZE SCALE [--presentation]
  local scenario=$1 size=$2 scale=$3
  shift 3
  local args=(--steps 1 --size "$size" "$@")
  [[ "$scale" == auto ]] || args+=(--font-scale "$scale")
  [[ -z "$scenario" ]] || args=(--scenario "$scenario" "${args[@]}")
  checked=$((checked + 1))
  local report rc=0
  report=$("$exe" screenshot "${args[@]}" --check-layout --out "$out/layout.png" 2>&1) || rc=$?
  if [[ $rc -ne 0 ]]; then
    echo "FAIL (exit $rc): screenshot ${args[*]}"
    echo "$report" | grep -v '^wrote' | sed 's/^/    /'
    failed=$((failed + 1))
  fi
}

for scenario in "" "$root"/assets/scenarios/*.json; do
  for size in 1280x720 1920x1080 3840x2160; do
    for scale in 1 1.5 2 3; do
      check "$scenario" "$size" "$scale"
      check "$scenario" "$size" "$scale" --presentation
    done
    check "$scenario" "$size" auto --presentation
  done
done
# The views that need pages have them (and the check above went through every one).
for args in "--font-scale 3" "--font-scale 2 --scenario $root/assets/scenarios/08-softmax-iris.json"; do
  # shellcheck disable=SC2086
  report=$("$exe" screenshot --steps 1 --size 1280x720 $args --check-layout --out "$out/layout.png" 2>&1) ||
    fail "screenshot $args: exit $?: $report"
  echo "$report" | grep -q '^chain pages: [2-9]' || fail "at 1280x720 $args the chain should be in pages: $report"
done
echo "layout matrix: $checked views checked, $failed hide part of the step"
((checked > 150)) || fail "only $checked views were checked"
((failed == 0)) || fail "$failed views hide part of the step"
