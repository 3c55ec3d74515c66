#pragma once
// Losses L(ŷ, y) and which loss × activation pairs the core defines.
#include <optional>
#include <string>
#include <string_view>

#include "ll/activation.h"

namespace ll {

enum class Loss {
  BCE,  // binary cross-entropy  L = −y log ŷ − (1 − y) log(1 − ŷ)
  MSE,  // squared error          L = (ŷ − y)²   (softmax: Σ_k (ŷ_k − y_k)²)
  CCE,  // categorical cross-entropy L = −Σ_k y_k log ŷ_k = −log ŷ_y
};

std::string_view name(Loss l);                                 // "bce", "mse", "cce"
std::string_view long_name(Loss l);                            // "binary cross-entropy", ...
std::optional<Loss> parse_loss(std::string_view s);

// The pairs the slides derive: sigmoid/tanh with BCE or MSE; softmax with CCE (or MSE).
// Returns an empty string when the pair is defined, else why not (for a tooltip or an error).
std::string why_undefined(Loss loss, Activation activation);
inline bool is_defined(Loss loss, Activation activation) {
  return why_undefined(loss, activation).empty();
}

// log(1 + e^z) without overflow: max(z, 0) + log1p(e^−|z|).
double softplus(double z);
// The same given e = e^−|z| (from sigmoid_pair, say).
double softplus_from(double z, double e);

}  // namespace ll
