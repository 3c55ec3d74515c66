// Placeholder: being written.
#include <imgui.h>

#include "panels/panels.h"

namespace ll::app {

void ShowControlsPanel(AppState& state) {
  (void)state;
  if (!ImGui::Begin(kControlsWindow)) { ImGui::End(); return; }
  ImGui::TextUnformatted("controls");
  ImGui::End();
}

}  // namespace ll::app
