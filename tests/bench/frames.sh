#!/usr/bin/env bash
# Frame time against the number of points (issue 15 §1), in one run: the window rendered off-screen
# under Xvfb (Mesa's llvmpipe), `screenshot --bench-frames F` at 1600×900, after 3 batch steps, for
# iris4 (4 points) and blobs from 40 to 1,000,000 points, ROUNDS times in turns; prints each median
# and its ratio to iris4's of the same round, then the medians of the ratios. Run by hand.
#
#   tests/bench/frames.sh [BUILD_DIR]          ROUNDS=3 FRAMES=100 SIZES="40 1000 5000 100000 1000000"
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
build="${1:-$repo/build}"
exe="$build/app/logistic-lab"
rounds="${ROUNDS:-3}"
frames="${FRAMES:-100}"
sizes="${SIZES:-40 200 1000 2000 5000 5001 100000 1000000}"
[ -x "$exe" ] || { echo "frames.sh: build $exe first" >&2; exit 2; }

median_ms() {   # run options...
  xvfb-run -a -s '-screen 0 1600x900x24' "$exe" screenshot "$@" --steps 3 --size 1600x900 \
    --bench-frames "$frames" --out /tmp/ll_frames_$$.png 2>&1 | sed -n 's/.*median \([0-9.]*\) ms.*/\1/p'
}

declare -A ratios
printf '%-6s %-10s' round "iris4 ms"
for n in $sizes; do printf ' %-16s' "$n points"; done
echo
for r in $(seq 1 "$rounds"); do
  base=$(median_ms --data iris4)
  printf '%-6s %-10s' "$r" "$base"
  for n in $sizes; do
    ms=$(median_ms --data blobs --n "$n")
    ratio=$(awk -v a="$ms" -v b="$base" 'BEGIN {printf "%.2f", a / b}')
    ratios[$n]+="$ratio "
    printf ' %-16s' "$ms ($ratio×)"
  done
  echo
done
rm -f /tmp/ll_frames_$$.png
printf 'median ratio to iris4:'
for n in $sizes; do
  printf ' %s: %s×' "$n" "$(echo ${ratios[$n]} | tr ' ' '\n' | sort -g | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}')"
done
echo
