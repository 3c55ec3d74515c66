#include "shell/frame.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "model/file_actions.h"
#include "ll/number_format.h"
#include "model/layout.h"
#include "shell/theme.h"
#include "panels/panels.h"
#include "panels/widgets.h"

namespace ll::app {
namespace {

// ImGui 1.86's GLFW backend fills io.KeysDown[] at GLFW key codes; for printable keys these are
// the ASCII codes of the upper-case letter or the symbol.
constexpr int kKeyP = 'P', kKeyQ = 'Q', kKeyR = 'R', kKeyV = 'V', kKeyEqual = '=', kKeyMinus = '-', kKeyO = 'O', kKeyS = 'S', kKeyZ = 'Z';
constexpr int kKeyPadAdd = 334, kKeyPadSubtract = 333, kKeyF1 = 290;  // GLFW_KEY_KP_ADD, …
constexpr int kKeyF11 = 300, kKeyF12 = 301;
constexpr int kKeyPageUp = 266, kKeyPageDown = 267;  // GLFW_KEY_PAGE_UP, GLFW_KEY_PAGE_DOWN
void change_font_scale(AppState& s, float delta, FrameRequests& req) {
  const float scale = std::clamp(s.font_scale + delta, 0.5f, 3.0f);
  if (scale == s.font_scale) return;
  s.font_scale = scale;
  s.reset_layout = true;
  req.rebuild_fonts = true;
  s.status = "Text size " + std::to_string(static_cast<int>(std::lround(scale * 100.0f))) + "% (Ctrl+= / Ctrl+−).";
  s.status_is_error = false;
}

// Opens the file dialog for `kind`, starting from the most recent file of its kind.
void open_dialog(AppState& s, AppState::PathDialog::Kind kind) {
  using Kind = AppState::PathDialog::Kind;
  std::string path;
  if (kind == Kind::OpenCsv && !s.recent_files.empty()) path = s.recent_files.front();
  if ((kind == Kind::OpenScenario || kind == Kind::SaveScenario) && !s.recent_scenarios.empty())
    path = s.recent_scenarios.front();
  if (kind == Kind::ScreenshotFolder) path = s.screenshot_folder;
  s.path_dialog = {kind, path, ""};
}

// F11: full screen, the slim bar instead of the controls, bigger text; again: back as it was.
void toggle_presentation(AppState& s, FrameRequests& req) {
  s.presentation = !s.presentation;
  if (s.presentation) {
    // The text is sized for the screen once the window is full screen (fit_presentation_text).
    s.normal_font_scale = s.font_scale;
    s.size_text_for_screen = true;
    s.frames_since_presentation = 0;
  } else {
    s.size_text_for_screen = false;
    change_font_scale(s, s.normal_font_scale - s.font_scale, req);
  }
  s.reset_layout = true;
  req.fullscreen_changed = true;
}

void handle_keys(AppState& s, FrameRequests& req) {
  const ImGuiIO& io = ImGui::GetIO();
  if (ImGui::IsKeyPressed(kKeyF11, false)) toggle_presentation(s, req);
  if (ImGui::IsKeyPressed(kKeyF12, false)) RequestPng(s, nullptr, nullptr, s.png_scale);
  if (io.WantTextInput || s.confirm_discard || s.edits.pending || s.path_dialog.kind != AppState::PathDialog::Kind::None ||
      s.lesson.open >= 0)
    return;  // typing a number, or a dialog or a checkpoint is asking
  auto pressed = [](int key) { return ImGui::IsKeyPressed(key); };
  if (io.KeyCtrl) {
    if (ImGui::IsKeyPressed(kKeyO, false)) open_dialog(s, AppState::PathDialog::Kind::OpenScenario);
    if (ImGui::IsKeyPressed(kKeyS, false)) open_dialog(s, AppState::PathDialog::Kind::SaveScenario);
    if (ImGui::IsKeyPressed(kKeyZ, false)) undo_edit(s);
    if (pressed(kKeyEqual) || pressed(kKeyPadAdd)) change_font_scale(s, 0.25f, req);
    if (pressed(kKeyMinus) || pressed(kKeyPadSubtract)) change_font_scale(s, -0.25f, req);
    return;
  }
  if (pressed(ImGui::GetKeyIndex(ImGuiKey_Space)) || pressed(ImGui::GetKeyIndex(ImGuiKey_RightArrow)))
    step_forward(s);
  if (pressed(ImGui::GetKeyIndex(ImGuiKey_LeftArrow)) || pressed(ImGui::GetKeyIndex(ImGuiKey_Backspace)))
    step_back(s);
  if (ImGui::IsKeyPressed(kKeyP, false)) s.playing = !s.playing;
  if (ImGui::IsKeyPressed(kKeyQ, false)) toggle_practice(s);
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) cancel_queued_steps(s);
  if (ImGui::IsKeyPressed(kKeyR, false)) reset_run(s);
  if (ImGui::IsKeyPressed(kKeyV, false) && s.last_layout.plots_dropped) s.plots_instead = !s.plots_instead;
  // The chain in pages (a panel too small for its step): the panel clamps the page.
  if (ImGui::IsKeyPressed(kKeyPageDown)) ++s.chain_page;
  if (ImGui::IsKeyPressed(kKeyPageUp) && s.chain_page > 0) --s.chain_page;
  if (ImGui::IsKeyPressed(kKeyF1, false)) s.show_help = !s.show_help;
}

// LOGISTIC_LAB_TRACE_STEPS=1 prints "step N" on stdout whenever the step changes, and
// "data NAME ROWS" whenever the data set does, "status MESSAGE" when the status line changes and
// "data-plot LEFT TOP RIGHT BOTTOM XMIN XMAX YMIN YMAX" when the data plot moves, "practice-blank K"
// when another blank of the practice sheet takes the keyboard: how the GUI
// tests (tests/gui/) see what keys, Play, drags and dropped files did to the real window.
void trace_step(AppState& s) {
  static const bool enabled = [] {
    const char* v = std::getenv("LOGISTIC_LAB_TRACE_STEPS");
    return v != nullptr && *v != '\0' && *v != '0';
  }();
  if (enabled && &s.data() != s.traced_data) {
    s.traced_data = &s.data();
    std::printf("data %s %zu\n", s.data().name.c_str(), s.data().rows());
    std::fflush(stdout);
    s.traced_step = static_cast<std::size_t>(-1);  // and the step it starts at
  }
  if (enabled && !(s.data_plot == s.traced_plot)) {   // "data-plot LEFT TOP RIGHT BOTTOM XMIN XMAX YMIN YMAX"
    s.traced_plot = s.data_plot;
    const AppState::PlotFrame& f = s.data_plot;
    std::printf("data-plot %.1f %.1f %.1f %.1f %.17g %.17g %.17g %.17g\n", f.left, f.top, f.right, f.bottom, f.x_min,
                f.x_max, f.y_min, f.y_max);
    std::fflush(stdout);
  }
  // "practice-blank K": the practice sheet's blank K (1-based; 0 none) is being typed in.
  const int typing = practice_asking(s) ? s.practice.typing : -1;
  if (enabled && typing != s.practice.traced_typing) {
    s.practice.traced_typing = typing;
    std::printf("practice-blank %d\n", typing + 1);
    std::fflush(stdout);
  }
  if (enabled && s.status != s.traced_status) {
    s.traced_status = s.status;
    std::printf("status %s\n", s.status.c_str());
    std::fflush(stdout);
  }
  const std::size_t step = s.trainer->current_step();
  if (!enabled || step == s.traced_step) return;
  s.traced_step = step;
  std::printf("step %zu\n", step);
  std::fflush(stdout);
}

void menu_bar(AppState& s, FrameRequests& req) {
  if (!ImGui::BeginMainMenuBar()) return;
  if (ImGui::BeginMenu("File")) {
    if (ImGui::MenuItem("Open scenario…", "Ctrl+O")) open_dialog(s, AppState::PathDialog::Kind::OpenScenario);
    if (ImGui::MenuItem("Save scenario…", "Ctrl+S")) open_dialog(s, AppState::PathDialog::Kind::SaveScenario);
    if (ImGui::BeginMenu("Recent scenarios", !s.recent_scenarios.empty())) {
      const std::vector<std::string> recent = s.recent_scenarios;  // a copy: opening reorders it
      for (const std::string& path : recent)
        if (ImGui::MenuItem(path.c_str())) open_scenario_file(s, path, nullptr);
      ImGui::EndMenu();
    }
    if (ImGui::MenuItem("Open a CSV file…")) open_dialog(s, AppState::PathDialog::Kind::OpenCsv);
    if (ImGui::MenuItem("Save the data as CSV…")) open_dialog(s, AppState::PathDialog::Kind::SaveDataCsv);
    if (ImGui::MenuItem("Undo the last edit of the points", "Ctrl+Z", false, !s.edits.undo.empty())) undo_edit(s);
    ImGui::Separator();
    if (ImGui::MenuItem("Save window as PNG", "F12")) RequestPng(s, nullptr, nullptr, s.png_scale);
    if (ImGui::BeginMenu("Save panel as PNG")) {
      const char* panels[][2] = {{kDataWindow, "data"}, {kActivationWindow, "activation"}, {kLossWindow, "loss"},
                                 {kChainWindow, "chain"}, {kControlsWindow, "controls"}, {kLandscapeWindow, "landscape"}};
      for (const auto& p : panels)
        if (ImGui::MenuItem(p[0])) RequestPng(s, p[0], p[1], s.png_scale);
      ImGui::EndMenu();
    }
    if (ImGui::MenuItem("PNG at 2× (print)", nullptr, s.png_scale == 2)) s.png_scale = s.png_scale == 2 ? 1 : 2;
    ImGui::MenuItem("Caption on saved PNGs (the settings)", nullptr, &s.slide_caption);
    ImGui::MenuItem("Conventions on saved PNGs", nullptr, &s.slide_conventions);
    if (ImGui::MenuItem("Screenshot folder…")) open_dialog(s, AppState::PathDialog::Kind::ScreenshotFolder);
    if (ImGui::BeginMenu("Export")) {
      ExportMenuItems(s);
      ImGui::EndMenu();
    }

    ImGui::Separator();
    if (ImGui::MenuItem("Quit", "Ctrl+Q")) req.quit = true;
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("View")) {
    if (ImGui::MenuItem("Presentation mode", "F11", s.presentation)) toggle_presentation(s, req);
    if (ImGui::MenuItem("Light theme (projectors)", nullptr, s.light_theme)) s.light_theme = !s.light_theme;
    if (ImGui::MenuItem("Reset layout")) s.reset_layout = true;
    if (ImGui::MenuItem("Bigger text", "Ctrl+=")) change_font_scale(s, 0.25f, req);
    if (ImGui::MenuItem("Smaller text", "Ctrl+−")) change_font_scale(s, -0.25f, req);
    ImGui::Separator();
    ImGui::MenuItem("Probability shading", nullptr, &s.show_shading);
    ImGui::MenuItem("Confusion matrix", nullptr, &s.show_confusion);
    ImGui::MenuItem("Derivative curve σ′(z)", nullptr, &s.show_derivative);
    ImGui::MenuItem("Log-scale loss", nullptr, &s.log_loss);
    if (ImGui::BeginMenu("Decimals")) {
      for (int d = 2; d <= 6; ++d)
        if (ImGui::MenuItem(std::to_string(d).c_str(), nullptr, s.decimals == d)) s.decimals = d;
      ImGui::EndMenu();
    }
    ImGui::Separator();
    const PanelsShown before = s.panels;
    ImGui::MenuItem("Controls panel", nullptr, &s.panels.controls, !s.presentation);
    ImGui::MenuItem("Data and decision boundary", nullptr, &s.panels.data);
    ImGui::MenuItem("Activation", nullptr, &s.panels.activation);
    ImGui::MenuItem("Loss", nullptr, &s.panels.loss);
    ImGui::MenuItem("Derivative chain", nullptr, &s.panels.chain);
    ImGui::MenuItem("Loss landscape", nullptr, &s.panels.landscape);
    if (!(before == s.panels)) s.reset_layout = true;
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("Practice")) {
    PracticeMenuItems(s);
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("Help")) {
    ImGui::MenuItem("Keyboard and mouse", "F1", &s.show_help);
    ImGui::Separator();
    // The keys at a glance; the window above has the mouse too.
    const char* keys[][2] = {{"step", "Space or →"},     {"step back", "← or Backspace"}, {"play / pause", "P"},
                             {"reset to θ₀", "R"},       {"plots / step", "V"}, {"practice", "Q"}, {"chain's pages", "PgDn / PgUp"},        {"bigger text", "Ctrl+="},       {"smaller text", "Ctrl+−"},
                             {"presentation mode", "F11"}, {"save window as PNG", "F12"},
                             {"open scenario", "Ctrl+O"},  {"save scenario", "Ctrl+S"}};
    for (const auto& k : keys) ImGui::MenuItem(k[0], k[1], false, false);
    ImGui::EndMenu();
  }
  ImGui::EndMainMenuBar();
}

// The height the chain asks the layout for. Its measure can depend on the room it was given (a line
// wraps, a block moves beside the table), so a layout that followed it exactly could take turns
// between two heights, every frame (and every frame re-stamp the plots, whose size changed with
// it): while the run, the step, the window and the text stay the same, the height asked for only
// grows.
float hold_chain_height(const AppState& s, ChainMeasure& m, const ImVec2& display) {
  std::uint64_t key = shown_step_key(s);
  for (const float f : {display.x, display.y, ImGui::GetFontSize()})
    key = key * 1099511628211ull + static_cast<std::uint64_t>(f * 8.0f);
  key = key * 31 + static_cast<std::uint64_t>(s.chain_shows) * 7 + (s.practice.on ? 1 : 0) + (s.presentation ? 2 : 0);
  key = key * 31 + static_cast<std::uint64_t>(s.decimals) * 5 + (s.practice.question ? s.practice.question->step : 0);
  if (key != m.held_for || m.needed_h == 0.0f) m.held_h = 0.0f;
  m.held_for = key;
  m.held_h = std::max(m.held_h, m.needed_h);
  return m.held_h;
}

// Places the next window at `r`; false (draw nothing) if the panel is hidden.
bool place(const Rect& r, bool always) {
  if (r.empty()) return false;
  const ImGuiCond cond = always ? ImGuiCond_Always : ImGuiCond_FirstUseEver;
  ImGui::SetNextWindowPos(ImVec2(r.x, r.y), cond);
  ImGui::SetNextWindowSize(ImVec2(r.w, r.h), cond);
  return true;
}

}  // namespace

