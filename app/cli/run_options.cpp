#include "cli/run_options.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>

#include "ll/error.h"
#include "ll/number_format.h"
#include "run/scenario.h"

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

CLI::Validator whole_number(unsigned long long min, unsigned long long max) {
  return CLI::Validator(
      [min, max](std::string& text) -> std::string {
        char* stop = nullptr;
        errno = 0;
        const long long v = std::strtoll(text.c_str(), &stop, 10);
        const bool bad = text.empty() || *stop != '\0' || errno == ERANGE || v < 0 || static_cast<unsigned long long>(v) < min;
        if (bad && max == ~0ULL) return "'" + text + "' is not a whole number ≥ " + std::to_string(min);
        if (bad || static_cast<unsigned long long>(v) > max)
          return "'" + text + "' is not a whole number from " + std::to_string(min) + " to " + format_count(max);
        return {};
      },
      "N");
}

CLI::Validator number_between(double min, double max) {
  return CLI::Validator(
      [min, max](std::string& text) -> std::string {
        char* stop = nullptr;
        const double v = std::strtod(text.c_str(), &stop);
        if (text.empty() || *stop != '\0' || !std::isfinite(v) || v < min || v > max)
          return "'" + text + "' is not a number from " + format_number(min) + " to " + format_number(max);
        return {};
      },
      "NUMBER");
}

CLI::Option* add_typed_option(CLI::App& cmd, const std::string& name, const std::string& help,
                              std::function<void(const std::string&)> read) {
  return cmd.add_option_function<std::string>(
      name,
      [name, read](const std::string& text) {
        try {
          read(text);
        } catch (const InputError& e) {
          std::string why = e.what();
          if (why.rfind(name + ":", 0) == 0) throw;           // parse_numbers names the option itself
          const std::string bare = name.substr(2) + ": ";    // parse_params says "theta: …"
          if (why.rfind(bare, 0) == 0) why.erase(0, bare.size());
          throw InputError(name + ": " + why);
        }
      },
      help);
}

void add_run_options(CLI::App& cmd, RunSpec& o) {
  Settings& s = o.settings;
  cmd.add_option("--data", o.data.source, "Data set: iris4 (default), iris6, iris, blobs, or FILE.csv");
  cmd.add_option("--n", o.data.blobs_n, "blobs: number of samples (default 200, at most 10,000,000)")->check(whole_number(2, kMostBlobs));
  cmd.add_option("--separation", o.data.blobs_separation,
                 "blobs: distance between the two centres in standard deviations (default 3)");
  cmd.add_option("--label", o.data.label_column,
                 "CSV: the label column, by header name or 1-based number (default: the last)");
  cmd.add_option("--ignore", o.data.ignore_columns,
                 "CSV: columns to leave out, by header name or 1-based number (e.g. id,2)")
      ->delimiter(',');
  add_typed_option(cmd, "--features", "Feature columns to use, 1-based (e.g. 3,4)",
            [&o](const std::string& t) { o.data.features = t.empty() ? std::vector<std::size_t>{} : parse_numbers(t, "--features"); });
  add_typed_option(cmd, "--classes", "Classes to keep, 1-based (e.g. 1,2 for binary work)",
            [&o](const std::string& t) { o.data.classes = t.empty() ? std::vector<std::size_t>{} : parse_numbers(t, "--classes"); });
  add_typed_option(cmd, "--loss", "bce (default), mse, or cce", [&s](const std::string& t) { set_choice(s, "loss", t); });
  add_typed_option(cmd, "--activation", "sigmoid (default), tanh, or softmax",
            [&s](const std::string& t) { set_choice(s, "activation", t); });
  add_typed_option(cmd, "--mode", "batch (default), minibatch, or stochastic",
            [&s](const std::string& t) { set_choice(s, "mode", t); });
  cmd.add_option("--batch-size", s.batch_size, "Mini-batch size m (default 2)")->check(whole_number(0));
  add_typed_option(cmd, "--batch", "1-based samples of the first step's batch (e.g. 2,4)", [&o](const std::string& t) {
    o.first_batch.clear();  // "": the sampler's, as before any --batch
    if (!t.empty())
      for (std::size_t i : parse_numbers(t, "--batch")) o.first_batch.push_back(i - 1);
  });
  add_typed_option(cmd, "--labels", "01 (default) or pm1: binary labels written −1/+1, P(y | x) = σ(y·z) (sigmoid)",
            [&s](const std::string& t) { set_choice(s, "labels", t); });
  add_typed_option(cmd, "--reduction", "mean (default) or sum: the loss J over a batch, 1/m Σ L or Σ L",
            [&s](const std::string& t) { set_choice(s, "reduction", t); });
  add_typed_option(cmd, "--squared-error", "full (default) or half: L = (ŷ − y)² or ½(ŷ − y)²",
            [&s](const std::string& t) { set_choice(s, "squared_error", t); });
  add_typed_option(cmd, "--momentum-form", "plain (default) or ema: v ← βv + ∇J or v ← βv + (1 − β)∇J",
            [&s](const std::string& t) { set_choice(s, "momentum_form", t); });
  cmd.add_option("--l2", s.l2, "L2 penalty λ ≥ 0: J gains (λ/2)‖w‖², the bias unpenalised (default 0)");
  cmd.add_flag("--l2-bias", s.l2_bias, "The L2 penalty takes in the bias b as well");
  add_typed_option(cmd, "--order", "sequential (default) or shuffle (every epoch, from --seed)",
            [&s](const std::string& t) { set_choice(s, "order", t); });
  cmd.add_option("--seed", s.seed, "Seed for shuffling and for blobs (default 1)")->check(whole_number(0));
  cmd.add_option("--lr", s.learning_rate, "Learning rate η (default 0.01)");
  cmd.add_option("--momentum", s.momentum, "Momentum β in [0, 1) (default 0)");
  add_typed_option(cmd, "--theta", "Starting θ = b,w1,w2 (bias first); softmax: K rows separated by ';'",
            [&o](const std::string& t) { o.theta0 = t.empty() ? std::nullopt : std::optional(parse_params(t)); });
  cmd.add_flag("--standardize", o.data.standardize, "z-score each feature (off by default)");
  cmd.add_option("--test-fraction", o.data.test_fraction,
                 "Hold out this share of each class for testing, chosen from --seed (0 to 0.9, default 0)");
  cmd.add_option("--steps", o.steps, "Number of steps to run (at most 10,000,000)")->check(whole_number(0, kMostSteps));
}

