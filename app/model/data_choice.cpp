#include "model/data_choice.h"

#include <algorithm>

#include "ll/error.h"
#include "model/file_actions.h"

namespace ll::app {
namespace {

// 1-based positions in `all` of each of `names` (0 for a name not found).
std::vector<std::size_t> positions(const std::vector<std::string>& names, const std::vector<std::string>& all) {
  std::vector<std::size_t> out;
  for (const std::string& n : names) {
    const auto it = std::find(all.begin(), all.end(), n);
    out.push_back(it == all.end() ? 0 : static_cast<std::size_t>(it - all.begin()) + 1);
  }
  return out;
}

std::string then(const std::string& note) { return note + (note.empty() ? "" : " "); }

}  // namespace

const Dataset* source_data(AppState& s) {
  if (s.spec.data.source == "blobs") return nullptr;  // 2 features, 2 classes: nothing to pick
  if (!s.source_data || s.source_data->name != s.data().name) {
    s.source_data.reset();
    DataOptions o;
    o.source = s.spec.data.source;
    o.label_column = s.spec.data.label_column;
    o.ignore_columns = s.spec.data.ignore_columns;
    try {
      // For iris, load_dataset keeps the petal pair by default; the pickers need every column.
      Dataset all = o.source == "iris" ? load_iris() : load_dataset(o);
      s.source_data = std::make_shared<const Dataset>(std::move(all));
    } catch (const InputError&) {
      return nullptr;  // the pickers are hidden; the run itself loaded, so this is not reported
    }
  }
  return s.source_data.get();
}

std::vector<std::size_t> picked_features(AppState& s) {
  const Dataset* source = source_data(s);
  return source ? positions(s.data().feature_names, source->feature_names) : std::vector<std::size_t>{};
}

std::vector<std::size_t> picked_classes(AppState& s) {
  const Dataset* source = source_data(s);
  return source ? positions(s.data().class_names, source->class_names) : std::vector<std::size_t>{};
}

void choose_builtin(AppState& s, const std::string& source) {
  RunSpec o = s.spec;
  o.data.source = source;
  o.data.features.clear();
  o.data.classes.clear();
  std::string note;
  // sigmoid and tanh separate two classes: on iris, start with the first two species.
  if (source == "iris" && s.settings().activation != Activation::Softmax) {
    o.data.classes = {1, 2};
    note = "iris has 3 species; " + std::string(name(s.settings().activation)) +
           " separates two, so setosa and versicolor were picked (change them under Classes).";
  }
  restart_run(s, o, s.settings(), note);
}

void pick_features(AppState& s, std::size_t x1, std::size_t x2) {
  RunSpec o = s.spec;
  o.data.features = x2 == 0 ? std::vector<std::size_t>{x1} : std::vector<std::size_t>{x1, x2};
  restart_run(s, o, s.settings());
}

void pick_classes(AppState& s, const std::vector<std::size_t>& classes) {
  const Dataset* source = source_data(s);
  RunSpec o = s.spec;
  const bool all = source != nullptr && classes.size() == source->classes() &&
                   std::is_sorted(classes.begin(), classes.end());
  o.data.classes = all ? std::vector<std::size_t>{} : classes;
  restart_run(s, o, s.settings());
}

void choose_activation(AppState& s, Activation a) {
  Settings next = s.settings();
  next.activation = a;
  std::string note;
  if (a != Activation::Sigmoid && next.labels == LabelCoding::PlusMinusOne) {
    next.labels = LabelCoding::ZeroOne;  // validate(): ±1 labels are the sigmoid's form
    note = "Labels are 0/1 with " + std::string(name(a)) + ".";
  }
  if (!is_defined(next.loss, a)) {
    next.loss = a == Activation::Softmax ? Loss::CCE : Loss::BCE;
    note = then(note) + std::string(name(a)) + " with " + std::string(name(s.settings().loss)) +
           " is not defined, so the loss is now " + std::string(name(next.loss)) + ".";
  }
  const std::vector<std::size_t> classes = picked_classes(s);
  const Dataset* source = source_data(s);
  if (a != Activation::Softmax && s.data().classes() != 2) {
    // sigmoid and tanh separate two classes: keep the first two of those picked.
    RunSpec o = s.spec;
    o.data.classes = classes.size() >= 2 && classes[0] != 0 && classes[1] != 0
                         ? std::vector<std::size_t>{classes[0], classes[1]}
                         : std::vector<std::size_t>{1, 2};
    const std::string kept = s.data().class_names[0] + " and " + s.data().class_names[1];
    restart_run(s, o, next,
                then(note) + std::string(name(a)) + " separates two classes, so " + kept +
                    " were kept (change them under Classes).");
    return;
  }
  if (a == Activation::Softmax && source && source->classes() > s.data().classes()) {
    RunSpec o = s.spec;
    o.data.classes.clear();
    restart_run(s, o, next,
                then(note) + "softmax takes every class: all " + std::to_string(source->classes()) + " are back.");
    return;
  }
  change_settings(s, next);
  if (!note.empty() && !s.status_is_error) s.status = note + " " + s.status;
}

}  // namespace ll::app
