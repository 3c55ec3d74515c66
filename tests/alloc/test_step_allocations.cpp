// A step in the steady state allocates nothing (issue: "a stochastic step allocates about 15
// times"). Its own binary, because it replaces the global operator new with one that counts: the
// count covers every allocation of the process between two readings, the library's included.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <atomic>
#include <cstddef>
#include <cstdlib>
#include <memory>
#include <new>

#include "ll/dataset.h"
#include "ll/kernel.h"
#include "ll/settings.h"
#include "ll/trainer.h"

namespace {
std::atomic<std::size_t> allocations{0};
}  // namespace

// These are the replacements the standard allows: new takes malloc's memory, delete gives it back.
// GCC sees operator new's body inlined at each call and takes malloc/free for a mismatch.
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"

void* operator new(std::size_t size) {
  allocations.fetch_add(1, std::memory_order_relaxed);
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t size) { return operator new(size); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }

namespace {

// Allocations made by `steps` steps after `warm_up` steps (which let the history's vectors and the
// reused record reach their size), taken as trace takes unprinted steps: into one record, without
// samples.
std::size_t allocations_in_steps(const ll::Dataset& data, const ll::Settings& s, const ll::Params& theta0,
                                 std::size_t warm_up, std::size_t steps) {
  ll::Trainer trainer(std::make_shared<const ll::Dataset>(data), s, theta0);
  ll::StepRecord rec;
  for (std::size_t k = 0; k < warm_up; ++k) trainer.step(rec, false, false);
  const std::size_t before = allocations.load();
  for (std::size_t k = 0; k < steps; ++k) {
    trainer.step(rec, false, false);
    REQUIRE(rec.status == ll::StepStatus::Ok);
  }
  return allocations.load() - before;
}

// What the run takes once per window of steps, by design, not per step: θ and v at a history
// checkpoint (every 1,024 steps: two vectors), the separable-data watch (every 1,000 steps: θ then
// and now, and what it looks at: 4 to 9 allocations seen), and the history's vectors growing
// geometrically (a few times over this many steps).
std::size_t per_window_allowance(std::size_t steps) { return 12 * (steps / 1000 + 1) + 16; }

}  // namespace

TEST_CASE("the counting allocator counts") {
  const std::size_t before = allocations.load();
  auto p = std::make_unique<double[]>(3);
  CHECK(allocations.load() - before == 1);
}

TEST_CASE("stochastic steps on iris4 allocate nothing per step") {
  ll::Settings s;
  s.mode = ll::BatchMode::Stochastic;
  s.learning_rate = 0.1;
  const std::size_t steps = 20'000;
  const std::size_t n = allocations_in_steps(ll::make_iris4(), s, ll::Params::row({0.0, 0.0, 0.0}), 2'000, steps);
  INFO("allocations in ", steps, " steps: ", n);
  CHECK(n <= per_window_allowance(steps));
}

TEST_CASE("shuffled, momentum, mini-batch, tanh + MSE and softmax steps allocate nothing per step") {
  const std::size_t steps = 10'000;
  ll::Settings s;
  s.order = ll::Order::Shuffle;              // a new permutation every epoch, in the same storage
  s.mode = ll::BatchMode::Stochastic;
  s.momentum = 0.9;
  s.learning_rate = 0.05;
  CHECK(allocations_in_steps(ll::make_iris4(), s, ll::Params::row({0.0, 0.0, 0.0}), 2'000, steps) <= per_window_allowance(steps));
  s.mode = ll::BatchMode::MiniBatch;
  s.batch_size = 2;
  s.activation = ll::Activation::Tanh;
  s.loss = ll::Loss::MSE;
  CHECK(allocations_in_steps(ll::make_iris4(), s, ll::Params::row({0.0, 0.0, 0.0}), 2'000, steps) <= per_window_allowance(steps));
  ll::Settings soft;
  soft.activation = ll::Activation::Softmax;
  soft.loss = ll::Loss::CCE;
  soft.mode = ll::BatchMode::Stochastic;
  soft.learning_rate = 0.05;
  ll::Dataset three = ll::make_blobs(60, 2.0, 3);   // three classes by turns
  three.class_names = {"a", "b", "c"};
  for (std::size_t i = 0; i < three.rows(); ++i) three.labels[i] = static_cast<int>(i % 3);
  CHECK(allocations_in_steps(three, soft, ll::zero_params(soft, three), 2'000, steps) <= per_window_allowance(steps));
}

TEST_CASE("a full-data pass below the parallel size allocates nothing") {
  const ll::Dataset data = ll::make_blobs(10'000, 3.0, 1);
  const ll::Params theta = ll::Params::row({0.1, 0.2, -0.3});
  (void)ll::full_pass(data, theta, ll::Activation::Sigmoid, ll::Loss::BCE, false);   // its storage, once
  const std::size_t before = allocations.load();
  double sum = 0.0;
  for (int k = 0; k < 100; ++k) sum += ll::full_pass(data, theta, ll::Activation::Sigmoid, ll::Loss::BCE, false).loss_sum;
  CHECK(allocations.load() - before == 0);
  CHECK(sum > 0.0);
}
