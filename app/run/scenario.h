#pragma once
// Scenario files: a JSON file holding a whole run spec (run/run_spec.h): everything that defines
// a run and how the window shows it (theme, text size, which panels, a title and a description
// for the student). `logistic-lab [gui|trace|screenshot] --scenario FILE` opens one; options
// given beside it win. assets/scenarios/ has one per worked example of the slides.
//
//   { "format": "logistic-lab-scenario", "version": 1,
//     "title": "…", "description": "…",
//     "data": "iris4", "label": "species", "features": [3, 4], "classes": [1, 2], "loss": "bce", "activation": "sigmoid",
//     "mode": "minibatch", "batch_size": 2, "batch": [2, 4], "order": "sequential", "seed": 1, "labels": "01",
//     "reduction": "mean", "squared_error": "full", "momentum_form": "plain", "l2": 0, "l2_bias": false,
//     "lr": 0.01, "momentum": 0, "theta": [0.1, 0.5, -0.1], "standardize": false, "n": 200,
//     "separation": 3, "steps": 1,
//     "theme": "dark", "font_scale": 1, "panels": {"controls": true, "data": true, …} }
//
// Only "format" and "version" are required; a missing key keeps its default. Numbers of samples,
// features and classes are 1-based, as people count. θ is a list (softmax: a list of K lists). A
// relative CSV path in "data" is relative to the scenario file. A spec read from a file always has
// its view part (RunSpec::view).
#include <cstdint>
#include <string>

#include "run/run_spec.h"

namespace ll::app {

constexpr const char* kScenarioFormat = "logistic-lab-scenario";
constexpr int kScenarioVersion = 1;
// A scenario file's size limit: lessons are a few KiB; this keeps a wrong file (a dump,
// /dev/zero through a link) from filling memory.
constexpr std::uint64_t kScenarioMaxBytes = 16ull * 1024 * 1024;

// Parses a scenario's text: JSON syntax, "format" and "version", known keys, value types and
// ranges. Reads no data and no other file. Throws InputError naming `file_name`, and the key
// ("lesson.json: key 'lr': expected a number, got \"fast\"") or the line and column of a
// syntax error ("lesson.json:3:14: …").
RunSpec parse_scenario(const std::string& text, const std::string& file_name);

// Builds the run the spec defines (data, settings, θ₀ against the data, the first batch) as the
// command line would, so that a value that does not fit is found now. Throws InputError naming
// the file and the key.
Run check_scenario(const RunSpec& spec, const std::string& file_name);

// Reads (a regular file of at most kScenarioMaxBytes; a pipe or device is refused without
// blocking), parses and checks a scenario file; a relative CSV path in "data" becomes relative to
// the file's folder. Throws InputError before anything else happens, so a caller that loads into
// an open window changes nothing on failure.
RunSpec load_scenario(const std::string& path);

// The spec as scenario JSON text (every run key; θ, features, classes and the batch when set; the
// view part, or the default view when the spec has none).
std::string scenario_json(const RunSpec& spec);

// Writes scenario_json atomically. False with a one-line message in `error` on failure.
bool save_scenario(const std::string& path, const RunSpec& spec, std::string* error);

}  // namespace ll::app
