#!/usr/bin/env bash
# Practice mode in the real window (issue 16): with --practice, Space asks step 1 of the slides'
# batch example as blanks; the test types every answer with xdotool (Enter and Tab move on, Enter
# on the last one checks), one of them wrong (sample 1's ŷ as 1 − ŷ), and reads the marks from
# the status line; F12 saves the sheet with its marks; Space reveals the wrong one, Space again
# shows step 1; the score is kept in the settings file. Then the sheets at classroom sizes
# (screenshot --practice --answers, --ask), each checked for layout; a lesson's checkpoint and the
# log-loss explorer too.
source "$(dirname "$0")/common.sh"
run_in_xvfb 1600x900

export HOME="$out/practice-home"
rm -rf "$HOME" "$out/config"
mkdir -p "$HOME"
trace="$out/practice.trace"
start_gui "$trace" --practice

# A key held for a few frames: ImGui 1.86 reads key state once per frame.
hold() {
  xdotool keydown "$1"
  sleep 0.2
  xdotool keyup "$1"
  sleep 0.05
}

hold space
wait_for_line '^status Practice, step 1: fill in the blanks' "Space in practice mode"
[[ "$(last_step)" == 0 ]] || fail "asking step 1 moved the run to step $(last_step)"

# The slides' step 1 to 4 decimals (worked-examples §1), in the sheet's order; sample 1's ŷ
# written as 1 − ŷ = 0.3143.
answers=(0.78 0.3143 1.1573 3.1815 0.2155 0.6857
         0.83 0.6964 1.1919 3.2933 0.2114 0.6964
         1.49 0.8161 0.2032 -1.2254 0.1501 -0.1839
         2.02 0.8829 0.1246 -1.1327 0.1034 -0.1171
         0.2702 0.2431 -0.0195 0.0973 0.4976 -0.0998 0.6679)
for ((k = 0; k < ${#answers[@]}; k++)); do
  # Each answer once its blank has the keyboard (the trace's "practice-blank K"), whatever the
  # frame time.
  wait_for_line "^practice-blank $((k + 1))\$" "blank $((k + 1)) taking the keyboard"
  xdotool type --delay 20 -- "${answers[k]}"
  sleep 0.1
  # Tab moves on within a row, Enter at a row's end (both as in a spreadsheet).
  if ((k % 6 == 2 && k < 24)); then hold Tab; else hold Return; fi
done
wait_for_line '^status 30 right, 1 wrong\. Fix the red ones, or Reveal\.$' "checking the typed answers"
echo "ok: 31 answers typed, 30 marked right and 1 wrong"

# F12: the sheet with its marks (green frames, the red one and its hint under the table).
hold F12
wait_for_line '^status Saved ' "F12 on the practice sheet"
saved=$(find "$HOME/Pictures" -name '*.png' | head -n 1)
[[ -n "$saved" ]] || fail "F12 saved no PNG under $HOME/Pictures"
check_png "$saved" 1600 900
cp "$saved" "$out/practice-marked.png"

# Space reveals what is still wrong, Space again shows the step the history replays.
hold space
wait_for_line '^status Revealed what was still open' "Space with a wrong answer"
[[ "$(last_step)" == 0 ]] || fail "revealing moved the run to step $(last_step)"
press_for_step space 1
echo "ok: revealed, then step 1 shown"
quit_gui
settings="$out/config/logistic-lab/settings.json"
python3 - "$settings" << 'EOF' || fail "the score was not kept in $settings: $(cat "$settings")"
import json, sys
p = json.load(open(sys.argv[1]))["practice"]
sys.exit(0 if (p["answered"], p["right"], p["hints"]) == (31, 30, 2) else 1)
EOF
echo "ok: the score (31 answered · 30 right · 2 hints) kept in the settings"

# The sheet at classroom sizes, marked, and Ask's hidden cells.
marked="0.78 0.3143 _ _ _ 0.6857 0.83"
for size in 1280x720 1920x1080; do
  for scale in 1 2; do
    shoot_checked practice "sheet-$size-$scale" "$size" --practice 9 --answers "$marked" --font-scale "$scale"
  done
  shoot_checked practice "sheet-$size-presentation" "$size" --practice 9 --answers "$marked" --presentation
  shoot_checked practice "ask-$size" "$size" --steps 1 --ask yhat:3,dL_dz:1
done
shoot_checked practice "sheet-level-3" 1600x900 --practice 3 --answers "0.2702 0.2431 0.0195"
shoot_checked practice "sheet-softmax" 1920x1080 --practice 6 --data iris --activation softmax --loss cce \
  --mode minibatch --batch-size 3
echo "ok: practice sheets in $out"

# A lesson's checkpoint at its step, and the log-loss explorer, at classroom sizes.
lesson="$here/../../assets/scenarios/12-lesson-batch-step.json"
for size in 1280x720 1920x1080; do
  for scale in 1 2; do
    shoot_checked checkpoint "$size-$scale" "$size" --scenario "$lesson" --steps 1 --font-scale "$scale"
  done
  shoot_checked checkpoint "$size-presentation" "$size" --scenario "$lesson" --steps 1 --presentation
  shoot_checked log-loss "$size" "$size" --steps 1 --log-loss 0.1
done
shoot_checked log-loss "panel-2x" 2560x1440 --steps 1 --log-loss 0.9 --font-scale 2 --panel activation
shoot_checked log-loss "softmax" 1920x1080 --data iris --activation softmax --loss cce --steps 1 --log-loss 0.3
echo "ok: checkpoints and the log-loss explorer in $out"
