// `logistic-lab [gui]` and `logistic-lab screenshot`: the frame loop (poll, new frame, build the
// UI, render, swap) around one AppState.
#include "gui/gui_commands.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <thread>

#include "gui/file_actions.h"
#include "gui/frame.h"
#include "gui/settings_sync.h"
#include "platform/input_events.h"
#include "gui/png_export.h"
#include "platform/fonts.h"
#include "panels/panels.h"
#include "platform/frame_stats.h"
#include "platform/offscreen.h"
#include "platform/screenshot.h"
#include "platform/window.h"

namespace ll::app {
namespace {

// "1600x900" → 1600, 900. False if malformed or outside 320…8192.
bool parse_size(const std::string& text, int& width, int& height) {
  unsigned w = 0, h = 0;
  char extra = 0;
  if (std::sscanf(text.c_str(), "%ux%u%c", &w, &h, &extra) != 2) return false;
  if (w < 320 || h < 240 || w > 8192 || h > 8192) return false;
  width = static_cast<int>(w);
  height = static_cast<int>(h);
  return true;
}

// --panel's names → the panels' window names.
const char* panel_window_name(const std::string& panel) {
  if (panel == "controls") return kControlsWindow;
  if (panel == "data") return kDataWindow;
  if (panel == "activation") return kActivationWindow;
  if (panel == "loss") return kLossWindow;
  return kChainWindow;
}

std::unique_ptr<platform::Window> open(const platform::WindowOptions& options, AppState& state) {
  platform::WindowError error;
  auto window = platform::open_window(options, &error);
  if (!window) {
    std::cerr << error.message << "\n";
    return nullptr;
  }
  platform::load_fonts(state.font_scale);
  return window;
}

// One frame: returns what the UI asked for.
FrameRequests frame(platform::Window& window, AppState& state, double seconds) {
  window.begin_frame();
  advance_play(state, seconds);
  const FrameRequests req = DrawFrame(state);
  window.render();
  return req;
}

}  // namespace

void add_gui_options(CLI::App& command, GuiOptions& o) {
  add_run_options(command, o.run);
  add_scenario_option(command, o.scenario_path);
  command.add_option("--play", o.play, "Start playing at S steps per second (1 to 5000)")
      ->check(CLI::Range(1.0, 5000.0));
}

void add_screenshot_options(CLI::App& command, ScreenshotOptions& o) {
  add_run_options(command, o.run);
  add_scenario_option(command, o.scenario_path);
  command.add_option("--out", o.out, "PNG file to write (default logistic-lab.png)");
  command.add_option("--size", o.size, "Window size WxH (default 1600x900)");
  command.add_option("--bench-frames", o.bench_frames,
                     "Render F frames instead; print the median and 95th-percentile frame time in ms")
      ->check(whole_number(1));
  command.add_option("--font-scale", o.font_scale, "Text size as Ctrl+= / Ctrl+− set it (default 1)")
      ->check(CLI::Range(0.5f, 3.0f));
  command.add_option("--panel", o.panel, "One panel alone: controls, data, activation, loss or chain")
      ->check(CLI::IsMember({"controls", "data", "activation", "loss", "chain"}));
  command.add_option("--scale", o.scale, "1 (default) or 2: render at twice the size, for print")
      ->check(CLI::IsMember({1, 2}));
  command.add_option("--theme", o.theme, "dark (default) or light (high contrast, for projectors)")
      ->check(CLI::IsMember({"dark", "light"}));
  command.add_flag("--presentation", o.presentation, "Presentation mode: slim bar and large step counter");
}

int run_gui(const GuiOptions& o) {
  AppState state;
  if (!start_run(state, o.run)) {
    std::cerr << "logistic-lab: " << state.status << "\n";
    return 2;
  }
  // The user's settings from the last run (XDG config folder); a broken file is set aside and
  // said in the status line, never fatal.
  const Environment env = Environment::from_process();
  const std::string settings_file = settings_path(env);
  const LoadedSettings loaded = load_user_settings(settings_file, env.home);
  apply_user_settings(state, loaded.settings);
  if (o.scenario) apply_scenario_view(state, *o.scenario);  // the lesson's look wins over the user's
  if (!loaded.message.empty()) {
    state.status = loaded.message;
    state.status_is_error = true;
  }
  state.playing = o.play > 0.0;
  if (state.playing) state.steps_per_second = o.play;
  platform::WindowOptions options;
  options.width = std::max(loaded.settings.window_width, platform::kMinWidth);
  options.height = std::max(loaded.settings.window_height, platform::kMinHeight);
  auto window = open(options, state);
  if (!window) return 2;
  // LOGISTIC_LAB_FRAME_SLEEP_MS=N adds N ms to every frame: a slow machine, for the key test.
  const char* sleep_env = std::getenv("LOGISTIC_LAB_FRAME_SLEEP_MS");
  const auto frame_sleep = std::chrono::milliseconds(sleep_env != nullptr ? std::atoi(sleep_env) : 0);
  auto last = std::chrono::steady_clock::now();
  while (!window->should_close()) {
    if (frame_sleep.count() > 0) std::this_thread::sleep_for(frame_sleep);
    const std::vector<std::string> dropped = platform::take_dropped_paths();
    if (!dropped.empty()) open_dropped_files(state, dropped);
    const auto now = std::chrono::steady_clock::now();
    const FrameRequests req = frame(*window, state, std::chrono::duration<double>(now - last).count());
    last = now;
    window->present();
    if (req.quit) window->request_close();
    if (req.rebuild_fonts || state.rebuild_fonts) platform::rebuild_fonts(state.font_scale);
    state.rebuild_fonts = false;
    if (req.fullscreen_changed) window->set_fullscreen(state.presentation);
    serve_png_request(*window, state);
  }
  const platform::FramebufferSize size = window->window_size();
  std::string error;
  if (!save_user_settings(settings_file, user_settings_from(state, loaded.settings, size.width, size.height), &error))
    std::cerr << "logistic-lab: the settings were not saved: " << error << "\n";
  return 0;
}

int run_screenshot(const ScreenshotOptions& o) {
  platform::WindowOptions options;
  if (!parse_size(o.size, options.width, options.height)) {
    std::cerr << "logistic-lab screenshot: --size: '" << o.size
              << "' is not WIDTHxHEIGHT between 320x240 and 8192x8192 (e.g. 1600x900)\n";
    return 2;
  }
  AppState state;
  if (!start_run(state, o.run)) {
    std::cerr << "logistic-lab screenshot: " << state.status << "\n";
    return 2;
  }
  options.visible = false;
  options.deterministic = true;
  if (o.scenario) apply_scenario_view(state, *o.scenario);
  state.font_scale = o.font_scale;  // the scenario's, unless --font-scale was given
  if (!o.theme.empty()) state.light_theme = o.theme == "light";
  state.presentation = o.presentation;
  auto window = open(options, state);
  if (!window) return 2;
  const double frame_seconds = platform::kDeterministicDeltaTime;
  if (o.bench_frames > 0) {
    platform::FrameStats stats(o.bench_frames);
    stats.tick();
    for (std::size_t f = 0; f < o.bench_frames; ++f) {
      frame(*window, state, frame_seconds);
      window->present();
      stats.tick();
    }
    std::printf("frames %zu  median %.2f ms  p95 %.2f ms  (%dx%d, %s, %zu samples)\n", o.bench_frames,
                stats.median_ms(), stats.p95_ms(), options.width, options.height, state.data->name.c_str(),
                state.data->rows());
    return 0;
  }
  // A few frames first, so that windows have their sizes and the plots their limits.
  for (int f = 0; f < 3; ++f) {
    frame(*window, state, frame_seconds);
    if (f < 2) window->present();
  }
  std::string error;
  if (o.panel.empty() && o.scale == 1) {
    if (!platform::save_screenshot(*window, o.out, &error)) {
      std::cerr << "logistic-lab screenshot: " << error << "\n";
      return 2;
    }
    std::printf("wrote %s (%dx%d, step %zu)\n", o.out.c_str(), options.width, options.height,
                state.trainer->current_step());
    return 0;
  }
  window->present();
  platform::CaptureRequest request;
  request.scale = o.scale;
  request.font_scale = state.font_scale;
  request.panel = o.panel.empty() ? "" : panel_window_name(o.panel);
  const platform::Image image = platform::capture_offscreen(*window, request, [&] { DrawFrame(state); }, &error);
  if (image.rgba.empty() || !platform::write_png(image, o.out, &error)) {
    std::cerr << "logistic-lab screenshot: " << error << "\n";
    return 2;
  }
  std::printf("wrote %s (%dx%d, step %zu)\n", o.out.c_str(), image.width, image.height,
              state.trainer->current_step());
  return 0;
}

}  // namespace ll::app
