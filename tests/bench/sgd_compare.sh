#!/usr/bin/env bash
# 1,000,000 recorded stochastic steps against scikit-learn's SGDClassifier making as many updates
# (issue 15 §3), in one run: the two take turns, ROUNDS times, and the table ends with the medians.
# Run by hand; not part of the tests.
#
#   tests/bench/sgd_compare.sh [BUILD_DIR]       needs python3-sklearn (Debian) for the other side
#
# logistic-lab: `trace --mode stochastic --steps 1000000 --every 1000000 --no-samples` on iris4,
# the whole command (start-up, every step into the history with the data-set loss after it, the
# last step printed), the best of 3 runs. SGDClassifier: log loss, no penalty, constant η = 0.1,
# on iris4 for 250,000 epochs (max_iter, tol=None, shuffled each epoch), `fit` alone, the best of 3.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
build="${1:-$repo/build}"
rounds="${ROUNDS:-5}"
python="${PYTHON:-/usr/bin/python3}"
exe="$build/app/logistic-lab"
[ -x "$exe" ] || { echo "sgd_compare.sh: build $exe first" >&2; exit 2; }
"$python" -c 'import sklearn' 2>/dev/null || { echo "sgd_compare.sh: $python has no sklearn (apt-get install python3-sklearn)" >&2; exit 2; }

sgd_s() {
  "$python" - <<'PY'
import time, warnings
import numpy as np
from sklearn.linear_model import SGDClassifier
warnings.filterwarnings("ignore")          # "max_iter reached": asked for
X = np.array([[1.4, 0.2], [1.5, 0.2], [3.0, 1.1], [4.1, 1.3]]); y = np.array([0, 0, 1, 1])
best = 1e9
for _ in range(3):
    c = SGDClassifier(loss="log_loss", penalty=None, alpha=0.0, learning_rate="constant", eta0=0.1,
                      max_iter=250_000, tol=None, shuffle=True, random_state=1)
    t = time.perf_counter(); c.fit(X, y); best = min(best, time.perf_counter() - t)
assert c.t_ == 1_000_001, c.t_            # 1,000,000 updates (t_ counts from 1)
print(best)
PY
}

ours_s() {
  local best=1e9 t0 t1
  for _ in 1 2 3; do
    t0=$(date +%s.%N)
    "$exe" trace --mode stochastic --steps 1000000 --every 1000000 --no-samples >/dev/null 2>&1
    t1=$(date +%s.%N)
    best=$(echo "$t0 $t1 $best" | awk '{d = $2 - $1; print (d < $3 ? d : $3)}')
  done
  echo "$best"
}

printf '%-6s | %-14s | %-14s | %s\n' round "SGDClassifier" "logistic-lab" "ratio"
rows=""
for r in $(seq 1 "$rounds"); do
  s=$(sgd_s); o=$(ours_s)
  line=$(echo "$r $s $o" | awk '{printf "%-6s | %10.3f s   | %10.3f s   | %.2fx", $1, $2, $3, $3 / $2}')
  echo "$line"
  rows+="$(echo "$s $o" | awk '{print $2 / $1}')"$'\n'
done
printf '%s' "$rows" | sort -g | awk '{a[NR] = $1} END {printf "median | logistic-lab takes %.2fx SGDClassifier'"'"'s time\n", a[int((NR + 1) / 2)]}'
