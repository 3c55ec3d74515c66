#!/usr/bin/env bash
# `cmake --install BUILD --prefix P` lays out what issue 14 names, and P/bin/logistic-lab runs from
# there on the files installed beside it: with the build tree's share/ link hidden from it, and
# with the prefix moved to another folder.
set -euo pipefail
build=${1:?usage: $0 BUILD_DIR OUTPUT_DIR}
out=${2:?usage: $0 BUILD_DIR OUTPUT_DIR SOURCE_DIR}
source_dir=${3:?usage: $0 BUILD_DIR OUTPUT_DIR SOURCE_DIR [plain|sanitized]}
build_kind=${4:-plain}
fail() { echo "FAIL: $*" >&2; exit 1; }
rm -rf "$out" && mkdir -p "$out"
cmake --install "$build" --prefix "$out/prefix" > "$out/install.log" || fail "cmake --install: $(tail -n 3 "$out/install.log")"
p=$out/prefix
for f in bin/logistic-lab share/logistic-lab/fonts/DejaVuSans.ttf share/logistic-lab/data/iris.csv \
         share/logistic-lab/scenarios/01-batch.json share/applications/org.logisticlab.LogisticLab.desktop \
         share/icons/hicolor/scalable/apps/org.logisticlab.LogisticLab.svg \
         share/icons/hicolor/256x256/apps/org.logisticlab.LogisticLab.png \
         share/metainfo/org.logisticlab.LogisticLab.metainfo.xml share/mime/packages/logistic-lab.xml \
         share/man/man1/logistic-lab.1 share/bash-completion/completions/logistic-lab share/doc/logistic-lab/copyright; do
  [[ -s "$p/$f" ]] || fail "not installed: $f"
done
grep -q 'Exec=logistic-lab %f' "$p/share/applications/org.logisticlab.LogisticLab.desktop" || fail "desktop entry: Exec"
grep -q 'release version="[0-9]' "$p/share/metainfo/org.logisticlab.LogisticLab.metainfo.xml" || fail "metainfo: no version"
# No path of the source tree (or the build tree inside it) in the installed program, debug
# information included (-ffile-prefix-map).
# (Not in a sanitized build: UndefinedBehaviorSanitizer's reports name source files by their full
# path whatever the prefix map; such a build is for the tests, never installed.)
if [[ $build_kind == plain ]] && grep -q -F "$source_dir" "$p/bin/logistic-lab"; then
  fail "bin/logistic-lab holds the path $source_dir"
fi
# The installed program, moved with its prefix: it finds its files beside itself.
mv "$p" "$out/moved"
unset LOGISTIC_LAB_ASSETS
"$out/moved/bin/logistic-lab" trace --data iris --classes 1,2 --steps 1 --no-samples > "$out/trace.txt" ||
  fail "the installed program did not run: $(cat "$out/trace.txt")"
grep -q "mean over all 100 samples" "$out/trace.txt" || fail "the installed program read no iris data"
echo "ok: installed, moved, ran on its own files"
