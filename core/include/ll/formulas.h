#pragma once
// The slides' formulas as text, for each loss × activation: what the trace and the window print
// above the numbers.
#include <string>

#include "ll/activation.h"
#include "ll/label_coding.h"
#include "ll/loss.h"

namespace ll {

struct Formulas {
  std::string y_hat;        // "ŷ = σ(z) = 1/(1 + e^−z)"
  std::string loss;         // "L = −y log ŷ − (1 − y) log(1 − ŷ)"
  std::string dL_dyhat;     // "∂L/∂ŷ = (1 − y)/(1 − ŷ) − y/ŷ"
  std::string dyhat_dz;     // "∂ŷ/∂z = ŷ(1 − ŷ)"
  std::string dL_dz;        // the simplified product: "∂L/∂z = ŷ − y"
  std::string gradient;     // matrix form: "∂L/∂θ = 1/m Xᵀ(ŷ − y)"
  // With ±1 labels, how the form written relates to the 0/1 one (empty for 0/1 labels):
  // "y ∈ {−1, +1}: P(y | x) = σ(y·z); the same numbers as the 0/1 form with y′ = (y + 1)/2"
  std::string labels;
};

// With ±1 labels (sigmoid only) sigmoid + BCE is written in its ±1 form, L = log(1 + e^(−y·z))
// and ∂L/∂z = −y·σ(−y·z); squared error in terms of y′ = (y + 1)/2.
Formulas formulas(Loss loss, Activation activation, LabelCoding labels = LabelCoding::ZeroOne);

// Wraps a sum in parentheses before a factor is written after it: "ŷ − y" → "(ŷ − y)"; a
// product or a bracketed sum stays as it is.
std::string as_factor(const std::string& formula);

}  // namespace ll
