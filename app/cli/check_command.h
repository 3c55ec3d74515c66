#pragma once
// `logistic-lab check [run options] --step K --sample I --field NAME --value V [--index J]`: grades
// one answer for step K (ll/grader.h). I is the data set's 1-based sample number, in step K's
// batch; J the 1-based entry of θ (b, w1, w2, …) for gradient and theta_after, or of a softmax
// K-vector. Prints `right`, or `wrong` and the hint, on one line; exits 0 when right, 1 when
// wrong, 2 on bad input. `--earlier FIELD=VALUE` (repeatable) gives the student's earlier answers
// for the same sample and entry: a wrong answer that follows from a wrong earlier one says so.
#include <CLI/CLI.hpp>

#include <cstddef>
#include <string>
#include <vector>

#include "run/run_spec.h"

namespace ll::app {

struct CheckOptions {
  RunSpec run;
  std::string scenario;
  std::size_t step = 1;
  std::size_t sample = 0;   // 1-based; 0: not given
  std::size_t index = 1;    // 1-based
  std::string field;
  double value = 0.0;
  std::vector<std::string> earlier;   // "yhat=0.7048": the same --sample and --index
};

void add_check_options(CLI::App& command, CheckOptions& options);
int run_check(const CheckOptions& options);

}  // namespace ll::app
