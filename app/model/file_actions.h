#pragma once
// Runs started from files and data picks: a CSV file (path field, recent files, a file dropped on
// the window), and a new data set with the settings in force. No ImGui here (tested on its own).
// Every action keeps the run it had when the new one is refused, and says why in the status.
#include <string>
#include <vector>

#include "model/app_state.h"
#include "run/run_spec.h"

namespace ll::app {

// Starts a new run on `spec`'s data with `settings` and the data set's default θ₀; `note`, if
// any, goes before the status message (e.g. why the classes changed). False if refused.
bool restart_run(AppState& state, RunSpec spec, const Settings& settings, const std::string& note = "");

// Loads a CSV file as the data set (the first two features; for sigmoid or tanh and more than two
// classes, the first two classes, said in the status). On success the path heads the recent files.
bool open_csv_file(AppState& state, const std::string& path);

// Files dropped on the window: a .json file is opened as a scenario, any other as data (CSV); the
// last one that loads is the one in use. Returns how many were opened.
int open_dropped_files(AppState& state, const std::vector<std::string>& paths);

// The file dialog's action for `kind` on `path`: true if done (the dialog closes); false with the
// reason in *error (the dialog stays open, nothing in use changed).
bool act_on_path(AppState& state, AppState::PathDialog::Kind kind, const std::string& path, std::string* error);

// A scenario file: the run it defines (at its number of steps), its theme, text size, panels,
// title and description. Nothing changes if the file is bad: false with the message (naming the
// file and the key) in *error and in the status.
bool open_scenario_file(AppState& state, const std::string& path, std::string* error);
// A scenario's view part: theme, text size (fonts rebuilt before the next frame), panels, title
// and description.
void apply_scenario_view(AppState& state, const ViewSpec& view);
// Everything that defines the run now (the controls' settings, θ₀, the current step) and how the
// window shows it, as a scenario file, written atomically.
bool save_scenario_file(AppState& state, const std::string& path, std::string* error);

}  // namespace ll::app
