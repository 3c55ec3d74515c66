#!/usr/bin/env bash
# Settings persist across runs in the XDG config folder, and a corrupt settings file is set aside
# with a message in the status line; the window opens anyway.
source "$(dirname "$0")/common.sh"
run_in_xvfb 1600x900

settings="$out/config/logistic-lab/settings.json"
rm -rf "$out/config"

start_gui "$out/settings.trace"
# One tap (held down, the key would repeat). Just after the window opens, the focus events of
# `xdotool windowfocus` can still be on their way, and ImGui clears the keys when they arrive: if
# no size change shows within 4 s, the tap is sent again, up to five times on a busy machine (one
# change is all the test wants: the first that arrives makes it 125 %).
for attempt in 1 2 3 4 5; do
  xdotool key ctrl+equal
  for ((k = 0; k < 80; k++)); do
    grep -q "^status Text size" "$gui_trace" && break 2
    sleep 0.05
  done
done
grep -q "^status Text size 125%" "$gui_trace" || fail "Ctrl+= did not make the text bigger: $(tail -n 3 "$gui_trace")"

quit_gui
[[ -f "$settings" ]] || fail "no settings file at $settings after closing the window"
python3 - "$settings" <<'PY' || fail "settings.json does not hold the bigger text: $(cat "$settings")"
import json, sys
s = json.load(open(sys.argv[1]))
assert s["font_scale"] == 1.25, s
PY
echo "ok: Ctrl+= then quit → font_scale 1.25 saved in $settings"

printf '{ "font_scale": 2,\n  oops }\n' > "$settings"
start_gui "$out/settings-bad.trace"
for ((k = 0; k < 200; k++)); do
  grep -q "^status .*could not be read" "$gui_trace" && break
  sleep 0.05
done
message=$(grep "^status .*could not be read" "$gui_trace" | tail -n 1 || true)
[[ "$message" == *"line 2"* && "$message" == *"settings.json.bad"* ]] ||
  fail "no message about the corrupt settings file: $(cat "$gui_trace")"
echo "ok: ${message#status }"
press_for_step space 1
quit_gui
[[ -f "$settings.bad" ]] || fail "the corrupt file was not set aside as settings.json.bad"
python3 -c "import json,sys; json.load(open(sys.argv[1]))" "$settings" || fail "the new settings file is not valid JSON"
echo "ok: the window ran, the corrupt file is settings.json.bad, a valid one was written"
