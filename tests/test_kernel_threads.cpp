// The full-data pass gives the same numbers, bit for bit, on one thread and on two (kernel.cpp:
// fixed blocks, summed in block order), for the vector paths too: softmax + CCE in lanes and many
// features in sub-blocks. Through the command line, as LL_THREADS is read once per process.
#include <doctest/doctest.h>

#include <cstdio>
#include <fstream>
#include <random>
#include <string>
#include <unistd.h>

#include "cli_runner.h"
#include "helper_threads.h"   // core/src: the pass's helper threads and their split

namespace {

// 40,000 rows (40 blocks: passes split between the threads) of 10 features and a class 1–3.
std::string write_wide_csv() {
  const std::string path = "/tmp/ll_kernel_threads_" + std::to_string(::getpid()) + ".csv";
  std::ofstream f(path);
  f << "x1,x2,x3,x4,x5,x6,x7,x8,x9,x10,class\n";
  std::mt19937_64 rng(5);
  std::normal_distribution<double> noise(0.0, 1.0);
  for (int i = 0; i < 40000; ++i) {
    const int label = i % 3;
    for (int j = 0; j < 10; ++j) f << (j == label ? 1.5 : 0.0) + noise(rng) << ",";
    f << "c" << label + 1 << "\n";
  }
  return path;
}

}  // namespace

TEST_CASE("softmax and ten-feature passes print the same numbers on one thread and on two") {
  const std::string csv = write_wide_csv();
  const std::string runs[] = {
      "trace --data " + csv + " --activation softmax --loss cce --steps 3 --lr 0.5 --format json --no-samples",
      "trace --data " + csv + " --classes 1,2 --steps 3 --lr 0.5 --format json --no-samples",
      "trace --data " + csv + " --classes 1,3 --activation tanh --loss mse --steps 3 --lr 0.1 --format json --no-samples"};
  for (const std::string& args : runs) {
    INFO(args);
    const CliResult one = run_cli(args, "LL_THREADS=1 ");
    const CliResult two = run_cli(args, "LL_THREADS=2 ");
    REQUIRE(one.exit_code == 0);
    REQUIRE(two.exit_code == 0);
    CHECK(one.out.find("\"loss_after\"") != std::string::npos);
    CHECK(one.out == two.out);
  }
  std::remove(csv.c_str());
}

TEST_CASE("the pass's split follows the measured times: the faster way, and the other now and then") {
  const auto shared_count = [](ll::SplitChoice& choice, std::size_t work, double alone_s, double shared_s, int passes) {
    int shared = 0;
    for (int k = 0; k < passes; ++k) {
      const bool s = choice.shared(work);
      choice.record(work, s, s ? shared_s : alone_s);
      shared += s ? 1 : 0;
    }
    return shared;
  };
  ll::SplitChoice choice;
  // First each way once, then the faster: sharing halves this size's time (a big pass, a quiet machine).
  const int big = shared_count(choice, 1 << 22, 2e-3, 1e-3, 256);
  CHECK(big >= 256 - 256 / 16 - 2);   // shared but for the probes (every 16th, or 128th: 2× apart)
  CHECK(big < 256);
  // A small pass of another size: the helper costs more to wake than it saves.
  const int small = shared_count(choice, 1 << 13, 8e-6, 5e-5, 256);
  CHECK(small >= 1);                  // measured once, and probed again now and then
  CHECK(small <= 1 + 256 / 128 + 1);
  // The machine gets busy: sharing the big size now waits for the helper, and the choice follows.
  int recent = 0;
  for (int k = 0; k < 64; ++k) {
    const bool s = choice.shared(1 << 22);
    choice.record(1 << 22, s, s ? 5e-3 : 2e-3);
    if (k >= 32) recent += s ? 1 : 0;
  }
  CHECK(recent <= 2);                 // by then one thread, but for a probe
  const auto [alone, shared] = choice.rates(1 << 22);
  CHECK(alone < shared);
}
