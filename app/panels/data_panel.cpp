// Placeholder: being written.
#include <imgui.h>

#include "panels/panels.h"

namespace ll::app {

void ShowDataPanel(AppState& state) {
  (void)state;
  if (!ImGui::Begin(kDataWindow)) { ImGui::End(); return; }
  ImGui::TextUnformatted("data");
  ImGui::End();
}

}  // namespace ll::app
