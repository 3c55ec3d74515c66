// The pass's logarithms (core/src/kernel_parts.h) against binary128: log1p_nonnegative, and
// sum_log1p, which takes the logarithms of a sub-block 8 samples at a time through products, also
// for confident samples (tiny u) and for a short sub-block (zeros); then a whole pass of confident
// samples against its binary128 sum.
#include <doctest/doctest.h>
#include <quadmath.h>

#include <cmath>
#include <memory>
#include <random>
#include <vector>

#include "approx.h"
#include "kernel_parts.h"   // core/src
#include "ll/dataset.h"
#include "ll/objective.h"

namespace {

double reference_sum(const double* u, std::size_t n) {
  __float128 s = 0;
  for (std::size_t i = 0; i < n; ++i) s += log1pq(static_cast<__float128>(u[i]));
  return static_cast<double>(s);
}

}  // namespace

TEST_CASE("log1p_nonnegative is within two ulps of log(1 + t) from 0 to 16") {
  std::mt19937_64 rng(3);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  std::vector<double> ts = {0.0, 1e-300, 1e-17, 1e-9, 0.5, 1.0, std::nextafter(1.0, 2.0), 2.0, 15.0, 16.0};
  for (int k = 0; k < 2000; ++k) ts.push_back(16.0 * unit(rng));
  for (int k = 0; k < 200; ++k) ts.push_back(std::pow(10.0, -300.0 * unit(rng)));
  for (double t : ts) {
    const double expected = static_cast<double>(log1pq(static_cast<__float128>(t)));
    CHECK_REL(ll::kernel::log1p_nonnegative(t), expected, 4.5e-16);
  }
}

TEST_CASE("sum_log1p equals Σ log(1 + u) over a sub-block: ordinary, confident, short, softmax-sized") {
  using ll::kernel::kSub;
  std::mt19937_64 rng(11);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  std::vector<double> u(kSub);
  for (int trial = 0; trial < 500; ++trial) {
    const int kind = trial % 4;
    for (std::size_t i = 0; i < kSub; ++i) {
      switch (kind) {
        case 0: u[i] = unit(rng); break;                                  // e^−|z| of any sample
        case 1: u[i] = std::exp(-40.0 - 600.0 * unit(rng)); break;        // confident: e^−40 … e^−640
        case 2: u[i] = i < 13 ? unit(rng) : 0.0; break;                   // a short sub-block
        default: u[i] = 15.0 * unit(rng); break;                          // softmax's Σ' with K = 16
      }
    }
    const double expected = reference_sum(u.data(), kSub);
    CHECK_REL(ll::kernel::sum_log1p(u.data(), kSub), expected, 2e-15);
  }
  // A short sub-block: only its first n places and the zeros up to the next multiple of 8 count.
  for (std::size_t n : {1u, 4u, 7u, 8u, 13u, 63u}) {
    for (std::size_t i = 0; i < kSub; ++i) u[i] = i < n ? 15.0 * unit(rng) : 1e6;   // past n: not read
    ll::kernel::clear_log_tail(u.data(), n);
    CHECK_REL(ll::kernel::sum_log1p(u.data(), n), reference_sum(u.data(), n), 2e-15);
  }
  std::fill(u.begin(), u.end(), 0.0);
  CHECK(ll::kernel::sum_log1p(u.data(), kSub) == 0.0);
  u[5] = 1e-300;                                                           // one tiny term keeps its digits
  CHECK_REL(ll::kernel::sum_log1p(u.data(), kSub), 1e-300, 1e-15);
}

TEST_CASE("a pass over confident samples keeps the loss's digits (binary128 sum)") {
  // 3,000 samples (2 blocks, the last sub-block short), each with |z| between 20 and 60: every
  // loss is e^−|z| or so, and the data-set loss is their mean.
  auto d = std::make_shared<ll::Dataset>();
  d->columns.assign(2, {});
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  for (int i = 0; i < 3000; ++i) {
    const int label = i % 2;
    const double side = label == 1 ? 1.0 : -1.0;
    d->columns[0].push_back(side * (2.0 + 4.0 * unit(rng)));
    d->columns[1].push_back(unit(rng) - 0.5);
    d->labels.push_back(label);
  }
  d->feature_names = {"x1", "x2"};
  d->class_names = {"0", "1"};
  const ll::Params theta = ll::Params::row({0.0, 10.0, 0.5});
  __float128 sum = 0;
  for (std::size_t i = 0; i < d->rows(); ++i) {
    // z as the pass forms it, in double (its rounding is the input's, not the logarithms')
    const __float128 z = 0.0 + 10.0 * d->columns[0][i] + 0.5 * d->columns[1][i];
    const __float128 signed_z = d->labels[i] == 1 ? -z : z;               // softplus((1 − 2y) z)
    sum += signed_z > 0 ? signed_z + log1pq(expq(-signed_z)) : log1pq(expq(signed_z));
  }
  const double expected = static_cast<double>(sum / 3000);
  ll::Settings s;
  for (bool gradient : {false, true}) {
    const ll::ObjectiveValue v = ll::objective_at(*d, theta, s, gradient);
    CHECK(expected < 1e-8);
    CHECK_REL(v.loss, expected, 1e-14);
  }
  // With the gradient or without, the loss is one number.
  CHECK(ll::objective_at(*d, theta, s, false).loss == ll::objective_at(*d, theta, s, true).loss);
}
