// Benchmarks of the full-data pass and of a full-batch Trainer step (Google Benchmark).
//
//   build/tests/ll_bench                                  all cases
//   build/tests/ll_bench --benchmark_filter=FullBatchStep the step compare.sh sets against numpy
//   LL_THREADS=1 build/tests/ll_bench                     the same on one thread (see kernel.cpp)
//
// The case is BM_FullBatchStep: one full-batch sigmoid + BCE step on N = 1,000,000 blobs
// with d = 2. It costs one full_pass (at θ after the step, giving the loss after it and the
// gradient for the next step), which BM_FullPass measures on its own. The other losses and
// activations are there for reference. BM_StochasticHistory measures what the history keeps:
// the resident memory 1,000,000 stochastic steps on iris4 add.
#include <benchmark/benchmark.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <memory>
#include <string>
#include <thread>

#include "ll/dataset.h"
#include "ll/kernel.h"
#include "ll/params.h"
#include "ll/settings.h"
#include "ll/trainer.h"

namespace {

constexpr std::size_t kMillion = 1000000;

// Two-class blobs (d = 2), made once per size and shared by the cases that use it.
std::shared_ptr<const ll::Dataset> blobs(std::size_t n) {
  static std::shared_ptr<const ll::Dataset> small, large;
  auto& slot = n == kMillion ? large : small;
  if (!slot || slot->rows() != n) slot = std::make_shared<const ll::Dataset>(ll::make_blobs(n, 3.0, 1));
  return slot;
}

// Three classes for softmax: the blobs' points, labelled 0, 1, 2 by turns and shifted apart.
std::shared_ptr<const ll::Dataset> three_blobs(std::size_t n) {
  static std::shared_ptr<const ll::Dataset> made;
  if (made && made->rows() == n) return made;
  ll::Dataset d = ll::make_blobs(n, 0.0, 2);
  d.name = "three blobs";
  d.class_names = {"class 0", "class 1", "class 2"};
  for (std::size_t i = 0; i < n; ++i) {
    d.labels[i] = static_cast<int>(i % 3);
    d.columns[0][i] += 2.0 * d.labels[i];
    d.columns[1][i] -= 1.5 * (d.labels[i] == 1 ? 1.0 : 0.0);
  }
  made = std::make_shared<const ll::Dataset>(std::move(d));
  return made;
}

// "1" if LL_THREADS=1 is set (the kernel then runs on one thread), for the report's context.
std::string threads_label() {
  const char* v = std::getenv("LL_THREADS");
  return v && *v ? std::string(v) : std::string("auto (") + std::to_string(std::thread::hardware_concurrency()) + ")";
}

void set_counters(benchmark::State& state, std::size_t n) {
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(n));
  state.counters["N"] = static_cast<double>(n);
}

// One full-batch step: ∇ from the pass already made at θ, θ ← θ − η∇, then one pass at θ after
// (the loss after this step and the gradient of the next).
void BM_FullBatchStep(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  auto data = blobs(n);
  ll::Settings s;
  s.mode = ll::BatchMode::Batch;
  s.loss = ll::Loss::BCE;
  s.activation = ll::Activation::Sigmoid;
  s.learning_rate = 0.1;
  ll::Trainer trainer(data, s, ll::Params::row({0.1, 0.5, -0.1}));
  for (auto _ : state) {
    ll::StepRecord rec = trainer.step(false);
    if (rec.status != ll::StepStatus::Ok) state.SkipWithError(rec.message.c_str());
    benchmark::DoNotOptimize(rec.loss_after);
  }
  set_counters(state, n);
  state.counters["loss_after"] = trainer.loss_at(trainer.current_step()).value_or(-1.0);
}
BENCHMARK(BM_FullBatchStep)->Arg(kMillion)->Arg(100000)->Unit(benchmark::kMillisecond)->UseRealTime();

// One full_pass: range(0) = N, range(1) = with_gradient.
template <ll::Activation A, ll::Loss L>
void BM_FullPass(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  const bool with_gradient = state.range(1) != 0;
  const bool softmax = A == ll::Activation::Softmax;
  auto data = softmax ? three_blobs(n) : blobs(n);
  const ll::Params theta = softmax ? ll::parse_params("0.1,0.5,-0.1;0,0.2,0.3;-0.1,-0.4,0.2")
                                   : ll::Params::row({0.1, 0.5, -0.1});
  double loss = 0.0;
  for (auto _ : state) {
    const ll::DataPass pass = ll::full_pass(*data, theta, A, L, with_gradient);
    loss = pass.loss_sum;
    benchmark::DoNotOptimize(pass.gradient_sum.values.data());
  }
  set_counters(state, n);
  state.counters["mean_loss"] = loss / static_cast<double>(n);
}
#define LL_PASS(A, L)                                                                          \
  BENCHMARK_TEMPLATE(BM_FullPass, ll::Activation::A, ll::Loss::L)                              \
      ->ArgNames({"N", "grad"})                                                                \
      ->Unit(benchmark::kMillisecond)                                                          \
      ->UseRealTime()
