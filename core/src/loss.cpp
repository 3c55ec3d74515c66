#include "ll/loss.h"

#include <cmath>

namespace ll {

std::string_view name(Loss l) {
  switch (l) {
    case Loss::BCE: return "bce";
    case Loss::MSE: return "mse";
    case Loss::CCE: return "cce";
  }
  return "?";
}

std::string_view long_name(Loss l) {
  switch (l) {
    case Loss::BCE: return "binary cross-entropy";
    case Loss::MSE: return "squared error";
    case Loss::CCE: return "categorical cross-entropy";
  }
  return "?";
}

std::optional<Loss> parse_loss(std::string_view s) {
  for (Loss l : {Loss::BCE, Loss::MSE, Loss::CCE})
    if (name(l) == s) return l;
  return std::nullopt;
}

std::string why_undefined(Loss loss, Activation activation) {
  const bool softmax = activation == Activation::Softmax;
  if (loss == Loss::CCE && !softmax)
    return "categorical cross-entropy needs softmax: it compares K class probabilities that sum "
           "to 1 (with two classes it is binary cross-entropy: choose bce)";
  if (loss == Loss::BCE && softmax)
    return "binary cross-entropy takes one probability per sample; softmax gives K of them "
           "(choose cce, its K-class form)";
  return {};
}

// log(1 + e^z) = max(z, 0) + log(1 + e^−|z|)
double softplus(double z) { return softplus_from(z, std::exp(-std::fabs(z))); }
double softplus_from(double z, double e) { return std::fmax(z, 0.0) + std::log1p(e); }

}  // namespace ll
