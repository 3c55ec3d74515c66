#include "cli/window_options.h"

#include <cstdio>

#include "cli/run_options.h"
#include "ll/error.h"

namespace ll::app {

void add_gui_options(CLI::App& command, GuiOptions& o) {
  add_run_options(command, o.run);
  add_scenario_option(command, o.scenario_path);
  add_decimals_option(command, o.decimals);
  add_compare_option(command, o.compare);
  command.add_option("--play", o.play, "Start playing at S steps per second (1 to 5000)")
      ->check(number_between(1.0, 5000.0));
  command.add_flag("--practice", o.practice, "Practice mode on: Step asks the next step's numbers first (Q)");
  command.add_option("--ask", o.ask,
                     "FIELD:ROW,…: Ask on, these cells of the chain table hidden for the class (e.g. yhat:3; ROW "
                     "1-based in the batch)");
}

void add_screenshot_options(CLI::App& command, ScreenshotOptions& o) {
  add_run_options(command, o.run);
  add_scenario_option(command, o.scenario_path);
  add_decimals_option(command, o.decimals);
  add_compare_option(command, o.compare);
  command.add_option("--out", o.out, "PNG file to write (default logistic-lab.png)");
  // "1600x900" → 1600, 900, within 320x240 … 8192x8192.
  add_typed_option(command, "--size", "Window size WxH (default 1600x900)", [&o](const std::string& text) {
    unsigned w = 0, h = 0;
    char extra = 0;
    if (std::sscanf(text.c_str(), "%ux%u%c", &w, &h, &extra) != 2 || w < 320 || h < 240 || w > 8192 || h > 8192)
      throw InputError("'" + text + "' is not WIDTHxHEIGHT between 320x240 and 8192x8192 (e.g. 1600x900)");
    o.width = static_cast<int>(w);
    o.height = static_cast<int>(h);
  });
  command.add_option("--bench-frames", o.bench_frames,
                     "Render F frames instead (at most 1,000,000); print the median and 95th-percentile frame time in ms")
      ->check(whole_number(1, 1'000'000));
  command
      .add_option_function<float>(
          "--font-scale", [&o](const float& scale) { o.font_scale = scale; },
          "Text size as Ctrl+= / Ctrl+− set it (default 1)")
      ->check(number_between(0.5, 3.0));
  command.add_option("--panel", o.panel, "One panel alone: controls, data, activation, loss, chain or landscape")
      ->check(CLI::IsMember({"controls", "data", "activation", "loss", "chain", "landscape"}));
  command.add_option("--scale", o.scale, "1 (default) or 2: render at twice the size, for print")
      ->check(CLI::IsMember({1, 2}));
  command
      .add_option_function<std::string>(
          "--theme", [&o](const std::string& name) { o.theme = parse_theme(name); },
          "dark (default) or light (high contrast, for projectors)")
      ->check(CLI::IsMember({"dark", "light"}));
  command.add_flag("--presentation", o.presentation, "Presentation mode: slim bar and large step counter");
  command.add_flag("--check-layout", o.check_layout,
                   "Also say which panels need scrolling to show everything; exit 4 if any does");
  command.add_flag("--slide", o.slide,
                   "A picture for a slide: no menu bar, controls, (?) markers, check boxes or title-bar arrows; "
                   "the chain panel cropped to its step");
  command.add_option("--chain-run", o.chain_run,
                     "With --compare: the derivative chain of run a (default), of run b, or the differences a − b")
      ->check(CLI::IsMember({"a", "b", "differences"}));
  command.add_option("--chain-page", o.chain_page,
                     "The derivative chain's page to show when it is in pages (a panel too small for its step)")
      ->check(CLI::Range(1, 100));
  command.add_option("--practice", o.practice,
                     "Practice mode at fading LEVEL (0-9): after --steps, the next step's numbers as blanks")
      ->check(CLI::Range(0, 9));
  command.add_option("--answers", o.answers,
                     "With --practice: numbers typed into the blanks in order, separated by spaces (_ leaves one "
                     "blank), then Check");
  command.add_option("--ask", o.ask, "FIELD:ROW,…: these cells of the chain table hidden for the class (e.g. yhat:3)");
  command.add_option("--log-loss", o.log_loss,
                     "The activation panel's log-loss explorer, with the dragged ŷ at YHAT (0.001 to 0.999)")
      ->check(number_between(0.001, 0.999));
  command.add_flag("--caption", o.caption, "Stamp the settings (data, loss, activation, mode, η, β, step) on the picture");
  command.add_flag("--conventions", o.conventions,
                   "Stamp the conventions (θ order, labels, mean or sum, the ½, momentum form, standardized or raw, λ) "
                   "along the foot of the picture");
}

}  // namespace ll::app
