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

namespace {

// 40,000 rows (above the pass's parallel size, 32,768) of 10 features and a class 1–3.
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
