// held_out_view (model/held_out_view.h): the test part's numbers for the loss and data panels.
#include "model/held_out_view.h"

#include <cmath>

#include "ll/held_out.h"
#include "model/app_state.h"

namespace ll::app {

bool has_test_part(const AppState& s) { return s.test_data && s.test_data->rows() > 0; }

namespace {

// The steps of the loss curve's points (model/held_out_view.h: which points).
std::size_t curve_points(const LossCurve& c) { return c.known_steps.empty() ? c.mean_loss.size() : c.known_steps.size(); }
double curve_step(const LossCurve& c, std::size_t i) {
  return c.known_steps.empty() ? static_cast<double>(i * c.stride) : c.known_steps[i];
}

}  // namespace

const HeldOutCurve& held_out_curve(const AppState& s) {
  HeldOutCurve& c = s.held_out.curve;
  const Trainer& t = *s.trainer;
  const LossCurve& loss = loss_curve(s);
  if (c.run != s.run_serial || c.branches != t.branches()) {
    c = HeldOutCurve{};
    c.run = s.run_serial;
    c.branches = t.branches();
  }
  if (!has_test_part(s)) {
    c.complete = true;
    return c;
  }
  // The points kept: those still at the curve's steps (a thinned curve keeps every other one).
  const std::size_t points = curve_points(loss);
  std::size_t kept = 0;
  for (std::size_t i = 0; i < c.steps.size() && i < points && c.steps[i] == curve_step(loss, i); ++i) kept = i + 1;
  if (kept < c.steps.size()) {
    std::vector<double> steps, losses;
    // Thinned: point i now is the old point 2i (a binary search would do; one pass is as quick).
    for (std::size_t i = 0, j = 0; i < points && j < c.steps.size(); ++j)
      if (c.steps[j] == curve_step(loss, i)) {
        steps.push_back(c.steps[j]);
        losses.push_back(c.test_loss[j]);
        ++i;
      }
    c.steps = std::move(steps);
    c.test_loss = std::move(losses);
  }
  const Dataset& test = *s.test_data;
  // At least one point per call, however big the test part; all of them at once where the window
  // does not work in slices (screenshots, tests).
  for (std::size_t spent = 0; c.steps.size() < points && (spent < kHeldOutSamplesPerCall || !s.work_in_slices);
       spent += test.rows()) {
    const double x = curve_step(loss, c.steps.size());
    const auto step = static_cast<std::size_t>(x);
    const std::size_t segment = step == 0 ? 0 : t.summary(step).settings_index;
    c.steps.push_back(x);
    c.test_loss.push_back(score_on(test, t.theta_at(step), t.settings_at(segment)).loss);
  }
  c.complete = c.steps.size() == points;
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
