// The timeline: a slider over the history, from step 0 to the last step kept. Dragging it moves
// every panel to that step (the trainer recomputes the step's record from the kept θ). Steps taken
// from a past step replay the kept ones; one that would change them asks first (app_state.h).
#include <imgui.h>

#include <string>

#include "panels/panels.h"
#include "panels/widgets.h"

namespace ll::app {

void ShowTimeline(AppState& s, float width) {
  const std::size_t last = s.trainer->history_size();
  std::size_t step = s.trainer->current_step();
  const std::size_t first = 0;
  ImGui::BeginDisabled(last == 0);
  ImGui::SetNextItemWidth(width);
  const std::string format = "step %llu of " + std::to_string(last);
  if (ImGui::SliderScalar("##timeline", ImGuiDataType_U64, &step, &first, &last, format.c_str(),
                          ImGuiSliderFlags_AlwaysClamp) &&
      step != s.trainer->current_step()) {
    s.playing = false;
    seek(s, step);
  }
  ImGui::EndDisabled();
  TooltipEvenIfDisabled(last == 0 ? "The timeline covers the steps taken; none yet"
                                  : "Drag to any step taken so far: every panel shows that step. "
                                    "Stepping on from there replays the same steps.");
}

}  // namespace ll::app
