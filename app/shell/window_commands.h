#pragma once
// `logistic-lab [gui]` and `logistic-lab screenshot`: the window, interactive or rendered once.
// The command line (cli/window_options.h) fills these options; nothing here parses text.
#include <cstddef>
#include <optional>
#include <string>

#include "run/run_spec.h"

namespace ll::app {

struct GuiOptions {
  RunSpec run;                // --steps: steps to take before the window opens (default 0); its
                              // view (from --scenario) is applied over the user's settings
  double play = 0.0;          // --play S: start playing at S steps per second (0: paused)
  std::string scenario_path;  // --scenario FILE
  std::optional<int> decimals;  // --decimals N: over the user's setting
  std::string compare;        // --compare "OPTIONS": a second run beside the first
  bool practice = false;      // --practice: practice mode on (Q)
  std::string ask;            // --ask "yhat:3,…": Ask on, these cells of the chain table hidden
  GuiOptions() { run.steps = 0; }
};

struct ScreenshotOptions {
  RunSpec run;
  std::string out = "logistic-lab.png";
  int width = 1600, height = 900;           // --size WxH
  std::size_t bench_frames = 0;   // render this many frames and print the median / p95 frame time
  std::optional<float> font_scale;          // --font-scale (0.5 … 3); none: the scenario's, else 1
  std::string panel;              // --panel NAME: that panel alone (controls, data, activation, loss, chain)
  int scale = 1;                  // --scale 2: rendered at twice the size, for print
  std::optional<Theme> theme;     // --theme light|dark; none: the scenario's, else dark
  bool presentation = false;      // --presentation: the slim bar and big counter (no full screen)
  bool check_layout = false;      // --check-layout: say which panels need scrolling; exit 4 if any
  bool slide = false;             // --slide: a clean picture (no widgets, markers or arrows)
  bool caption = false;           // --caption: stamp the settings on it
  bool conventions = false;       // --conventions: stamp the conventions on it (run/step_export.h)
  int chain_page = 1;             // --chain-page N: the chain's page shown when it is in pages
  std::string chain_run = "a";    // --chain-run a|b|differences: with --compare, what the chain shows
  std::string scenario_path;      // --scenario FILE
  std::optional<int> decimals;    // --decimals N (default 4)
  std::string compare;            // --compare "OPTIONS": a second run beside the first
  std::optional<int> practice;    // --practice LEVEL: after the steps, ask the next one (model/practice.h)
  std::string answers;            // --answers "0.78 0.6857 _ …": typed into the blanks in order, then Check
  std::string ask;                // --ask "yhat:3,dL_dz:1": the chain table's cells hidden for the class
  std::optional<double> log_loss; // --log-loss YHAT: the activation panel's log-loss explorer, ŷ at YHAT
  ScreenshotOptions() { run.steps = 0; }
};

// Exit codes: 0 ok, 2 bad input or no display, 4 (screenshot --check-layout) a panel hides part
// of what it holds.
int run_gui(const GuiOptions& options);
int run_screenshot(const ScreenshotOptions& options);

}  // namespace ll::app