FrameRequests DrawFrame(AppState& s, PanelCaches& caches) {
  FrameRequests req;
  const ImGuiIO& io = ImGui::GetIO();
  // Presentation text from the full-screen window's height, once it has it (the frame after F11).
  // (A window that was as big as the screen already does not change size: after a few frames.)
  if (s.size_text_for_screen && s.presentation &&
      (io.DisplaySize.y != s.layout_size[1] || ++s.frames_since_presentation > 10)) {
    s.size_text_for_screen = false;
    change_font_scale(s, std::max(s.font_scale, presentation_text_scale(io.DisplaySize.y)) - s.font_scale, req);
  }
  set_display_decimals(s.decimals);   // the one number rule, at the decimals chosen (View menu)
  const Theme theme = s.light_theme ? Theme::Light : Theme::Dark;
  if (theme != CurrentTheme()) ApplyTheme(theme);
  // A picture for a slide (AppState::slide): no title-bar arrows, "(?)" markers, check boxes, menu
  // bar or controls; the panels take the window.
  SetCleanRender(s.slide);
  ResetLiveWidgetsDrawn();
  ImGui::GetStyle().WindowMenuButtonPosition = s.slide ? ImGuiDir_None : ImGuiDir_Left;
  if (io.KeyCtrl && ImGui::IsKeyPressed(kKeyQ, false)) req.quit = true;
  if (!s.slide) {
    handle_keys(s, req);
    menu_bar(s, req);
  }

  // The layout follows the window: re-applied on the first frame, on "Reset layout" and when the
  // window's size changes; in between, panels can be moved and resized by hand.
  const float top = s.slide ? 0.0f : ImGui::GetFrameHeight();
  PanelsShown shown = s.panels;
  if (s.slide) shown.controls = false;
  // The chain's own measure of the height it needs (last frame) lets the layout give it that room.
  const Layout layout = default_layout(io.DisplaySize.x, io.DisplaySize.y, top, ImGui::GetFontSize(), shown,
                                       s.presentation && !s.slide,
                                       {hold_chain_height(s, caches.chain, io.DisplaySize), caches.chain.needed_w},
                                       s.plots_instead);
  const bool resized = io.DisplaySize.x != s.layout_size[0] || io.DisplaySize.y != s.layout_size[1];
  const bool always = s.reset_layout || resized || layout != s.last_layout;
  s.last_layout = layout;
  s.layout_size[0] = io.DisplaySize.x;
  s.layout_size[1] = io.DisplaySize.y;
  s.reset_layout = false;

  update_checkpoints(s);   // a lesson's question at this step: Play stops, the window asks
  if (place(layout.bar, true)) ShowPresentationBar(s);
  if (place(layout.controls, always)) ShowControlsPanel(s);
  if (place(layout.data, always)) ShowDataPanel(s, caches);
  if (place(layout.activation, always)) ShowActivationPanel(s, caches);
  if (place(layout.loss, always)) ShowLossPanel(s, caches);
  if (place(layout.landscape, always)) ShowLandscapePanel(s, caches);
  if (place(layout.chain, always)) ShowChainPanel(s, caches.chain);
  place(layout.status, true);
  ShowStatusBar(s);
  if (!s.slide) {
    ShowHelpWindow(s);
    ShowDiscardDialog(s);
    ShowEditDialog(s);
    ShowPathDialog(s);
    ShowCheckpointWindow(s);
  }
  trace_step(s);
  return req;
}

}  // namespace ll::app
