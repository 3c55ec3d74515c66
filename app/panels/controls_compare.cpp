// Controls panel, "Compare" section: a second run beside the first (model/compare_run.h), from the
// same θ₀ on the same data and in the same sample order, differing in what is picked here. Each
// change starts run b over and brings it to run a's step.
#include <imgui.h>

#include <cfloat>
#include <cmath>
#include <string>

#include "model/compare_run.h"
#include "model/landscape.h"
#include "panels/accents.h"
#include "panels/controls_sections.h"
#include "panels/widgets.h"

namespace ll::app {
namespace {

// A combo over `choices` (their names as shown); a pick changes b's `member`.
template <typename Choice, std::size_t N>
void choice_combo(AppState& s, CompareSpec b, const char* id, Choice Settings::*member, const Choice (&choices)[N],
                  const char* const (&names)[N]) {
  std::size_t now = 0;
  for (std::size_t k = 0; k < N; ++k)
    if (choices[k] == b.settings.*member) now = k;
  ImGui::SetNextItemWidth(-FLT_MIN);
  if (!ImGui::BeginCombo(id, names[now])) return;
  for (std::size_t k = 0; k < N; ++k)
    if (ImGui::Selectable(names[k], k == now) && k != now) {
      b.settings.*member = choices[k];
      change_second_run(s, b);
    }
  ImGui::EndCombo();
}

// A typed number of b's: applied when it is finite and within [low, high).
void number_field(AppState& s, CompareSpec b, const char* id, double Settings::*member, double low, double high) {
  double v = b.settings.*member;
  ImGui::SetNextItemWidth(-FLT_MIN);
  if (ImGui::InputDouble(id, &v, 0.0, 0.0, "%.6g", ImGuiInputTextFlags_EnterReturnsTrue) && std::isfinite(v) &&
      v >= low && v < high && v != b.settings.*member) {
    b.settings.*member = v;
    change_second_run(s, b);
  }
}

}  // namespace

void ShowCompareSection(AppState& s) {
  if (!ImGui::CollapsingHeader("Compare: run b")) return;
  bool on = s.second != nullptr;
  if (PanelCheckbox("Run b beside this run", &on)) {
    // The seeds' comparison to start with: the other loss (cross-entropy against squared error).
    if (on) change_second_run(s, CompareSpec{other_surface(s.settings()), s.spec.data.standardize});
    else change_second_run(s, std::nullopt);
  }
  ImGui::SameLine();
  HelpMarker("A second run from the same θ₀, on the same data and in the same sample order, stepping with "
             "this one: the loss plot, the landscape and the data plot show both, the derivative chain "
             "either run or their differences. Pick what run b changes below.");
  if (!s.second) return;
  ImGui::PushStyleColor(ImGuiCol_Text, CurrentAccents().second_run);
  TextWrappedAtSpaces("run b: " + second_run_label(s));
  ImGui::PopStyleColor();
  if (const std::string stop = second_run_stop_note(s); !stop.empty()) TextWrappedAtSpaces(stop);
  const CompareSpec b = s.second->spec;
  if (!BeginForm("compare", kWidestLabel, kWidestWidget)) return;
  FormRow("Loss", "Run b's loss");
  choice_combo(s, b, "##b loss", &Settings::loss, {Loss::BCE, Loss::MSE, Loss::CCE},
               {"BCE (cross-entropy)", "MSE (squared error)", "CCE (softmax)"});
  FormRow("Activation", "Run b's activation (θ keeps its shape: softmax only beside softmax)");
  choice_combo(s, b, "##b activation", &Settings::activation, {Activation::Sigmoid, Activation::Tanh, Activation::Softmax},
               {"sigmoid σ", "tanh", "softmax"});
  FormRow("Batch mode", "Run b's batches: the same sample order as run a's where the sizes agree");
  choice_combo(s, b, "##b mode", &Settings::mode, {BatchMode::Batch, BatchMode::MiniBatch, BatchMode::Stochastic},
               {"batch (all N)", "mini-batch", "stochastic (m = 1)"});
  if (b.settings.mode == BatchMode::MiniBatch) {
    FormRow("Batch size m", "Run b's mini-batch size (Enter applies it)");
    int m = static_cast<int>(b.settings.batch_size);
    ImGui::SetNextItemWidth(-FLT_MIN);
    if (ImGui::InputInt("##b batch", &m, 1, 10, ImGuiInputTextFlags_EnterReturnsTrue) && m >= 1 &&
        static_cast<std::size_t>(m) != b.settings.batch_size) {
      CompareSpec next = b;
      next.settings.batch_size = static_cast<std::size_t>(m);
      change_second_run(s, next);
    }
  }
  FormRow("Learning rate η", "Run b's η (Enter applies it)");
  number_field(s, b, "##b lr", &Settings::learning_rate, DBL_MIN, INFINITY);
  FormRow("Momentum β", "Run b's β, 0 ≤ β < 1 (Enter applies it)");
  number_field(s, b, "##b momentum", &Settings::momentum, 0.0, 1.0);
  bool standardize = b.standardize;
  if (FormCheckbox("Standardize", "Run b on standardized features (its θ is then in other units: not drawn in "
                                  "run a's data plot and landscape)", &standardize)) {
    CompareSpec next = b;
    next.standardize = standardize;
    change_second_run(s, next);
  }
  EndForm();
  ImGui::Spacing();
}

}  // namespace ll::app
