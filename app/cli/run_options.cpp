#include "cli/run_options.h"

#include <cerrno>
#include <cstdlib>

#include "ll/error.h"

namespace ll::app {

std::vector<std::size_t> parse_numbers(const std::string& text, const std::string& option) {
  std::vector<std::size_t> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find(',', start);
    if (end == std::string::npos) end = text.size();
    const std::string cell = text.substr(start, end - start);
    char* stop = nullptr;
    errno = 0;
    const long long v = std::strtoll(cell.c_str(), &stop, 10);
    if (cell.empty() || stop != cell.c_str() + cell.size() || errno == ERANGE || v < 1)
      throw InputError(option + ": '" + cell + "' is not a whole number ≥ 1 (expected e.g. " + option +
                       " 1,2)");
    out.push_back(static_cast<std::size_t>(v));
    start = end + 1;
  }
  return out;
}

CLI::Validator whole_number(unsigned long long min) {
  return CLI::Validator(
      [min](std::string& text) -> std::string {
        char* stop = nullptr;
        errno = 0;
        const long long v = std::strtoll(text.c_str(), &stop, 10);
        if (text.empty() || *stop != '\0' || errno == ERANGE || v < 0 ||
            static_cast<unsigned long long>(v) < min)
          return "'" + text + "' is not a whole number ≥ " + std::to_string(min);
        return {};
      },
      "N");
}

void add_run_options(CLI::App& cmd, RunOptions& o) {
  cmd.add_option("--data", o.data.source, "Data set: iris4 (default), iris6, iris, blobs, or FILE.csv");
  cmd.add_option("--n", o.data.blobs_n, "blobs: number of samples (default 200)")->check(whole_number(2));
  cmd.add_option("--separation", o.data.blobs_separation,
                 "blobs: distance between the two centres in standard deviations (default 3)");
  cmd.add_option("--label", o.data.label_column,
                 "CSV: the label column, by header name or 1-based number (default: the last)");
  cmd.add_option("--features", o.features, "Feature columns to use, 1-based (e.g. 3,4)");
  cmd.add_option("--classes", o.classes, "Classes to keep, 1-based (e.g. 1,2 for binary work)");
  cmd.add_option("--loss", o.loss, "bce (default), mse, or cce");
  cmd.add_option("--activation", o.activation, "sigmoid (default), tanh, or softmax");
  cmd.add_option("--mode", o.mode, "batch (default), minibatch, or stochastic");
  cmd.add_option("--batch-size", o.batch_size, "Mini-batch size m (default 2)")->check(whole_number(0));
  cmd.add_option("--batch", o.batch, "1-based samples of the first step's batch (e.g. 2,4)");
  cmd.add_option("--order", o.order, "sequential (default) or shuffle (every epoch, from --seed)");
  cmd.add_option("--seed", o.seed, "Seed for shuffling and for blobs (default 1)")->check(whole_number(0));
  cmd.add_option("--lr", o.learning_rate, "Learning rate η (default 0.01)");
  cmd.add_option("--momentum", o.momentum, "Momentum β in [0, 1) (default 0)");
  cmd.add_option("--theta", o.theta,
                 "Starting θ = b,w1,w2 (bias first); softmax: K rows separated by ';'");
  cmd.add_flag("--standardize", o.data.standardize, "z-score each feature (off by default)");
  cmd.add_option("--steps", o.steps, "Number of steps to run")->check(whole_number(0));
}

bool RunOptions::operator==(const RunOptions& o) const {
  return data.source == o.data.source && data.blobs_n == o.data.blobs_n &&
         data.blobs_separation == o.data.blobs_separation && data.blobs_seed == o.data.blobs_seed &&
         data.features == o.data.features && data.classes == o.data.classes &&
         data.standardize == o.data.standardize && data.label_column == o.data.label_column && features == o.features && classes == o.classes &&
         loss == o.loss && activation == o.activation && mode == o.mode && batch_size == o.batch_size &&
         batch == o.batch && order == o.order && seed == o.seed && learning_rate == o.learning_rate &&
         momentum == o.momentum && theta == o.theta && steps == o.steps;
}

