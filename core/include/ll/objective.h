#pragma once
// The objective J(θ) a run minimises, under its settings' conventions (ll/conventions.h), over
// the whole data set: J = (1/N or 1)·s·Σ_i L_i + (λ/2)‖w‖², where s is the per-sample loss's
// factor (½ for ½(ŷ − y)²). One home for the trainer's data-set loss, the optimum's Newton
// iterations and the loss landscape.
#include "ll/dataset.h"
#include "ll/params.h"
#include "ll/settings.h"

namespace ll {

struct ObjectiveValue {
  double loss = 0.0;        // J; NaN where the loss is undefined (tanh + BCE, ŷ ≤ 0), ∞ on overflow
  double data_loss = 0.0;   // its data term (J without the penalty)
  Params data_gradient;     // ∇ of the data term (empty unless asked for)
  Params gradient;          // ∇J = data_gradient + λw (empty unless asked for)
};

// One full-data pass at θ (ll/kernel.h: both cores, the vector units).
ObjectiveValue objective_at(const Dataset& data, const Params& theta, const Settings& settings, bool with_gradient);

}  // namespace ll
