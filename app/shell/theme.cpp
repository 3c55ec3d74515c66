#include "shell/theme.h"

#include "platform/window.h"
#include "plot/plot.h"

namespace ll::app {
namespace {

Theme g_theme = Theme::Dark;

// ImGui's light style, with black text, white panels and stronger frames and lines: at a
// projector's contrast the default light greys wash out.
void light_colors(ImGuiStyle& style) {
  ImGui::StyleColorsLight(&style);
  ImVec4* c = style.Colors;
  c[ImGuiCol_Text] = ImVec4(0.0f, 0.0f, 0.0f, 1.0f);
  c[ImGuiCol_TextDisabled] = ImVec4(0.35f, 0.35f, 0.35f, 1.0f);
  c[ImGuiCol_WindowBg] = ImVec4(1.0f, 1.0f, 1.0f, 1.0f);
  c[ImGuiCol_PopupBg] = ImVec4(1.0f, 1.0f, 1.0f, 1.0f);
  c[ImGuiCol_Border] = ImVec4(0.0f, 0.0f, 0.0f, 0.45f);
  // Fields and check boxes a visible grey with a dark edge (FrameBorderSize below): 0.94 grey on
  // white vanishes on a projector.
  c[ImGuiCol_FrameBg] = ImVec4(0.84f, 0.86f, 0.90f, 1.0f);
  c[ImGuiCol_FrameBgHovered] = ImVec4(0.76f, 0.82f, 0.92f, 1.0f);
  c[ImGuiCol_CheckMark] = ImVec4(0.0f, 0.25f, 0.65f, 1.0f);
  c[ImGuiCol_TitleBg] = ImVec4(0.84f, 0.87f, 0.92f, 1.0f);
  c[ImGuiCol_TitleBgActive] = ImVec4(0.76f, 0.82f, 0.92f, 1.0f);
  c[ImGuiCol_TitleBgCollapsed] = c[ImGuiCol_TitleBg];
  c[ImGuiCol_MenuBarBg] = ImVec4(0.90f, 0.91f, 0.93f, 1.0f);
  c[ImGuiCol_Header] = ImVec4(0.70f, 0.80f, 0.95f, 1.0f);
  c[ImGuiCol_Button] = ImVec4(0.72f, 0.82f, 0.96f, 1.0f);
  c[ImGuiCol_TableHeaderBg] = ImVec4(0.86f, 0.89f, 0.94f, 1.0f);
  c[ImGuiCol_TableBorderStrong] = ImVec4(0.0f, 0.0f, 0.0f, 0.55f);
  c[ImGuiCol_TableBorderLight] = ImVec4(0.0f, 0.0f, 0.0f, 0.25f);
  c[ImGuiCol_PlotLines] = ImVec4(0.0f, 0.0f, 0.0f, 1.0f);
}

}  // namespace

void ApplyTheme(Theme theme) {
  g_theme = theme;
  ImGuiStyle& style = ImGui::GetStyle();
  if (theme == Theme::Light) light_colors(style);
  else ImGui::StyleColorsDark(&style);
  style.FrameBorderSize = theme == Theme::Light ? 1.0f : 0.0f;
  // Menus, tooltips and dialogs opaque: the see-through default lets the panel's text show
  // through the menu's.
  style.Colors[ImGuiCol_PopupBg].w = 1.0f;
  plot::SetLightBackground(theme == Theme::Light);
  platform::use_clear_for_window_background();
}

Theme CurrentTheme() { return g_theme; }


}  // namespace ll::app
