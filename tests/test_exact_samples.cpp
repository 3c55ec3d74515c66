// Every per-sample number (ŷ, L, ∂L/∂ŷ, ∂ŷ/∂z, ∂L/∂z) of every loss × activation, in the chain and
// in the full-data pass, is within 1e-12 relative of a reference computed in 113-bit binary128
// (libquadmath) for any z a data set can produce, confident samples included: sample 4 of the
// slides' example at θ = [0, 10, 0] has z = 41, L = 1.56e-18 and ∂L/∂z = −1.56e-18, which the
// subtractions softplus(z) − yz and ŷ − y rounded to 0.
//
// The reference writes the formulas the plain way (1/(1 + e^−z) − y, −log ŷ, …) where binary128
// has digits to spare (|z| ≤ 30: a subtraction of 1 loses at most e^30 ≈ 1e13 of its 1e34), and
// through exact identities beyond (1 − σ(z) = 1/(1 + e^z), log(1 + u) = log1p(u)); the two are
// checked against each other where both hold.
#include <quadmath.h>

#include <cmath>
#include <cstddef>
#include <string>
#include <vector>

#include "approx.h"
#include "ones_data.h"
#include "ll/activation.h"
#include "ll/chain.h"
#include "ll/dataset.h"
#include "ll/kernel.h"
#include "ll/loss.h"
#include "ll/params.h"

namespace {

using quad = __float128;

// |got − want| ≤ 1e-12 |want| (values below 1e-300 underflow in double: only closeness to 0).
// `scale` widens the bound where the exact value is a sum of terms of both signs that can be 0.
void check_exact(double got, quad want, const char* what, quad scale = 0) {
  INFO(what, ": got ", got, ", want ", static_cast<double>(want));
  const quad size = fabsq(want) > scale ? fabsq(want) : scale;
  if (size < static_cast<quad>(1e-300)) {
    CHECK(std::fabs(got) < 1e-290);
    return;
  }
  if (size > static_cast<quad>(1.7e308)) {  // beyond double (∂L/∂ŷ = 1/(1 − ŷ) at z = 700)
    CHECK(std::isinf(got));
    return;
  }
  CHECK(static_cast<double>(fabsq(static_cast<quad>(got) - want) / size) <= 1e-12);
}

struct BinaryReference {
  quad y_hat, loss, dL_dyhat, dyhat_dz, dL_dz;
};

// ŷ, 1 − ŷ and (tanh) 1 + ŷ: the plain formula where it has the digits, the identity everywhere else.
void probabilities(ll::Activation activation, quad z, quad& y_hat, quad& one_minus, quad& one_plus) {
  if (activation == ll::Activation::Sigmoid) {
    y_hat = 1 / (1 + expq(-z));
    one_minus = fabsq(z) <= 30 ? 1 - y_hat : 1 / (1 + expq(z));
    if (fabsq(z) <= 30) CHECK(static_cast<double>(fabsq(one_minus - 1 / (1 + expq(z))) / one_minus) < 1e-20);
  } else {
    y_hat = tanhq(z);
    one_minus = fabsq(z) <= 15 ? 1 - y_hat : 2 / (1 + expq(2 * z));
    one_plus = fabsq(z) <= 15 ? 1 + y_hat : 2 / (1 + expq(-2 * z));
    if (fabsq(z) <= 15) CHECK(static_cast<double>(fabsq(one_minus - 2 / (1 + expq(2 * z))) / one_minus) < 1e-20);
  }
}

BinaryReference binary_reference(ll::Activation activation, ll::Loss loss, quad z, int y) {
  BinaryReference r{};
  quad one_minus = 0, one_plus = 0;
  probabilities(activation, z, r.y_hat, one_minus, one_plus);
  r.dyhat_dz = activation == ll::Activation::Sigmoid ? r.y_hat * one_minus      // σ(1 − σ)
                                                     : one_minus * one_plus;    // 1 − tanh²
  const quad diff = y == 1 ? -one_minus : r.y_hat;                             // ŷ − y
  if (loss == ll::Loss::MSE) {
    r.loss = diff * diff;
    r.dL_dyhat = 2 * diff;
  } else {
    // −log ŷ or −log(1 − ŷ); log1pq of the distance from 1 where the argument is near 1
    if (y == 1) r.loss = r.y_hat < static_cast<quad>(0.5) ? -logq(r.y_hat) : -log1pq(-one_minus);
    else r.loss = r.y_hat < static_cast<quad>(0.5) ? -log1pq(-r.y_hat) : -logq(one_minus);
    r.dL_dyhat = y == 1 ? -1 / r.y_hat : 1 / one_minus;
  }
  r.dL_dz = r.dL_dyhat * r.dyhat_dz;  // the chain rule itself, not the simplified form
  return r;
}

std::vector<double> scores() {
  std::vector<double> z;
  for (double v : {0.0, 1e-12, 1e-6, 0.01, 0.3, 1.0, 2.5, 7.0, 18.0, 36.7, 41.0, 60.0, 150.0, 300.0, 700.0}) {
    z.push_back(v);
    if (v != 0.0) z.push_back(-v);
  }
  return z;
}

}  // namespace

