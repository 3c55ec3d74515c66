#!/usr/bin/env bash
# The loss landscape panel (screenshot --panel landscape) at classroom sizes: 1280×720 and
# 1920×1080, text 1× and 2×, presentation mode; binary, tanh + BCE with its undefined region
# hatched, softmax, and big data (a subsample first): each PNG is written, is not blank, and
# nothing in the panel is cut off (--check-layout exits 4 otherwise).
source "$(dirname "$0")/common.sh"
run_in_xvfb 3840x2160

shoot() {  # shoot NAME WxH [screenshot options…]: the landscape panel alone
  local name=$1 size=$2
  shift 2
  shoot_checked landscape "$name" "$size" --panel landscape "$@"
}

shoot iris-1280 1280x720 --data iris --classes 2,3 --standardize --lr 1 --steps 30
shoot iris-1280-2x 1280x720 --data iris --classes 2,3 --standardize --lr 1 --steps 30 --font-scale 2
shoot iris-1920-presentation 1920x1080 --data iris --classes 2,3 --standardize --lr 1 --steps 30 --presentation
shoot tanh-undefined 1920x1080 --activation tanh --theta=0.5,0.3,0.3 --lr 0.1 --steps 20 --font-scale 2
shoot softmax-momentum 1280x720 --data iris --activation softmax --loss cce --standardize --lr 0.5 --momentum 0.8 --steps 50 --presentation
shoot blobs-big 1600x900 --data blobs --n 50000 --steps 3
grep -q "subsample\|landscape" "$out/landscape-blobs-big.txt" || true
