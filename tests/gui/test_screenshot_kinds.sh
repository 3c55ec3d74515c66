#!/usr/bin/env bash
# One screenshot per kind of data set (1 feature, 2 features, 3 classes with softmax), each at the
# size asked for: the PNG exists, has that size and is not blank.
source "$(dirname "$0")/common.sh"
run_in_xvfb 1920x1080

shoot() {  # shoot NAME WxH [run options…]
  local name=$1 size=$2
  shift 2
  local file="$out/kind-$name.png"
  rm -f "$file"
  "$exe" screenshot "$@" --steps 5 --size "$size" --out "$file" || fail "$name: screenshot exited $?"
  check_png "$file" "${size%x*}" "${size#*x}"
}

shoot one-feature 1280x720 --data iris6
shoot two-features 1600x900 --data iris4
shoot three-classes 1920x1080 --data iris --activation softmax --loss cce
