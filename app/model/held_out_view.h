#pragma once
// The held-out part in the window (AppState::test_data, --test-fraction): the test loss at the
// loss curve's points, and for θ now the test part's loss and accuracy and a confusion matrix.
// Values computed from the run, kept until it changes; no ImGui here.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "ll/params.h"
#include "ll/settings.h"

namespace ll::app {

struct AppState;

// The test loss (the data term of J, ll/held_out.h) at the loss curve's points: at every point
// i·stride, or, once a fast run on big data left the training loss out, at the steps whose
// training loss is known (LossCurve::known_steps), so that the test part costs what the training
// loss does. NaN where undefined. Filled a slice per call (about kHeldOutSamplesPerCall sample
// evaluations) while the window works in slices, so a long history fills in over a few frames.
constexpr std::size_t kHeldOutSamplesPerCall = 2'000'000;
struct HeldOutCurve {
  std::uint64_t run = 0;
  std::size_t branches = 0;
  std::vector<double> steps, test_loss;
  bool complete = false;              // every point of the loss curve has its test loss
};

// θ now on the test part (none: on the training data): its confusion matrix, counts[t·K + p] the
// samples of class t predicted as p, and the test loss and accuracy.
struct HeldOutNow {
  std::uint64_t run = 0;
  Params theta;
  Settings settings;
  bool of_test = false;               // the matrix is the test part's (else the training data's)
  std::vector<std::size_t> counts;
  double test_loss = 0.0, test_accuracy = 0.0;   // NaN without a test part
};

struct HeldOutCache {
  HeldOutCurve curve;
  HeldOutNow now;
};

// Whether the run has a test part.
bool has_test_part(const AppState& state);
const HeldOutCurve& held_out_curve(const AppState& state);
const HeldOutNow& held_out_now(const AppState& state);

}  // namespace ll::app