LL_PASS(Sigmoid, BCE)->ArgsProduct({{static_cast<std::int64_t>(kMillion), 100000}, {1, 0}});
LL_PASS(Sigmoid, MSE)->Args({static_cast<std::int64_t>(kMillion), 1});
LL_PASS(Tanh, MSE)->Args({static_cast<std::int64_t>(kMillion), 1});
LL_PASS(Softmax, CCE)->Args({static_cast<std::int64_t>(kMillion), 1});
#undef LL_PASS

// Resident memory (VmRSS) of this process, in bytes.
double rss_bytes() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line))
    if (line.rfind("VmRSS:", 0) == 0) return 1024.0 * std::strtod(line.c_str() + 6, nullptr);
  return 0.0;
}

// range(0) stochastic steps on iris4 (Trainer::step(false)); reports the RSS they add.
void BM_StochasticHistory(benchmark::State& state) {
  const auto steps = static_cast<std::size_t>(state.range(0));
  auto data = std::make_shared<const ll::Dataset>(ll::make_iris4());
  ll::Settings s;
  s.mode = ll::BatchMode::Stochastic;
  s.learning_rate = 0.01;
  double before = 0.0, after = 0.0;
  for (auto _ : state) {
    state.PauseTiming();
    auto trainer = std::make_unique<ll::Trainer>(data, s, ll::Params::row({0.1, 0.5, -0.1}));
    before = rss_bytes();
    state.ResumeTiming();
    for (std::size_t k = 0; k < steps; ++k)
      if (trainer->step(false).status != ll::StepStatus::Ok) state.SkipWithError("a step failed");
    state.PauseTiming();
    after = rss_bytes();
    trainer.reset();
    state.ResumeTiming();
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * steps));
  state.counters["rss_added_MiB"] = (after - before) / (1024.0 * 1024.0);
  state.counters["bytes_per_step"] = (after - before) / static_cast<double>(steps);
  state.counters["rss_MiB"] = after / (1024.0 * 1024.0);
}
BENCHMARK(BM_StochasticHistory)->Arg(static_cast<std::int64_t>(kMillion))->Arg(static_cast<std::int64_t>(10 * kMillion))
    ->Iterations(1)->Unit(benchmark::kMillisecond);

// range(0) recorded stochastic steps on iris4 as `trace --mode stochastic --steps N --every N
// --no-samples` takes them: into one record (Trainer::step(rec, …): no allocation per step), the
// data-set loss after each (iris4 is small), the history kept. tests/bench/sgd_compare.sh sets the
// same against scikit-learn's SGDClassifier.
void BM_StochasticSteps(benchmark::State& state) {
  const auto steps = static_cast<std::size_t>(state.range(0));
  auto data = std::make_shared<const ll::Dataset>(ll::make_iris4());
  ll::Settings s;
  s.mode = ll::BatchMode::Stochastic;
  for (auto _ : state) {
    ll::Trainer trainer(data, s, ll::Params::row({0.0, 0.0, 0.0}));
    ll::StepRecord rec;
    for (std::size_t k = 0; k < steps; ++k) trainer.step(rec, false, false);
    benchmark::DoNotOptimize(rec.theta_after.values.data());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * steps));
}
BENCHMARK(BM_StochasticSteps)->Arg(static_cast<std::int64_t>(kMillion))->Unit(benchmark::kMillisecond);

// A past step's full record (its batch's chains), from a history of range(0) stochastic steps on
// iris4: most such steps are before the history's tail and replayed from a checkpoint. Random
// steps, so that the replayed block is rarely the cached one. The goal: well within a frame.
void BM_PastRecord(benchmark::State& state) {
  const auto steps = static_cast<std::size_t>(state.range(0));
  auto data = std::make_shared<const ll::Dataset>(ll::make_iris4());
  ll::Settings s;
  s.mode = ll::BatchMode::Stochastic;
  ll::Trainer trainer(data, s, ll::Params::row({0.1, 0.5, -0.1}));
  for (std::size_t k = 0; k < steps; ++k) trainer.step(false, false);
  std::uint64_t x = 88172645463325252ull;   // xorshift: the steps asked for
  for (auto _ : state) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    benchmark::DoNotOptimize(trainer.record(1 + x % steps));
  }
  state.counters["history_MiB"] = static_cast<double>(trainer.history_bytes()) / (1024.0 * 1024.0);
}
BENCHMARK(BM_PastRecord)->Arg(static_cast<std::int64_t>(kMillion))->Unit(benchmark::kMicrosecond);

// range(0) stochastic steps on 1,000,000 blobs, with the data-set loss left out where nothing
// shows it (range(1) = 1, as trace's unprinted steps) or computed every step (0, as before).
void BM_StochasticBigData(benchmark::State& state) {
  static const auto data = std::make_shared<const ll::Dataset>(ll::make_blobs(kMillion, 3.0, 1));
  const auto steps = static_cast<std::size_t>(state.range(0));
  const bool lazy = state.range(1) == 1;
  ll::Settings s;
  s.mode = ll::BatchMode::Stochastic;
  for (auto _ : state) {
    ll::Trainer trainer(data, s, ll::Params::row({0.0, 0.0, 0.0}));
    for (std::size_t k = 0; k < steps; ++k) trainer.step(false, !lazy);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * steps));
}
BENCHMARK(BM_StochasticBigData)->Args({10000, 0})->Args({10000, 1})->Args({100000, 1})
    ->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::AddCustomContext("LL_THREADS", threads_label());
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
