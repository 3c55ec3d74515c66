#!/usr/bin/env bash
# Without a display, the window commands exit 2 and say how to run them headless.
source "$(dirname "$0")/common.sh"

for command in "" "gui" "screenshot"; do
  set +e
  message=$(env -u DISPLAY -u WAYLAND_DISPLAY "$exe" $command 2>&1 > /dev/null)
  code=$?
  set -e
  [[ $code == 2 ]] || fail "'logistic-lab $command' without a display exited $code, expected 2"
  [[ "$message" == *"xvfb-run"* ]] || fail "'logistic-lab $command': no xvfb-run hint in: $message"
  echo "ok: 'logistic-lab $command' exits 2: $message"
done
