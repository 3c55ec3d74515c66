#!/usr/bin/env bash
# The full-data pass's vector paths against vectorised numpy and against their memory floor, in one
# run (issue 15 §2): softmax + CCE (K = 3, d = 2, N = 300,000) and sigmoid + BCE with d = 10
# (N = 200,000), each a full-batch step. The machine may be shared and noisy, so the two sides take
# turns, ROUNDS times, and the table ends with the medians. Run by hand; not part of the tests.
#
#   tests/bench/kernels_compare.sh [BUILD_DIR]        default: build/ in the repository
#   ROUNDS=7 PYTHON=/usr/bin/python3 tests/bench/kernels_compare.sh
#
# Columns: numpy's median step (numpy_kernels.py), ll_kernel_bench's median of 3 repetitions
# (BM_SoftmaxStep, BM_WideStep, BM_ReadFloor: every byte of the wide data read once on every core),
# and the ratios numpy / logistic-lab and step / floor.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
build="${1:-$repo/build}"
rounds="${ROUNDS:-5}"
python="${PYTHON:-/usr/bin/python3}"
"$python" -c 'import numpy' 2>/dev/null || { echo "kernels_compare.sh: $python has no numpy (apt-get install python3-numpy)" >&2; exit 2; }

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
if ! cmake --build "$build" --target ll_kernel_bench -j"$(nproc)" >"$tmp/build.log" 2>&1; then
  cat "$tmp/build.log" >&2
  echo "kernels_compare.sh: building ll_kernel_bench in $build failed (configure it first; libbenchmark-dev)" >&2
  exit 2
fi

printf '%-6s | %-22s | %-22s | %s\n' round "softmax: numpy / ours" "d = 10: numpy / ours" "d = 10: floor, step/floor"
: >"$tmp/rows"
for r in $(seq 1 "$rounds"); do
  "$python" "$here/numpy_kernels.py" --runs 15 >"$tmp/numpy"
  "$build/tests/ll_kernel_bench" --benchmark_repetitions=3 --benchmark_report_aggregates_only=true \
    --benchmark_out="$tmp/ours.json" --benchmark_out_format=json >/dev/null 2>&1
  "$python" - "$tmp/numpy" "$tmp/ours.json" "$r" >>"$tmp/rows" <<'PY'
import json, sys
numpy = dict(line.split() for line in open(sys.argv[1]))
ours = {}
for b in json.load(open(sys.argv[2]))["benchmarks"]:
    if b.get("aggregate_name") == "median":
        ours[b["run_name"]] = b["real_time"]     # ms
soft = ours["BM_SoftmaxStep/300000/real_time"]
wide, floor = ours["BM_WideStep/200000/real_time"], ours["BM_ReadFloor/200000/10/real_time"]
ns, nw = float(numpy["softmax_ms"]), float(numpy["wide_ms"])
print(sys.argv[3], ns, soft, nw, wide, floor)
PY
  tail -1 "$tmp/rows" | awk '{printf "%-6s | %6.2f / %5.3f = %4.1fx | %6.2f / %5.3f = %4.1fx | %5.3f ms, %4.2fx\n", $1, $2, $3, $2/$3, $4, $5, $4/$5, $6, $5/$6}'
done
median() { sort -g | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
printf 'median | softmax %.1fx numpy | d = 10 %.1fx numpy | d = 10 step %.2fx its floor\n' \
  "$(awk '{print $2 / $3}' "$tmp/rows" | median)" "$(awk '{print $4 / $5}' "$tmp/rows" | median)" \
  "$(awk '{print $5 / $6}' "$tmp/rows" | median)"
