// The formula rows above the chain's table: the forward pass, the chain rule, the factors for the
// loss and activation, and the product they simplify to, as the slides derive them.
#include <imgui.h>

#include <string>

#include "ll/formulas.h"
#include "panels/chain_parts.h"
#include "panels/widgets.h"

namespace ll::app::chain {
namespace {

// What stays of the chain once multiplied out, worth saying out loud for each combination.
const char* simplified_note(Loss loss, Activation activation) {
  switch (activation) {
    case Activation::Sigmoid:
      return loss == Loss::BCE ? "σ′ = ŷ(1 − ŷ) cancels against the denominators of ∂L/∂ŷ"
                               : "the σ′ factor ŷ(1 − ŷ) stays: near 0 when ŷ is near 0 or 1, so a "
                                 "confidently wrong sample barely learns";
    case Activation::Tanh:
      return loss == Loss::BCE ? "undefined where ŷ ≤ 0: log ŷ needs ŷ > 0"
                               : "the tanh′ factor 1 − ŷ² stays: near 0 when ŷ is near −1 or 1";
    case Activation::Softmax:
      return loss == Loss::CCE ? "y one-hot: the Jacobian's terms cancel"
                               : "the Jacobian J stays: every ŷ_a depends on every z_b";
  }
  return "";
}

void formula_row(const char* label, const std::string& formula, const char* help, const char* note = nullptr) {
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  ImGui::TextDisabled("%s", label);
  ImGui::TableNextColumn();
  // Wrapped at spaces in the column's width: a formula is never cut at the panel's edge.
  TextWrappedAtSpaces(formula);
  ImGui::SameLine();
  HelpMarker(help);
  if (note != nullptr) {
    ImGui::PushStyleColor(ImGuiCol_Text, MutedColor());
    TextWrappedAtSpaces(note);
    ImGui::PopStyleColor();
  }
}

}  // namespace

void DrawFormulas(const Settings& s, FormulaRows rows) {
  const Formulas f = formulas(s);
  const bool softmax = s.activation == Activation::Softmax;
  const std::string gap = "     ";
  std::string product = f.dL_dz.substr(f.dL_dz.find(" = ") + 3);
  const std::size_t one_hot = product.find("  (");
  if (one_hot != std::string::npos) product.resize(one_hot);
  product = softmax ? as_factor(product) + " xᵀ" : as_factor(product) + " · x";
  const std::string factors = f.dL_dyhat + gap + f.dyhat_dz + gap + "∂z/∂θ = x";
  if (!ImGui::BeginTable("##formulas", 2, ImGuiTableFlags_SizingFixedFit)) return;
  ImGui::TableSetupColumn("name", ImGuiTableColumnFlags_WidthFixed);
  ImGui::TableSetupColumn("formula", ImGuiTableColumnFlags_WidthStretch);
  const bool all = rows == FormulaRows::All;
  if (all) {
    formula_row("forward", "z = θᵀx" + gap + f.y_hat + gap + f.loss,
                "One sample forward: z = θᵀx weighs the inputs (x₀ = 1 carries the bias b), the "
                "activation turns z into the prediction ŷ, and the loss L compares ŷ with the label y.");
    if (!f.labels.empty())
      formula_row("labels", f.labels,
                  "Labels −1/+1, as the first lecture note writes the likelihood: P(y | x) = σ(y·z), so "
                  "L = −log σ(y·z) = log(1 + e^(−y·z)). With y′ = (y + 1)/2 this is the 0/1 form's "
                  "cross-entropy term for term: every number is the same.");
    formula_row("chain",
                softmax ? "∂L/∂θ_k = Σ_a ∂L/∂ŷ_a · ∂ŷ_a/∂z_k · ∂z_k/∂θ_k" : "∂L/∂θ = ∂L/∂ŷ · ∂ŷ/∂z · ∂z/∂θ",
                "The chain rule: L depends on θ only through ŷ, and ŷ only through z, so ∂L/∂θ is the "
                "product of the three local derivatives (the table has a column for each).");
  }
  std::string simplified_help =
      "The three factors multiplied out for one sample: this is what each sample adds to the gradient "
      "(∂L/∂z, the table's last column, times x).";
  if (rows != FormulaRows::Simplified)
    formula_row("factors", factors,
                "Each factor on its own for this loss and activation: how L changes with ŷ, how ŷ "
                "changes with z, and how z = θᵀx changes with θ, which is just x.");
  else
    simplified_help += "\n\nThe factors: " + factors;
  formula_row("simplified", (softmax ? "∂L/∂Θ = " : "∂L/∂θ = ") + product, simplified_help.c_str(),
              all ? simplified_note(s.loss, s.activation) : nullptr);
  ImGui::EndTable();
}

}  // namespace ll::app::chain
