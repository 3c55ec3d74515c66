// The Controls panel: run buttons and the status message on top (the most used), then the data
// set, the model, gradient descent and θ₀. Sections: controls_data.cpp, controls_settings.cpp.
#include <imgui.h>

#include <cfloat>
#include <string>

#include "panels/controls_sections.h"
#include "panels/accents.h"
#include "panels/panels.h"
#include "panels/widgets.h"

namespace ll::app {
namespace {

// Counts (N, m, seed) are edited as ImGuiDataType_U64 through a std::size_t / std::uint64_t.
static_assert(sizeof(std::size_t) == sizeof(ImU64), "size_t must be 64-bit for ImGuiDataType_U64");


// Two buttons side by side, each half the row.
ImVec2 half_row() {
  const float w = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
  return ImVec2(w, 0.0f);
}

void step_buttons(AppState& s) {
  const ImVec2 half = half_row();
  if (ImGui::Button("Step →", half)) step_forward(s);
  TooltipEvenIfDisabled("One step of gradient descent (Space or →)");
  ImGui::SameLine();
  const bool at_start = s.trainer->current_step() == 0;
  ImGui::BeginDisabled(at_start);
  if (ImGui::Button("← Step back", half)) step_back(s);
  ImGui::EndDisabled();
  TooltipEvenIfDisabled(at_start ? "Already at step 0: there is no step to undo"
                                 : "Undo the last step; Space replays it (← or Backspace)");

  if (ImGui::Button(s.playing ? "▮▮ Pause###play" : "▶ Play###play", half)) s.playing = !s.playing;
  TooltipEvenIfDisabled(s.playing ? "Stop playing (P)" : "Take steps continuously at the speed below (P)");
  ImGui::SameLine();
  if (ImGui::Button("Reset", half)) reset_run(s);
  TooltipEvenIfDisabled("Back to θ₀ with the current settings; the history goes (R)");
}

void speed_and_run_n(AppState& s) {
  if (!BeginForm("run", kWidestLabel, kWidestWidget)) return;
  FormRow("Speed", "Play takes this many steps per second (1 to 5000, on a log scale). "
                   "Ctrl+click to type a value.");
  const double slow = 1.0, fast = 5000.0;
  ImGui::SliderScalar("##speed", ImGuiDataType_Double, &s.steps_per_second, &slow, &fast, "%.0f steps/s",
                      ImGuiSliderFlags_Logarithmic | ImGuiSliderFlags_AlwaysClamp);

  FormRow("Run N", "Takes N steps at once; stops early at a refused or diverging step.");
  const float field_w = ImGui::CalcTextSize("1000000").x + ImGui::GetStyle().FramePadding.x * 2.0f;
  ImGui::SetNextItemWidth(field_w);
  std::size_t n = s.run_n;
  if (ImGui::InputScalar("##run_n", ImGuiDataType_U64, &n) && n >= 1 && n <= kMostSteps) s.run_n = n;
  ImGui::SameLine();
  if (ImGui::Button("Run", ImVec2(-FLT_MIN, 0.0f))) run_steps(s, s.run_n);
  TooltipEvenIfDisabled("Take " + std::to_string(s.run_n) + " steps now");
  EndForm();
}

// The last message in plain words, in two lines that are always there, so that the controls
// below do not jump as messages come and go (a longer one ends in "…"; hovering shows it whole).
// Refusals and divergence in the warning colour, whole: the step did not happen, and why matters.
void status_message(const AppState& s) {
  ImGui::PushStyleColor(ImGuiCol_Text, s.status_is_error ? CurrentAccents().warning : ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
  ImGui::BeginGroup();
  const bool cut = TextWrappedAtSpaces(s.status, s.status_is_error ? 0 : 2, 2);
  ImGui::EndGroup();
  ImGui::PopStyleColor();
  if (cut && ImGui::IsItemHovered()) {
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30.0f);
    ImGui::TextUnformatted(s.status.c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
  }
}

}  // namespace

void ShowRunSection(AppState& s) {
  if (!ImGui::CollapsingHeader("Run", ImGuiTreeNodeFlags_DefaultOpen)) return;
  step_buttons(s);
  ShowTimeline(s, -FLT_MIN);
  speed_and_run_n(s);
  status_message(s);
  ImGui::Spacing();
}

void ShowControlsPanel(AppState& state) {
  if (!ImGui::Begin(kControlsWindow)) {
    ImGui::End();
    return;
  }
  PanelContextMenu(state, kControlsWindow, "controls");
  ShowRunSection(state);
  LessonControl(state, "data", [&] { ShowDataSection(state); });
  ShowModelSection(state);
  ShowDescentSection(state);
  LessonControl(state, "theta", [&] { ShowThetaSection(state); });
  LessonControl(state, "conventions", [&] { ShowConventionsSection(state); });
  LessonControl(state, "compare", [&] { ShowCompareSection(state); });
  ImGui::End();
}

}  // namespace ll::app
