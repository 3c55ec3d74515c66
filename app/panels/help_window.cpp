#include <imgui.h>

#include "panels/panels.h"

namespace ll::app {

void ShowHelpWindow(AppState& state) {
  if (!state.show_help) return;
  ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 28, 0), ImGuiCond_Appearing);
  if (!ImGui::Begin("Keyboard", &state.show_help, ImGuiWindowFlags_NoCollapse)) { ImGui::End(); return; }
  const char* keys[][2] = {{"Space or →", "step"},           {"← or Backspace", "step back"},
                           {"P", "play / pause"},            {"R", "reset to θ₀"},
                           {"Ctrl+= / Ctrl+−", "font size"}, {"Double-click a plot", "fit it to the data"},
                           {"Click a point", "put it in the next step's batch"}};
  if (ImGui::BeginTable("keys", 2, ImGuiTableFlags_RowBg)) {
    for (const auto& k : keys) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(k[0]);
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(k[1]);
    }
    ImGui::EndTable();
  }
  ImGui::End();
}

}  // namespace ll::app
