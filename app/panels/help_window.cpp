// Help ▸ Keyboard and mouse (F1): what every key and mouse gesture does, in one table.
#include <imgui.h>

#include <algorithm>

#include "panels/panels.h"

namespace ll::app {

void ShowHelpWindow(AppState& state) {
  if (!state.show_help) return;
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  const float width = std::min(ImGui::GetFontSize() * 30.0f, display.x * 0.9f);
  ImGui::SetNextWindowSize(ImVec2(width, 0), ImGuiCond_Appearing);
  ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.5f), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowBgAlpha(1.0f);  // opaque: the plots behind it would show through the text
  if (!ImGui::Begin("Keyboard and mouse", &state.show_help, ImGuiWindowFlags_NoCollapse)) {
    ImGui::End();
    return;
  }
  const char* rows[][2] = {{"Space or →", "one step"},
                           {"← or Backspace", "step back (Space replays the same step)"},
                           {"P", "play / pause"},
                           {"R", "reset to θ₀ (the history goes)"},
                           {"V", "the plots instead of the step, when they gave way to it (big text)"},
                           {"Page Down / Page Up", "the chain's pages, when it is in pages (a window too small for the step)"},
                           {"Ctrl+= / Ctrl+−", "bigger / smaller text"},
                           {"F1", "this window"},
                           {"Ctrl+Q", "quit"},
                           {"Click a point", "put it in the next step's batch"},
                           {"Wheel / drag on a plot", "zoom / pan (over an axis: that axis only)"},
                           {"Double-click a plot", "fit it to the data"},
                           {"Hover a number", "what it is; (?) explains a formula"}};
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingFixedFit;
  if (ImGui::BeginTable("keys", 2, flags)) {
    ImGui::TableSetupColumn("Key or mouse");
    ImGui::TableSetupColumn("Does", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableHeadersRow();
    for (const auto& row : rows) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(row[0]);
      ImGui::TableNextColumn();
      ImGui::TextWrapped("%s", row[1]);
    }
    ImGui::EndTable();
  }
  ImGui::TextDisabled("Keys step the run unless a text field is being typed in.");
  ImGui::End();
}

}  // namespace ll::app
