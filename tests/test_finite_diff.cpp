// The analytic gradient (the chain's ∂L/∂z ⊗ x, and the full-data kernel's) against finite
// differences of the batch loss, for every loss × activation pair the core defines.
//
// The batch loss is the mean of sample_chain(…).loss over the batch. Its derivative along θ_k is
// taken with the central five-point stencil
//   f′ ≈ [−f(θ+2h) + 8f(θ+h) − 8f(θ−h) + f(θ−2h)] / 12h,
// whose truncation error is h⁴ f⁽⁵⁾/30 and whose rounding error is about ε·|f|/h. With
// h = 1e-3·max(1, |θ_k|) both are ~1e-13 for these O(1) losses, so a relative error of 1e-6
// leaves a margin of several orders of magnitude while still catching any wrong factor.
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "approx.h"
#include "ll/activation.h"
#include "ll/chain.h"
#include "ll/dataset.h"
#include "ll/kernel.h"
#include "ll/loss.h"
#include "ll/params.h"

namespace {

constexpr double kRelativeTolerance = 1e-6;

struct Case {
  ll::Activation activation;
  ll::Loss loss;
};

// n samples of d features uniform in [lo, hi], labels uniform over k classes (both classes present).
ll::Dataset make_random_data(std::mt19937_64& rng, std::size_t n, std::size_t d, std::size_t k, double lo,
                        double hi) {
  std::uniform_real_distribution<double> feature(lo, hi);
  std::uniform_int_distribution<int> label(0, static_cast<int>(k) - 1);
  ll::Dataset data;
  data.name = "random";
  for (std::size_t j = 0; j < d; ++j) data.feature_names.push_back("x" + std::to_string(j + 1));
  for (std::size_t c = 0; c < k; ++c) data.class_names.push_back("class " + std::to_string(c));
  data.columns.assign(d, std::vector<double>(n));
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = 0; j < d; ++j) data.columns[j][i] = feature(rng);
    data.labels.push_back(i < k ? static_cast<int>(i) : label(rng));  // every class appears
  }
  return data;
}

ll::Params make_random_theta(std::mt19937_64& rng, std::size_t rows, std::size_t cols, double lo, double hi) {
  std::uniform_real_distribution<double> entry(lo, hi);
  ll::Params theta(rows, cols);
  for (double& v : theta.values) v = entry(rng);
  return theta;
}

double batch_loss(const ll::Dataset& data, const std::vector<std::size_t>& batch, const ll::Params& theta,
                  const Case& c) {
  double sum = 0.0;
  for (std::size_t i : batch) {
    const ll::SampleChain chain = ll::sample_chain(data, i, theta, c.activation, c.loss);
    sum += chain.defined ? chain.loss : NAN;  // undefined: no comparison can pass
  }
  return sum / static_cast<double>(batch.size());
}

std::vector<double> finite_difference_gradient(const ll::Dataset& data, const std::vector<std::size_t>& batch,
                                               const ll::Params& theta, const Case& c) {
  std::vector<double> gradient(theta.size());
  for (std::size_t k = 0; k < theta.size(); ++k) {
    const double h = 1e-3 * std::max(1.0, std::fabs(theta.values[k]));
    auto at = [&](double offset) {
      ll::Params moved = theta;
      moved.values[k] += offset;
      return batch_loss(data, batch, moved, c);
    };
    gradient[k] = (-at(2 * h) + 8 * at(h) - 8 * at(-h) + at(-2 * h)) / (12 * h);
  }
  return gradient;
}

// 1/m Σ_i ∂L_i/∂θ from the chains.
std::vector<double> chain_gradient(const ll::Dataset& data, const std::vector<std::size_t>& batch,
                                   const ll::Params& theta, const Case& c) {
  ll::Params sum(theta.rows, theta.cols, 0.0);
  for (std::size_t i : batch) ll::add_sample_gradient(ll::sample_chain(data, i, theta, c.activation, c.loss), sum);
  for (double& g : sum.values) g /= static_cast<double>(batch.size());
  return sum.values;
}

// Relative error per entry, |a − b| / max(|a|, |b|); the floor 1e-3·max|g| keeps an entry that
// happens to be near 0 from being judged on its rounding noise alone.
void check_relative(const std::vector<double>& analytic, const std::vector<double>& numeric) {
  REQUIRE(analytic.size() == numeric.size());
  double scale = 0.0;
  for (double g : numeric) scale = std::max(scale, std::fabs(g));
  REQUIRE(scale > 1e-6);  // a gradient that is not ~0, so the comparison means something
  for (std::size_t k = 0; k < analytic.size(); ++k) {
    INFO("θ entry ", k);
    CHECK_CLOSE(analytic[k], numeric[k], kRelativeTolerance * 1e-3 * scale, kRelativeTolerance);
  }
}

