#pragma once
// One sample of softmax regression: ŷ = softmax(z), L and ∂L/∂z, to full relative precision also
// where one class takes nearly all the probability. Shared by the per-sample chain (chain.cpp)
// and the full-data pass (kernel.cpp), so that both compute the same numbers. Compiled on its own,
// without kernel.cpp's -ffast-math, which would turn log1p(Σ) back into log(1 + Σ).
#include <cstddef>

#include "ll/loss.h"

namespace ll {

// Writes ŷ_a and 1 − ŷ_a (k each) and ∂L/∂z (k) for the label's class `y`; returns L.
//   e_j = e^(z_j − max z) ≤ 1, S = Σ_j e_j = 1 + Σ_{j≠argmax} e_j, ŷ_a = e_a / S.
//   1 − ŷ_a = (S − e_a)/S, with S − e_a = Σ_{j≠argmax} e_j for the argmax and (S − e_a) ≥ S/2
//   otherwise: never the subtraction 1 − ŷ_a, which loses the digits of a small gap.
double softmax_sample(const double* z, std::size_t k, std::size_t y, Loss loss,
                             double* y_hat, double* one_minus, double* dL_dz);

}  // namespace ll
