#!/usr/bin/env bash
# Pictures for slides (issue 10, point 7). `screenshot --slide` draws no menu bar, controls, "(?)"
# markers, check boxes or title-bar arrows (`--check-layout` counts what it drew of them), the
# chain panel alone is cropped to its step, and `--caption` stamps the settings. In the running
# window F12 saves such a picture, and the window is laid out as before afterwards.
source "$(dirname "$0")/common.sh"
run_in_xvfb 1600x900

root=$(cd "$here/../.." && pwd)
png_size() { python3 "$here/png_info.py" "$1" | cut -d' ' -f1-2; }

# The window as it is: widgets, markers and the five panels' arrows.
report=$("$exe" screenshot --steps 1 --check-layout --out "$out/normal.png")
echo "$report" | grep -q '^live widgets: [1-9][0-9]*, title-bar arrows: 5$' ||
  fail "the window as it is should have live widgets and 5 arrows: $report"
# A slide: none of them, for the default example and for softmax on iris.
for args in "" "--scenario $root/assets/scenarios/08-softmax-iris.json"; do
  # shellcheck disable=SC2086
  report=$("$exe" screenshot --steps 1 $args --slide --caption --check-layout --out "$out/slide.png") ||
    fail "screenshot --slide $args: exit $? ($report)"
  echo "$report" | grep -q '^live widgets: 0, title-bar arrows: 0$' || fail "a slide drew widgets ($args): $report"
  check_png "$out/slide.png" 1600 900
done
echo "ok: a slide has no widgets, markers or arrows"

# The chain panel alone: cropped to its step, so smaller than the panel, in both directions here
# (the four flowers' table and results leave room at 1600×900).
"$exe" screenshot --steps 1 --panel chain --out "$out/chain.png" > /dev/null
"$exe" screenshot --steps 1 --panel chain --slide --out "$out/chain-slide.png" > /dev/null
read -r pw ph <<< "$(png_size "$out/chain.png")"
read -r sw sh <<< "$(png_size "$out/chain-slide.png")"
((sw < pw && sh < ph)) || fail "the chain slide is ${sw}x${sh}, not cropped inside the panel's ${pw}x${ph}"
check_png "$out/chain-slide.png" "$sw" "$sh"
# At 2× the same crop, twice as big.
"$exe" screenshot --steps 1 --panel chain --slide --scale 2 --out "$out/chain-slide-2x.png" > /dev/null
check_png "$out/chain-slide-2x.png" $((2 * sw)) $((2 * sh))
echo "ok: the chain slide is cropped to its step (${pw}x${ph} → ${sw}x${sh})"

# The caption: the settings in the picture (a caption line changes pixels of the status line).
"$exe" screenshot --steps 1 --slide --out "$out/slide-plain.png" > /dev/null
"$exe" screenshot --steps 1 --slide --caption --out "$out/slide-caption.png" > /dev/null
cmp -s "$out/slide-plain.png" "$out/slide-caption.png" && fail "--caption changed nothing in the picture"
echo "ok: --caption stamps the picture"

# F12 in the running window: a slide picture in the screenshot folder, the window as it was.
export HOME="$out/home"
mkdir -p "$HOME"
rm -rf "$HOME/Pictures"
start_gui "$out/slide.trace"
press_for_step space 1
xdotool keydown F12
for ((k = 0; k < 200; k++)); do
  grep -q '^status Saved ' "$out/slide.trace" && break
  sleep 0.05
done
xdotool keyup F12
grep -q '^status Saved ' "$out/slide.trace" || fail "F12 saved nothing: $(grep '^status' "$out/slide.trace")"
saved=$(find "$HOME/Pictures" -name '*.png' | head -n 1)
[[ -n "$saved" ]] || fail "no PNG under $HOME/Pictures after F12"
read -r fw fh <<< "$(png_size "$saved")"
check_png "$saved" "$fw" "$fh"
press_for_step space 2   # the window still answers after the capture
quit_gui
echo "ok: F12 saved $saved"

# --conventions: the conventions stamp along the foot of the picture (a panel's too).
"$exe" screenshot --steps 1 --panel data --out "$out/conventions-none.png" > /dev/null
"$exe" screenshot --steps 1 --panel data --conventions --out "$out/conventions.png" > /dev/null
"$exe" screenshot --steps 1 --conventions --size 1280x720 --out "$out/conventions-window.png" > /dev/null
check_png "$out/conventions-window.png" 1280 720
cmp -s "$out/conventions-none.png" "$out/conventions.png" && fail "--conventions changed nothing in the panel's picture"
echo "ok: --conventions stamps the picture"
