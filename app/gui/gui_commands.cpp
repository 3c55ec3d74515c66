// Placeholder until the window lands: the commands exist and say so plainly.
#include "gui/gui_commands.h"

#include <iostream>

namespace ll::app {

void add_gui_options(CLI::App& command, GuiOptions& o) { add_run_options(command, o.run); }

void add_screenshot_options(CLI::App& command, ScreenshotOptions& o) {
  add_run_options(command, o.run);
  command.add_option("--out", o.out, "PNG file to write");
  command.add_option("--size", o.size, "Window size WxH (default 1600x900)");
  command.add_option("--bench-frames", o.bench_frames, "Render F frames; print median and p95 frame time");
}

int run_gui(const GuiOptions&) {
  std::cerr << "logistic-lab: the window is not built yet; use 'logistic-lab trace' meanwhile.\n";
  return 2;
}

int run_screenshot(const ScreenshotOptions&) {
  std::cerr << "logistic-lab screenshot: the window is not built yet.\n";
  return 2;
}

}  // namespace ll::app
