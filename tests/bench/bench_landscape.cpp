// The loss landscape's grid (app/model/landscape.h: compute_landscape): 128 × 128 cells of J over
// range(0) samples (blobs, sigmoid + BCE), each cell one full-data pass of the core. The goal in
// the landscape issue: N ≤ 10,000 ready within 100 ms; the README has the figures.
#include <benchmark/benchmark.h>

#include <memory>

#include "ll/dataset.h"
#include "model/landscape.h"

namespace {

void BM_LandscapeGrid(benchmark::State& state) {
  ll::app::LandscapeRequest r;
  r.data = std::make_shared<const ll::Dataset>(ll::make_blobs(static_cast<std::size_t>(state.range(0)), 3.0, 1));
  r.theta = ll::Params::row({0.0, 1.0, 1.0});
  r.x_min = -2;
  r.x_max = 4;
  r.y_min = -2;
  r.y_max = 4;
  r.cells = static_cast<int>(state.range(1));
  for (auto _ : state) benchmark::DoNotOptimize(ll::app::compute_landscape(r).low);
  state.SetItemsProcessed(state.iterations() * state.range(0) * state.range(1) * state.range(1));
}
BENCHMARK(BM_LandscapeGrid)->Args({100, 128})->Args({1000, 128})->Args({10000, 128})->Args({10000, 32})
    ->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
