#include "ll/objective.h"

#include <cmath>
#include <limits>

#include "ll/kernel.h"

namespace ll {

ObjectiveValue objective_at(const Dataset& data, const Params& theta, const Settings& s, bool with_gradient) {
  const DataPass pass = full_pass(data, theta, s.activation, s.loss, with_gradient);
  const std::size_t n = data.rows();
  const double scale = loss_scale(s);   // ½ or 1: exact, so scaling the sums equals summing scaled terms
  ObjectiveValue v;
  // NaN with no undefined sample is not tanh + BCE's "undefined": the sums overflowed (∞ − ∞ at a
  // huge θ), so it counts as an infinite loss.
  v.data_loss = pass.undefined ? std::numeric_limits<double>::quiet_NaN()
                : std::isnan(pass.loss_sum) ? std::numeric_limits<double>::infinity()
                                            : reduce(scale * pass.loss_sum, n, s.reduction);
  v.loss = s.l2 == 0.0 ? v.data_loss : v.data_loss + l2_penalty(s, theta);
  if (!with_gradient) return v;
  v.data_gradient = pass.gradient_sum;
  for (double& g : v.data_gradient.values) g = reduce(scale * g, n, s.reduction);
  v.gradient = v.data_gradient;
  if (s.l2 != 0.0) {
    const Params penalty = l2_gradient(s, theta);
    for (std::size_t k = 0; k < v.gradient.size(); ++k) v.gradient.values[k] += penalty.values[k];
  }
  return v;
}

}  // namespace ll
