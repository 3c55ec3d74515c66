// Times CSV loading on one file: read_csv_file alone, and load_dataset (read + select, what
// `trace --data` does before its first step). Prints the median and the fastest of ROUNDS runs.
// Not a test: run by tests/bench/csv_load.sh, or by hand: build/tests/ll_csv_bench FILE [ROUNDS].
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "ll/dataset.h"
#include "ll/error.h"

namespace {

template <class F>
void time_it(const char* what, int rounds, F&& load) {
  std::vector<double> ms;
  std::size_t rows = 0;
  for (int r = 0; r < rounds; ++r) {
    const auto start = std::chrono::steady_clock::now();
    rows = load().rows();
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
  }
  std::sort(ms.begin(), ms.end());
  std::printf("%-14s %zu rows: median %.0f ms, fastest %.0f ms (%d runs)\n", what, rows,
              ms[ms.size() / 2], ms.front(), rounds);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s FILE.csv [ROUNDS]\n", argv[0]);
    return 2;
  }
  const std::string path = argv[1];
  const int rounds = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
  try {
    time_it("read_csv_file", rounds, [&] { return ll::read_csv_file(path); });
    ll::DataOptions options;
    options.source = path;
    time_it("load_dataset", rounds, [&] { return ll::load_dataset(options); });
  } catch (const ll::InputError& e) {
    std::fprintf(stderr, "%s\n", e.what());
    return 2;
  }
  return 0;
}
