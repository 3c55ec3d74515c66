#!/usr/bin/env python3
"""The architecture check catches what it is for: an include up the order, an include into a
folder not listed for it, a UI header in a folder without UI, and a file over the limit. It runs
check_layers.py on small trees made here, with this project's ARCHITECTURE.md.
Usage: self_test.py SOURCE_DIR"""
import pathlib
import shutil
import subprocess
import sys
import tempfile

root = pathlib.Path(sys.argv[1]).resolve()
checker = pathlib.Path(__file__).with_name("check_layers.py")

def run(files):
    with tempfile.TemporaryDirectory() as tmp:
        tree = pathlib.Path(tmp)
        shutil.copy(root / "ARCHITECTURE.md", tree / "ARCHITECTURE.md")
        for name, text in files.items():
            (tree / name).parent.mkdir(parents=True, exist_ok=True)
            (tree / name).write_text(text, encoding="utf-8")
        r = subprocess.run([sys.executable, str(checker), str(tree)], capture_output=True, text=True)
        return r.returncode, r.stdout

cases = {
    "a clean tree passes": ({"app/run/a.cpp": '#include "io/atomic_file.h"\n#include "ll/trainer.h"\n',
                             "app/model/b.cpp": '#include "run/run_spec.h"\n'}, 0, ""),
    "run including the model goes up": ({"app/run/a.cpp": '#include "model/app_state.h"\n'}, 1, "app/run includes"),
    "the model including the panels goes up": ({"app/model/a.cpp": '#include "panels/panels.h"\n'}, 1, "app/model includes"),
    "core including the app goes up": ({"core/src/a.cpp": '#include "run/run_spec.h"\n'}, 1, "core includes"),
    "the panels including the shell go up": ({"app/panels/a.cpp": '#include "shell/theme.h"\n'}, 1, "app/panels includes"),
    "an unknown folder is refused": ({"app/panels/a.cpp": '#include "gui/theme.h"\n'}, 1, "in no folder"),
    "ImGui in the model is refused": ({"app/model/a.cpp": "#include <imgui.h>\n"}, 1, "has no UI"),
    "a long file is refused": ({"app/io/a.cpp": "// line\n" * 401}, 1, "over the limit"),
}
failed = 0
for name, (files, code, words) in cases.items():
    got, out = run(files)
    ok = got == code and words in out
    print(("ok   " if ok else "FAIL ") + name + ("" if ok else f": exit {got}, output:\n{out}"))
    failed += not ok
sys.exit(1 if failed else 0)
