#include "gui/theme.h"

#include "platform/window.h"
#include "plot/plot.h"

namespace ll::app {
namespace {

Theme g_theme = Theme::Dark;

// Okabe–Ito hues (distinct for colour-blind viewers), lighter on dark, darker on light.
const Accents kDarkAccents{
    {1.00f, 0.45f, 0.38f, 1.0f},  // error: light vermillion
    {1.00f, 0.62f, 0.25f, 1.0f},  // warning: orange
    {0.45f, 0.85f, 0.50f, 1.0f},  // good: green
    {0.55f, 0.78f, 1.00f, 1.0f},  // heading: light blue
    {0.34f, 0.71f, 0.91f, 1.0f},  // mean loss: sky blue
    {0.90f, 0.62f, 0.00f, 0.55f}, // batch loss: orange, see-through
    {0.70f, 0.70f, 0.70f, 0.50f}, // epoch marks: grey
    {0.80f, 0.47f, 0.65f, 0.95f}, // settings marks: reddish purple
};
const Accents kLightAccents{
    {0.75f, 0.15f, 0.05f, 1.0f},  // error: dark vermillion
    {0.70f, 0.33f, 0.00f, 1.0f},  // warning: dark orange
    {0.00f, 0.45f, 0.25f, 1.0f},  // good: dark bluish green
    {0.00f, 0.30f, 0.60f, 1.0f},  // heading: dark blue
    {0.00f, 0.45f, 0.70f, 1.0f},  // mean loss: Okabe–Ito blue
    {0.84f, 0.37f, 0.00f, 0.55f}, // batch loss: vermillion, see-through
    {0.35f, 0.35f, 0.35f, 0.50f}, // epoch marks: grey
    {0.65f, 0.30f, 0.50f, 0.95f}, // settings marks: dark reddish purple
};

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
  c[ImGuiCol_FrameBg] = ImVec4(0.94f, 0.95f, 0.97f, 1.0f);
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

const char* theme_name(Theme theme) { return theme == Theme::Light ? "light" : "dark"; }

bool parse_theme(const std::string& name, Theme& theme) {
  if (name == "dark") theme = Theme::Dark;
  else if (name == "light") theme = Theme::Light;
  else return false;
  return true;
}

void ApplyTheme(Theme theme) {
  g_theme = theme;
  ImGuiStyle& style = ImGui::GetStyle();
  if (theme == Theme::Light) light_colors(style);
  else ImGui::StyleColorsDark(&style);
  // Menus, tooltips and dialogs opaque: the see-through default lets the panel's text show
  // through the menu's.
  style.Colors[ImGuiCol_PopupBg].w = 1.0f;
  plot::SetLightBackground(theme == Theme::Light);
  platform::use_clear_for_window_background();
}

Theme CurrentTheme() { return g_theme; }

const Accents& CurrentAccents() { return g_theme == Theme::Light ? kLightAccents : kDarkAccents; }

}  // namespace ll::app
