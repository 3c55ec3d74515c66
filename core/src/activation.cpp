#include "ll/activation.h"

#include <algorithm>
#include <cmath>

namespace ll {

std::string_view name(Activation a) {
  switch (a) {
    case Activation::Sigmoid: return "sigmoid";
    case Activation::Tanh: return "tanh";
    case Activation::Softmax: return "softmax";
  }
  return "?";
}

std::optional<Activation> parse_activation(std::string_view s) {
  for (Activation a : {Activation::Sigmoid, Activation::Tanh, Activation::Softmax})
    if (name(a) == s) return a;
  return std::nullopt;
}

// σ(z) = 1/(1 + e^−z) for z ≥ 0, and the same value written e^z/(1 + e^z) for z < 0,
// so the exponential is always of a non-positive number.
double sigmoid(double z) { return sigmoid_pair(z).y_hat; }

// σ(−z) is the other of the two quotients: −z ≥ 0 exactly where z ≤ 0 (and σ(±0) = ½ either way).
SigmoidPair sigmoid_pair(double z) {
  const double e = std::exp(-std::fabs(z));
  const double big = 1.0 / (1.0 + e), small = e / (1.0 + e);
  return z >= 0 ? SigmoidPair{e, big, small} : SigmoidPair{e, small, big};
}

// σ′(z) = σ(z)(1 − σ(z)) = σ(z)σ(−z)
double sigmoid_derivative(double z) { return sigmoid(z) * sigmoid(-z); }

// 1 − tanh z = 2/(e^{2z} + 1) = 2σ(−2z)
double one_minus_tanh(double z) { return 2.0 * sigmoid(-2.0 * z); }

// tanh′(z) = 1 − tanh² z = (1 − tanh z)(1 + tanh z), with 1 + tanh z = 2σ(2z)
double tanh_derivative(double z) { return one_minus_tanh(z) * 2.0 * sigmoid(2.0 * z); }

void softmax(const double* z, std::size_t k, double* y_hat) {
  const double top = *std::max_element(z, z + k);
  double sum = 0.0;
  for (std::size_t j = 0; j < k; ++j) {
    y_hat[j] = std::exp(z[j] - top);
    sum += y_hat[j];
  }
  for (std::size_t j = 0; j < k; ++j) y_hat[j] /= sum;
}

}  // namespace ll
