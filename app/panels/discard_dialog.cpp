// "Drop the later steps?" A step from a past step with other settings, or with picked samples,
// starts a new branch: the steps after it would go. The window asks; until the user agrees,
// nothing is dropped (the timeline still reaches them).
#include <imgui.h>

#include <string>

#include "panels/panels.h"

namespace ll::app {

void ShowDiscardDialog(AppState& s) {
  constexpr const char* kTitle = "Start a new branch?";
  if (s.confirm_discard && !ImGui::IsPopupOpen(kTitle)) ImGui::OpenPopup(kTitle);
  const ImVec2 centre(ImGui::GetIO().DisplaySize.x * 0.5f, ImGui::GetIO().DisplaySize.y * 0.5f);
  ImGui::SetNextWindowPos(centre, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  if (!ImGui::BeginPopupModal(kTitle, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
  const std::size_t now = s.trainer->current_step(), last = s.trainer->history_size();
  const std::string why = s.picked.empty() ? "The settings changed since step " + std::to_string(now + 1) + " was taken"
                                           : "You picked samples for the next step";
  ImGui::Text("%s, so the next step differs from the one kept.", why.c_str());
  ImGui::Text("Taking it drops steps %zu to %zu (%zu steps).", now + 1, last, last - now);
  ImGui::TextDisabled("To keep them, cancel: the timeline still reaches every kept step.");
  ImGui::Spacing();
  const bool yes = ImGui::Button("Drop them and step") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false);
  ImGui::SameLine();
  const bool no = ImGui::Button("Cancel: keep them") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false);
  if (yes) confirm_discard_and_step(s);
  else if (no) cancel_discard(s);
  if (yes || no) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
}

// An edit of the points with steps taken: the run would start over from step 0 (model/data_edits.h).
void ShowEditDialog(AppState& s) {
  constexpr const char* kTitle = "Start over with the edited points?";
  if (s.edits.pending && !ImGui::IsPopupOpen(kTitle)) ImGui::OpenPopup(kTitle);
  const ImVec2 centre(ImGui::GetIO().DisplaySize.x * 0.5f, ImGui::GetIO().DisplaySize.y * 0.5f);
  ImGui::SetNextWindowPos(centre, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  if (!ImGui::BeginPopupModal(kTitle, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
  if (!s.edits.pending) {   // answered elsewhere (a test, a key)
    ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return;
  }
  const std::string what = s.edits.pending->what;
  ImGui::Text("%s%s: the run starts over from step 0 with the edited data,", s.edits.pending->undoing ? "Undo " : "",
              what.c_str());
  ImGui::Text("dropping the %zu steps taken (θ₀ stays as it is).", s.trainer->history_size());
  ImGui::Spacing();
  const bool yes = ImGui::Button("Start over") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false);
  ImGui::SameLine();
  const bool no = ImGui::Button("Cancel: keep the steps") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false);
  if (yes) confirm_edit(s);
  else if (no) cancel_edit(s);
  if (yes || no) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
}

}  // namespace ll::app
