// Each panel's right-click menu: save that panel alone as PNG, at 1× or 2× (print). The request
// is served between frames (gui/png_export.h); the status line says where the file went.
#include <imgui.h>

#include "panels/panels.h"

namespace ll::app {

void RequestPng(AppState& s, const char* window, const char* panel, int scale) {
  s.png_scale = scale;
  s.png_request.pending = true;
  s.png_request.window = window != nullptr ? window : "";
  s.png_request.panel = panel != nullptr ? panel : "";
}

void PanelContextMenu(AppState& s, const char* window, const char* panel) {
  // Right-click anywhere in the panel, over a plot too (the plots use the left button only).
  if (!ImGui::BeginPopupContextWindow("##panel menu")) return;
  ImGui::TextDisabled("%s", window);
  ImGui::Separator();
  if (ImGui::MenuItem("Save this panel as PNG")) RequestPng(s, window, panel, 1);
  if (ImGui::MenuItem("Save this panel as PNG at 2× (print)")) RequestPng(s, window, panel, 2);
  ImGui::Separator();
  if (ImGui::MenuItem("Save the whole window as PNG", "F12")) RequestPng(s, nullptr, nullptr, s.png_scale);
  ImGui::EndPopup();
}

}  // namespace ll::app
