// Numerical stability at extreme scores: z = ±1000 must give finite losses and gradients, in the
// per-sample chain and in the full-data kernel alike, with the values the formulas' limits give.
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

bool all_finite(const std::vector<double>& v) {
  for (double x : v)
    if (!std::isfinite(x)) return false;
  return true;
}

struct Expected {
  double z;
  int y;
  double loss, dL_dz;
};

// The chain and the kernel at each (z, y): finite, and equal to the limit values.
void check_binary(ll::Activation activation, ll::Loss loss, const std::vector<Expected>& cases) {
  for (const Expected& e : cases) {
    INFO(ll::name(activation), " + ", ll::name(loss), " at z = ", e.z, ", y = ", e.y);
    const ll::Dataset data = ones({e.y, 1 - e.y}, 2);  // both classes present; sample 0 is the one checked
    const ll::Params theta = ll::Params::row({0.0, e.z});
    const ll::SampleChain c = ll::sample_chain(data, 0, theta, activation, loss);
    REQUIRE(c.defined);
    CHECK(std::isfinite(c.loss));
    CHECK(all_finite(c.y_hat));
    CHECK(all_finite(c.dyhat_dz));
    CHECK(c.dyhat_dz.at(0) >= 0.0);
    CHECK(all_finite(c.dL_dz));
    CHECK_CLOSE(c.loss, e.loss, 1e-12, 1e-14);
    CHECK_NEAR(c.dL_dz.at(0), e.dL_dz, 1e-12);
    ll::Params gradient(1, 2, 0.0);
    ll::add_sample_gradient(c, gradient);
    CHECK(gradient.all_finite());

    const ll::Dataset alone = ones({e.y}, 2);
    const ll::DataPass pass = ll::full_pass(alone, theta, activation, loss, true);
    CHECK(pass.undefined == 0);
    CHECK_CLOSE(pass.loss_sum, e.loss, 1e-12, 1e-14);
    CHECK(pass.gradient_sum.all_finite());
    CHECK_NEAR(pass.gradient_sum.values.at(1), e.dL_dz, 1e-12);  // ∂L/∂w = ∂L/∂z · x with x = 1
  }
}

}  // namespace

TEST_CASE("sigmoid + BCE at z = ±1000 gives finite losses and gradients: softplus(z) − yz and ŷ − y") {
  check_binary(ll::Activation::Sigmoid, ll::Loss::BCE,
               {{1000, 0, 1000, 1}, {1000, 1, 0, 0}, {-1000, 0, 0, 0}, {-1000, 1, 1000, -1}});
}

TEST_CASE("sigmoid + squared error at z = ±1000 gives finite losses and a vanishing gradient") {
  check_binary(ll::Activation::Sigmoid, ll::Loss::MSE,
               {{1000, 0, 1, 0}, {1000, 1, 0, 0}, {-1000, 0, 0, 0}, {-1000, 1, 1, 0}});
}

TEST_CASE("tanh + squared error at z = ±1000 gives finite losses and a vanishing gradient") {
  check_binary(ll::Activation::Tanh, ll::Loss::MSE,
               {{1000, 0, 1, 0}, {1000, 1, 0, 0}, {-1000, 0, 1, 0}, {-1000, 1, 4, 0}});
}

TEST_CASE("tanh + BCE at z = +1000 is finite: −log(1 − tanh z) = 2z − log 2 + log(1 + e^−2z)") {
  // ∂L/∂z = (ŷ − y)(1 + ŷ)/ŷ → 2 for y = 0, 0 for y = 1.
  // At z = 20, tanh z rounds to 1, so −log(1 − ŷ) needs the stable form too.
  check_binary(ll::Activation::Tanh, ll::Loss::BCE,
               {{1000, 0, 2000 - std::log(2.0), 2},
                {1000, 1, 0, 0},
                {20, 0, 40 - std::log(2.0) + std::log1p(std::exp(-40.0)), 1 + std::tanh(20.0)}});
}

