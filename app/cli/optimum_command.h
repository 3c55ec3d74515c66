#pragma once
// `logistic-lab optimum`: the best θ for the run's data, loss, activation and conventions
// (ll/optimum.h), printed as text or, with --format json, as one object:
//   {"status": "ok" | "separable" | "not-defined", "theta": […] or null, "loss": J(θ*) or null,
//    "iterations": n, "method": "newton" | "descent", "gradient_norm": ‖∇J(θ*)‖, "message": "…",
//    "direction": […] (separable only)}
// Exit code 0: θ* found; 3: there is no finite optimum (or none could be found); 2: bad input.
#include <CLI/CLI.hpp>

#include <optional>
#include <string>

#include "run/run_spec.h"

namespace ll::app {

struct OptimumOptions {
  RunSpec run;
  std::string format = "text";   // text | json
  std::string scenario;          // --scenario FILE
  std::optional<int> decimals;   // --decimals N (text)
};

void add_optimum_options(CLI::App& command, OptimumOptions& options);
int run_optimum(const OptimumOptions& options);

}  // namespace ll::app
