// The full-data pass where it used to fall off (issue 15 §2), with Google Benchmark:
//
//   build/tests/ll_kernel_bench                      every case
//   tests/bench/kernels_compare.sh                   the same against numpy, in rounds, as ratios
//
// BM_SoftmaxStep: one full-batch softmax + CCE step, K = 3, d = 2, N = 300,000 (the pass at θ after
// the step gives the loss after it and the next gradient). BM_WideStep: one full-batch sigmoid + BCE
// step with d = 10, N = 200,000. BM_ReadFloor: the memory-bandwidth floor of a pass over the same
// data, every column and the labels read once on every core and summed, nothing else: a pass can
// take no less. BM_PassBySize: the pass from 2,048 to 2,097,152 samples, for the threads' gain.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <thread>
#include <vector>

#include "ll/dataset.h"
#include "ll/kernel.h"
#include "ll/params.h"
#include "ll/settings.h"
#include "ll/trainer.h"

namespace {

// N samples, d features drawn from blobs, `classes` labels by turns with the classes shifted apart.
std::shared_ptr<const ll::Dataset> make_data(std::size_t n, std::size_t d, int classes) {
  ll::Dataset data = ll::make_blobs(n, 3.0, 7);
  data.class_names.clear();
  for (int c = 0; c < classes; ++c) data.class_names.push_back("class " + std::to_string(c));
  for (std::size_t j = 2; j < d; ++j) {            // more features: mixtures of the first two
    std::vector<double> column(n);
    for (std::size_t i = 0; i < n; ++i)
      column[i] = 0.3 * static_cast<double>(j) * data.columns[0][i] - 0.2 * data.columns[1][i] + 0.01 * static_cast<double>(i % 17);
    data.columns.push_back(std::move(column));
    data.feature_names.push_back("x" + std::to_string(j + 1));
  }
  if (classes > 2)
    for (std::size_t i = 0; i < n; ++i) {
      data.labels[i] = static_cast<int>(i % static_cast<std::size_t>(classes));
      data.columns[0][i] += 2.0 * data.labels[i];
    }
  return std::make_shared<const ll::Dataset>(std::move(data));
}

void full_batch_steps(benchmark::State& state, const std::shared_ptr<const ll::Dataset>& data, const ll::Settings& s) {
  ll::Trainer trainer(data, s, ll::zero_params(s, *data));
  ll::StepRecord rec;
  for (auto _ : state) {
    trainer.step(rec, false);
    if (rec.status != ll::StepStatus::Ok) state.SkipWithError(rec.message.c_str());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(data->rows()));
  state.counters["ns_per_sample"] = benchmark::Counter(static_cast<double>(data->rows()),
                                                        benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert,
                                                        benchmark::Counter::kIs1000);
}

void BM_SoftmaxStep(benchmark::State& state) {
  static const auto data = make_data(static_cast<std::size_t>(state.range(0)), 2, 3);
  ll::Settings s;
  s.activation = ll::Activation::Softmax;
  s.loss = ll::Loss::CCE;
  s.learning_rate = 0.1;
  full_batch_steps(state, data, s);
}
BENCHMARK(BM_SoftmaxStep)->Arg(300000)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_WideStep(benchmark::State& state) {
  static const auto data = make_data(static_cast<std::size_t>(state.range(0)), 10, 2);
  ll::Settings s;
  s.learning_rate = 0.01;
  full_batch_steps(state, data, s);
}
BENCHMARK(BM_WideStep)->Arg(200000)->Unit(benchmark::kMillisecond)->UseRealTime();

// range(0) samples, range(1) features: every byte a pass reads, read once, on every core.
void BM_ReadFloor(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  const auto d = static_cast<std::size_t>(state.range(1));
  const auto data = make_data(n, d, 2);
  const char* limit = std::getenv("LL_THREADS");   // as the pass: LL_THREADS, else every core
  const unsigned threads = limit && std::atoi(limit) > 0 ? static_cast<unsigned>(std::atoi(limit))
                                                         : std::max(1u, std::thread::hardware_concurrency());
  std::vector<double> sums(threads);
  const auto read = [&](unsigned t) {
    const std::size_t from = n * t / threads, to = n * (t + 1) / threads;
    double s[8] = {};   // eight sums: the adds overlap, the loop is bound by the reads alone
    for (const std::vector<double>& column : data->columns) {
      std::size_t i = from;
      for (; i + 8 <= to; i += 8)
        for (int k = 0; k < 8; ++k) s[k] += column[i + static_cast<std::size_t>(k)];
      for (; i < to; ++i) s[0] += column[i];
    }
    long labels = 0;
    for (std::size_t i = from; i < to; ++i) labels += data->labels[i];
    sums[t] = s[0] + s[1] + s[2] + s[3] + s[4] + s[5] + s[6] + s[7] + static_cast<double>(labels);
  };
  for (auto _ : state) {
    std::vector<std::thread> helpers;
    for (unsigned t = 1; t < threads; ++t) helpers.emplace_back(read, t);
    read(0);
    for (std::thread& h : helpers) h.join();
    benchmark::DoNotOptimize(sums.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * n * (8 * d + 4)));
}
BENCHMARK(BM_ReadFloor)->Args({200000, 10})->Args({300000, 2})->Unit(benchmark::kMillisecond)->UseRealTime();

// The full pass (sigmoid + BCE, d = 2, with the gradient) by size, for what the second core buys:
// run once as is and once with LL_THREADS=1. The pass decides for itself whether to wake its helper
// (core/src/helper_threads.h, SplitChoice), so on two threads no size should be slower than on one.
void BM_PassBySize(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  const auto data = make_data(n, 2, 2);
  const ll::Params theta = ll::Params::row({0.1, 0.5, -0.1});
  for (auto _ : state) benchmark::DoNotOptimize(ll::full_pass(*data, theta, ll::Activation::Sigmoid, ll::Loss::BCE, true).loss_sum);
  state.counters["ns_per_sample"] = benchmark::Counter(static_cast<double>(n),
                                                        benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert,
                                                        benchmark::Counter::kIs1000);
}
BENCHMARK(BM_PassBySize)->RangeMultiplier(4)->Range(2048, 2 << 20)->Unit(benchmark::kMicrosecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