TEST_CASE("softmax + CCE with scores ±1000 gives finite losses and gradients") {
  // x = 1 and rows [0, 1000], [0, −1000], [0, 0]: z = [1000, −1000, 0].
  ll::Params theta(3, 2, 0.0);
  theta.at(0, 1) = 1000;
  theta.at(1, 1) = -1000;
  const ll::Dataset data = ones({1, 0, 2}, 3);
  // L = log Σ e^z − z_y: 2000 for y = 1, 0 for y = 0, 1000 for y = 2 (to rounding of e^−1000).
  const double expected_loss[3] = {2000, 0, 1000};
  for (ll::Loss loss : {ll::Loss::CCE, ll::Loss::MSE}) {
    double sum = 0.0;
    for (std::size_t i = 0; i < 3; ++i) {
      INFO(ll::name(loss), ", sample ", i);
      const ll::SampleChain c = ll::sample_chain(data, i, theta, ll::Activation::Softmax, loss);
      CHECK(std::isfinite(c.loss));
      CHECK(all_finite(c.y_hat));
      CHECK(all_finite(c.dyhat_dz));
      CHECK(all_finite(c.dL_dz));
      CHECK_NEAR(c.y_hat[0] + c.y_hat[1] + c.y_hat[2], 1.0, 1e-15);
      if (loss == ll::Loss::CCE) {
        CHECK_CLOSE(c.loss, expected_loss[i], 1e-12, 1e-14);
        for (std::size_t k = 0; k < 3; ++k)  // ŷ − y with ŷ = [1, 0, 0]
          CHECK_NEAR(c.dL_dz[k], (k == 0 ? 1.0 : 0.0) - (static_cast<int>(k) == data.labels[i] ? 1.0 : 0.0), 1e-12);
      }
      sum += c.loss;
    }
    const ll::DataPass pass = ll::full_pass(data, theta, ll::Activation::Softmax, loss, true);
    CHECK(std::isfinite(pass.loss_sum));
    CHECK_CLOSE(pass.loss_sum, sum, 1e-12, 1e-14);
    CHECK(pass.gradient_sum.all_finite());
  }
}

TEST_CASE("stable softmax of [1000, 1001, 999] sums to 1 and equals softmax of [0, 1, −1]") {
  const double big[3] = {1000, 1001, 999};
  double y_hat[3] = {};
  ll::softmax(big, 3, y_hat);
  const double sum = std::exp(0.0) + std::exp(1.0) + std::exp(-1.0);  // the shifted scores, by hand
  const double expected[3] = {std::exp(0.0) / sum, std::exp(1.0) / sum, std::exp(-1.0) / sum};
  for (std::size_t k = 0; k < 3; ++k) CHECK_CLOSE(y_hat[k], expected[k], 0.0, 1e-15);
  CHECK_NEAR(y_hat[0] + y_hat[1] + y_hat[2], 1.0, 1e-15);
  const double small[3] = {0, 1, -1};
  double shifted[3] = {};
  ll::softmax(small, 3, shifted);
  for (std::size_t k = 0; k < 3; ++k) CHECK_CLOSE(y_hat[k], shifted[k], 0.0, 1e-15);
}

TEST_CASE("softplus(±1000) is finite: 1000 and (underflowing) 0") {
  CHECK_NEAR(ll::softplus(1000.0), 1000.0, 1e-12);
  const double tiny = ll::softplus(-1000.0);  // log(1 + e^−1000) ≈ e^−1000, below the smallest double
  CHECK(std::isfinite(tiny));
  CHECK(tiny >= 0.0);
  CHECK(tiny < 1e-300);
  CHECK_CLOSE(ll::softplus(0.0), std::log(2.0), 0.0, 1e-15);
  CHECK_CLOSE(ll::softplus(-30.0), std::exp(-30.0), 0.0, 1e-12);  // log1p keeps the tail
}

TEST_CASE("sigmoid and its derivative at ±1000 are finite and in range") {
  for (double z : {1000.0, -1000.0}) {
    INFO("z = ", z);
    CHECK(std::isfinite(ll::sigmoid(z)));
    CHECK(ll::sigmoid(z) >= 0.0);
    CHECK(ll::sigmoid(z) <= 1.0);
    CHECK(std::isfinite(ll::sigmoid_derivative(z)));
    CHECK(ll::sigmoid_derivative(z) >= 0.0);
    CHECK(std::isfinite(ll::tanh_derivative(z)));
    CHECK(ll::tanh_derivative(z) >= 0.0);
  }
  CHECK(ll::sigmoid(1000.0) == 1.0);
  CHECK(ll::sigmoid(-1000.0) == 0.0);
  // σ(−40) = e^−40/(1 + e^−40) keeps its relative precision where 1 − σ(40) would cancel.
  CHECK_CLOSE(ll::sigmoid(-40.0), std::exp(-40.0) / (1 + std::exp(-40.0)), 0.0, 1e-14);
  CHECK_CLOSE(ll::sigmoid_derivative(40.0), std::exp(-40.0) / ((1 + std::exp(-40.0)) * (1 + std::exp(-40.0))), 0.0, 1e-13);
}

TEST_CASE("1 − tanh z keeps its precision where tanh z rounds to 1") {
  CHECK(std::tanh(20.0) == 1.0);  // the naive 1 − tanh(20) would be 0
  const double e = std::exp(-40.0);
  CHECK_CLOSE(ll::one_minus_tanh(20.0), 2 * e / (1 + e), 0.0, 1e-14);  // 1 − tanh z = 2e^−2z/(1 + e^−2z)
  CHECK(ll::one_minus_tanh(1000.0) >= 0.0);
  CHECK_NEAR(ll::one_minus_tanh(-1000.0), 2.0, 1e-15);
}
