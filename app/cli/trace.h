#pragma once
// `logistic-lab trace`: runs steps headless and prints each one (text, CSV, JSON, Markdown or
// LaTeX, or as a worksheet or its answer key), or the whole history as CSV at the end.
#include <CLI/CLI.hpp>

#include <optional>

#include "run/run_spec.h"

namespace ll::app {

struct TraceOptions {
  RunSpec run;
  std::size_t every = 1;       // print every k-th step and the last
  bool no_samples = false;     // leave the per-sample part out
  std::string format = "text"; // text | csv | json | markdown | latex | history-csv | worksheet | answer-key
  std::optional<int> fade;     // --fade LEVEL (worksheet, answer-key): 0 … kMostFade, default all blanks
  bool latex = false;          // --latex: the worksheet or answer key in LaTeX
  std::string scenario;        // --scenario FILE: the run options not given come from it
  std::optional<int> decimals; // --decimals N
  std::string compare;         // --compare "OPTIONS": a second run beside the first (text, json)
};

void add_trace_options(CLI::App& command, TraceOptions& options);
// With --compare both runs step together: each step of run a, then the same step of run b (JSON:
// "run": "a" | "b" first in each object; every number of b as `trace` with b's options prints it).
// Returns the exit code: 0, 2 (bad input), 3 (a run diverged or a step was refused).
int run_trace(const TraceOptions& options);

}  // namespace ll::app
