// The file dialog: a path field, the recent files to pick from, and what went wrong with the last
// try (the dialog stays open, nothing in use changes). One dialog serves opening a CSV file,
// opening and saving a scenario, and choosing the screenshot folder.
#include <imgui.h>
#include <imgui_stdlib.h>  // InputText on a std::string (built into Debian's libimgui)

#include <string>
#include <vector>

#include "model/file_actions.h"
#include "panels/accents.h"
#include "panels/panels.h"

namespace ll::app {
namespace {

using Kind = AppState::PathDialog::Kind;

struct DialogText {
  const char* title;
  const char* prompt;
  const char* button;
};

DialogText text_for(Kind kind) {
  switch (kind) {
    case Kind::OpenCsv: return {"Open a CSV file", "Path of the CSV file (features, then the label):", "Open"};
    case Kind::OpenScenario: return {"Open a scenario", "Path of the scenario file (.json):", "Open"};
    case Kind::SaveScenario: return {"Save the scenario", "Save this run's settings as (.json):", "Save"};
    case Kind::SaveDataCsv: return {"Save the data", "Save the training data as (.csv):", "Save"};
    case Kind::ScreenshotFolder: return {"Screenshot folder", "Folder for saved PNGs (made if missing):", "Use it"};
    case Kind::None: break;
  }
  return {"", "", ""};
}

const std::vector<std::string>& recent_for(const AppState& s, Kind kind) {
  static const std::vector<std::string> none;
  if (kind == Kind::OpenCsv) return s.recent_files;
  if (kind == Kind::OpenScenario || kind == Kind::SaveScenario) return s.recent_scenarios;
  return none;
}

}  // namespace

void ShowPathDialog(AppState& s) {
  AppState::PathDialog& d = s.path_dialog;
  if (d.kind == Kind::None) return;
  const DialogText text = text_for(d.kind);
  // One popup id for every purpose; the title is set as it opens.
  const std::string id = std::string(text.title) + "###path dialog";
  if (!ImGui::IsPopupOpen("###path dialog")) ImGui::OpenPopup(id.c_str());
  const ImVec2 centre(ImGui::GetIO().DisplaySize.x * 0.5f, ImGui::GetIO().DisplaySize.y * 0.4f);
  ImGui::SetNextWindowPos(centre, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  if (!ImGui::BeginPopupModal(id.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;

  const float width = ImGui::GetFontSize() * 36.0f;
  ImGui::TextUnformatted(text.prompt);
  if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
  ImGui::SetNextItemWidth(width);
  const bool entered = ImGui::InputText("##path", &d.path, ImGuiInputTextFlags_EnterReturnsTrue);
  const std::vector<std::string> recent = recent_for(s, d.kind);  // a copy: acting reorders it
  if (!recent.empty()) {
    ImGui::TextDisabled("Recent:");
    for (const std::string& path : recent)
      if (ImGui::Selectable(path.c_str(), path == d.path, ImGuiSelectableFlags_DontClosePopups)) d.path = path;
  }
  if (!d.error.empty()) {
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    ImGui::TextColored(CurrentAccents().error, "%s", d.error.c_str());
    ImGui::PopTextWrapPos();
  }
  ImGui::Spacing();
  const bool ok = ImGui::Button(text.button) || entered;
  ImGui::SameLine();
  const bool cancel = ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false);
  if (ok) {
    std::string error;
    if (act_on_path(s, d.kind, d.path, &error)) {
      d.kind = Kind::None;
      d.error.clear();
      ImGui::CloseCurrentPopup();
    } else {
      d.error = error;
    }
  } else if (cancel) {
    d.kind = Kind::None;
    d.error.clear();
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

}  // namespace ll::app
