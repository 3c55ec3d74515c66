#include "model/file_actions.h"

#include <algorithm>
#include <utility>

#include "io/atomic_file.h"
#include "ll/error.h"
#include "model/user_settings.h"
#include "run/scenario.h"

namespace ll::app {

bool restart_run(AppState& s, RunSpec o, const Settings& settings, const std::string& note) {
  o.settings = settings;
  o.theta0.reset();  // the new data set's default
  o.first_batch.clear();
  o.steps = 0;
  std::string said = note;
  if (!start_run(s, o)) {
    // A mini-batch bigger than the new data set: start with m = 1, then take m = N.
    if (settings.mode != BatchMode::MiniBatch || settings.batch_size <= 1) return false;
    o.settings.batch_size = 1;
    if (!start_run(s, o)) return false;
    Settings fitted = settings;
    fitted.batch_size = s.data().rows();
    change_settings(s, fitted);
    said += (said.empty() ? "" : " ") + std::string("The batch size is now m = ") + std::to_string(fitted.batch_size) +
            ", all of the " + std::to_string(fitted.batch_size) + " samples.";
    s.status = ready_status(s);
  }
  if (!said.empty()) s.status = said + " " + s.status;
  s.status_is_error = false;
  return true;
}

bool open_csv_file(AppState& s, const std::string& path) {
  RunSpec o = s.spec;
  o.data = DataOptions{};
  o.data.source = path;
  o.data.standardize = s.spec.data.standardize;
  // Look first: a file that does not load leaves everything as it was.
  Dataset probe;
  try {
    probe = load_dataset(o.data);
  } catch (const InputError& e) {
    s.status = e.what();
    s.status_is_error = true;
    return false;
  }
  std::string note;
  if (probe.classes() > 2 && s.settings().activation != Activation::Softmax) {
    o.data.classes = {1, 2};
    note = probe.name + " has " + std::to_string(probe.classes()) + " classes; " +
           std::string(name(s.settings().activation)) + " separates two, so " + probe.class_names[0] + " and " +
           probe.class_names[1] + " were picked (change them under Classes, or choose softmax).";
  }
  Settings settings = s.settings();
  if (probe.classes() == 2 && settings.activation == Activation::Softmax) {
    settings.activation = Activation::Sigmoid;  // softmax needs ≥ 3 classes here
    settings.loss = Loss::BCE;
    note = probe.name + " has two classes: sigmoid with cross-entropy instead of softmax.";
  }
  if (!restart_run(s, o, settings, note)) return false;
  add_recent(s.recent_files, path);
  return true;
}

namespace {

bool ends_with(const std::string& text, const std::string& end) {
  return text.size() >= end.size() && text.compare(text.size() - end.size(), end.size(), end) == 0;
}

}  // namespace

void apply_scenario_view(AppState& s, const ViewSpec& view) {
  s.light_theme = view.theme == Theme::Light;
  if (view.font_scale != s.font_scale) {
    s.font_scale = view.font_scale;
    s.normal_font_scale = view.font_scale;
    s.rebuild_fonts = true;
    s.reset_layout = true;
  }
  if (view.panels != s.panels) s.reset_layout = true;
  s.panels = view.panels;
  s.lesson_title = view.title;
  s.lesson_description = view.description;
  set_checkpoints(s, view.checkpoints);
}

bool open_scenario_file(AppState& s, const std::string& path, std::string* error) {
  RunSpec spec;
  try {
    spec = load_scenario(path);  // parses and builds the run: throws before anything changes
  } catch (const InputError& e) {
    s.status = e.what();
    s.status_is_error = true;
    if (error != nullptr) *error = e.what();
    return false;
  }
  if (!start_run(s, spec)) {
    if (error != nullptr) *error = s.status;
    return false;
  }
  const ViewSpec view = spec.view.value_or(ViewSpec{});
  apply_scenario_view(s, view);
  add_recent(s.recent_scenarios, path);
  const std::string name = path.substr(path.find_last_of('/') + 1);
  s.status = "Opened " + name + (view.title.empty() ? "" : ": " + view.title) + ". " + s.status;
  return true;
}

bool save_scenario_file(AppState& s, const std::string& path, std::string* error) {
  const RunSpec spec = current_spec(s);
  if (!save_scenario(path, spec, error)) return false;
  add_recent(s.recent_scenarios, path);
  s.status = "Saved the scenario (" + std::to_string(spec.steps) + " steps) as " + path;
  s.status_is_error = false;
  return true;
}

int open_dropped_files(AppState& s, const std::vector<std::string>& paths) {
  int opened = 0;
  for (const std::string& path : paths) {
    const bool scenario = ends_with(path, ".json");
    if (scenario ? open_scenario_file(s, path, nullptr) : open_csv_file(s, path)) ++opened;
  }
  return opened;
}

bool act_on_path(AppState& s, AppState::PathDialog::Kind kind, const std::string& path, std::string* error) {
  using Kind = AppState::PathDialog::Kind;
  auto failed = [&](const std::string& why) {
    if (error != nullptr) *error = why;
    return false;
  };
  if (path.empty()) return failed("Type a path first.");
  switch (kind) {
    case Kind::OpenCsv:
      return open_csv_file(s, path) || failed(s.status);
    case Kind::ScreenshotFolder: {
      std::string why;
      if (!io::make_folders(path, &why)) return failed(why);
      s.screenshot_folder = path;
      s.status = "PNGs will be saved in " + path;
      s.status_is_error = false;
      return true;
    }
    case Kind::OpenScenario:
      return open_scenario_file(s, path, error);
    case Kind::SaveScenario:
      return save_scenario_file(s, path, error);
    case Kind::SaveDataCsv:
      if (!save_data_csv(s, path, error)) return false;
      s.status = "Saved the data (" + std::to_string(s.data().rows()) + " samples) as " + path;
      s.status_is_error = false;
      return true;
    case Kind::None:
      break;
  }
  return failed("Nothing to do.");
}

}  // namespace ll::app
