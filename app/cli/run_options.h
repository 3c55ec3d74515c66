#pragma once
// The options that define a run, shared by `trace`, `screenshot` and `gui`, and turning them into
// a data set and a Trainer. Every check throws ll::InputError with a message naming the option.
#include <CLI/CLI.hpp>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "ll/dataset.h"
#include "ll/params.h"
#include "ll/trainer.h"

namespace ll::app {

struct RunOptions {
  DataOptions data;           // source, blobs size/separation, standardize
  std::string features;       // "3,4": 1-based feature columns
  std::string classes;        // "1,2": 1-based classes
  std::string loss = "bce";
  std::string activation = "sigmoid";
  std::string mode = "batch";
  std::size_t batch_size = 2;
  std::string batch;          // "2,4": 1-based samples of the first step
  std::string order = "sequential";
  std::uint64_t seed = 1;
  double learning_rate = 0.01;
  double momentum = 0.0;
  std::string theta;          // "b,w1,w2" (softmax: rows separated by ';'); empty: the default
  std::size_t steps = 1;
  bool operator==(const RunOptions& o) const;
  bool operator!=(const RunOptions& o) const { return !(*this == o); }
};

// "2,4" → {2, 4}: 1-based numbers as people type them. Throws InputError naming the option.
std::vector<std::size_t> parse_numbers(const std::string& text, const std::string& option);

// Accepts a whole number ≥ `min` (CLI11's own range check prints the whole double range).
CLI::Validator whole_number(unsigned long long min);

// Registers --data, --n, --features, --classes, --loss, --activation, --mode, --batch-size,
// --batch, --order, --seed, --lr, --momentum, --theta, --standardize, --steps on `command`.
void add_run_options(CLI::App& command, RunOptions& options);

// Copies into `into` the options that were given on `command` (those add_run_options registered
// for `given`, with a count above 0): how options beside --scenario override the file.
void apply_given_run_options(const CLI::App& command, const RunOptions& given, RunOptions& into);

struct Run {
  std::shared_ptr<const Dataset> data;
  Settings settings;
  Params theta0;
  std::vector<std::size_t> first_batch;   // 0-based; empty: the sampler's
};

// Loads the data, parses and checks every setting. Throws InputError.
Run make_run(const RunOptions& options);

// The starting θ when none is given: the slides' θ for their data sets (iris4: [0.1, 0.5, −0.1],
// iris6: [−0.654, 0.535]), zeros otherwise.
Params default_theta(const Dataset& data, const Settings& settings);

}  // namespace ll::app
