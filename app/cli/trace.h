#pragma once
// `logistic-lab trace`: runs steps headless and prints each one (text, CSV, JSON, Markdown or
// LaTeX), or the whole history as CSV at the end.
#include <CLI/CLI.hpp>

#include <optional>

#include "run/run_spec.h"

namespace ll::app {

struct TraceOptions {
  RunSpec run;
  std::size_t every = 1;       // print every k-th step and the last
  bool no_samples = false;     // leave the per-sample part out
  std::string format = "text"; // text | csv | json | markdown | latex | history-csv
  std::string scenario;        // --scenario FILE: the run options not given come from it
  std::optional<int> decimals; // --decimals N
};

void add_trace_options(CLI::App& command, TraceOptions& options);
// Returns the exit code: 0, 2 (bad input), 3 (the run diverged or a step was refused).
int run_trace(const TraceOptions& options);

}  // namespace ll::app
