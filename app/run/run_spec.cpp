#include "run/run_spec.h"

#include "ll/error.h"
#include "ll/held_out.h"

namespace ll::app {

const char* theme_name(Theme theme) { return theme == Theme::Light ? "light" : "dark"; }

std::optional<Theme> parse_theme(const std::string& name) {
  if (name == "dark") return Theme::Dark;
  if (name == "light") return Theme::Light;
  return std::nullopt;
}

bool ViewSpec::operator==(const ViewSpec& o) const {
  return title == o.title && description == o.description && theme == o.theme && font_scale == o.font_scale &&
         panels == o.panels && checkpoints == o.checkpoints;
}

namespace {

// Two edited data sets are the same when their samples, names and classes are.
bool same_points(const std::shared_ptr<const Dataset>& a, const std::shared_ptr<const Dataset>& b) {
  if (!a || !b) return !a && !b;
  return a->name == b->name && a->feature_names == b->feature_names && a->class_names == b->class_names &&
         a->columns == b->columns && a->labels == b->labels;
}

}  // namespace

bool RunSpec::operator==(const RunSpec& o) const {
  const DataOptions& a = data;
  const DataOptions& b = o.data;
  return a.source == b.source && a.blobs_n == b.blobs_n && a.blobs_separation == b.blobs_separation &&
         a.blobs_seed == b.blobs_seed && a.features == b.features && a.classes == b.classes &&
         a.standardize == b.standardize && a.label_column == b.label_column &&
         a.ignore_columns == b.ignore_columns && a.test_fraction == b.test_fraction && same_points(a.points, b.points) &&
         settings == o.settings &&
         theta0 == o.theta0 && first_batch == o.first_batch && steps == o.steps && view == o.view &&
         compare == o.compare;
}

RunSpec second_run(const RunSpec& spec) {
  RunSpec b = spec;
  b.settings = spec.compare->settings;
  b.settings.seed = spec.settings.seed;   // the same sample order
  b.data.standardize = spec.compare->standardize;
  b.compare.reset();
  return b;
}

void set_choice(Settings& s, std::string_view what, const std::string& text) {
  if (what == "loss") {
    const auto loss = parse_loss(text);
    if (!loss) throw InputError("unknown loss '" + text + "' (choose bce, mse or cce)");
    s.loss = *loss;
  } else if (what == "activation") {
    const auto activation = parse_activation(text);
    if (!activation) throw InputError("unknown activation '" + text + "' (choose sigmoid, tanh or softmax)");
    s.activation = *activation;
  } else if (what == "mode") {
    const auto mode = parse_batch_mode(text);
    if (!mode) throw InputError("unknown mode '" + text + "' (choose batch, minibatch or stochastic)");
    s.mode = *mode;
  } else if (what == "labels") {
    const auto labels = parse_label_coding(text);
    if (!labels) throw InputError("unknown labels '" + text + "' (choose 01 or pm1)");
    s.labels = *labels;
  } else if (what == "reduction") {
    const auto reduction = parse_reduction(text);
    if (!reduction) throw InputError("unknown reduction '" + text + "' (choose mean or sum)");
    s.reduction = *reduction;
  } else if (what == "squared_error") {
    const auto form = parse_squared_error(text);
    if (!form) throw InputError("unknown squared-error form '" + text + "' (choose full or half)");
    s.squared_error = *form;
  } else if (what == "momentum_form") {
    const auto form = parse_momentum_form(text);
    if (!form) throw InputError("unknown momentum form '" + text + "' (choose plain or ema)");
    s.momentum_form = *form;
  } else {
    const auto order = parse_order(text);
    if (!order) throw InputError("unknown order '" + text + "' (choose sequential or shuffle)");
    s.order = *order;
  }
}

Params default_theta(const Dataset& data, const Settings& settings) {
  Params zero = zero_params(settings, data);
  if (zero.rows == 1 && !data.standardized && data.name == "iris4" && zero.cols == 3)
    return Params::row({0.1, 0.5, -0.1});      // the slides' batch example
  if (zero.rows == 1 && !data.standardized && data.name == "iris6" && zero.cols == 2)
    return Params::row({-0.654, 0.535});        // the slides' first sigmoid fit
  return zero;
}

Run make_run(const RunSpec& spec) {
  Run run;
  run.settings = spec.settings;
  DataOptions data = spec.data;
  data.blobs_seed = spec.settings.seed;
  data.split_seed = spec.settings.seed;
  if (data.test_fraction > 0.0) {
    TrainTest parts = load_train_test(data);
    run.data = std::make_shared<const Dataset>(std::move(parts.train));
    run.test_data = std::make_shared<const Dataset>(std::move(parts.test));
  } else {
    run.data = std::make_shared<const Dataset>(load_dataset(data));
  }
  validate(run.settings, *run.data);
  run.theta0 = spec.theta0 ? *spec.theta0 : default_theta(*run.data, run.settings);
  run.first_batch = spec.first_batch;
  return run;
}

}  // namespace ll::app
