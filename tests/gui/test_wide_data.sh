#!/usr/bin/env bash
# Wide data (issue 11): a CSV with 100 features and softmax with 100 classes used to abort the
# window on ImGui's "Only 1..64 columns allowed!" assertion, even at step 0. The tables now show
# the first features and classes and a "+k" column; every panel is drawn at step 0 and after a
# step, in presentation mode too, and the window itself starts on the file.
source "$(dirname "$0")/common.sh"
run_in_xvfb 1600x900

# 100 features, binary labels; 2 features and 100 classes; 100 features and 100 classes.
python3 - "$out" <<'PY'
import random, sys
out = sys.argv[1]
rng = random.Random(7)
def write(name, features, classes, rows):
    with open(f"{out}/{name}", "w") as f:
        f.write(",".join(f"f{j}" for j in range(1, features + 1)) + ",label\n")
        for i in range(rows):
            label = i % classes
            cells = [f"{rng.gauss(label * 0.1, 1):.3f}" for _ in range(features)]
            f.write(",".join(cells) + f",c{label}\n")
write("features100.csv", 100, 2, 120)
write("classes100.csv", 2, 100, 300)
write("both100.csv", 100, 100, 300)
PY

for file in features100.csv classes100.csv both100.csv; do
  model=""
  [[ $file != features100.csv ]] && model="--activation softmax --loss cce"
  # The same run with the chain hidden, so that the plots and the controls have the window (a
  # chain this wide takes the whole window otherwise).
  activation=sigmoid loss=bce
  [[ -n $model ]] && activation=softmax loss=cce
  cat > "$out/nochain-$file.json" <<JSON
{"format": "logistic-lab-scenario", "version": 1, "data": "$file", "activation": "$activation",
 "loss": "$loss", "panels": {"chain": false}}
JSON
  nochain="--scenario $out/nochain-$file.json"
  for steps in 0 1; do
    for view in "$model" "$model --presentation" "$model --panel chain" "$nochain --panel data" \
      "$nochain --panel controls" "$nochain --panel loss"; do
      # shellcheck disable=SC2086
      "$exe" screenshot --data "$out/$file" $view --steps $steps --out "$out/wide.png" \
        > "$out/wide.log" 2>&1 || fail "$file, $steps steps, '$view': exit $? ($(tail -n 3 "$out/wide.log"))"
      [[ -s "$out/wide.png" ]] || fail "$file, $steps steps, '$view': no picture"
    done
  done
  echo "ok: $file drawn at step 0 and 1, every view"
done
"$exe" screenshot --data "$out/both100.csv" --activation softmax --loss cce --steps 1 --out "$out/both100.png" > /dev/null
check_png "$out/both100.png" 1600 900

# The window on the widest file: it opens and steps (the last frame drawn before the quit).
start_gui "$out/wide-trace.txt" --data "$out/both100.csv" --activation softmax --loss cce
press_for_step space 1
quit_gui
echo "ok: the window opened both100.csv and stepped"
