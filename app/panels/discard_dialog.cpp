// "Drop the later steps?" A step from a past step with other settings, or with picked samples,
// starts a new branch: the steps after it would go. The window asks; until the user agrees,
// nothing is dropped (the timeline still reaches them).
#include <imgui.h>

#include <string>

#include "panels/panels.h"

namespace ll::app {
namespace {

// Opens the modal `title` while `asking`, centred on the window; true while it is shown (then
// EndPopup after it).
bool begin_question(const char* title, bool asking) {
  if (asking && !ImGui::IsPopupOpen(title)) ImGui::OpenPopup(title);
  const ImVec2 centre(ImGui::GetIO().DisplaySize.x * 0.5f, ImGui::GetIO().DisplaySize.y * 0.5f);
  ImGui::SetNextWindowPos(centre, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  return ImGui::BeginPopupModal(title, nullptr, ImGuiWindowFlags_AlwaysAutoResize);
}

// The two answers (Enter: yes, Escape: no); the popup closes on either. 1 yes, 0 no, −1 none yet.
int answer(const char* yes_label, const char* no_label) {
  ImGui::Spacing();
  const bool yes = ImGui::Button(yes_label) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false);
  ImGui::SameLine();
  const bool no = ImGui::Button(no_label) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false);
  if (yes || no) ImGui::CloseCurrentPopup();
  return yes ? 1 : no ? 0 : -1;
}

}  // namespace

void ShowDiscardDialog(AppState& s) {
  if (!begin_question("Start a new branch?", s.confirm_discard)) return;
  const std::size_t now = s.trainer->current_step(), last = s.trainer->history_size();
  const std::string why = s.picked.empty() ? "The settings changed since step " + std::to_string(now + 1) + " was taken"
                                           : "You picked samples for the next step";
  ImGui::Text("%s, so the next step differs from the one kept.", why.c_str());
  ImGui::Text("Taking it drops steps %zu to %zu (%zu steps).", now + 1, last, last - now);
  ImGui::TextDisabled("To keep them, cancel: the timeline still reaches every kept step.");
  const int yes = answer("Drop them and step", "Cancel: keep them");
  if (yes == 1) confirm_discard_and_step(s);
  else if (yes == 0) cancel_discard(s);
  ImGui::EndPopup();
}

// An edit of the points with steps taken: the run would start over from step 0 (model/data_edits.h).
void ShowEditDialog(AppState& s) {
  if (!begin_question("Start over with the edited points?", s.edits.pending.has_value())) return;
  if (!s.edits.pending) {   // answered elsewhere (a test, a key)
    ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return;
  }
  ImGui::Text("%s%s: the run starts over from step 0 with the edited data,", s.edits.pending->undoing ? "Undo " : "",
              s.edits.pending->what.c_str());
  ImGui::Text("dropping the %zu steps taken (θ₀ stays as it is).", s.trainer->history_size());
  const int yes = answer("Start over", "Cancel: keep the steps");
  if (yes == 1) confirm_edit(s);
  else if (yes == 0) cancel_edit(s);
  ImGui::EndPopup();
}

}  // namespace ll::app
