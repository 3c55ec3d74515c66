#!/usr/bin/env bash
# CSV loading at 1,000,000 rows × 3 columns (x1, x2, label; about 19 MB): the library alone
# (build/tests/ll_csv_bench) and the whole command `logistic-lab trace --data FILE --steps 1
# --no-samples` (start, load, one full-batch step), median of ROUNDS runs. The goal: under 2 s.
# Run by hand; not part of the test suite (a timed test would fail on a busy shared machine).
#
#   tests/bench/csv_load.sh [BUILD_DIR]     default BUILD_DIR: build/ in the repository
#   ROUNDS=5 ROWS=1000000 tests/bench/csv_load.sh
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
build="${1:-$repo/build}"
rounds="${ROUNDS:-5}"
rows="${ROWS:-1000000}"
file="${TMPDIR:-/tmp}/ll_csv_load_${rows}.csv"

cmake --build "$build" --target logistic-lab ll_csv_bench >/dev/null

# Two overlapping blobs, fixed by the seed, so every run reads the same bytes.
if [ ! -s "$file" ]; then
  awk -v n="$rows" 'BEGIN {
    srand(1); print "x1,x2,label"
    for (i = 0; i < n; i++) {
      y = i % 2
      printf "%.6f,%.6f,%d\n", y * 3 + (rand() + rand() + rand() - 1.5), y * 3 + (rand() + rand() + rand() - 1.5), y
    }
  }' >"$file.tmp"
  mv "$file.tmp" "$file"
fi
echo "file: $file ($(du -h "$file" | cut -f1), $rows rows)"
echo "build type: $(grep -m1 '^CMAKE_BUILD_TYPE' "$build/CMakeCache.txt" | cut -d= -f2)"

"$build/tests/ll_csv_bench" "$file" "$rounds"

times=()
for _ in $(seq "$rounds"); do
  start=$(date +%s%N)
  "$build/app/logistic-lab" trace --data "$file" --steps 1 --no-samples >/dev/null
  times+=($(( ($(date +%s%N) - start) / 1000000 )))
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
echo "trace --steps 1 --no-samples: median ${sorted[$((rounds / 2))]} ms, fastest ${sorted[0]} ms ($rounds runs)"
