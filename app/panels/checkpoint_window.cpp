// A lesson's checkpoint (model/lesson.h): a window in the middle of the screen with the
// question, its choices or a field for the number, Check, then right or not with the
// explanation, and Continue. Sized to its text, within the screen.
#include <imgui.h>
#include <imgui_stdlib.h>  // InputText on a std::string (built into Debian's libimgui)

#include <algorithm>
#include <string>

#include "model/lesson.h"
#include "panels/accents.h"
#include "panels/panels.h"
#include "panels/widgets.h"

namespace ll::app {

void ShowCheckpointWindow(AppState& s) {
  Lesson& l = s.lesson;
  if (l.open < 0) return;
  const Checkpoint& c = l.checkpoints[static_cast<std::size_t>(l.open)];
  const ImGuiViewport* screen = ImGui::GetMainViewport();
  const float wrap = std::min(34.0f * ImGui::GetFontSize(), 0.9f * screen->WorkSize.x);
  ImGui::SetNextWindowPos(ImVec2(screen->WorkPos.x + 0.5f * screen->WorkSize.x, screen->WorkPos.y + 0.5f * screen->WorkSize.y),
                          ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(screen->WorkSize.x, screen->WorkSize.y));
  // Modal, like the other questions the window asks: on top of the panels, which stay in view.
  const std::string id = "Checkpoint · step " + std::to_string(c.step) + "###checkpoint";
  if (!ImGui::IsPopupOpen(id.c_str())) ImGui::OpenPopup(id.c_str());
  if (!ImGui::BeginPopupModal(id.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings))
    return;
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + wrap);
  ImGui::TextUnformatted(c.question.c_str());
  ImGui::Spacing();
  const bool answered = l.result != Lesson::Result::None;
  if (!c.choices.empty()) {
    for (std::size_t k = 0; k < c.choices.size(); ++k) {
      // The button alone, its text wrapped beside it (a radio button's label does not wrap); the
      // right one in green once answered.
      const std::string id_k = "##choice" + std::to_string(k);
      if (ImGui::RadioButton(id_k.c_str(), l.choice == static_cast<int>(k)) && !answered) l.choice = static_cast<int>(k);
      ImGui::SameLine();
      const bool mark = answered && k == c.answer;
      if (mark) ImGui::PushStyleColor(ImGuiCol_Text, CurrentAccents().good);
      ImGui::TextWrapped("%c. %s", static_cast<char>('A' + k), c.choices[k].c_str());
      if (mark) ImGui::PopStyleColor();
      if (ImGui::IsItemClicked() && !answered) l.choice = static_cast<int>(k);
    }
  } else {
    ImGui::SetNextItemWidth(10.0f * ImGui::GetFontSize());
    if (ImGui::InputText("##answer", &l.typed, ImGuiInputTextFlags_EnterReturnsTrue | (answered ? ImGuiInputTextFlags_ReadOnly : 0)))
      answer_checkpoint(s);
  }
  ImGui::Spacing();
  if (answered) {
    const bool right = l.result == Lesson::Result::Right;
    ImGui::PushStyleColor(ImGuiCol_Text, right ? CurrentAccents().good : CurrentAccents().warning);
    ImGui::TextUnformatted(right ? "Right." : "Not quite.");
    ImGui::PopStyleColor();
    if (!c.explanation.empty()) ImGui::TextUnformatted(c.explanation.c_str());
    if (ImGui::Button("Continue")) {
      close_checkpoint(s);
      ImGui::CloseCurrentPopup();
    }
  } else {
    if (ImGui::Button("Check")) answer_checkpoint(s);
    ImGui::SameLine();
    if (ImGui::Button("Skip")) {
      close_checkpoint(s);
      ImGui::CloseCurrentPopup();
    }
  }
  ImGui::PopTextWrapPos();
  ImGui::EndPopup();
}

}  // namespace ll::app
