// The status bar: one line at the bottom of the window,
//   step 12 · epoch 3 · loss 0.5123 · accuracy 75% [· test 70% (loss 0.61)] · ▶ 1000 steps/s — <the last message>
// The numbers in the text colour, the message in grey, or in the warning colour when a step was
// refused or diverged. A message too long for the line ends in "…" (the Controls panel shows it whole).
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "ll/number_format.h"
#include "ll/predict.h"
#include "panels/accents.h"
#include "panels/panels.h"
#include "plot/plot.h"

namespace ll::app {
namespace {

std::string numbers(AppState& s) {
  const Trainer& t = *s.trainer;
  const std::size_t step = t.current_step();
  std::string line = "step " + std::to_string(step);
  line += " · epoch " + (step == 0 ? std::string("—") : std::to_string(t.summary(step).epoch));
  const std::optional<double> loss = t.loss_at(step);
  line += " · loss " + (loss ? format_number(*loss) : std::string("undefined"));
  line += " · accuracy " + format_percent(accuracy_now(s));
  if (has_test_part(s)) {   // the held-out part at θ now: its accuracy and loss
    const HeldOutNow& test = held_out_now(s);
    line += " · test " + format_percent(test.test_accuracy) +
            (std::isfinite(test.test_loss) ? " (loss " + format_number(test.test_loss) + ")" : "");
  }
  if (s.playing) {
    char speed[48];
    std::snprintf(speed, sizeof speed, " · ▶ %.0f steps/s", s.steps_per_second);
    line += speed;
  }
  // The plots gave way to the step (model/layout.h): where they are.
  if (s.last_layout.plots_dropped && !s.slide) line += s.plots_instead ? " · V: back to the step" : " · plots: V";
  return line;
}

}  // namespace

void ShowStatusBar(AppState& state) {
  // The layout gives the bar one line of text plus 10 px: 5 px above and below it.
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(ImGui::GetStyle().WindowPadding.x, 5.0f));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0f);
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                                 ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoNav;
  const bool open = ImGui::Begin(kStatusWindow, nullptr, flags);
  ImGui::PopStyleVar(2);
  if (!open) {
    ImGui::End();
    return;
  }
  if (state.queued_steps > 0 && !state.slide) {
    // Run N or a lesson's steps, a slice a frame: how far, and a way out.
    const std::size_t done = state.queued_total - state.queued_steps;
    const std::string progress = "Running: " + format_count(done) + " of " + format_count(state.queued_total) + " steps";
    const float bar_w = std::min(ImGui::GetContentRegionAvail().x * 0.45f, ImGui::CalcTextSize(progress.c_str()).x * 1.6f);
    ImGui::ProgressBar(static_cast<float>(done) / static_cast<float>(state.queued_total),
                       ImVec2(bar_w, ImGui::GetTextLineHeight()), progress.c_str());
    ImGui::SameLine();
    if (ImGui::SmallButton("Cancel (Esc)")) cancel_queued_steps(state);
    ImGui::SameLine();
  }
  const std::string line = plot::FitText(numbers(state), ImGui::GetContentRegionAvail().x);
  ImGui::TextUnformatted(line.c_str());
  if (state.slide) {
    // A picture: the settings it was taken with (if asked for), not the last message.
    if (state.slide_caption) {
      ImGui::SameLine();
      ImGui::TextDisabled("—");
      ImGui::SameLine();
      ImGui::TextUnformatted(plot::FitText(settings_caption(state), ImGui::GetContentRegionAvail().x).c_str());
    }
  } else if (!state.status.empty() && ImGui::GetContentRegionAvail().x - ImGui::GetItemRectSize().x > 4.0f * ImGui::GetFontSize()) {
    ImGui::SameLine();
    ImGui::TextDisabled("—");
    ImGui::SameLine();
    const std::string message = plot::FitText(state.status, ImGui::GetContentRegionAvail().x);
    ImGui::PushStyleColor(ImGuiCol_Text, state.status_is_error ? CurrentAccents().warning
                                                               : ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
    ImGui::TextUnformatted(message.c_str());
    ImGui::PopStyleColor();
    if (ImGui::IsItemHovered() && message != state.status) {
      ImGui::BeginTooltip();
      ImGui::PushTextWrapPos(ImGui::GetFontSize() * 35.0f);
      ImGui::TextUnformatted(state.status.c_str());
      ImGui::PopTextWrapPos();
      ImGui::EndTooltip();
    }
  }
  ImGui::End();
}

}  // namespace ll::app
