#pragma once
// Activations ŷ = f(z) and their local derivatives ∂ŷ/∂z, as the slides write them.
#include <cstddef>
#include <optional>
#include <string_view>

namespace ll {

enum class Activation { Sigmoid, Tanh, Softmax };

std::string_view name(Activation a);                           // "sigmoid", "tanh", "softmax"
std::optional<Activation> parse_activation(std::string_view s);

// σ(z) = 1 / (1 + e^−z), evaluated without overflow for any z (e^−|z| never exceeds 1).
double sigmoid(double z);
// σ(z) and σ(−z) from one exponential, with e = e^−|z| (softplus_from takes it too): the same
// numbers sigmoid(z) and sigmoid(−z) give.
struct SigmoidPair {
  double e, y_hat, one_minus;
};
SigmoidPair sigmoid_pair(double z);

// σ′(z) = σ(z)(1 − σ(z)), computed as σ(z)·σ(−z) so that it does not cancel to 0 early.
double sigmoid_derivative(double z);

// tanh′(z) = 1 − tanh²(z), computed as (1 − ŷ)(1 + ŷ).
double tanh_derivative(double z);

// 1 − tanh(z) = 2σ(−2z): keeps its precision where tanh(z) rounds to 1.
double one_minus_tanh(double z);

// softmax(z)_k = e^(z_k − max z) / Σ_j e^(z_j − max z): subtracting max z keeps every e^· ≤ 1.
void softmax(const double* z, std::size_t k, double* y_hat);

}  // namespace ll
