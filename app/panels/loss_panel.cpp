// Placeholder: being written.
#include <imgui.h>

#include "panels/panels.h"

namespace ll::app {

void ShowLossPanel(AppState& state) {
  (void)state;
  if (!ImGui::Begin(kLossWindow)) { ImGui::End(); return; }
  ImGui::TextUnformatted("loss");
  ImGui::End();
}

}  // namespace ll::app