// Keep in step with add_run_options (tests/test_scenario.cpp checks that every option it
// registers is carried over).
void apply_given_run_options(const CLI::App& cmd, const RunSpec& given, RunSpec& into) {
  auto was_given = [&cmd](const char* name) {
    const CLI::Option* option = cmd.get_option_no_throw(name);
    return option != nullptr && option->count() > 0;
  };
  const Settings& g = given.settings;
  Settings& s = into.settings;
  if (was_given("--data")) into.data.source = given.data.source;
  if (was_given("--label")) into.data.label_column = given.data.label_column;
  if (was_given("--ignore")) into.data.ignore_columns = given.data.ignore_columns;
  if (was_given("--n")) into.data.blobs_n = given.data.blobs_n;
  if (was_given("--separation")) into.data.blobs_separation = given.data.blobs_separation;
  if (was_given("--standardize")) into.data.standardize = given.data.standardize;
  if (was_given("--test-fraction")) into.data.test_fraction = given.data.test_fraction;
  if (was_given("--features")) into.data.features = given.data.features;
  if (was_given("--classes")) into.data.classes = given.data.classes;
  if (was_given("--loss")) s.loss = g.loss;
  if (was_given("--activation")) s.activation = g.activation;
  if (was_given("--mode")) s.mode = g.mode;
  if (was_given("--batch-size")) s.batch_size = g.batch_size;
  if (was_given("--batch")) into.first_batch = given.first_batch;
  if (was_given("--order")) s.order = g.order;
  if (was_given("--labels")) s.labels = g.labels;
  if (was_given("--reduction")) s.reduction = g.reduction;
  if (was_given("--squared-error")) s.squared_error = g.squared_error;
  if (was_given("--momentum-form")) s.momentum_form = g.momentum_form;
  if (was_given("--l2")) s.l2 = g.l2;
  if (was_given("--l2-bias")) s.l2_bias = g.l2_bias;
  if (was_given("--seed")) s.seed = g.seed;
  if (was_given("--lr")) s.learning_rate = g.learning_rate;
  if (was_given("--momentum")) s.momentum = g.momentum;
  if (was_given("--theta")) into.theta0 = given.theta0;
  if (was_given("--steps")) into.steps = given.steps;
}

void add_decimals_option(CLI::App& command, std::optional<int>& decimals) {
  command
      .add_option_function<int>(
          "--decimals", [&decimals](const int& d) { decimals = d; },
          "The most decimals numbers are written with (0 to 8, default 4); JSON and CSV keep all")
      ->check(CLI::Range(0, 8));
}

void add_scenario_option(CLI::App& command, std::string& path, const std::string& help) {
  command.add_option("--scenario", path, help)->type_name("FILE");
}

CompareSpec compare_spec(const RunSpec& first, const std::string& options) {
  CLI::App parser{"the second run", "--compare"};
  RunSpec given;
  add_run_options(parser, given);
  try {
    parser.parse(options, false);
  } catch (const CLI::ParseError& e) {
    throw InputError(std::string("--compare \"") + options + "\": " + e.what());
  } catch (const InputError& e) {
    throw InputError(std::string("--compare \"") + options + "\": " + e.what());
  }
  for (const char* shared : {"--data", "--n", "--separation", "--label", "--ignore", "--features", "--classes",
                             "--test-fraction", "--theta", "--seed", "--batch", "--steps"})
    if (parser.get_option(shared)->count() > 0)
      throw InputError(std::string("--compare: ") + shared +
                       " cannot differ: the two runs share the data (and its test part), θ₀, the seed and the steps (give it to the "
                       "first run; --standardize may differ)");
  RunSpec second = first;
  second.compare.reset();
  apply_given_run_options(parser, given, second);
  const CompareSpec b{second.settings, second.data.standardize};
  if (b == CompareSpec{first.settings, first.data.standardize})
    throw InputError("--compare \"" + options + "\": no option that changes the run");
  return b;
}

RunSpec scenario_with_options(const std::string& path, const CLI::App& command, const RunSpec& given) {
  RunSpec spec = load_scenario(path);
  apply_given_run_options(command, given, spec);
  return spec;
}

void add_compare_option(CLI::App& command, std::string& options) {
  command.add_option("--compare", options,
                     "Run options for a second run beside the first, e.g. \"--loss mse\": the same data, θ₀ "
                     "and sample order, both stepped together (trace: text or json; json lines carry \"run\": \"a\" or \"b\")");
}

void apply_compare_option(RunSpec& run, const std::string& options) {
  if (!options.empty()) run.compare = compare_spec(run, options);
}

}  // namespace ll::app
