#pragma once
// The options of `logistic-lab [gui]` and `logistic-lab screenshot` (the window commands of
// shell/window_commands.h): the run options and the window's own.
#include <CLI/CLI.hpp>

#include "shell/window_commands.h"

namespace ll::app {

void add_gui_options(CLI::App& command, GuiOptions& options);
void add_screenshot_options(CLI::App& command, ScreenshotOptions& options);

}  // namespace ll::app
