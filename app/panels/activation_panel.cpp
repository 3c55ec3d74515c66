// Placeholder: being written.
#include <imgui.h>

#include "panels/panels.h"

namespace ll::app {

void ShowActivationPanel(AppState& state) {
  (void)state;
  if (!ImGui::Begin(kActivationWindow)) { ImGui::End(); return; }
  ImGui::TextUnformatted("activation");
  ImGui::End();
}

}  // namespace ll::app
