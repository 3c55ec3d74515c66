#pragma once
// The typed run spec: what defines a run (the data and its options, the settings, θ₀, the first
// batch, the number of steps) and, when a scenario file gave it, how the window shows it. The
// command line (cli/run_options.h) and the scenario reader (run/scenario.h) each fill one once,
// naming the option or the key in their errors; the window edits the one it started from
// (model/app_state.h); make_run builds the run. No setting travels as text to be parsed again.
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "run/checkpoints.h"

#include "ll/dataset.h"
#include "ll/params.h"
#include "ll/settings.h"

namespace ll::app {

enum class Theme { Dark, Light };
const char* theme_name(Theme theme);                        // "dark" | "light"
std::optional<Theme> parse_theme(const std::string& name);  // none for any other text

// Which panels are shown (View menu, scenario files). The status bar is always there.
struct PanelsShown {
  bool controls = true, data = true, activation = true, loss = true, chain = true;
  bool landscape = false;   // the loss landscape: off until asked for (View menu, --panel landscape)
  bool operator==(const PanelsShown& o) const {
    return controls == o.controls && data == o.data && activation == o.activation && loss == o.loss &&
           chain == o.chain && landscape == o.landscape;
  }
  bool operator!=(const PanelsShown& o) const { return !(*this == o); }
};

// How the window shows a lesson: a scenario file's view part.
struct ViewSpec {
  std::string title;              // shown to the student
  std::string description;
  Theme theme = Theme::Dark;
  float font_scale = 1.0f;        // 0.5 … 3, as Ctrl+= / Ctrl+− set it
  PanelsShown panels;
  std::vector<Checkpoint> checkpoints;   // questions at given steps (run/checkpoints.h)
  bool operator==(const ViewSpec& o) const;
};

// The most steps a run takes at once (--steps, a scenario's "steps", Run N): the history keeps
// about 120 bytes a step, so 10,000,000 steps are about 1.2 GB.
constexpr std::size_t kMostSteps = 10'000'000;

// The second run of a side-by-side comparison (trace --compare, a scenario's "compare"): what may
// differ from the first run; the data, θ₀, the seed and the steps are the first run's.
struct CompareSpec {
  Settings settings;
  bool standardize = false;
  bool operator==(const CompareSpec& o) const { return settings == o.settings && standardize == o.standardize; }
};

struct RunSpec {
  DataOptions data;                        // source and its options; features and classes 1-based
  Settings settings;                       // loss, activation, mode, batch size, order, seed, η, β
  std::optional<Params> theta0;            // none: the data set's default (default_theta)
  std::vector<std::size_t> first_batch;    // 0-based samples of the first step; empty: the sampler's
  std::size_t steps = 1;                   // steps to take at the start (at most kMostSteps)
  std::optional<ViewSpec> view;            // a scenario's look; none: the user's own settings
  std::optional<CompareSpec> compare;      // a second run beside this one (none: one run)
  bool operator==(const RunSpec& o) const;
  bool operator!=(const RunSpec& o) const { return !(*this == o); }
};

// Sets the choice `what` ("loss", "activation", "mode", "order", "labels", "reduction",
// "squared_error" or "momentum_form") of `settings` from its name as
// people type it (bce, sigmoid, minibatch, shuffle, …). Throws InputError ("unknown loss 'x'
// (choose bce, mse or cce)") for any other text; the caller's message adds the option or key.
void set_choice(Settings& settings, std::string_view what, const std::string& text);

struct Run {
  std::shared_ptr<const Dataset> data;    // what the steps train on (all of it without a test part)
  std::shared_ptr<const Dataset> test_data;   // held out (DataOptions::test_fraction); none: no split
  Settings settings;
  Params theta0;
  std::vector<std::size_t> first_batch;   // 0-based; empty: the sampler's
};

// Loads the data and checks the settings against it. Throws InputError naming the option.
Run make_run(const RunSpec& spec);
// The second run's spec: `spec` with its compare part in place of its settings and standardize,
// and no compare of its own. Requires spec.compare.
RunSpec second_run(const RunSpec& spec);

// The starting θ when none is given: the slides' θ for their data sets (iris4: [0.1, 0.5, −0.1],
// iris6: [−0.654, 0.535]), zeros otherwise.
Params default_theta(const Dataset& data, const Settings& settings);

}  // namespace ll::app
