// The log-loss explorer, in the activation panel's place (its "Log loss" box): the two branches
// of the cross-entropy against ŷ, L = −log ŷ for y = 1 and L = −log(1 − ŷ) for y = 0, the
// batch's samples on the branch of their label, and a ŷ the student drags along the axis with
// its losses and gradients ∂L/∂ŷ = −1/ŷ and 1/(1 − ŷ) read out above the plot: the picture that
// answers "for y = 1, which loss is higher, ŷ = 0.9 or ŷ = 0.1?". Softmax: the true class's
// probability ŷ_y on −log ŷ_y.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <string>
#include <vector>

#include "ll/number_format.h"
#include "ll/predict.h"
#include "panels/panels.h"
#include "panels/sample_plot.h"
#include "panels/widgets.h"
#include "plot/plot.h"

namespace ll::app {
namespace {

constexpr std::size_t kMostPoints = 5000;   // a batch's samples drawn on the curves
constexpr double kTop = 5.0;                // the y axis: −log 0.0067 = 5

// −log p, drawn over p ∈ [0.005, 1): beyond the top of the axis it leaves the plot.
void plot_branch(const char* label, bool one, const ImVec4& color) {
  std::vector<double> xs, ys;
  for (int k = 0; k <= 400; ++k) {
    const double p = 0.005 + (1.0 - 0.005) * k / 400.0;
    const double y_hat = one ? p : 1.0 - p;
    xs.push_back(y_hat);
    ys.push_back(-std::log(std::max(p, 1e-300)));
  }
  plot::SetNextLineStyle(color, 2.5f);
  plot::PlotLine(label, xs.data(), ys.data(), static_cast<int>(xs.size()));
}

}  // namespace

void ShowLogLossExplorer(AppState& s, const Params& theta, Activation a, const std::vector<std::size_t>& batch,
                         float height) {
  if (a == Activation::Tanh) {
    ImGui::TextWrapped("The log loss takes a probability ŷ in (0, 1): tanh gives ŷ in (−1, 1). Choose sigmoid.");
    return;
  }
  const double y_hat = std::clamp(s.log_loss_y_hat, 0.001, 0.999);
  // The read-out: both branches at the dragged ŷ.
  const float top = ImGui::GetCursorPosY();
  // The read-out in pieces that stay whole: each on the line before if it fits there.
  const std::string pieces[] = {
      "ŷ = " + format_number(y_hat) + " (drag along the plot)",
      "y = 1: L = −log ŷ = " + format_number(-std::log(y_hat)) + ",",
      "∂L/∂ŷ = −1/ŷ = " + format_number(-1.0 / y_hat),
      a == Activation::Softmax ? "" : "y = 0: L = −log(1 − ŷ) = " + format_number(-std::log(1.0 - y_hat)) + ",",
      a == Activation::Softmax ? "" : "∂L/∂ŷ = 1/(1 − ŷ) = " + format_number(1.0 / (1.0 - y_hat))};
  const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  // A short panel: the losses on one line, their gradients on hover (the plot keeps its room).
  if (height < 13.0f * ImGui::GetTextLineHeightWithSpacing()) {
    const std::string line = "ŷ = " + format_number(y_hat) + " (drag): L = " + format_number(-std::log(y_hat)) +
                             (a == Activation::Softmax ? "" : " (y = 1), " + format_number(-std::log(1.0 - y_hat)) + " (y = 0)");
    ImGui::TextWrapped("%s", line.c_str());
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s %s\n%s %s", pieces[1].c_str(), pieces[2].c_str(), pieces[3].c_str(), pieces[4].c_str());
  }
  for (std::size_t k = 0; k < std::size(pieces) && height >= 13.0f * ImGui::GetTextLineHeightWithSpacing(); ++k) {
    if (pieces[k].empty()) continue;
    const bool starts_line = k == 0 || k == 1 || k == 3;   // ŷ, then a line per label
    if (!starts_line && ImGui::GetItemRectMax().x + ImGui::CalcTextSize((" " + pieces[k]).c_str()).x <= right)
      ImGui::SameLine();
    ImGui::TextUnformatted(pieces[k].c_str());
  }
  const float h = std::max(6.0f * ImGui::GetTextLineHeightWithSpacing(), height - (ImGui::GetCursorPosY() - top) -
                                                                               ImGui::GetStyle().ItemSpacing.y);
  if (!plot::BeginPlot("##log loss", ImVec2(-1, h), plot::PlotFlags_NoTooltip | plot::PlotFlags_NoLegend | plot::PlotFlags_NoPan))
    return;
  plot::SetupAxes(a == Activation::Softmax ? "ŷ_y (the true class)" : "ŷ", "L");
  plot::SetupAxisLimits(plot::Axis_X, 0.0, 1.0, ImGuiCond_Always);
  plot::SetupAxisLimits(plot::Axis_Y, 0.0, kTop, ImGuiCond_Always);
  plot::SetupFinish();
  const ImVec4 one = plot::ClassColor(1), zero = plot::ClassColor(0);
  plot_branch("−log ŷ (y = 1)", true, one);
  if (a != Activation::Softmax) plot_branch("−log(1 − ŷ) (y = 0)", false, zero);
  // The batch's samples (every sample before the first step) on their branch.
  const Dataset& data = s.data();
  // One series per class, in its colour and marker (binary: class 1 on −log ŷ, class 0 on −log(1 − ŷ)).
  const std::size_t classes = std::max<std::size_t>(data.classes(), 2);
  std::vector<std::vector<double>> xs(classes), ys(classes);
  const std::size_t n = std::min(batch.empty() ? data.rows() : batch.size(), kMostPoints);
  for (std::size_t k = 0; k < n; ++k) {
    const std::size_t i = batch.empty() ? k : batch[k];
    const SampleOutputs out = sample_outputs(data, i, theta, a);
    const int label = data.labels[i];
    // Softmax: the true class's probability; binary: ŷ = P(y = 1), on the branch of the label.
    const double p = a == Activation::Softmax ? out.y_hat[static_cast<std::size_t>(label)] : out.y_hat[0];
    const bool on_one = a == Activation::Softmax || label == 1;
    const double loss = -std::log(std::max(on_one ? p : 1.0 - p, 1e-300));
    if (!std::isfinite(p)) continue;
    const auto series = static_cast<std::size_t>(label) % classes;
    xs[series].push_back(p);
    ys[series].push_back(std::min(loss, kTop));
  }
  for (std::size_t c = 0; c < classes; ++c) {
    const int k = static_cast<int>(c);
    plot::SetNextMarkerStyle(plot::ClassMarker(k), 4.0f * ImGui::GetFontSize() / 13.0f, plot::ClassColor(k));
    const std::string id = "##class" + std::to_string(c);
    plot::PlotScatter(id.c_str(), xs[c].data(), ys[c].data(), static_cast<int>(xs[c].size()));
  }
  // Each branch named on itself (no key to make room for).
  const float em = ImGui::GetFontSize();
  plot::PlotText(a == Activation::Softmax ? "−log ŷ_y" : "y = 1", 0.06, -std::log(0.06), ImVec2(2.2f * em, 0.0f));
  if (a != Activation::Softmax) plot::PlotText("y = 0", 0.94, -std::log(0.06), ImVec2(-1.8f * em, 0.0f));
  // The dragged ŷ: a vertical line, its two losses marked.
  const ImVec4 text = ImGui::GetStyleColorVec4(ImGuiCol_Text);
  plot::SetNextLineStyle(text, 1.5f);
  plot::PlotVLine("##dragged", y_hat);
  const double at[2] = {std::min(-std::log(1.0 - y_hat), kTop), std::min(-std::log(y_hat), kTop)};
  const double x2[2] = {y_hat, y_hat};
  plot::SetNextMarkerStyle(plot::Marker_Circle, 5.0f * ImGui::GetFontSize() / 13.0f, text);
  plot::PlotScatter("##dragged losses", x2, a == Activation::Softmax ? at + 1 : at, a == Activation::Softmax ? 1 : 2);
  if (plot::IsPlotHovered() && ImGui::IsMouseDown(ImGuiMouseButton_Left))
    s.log_loss_y_hat = std::clamp(plot::GetPlotMousePos().x, 0.001, 0.999);
  plot::EndPlot();
}

}  // namespace ll::app
