// Controls panel, "Conventions" section: the forms a course may write the same model in
// (ll/conventions.h) — the loss as the mean or the sum over the batch, squared error with or
// without ½, the momentum form — and L2 regularisation λ. Like the other settings, a change
// applies from the next step.
#include <imgui.h>

#include <cfloat>
#include <string>

#include "panels/controls_sections.h"
#include "panels/widgets.h"

namespace ll::app {
namespace {

// A combo of two choices, each with the text it shows; a change goes through change_settings.
template <typename Choice>
void two_choice_combo(AppState& s, const char* id, Choice Settings::*member, Choice first, const char* first_text,
                      Choice second, const char* second_text) {
  const Choice now = s.settings().*member;
  if (!ImGui::BeginCombo(id, now == first ? first_text : second_text)) return;
  for (Choice c : {first, second})
    if (ImGui::Selectable(c == first ? first_text : second_text, c == now) && c != now) {
      Settings next = s.settings();
      next.*member = c;
      change_settings(s, next);
    }
  ImGui::EndCombo();
}

void l2_controls(AppState& s) {
  FormRow("L2 λ", "Regularisation: the loss gains (λ/2)‖w‖², the gradient λw, so the weights are pulled "
                  "towards 0 (λ = 0: none). The bias b is not penalised unless you tick the box below.\n"
                  "With λ > 0 separable data have a finite best θ.");
  double lambda = s.settings().l2;
  ImGui::SetNextItemWidth(-FLT_MIN);
  // A half-typed or out-of-range value waits: validate() takes 0 to kMostL2.
  if (ImGui::InputDouble("##l2", &lambda, 0.0, 0.0, "%.6g") && lambda >= 0.0 && lambda <= kMostL2 &&
      lambda != s.settings().l2) {
    Settings next = s.settings();
    next.l2 = lambda;
    change_settings(s, next);
  }
  bool bias = s.settings().l2_bias;
  ImGui::BeginDisabled(s.settings().l2 == 0.0);
  if (FormCheckbox("Penalise b", "The penalty takes in the bias too: (λ/2)‖θ‖²", &bias)) {
    Settings next = s.settings();
    next.l2_bias = bias;
    change_settings(s, next);
  }
  ImGui::EndDisabled();
  if (s.settings().l2 == 0.0) TooltipEvenIfDisabled("Only used when λ > 0");
}

}  // namespace

void ShowConventionsSection(AppState& s) {
  if (!ImGui::CollapsingHeader("Conventions")) return;
  if (!BeginForm("conventions", kWidestLabel, kWidestWidget)) return;
  FormRow("Batch loss", "mean:  L = 1/m Σᵢ Lᵢ  (the slides)\nsum:  L = Σᵢ Lᵢ: the gradient is m times "
                        "larger, so the same step needs an η m times smaller.\nThe data-set loss follows.");
  two_choice_combo(s, "##reduction", &Settings::reduction, Reduction::Mean, "mean 1/m Σ", Reduction::Sum, "sum Σ");
  FormRow("Squared error", "(ŷ − y)²:  ∂L/∂ŷ = 2(ŷ − y)  (the slides)\n½(ŷ − y)²:  ∂L/∂ŷ = ŷ − y, every "
                          "derivative half as large.\nUsed when the loss is MSE.");
  two_choice_combo(s, "##squared_error", &Settings::squared_error, SquaredError::Full, "(ŷ − y)²", SquaredError::Half,
                   "½(ŷ − y)²");
  FormRow("Momentum form", "v ← βv + ∇L  (the slides): v sums past gradients.\nv ← βv + (1 − β)∇L: v averages "
                      "them, so a step is about 1/(1 − β) times smaller than the plain form's.");
  two_choice_combo(s, "##momentum_form", &Settings::momentum_form, MomentumForm::Plain, "βv + ∇L", MomentumForm::Ema,
                   "βv + (1 − β)∇L");
  l2_controls(s);
  EndForm();
  ImGui::Spacing();
}

}  // namespace ll::app
