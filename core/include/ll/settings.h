#pragma once
// The settings of a run (loss, activation, batch mode, η, β, …) and their checks against a data set.
#include <cstddef>
#include <cstdint>

#include "ll/activation.h"
#include "ll/conventions.h"
#include "ll/dataset.h"
#include "ll/label_coding.h"
#include "ll/loss.h"
#include "ll/params.h"
#include "ll/sampler.h"

namespace ll {

// λ above this is no longer a penalty on a model but the whole objective (checked by validate).
constexpr double kMostL2 = 1e6;

struct Settings {
  Loss loss = Loss::BCE;
  Activation activation = Activation::Sigmoid;
  BatchMode mode = BatchMode::Batch;
  std::size_t batch_size = 2;      // mini-batch size m (stochastic: 1, batch: N)
  Order order = Order::Sequential;
  std::uint64_t seed = 1;          // for shuffling
  double learning_rate = 0.01;     // η
  double momentum = 0.0;           // β: v ← βv + ∇L, θ ← θ − ηv (β = 0: plain gradient descent)
  LabelCoding labels = LabelCoding::ZeroOne;  // how y is written (ll/label_coding.h); sigmoid only
  // The conventions (ll/conventions.h); the defaults are the slides'.
  Reduction reduction = Reduction::Mean;
  SquaredError squared_error = SquaredError::Full;
  MomentumForm momentum_form = MomentumForm::Plain;
  double l2 = 0.0;                 // λ: J gains (λ/2)‖w‖², ∇J gains λw
  bool l2_bias = false;            // the penalty takes in the bias b as well
  bool operator==(const Settings& o) const;
  bool operator!=(const Settings& o) const { return !(*this == o); }
};

// Checks settings against a data set; throws InputError naming the setting and why.
void validate(const Settings& settings, const Dataset& data);
// The θ shape the settings need on this data: 1 × (d+1), or K × (d+1) for softmax.
Params zero_params(const Settings& settings, const Dataset& data);

// The loss J the settings minimise, as far as it differs from one per-sample loss: the same
// objective means the same data-set loss and gradient at every θ.
bool same_objective(const Settings& a, const Settings& b);
// The factor the per-sample loss carries: ½ for squared error under SquaredError::Half, else 1.
// A power of two, so the ½ form's numbers are the full form's halved, bit for bit.
double loss_scale(const Settings& settings);
// The L2 penalty (λ/2) Σ θ_rj² over the penalised entries: the weights (j ≥ 1) of every row, and
// the bias (j = 0) only with l2_bias. 0 when λ = 0.
double l2_penalty(const Settings& settings, const Params& theta);
// Its gradient: λθ_rj on the penalised entries, 0 on the others.
Params l2_gradient(const Settings& settings, const Params& theta);
inline bool penalised(const Settings& settings, std::size_t column) { return column > 0 || settings.l2_bias; }

std::size_t batch_size_of(const Settings& settings, const Dataset& data);  // m for this mode

}  // namespace ll
