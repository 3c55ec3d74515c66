// Scenario files on disk: checking a parsed scenario by building its run, loading, writing, and
// options given beside --scenario on the command line.
#include <nlohmann/json.hpp>

#include <cctype>
#include <charconv>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/scenario.h"
#include "io/atomic_file.h"
#include "ll/error.h"

namespace ll::app {
namespace {

using ordered_json = nlohmann::ordered_json;

// "3,4" → [3, 4] (the text came from a scenario or the command line).
ordered_json number_list(const std::string& text, const char* option) {
  ordered_json list = ordered_json::array();
  for (std::size_t n : parse_numbers(text, option)) list.push_back(n);
  return list;
}

// "0.1,0.5,-0.1" → [0.1, 0.5, -0.1]; softmax rows → a list of lists.
ordered_json theta_json(const std::string& text) {
  const Params p = parse_params(text);
  if (p.rows == 1) return ordered_json(p.values);
  ordered_json rows = ordered_json::array();
  for (std::size_t r = 0; r < p.rows; ++r)
    rows.push_back(std::vector<double>(p.values.begin() + static_cast<std::ptrdiff_t>(r * p.cols),
                                       p.values.begin() + static_cast<std::ptrdiff_t>((r + 1) * p.cols)));
  return rows;
}

// 1.1f as 1.1, not 1.100000023841858: the float's shortest text, read as a double.
double as_written(float v) {
  char buf[32];
  const auto end = std::to_chars(buf, buf + sizeof buf, v).ptr;
  return std::strtod(std::string(buf, end).c_str(), nullptr);
}

}  // namespace

std::string scenario_json(const Scenario& s) {
  const RunOptions& o = s.run;
  ordered_json j;
  j["format"] = kScenarioFormat;
  j["version"] = kScenarioVersion;
  j["title"] = s.title;
  j["description"] = s.description;
  j["data"] = o.data.source;
  if (!o.data.label_column.empty()) j["label"] = o.data.label_column;
  const RunOptions defaults;
  if (o.data.source == "blobs" || o.data.blobs_n != defaults.data.blobs_n) j["n"] = o.data.blobs_n;
  if (o.data.source == "blobs" || o.data.blobs_separation != defaults.data.blobs_separation)
    j["separation"] = o.data.blobs_separation;
  if (!o.features.empty()) j["features"] = number_list(o.features, "--features");
  if (!o.classes.empty()) j["classes"] = number_list(o.classes, "--classes");
  j["standardize"] = o.data.standardize;
  j["loss"] = o.loss;
  j["activation"] = o.activation;
  j["mode"] = o.mode;
  j["batch_size"] = o.batch_size;
  if (!o.batch.empty()) j["batch"] = number_list(o.batch, "--batch");
  j["order"] = o.order;
  j["seed"] = o.seed;
  j["lr"] = o.learning_rate;
  j["momentum"] = o.momentum;
  if (!o.theta.empty()) j["theta"] = theta_json(o.theta);
  j["steps"] = o.steps;
  j["theme"] = s.theme;
  j["font_scale"] = as_written(s.font_scale);
  j["panels"] = {{"controls", s.panels.controls}, {"data", s.panels.data}, {"activation", s.panels.activation},
                 {"loss", s.panels.loss}, {"chain", s.panels.chain}};
  // Text from the window may hold broken UTF-8: replaced, never a throw.
  return j.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

bool save_scenario(const std::string& path, const Scenario& s, std::string* error) {
  std::string text;
  try {
    text = scenario_json(s);
  } catch (const InputError& e) {
    if (error) *error = "cannot save " + path + ": " + e.what();
    return false;
  }
  return io::write_file_atomically(path, text, error);
}

RunOptions with_settings(RunOptions o, const Settings& s, const Params& theta0) {
  o.loss = std::string(name(s.loss));
  o.activation = std::string(name(s.activation));
  o.mode = std::string(name(s.mode));
  o.batch_size = s.batch_size;
  o.order = std::string(name(s.order));
  o.seed = s.seed;
  o.learning_rate = s.learning_rate;
  o.momentum = s.momentum;
  std::string theta;
  for (std::size_t k = 0; k < theta0.size(); ++k) {
    char buf[32];
    const auto end = std::to_chars(buf, buf + sizeof buf, theta0.values[k]).ptr;  // reads back exactly
    theta += (k == 0 ? "" : k % theta0.cols == 0 ? ";" : ",") + std::string(buf, end);
  }
  o.theta = theta;
  return o;
}

void add_scenario_option(CLI::App& command, std::string& path, const std::string& help) {
  command.add_option("--scenario", path, help)->type_name("FILE");
}

}  // namespace ll::app
