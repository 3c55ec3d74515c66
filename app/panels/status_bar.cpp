// Placeholder: being written.
#include <imgui.h>

#include "panels/panels.h"

namespace ll::app {

void ShowStatusBar(AppState& state) {
  (void)state;
  if (!ImGui::Begin(kStatusWindow)) { ImGui::End(); return; }
  ImGui::TextUnformatted("status_bar");
  ImGui::End();
}

}  // namespace ll::app
