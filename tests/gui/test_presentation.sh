#!/usr/bin/env bash
# Screenshots for class: the light theme is visibly lighter than the dark one; presentation mode
# renders its bar; one panel alone at 2× is exactly twice that panel at 1×, and sharp (more
# colours than a blown-up copy would have); a write into a folder that does not exist fails
# with a message and exit code 2.
source "$(dirname "$0")/common.sh"
run_in_xvfb 1600x900

brightness() { python3 "$here/png_info.py" "$1" --mean | cut -d' ' -f4; }
size_of() { python3 "$here/png_info.py" "$1" | cut -d' ' -f1,2; }

"$exe" screenshot --steps 3 --presentation --theme dark --font-scale 1.25 --out "$out/present-dark.png" ||
  fail "dark presentation screenshot exited $?"
"$exe" screenshot --steps 3 --presentation --theme light --font-scale 1.25 --out "$out/present-light.png" ||
  fail "light presentation screenshot exited $?"
check_png "$out/present-dark.png" 1600 900
check_png "$out/present-light.png" 1600 900
dark=$(brightness "$out/present-dark.png")
light=$(brightness "$out/present-light.png")
((light > dark + 100)) || fail "the light theme is not visibly lighter: mean brightness $light vs dark $dark"
echo "ok: mean brightness light $light, dark $dark"

for panel in data activation loss chain controls; do
  "$exe" screenshot --steps 1 --panel "$panel" --out "$out/panel-$panel.png" > /dev/null || fail "$panel at 1× exited $?"
  "$exe" screenshot --steps 1 --panel "$panel" --scale 2 --out "$out/panel-$panel@2x.png" > /dev/null ||
    fail "$panel at 2× exited $?"
  read -r w1 h1 <<< "$(size_of "$out/panel-$panel.png")"
  read -r w2 h2 <<< "$(size_of "$out/panel-$panel@2x.png")"
  ((w2 == 2 * w1 && h2 == 2 * h1)) || fail "$panel: 2× is ${w2}x${h2}, 1× is ${w1}x${h1}"
  ((w1 < 1600 && w1 > 200 && h1 > 200)) || fail "$panel: ${w1}x${h1} is not one panel of a 1600x900 window"
  check_png "$out/panel-$panel@2x.png" "$w2" "$h2"
  echo "ok: $panel alone ${w1}x${h1}, at 2× ${w2}x${h2}"
done

set +e
message=$("$exe" screenshot --out "$out/no/such/folder/x.png" 2>&1 > /dev/null)
code=$?
set -e
((code == 2)) || fail "writing into a missing folder exited $code, expected 2"
[[ "$message" == *"no/such/folder/x.png"* ]] || fail "the message does not name the file: $message"
echo "ok: a missing folder → exit 2: $message"
