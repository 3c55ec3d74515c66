// held_out_view (model/held_out_view.h): the test part's numbers for the loss and data panels.
#include "model/held_out_view.h"

#include <cmath>

#include "ll/held_out.h"
#include "model/app_state.h"

namespace ll::app {

bool has_test_part(const AppState& s) { return s.test_data && s.test_data->rows() > 0; }

const HeldOutCurve& held_out_curve(const AppState& s) {
  HeldOutCurve& c = s.held_out.curve;
  const Trainer& t = *s.trainer;
  const LossCurve& loss = loss_curve(s);
  if (c.run != s.run_serial || c.branches != t.branches() || c.stride > loss.stride) {
    c = HeldOutCurve{};
    c.run = s.run_serial;
    c.branches = t.branches();
    c.stride = loss.stride;
  }
  if (!has_test_part(s)) {
    c.complete = true;
    return c;
  }
  // The loss curve doubled its stride: every other point stays.
  while (c.stride < loss.stride) {
    std::vector<double> kept;
    for (std::size_t i = 0; i < c.test_loss.size(); i += 2) kept.push_back(c.test_loss[i]);
    c.test_loss = std::move(kept);
    c.stride *= 2;
  }
  if (c.test_loss.size() > loss.mean_loss.size()) c.test_loss.resize(loss.mean_loss.size());
  const Dataset& test = *s.test_data;
  // At least one point per call, however big the test part.
  for (std::size_t spent = 0; c.test_loss.size() < loss.mean_loss.size() && spent < kHeldOutSamplesPerCall;
       spent += test.rows()) {
    const std::size_t step = c.test_loss.size() * c.stride;
    const std::size_t segment = step == 0 ? 0 : t.summary(step).settings_index;
    c.test_loss.push_back(score_on(test, t.theta_at(step), t.settings_at(segment)).loss);
  }
  c.complete = c.test_loss.size() == loss.mean_loss.size();
  return c;
}

const HeldOutNow& held_out_now(const AppState& s) {
  HeldOutNow& n = s.held_out.now;
  const Params theta = s.trainer->theta();
  if (n.run == s.run_serial && n.theta == theta && n.settings == s.settings()) return n;
  n.run = s.run_serial;
  n.theta = theta;
  n.settings = s.settings();
  n.of_test = has_test_part(s);
  const Dataset& shown = n.of_test ? *s.test_data : s.data();
  n.counts = confusion_matrix(shown, theta, n.settings.activation);
  if (n.of_test) {
    const Score score = score_on(shown, theta, n.settings);
    n.test_loss = score.loss;
    n.test_accuracy = score.accuracy;
  } else {
    n.test_loss = n.test_accuracy = std::nan("");
  }
  return n;
}

}  // namespace ll::app
