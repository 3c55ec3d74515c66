// The sampler (which samples each step uses) and the names of every enum, as settings spell them.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "approx.h"
#include "ll/activation.h"
#include "ll/loss.h"
#include "ll/sampler.h"
#include "ll/trainer.h"

namespace {

std::vector<std::size_t> iota(std::size_t n) {
  std::vector<std::size_t> v(n);
  for (std::size_t i = 0; i < n; ++i) v[i] = i;
  return v;
}

}  // namespace

TEST_CASE("epoch_permutation is a permutation of 0 … n−1 for every n") {
  for (std::size_t n : {1u, 2u, 3u, 7u, 50u, 1000u}) {
    INFO("n = ", n);
    std::vector<std::size_t> p = ll::epoch_permutation(n, 5, 2);
    CHECK(p.size() == n);
    std::sort(p.begin(), p.end());
    CHECK(p == iota(n));
  }
  CHECK(ll::epoch_permutation(0, 1, 0).empty());
}

TEST_CASE("epoch_permutation is deterministic and differs by epoch and by seed") {
  const std::size_t n = 20;
  CHECK(ll::epoch_permutation(n, 7, 3) == ll::epoch_permutation(n, 7, 3));
  std::set<std::vector<std::size_t>> seen;
  for (std::uint64_t epoch = 0; epoch < 10; ++epoch) seen.insert(ll::epoch_permutation(n, 7, epoch));
  for (std::uint64_t seed = 0; seed < 10; ++seed) seen.insert(ll::epoch_permutation(n, seed, 0));
  // 19 distinct orders of 20 items (seed 7, epoch 0 is in both lists); a repeat would be a 1 in 20! event.
  CHECK(seen.size() == 19);
  CHECK(ll::epoch_permutation(n, 7, 0) != iota(n));  // shuffled, not the identity
}

TEST_CASE("in order, Sampler::batch takes consecutive samples and wraps into the next epoch") {
  ll::Sampler sampler;
  CHECK(sampler.batch(0, 3, 4, ll::Order::Sequential, 1) == std::vector<std::size_t>{0, 1, 2});
  CHECK(sampler.batch(3, 3, 4, ll::Order::Sequential, 1) == std::vector<std::size_t>{3, 0, 1});
  CHECK(sampler.batch(6, 3, 4, ll::Order::Sequential, 1) == std::vector<std::size_t>{2, 3, 0});
  CHECK(sampler.batch(1002, 1, 4, ll::Order::Sequential, 1) == std::vector<std::size_t>{2});
}

TEST_CASE("shuffled, Sampler::batch reads epoch e's permutation and wraps into epoch e + 1's") {
  const std::size_t n = 5;
  const std::uint64_t seed = 12;
  const std::vector<std::size_t> p0 = ll::epoch_permutation(n, seed, 0), p1 = ll::epoch_permutation(n, seed, 1),
                                 p2 = ll::epoch_permutation(n, seed, 2);
  ll::Sampler sampler;
  CHECK(sampler.batch(0, 2, n, ll::Order::Shuffle, seed) == std::vector<std::size_t>{p0[0], p0[1]});
  CHECK(sampler.batch(3, 4, n, ll::Order::Shuffle, seed) == std::vector<std::size_t>{p0[3], p0[4], p1[0], p1[1]});
  // Out of order (back in history) the answer is the same: the cache must not leak into it.
  CHECK(sampler.batch(12, 1, n, ll::Order::Shuffle, seed) == std::vector<std::size_t>{p2[2]});
  CHECK(sampler.batch(1, 1, n, ll::Order::Shuffle, seed) == std::vector<std::size_t>{p0[1]});
  CHECK(sampler.batch(1, 1, n, ll::Order::Shuffle, seed + 1) ==
        std::vector<std::size_t>{ll::epoch_permutation(n, seed + 1, 0)[1]});
  // A full epoch read from slot 0 holds every sample once.
  std::vector<std::size_t> epoch = sampler.batch(2 * n, n, n, ll::Order::Shuffle, seed);
  CHECK(epoch == p2);
  std::sort(epoch.begin(), epoch.end());
  CHECK(epoch == iota(n));
}

TEST_CASE("batch mode and order names round-trip through parse, and unknown names parse to nothing") {
  const std::vector<std::pair<ll::BatchMode, std::string>> modes = {
      {ll::BatchMode::Batch, "batch"}, {ll::BatchMode::MiniBatch, "minibatch"}, {ll::BatchMode::Stochastic, "stochastic"}};
  for (const auto& [mode, text] : modes) {
    CHECK(ll::name(mode) == text);
    CHECK(ll::parse_batch_mode(text) == mode);
  }
  const std::vector<std::pair<ll::Order, std::string>> orders = {{ll::Order::Sequential, "sequential"},
                                                                 {ll::Order::Shuffle, "shuffle"}};
  for (const auto& [order, text] : orders) {
    CHECK(ll::name(order) == text);
    CHECK(ll::parse_order(text) == order);
  }
  CHECK_FALSE(ll::parse_batch_mode("mini-batch").has_value());
  CHECK_FALSE(ll::parse_batch_mode("").has_value());
  CHECK_FALSE(ll::parse_order("random").has_value());
}

TEST_CASE("loss and activation names round-trip through parse, and unknown names parse to nothing") {
  const std::vector<std::pair<ll::Loss, std::string>> losses = {
      {ll::Loss::BCE, "bce"}, {ll::Loss::MSE, "mse"}, {ll::Loss::CCE, "cce"}};
  for (const auto& [loss, text] : losses) {
    CHECK(ll::name(loss) == text);
    CHECK(ll::parse_loss(text) == loss);
  }
  CHECK(ll::long_name(ll::Loss::BCE) == "binary cross-entropy");
  CHECK(ll::long_name(ll::Loss::MSE) == "squared error");
  CHECK(ll::long_name(ll::Loss::CCE) == "categorical cross-entropy");
  const std::vector<std::pair<ll::Activation, std::string>> activations = {
      {ll::Activation::Sigmoid, "sigmoid"}, {ll::Activation::Tanh, "tanh"}, {ll::Activation::Softmax, "softmax"}};
  for (const auto& [activation, text] : activations) {
    CHECK(ll::name(activation) == text);
    CHECK(ll::parse_activation(text) == activation);
  }
  CHECK_FALSE(ll::parse_loss("BCE").has_value());
  CHECK_FALSE(ll::parse_activation("relu").has_value());
  CHECK(ll::name(ll::StepStatus::Ok) == "ok");
  CHECK(ll::name(ll::StepStatus::Refused) == "refused");
  CHECK(ll::name(ll::StepStatus::Diverged) == "diverged");
}

TEST_CASE("the defined loss × activation pairs are the slides' six, and the others say why not") {
  for (ll::Activation a : {ll::Activation::Sigmoid, ll::Activation::Tanh}) {
    CHECK(ll::is_defined(ll::Loss::BCE, a));
    CHECK(ll::is_defined(ll::Loss::MSE, a));
    CHECK_FALSE(ll::is_defined(ll::Loss::CCE, a));
    CHECK_CONTAINS(ll::why_undefined(ll::Loss::CCE, a), "softmax");
  }
  CHECK(ll::is_defined(ll::Loss::CCE, ll::Activation::Softmax));
  CHECK(ll::is_defined(ll::Loss::MSE, ll::Activation::Softmax));
  CHECK_FALSE(ll::is_defined(ll::Loss::BCE, ll::Activation::Softmax));
  CHECK_CONTAINS(ll::why_undefined(ll::Loss::BCE, ll::Activation::Softmax), "cce");
}
