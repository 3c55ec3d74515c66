#pragma once
// Two runs side by side in the window (RunSpec::compare): run b beside run a, locked to it. Same
// data (standardized as b's spec says), the same θ₀ and seed, so the same sample order in the
// stochastic and mini-batch modes, and a batch picked by hand goes to both. b steps when a steps
// (Step, Play, Run N), and follows a back and along the timeline. b differs only in what its
// CompareSpec says: loss, activation, mode, batch size, η, β, standardization, the conventions.
// A step b cannot take (it diverged, a loss undefined) stops b there; a goes on.
#include <optional>
#include <string>
#include <vector>

#include "model/app_state.h"

namespace ll::app {

// Builds run b from state.spec.compare beside the trainer just installed (none there: one run).
// If b cannot be built (its settings do not fit the data, θ₀ has the wrong shape for it), the
// comparison ends and state.status says why; false then.
bool build_second_run(AppState& state);
// After run a took a step: the same step for b, with the batch a took by hand (empty: the
// sampler's). Nothing if b stopped at an earlier step.
void step_second_run(AppState& state, const std::vector<std::size_t>& batch, bool chains);
// After a's step back or seek: b goes to the same step (or its last, if it stopped before).
void follow_first_run(AppState& state);
// The user changed b (controls) or ended the comparison (none). b starts over from θ₀ and takes
// as many steps as a has taken. False, with the reason in state.status, if b cannot be built.
bool change_second_run(AppState& state, const std::optional<CompareSpec>& spec);

// Run b's step on show (as shown_record) and loss curve; null without a second run.
const StepRecord* second_shown_record(const AppState& state);
const LossCurve* second_loss_curve(const AppState& state);
// b's mean loss over its data after `step` steps (NaN: undefined, or b did not get that far).
double second_mean_loss_at(const AppState& state, std::size_t step);
// Whether b's θ can be drawn in a's pictures (the data plot, the landscape): the same θ shape and
// the same coordinates (both standardized or both raw).
bool second_run_drawable(const AppState& state);
// How b differs from a, in words: "squared error, η = 0.5". "" without a second run.
std::string second_run_label(const AppState& state);
// "run b stopped at step 12: …" when b is behind a because a step failed; "" otherwise.
std::string second_run_stop_note(const AppState& state);

// While it lives, the state shows run b in run a's place (trainer, serial, view cache), so that a
// panel draws b with the code that draws a. Changes nothing without a second run, or if not `when`.
class SecondRunInView {
 public:
  explicit SecondRunInView(AppState& state, bool when = true);
  ~SecondRunInView();
  SecondRunInView(const SecondRunInView&) = delete;
  SecondRunInView& operator=(const SecondRunInView&) = delete;

 private:
  void swap_runs();
  AppState& state_;
  bool active_;
};

}  // namespace ll::app
