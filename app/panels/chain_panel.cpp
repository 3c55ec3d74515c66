// Placeholder: being written.
#include <imgui.h>

#include "panels/panels.h"

namespace ll::app {

void ShowChainPanel(AppState& state) {
  (void)state;
  if (!ImGui::Begin(kChainWindow)) { ImGui::End(); return; }
  ImGui::TextUnformatted("chain");
  ImGui::End();
}

}  // namespace ll::app