TEST_CASE("each per-sample number of sigmoid and tanh with BCE and squared error is exact to 1e-12 relative, confident samples too") {
  for (ll::Activation activation : {ll::Activation::Sigmoid, ll::Activation::Tanh})
    for (ll::Loss loss : {ll::Loss::BCE, ll::Loss::MSE})
      for (double z : scores())
        for (int y : {0, 1}) {
          INFO(ll::name(activation), " + ", ll::name(loss), " at z = ", z, ", y = ", y);
          const ll::Dataset data = ones({y, 1 - y}, 2);  // sample 0 is the one checked
          const ll::Params theta = ll::Params::row({z, 0.0});
          const ll::SampleChain c = ll::sample_chain(data, 0, theta, activation, loss);
          if (activation == ll::Activation::Tanh && loss == ll::Loss::BCE && z <= 0) {
            CHECK_FALSE(c.defined);  // log ŷ of ŷ = tanh z ≤ 0
            continue;
          }
          REQUIRE(c.defined);
          const BinaryReference want = binary_reference(activation, loss, z, y);
          check_exact(c.y_hat.at(0), want.y_hat, "ŷ");
          check_exact(c.loss, want.loss, "L");
          check_exact(c.dL_dyhat.at(0), want.dL_dyhat, "∂L/∂ŷ");
          check_exact(c.dyhat_dz.at(0), want.dyhat_dz, "∂ŷ/∂z");
          check_exact(c.dL_dz.at(0), want.dL_dz, "∂L/∂z");

          const ll::DataPass pass = ll::full_pass(ones({y}, 2), theta, activation, loss, true);
          check_exact(pass.loss_sum, want.loss, "the full-data pass's L");
          check_exact(pass.gradient_sum.values.at(0), want.dL_dz, "the full-data pass's ∂L/∂b");
        }
}

TEST_CASE("sample 4 of the slides' example at θ = [0, 10, 0] has z = 41: L = 1.56e-18 and ∂L/∂z = −1.56e-18, not 0") {
  const ll::Dataset data = ones({1}, 2);
  const ll::SampleChain c = ll::sample_chain(data, 0, ll::Params::row({41.0, 0.0}), ll::Activation::Sigmoid, ll::Loss::BCE);
  CHECK_CLOSE(c.loss, 1.5628821893349888e-18, 1e-14, 0.0);    // log(1 + e^−41)
  CHECK_CLOSE(c.dL_dz.at(0), -1.5628821893349888e-18, 1e-14, 0.0);  // −1/(1 + e^41)
}