// Data and θ for one pair: 3 features; 3 classes for softmax. For tanh + BCE every feature and
// every θ entry is positive, so z > 0 and ŷ = tanh z > 0 where log ŷ is defined.
void check_pair(const Case& c, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  const bool softmax = c.activation == ll::Activation::Softmax;
  const bool positive = c.activation == ll::Activation::Tanh && c.loss == ll::Loss::BCE;
  const std::size_t n = 40, d = 3, k = softmax ? 3 : 2;
  const ll::Dataset data = positive ? make_random_data(rng, n, d, k, 0.2, 2.0) : make_random_data(rng, n, d, k, -2.0, 2.0);
  const ll::Params theta = positive ? make_random_theta(rng, 1, d + 1, 0.05, 0.6)
                                    : make_random_theta(rng, softmax ? k : 1, d + 1, -1.0, 1.0);
  // A mini-batch of 7 distinct samples, and the whole data set.
  std::vector<std::size_t> everything(n), batch;
  for (std::size_t i = 0; i < n; ++i) everything[i] = i;
  std::shuffle(everything.begin(), everything.end(), rng);
  batch.assign(everything.begin(), everything.begin() + 7);
  std::sort(everything.begin(), everything.end());

  INFO("seed ", seed);
  {
    INFO("the chain's gradient over a mini-batch of 7");
    check_relative(chain_gradient(data, batch, theta, c), finite_difference_gradient(data, batch, theta, c));
  }
  {
    INFO("the full-data kernel's loss and gradient");
    const ll::DataPass pass = ll::full_pass(data, theta, c.activation, c.loss, true);
    CHECK(pass.undefined == 0);
    const double mean_loss = pass.loss_sum / static_cast<double>(n);
    CHECK_CLOSE(mean_loss, batch_loss(data, everything, theta, c), 0.0, 1e-13);
    std::vector<double> gradient = pass.gradient_sum.values;
    for (double& g : gradient) g /= static_cast<double>(n);
    check_relative(gradient, finite_difference_gradient(data, everything, theta, c));
  }
}

}  // namespace

TEST_CASE("sigmoid + BCE: the analytic gradient equals finite differences of the batch loss") {
  for (std::uint64_t seed : {11u, 12u, 13u}) check_pair({ll::Activation::Sigmoid, ll::Loss::BCE}, seed);
}

TEST_CASE("sigmoid + squared error: the analytic gradient equals finite differences of the batch loss") {
  for (std::uint64_t seed : {21u, 22u, 23u}) check_pair({ll::Activation::Sigmoid, ll::Loss::MSE}, seed);
}

TEST_CASE("tanh + BCE (every ŷ > 0): the analytic gradient equals finite differences of the batch loss") {
  for (std::uint64_t seed : {31u, 32u, 33u}) check_pair({ll::Activation::Tanh, ll::Loss::BCE}, seed);
}

TEST_CASE("tanh + squared error: the analytic gradient equals finite differences of the batch loss") {
  for (std::uint64_t seed : {41u, 42u, 43u}) check_pair({ll::Activation::Tanh, ll::Loss::MSE}, seed);
}

TEST_CASE("softmax + CCE, 3 classes: the analytic gradient equals finite differences of the batch loss") {
  for (std::uint64_t seed : {51u, 52u, 53u}) check_pair({ll::Activation::Softmax, ll::Loss::CCE}, seed);
}

TEST_CASE("softmax + squared error, 3 classes: the analytic gradient equals finite differences of the batch loss") {
  for (std::uint64_t seed : {61u, 62u, 63u}) check_pair({ll::Activation::Softmax, ll::Loss::MSE}, seed);
}

TEST_CASE("the chain's ∂L/∂z is the product ∂L/∂ŷ · ∂ŷ/∂z it shows, for every pair") {
  std::mt19937_64 rng(71);
  const Case cases[] = {{ll::Activation::Sigmoid, ll::Loss::BCE}, {ll::Activation::Sigmoid, ll::Loss::MSE},
                        {ll::Activation::Tanh, ll::Loss::BCE},    {ll::Activation::Tanh, ll::Loss::MSE},
                        {ll::Activation::Softmax, ll::Loss::CCE}, {ll::Activation::Softmax, ll::Loss::MSE}};
  for (const Case& c : cases) {
    const bool softmax = c.activation == ll::Activation::Softmax;
    const std::size_t k = softmax ? 3 : 2;
    const ll::Dataset data = make_random_data(rng, 10, 2, k, 0.2, 2.0);
    const ll::Params theta = make_random_theta(rng, softmax ? k : 1, 3, 0.05, 0.6);
    for (std::size_t i = 0; i < data.rows(); ++i) {
      const ll::SampleChain chain = ll::sample_chain(data, i, theta, c.activation, c.loss);
      const std::size_t outputs = chain.y_hat.size();
      REQUIRE(chain.dyhat_dz.size() == outputs * outputs);
      for (std::size_t b = 0; b < outputs; ++b) {  // ∂L/∂z_b = Σ_a ∂L/∂ŷ_a ∂ŷ_a/∂z_b
        double product = 0.0;
        for (std::size_t a = 0; a < outputs; ++a) product += chain.dL_dyhat[a] * chain.dyhat_dz[a * outputs + b];
        CHECK_CLOSE(chain.dL_dz[b], product, 1e-15, 1e-12);
      }
    }
  }
}

