#pragma once
// The slides' formulas as text, for each loss × activation: what the trace and the window print
// above the numbers.
#include <string>

#include "ll/activation.h"
#include "ll/loss.h"

namespace ll {

struct Formulas {
  std::string y_hat;        // "ŷ = σ(z) = 1/(1 + e^−z)"
  std::string loss;         // "L = −y log ŷ − (1 − y) log(1 − ŷ)"
  std::string dL_dyhat;     // "∂L/∂ŷ = (1 − y)/(1 − ŷ) − y/ŷ"
  std::string dyhat_dz;     // "∂ŷ/∂z = ŷ(1 − ŷ)"
  std::string dL_dz;        // the simplified product: "∂L/∂z = ŷ − y"
  std::string gradient;     // matrix form: "∂L/∂θ = 1/m Xᵀ(ŷ − y)"
};

Formulas formulas(Loss loss, Activation activation);

// Wraps a sum in parentheses before a factor is written after it: "ŷ − y" → "(ŷ − y)"; a
// product or a bracketed sum stays as it is.
std::string as_factor(const std::string& formula);

}  // namespace ll
