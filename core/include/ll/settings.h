#pragma once
// The settings of a run (loss, activation, batch mode, η, β, …) and their checks against a data set.
#include <cstddef>
#include <cstdint>

#include "ll/activation.h"
#include "ll/dataset.h"
#include "ll/label_coding.h"
#include "ll/loss.h"
#include "ll/params.h"
#include "ll/sampler.h"

namespace ll {

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
  bool operator==(const Settings& o) const;
  bool operator!=(const Settings& o) const { return !(*this == o); }
};

// Checks settings against a data set; throws InputError naming the setting and why.
void validate(const Settings& settings, const Dataset& data);
// The θ shape the settings need on this data: 1 × (d+1), or K × (d+1) for softmax.
Params zero_params(const Settings& settings, const Dataset& data);

std::size_t batch_size_of(const Settings& settings, const Dataset& data);  // m for this mode

}  // namespace ll
