// Writing a scenario file: the run spec as JSON, written atomically.
#include <nlohmann/json.hpp>

#include <charconv>
#include <cstdlib>
#include <string>

#include "io/atomic_file.h"
#include "ll/error.h"
#include "run/scenario.h"
#include "run/params_json.h"

namespace ll::app {
namespace {

using ordered_json = nlohmann::ordered_json;

// 1.1f as 1.1, not 1.100000023841858: the float's shortest text, read as a double.
double as_written(float v) {
  char buf[32];
  const auto end = std::to_chars(buf, buf + sizeof buf, v).ptr;
  return std::strtod(std::string(buf, end).c_str(), nullptr);
}

}  // namespace

std::string scenario_json(const RunSpec& spec) {
  const DataOptions& d = spec.data;
  const Settings& s = spec.settings;
  const ViewSpec view = spec.view.value_or(ViewSpec{});
  ordered_json j;
  j["format"] = kScenarioFormat;
  j["version"] = kScenarioVersion;
  j["title"] = view.title;
  j["description"] = view.description;
  if (!view.checkpoints.empty()) j["checkpoints"] = checkpoints_json(view.checkpoints);
  j["data"] = d.source;
  if (!d.label_column.empty()) j["label"] = d.label_column;
  if (!d.ignore_columns.empty()) j["ignore"] = d.ignore_columns;
  const DataOptions defaults;
  if (d.source == "blobs" || d.blobs_n != defaults.blobs_n) j["n"] = d.blobs_n;
  if (d.source == "blobs" || d.blobs_separation != defaults.blobs_separation) j["separation"] = d.blobs_separation;
  if (!d.features.empty()) j["features"] = d.features;
  if (!d.classes.empty()) j["classes"] = d.classes;
  if (d.points) {   // edited points: the samples themselves, each its features and its class's name
    const Dataset& p = *d.points;
    ordered_json samples = ordered_json::array();
    for (std::size_t i = 0; i < p.rows(); ++i) {
      ordered_json row = ordered_json::array();
      for (std::size_t f = 0; f < p.features(); ++f) row.push_back(p.x(i, f));
      row.push_back(p.class_names[static_cast<std::size_t>(p.labels[i])]);
      samples.push_back(row);
    }
    j["points"] = {{"name", p.name}, {"features", p.feature_names}, {"classes", p.class_names}, {"samples", samples}};
  }
  j["standardize"] = d.standardize;
  if (d.test_fraction != 0.0) j["test_fraction"] = d.test_fraction;
  j["loss"] = std::string(name(s.loss));
  j["activation"] = std::string(name(s.activation));
  j["mode"] = std::string(name(s.mode));
  j["batch_size"] = s.batch_size;
  if (!spec.first_batch.empty()) {
    ordered_json batch = ordered_json::array();
    for (std::size_t i : spec.first_batch) batch.push_back(i + 1);  // 1-based, as people count
    j["batch"] = batch;
  }
  j["order"] = std::string(name(s.order));
  if (s.labels != LabelCoding::ZeroOne) j["labels"] = std::string(name(s.labels));
  // The conventions, where they differ from the slides' (a file stays as short as before).
  const Settings slides;
  if (s.reduction != slides.reduction) j["reduction"] = std::string(name(s.reduction));
  if (s.squared_error != slides.squared_error) j["squared_error"] = std::string(name(s.squared_error));
  if (s.momentum_form != slides.momentum_form) j["momentum_form"] = std::string(name(s.momentum_form));
  if (s.l2 != slides.l2) j["l2"] = s.l2;
  if (s.l2_bias != slides.l2_bias) j["l2_bias"] = s.l2_bias;
  j["seed"] = s.seed;
  j["lr"] = s.learning_rate;
  j["momentum"] = s.momentum;
  if (spec.theta0) j["theta"] = params_json(*spec.theta0);
  j["steps"] = spec.steps;
  if (spec.compare) {  // the second run: the keys where it differs from the first
    const Settings& b = spec.compare->settings;
    ordered_json c = ordered_json::object();
    if (b.loss != s.loss) c["loss"] = std::string(name(b.loss));
    if (b.activation != s.activation) c["activation"] = std::string(name(b.activation));
    if (b.mode != s.mode) c["mode"] = std::string(name(b.mode));
    if (b.batch_size != s.batch_size) c["batch_size"] = b.batch_size;
    if (b.order != s.order) c["order"] = std::string(name(b.order));
    if (b.labels != s.labels) c["labels"] = std::string(name(b.labels));
    if (b.reduction != s.reduction) c["reduction"] = std::string(name(b.reduction));
    if (b.squared_error != s.squared_error) c["squared_error"] = std::string(name(b.squared_error));
    if (b.momentum_form != s.momentum_form) c["momentum_form"] = std::string(name(b.momentum_form));
    if (b.l2 != s.l2) c["l2"] = b.l2;
    if (b.l2_bias != s.l2_bias) c["l2_bias"] = b.l2_bias;
    if (b.learning_rate != s.learning_rate) c["lr"] = b.learning_rate;
    if (b.momentum != s.momentum) c["momentum"] = b.momentum;
    if (spec.compare->standardize != d.standardize) c["standardize"] = spec.compare->standardize;
    j["compare"] = c;
  }
  j["theme"] = theme_name(view.theme);
  j["font_scale"] = as_written(view.font_scale);
  j["panels"] = {{"controls", view.panels.controls}, {"data", view.panels.data},
                 {"activation", view.panels.activation}, {"loss", view.panels.loss}, {"chain", view.panels.chain},
                 {"landscape", view.panels.landscape}};
  // Text from the window may hold broken UTF-8: replaced, never a throw.
  return j.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

bool save_scenario(const std::string& path, const RunSpec& spec, std::string* error) {
  return io::write_file_atomically(path, scenario_json(spec), error);
}

}  // namespace ll::app
