// Presentation mode's slim bar (F11), in place of the Controls panel: the run buttons, the speed,
// the timeline, and the step and epoch in large type, readable from the back of a classroom.
//   [← Back] [Step →] [▶ Play] [Reset]  speed  ──timeline──      step 12 · epoch 3
#include <imgui.h>

#include <algorithm>
#include <string>

#include "panels/panels.h"
#include "panels/widgets.h"
#include "platform/fonts.h"

namespace ll::app {
namespace {

std::string counter_text(const AppState& s) {
  const Trainer& t = *s.trainer;
  const std::size_t step = t.current_step();
  return "step " + std::to_string(step) + " · epoch " +
         (step == 0 ? std::string("—") : std::to_string(t.summary(step).epoch));
}

void run_buttons(AppState& s) {
  const bool at_start = s.trainer->current_step() == 0;
  ImGui::BeginDisabled(at_start);
  if (ImGui::Button("← Back")) step_back(s);
  ImGui::EndDisabled();
  TooltipEvenIfDisabled(at_start ? "Already at step 0" : "Undo the last step (← or Backspace)");
  ImGui::SameLine();
  if (ImGui::Button("Step →")) step_forward(s);
  TooltipEvenIfDisabled("One step of gradient descent (Space or →)");
  ImGui::SameLine();
  if (ImGui::Button(s.playing ? "▮▮ Pause###play" : "▶ Play###play")) s.playing = !s.playing;
  TooltipEvenIfDisabled(s.playing ? "Stop playing (P)" : "Take steps continuously (P)");
  ImGui::SameLine();
  if (ImGui::Button("Reset")) reset_run(s);
  TooltipEvenIfDisabled("Back to θ₀ (R)");
}

}  // namespace

void ShowPresentationBar(AppState& s) {
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoScrollWithMouse;
  if (!ImGui::Begin(kPresentationBarWindow, nullptr, flags)) {
    ImGui::End();
    return;
  }
  // The counter in large type when the bar has its height (the layout makes the bar one row of
  // buttons when the chain needs that height: Layout::bar_compact).
  ImFont* big = platform::current_fonts().big;
  const float padding_y = 2.0f * ImGui::GetStyle().WindowPadding.y;
  if (big == nullptr || ImGui::GetWindowHeight() < big->FontSize + padding_y) big = ImGui::GetFont();
  const std::string counter = counter_text(s);
  ImGui::PushFont(big);
  const ImVec2 counter_size = ImGui::CalcTextSize(counter.c_str());
  ImGui::PopFont();

  // Buttons and sliders centred on the bar's height; the counter on the right.
  const float row_h = ImGui::GetFrameHeight();
  const float top = ImGui::GetCursorPosY();
  const float inner_h = ImGui::GetContentRegionAvail().y;
  ImGui::SetCursorPosY(top + std::max(0.0f, (inner_h - row_h) * 0.5f));
  run_buttons(s);

  const float font = ImGui::GetFontSize();
  const float right = ImGui::GetWindowContentRegionMax().x;
  // The speed only where it leaves the counter its room (large text on a small screen).
  if (ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + 8.0f * font + counter_size.x + font <= right) {
    ImGui::SameLine(0.0f, font);
    ImGui::SetNextItemWidth(7.0f * font);
    const double slow = 1.0, fast = 5000.0;
    ImGui::SliderScalar("##speed", ImGuiDataType_Double, &s.steps_per_second, &slow, &fast, "%.0f steps/s",
                        ImGuiSliderFlags_Logarithmic | ImGuiSliderFlags_AlwaysClamp);
    TooltipEvenIfDisabled("Play's speed in steps per second");
  }

  ImGui::SameLine(0.0f, font);
  const float timeline_w = right - ImGui::GetCursorPosX() - counter_size.x - 2.0f * font;
  if (timeline_w > 6.0f * font) ShowTimeline(s, timeline_w);

  ImGui::SetCursorPos(ImVec2(right - counter_size.x, top + std::max(0.0f, (inner_h - counter_size.y) * 0.5f)));
  ImGui::PushFont(big);
  ImGui::TextUnformatted(counter.c_str());
  ImGui::PopFont();
  ImGui::End();
}

}  // namespace ll::app
