#pragma once
// Watches a run for training that goes on without anything visible changing. On linearly
// separable data with sigmoid or softmax, the loss has no minimum: once every sample is on its
// own side of the boundary, scaling θ up pushes every ŷ closer to its label, so gradient descent
// keeps growing ‖θ‖ (roughly like log t) while the boundary barely turns. The Trainer looks every
// kWatchWindow steps, comparing θ and the loss with their values one window earlier (both kept in
// its history), so a step costs nothing extra; only when the cheap tests hold does it make one
// pass over the data to check that every sample is classified right.
#include <cstddef>
#include <string>

#include "ll/activation.h"
#include "ll/dataset.h"
#include "ll/params.h"
#include "ll/settings.h"

namespace ll {

// K: the steps between two looks, and the span over which "stopped turning" is judged.
constexpr std::size_t kWatchWindow = 1000;
// Below this turn of θ/‖θ‖ over K steps the boundary "has stopped turning": on a plot 500 pixels
// wide a line through the middle turned by 0.25° moves about 1 pixel at the edges.
constexpr double kStoppedTurningDegrees = 0.25;

// "Toward 0": the data-set loss is below what it would be with ŷ = 0.9 for every sample's own
// class, −log 0.9 ≈ 0.105 for cross-entropy and (1 − 0.9)² = 0.01 for squared error. Above it ŷ
// still changes visibly, even where the boundary no longer turns.
double small_loss(const Settings& settings);

// The separable-data watch applies to sigmoid and softmax (any loss): their targets 0 and 1 lie
// at the ends of the activation, reached only as |z| → ∞. Not to tanh: class 0's target ŷ = 0 is
// reached at z = 0, so a finite θ can fit the data and ‖θ‖ need not grow.
bool separation_watch_applies(const Settings& settings);

// The angle between θ/‖θ‖ of two θ of the same shape, in degrees: arccos(a·b / (‖a‖‖b‖)).
// NaN when either is zero (it has no direction), so a run from θ₀ = 0 is never "not turning".
double turn_degrees(const Params& a, const Params& b);

// True when every sample lies strictly on its own class's side: z > 0 for class 1 and z < 0 for
// class 0 (softmax: its own class has the largest z). Stops at the first sample that does not.
bool every_sample_classified(const Dataset& data, const Params& theta, Activation activation);

// θ and the data-set loss at one step of the run.
struct WatchPoint {
  const Params& theta;
  double loss;   // NaN: undefined
};

// The notice for data whose classes are linearly separable, or "" when it does not apply:
// `then` is kWatchWindow steps before `now`, all under `settings`. It says so when the loss fell,
// the loss is below small_loss, ‖θ‖ grew, θ/‖θ‖ turned less than kStoppedTurningDegrees and
// (checked last, one pass over the data) every sample is classified right.
std::string separable_notice(const Dataset& data, const Settings& settings, const WatchPoint& then,
                             const WatchPoint& now);

}  // namespace ll
