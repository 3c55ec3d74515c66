// The chain rule of the slides, one sample at a time. Each combination keeps ∂L/∂ŷ and ∂ŷ/∂z as
// the slides write them, and computes ∂L/∂z in the slides' simplified form. Every value keeps
// its relative precision for confident samples too: ŷ − y is −(1 − ŷ) or ŷ, never a subtraction,
// and a loss near 0 is one log1p term (tests/test_exact_samples.cpp checks them against
// binary128 references).
#include "ll/chain.h"

#include "softmax_sample.h"

#include <algorithm>
#include <cmath>

namespace ll {
namespace {

// v = {x}, in v's storage: a reused chain allocates nothing (a step's steady state, trainer.cpp).
inline void set_one(std::vector<double>& v, double x) {
  v.resize(1);
  v[0] = x;
}

void binary_chain(SampleChain& c, double z, Activation activation, Loss loss) {
  const bool one = c.y == 1;
  double y_hat = 0, one_minus = 0, dyhat_dz = 0, dL_dyhat = 0, dL_dz = 0, L = 0, e = 0;
  if (activation == Activation::Sigmoid) {
    const SigmoidPair pair = sigmoid_pair(z);
    e = pair.e;                           // e^−|z|
    y_hat = pair.y_hat;                   // ŷ = σ(z)
    one_minus = pair.one_minus;           // 1 − ŷ = σ(−z)
    dyhat_dz = y_hat * one_minus;         // ∂ŷ/∂z = ŷ(1 − ŷ)
  } else {  // tanh
    y_hat = std::tanh(z);                 // ŷ = tanh(z)
    one_minus = one_minus_tanh(z);        // 1 − ŷ = 2σ(−2z)
    dyhat_dz = tanh_derivative(z);        // ∂ŷ/∂z = 1 − ŷ² = (1 − ŷ)(1 + ŷ)
  }
  // ŷ − y, written without a subtraction: −(1 − ŷ) for y = 1, ŷ for y = 0. For a confident
  // sample ŷ − y is tiny and a subtraction would leave none of its digits.
  const double y_hat_minus_y = one ? -one_minus : y_hat;
  if (loss == Loss::MSE) {
    L = y_hat_minus_y * y_hat_minus_y;    // L = (ŷ − y)²
    dL_dyhat = 2.0 * y_hat_minus_y;       // ∂L/∂ŷ = 2(ŷ − y)
    dL_dz = dL_dyhat * dyhat_dz;          // ∂L/∂z = 2(ŷ − y) ∂ŷ/∂z
  } else if (activation == Activation::Sigmoid) {  // BCE
    // L = −y log σ(z) − (1 − y) log σ(−z) = softplus(−z) for y = 1, softplus(z) for y = 0:
    // one term, nothing cancels (softplus(−41) = log1p(e^−41) = 1.56e-18 keeps every digit)
    L = softplus_from(one ? -z : z, e);
    dL_dyhat = one ? -1.0 / y_hat : 1.0 / one_minus;  // ∂L/∂ŷ = (1 − y)/(1 − ŷ) − y/ŷ
    dL_dz = y_hat_minus_y;                // ∂L/∂z = ŷ − y  (sigmoid + BCE)
  } else if (!(y_hat > 0.0)) {            // tanh + BCE: log ŷ of a non-positive ŷ is undefined
    c.defined = false;
  } else {                                // tanh + BCE, ŷ ∈ (0, 1)
    // −log ŷ (y = 1) or −log(1 − ŷ) (y = 0); where the argument is near 1, log1p of its
    // (accurately known) distance from 1: log ŷ = log1p(−(1 − ŷ)), log(1 − ŷ) = log1p(−ŷ); and
    // −log(1 − tanh z) = softplus(2z) − log 2 where 1 − ŷ is small (it underflows for z ≳ 373).
    if (one) L = y_hat < 0.5 ? -std::log(y_hat) : -std::log1p(-one_minus);
    else L = y_hat < 0.5 ? -std::log1p(-y_hat) : softplus(2.0 * z) - std::log(2.0);
    dL_dyhat = one ? -1.0 / y_hat : 1.0 / one_minus;
    // ∂L/∂z = (ŷ − y)(1 + ŷ)/ŷ: −(1 − ŷ²)/ŷ for y = 1, 1 + ŷ for y = 0  (tanh + BCE)
    dL_dz = one ? -dyhat_dz / y_hat : 1.0 + y_hat;
  }
  set_one(c.z, z);
  set_one(c.y_hat, y_hat);
  c.loss = L;
  set_one(c.dL_dyhat, dL_dyhat);
  set_one(c.dyhat_dz, dyhat_dz);
  set_one(c.dL_dz, dL_dz);
}

// c.z holds z.
void softmax_chain(SampleChain& c, Loss loss) {
  const std::size_t k = c.z.size();
  c.y_hat.assign(k, 0.0);
  c.dL_dz.assign(k, 0.0);
  std::vector<double>& one_minus = c.dL_dyhat;   // 1 − ŷ_a, until ∂L/∂ŷ takes its place
  one_minus.assign(k, 0.0);
  c.loss = softmax_sample(c.z.data(), k, static_cast<std::size_t>(c.y), loss, c.y_hat.data(),
                          one_minus.data(), c.dL_dz.data());
  c.dyhat_dz.assign(k * k, 0.0);          // ∂ŷ_a/∂z_b = ŷ_a (δ_ab − ŷ_b)
  for (std::size_t a = 0; a < k; ++a)
    for (std::size_t b = 0; b < k; ++b)
      c.dyhat_dz[a * k + b] = a == b ? c.y_hat[a] * one_minus[a] : -c.y_hat[a] * c.y_hat[b];
  const auto y = static_cast<std::size_t>(c.y);
  const double one_minus_y = one_minus[y];
  c.dL_dyhat.assign(k, 0.0);
  if (loss == Loss::CCE) {
    c.dL_dyhat[y] = -1.0 / c.y_hat[y];    // ∂L/∂ŷ_k = −y_k/ŷ_k
  } else {
    for (std::size_t j = 0; j < k; ++j)   // ∂L/∂ŷ_k = 2(ŷ_k − y_k)
      c.dL_dyhat[j] = 2.0 * (j == y ? -one_minus_y : c.y_hat[j]);
  }
}

}  // namespace

void fill_sample_chain(SampleChain& c, const Dataset& data, std::size_t i, const Params& theta,
                       Activation activation, Loss loss, LabelCoding labels) {
  c.labels = labels;
  c.index = i;
  c.defined = true;
  data.augmented(i, c.x);
  c.y = data.labels[i];
  c.z.resize(theta.rows);
  for (std::size_t r = 0; r < theta.rows; ++r) {
    double z = 0.0;
    for (std::size_t j = 0; j < theta.cols; ++j) z += theta.at(r, j) * c.x[j];  // z = θᵀx
    c.z[r] = z;
  }
  if (activation == Activation::Softmax) softmax_chain(c, loss);
  else binary_chain(c, c.z[0], activation, loss);
}

void fill_sample_chain(SampleChain& c, const Dataset& data, std::size_t i, const Params& theta, const Settings& s) {
  fill_sample_chain(c, data, i, theta, s.activation, s.loss, s.labels);
  if (const double scale = loss_scale(s); scale != 1.0) {
    c.loss *= scale;
    for (double& v : c.dL_dyhat) v *= scale;
    for (double& v : c.dL_dz) v *= scale;
  }
}

SampleChain sample_chain(const Dataset& data, std::size_t i, const Params& theta,
                         Activation activation, Loss loss, LabelCoding labels) {
  SampleChain c;
  fill_sample_chain(c, data, i, theta, activation, loss, labels);
  return c;
}

SampleChain sample_chain(const Dataset& data, std::size_t i, const Params& theta, const Settings& s) {
  SampleChain c;
  fill_sample_chain(c, data, i, theta, s);
  return c;
}

// ∂L/∂θ_rj = ∂L/∂z_r · ∂z_r/∂θ_rj = ∂L/∂z_r · x_j
void add_sample_gradient(const SampleChain& chain, Params& gradient) {
  for (std::size_t r = 0; r < gradient.rows; ++r)
    for (std::size_t j = 0; j < gradient.cols; ++j)
      gradient.at(r, j) += chain.dL_dz[r] * chain.x[j];
}

}  // namespace ll
