#!/usr/bin/env bash
# One full-batch sigmoid + BCE step at N = 1,000,000, d = 2: logistic-lab (BM_FullBatchStep in
# build/tests/ll_bench) against the same step in vectorised numpy (numpy_step.py), side by side in
# one run. The machine may be shared and noisy, so the two take turns, ROUNDS times, and the table
# ends with the medians. Exits 1 if logistic-lab's step is not at least MIN_RATIO (10) times faster.
# Run by hand; not part of the test suite.
#
#   tests/bench/compare.sh [BUILD_DIR]         default BUILD_DIR: build/ in the repository
#   ROUNDS=7 MIN_RATIO=10 PYTHON=/usr/bin/python3 tests/bench/compare.sh
#
# Each round: numpy's median of 30 steps; logistic-lab's median of 5 repetitions of BM_FullBatchStep
# (and of the BM_FullPass it contains) on all threads, then of the step with LL_THREADS=1 (one
# thread, for the scaling; not in the ratio).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
build="${1:-$repo/build}"
rounds="${ROUNDS:-5}"
min_ratio="${MIN_RATIO:-10}"

# A python3 with numpy (Debian's python3-numpy is on /usr/bin/python3's path).
python="${PYTHON:-}"
if [ -z "$python" ]; then
  for p in python3 /usr/bin/python3; do
    if command -v "$p" >/dev/null && "$p" -c 'import numpy' 2>/dev/null; then python="$p"; break; fi
  done
fi
[ -n "$python" ] || { echo "compare.sh: no python3 with numpy (apt-get install python3-numpy)" >&2; exit 2; }

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# Configure (the first time) and build the benchmark; its output is shown only if that fails.
if ! { [ -f "$build/CMakeCache.txt" ] || cmake -S "$repo" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo; } \
       >"$tmp/build.log" 2>&1 ||
   ! cmake --build "$build" --target ll_bench -j"$(nproc)" >>"$tmp/build.log" 2>&1; then
  cat "$tmp/build.log" >&2
  echo "compare.sh: building ll_bench in $build failed (is libbenchmark-dev installed?)" >&2
  exit 2
fi
bench="$build/tests/ll_bench"

# Prints the median real times in ms, over 5 repetitions, of the step and of its full_pass.
ours_ms() {
  "$bench" --benchmark_filter='^BM_FullBatchStep/1000000/|^BM_FullPass<ll::Activation::Sigmoid, ll::Loss::BCE>/N:1000000/grad:1/' \
    --benchmark_repetitions=5 --benchmark_min_time=0.2 \
    --benchmark_out="$tmp/ours.json" --benchmark_out_format=json >/dev/null 2>&1
  "$python" - "$tmp/ours.json" <<'EOF'
import json, sys
runs = [b for b in json.load(open(sys.argv[1]))["benchmarks"] if b.get("aggregate_name") == "median"]
def ms(prefix):
    b = next(b for b in runs if b["run_name"].startswith(prefix))
    return b["real_time"] * {"ns": 1e-6, "us": 1e-3, "ms": 1.0, "s": 1e3}[b["time_unit"]]
print(f"{ms('BM_FullBatchStep'):.4f} {ms('BM_FullPass'):.4f}")
EOF
}

numpy_ms() { "$python" "$here/numpy_step.py" --runs 30 | awk '$1 == "step_ms_median" { print $2 }'; }
ratio_of() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / b }'; }
row() { printf '%-7s | %9.2f | %16.3f | %6s | %13.3f | %18.3f\n' "$@"; }
rule() { echo "--------+-----------+------------------+--------+---------------+-------------------"; }

echo "CPU: $(lscpu | sed -n 's/^Model name: *//p') ($(nproc) cores); numpy $("$python" -c 'import numpy; print(numpy.__version__)')"
echo "One full-batch sigmoid + BCE step, N = 1,000,000, d = 2; $rounds rounds, numpy and logistic-lab in turn"
echo
printf '%-7s | %9s | %16s | %6s | %13s | %18s\n' round "numpy ms" "logistic-lab ms" ratio "its pass ms" "1-thread step ms"
rule
: >"$tmp/rows"
for r in $(seq 1 "$rounds"); do
  n="$(numpy_ms)"
  read -r o p < <(ours_ms)
  read -r o1 _ < <(LL_THREADS=1 ours_ms)
  row "$r" "$n" "$o" "$(ratio_of "$n" "$o")" "$p" "$o1"
  echo "$n $o $p $o1" >>"$tmp/rows"
done
read -r mn mo mp mo1 < <("$python" - "$tmp/rows" <<'EOF'
import statistics, sys
rows = [list(map(float, l.split())) for l in open(sys.argv[1])]
print(*(f"{statistics.median(c):.4f}" for c in zip(*rows)))
EOF
)
ratio="$(ratio_of "$mn" "$mo")"
rule
row median "$mn" "$mo" "$ratio" "$mp" "$mo1"
echo
echo "scaling: the step takes $mo1 ms on 1 thread, $mo ms on all ($(ratio_of "$mo1" "$mo")x);" \
     "its full_pass is $mp ms of it, the rest is the Trainer's own work"
if awk -v r="$ratio" -v m="$min_ratio" 'BEGIN { exit !(r >= m) }'; then
  echo "OK: logistic-lab's step is ${ratio}x faster than numpy's (needs ${min_ratio}x)"
else
  echo "FAIL: logistic-lab's step is only ${ratio}x faster than numpy's (needs ${min_ratio}x)" >&2
  exit 1
fi
