#!/usr/bin/env bash
# Dropping a file on the real window (an XDND drop, as a file manager sends it; see xdnd_drop.c):
# a good CSV becomes the data set; a malformed one is refused with a message naming the file, line
# and column, and the data in use stays; the window keeps working (Space still steps).
source "$(dirname "$0")/common.sh"
run_in_xvfb 1600x900

dropper=${LL_XDND_DROP:?LL_XDND_DROP must name the xdnd_drop helper (tests/CMakeLists.txt sets it)}
printf 'length,width,kind\n1.4,0.2,small\n1.3,0.2,small\n4.7,1.4,large\n4.5,1.5,large\n5.1,1.9,large\n' > "$out/flowers.csv"
printf 'length,width,kind\n1.4,0.2,small\n1.3,oops,small\n' > "$out/broken.csv"

start_gui "$out/drop.trace"
[[ "$(last_data)" == "iris4 4" ]] || fail "the window did not start on iris4: $(cat "$out/drop.trace")"

"$dropper" "$gui_window" "$out/flowers.csv" || fail "the drop of flowers.csv was not accepted"
for ((k = 0; k < 200; k++)); do
  [[ "$(last_data)" == "flowers.csv 5" ]] && break
  sleep 0.05
done
[[ "$(last_data)" == "flowers.csv 5" ]] || fail "after dropping flowers.csv the data is '$(last_data)'"
echo "ok: dropped flowers.csv → 5 samples in use"

"$dropper" "$gui_window" "$out/broken.csv" || fail "the drop of broken.csv was not accepted"
for ((k = 0; k < 200; k++)); do
  grep -q "^status .*broken.csv" "$gui_trace" && break
  sleep 0.05
done
message=$(grep "^status .*broken.csv" "$gui_trace" | tail -n 1)
[[ "$message" == *"broken.csv:3:2:"* && "$message" == *"oops"* ]] ||
  fail "no message naming broken.csv, line 3, column 2 and the bad cell: '$message'"
echo "ok: the status says: ${message#status }"
[[ "$(last_data)" == "flowers.csv 5" ]] || fail "a malformed file replaced the data: '$(last_data)'"
press_for_step space 1
echo "ok: dropped broken.csv → refused, flowers.csv kept, Space still steps"
quit_gui