TEST_CASE("each per-sample number of softmax with CCE and squared error is exact to 1e-12 relative, one class near certain too") {
  const std::vector<std::vector<double>> shapes = {
      {0.3, -1.2, 0.7}, {2.0, 0.0}, {1.0, 1.0, 1.0}, {-0.4, 0.9, 0.1, -2.0, 0.6}, {1.0, -1.0, 0.5, 0.25}};
  for (ll::Loss loss : {ll::Loss::CCE, ll::Loss::MSE})
    for (const std::vector<double>& shape : shapes)
      for (double scale : {1e-9, 0.01, 1.0, 10.0, 41.0, 120.0, 600.0})
        for (std::size_t y = 0; y < shape.size(); ++y) {
          const std::size_t k = shape.size();
          INFO(ll::name(loss), ", K = ", k, ", scale ", scale, ", y = ", y);
          ll::Params theta(k, 2, 0.0);
          std::vector<quad> z(k);
          for (std::size_t j = 0; j < k; ++j) z[j] = theta.at(j, 0) = shape[j] * scale;
          std::vector<int> labels = {static_cast<int>(y)};
          for (std::size_t j = 0; j < k; ++j) labels.push_back(static_cast<int>(j));
          const ll::SampleChain c = ll::sample_chain(ones(labels, k), 0, theta, ll::Activation::Softmax, loss);

          // ŷ_j = e^(z_j − z_max)/Σ; 1 − ŷ_a = Σ_{j≠a} e^(z_j − z_max)/Σ
          quad top = z[0];
          for (quad v : z) top = v > top ? v : top;
          std::vector<quad> e(k), y_hat(k), one_minus(k);
          quad sum = 0;
          for (std::size_t j = 0; j < k; ++j) sum += e[j] = expq(z[j] - top);
          for (std::size_t a = 0; a < k; ++a) {
            y_hat[a] = e[a] / sum;
            one_minus[a] = 0;
            for (std::size_t j = 0; j < k; ++j)
              if (j != a) one_minus[a] += e[j] / sum;
          }
          for (std::size_t a = 0; a < k; ++a) {
            check_exact(c.y_hat[a], y_hat[a], "ŷ_a");
            for (std::size_t b = 0; b < k; ++b)
              check_exact(c.dyhat_dz[a * k + b], a == b ? y_hat[a] * one_minus[a] : -y_hat[a] * y_hat[b], "∂ŷ_a/∂z_b");
          }
          std::vector<quad> dL_dyhat(k), diff(k);
          quad want_loss = 0;
          for (std::size_t j = 0; j < k; ++j) diff[j] = j == y ? -one_minus[y] : y_hat[j];
          if (loss == ll::Loss::CCE) {
            want_loss = y_hat[y] < static_cast<quad>(0.5) ? -logq(y_hat[y]) : -log1pq(-one_minus[y]);
            dL_dyhat[y] = -1 / y_hat[y];
          } else {
            for (std::size_t j = 0; j < k; ++j) {
              want_loss += diff[j] * diff[j];
              dL_dyhat[j] = 2 * diff[j];
            }
          }
          check_exact(c.loss, want_loss, "L");
          const ll::DataPass pass = ll::full_pass(ones({static_cast<int>(y)}, k), theta, ll::Activation::Softmax, loss, true);
          check_exact(pass.loss_sum, want_loss, "the full-data pass's L");
          for (std::size_t b = 0; b < k; ++b) {
            check_exact(c.dL_dyhat[b], dL_dyhat[b], "∂L/∂ŷ_b");
            // ∂L/∂z_b = Σ_a ∂L/∂ŷ_a ∂ŷ_a/∂z_b: for squared error a sum of terms of both signs, so
            // the bound is relative to the largest term (the exact value can cross 0)
            quad want = 0, largest = 0;
            for (std::size_t a = 0; a < k; ++a) {
              const quad term = dL_dyhat[a] * (a == b ? y_hat[a] * one_minus[a] : -y_hat[a] * y_hat[b]);
              want += term;
              largest = fabsq(term) > largest ? fabsq(term) : largest;
            }
            const quad bound = loss == ll::Loss::MSE && b != y ? largest : 0;
            check_exact(c.dL_dz[b], want, "∂L/∂z_b", bound);
            check_exact(pass.gradient_sum.at(b, 0), want, "the full-data pass's ∂L/∂θ_b0", bound);
          }
        }
}
