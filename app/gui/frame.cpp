#include "gui/frame.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "gui/layout.h"
#include "panels/panels.h"

namespace ll::app {
namespace {

// ImGui 1.86's GLFW backend fills io.KeysDown[] at GLFW key codes; for printable keys these are
// the ASCII codes of the upper-case letter or the symbol.
constexpr int kKeyP = 'P', kKeyQ = 'Q', kKeyR = 'R', kKeyEqual = '=', kKeyMinus = '-';
constexpr int kKeyPadAdd = 334, kKeyPadSubtract = 333, kKeyF1 = 290;  // GLFW_KEY_KP_ADD, …

void change_font_scale(AppState& s, float delta, FrameRequests& req) {
  const float scale = std::clamp(s.font_scale + delta, 0.5f, 3.0f);
  if (scale == s.font_scale) return;
  s.font_scale = scale;
  s.reset_layout = true;
  req.rebuild_fonts = true;
}

void handle_keys(AppState& s, FrameRequests& req) {
  const ImGuiIO& io = ImGui::GetIO();
  if (io.WantTextInput) return;  // typing a number, not stepping
  auto pressed = [](int key) { return ImGui::IsKeyPressed(key); };
  if (io.KeyCtrl) {
    if (pressed(kKeyEqual) || pressed(kKeyPadAdd)) change_font_scale(s, 0.25f, req);
    if (pressed(kKeyMinus) || pressed(kKeyPadSubtract)) change_font_scale(s, -0.25f, req);
    return;
  }
  if (pressed(ImGui::GetKeyIndex(ImGuiKey_Space)) || pressed(ImGui::GetKeyIndex(ImGuiKey_RightArrow)))
    step_forward(s);
  if (pressed(ImGui::GetKeyIndex(ImGuiKey_LeftArrow)) || pressed(ImGui::GetKeyIndex(ImGuiKey_Backspace)))
    step_back(s);
  if (ImGui::IsKeyPressed(kKeyP, false)) s.playing = !s.playing;
  if (ImGui::IsKeyPressed(kKeyR, false)) reset_run(s);
  if (ImGui::IsKeyPressed(kKeyF1, false)) s.show_help = !s.show_help;
}

// LOGISTIC_LAB_TRACE_STEPS=1 prints "step N" on stdout whenever the step changes: how the GUI tests
// (tests/gui/) see what keys and Play did to the real window.
void trace_step(AppState& s) {
  static const bool enabled = [] {
    const char* v = std::getenv("LOGISTIC_LAB_TRACE_STEPS");
    return v != nullptr && *v != '\0' && *v != '0';
  }();
  const std::size_t step = s.trainer->current_step();
  if (!enabled || step == s.traced_step) return;
  s.traced_step = step;
  std::printf("step %zu\n", step);
  std::fflush(stdout);
}

void menu_bar(AppState& s, FrameRequests& req) {
  if (!ImGui::BeginMainMenuBar()) return;
  if (ImGui::BeginMenu("File")) {
    if (ImGui::MenuItem("Quit", "Ctrl+Q")) req.quit = true;
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("View")) {
    if (ImGui::MenuItem("Reset layout")) s.reset_layout = true;
    if (ImGui::MenuItem("Bigger text", "Ctrl+=")) change_font_scale(s, 0.25f, req);
    if (ImGui::MenuItem("Smaller text", "Ctrl+−")) change_font_scale(s, -0.25f, req);
    ImGui::Separator();
    ImGui::MenuItem("Probability shading", nullptr, &s.show_shading);
    ImGui::MenuItem("Derivative curve σ′(z)", nullptr, &s.show_derivative);
    ImGui::MenuItem("Log-scale loss", nullptr, &s.log_loss);
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("Help")) {
    ImGui::MenuItem("Keyboard and mouse", "F1", &s.show_help);
    ImGui::Separator();
    // The keys at a glance; the window above has the mouse too.
    const char* keys[][2] = {{"step", "Space or →"}, {"step back", "← or Backspace"}, {"play / pause", "P"},
                             {"reset to θ₀", "R"},   {"bigger text", "Ctrl+="},        {"smaller text", "Ctrl+−"}};
    for (const auto& k : keys) ImGui::MenuItem(k[0], k[1], false, false);
    ImGui::EndMenu();
  }
  ImGui::EndMainMenuBar();
}

void place(const Rect& r, bool always) {
  const ImGuiCond cond = always ? ImGuiCond_Always : ImGuiCond_FirstUseEver;
  ImGui::SetNextWindowPos(ImVec2(r.x, r.y), cond);
  ImGui::SetNextWindowSize(ImVec2(r.w, r.h), cond);
}

}  // namespace

FrameRequests DrawFrame(AppState& s) {
  FrameRequests req;
  const ImGuiIO& io = ImGui::GetIO();
  if (io.KeyCtrl && ImGui::IsKeyPressed(kKeyQ, false)) req.quit = true;
  handle_keys(s, req);
  menu_bar(s, req);

  // The layout follows the window: re-applied on the first frame, on "Reset layout" and when the
  // window's size changes; in between, panels can be moved and resized by hand.
  const float top = ImGui::GetFrameHeight();
  const Layout layout = default_layout(io.DisplaySize.x, io.DisplaySize.y, top, ImGui::GetFontSize());
  const bool resized = io.DisplaySize.x != s.layout_size[0] || io.DisplaySize.y != s.layout_size[1];
  const bool always = s.reset_layout || resized;
  s.layout_size[0] = io.DisplaySize.x;
  s.layout_size[1] = io.DisplaySize.y;
  s.reset_layout = false;

  place(layout.controls, always);
  ShowControlsPanel(s);
  place(layout.data, always);
  ShowDataPanel(s);
  place(layout.activation, always);
  ShowActivationPanel(s);
  place(layout.loss, always);
  ShowLossPanel(s);
  place(layout.chain, always);
  ShowChainPanel(s);
  place(layout.status, true);
  ShowStatusBar(s);
  ShowHelpWindow(s);
  trace_step(s);
  return req;
}

}  // namespace ll::app
