#pragma once
// One pass over the whole data set at θ: the summed loss and, optionally, the summed gradient.
// This is the hot loop (a full-batch step at N = 1,000,000); it uses both cores and the vector
// units, and sums in fixed blocks so that the result is the same whatever the thread count.
#include <cstddef>

#include "ll/activation.h"
#include "ll/dataset.h"
#include "ll/loss.h"
#include "ll/params.h"

namespace ll {

struct DataPass {
  double loss_sum = 0.0;        // Σ_i L_i over the samples where L is defined
  std::size_t undefined = 0;    // samples where L is undefined (tanh + BCE with ŷ ≤ 0)
  Params gradient_sum;          // Σ_i ∂L_i/∂θ (left empty when not asked for)
};

// While one of these lives on a thread, that thread's passes run on it alone, never waking the
// pass's helper threads: for callers that keep every core busy with passes of their own (the loss
// landscape's rows), where a helper would only take a core from another row.
class PassesOnThisThread {
 public:
  PassesOnThisThread();
  ~PassesOnThisThread();
  PassesOnThisThread(const PassesOnThisThread&) = delete;
  PassesOnThisThread& operator=(const PassesOnThisThread&) = delete;

 private:
  bool was_;
};

// Requires a defined loss × activation pair and θ of the data's shape.
DataPass full_pass(const Dataset& data, const Params& theta, Activation activation, Loss loss,
                   bool with_gradient);

}  // namespace ll
