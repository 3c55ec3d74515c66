#!/usr/bin/env python3
"""The `architecture` test: every #include "…" runs down the layers ARCHITECTURE.md lists.

Reads the table of folders in ARCHITECTURE.md (folder, what lives there, what it may include),
then every source file under app/ and core/, and fails on
  - an include of a folder that the including file's folder may not include (up the order, or
    sideways into a folder not listed for it),
  - an include that names no known folder,
  - a UI header (<imgui…>, <GLFW/…>, <glad/…>, <GL/…>) in a folder marked "no UI",
  - a source file over the line limit ARCHITECTURE.md states.
Usage: check_layers.py SOURCE_DIR
"""
import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".").resolve()
doc = (root / "ARCHITECTURE.md").read_text(encoding="utf-8")

# | `app/cli/` | what lives there | `app/shell`, `app/run`, `core` |
row = re.compile(r"^\|\s*`([^`]+?)/?`\s*\|(.*)\|(.*)\|\s*$")
folders = {}      # "app/cli" -> set of folders it may include (itself included)
no_ui = set()
for line in doc.splitlines():
    m = row.match(line)
    if not m:
        continue
    folder = m.group(1).rstrip("/")
    allowed = {a.rstrip("/") for a in re.findall(r"`([^`]+)`", m.group(3))}
    folders[folder] = allowed | {folder}
    if "no UI" in m.group(2) or "no UI" in m.group(3):
        no_ui.add(folder)
if not folders:
    sys.exit("architecture: no folder table found in ARCHITECTURE.md")
limit_match = re.search(r"no source file is over (\d+) lines", doc)
line_limit = int(limit_match.group(1)) if limit_match else 400

# How an include's first path component names a folder: "ll/…" is core's public headers,
# "cli/…" is app/cli, and a bare name is the including file's own folder.
def folder_of_include(path, own):
    first = path.split("/")[0]
    if "/" not in path:
        return own
    if first == "ll":
        return "core"
    if "app/" + first in folders:
        return "app/" + first
    return None

def folder_of_file(rel):
    parts = rel.parts
    if parts[0] == "core":
        return "core"
    if parts[0] == "app":
        return "app" if len(parts) == 2 else "app/" + parts[1]
    return None

ui_header = re.compile(r"#\s*include\s*<(imgui|GLFW/|glad/|GL/|backends/imgui)")
quoted = re.compile(r'#\s*include\s*"([^"]+)"')
problems = []
files = sorted(p for top in ("app", "core") for p in (root / top).rglob("*")
               if p.suffix in (".cpp", ".h", ".c", ".hpp"))
for path in files:
    rel = path.relative_to(root)
    own = folder_of_file(rel)
    if own not in folders:
        problems.append(f"{rel}: its folder '{own}' is not in ARCHITECTURE.md's table")
        continue
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    if len(lines) > line_limit:
        problems.append(f"{rel}: {len(lines)} lines, over the limit of {line_limit}")
    for number, line in enumerate(lines, 1):
        m = quoted.search(line)
        if m:
            target = folder_of_include(m.group(1), own)
            if target is None:
                problems.append(f"{rel}:{number}: includes \"{m.group(1)}\", which is in no folder of the table")
            elif target not in folders[own]:
                problems.append(f"{rel}:{number}: {own} includes \"{m.group(1)}\" ({target}); "
                                f"{own} may include only {', '.join(sorted(folders[own] - {own})) or 'itself'}")
        if own in no_ui and ui_header.search(line):
            problems.append(f"{rel}:{number}: {own} has no UI, but includes {line.strip()}")

for p in problems:
    print(p)
print(f"architecture: {len(files)} files, {len(problems)} problems")
sys.exit(1 if problems else 0)
