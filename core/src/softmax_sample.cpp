#include "softmax_sample.h"

#include <algorithm>
#include <cmath>

namespace ll {

double softmax_sample(const double* z, std::size_t k, std::size_t y, Loss loss,
                             double* y_hat, double* one_minus, double* dL_dz) {
  const auto top_at = static_cast<std::size_t>(std::max_element(z, z + k) - z);
  double others = 0.0;                                  // Σ_{j≠argmax} e_j
  for (std::size_t j = 0; j < k; ++j) {
    y_hat[j] = std::exp(z[j] - z[top_at]);              // e_j for now
    if (j != top_at) others += y_hat[j];
  }
  const double sum = 1.0 + others;
  for (std::size_t a = 0; a < k; ++a) {
    one_minus[a] = (a == top_at ? others : sum - y_hat[a]) / sum;
    y_hat[a] /= sum;
  }
  // ŷ_j − y_j: −(1 − ŷ_y) for the label's class, ŷ_j for the others
  for (std::size_t j = 0; j < k; ++j) dL_dz[j] = j == y ? -one_minus[y] : y_hat[j];
  if (loss == Loss::CCE)  // L = −log ŷ_y = log S − (z_y − max z) = (max z − z_y) + log1p(Σ_{j≠argmax} e_j)
    return (z[top_at] - z[y]) + std::log1p(others);    // and ∂L/∂z = ŷ − y, as written above
  // Squared error: L = Σ_k (ŷ_k − y_k)², ∂L/∂z_b = Σ_a 2(ŷ_a − y_a) ŷ_a(δ_ab − ŷ_b). With
  // c = 1 − ŷ_y and q = Σ_{j≠y} ŷ_j², the terms regroup (Σ_j ŷ_j = 1) as
  //   b = y:  −2ŷ_y (c² + q)                                   (one sign: nothing cancels)
  //   b ≠ y:  2ŷ_b (ŷ_b(1 − ŷ_b) + ŷ_y c − Σ_{j≠y,b} ŷ_j²)      (the chain's own terms)
  const double c = one_minus[y];
  double squares = 0.0;                                 // q = Σ_{j≠y} ŷ_j²
  double small_squares = 0.0;                           // Σ_{j≠y, j≠argmax} ŷ_j²
  for (std::size_t j = 0; j < k; ++j)
    if (j != y) {
      squares += y_hat[j] * y_hat[j];
      if (j != top_at) small_squares += y_hat[j] * y_hat[j];
    }
  const double top_square = top_at == y ? 0.0 : y_hat[top_at] * y_hat[top_at];
  const double loss_value = c * c + squares;
  for (std::size_t b = 0; b < k; ++b) {
    if (b == y) {
      dL_dz[b] = -2.0 * y_hat[b] * (c * c + squares);
      continue;
    }
    // Σ_{j≠y,b} ŷ_j², without subtracting a dominant class's square: where b is not the argmax,
    // ŷ_b ≤ ½ and the rounding of (small − ŷ_b²) stays below ŷ_b(1 − ŷ_b)'s
    const double rest_squares = b == top_at ? small_squares : (small_squares - y_hat[b] * y_hat[b]) + top_square;
    dL_dz[b] = 2.0 * y_hat[b] * (y_hat[b] * one_minus[b] + y_hat[y] * c - rest_squares);
  }
  return loss_value;
}

}  // namespace ll
