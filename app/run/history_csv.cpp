// The whole kept history as CSV: one row per step, read from the Trainer's summaries (θ and the
// losses are kept for every step; the per-sample chains are not, and are not needed here).
#include <charconv>
#include <cmath>
#include <optional>
#include <string>

#include "ll/held_out.h"
#include "run/step_export.h"

namespace ll::app {
namespace {

// Full precision, the shortest text that reads back to the same double; non-finite: empty.
void put_number(std::string& out, double v) {
  out += ',';
  if (!std::isfinite(v)) return;
  char buf[32];
  const auto end = std::to_chars(buf, buf + sizeof buf, v).ptr;
  out.append(buf, end);
}

void put_optional(std::string& out, const std::optional<double>& v) {
  if (v) put_number(out, *v);
  else out += ',';
}

// accuracy,test_loss,test_accuracy of θ: the test cells empty without a test part.
void put_scores(std::string& out, const Dataset& train, const Dataset* test, const Params& theta, const Settings& s) {
  put_number(out, score_on(train, theta, s).accuracy);
  if (test != nullptr && test->rows() > 0) {
    const Score held_out = score_on(*test, theta, s);
    put_number(out, held_out.loss);
    put_number(out, held_out.accuracy);
  } else {
    out += ",,";
  }
}

void put_theta(std::string& out, const Params& theta) {
  for (double v : theta.values) put_number(out, v);
  out += '\n';
}

}  // namespace

std::string history_csv(const Trainer& trainer, const Dataset* test) {
  const Params theta0 = trainer.theta_at(0);
  // A comment line first (pandas: comment="#"): the conventions the numbers are in.
  std::string out = "# conventions: " + conventions_stamp(trainer.settings(), trainer.data()) + "\n";
  out += "step,epoch,batch_loss,loss_before,loss_after,gradient_norm,accuracy,test_loss,test_accuracy";
  for (std::size_t k = 0; k < theta0.size(); ++k) out += ",theta_" + parameter_name(theta0, k);
  out += '\n';
  // Step 0 is the start: no batch, no gradient; "loss after" 0 steps is the loss at θ₀.
  out += "0,,,";
  put_optional(out, trainer.loss_at(0));
  out += ',';
  put_scores(out, trainer.data(), test, theta0, trainer.settings_at(0));
  put_theta(out, theta0);
  for (std::size_t k = 1; k <= trainer.history_size(); ++k) {
    StepSummary s = trainer.summary(k);
    if (!s.data_loss_known) {  // a step that left the data-set loss out: worked out now
      trainer.loss_at(k);
      s = trainer.summary(k);
    }
    out += std::to_string(s.step) + ',' + std::to_string(s.epoch);
    put_number(out, s.batch_loss);
    put_optional(out, s.loss_before);
    put_optional(out, s.loss_after);
    put_number(out, s.gradient_norm);
    const Params theta = trainer.theta_at(k);
    put_scores(out, trainer.data(), test, theta, trainer.settings_at(s.settings_index));
    put_theta(out, theta);
  }
  return out;
}

}  // namespace ll::app
