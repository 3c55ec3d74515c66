#pragma once
// The user's settings that outlive a run (theme, text size, window, screenshot folder, recent
// files, open panels, Play speed), kept as JSON in the XDG config folder. No ImGui here: the
// window reads these at start and writes them when they change.
//
// Reading never fails and never throws. What a bad file does:
//   - missing: the defaults, no message (the first run).
//   - not usable as a whole (not JSON, binary, not a JSON object, empty, over 1 MiB): moved aside
//     to "settings.json.bad" (then ".bad-2", … so an older one is kept), the defaults, a message.
//   - one key wrong (wrong type, out of range, unknown theme): that key is clamped into range or
//     takes its default, the other keys are kept, and the message names the key. The file stays;
//     the next save rewrites it with the values in use.
//   - a folder, not a regular file, or unreadable: the defaults and a message; nothing is moved
//     (it is not ours to move, and may be a permissions slip the user wants to fix).
// Unknown keys are ignored, so a settings file written by a newer version still loads.
#include <string>
#include <vector>

#include "model/user_paths.h"
#include "run/run_spec.h"   // PanelsShown

namespace ll::app {

constexpr std::size_t kMaxRecent = 10;  // entries kept in each recent list

struct UserSettings {
  std::string theme = "dark";          // "dark", "light" or "classic" (Dear ImGui's three styles)
  float font_scale = 1.0f;             // text size, 0.5 … 3 (Ctrl+= / Ctrl+− steps)
  int window_width = 1600;             // last window size in screen pixels, 320 … 16384
  int window_height = 900;
  bool maximized = false;              // the window was maximized when last closed
  std::string screenshot_folder;       // empty: default_screenshot_folder()
  int screenshot_scale = 1;            // F12 renders at 1×…4× the window size
  bool screenshot_caption = false;     // saved PNGs carry a line with the settings
  bool screenshot_conventions = false; // … and one with the conventions
  std::vector<std::string> recent_files;      // CSV files, most recent first, ≤ 10, no duplicates
  std::vector<std::string> recent_scenarios;  // scenario files, same rules
  PanelsShown panels;                  // which panels are open
  float steps_per_second = 10.0f;      // Play speed, 1 … 5000 (the --play range)
  int decimals = 4;                    // the most decimals numbers are written with, 0 … 8
  bool presentation = false;           // presentation mode: large text, fewer controls
  // Practice mode (model/practice.h): the fading level, auto level-up, and the score since the
  // last reset.
  int practice_level = 9;              // 0 … 9
  bool practice_auto_level_up = true;
  int practice_level_up_after = 3;     // 1 … 10 steps all right
  int practice_answered = 0, practice_right = 0, practice_hints = 0;   // 0 … 1,000,000,000
};

bool operator==(const UserSettings& a, const UserSettings& b);
inline bool operator!=(const UserSettings& a, const UserSettings& b) { return !(a == b); }

struct LoadedSettings {
  UserSettings settings;
  std::string message;  // one plain paragraph for the status line; empty when all went well
};

// Reads the settings file; see the top of this file for what a bad file does. `home` only
// shortens the path in the message. Never throws.
LoadedSettings load_user_settings(const std::string& path, const std::string& home = "") noexcept;

// Creates the folder and writes the file atomically (the old file stays whole on any failure).
// On failure returns false and sets `error` (if given) to one plain line. Never throws.
bool save_user_settings(const std::string& path, const UserSettings& settings,
                        std::string* error) noexcept;

// The settings as the JSON text the file holds (also what save writes).
std::string settings_to_json(const UserSettings& settings);

// Moves `path` to the front of `list`, removing any other copy of it, and keeps at most
// kMaxRecent entries. An empty path is ignored.
void add_recent(std::vector<std::string>& list, const std::string& path);

}  // namespace ll::app
