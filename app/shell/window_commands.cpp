// `logistic-lab [gui]` and `logistic-lab screenshot`: the frame loop (poll, new frame, build the
// UI, render, swap) around one AppState.
#include "shell/window_commands.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <thread>

#include "io/atomic_file.h"
#include "ll/assets.h"
#include "ll/error.h"
#include "model/file_actions.h"
#include "shell/frame.h"
#include "shell/layout_check.h"
#include "model/settings_sync.h"
#include "platform/input_events.h"
#include "shell/png_export.h"
#include "platform/fonts.h"
#include "panels/panels.h"
#include "panels/widgets.h"
#include "platform/frame_stats.h"
#include "platform/offscreen.h"
#include "platform/screenshot.h"
#include "platform/window.h"

namespace ll::app {
namespace {

// --panel's names → the panels' window names.
const char* panel_window_name(const std::string& panel) {
  if (panel == "controls") return kControlsWindow;
  if (panel == "data") return kDataWindow;
  if (panel == "activation") return kActivationWindow;
  if (panel == "loss") return kLossWindow;
  if (panel == "landscape") return kLandscapeWindow;
  return kChainWindow;
}

std::unique_ptr<platform::Window> open(const platform::WindowOptions& options, AppState& state) {
  platform::WindowError error;
  auto window = platform::open_window(options, &error);
  if (!window) {
    std::cerr << error.message << "\n";
    return nullptr;
  }
  platform::set_fonts_folder(ll::assets_dir() + "/fonts");
  platform::load_fonts(state.font_scale);
  return window;
}

// One frame: returns what the UI asked for.
FrameRequests frame(platform::Window& window, AppState& state, PanelCaches& caches, double seconds) {
  window.begin_frame();
  advance_queued_steps(state, 0.03);   // about two thirds of a 60 Hz frame's time
  advance_play(state, seconds);
  const FrameRequests req = DrawFrame(state, caches);
  window.render();
  return req;
}

}  // namespace

int run_gui(const GuiOptions& o) {
  AppState state;
  PanelCaches caches;
  state.work_in_slices = true;
  if (!start_run(state, o.run)) {
    std::cerr << "logistic-lab: " << state.status << "\n";
    return 2;
  }
  // The user's settings from the last run (XDG config folder); a broken file is set aside and
  // said in the status line, never fatal.
  const Environment env = Environment::from_process();
  const std::string settings_file = settings_path(env);
  // What a save interrupted last time (a kill, a power cut) left beside the settings file.
  io::remove_stale_temporaries(settings_file);
  const LoadedSettings loaded = load_user_settings(settings_file, env.home);
  apply_user_settings(state, loaded.settings);
  if (o.run.view) apply_scenario_view(state, *o.run.view);  // the lesson's look wins over the user's
  if (o.decimals) state.decimals = *o.decimals;
  if (!loaded.message.empty()) {
    state.status = loaded.message;
    state.status_is_error = true;
  }
  state.playing = o.play > 0.0;
  if (o.practice && !state.practice.on) toggle_practice(state);
  state.practice.ask = !o.ask.empty();
  try {
    ask_cells(state, o.ask);
  } catch (const InputError& e) {
    std::cerr << "logistic-lab gui: " << e.what() << "\n";
    return 2;
  }
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
    const FrameRequests req = frame(*window, state, caches, std::chrono::duration<double>(now - last).count());
    last = now;
    window->present();
    if (req.quit) window->request_close();
    if (req.rebuild_fonts || state.rebuild_fonts) platform::rebuild_fonts(state.font_scale);
    state.rebuild_fonts = false;
    if (req.fullscreen_changed) window->set_fullscreen(state.presentation);
    serve_png_request(*window, state, caches);
  }
  const platform::FramebufferSize size = window->window_size();
  std::string error;
  if (!save_user_settings(settings_file, user_settings_from(state, loaded.settings, size.width, size.height), &error))
    std::cerr << "logistic-lab: the settings were not saved: " << error << "\n";
  return 0;
}

