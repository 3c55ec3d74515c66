#pragma once
// Scenario files: a JSON file holding everything that defines a run (the trace options) and how
// the window shows it (theme, text size, which panels, a title and a description for the
// student). `logistic-lab [gui|trace|screenshot] --scenario FILE` opens one; options given beside
// it win. assets/scenarios/ has one per worked example of the slides.
//
//   { "format": "logistic-lab-scenario", "version": 1,
//     "title": "…", "description": "…",
//     "data": "iris4", "label": "species", "features": [3, 4], "classes": [1, 2], "loss": "bce", "activation": "sigmoid",
//     "mode": "minibatch", "batch_size": 2, "batch": [2, 4], "order": "sequential", "seed": 1,
//     "lr": 0.01, "momentum": 0, "theta": [0.1, 0.5, -0.1], "standardize": false, "n": 200,
//     "separation": 3, "steps": 1,
//     "theme": "dark", "font_scale": 1, "panels": {"controls": true, "data": true, …} }
//
// Only "format" and "version" are required; a missing key keeps its default. Numbers of samples,
// features and classes are 1-based, as people count. θ is a list (softmax: a list of K lists). A
// relative CSV path in "data" is relative to the scenario file.
#include <CLI/CLI.hpp>

#include <string>

#include "cli/run_options.h"

namespace ll::app {

constexpr const char* kScenarioFormat = "logistic-lab-scenario";
constexpr int kScenarioVersion = 1;

struct ScenarioPanels {
  bool controls = true, data = true, activation = true, loss = true, chain = true;
  bool operator==(const ScenarioPanels& o) const;
};

struct Scenario {
  RunOptions run;                 // as the command line gives it ("steps" defaults to 1)
  std::string title;              // shown to the student
  std::string description;
  std::string theme = "dark";     // "dark" | "light"
  float font_scale = 1.0f;        // 0.5 … 3, as Ctrl+= / Ctrl+− set it
  ScenarioPanels panels;
  bool operator==(const Scenario& o) const;
  bool operator!=(const Scenario& o) const { return !(*this == o); }
};

// Parses a scenario's text: JSON syntax, "format" and "version", known keys, value types and
// ranges. Reads no data and no other file. Throws InputError naming `file_name`, and the key
// ("lesson.json: key 'lr': expected a number, got \"fast\"") or the line and column of a
// syntax error ("lesson.json:3:14: …").
Scenario parse_scenario(const std::string& text, const std::string& file_name);

// Builds the run the scenario defines (data, settings, θ₀ against the data, the first batch) as
// the command line would, so that a value that does not fit is found now. Throws InputError
// naming the file and the key.
Run check_scenario(const Scenario& scenario, const std::string& file_name);

// Reads, parses and checks a scenario file; a relative CSV path in "data" becomes relative to
// the file's folder. Throws InputError before anything else happens, so a caller that loads into
// an open window changes nothing on failure.
Scenario load_scenario(const std::string& path);

// The scenario as JSON text (every run key; θ, features, classes and the batch when set).
// Throws InputError if a run option is not well formed (e.g. features "3,x").
std::string scenario_json(const Scenario& scenario);

// Writes scenario_json atomically. False with a one-line message in `error` on failure.
bool save_scenario(const std::string& path, const Scenario& scenario, std::string* error);

// The run options with the window's current settings and θ₀ written in (loss, activation, mode,
// batch size, order, seed, η, β as option text; θ₀ at full precision): what "Save scenario"
// should save once the controls have changed the settings the run started from.
RunOptions with_settings(RunOptions options, const Settings& settings, const Params& theta0);

// Registers --scenario FILE on `command` (trace, gui, screenshot, and the bare window).
void add_scenario_option(CLI::App& command, std::string& path,
                         const std::string& help = "Scenario file (JSON, see assets/scenarios/); options given "
                                                   "beside it win");

// `--scenario FILE` beside run options: the file's scenario with the options given on the
// command line on top. `command` is the parsed command on which add_run_options registered
// `given`. Throws InputError.
Scenario scenario_with_options(const std::string& path, const CLI::App& command, const RunOptions& given);

}  // namespace ll::app
