#include "shell/layout_check.h"

#include <imgui.h>
#include <imgui_internal.h>   // ImGuiWindow::ScrollMax: how far a window's content scrolls

#include <string>

namespace ll::app {

std::vector<Overflow> overflowing_windows(const ChainMeasure& chain) {
  std::vector<Overflow> out;
  const ImGuiContext& g = *ImGui::GetCurrentContext();
  for (const ImGuiWindow* w : g.Windows) {
    if (!w->WasActive || w->Hidden || w->Collapsed) continue;
    if ((w->Flags & (ImGuiWindowFlags_Popup | ImGuiWindowFlags_Tooltip | ImGuiWindowFlags_MenuBar)) != 0) continue;
    // The main menu bar reports the height of its own line as scrollable; the Controls panel is a
    // form of settings, not the step, and may scroll like any form (its sections fold).
    const std::string name = w->Name;
    if (name == "##MainMenuBar" || name.rfind("Controls", 0) == 0) continue;
    // Half a pixel of rounding is not content out of view.
    float hidden_y = w->ScrollMax.y;
    // A long batch may scroll with 4 samples in view, or with softmax one sample's K rows (the
    // Jacobian under the table is the hovered sample's).
    const std::size_t least_rows = chain.rows <= 8 ? chain.rows : chain.softmax ? 1 : 4;
    if (name.find("/##samples") != std::string::npos && chain.rows > 8 && chain.rows_shown >= least_rows)
      hidden_y = 0.0f;  // a long batch scrolls, with enough rows in view
    if (w->ScrollMax.x <= 0.5f && hidden_y <= 0.5f) continue;
    out.push_back({w->Name, w->ScrollMax.x, hidden_y});
  }
  return out;
}

std::vector<ClippedColumn> clipped_columns() {
  std::vector<ClippedColumn> out;
  ImGuiContext& g = *ImGui::GetCurrentContext();
  for (int n = 0; n < g.Tables.GetMapSize(); ++n) {
    const ImGuiTable* table = g.Tables.TryGetMapData(n);
    if (table == nullptr || table->LastFrameActive < g.FrameCount - 1 || table->OuterWindow == nullptr) continue;
    const ImGuiWindow* w = table->OuterWindow;
    if (!w->WasActive || w->Hidden) continue;
    for (int c = 0; c < table->ColumnsCount; ++c) {
      const ImGuiTableColumn& column = table->Columns[c];
      if (!column.IsEnabled) continue;
      // The content's right edge against the column's: what is past it is not drawn.
      const float cut = column.ContentMaxXUnfrozen - column.ClipRect.Max.x;
      if (cut > 0.5f) out.push_back({std::string(w->Name) + " table " + std::to_string(n), c + 1, cut});
    }
  }
  return out;
}

int collapse_arrows_shown() {
  if (ImGui::GetStyle().WindowMenuButtonPosition == ImGuiDir_None) return 0;
  int arrows = 0;
  for (const ImGuiWindow* w : ImGui::GetCurrentContext()->Windows) {
    if (!w->WasActive || w->Hidden || (w->Flags & (ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoCollapse)) != 0)
      continue;
    if ((w->Flags & (ImGuiWindowFlags_Popup | ImGuiWindowFlags_Tooltip | ImGuiWindowFlags_ChildWindow)) != 0) continue;
    ++arrows;
  }
  return arrows;
}

}  // namespace ll::app