int run_screenshot(const ScreenshotOptions& o) {
  platform::WindowOptions options;
  options.width = o.width;
  options.height = o.height;
  AppState state;
  PanelCaches caches;
  if (!start_run(state, o.run)) {
    std::cerr << "logistic-lab screenshot: " << state.status << "\n";
    return 2;
  }
  options.visible = false;
  options.deterministic = true;
  if (o.run.view) apply_scenario_view(state, *o.run.view);
  state.decimals = o.decimals.value_or(4);
  // --presentation sizes the text for the picture as F11 does for the screen, unless --font-scale.
  const float shown_scale = o.run.view ? o.run.view->font_scale : 1.0f;
  state.font_scale = o.font_scale.value_or(
      o.presentation ? std::max(shown_scale, presentation_text_scale(static_cast<float>(o.height))) : shown_scale);
  if (o.theme) state.light_theme = *o.theme == Theme::Light;
  state.presentation = o.presentation;
  state.slide = o.slide;
  state.slide_caption = o.caption;
  state.slide_conventions = o.conventions;
  state.chain_page = o.chain_page - 1;   // the panel clamps it to the pages there are
  state.chain_shows = o.chain_run == "b"             ? AppState::ChainShows::RunB
                      : o.chain_run == "differences" ? AppState::ChainShows::Differences
                                                     : AppState::ChainShows::RunA;
  // The landscape is off by default: asked for alone, it takes the window.
  if (o.panel == "landscape") state.panels = PanelsShown{false, false, false, false, false, true};
  if (o.practice) start_practice(state, *o.practice, o.answers);
  state.log_loss_explorer = o.log_loss.has_value();
  state.log_loss_y_hat = o.log_loss.value_or(state.log_loss_y_hat);
  try {
    ask_cells(state, o.ask);
  } catch (const InputError& e) {
    std::cerr << "logistic-lab screenshot: " << e.what() << "\n";
    return 2;
  }
  auto window = open(options, state);
  if (!window) return 2;
  if (o.panel == "landscape") state.panels = PanelsShown{false, false, false, false, false, true};
  const double frame_seconds = platform::kDeterministicDeltaTime;
  if (o.bench_frames > 0) {
    platform::FrameStats stats(o.bench_frames);
    stats.tick();
    for (std::size_t f = 0; f < o.bench_frames; ++f) {
      frame(*window, state, caches, frame_seconds);
      window->present();
      stats.tick();
    }
    std::printf("frames %zu  median %.2f ms  p95 %.2f ms  (%dx%d, %s, %zu samples)\n", o.bench_frames,
                stats.median_ms(), stats.p95_ms(), options.width, options.height, state.data().name.c_str(),
                state.data().rows());
    return 0;
  }
  // A few frames first, so that windows have their sizes and the plots their limits, and then
  // until the layout settles (the chain panel measures what it needs, the layout gives it room:
  // two or three rounds), at most 12. The last frame is not presented: it is the picture.
  auto settle = [&] {
    for (int f = 0; f < 12; ++f) {
      const Layout before = state.last_layout;
      const ChainMeasure measured = caches.chain;
      frame(*window, state, caches, frame_seconds);
      const bool settled = f >= 2 && before == state.last_layout && measured.needed_h == caches.chain.needed_h &&
                           measured.needed_short_h == caches.chain.needed_short_h &&
                           measured.needed_w == caches.chain.needed_w &&
                           measured.fold_level == caches.chain.fold_level && measured.paged == caches.chain.paged &&
                           measured.pages == caches.chain.pages;
      if (settled) break;
      window->present();
    }
  };
  settle();
  // The landscape's grid and the optimum come from worker threads: the picture waits for them
  // (at most a minute), then settles again.
  if (state.panels.landscape) {
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while ((caches.landscape.grid.busy() || caches.optimum.value.busy()) && std::chrono::steady_clock::now() < give_up) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
      window->present();
      frame(*window, state, caches, frame_seconds);
    }
    window->present();
    settle();
  }
  std::string error;
  int exit_code = 0;
  if (o.check_layout) {
    // Every page of a chain in pages (the picture is of the first).
    const int pages = caches.chain.paged ? caches.chain.pages : 1;
    const int shown = state.chain_page;   // (clamped by the panel)
    for (int page = 0; page < pages; ++page) {
      if (page != state.chain_page) {
        window->present();
        state.chain_page = page;
        settle();
      }
      const std::string where = pages > 1 ? "page " + std::to_string(page + 1) + " of " + std::to_string(pages) + ": " : "";
      for (const Overflow& f : overflowing_windows(caches.chain)) {
        std::printf("overflow: %s%s: %.0f px out of view%s\n", where.c_str(), f.window.c_str(),
                    std::max(f.hidden_x, f.hidden_y),
                    f.hidden_y > 0.5f ? (f.hidden_x > 0.5f ? " (down and across)" : " (down)") : " (across)");
        exit_code = 4;
      }
      for (const ClippedColumn& c : clipped_columns()) {
        std::printf("clipped: %s%s, column %d: %.0f px cut\n", where.c_str(), c.table.c_str(), c.column, c.cut);
        exit_code = 4;
      }
    }
    if (pages > 1) std::printf("chain pages: %d\n", pages);
    if (state.chain_page != shown) {
      window->present();
      state.chain_page = shown;
      settle();
    }
    // What a slide would leave out: "(?)" markers, the panels' check boxes, title-bar arrows.
    std::printf("live widgets: %d, title-bar arrows: %d\n", LiveWidgetsDrawn(), collapse_arrows_shown());
  }
  if (o.panel.empty() && o.scale == 1 && !o.conventions) {
    if (!write_png(platform::read_framebuffer(window->framebuffer_size()), o.out, &error)) {
      std::cerr << "logistic-lab screenshot: " << error << "\n";
      return 2;
    }
    std::printf("wrote %s (%dx%d, step %zu)\n", o.out.c_str(), options.width, options.height,
                state.trainer->current_step());
    return exit_code;
  }
  window->present();
  const std::string panel = o.panel.empty() ? "" : panel_window_name(o.panel);
  platform::Image image;
  if (o.slide) {
    image = capture_slide(*window, state, caches, panel, o.scale, &error);
  } else {
    platform::CaptureRequest request;
    request.scale = o.scale;
    request.font_scale = state.font_scale;
    request.panel = panel;
    image = platform::capture_offscreen(*window, request, [&] {
      DrawFrame(state, caches);
      if (state.slide_conventions) StampConventions(state, panel, 0.0f);
    }, &error);
  }
  if (image.rgba.empty() || !write_png(image, o.out, &error)) {
    std::cerr << "logistic-lab screenshot: " << error << "\n";
    return 2;
  }
  std::printf("wrote %s (%dx%d, step %zu)\n", o.out.c_str(), image.width, image.height,
              state.trainer->current_step());
  return exit_code;
}

}  // namespace ll::app
