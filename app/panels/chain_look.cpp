// The derivative chain's shared look (panels/chain_parts.h): the monospaced font of its numbers,
// its colours, section headers.
#include <imgui.h>

#include <algorithm>
#include <cstring>

#include "ll/number_format.h"
#include "panels/accents.h"
#include "panels/chain_parts.h"
#include "panels/widgets.h"

namespace ll::app {

namespace chain {

ImFont* MonoFont() {
  ImFontAtlas* atlas = ImGui::GetIO().Fonts;
  for (ImFont* font : atlas->Fonts)
    if (std::strncmp(font->GetDebugName(), "DejaVu Sans Mono", 16) == 0) return font;
  return ImGui::GetFont();
}

ImVec4 ErrorColor() { return CurrentAccents().error; }
ImVec4 WarningColor() { return CurrentAccents().warning; }
ImVec4 GoodColor() { return CurrentAccents().good; }
ImVec4 MutedColor() { return ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]; }

void SectionHeader(const char* title, const char* help) {
  ImGui::Spacing();
  ImGui::TextColored(CurrentAccents().heading, "%s", title);
  if (help != nullptr) {
    ImGui::SameLine();
    HelpMarker(help);
  }
}

float WidestNumber(const std::vector<double>& values, const NumberStyle& style) {
  float w = ImGui::CalcTextSize("−0.0000").x;
  for (double v : values) w = std::max(w, ImGui::CalcTextSize(format_in(v, style).c_str()).x);
  return w;
}

}  // namespace chain

}  // namespace ll::app
