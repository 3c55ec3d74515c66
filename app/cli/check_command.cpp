#include "cli/check_command.h"

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
}

int run_check(const CheckOptions& o) {
  const std::optional<Field> field = parse_field(o.field);
  if (!field)
    throw InputError("--field: unknown field '" + o.field +
                     "' (choose z, yhat, loss, dL_dyhat, dyhat_dz, dL_dz, gradient, theta_after or loss_after)");
  if (!std::isfinite(o.value)) throw InputError("--value: expected a finite number");
  if (per_sample(*field) && o.sample == 0) throw InputError("--sample: --field " + o.field + " is per sample: say which");
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
  if (per_sample(*field)) {
    bool found = false;
    for (std::size_t row = 0; row < r.samples.size() && !found; ++row)
      if (r.samples[row].index + 1 == o.sample) a.row = row, found = true;
    if (!found)
      throw InputError("--sample " + std::to_string(o.sample) + ": sample " + std::to_string(o.sample) +
                       " is not in step " + std::to_string(o.step) + "'s batch");
  }
  const Grade g = grade(r, a);
  if (g.right) {
    std::cout << "right\n";
    return 0;
  }
  std::cout << "wrong" << (g.hint.empty() ? "" : ": " + g.hint) << "\n";
  return 1;
}

}  // namespace ll::app
