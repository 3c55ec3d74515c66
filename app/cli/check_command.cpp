#include "cli/check_command.h"

#include <charconv>
#include <cmath>
#include <iostream>
#include <memory>

#include "cli/run_options.h"
#include "ll/error.h"
#include "ll/grader.h"
#include "ll/number_format.h"

namespace ll::app {

void add_check_options(CLI::App& cmd, CheckOptions& o) {
  add_run_options(cmd, o.run);
  add_scenario_option(cmd, o.scenario);
  cmd.add_option("--step", o.step, "The step the answer is about, 1-based (default 1)")->check(whole_number(1, kMostSteps));
  cmd.add_option("--sample", o.sample, "The sample, 1-based as the data set numbers it (per-sample fields)")
      ->check(whole_number(1));
  cmd.add_option("--field", o.field,
                 "z, yhat, loss, dL_dyhat, dyhat_dz, dL_dz (per sample), gradient, theta_after (per entry of θ) "
                 "or loss_after")
      ->required();
  cmd.add_option("--value", o.value, "The answer")->required();
  cmd.add_option("--index", o.index, "The entry, 1-based in θ's order b, w1, w2, … (or of a softmax K-vector)")
      ->check(whole_number(1));
  cmd.add_option("--earlier", o.earlier,
                 "FIELD=VALUE: an earlier answer for the same sample and entry (repeatable); a wrong answer "
                 "that follows from a wrong earlier one says so");
}

namespace {

std::optional<Field> field_named(const std::string& name, const char* option) {
  const std::optional<Field> field = parse_field(name);
  if (!field)
    throw InputError(std::string(option) + ": unknown field '" + name +
                     "' (choose z, yhat, loss, dL_dyhat, dyhat_dz, dL_dz, gradient, theta_after or loss_after)");
  return field;
}

}  // namespace

int run_check(const CheckOptions& o) {
  const std::optional<Field> field = field_named(o.field, "--field");
  if (!std::isfinite(o.value)) throw InputError("--value: expected a finite number");
  if (per_sample(*field) && o.sample == 0) throw InputError("--sample: --field " + o.field + " is per sample: say which");
  std::vector<Answer> earlier;
  for (const std::string& e : o.earlier) {
    const std::size_t eq = e.find('=');
    if (eq == std::string::npos) throw InputError("--earlier '" + e + "': expected FIELD=VALUE, e.g. yhat=0.7048");
    Answer given;
    given.field = *field_named(e.substr(0, eq), "--earlier");
    if (per_sample(given.field) && o.sample == 0)
      throw InputError("--earlier " + e.substr(0, eq) + " is per sample: say which with --sample");
    const std::string number = e.substr(eq + 1);
    const auto [end, error] = std::from_chars(number.data(), number.data() + number.size(), given.value);
    if (number.empty() || error != std::errc() || end != number.data() + number.size() || !std::isfinite(given.value))
      throw InputError("--earlier '" + e + "': expected a finite number after =");
    given.index = o.index - 1;
    earlier.push_back(given);
  }
  const Run run = make_run(o.run);
  Trainer trainer(run.data, run.settings, run.theta0);
  if (!run.first_batch.empty()) trainer.set_next_batch(run.first_batch);
  StepRecord r;
  for (std::size_t k = 1; k <= o.step; ++k) {
    r = trainer.step(k == o.step, k == o.step);
    if (r.status != StepStatus::Ok) throw InputError("step " + std::to_string(k) + ": " + r.message);
  }
  Answer a;
  a.field = *field;
  a.index = o.index - 1;
  a.value = o.value;
  if (o.sample != 0) {
    bool found = false;  // the row of the asked sample (the earlier answers' too)
    for (std::size_t row = 0; row < r.samples.size() && !found; ++row)
      if (r.samples[row].index + 1 == o.sample) a.row = row, found = true;
    if (!found)
      throw InputError("--sample " + std::to_string(o.sample) + ": sample " + std::to_string(o.sample) +
                       " is not in step " + std::to_string(o.step) + "'s batch");
  }
  for (Answer& e : earlier) {
    e.row = a.row;
    // A sample's ∂L/∂z behind an entry of the gradient: that entry's class (row of Θ).
    if (per_sample(e.field) && !per_sample(a.field)) e.index = a.index / r.gradient.cols;
  }
  const Grade g = grade(r, a, earlier);
  if (g.right) {
    std::cout << "right\n";
    return 0;
  }
  std::cout << "wrong" << (g.hint.empty() ? "" : ": " + g.hint) << "\n";
  return 1;
}

}  // namespace ll::app
