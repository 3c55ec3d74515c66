// The chain rule of the slides, one sample at a time. Each combination keeps ∂L/∂ŷ and ∂ŷ/∂z as
// the slides write them, and computes ∂L/∂z in the slides' simplified form.
#include "ll/chain.h"

#include <algorithm>
#include <cmath>

namespace ll {
namespace {

// ∂L/∂ŷ of binary cross-entropy: (1 − y)/(1 − ŷ) − y/ŷ, with 1 − ŷ passed in (computed stably).
double bce_dL_dyhat(double y_hat, double one_minus_y_hat, int y) {
  return y == 1 ? -1.0 / y_hat : 1.0 / one_minus_y_hat;
}

void binary_chain(SampleChain& c, double z, Activation activation, Loss loss) {
  const double y = c.y;
  double y_hat = 0, one_minus = 0, dyhat_dz = 0, dL_dyhat = 0, dL_dz = 0, L = 0;
  if (activation == Activation::Sigmoid) {
    y_hat = sigmoid(z);                   // ŷ = σ(z)
    one_minus = sigmoid(-z);              // 1 − ŷ = σ(−z)
    dyhat_dz = y_hat * one_minus;         // ∂ŷ/∂z = ŷ(1 − ŷ)
    if (loss == Loss::BCE) {
      L = softplus(z) - y * z;            // −y log σ(z) − (1 − y) log σ(−z)
      dL_dyhat = bce_dL_dyhat(y_hat, one_minus, c.y);
      dL_dz = y_hat - y;                  // dL/dz = ŷ − y  (sigmoid + BCE)
    } else {
      L = (y_hat - y) * (y_hat - y);      // L = (ŷ − y)²
      dL_dyhat = 2.0 * (y_hat - y);
      dL_dz = dL_dyhat * dyhat_dz;        // dL/dz = 2(ŷ − y) ŷ(1 − ŷ)
    }
  } else {  // tanh
    y_hat = std::tanh(z);                 // ŷ = tanh(z)
    one_minus = one_minus_tanh(z);        // 1 − ŷ = 2σ(−2z)
    dyhat_dz = tanh_derivative(z);        // ∂ŷ/∂z = 1 − ŷ²
    if (loss == Loss::BCE) {
      if (!(y_hat > 0.0)) {               // log ŷ of a non-positive ŷ: undefined
        c.defined = false;
      } else {
        // −y log ŷ − (1 − y) log(1 − ŷ), with log(1 − tanh z) = log 2 − softplus(2z)
        L = y == 1 ? -std::log(y_hat) : softplus(2.0 * z) - std::log(2.0);
        dL_dyhat = bce_dL_dyhat(y_hat, one_minus, c.y);
        dL_dz = (y_hat - y) * (1.0 + y_hat) / y_hat;  // dL/dz = (ŷ − y)(1 + ŷ)/ŷ  (tanh + BCE)
      }
    } else {
      L = (y_hat - y) * (y_hat - y);
      dL_dyhat = 2.0 * (y_hat - y);
      dL_dz = dL_dyhat * dyhat_dz;        // dL/dz = 2(ŷ − y)(1 − ŷ²)
    }
  }
  c.z = {z};
  c.y_hat = {y_hat};
  c.loss = L;
  c.dL_dyhat = {dL_dyhat};
  c.dyhat_dz = {dyhat_dz};
  c.dL_dz = {dL_dz};
}

void softmax_chain(SampleChain& c, const std::vector<double>& z, Loss loss) {
  const std::size_t k = z.size();
  c.z = z;
  c.y_hat.assign(k, 0.0);
  softmax(z.data(), k, c.y_hat.data());
  c.dyhat_dz.assign(k * k, 0.0);
  softmax_jacobian(c.y_hat.data(), k, c.dyhat_dz.data());
  c.dL_dyhat.assign(k, 0.0);
  c.dL_dz.assign(k, 0.0);
  const auto y = static_cast<std::size_t>(c.y);
  if (loss == Loss::CCE) {
    // L = −log ŷ_y = log Σ_j e^{z_j} − z_y, with the max taken out of the sum
    const double top = *std::max_element(z.begin(), z.end());
    double sum = 0.0;
    for (double v : z) sum += std::exp(v - top);
    c.loss = top + std::log(sum) - z[y];
    c.dL_dyhat[y] = -1.0 / c.y_hat[y];                                  // ∂L/∂ŷ_k = −y_k/ŷ_k
    for (std::size_t j = 0; j < k; ++j) c.dL_dz[j] = c.y_hat[j] - (j == y ? 1.0 : 0.0);  // ŷ − y
  } else {
    c.loss = 0.0;
    for (std::size_t j = 0; j < k; ++j) {
      const double diff = c.y_hat[j] - (j == y ? 1.0 : 0.0);
      c.loss += diff * diff;                                          // L = Σ_k (ŷ_k − y_k)²
      c.dL_dyhat[j] = 2.0 * diff;
    }
    for (std::size_t b = 0; b < k; ++b)                              // ∂L/∂z_b = Σ_a ∂L/∂ŷ_a J_ab
      for (std::size_t a = 0; a < k; ++a) c.dL_dz[b] += c.dL_dyhat[a] * c.dyhat_dz[a * k + b];
  }
}

}  // namespace

SampleChain sample_chain(const Dataset& data, std::size_t i, const Params& theta,
                         Activation activation, Loss loss) {
  SampleChain c;
  c.index = i;
  c.x = data.augmented(i);
  c.y = data.labels[i];
  std::vector<double> z(theta.rows, 0.0);
  for (std::size_t r = 0; r < theta.rows; ++r)
    for (std::size_t j = 0; j < theta.cols; ++j) z[r] += theta.at(r, j) * c.x[j];  // z = θᵀx
  if (activation == Activation::Softmax) softmax_chain(c, z, loss);
  else binary_chain(c, z[0], activation, loss);
  return c;
}

// ∂L/∂θ_rj = ∂L/∂z_r · ∂z_r/∂θ_rj = ∂L/∂z_r · x_j
void add_sample_gradient(const SampleChain& chain, Params& gradient) {
  for (std::size_t r = 0; r < gradient.rows; ++r)
    for (std::size_t j = 0; j < gradient.cols; ++j)
      gradient.at(r, j) += chain.dL_dz[r] * chain.x[j];
}

}  // namespace ll
