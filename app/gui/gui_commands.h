#pragma once
// `logistic-lab [gui]` and `logistic-lab screenshot`: the window, interactive or rendered once.
#include <CLI/CLI.hpp>

#include <optional>
#include <string>

#include "cli/run_options.h"
#include "cli/scenario.h"

namespace ll::app {

struct GuiOptions {
  RunOptions run;             // --steps: steps to take before the window opens (default 0)
  double play = 0.0;          // --play S: start playing at S steps per second (0: paused)
  std::string scenario_path;  // --scenario FILE
  // The loaded scenario, with the options given beside it on top (its run equals `run`); its
  // view part (theme, font scale, panels, title, description) is for the window to apply.
  std::optional<Scenario> scenario;
  GuiOptions() { run.steps = 0; }
};

struct ScreenshotOptions {
  RunOptions run;
  std::string out = "logistic-lab.png";
  std::string size = "1600x900";
  std::size_t bench_frames = 0;   // render this many frames and print the median / p95 frame time
  float font_scale = 1.0f;        // --font-scale: as Ctrl+= / Ctrl+− would set it (0.5 … 3)
  std::string panel;              // --panel NAME: that panel alone (controls, data, activation, loss, chain)
  int scale = 1;                  // --scale 2: rendered at twice the size, for print
  std::string theme;              // --theme light|dark ("": the scenario's, else dark)
  bool presentation = false;      // --presentation: the slim bar and big counter (no full screen)
  std::string scenario_path;      // --scenario FILE
  std::optional<Scenario> scenario;   // as in GuiOptions; its font scale applies unless --font-scale
  ScreenshotOptions() { run.steps = 0; }
};

void add_gui_options(CLI::App& command, GuiOptions& options);
void add_screenshot_options(CLI::App& command, ScreenshotOptions& options);
// Exit codes: 0 ok, 2 bad input or no display.
int run_gui(const GuiOptions& options);
int run_screenshot(const ScreenshotOptions& options);

}  // namespace ll::app
