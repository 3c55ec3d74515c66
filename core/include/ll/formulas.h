#pragma once
// The slides' formulas as text, for each loss × activation: what the trace and the window print
// above the numbers.
#include <string>

#include "ll/activation.h"
#include "ll/label_coding.h"
#include "ll/loss.h"
#include "ll/settings.h"

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
  // The batch loss the step minimises, under the settings' conventions (ll/conventions.h):
  // "batch loss = 1/m Σᵢ Lᵢ", "batch loss = Σᵢ Lᵢ", with "+ (λ/2)‖w‖²" when λ > 0.
  std::string batch_loss;
  // With λ > 0 the penalty's part of the gradient (empty when λ = 0): "+ λw  (the bias is not penalised)".
  std::string penalty;
  // The velocity's rule: "v = β·v + ∂L/∂θ" or "v = β·v + (1 − β)·∂L/∂θ" (Θ for softmax).
  std::string velocity;
};

// With ±1 labels (sigmoid only) sigmoid + BCE is written in its ±1 form, L = log(1 + e^(−y·z))
// and ∂L/∂z = −y·σ(−y·z); squared error in terms of y′ = (y + 1)/2.
Formulas formulas(Loss loss, Activation activation, LabelCoding labels = LabelCoding::ZeroOne);
// The formulas under all of the settings' conventions: ½(ŷ − y)² writes ∂L/∂ŷ = ŷ − y, the sum
// drops 1/m, λ > 0 adds the penalty.
Formulas formulas(const Settings& settings);

// How the batch's (or the data set's) losses are combined, in words: "mean over the m = 4
// samples" or "sum over the m = 4 samples", for `samples` = "the m = 4".
std::string reduced_over(Reduction reduction, const std::string& samples);

// Wraps a sum in parentheses before a factor is written after it: "ŷ − y" → "(ŷ − y)"; a
// product or a bracketed sum stays as it is.
std::string as_factor(const std::string& formula);

}  // namespace ll
