#pragma once
// The run options on the command line (shared by `trace`, `screenshot` and `gui`): each fills the
// typed run spec (run/run_spec.h) once, as it is parsed. A bad value throws InputError naming the
// option ("--features: 'x' is not a whole number ≥ 1 …") out of CLI::App::parse.
#include <CLI/CLI.hpp>

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "run/run_spec.h"

namespace ll::app {

// "2,4" → {2, 4}: 1-based numbers as people type them. Throws InputError naming the option.
std::vector<std::size_t> parse_numbers(const std::string& text, const std::string& option);

// Accepts a whole number ≥ `min` (CLI11's own range check prints the whole double range).
CLI::Validator whole_number(unsigned long long min, unsigned long long max = ~0ULL);
// Accepts a finite number in [min, max] (CLI11's Range lets NaN through).
CLI::Validator number_between(double min, double max);

// An option whose text becomes a typed value as it is parsed: `read` converts and stores it, and
// throws InputError on a bad value; the message gets the option's name in front.
CLI::Option* add_typed_option(CLI::App& command, const std::string& name, const std::string& help,
                              std::function<void(const std::string&)> read);

// Registers --data, --n, --separation, --label, --features, --classes, --loss, --activation,
// --mode, --batch-size, --batch, --order, --seed, --lr, --momentum, --theta, --standardize and
// --steps on `command`, each writing into `spec`.
void add_run_options(CLI::App& command, RunSpec& spec);

// Copies into `into` the options that were given on `command` (those add_run_options registered
// for `given`, with a count above 0): how options beside --scenario override the file.
void apply_given_run_options(const CLI::App& command, const RunSpec& given, RunSpec& into);

// Registers --decimals N (0 … 8): the most decimals the numbers are written with (4 by default).
void add_decimals_option(CLI::App& command, std::optional<int>& decimals);

// Registers --scenario FILE on `command` (trace, gui, screenshot, and the bare window).
void add_scenario_option(CLI::App& command, std::string& path,
                         const std::string& help = "Scenario file (JSON, see assets/scenarios/); options given "
                                                   "beside it win");

// `--scenario FILE` beside run options: the file's spec with the options given on the command
// line on top. `command` is the parsed command on which add_run_options registered `given`.
// Throws InputError.
RunSpec scenario_with_options(const std::string& path, const CLI::App& command, const RunSpec& given);

// `--compare "OPTIONS"`: the second run of a side-by-side comparison, the first run's spec with
// OPTIONS (run options, e.g. "--loss mse --lr 0.1") on top. The two share the data, θ₀, the seed
// (so the same sample order) and the number of steps: options that would change those are
// refused, except --standardize. Throws InputError naming --compare.
CompareSpec compare_spec(const RunSpec& first, const std::string& options);
// The --compare option itself (trace, gui, screenshot), and putting what it was given into `run`
// (after a scenario's: the option wins over the file's compare). Empty: nothing changes.
void add_compare_option(CLI::App& command, std::string& options);
void apply_compare_option(RunSpec& run, const std::string& options);

}  // namespace ll::app