// Keep in step with add_run_options (tests/test_scenario.cpp checks that every option it
// registers is carried over).
void apply_given_run_options(const CLI::App& cmd, const RunOptions& given, RunOptions& into) {
  auto was_given = [&cmd](const char* name) {
    const CLI::Option* option = cmd.get_option_no_throw(name);
    return option != nullptr && option->count() > 0;
  };
  if (was_given("--data")) into.data.source = given.data.source;
  if (was_given("--label")) into.data.label_column = given.data.label_column;
  if (was_given("--n")) into.data.blobs_n = given.data.blobs_n;
  if (was_given("--separation")) into.data.blobs_separation = given.data.blobs_separation;
  if (was_given("--standardize")) into.data.standardize = given.data.standardize;
  if (was_given("--features")) into.features = given.features;
  if (was_given("--classes")) into.classes = given.classes;
  if (was_given("--loss")) into.loss = given.loss;
  if (was_given("--activation")) into.activation = given.activation;
  if (was_given("--mode")) into.mode = given.mode;
  if (was_given("--batch-size")) into.batch_size = given.batch_size;
  if (was_given("--batch")) into.batch = given.batch;
  if (was_given("--order")) into.order = given.order;
  if (was_given("--seed")) into.seed = given.seed;
  if (was_given("--lr")) into.learning_rate = given.learning_rate;
  if (was_given("--momentum")) into.momentum = given.momentum;
  if (was_given("--theta")) into.theta = given.theta;
  if (was_given("--steps")) into.steps = given.steps;
}

Params default_theta(const Dataset& data, const Settings& settings) {
  Params zero = zero_params(settings, data);
  if (zero.rows == 1 && !data.standardized && data.name == "iris4" && zero.cols == 3)
    return Params::row({0.1, 0.5, -0.1});      // the slides' batch example
  if (zero.rows == 1 && !data.standardized && data.name == "iris6" && zero.cols == 2)
    return Params::row({-0.654, 0.535});        // the slides' first sigmoid fit
  return zero;
}

Run make_run(const RunOptions& o) {
  Run run;
  Settings& s = run.settings;
  const auto loss = parse_loss(o.loss);
  if (!loss) throw InputError("--loss: unknown loss '" + o.loss + "' (choose bce, mse or cce)");
  const auto activation = parse_activation(o.activation);
  if (!activation)
    throw InputError("--activation: unknown activation '" + o.activation + "' (choose sigmoid, tanh or softmax)");
  const auto mode = parse_batch_mode(o.mode);
  if (!mode) throw InputError("--mode: unknown mode '" + o.mode + "' (choose batch, minibatch or stochastic)");
  const auto order = parse_order(o.order);
  if (!order) throw InputError("--order: unknown order '" + o.order + "' (choose sequential or shuffle)");
  s.loss = *loss;
  s.activation = *activation;
  s.mode = *mode;
  s.order = *order;
  s.batch_size = o.batch_size;
  s.seed = o.seed;
  s.learning_rate = o.learning_rate;
  s.momentum = o.momentum;

  DataOptions data = o.data;
  data.blobs_seed = o.seed;
  if (!o.features.empty()) data.features = parse_numbers(o.features, "--features");
  if (!o.classes.empty()) data.classes = parse_numbers(o.classes, "--classes");
  run.data = std::make_shared<const Dataset>(load_dataset(data));
  validate(s, *run.data);

  run.theta0 = o.theta.empty() ? default_theta(*run.data, s) : parse_params(o.theta);
  if (!o.batch.empty())
    for (std::size_t i : parse_numbers(o.batch, "--batch")) run.first_batch.push_back(i - 1);
  return run;
}

}  // namespace ll::app