namespace {

// Σ L_i and Σ ∂L_i/∂θ from the per-sample chains, one by one: what a full pass must equal.
ll::DataPass chains_summed(const ll::Dataset& data, const ll::Params& theta, ll::Activation a, ll::Loss l) {
  ll::DataPass sums;
  sums.gradient_sum = ll::Params(theta.rows, theta.cols, 0.0);
  for (std::size_t i = 0; i < data.rows(); ++i) {
    const ll::SampleChain chain = ll::sample_chain(data, i, theta, a, l);
    sums.loss_sum += chain.loss;
    ll::add_sample_gradient(chain, sums.gradient_sum);
  }
  return sums;
}

}  // namespace

TEST_CASE("the kernel's pass over 100,001 samples (many blocks, several threads) equals the chains summed") {
  std::mt19937_64 rng(81);
  const std::size_t n = 100001;  // not a multiple of the kernel's block size
  const Case cases[] = {{ll::Activation::Sigmoid, ll::Loss::BCE}, {ll::Activation::Tanh, ll::Loss::MSE},
                        {ll::Activation::Softmax, ll::Loss::CCE}};
  for (const Case& c : cases) {
    INFO(ll::name(c.activation), " + ", ll::name(c.loss));
    const bool softmax = c.activation == ll::Activation::Softmax;
    const ll::Dataset data = make_random_data(rng, n, 2, softmax ? 3 : 2, -2.0, 2.0);
    const ll::Params theta = make_random_theta(rng, softmax ? 3 : 1, 3, -1.0, 1.0);
    const ll::DataPass chains = chains_summed(data, theta, c.activation, c.loss);
    const double loss = chains.loss_sum;
    const ll::Params& gradient = chains.gradient_sum;
    const ll::DataPass pass = ll::full_pass(data, theta, c.activation, c.loss, true);
    // Sums of 1e5 terms in different orders: allow their rounding (≈ n·ε relative to Σ|term|).
    CHECK_CLOSE(pass.loss_sum, loss, 0.0, 1e-11);
    CHECK_CLOSE_ALL(pass.gradient_sum.values, gradient.values, 1e-9, 1e-11);
    const ll::DataPass again = ll::full_pass(data, theta, c.activation, c.loss, true);
    CHECK(again.loss_sum == pass.loss_sum);  // the same blocks in the same order: bit for bit
    CHECK(again.gradient_sum == pass.gradient_sum);
  }
}

TEST_CASE("the kernel's vector paths (many features, softmax with K classes) equal the chains summed") {
  // d > 2 takes the sub-block path with columns in groups of four (every remainder 0–3 below),
  // softmax + CCE with K ≤ 16 the vector lanes, K = 20 and the squared error the per-sample path.
  struct Wide {
    ll::Activation activation;
    ll::Loss loss;
    std::size_t d, k;
  };
  const Wide cases[] = {{ll::Activation::Sigmoid, ll::Loss::BCE, 10, 2}, {ll::Activation::Sigmoid, ll::Loss::MSE, 5, 2},
                        {ll::Activation::Tanh, ll::Loss::MSE, 7, 2},     {ll::Activation::Sigmoid, ll::Loss::BCE, 12, 2},
                        {ll::Activation::Softmax, ll::Loss::CCE, 2, 3},  {ll::Activation::Softmax, ll::Loss::CCE, 6, 5},
                        {ll::Activation::Softmax, ll::Loss::CCE, 1, 16}, {ll::Activation::Softmax, ll::Loss::CCE, 3, 20},
                        {ll::Activation::Softmax, ll::Loss::MSE, 4, 4}};
  std::mt19937_64 rng(97);
  const std::size_t n = 3000 + 77;   // blocks and sub-blocks with a remainder
  for (const Wide& c : cases) {
    INFO(ll::name(c.activation), " + ", ll::name(c.loss), ", d = ", c.d, ", K = ", c.k);
    const bool softmax = c.activation == ll::Activation::Softmax;
    const ll::Dataset data = make_random_data(rng, n, c.d, c.k, -2.0, 2.0);
    const ll::Params theta = make_random_theta(rng, softmax ? c.k : 1, c.d + 1, -1.5, 1.5);
    const ll::DataPass chains = chains_summed(data, theta, c.activation, c.loss);
    const double loss = chains.loss_sum;
    const ll::Params& gradient = chains.gradient_sum;
    const ll::DataPass pass = ll::full_pass(data, theta, c.activation, c.loss, true);
    CHECK_CLOSE(pass.loss_sum, loss, 0.0, 1e-12);
    CHECK_CLOSE_ALL(pass.gradient_sum.values, gradient.values, 1e-11, 1e-12);
    CHECK(ll::full_pass(data, theta, c.activation, c.loss, false).loss_sum == pass.loss_sum);   // same L without ∇
  }
}
