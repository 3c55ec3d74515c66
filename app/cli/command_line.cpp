#include "cli/command_line.h"

#include <CLI/CLI.hpp>

#include <filesystem>
#include <iostream>
#include <new>

#include "cli/manual.h"
#include "cli/check_command.h"
#include "cli/optimum_command.h"
#include "cli/run_options.h"
#include "cli/trace.h"
#include "cli/window_options.h"
#include "io/atomic_file.h"
#include "ll/assets.h"
#include "ll/error.h"

namespace ll::app {
namespace {

constexpr const char* kVersion = "logistic-lab " LL_VERSION;

// Bad input: one clear line on stderr, exit code 2.
int bad_input(const std::string& command, const std::string& message) {
  std::cerr << "logistic-lab" << (command.empty() ? "" : " " + command) << ": " << message << "\n"
            << "Run 'logistic-lab" << (command.empty() ? "" : " " + command) << " --help' for the options.\n";
  return 2;
}

// --scenario FILE given to `command`: the file's spec with the run options given beside it on
// top becomes `run`, what the command runs. Empty path: nothing to do.
void resolve_scenario(const std::string& path, const CLI::App& command, RunSpec& run) {
  if (!path.empty()) run = scenario_with_options(path, command, run);
}

}  // namespace

int run_command_line(int argc, char** argv) {
  CLI::App app{"Logistic Lab: logistic regression by gradient descent, one step at a time, every number shown.\n"
               "Without a command it opens the window on the slides' batch example.",
               "logistic-lab"};
  app.set_version_flag("--version", kVersion);
  app.require_subcommand(0, 1);

  GuiOptions gui;
  add_scenario_option(app, gui.scenario_path, "Open the window on a scenario file (JSON, see assets/scenarios/)");
  // As a file manager passes it (the desktop entry's Exec=logistic-lab %f).
  std::string open_path;
  app.add_option("FILE", open_path, "A lesson file (.lesson.json, or any scenario .json) or a CSV file to open in the window");
  // For the build (hidden): the man page and the bash completion from these very definitions.
  std::string man_path, completion_path;
  app.add_option("--write-man-page", man_path)->group("");
  app.add_option("--write-bash-completion", completion_path)->group("");
  CLI::App* gui_cmd = app.add_subcommand("gui", "Open the window on any configuration (the trace options)");
  add_gui_options(*gui_cmd, gui);

  TraceOptions trace;
  CLI::App* trace_cmd = app.add_subcommand("trace", "Run steps headless and print every number of each");
  add_trace_options(*trace_cmd, trace);

  ScreenshotOptions shot;
  CLI::App* shot_cmd = app.add_subcommand("screenshot", "Run n steps, render the window once and write a PNG");
  add_screenshot_options(*shot_cmd, shot);

  OptimumOptions optimum;
  CLI::App* optimum_cmd = app.add_subcommand("optimum", "Find the best θ for the data (Newton's method where the loss is convex)");
  add_optimum_options(*optimum_cmd, optimum);

  CheckOptions check;
  CLI::App* check_cmd = app.add_subcommand("check", "Grade one answer for a step: right, or wrong with a hint (exit 0 / 1)");
  add_check_options(*check_cmd, check);

  std::string command;
  auto parsed_command = [&] {
    for (CLI::App* sub : {gui_cmd, trace_cmd, shot_cmd, optimum_cmd, check_cmd})
      if (sub->parsed()) return sub->get_name();
    return std::string();
  };
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    return bad_input(parsed_command(), e.what());
  } catch (const InputError& e) {  // an option's value, read into the run spec as it was parsed
    return bad_input(parsed_command(), e.what());
  }
  if (!man_path.empty() || !completion_path.empty()) {
    std::string error;
    if (!man_path.empty() && !io::write_file_atomically(man_path, man_page(app, kVersion), &error))
      return bad_input("", error);
    if (!completion_path.empty() && !io::write_file_atomically(completion_path, bash_completion(app), &error))
      return bad_input("", error);
    return 0;
  }
  try {
    // The program's own files (fonts, the iris data, the lessons): found beside it, or said where
    // they were looked for.
    if (const AssetsLookup assets = find_assets(); !assets.found) {
      std::string places;
      for (const std::string& p : assets.looked_in) places += (places.empty() ? "" : ", ") + p;
      std::cerr << "logistic-lab: cannot find its files (fonts, data, lessons): looked in " << places
                << "; set LOGISTIC_LAB_ASSETS to the folder that holds fonts/ and data/\n";
      return 2;
    }
    if (!open_path.empty()) {
      std::error_code ec;
      if (!std::filesystem::exists(open_path, ec))
        throw InputError("no such file: " + open_path + " (the commands are gui, trace, screenshot, optimum and check)");
      const bool lesson = open_path.size() >= 5 && open_path.compare(open_path.size() - 5, 5, ".json") == 0;
      if (lesson && !gui.scenario_path.empty()) throw InputError("give one scenario: " + open_path + " or --scenario");
      if (lesson) gui.scenario_path = open_path;
      else gui.run.data.source = open_path;
    }
    if (app.get_option("--scenario")->count() > 0 && (trace_cmd->parsed() || shot_cmd->parsed() || optimum_cmd->parsed() ||
                                                   check_cmd->parsed()))
      throw InputError("--scenario goes after the command (e.g. logistic-lab trace --scenario FILE)");
    if (trace_cmd->parsed()) {
      command = "trace";
      resolve_scenario(trace.scenario, *trace_cmd, trace.run);
      return run_trace(trace);
    }
    if (check_cmd->parsed()) {
      command = "check";
      resolve_scenario(check.scenario, *check_cmd, check.run);
      return run_check(check);
    }
    if (optimum_cmd->parsed()) {
      command = "optimum";
      resolve_scenario(optimum.scenario, *optimum_cmd, optimum.run);
      return run_optimum(optimum);
    }
    if (shot_cmd->parsed()) {
      command = "screenshot";
      resolve_scenario(shot.scenario_path, *shot_cmd, shot.run);
      apply_compare_option(shot.run, shot.compare);
      return run_screenshot(shot);
    }
    command = gui_cmd->parsed() ? "gui" : "";
    resolve_scenario(gui.scenario_path, *gui_cmd, gui.run);
    apply_compare_option(gui.run, gui.compare);
    return run_gui(gui);
  } catch (const InputError& e) {
    return bad_input(command, e.what());
  } catch (const std::bad_alloc&) {
    std::cerr << "logistic-lab" << (command.empty() ? "" : " " + command) << ": out of memory\n";
    return 2;
  }
}

}  // namespace ll::app
