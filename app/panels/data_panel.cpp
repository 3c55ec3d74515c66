// The data and the decision boundary (the point 2). Two or more features: a scatter of
// the first two, coloured by class, over the shading of P(y = 1 | x) (softmax: the class regions),
// with the boundary w1·x1 + w2·x2 + b = 0 and, faded, those of the last few steps. One feature:
// what the slides draw — the points at y = 0 and 1 against x, the curve ŷ(x) = σ(w·x + b) and the
// threshold x = −b/w. Both: the last step's batch ringed; clicking points picks the next batch,
// dragging moves one (panels/point_editing.h). The key sits under the plot, never covering it.
// Index: [SECTION] Points: tooltip, rings, clicks · Two features · One feature · Caption and key · Window
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "ll/activation.h"
#include "ll/number_format.h"
#include "ll/predict.h"
#include "model/compare_run.h"
#include "panels/accents.h"
#include "panels/data_layers.h"
#include "panels/held_out_parts.h"
#include "panels/panel_caches.h"
#include "panels/panels.h"
#include "panels/point_editing.h"
#include "panels/point_cloud.h"
#include "panels/sample_plot.h"
#include "panels/widgets.h"
#include "plot/plot.h"

namespace ll::app {
namespace {

constexpr const char* kPlot2d = "##data 2d";
constexpr const char* kPlot1d = "##data 1d";
constexpr std::size_t kMostRings = 2000;  // a bigger batch is not ringed (it would hide the data)
constexpr std::size_t kRingAllUpTo = 12;  // a batch of the whole data set is ringed up to this size
constexpr plot::PlotFlags kPlotFlags = plot::PlotFlags_NoTooltip | plot::PlotFlags_NoLegend;

// The faded boundaries (or curves) of the last few steps: k = 0 is the oldest and faintest.
float trail_alpha(std::size_t k, std::size_t n) {
  return 0.12f + 0.38f * static_cast<float>(k + 1) / static_cast<float>(n);
}

// [SECTION] Points: tooltip, rings, clicks ----------------------------------------------------

// Sample i at θ now: its features, its label, z and ŷ.
void sample_tooltip(const AppState& s, const Params& theta, std::size_t i) {
  const Dataset& d = s.data();
  const Activation a = s.settings().activation;
  ImGui::BeginTooltip();
  ImGui::Text("Sample %zu · %s", i + 1, ClassLabel(d, d.labels[i]).c_str());
  std::string features;
  for (std::size_t j = 0; j < d.features(); ++j)
    features += (j ? ", " : "") + d.feature_names[j] + " = " + format_number(d.x(i, j));
  ImGui::TextUnformatted(features.c_str());
  if (theta.all_finite()) {
    const SampleOutputs out = sample_outputs(d, i, theta, a);
    const std::vector<double>& z = out.z;
    const std::vector<double>& y_hat = out.y_hat;
    const char* f = a == Activation::Softmax ? "softmax(z)" : a == Activation::Sigmoid ? "σ(z)" : "tanh(z)";
    const bool one = theta.rows == 1;
    ImGui::Text("z = θᵀx = %s,  ŷ = %s = %s  (θ now)",
                one ? format_number(z[0]).c_str() : format_vector(z).c_str(), f,
                one ? format_number(y_hat[0]).c_str() : format_vector(y_hat).c_str());
  }
  const bool picked = std::find(s.picked.begin(), s.picked.end(), i) != s.picked.end();
  ImGui::TextDisabled(picked ? "Click: take it out of the next step's batch"
                             : "Click: put it in the next step's batch");
  ImGui::EndTooltip();
}

// Whether the last step's batch gets rings: not when it is every sample of more than a handful
// (they would only hide the data; the key says "all"), nor beyond kMostRings.
bool ring_batch(const StepRecord& r, const Dataset& d) {
  const bool all = r.batch.size() == d.rows() && r.batch.size() > kRingAllUpTo;
  return !r.batch.empty() && !all && r.batch.size() <= kMostRings;
}

std::string batch_text(const StepRecord& r, const Dataset& d) {
  std::string text = r.status == StepStatus::Ok
                         ? "step " + std::to_string(r.step) + "'s batch"
                         : std::string("the ") + std::string(name(r.status)) + " step's batch";
  if (r.batch.size() == d.rows() && r.batch.size() > kRingAllUpTo)
    text += ": all";
  else if (r.batch.size() > kMostRings)
    text += ": " + std::to_string(r.batch.size()) + ", not ringed";
  return text;
}

// The last step's batch, the picked samples and the sample hovered in another panel.
void plot_rings(const AppState& s, const std::vector<ClassSeries>& classes, bool plot_hovered) {
  const ImVec4 text = ImGui::GetStyleColorVec4(ImGuiCol_Text);
  if (shown_record(s) && ring_batch(*shown_record(s), s.data()))
    PlotSampleRings("##batch", classes, shown_record(s)->batch, text, 1.9f, 1.6f);
  if (!s.picked.empty()) PlotSampleRings("##picked", classes, s.picked, PickedColor(), 2.5f, 2.2f);
  if (s.hovered_sample >= 0 && !plot_hovered) {
    const std::vector<std::size_t> one{static_cast<std::size_t>(s.hovered_sample)};
    PlotSampleRings("##hovered", classes, one, text, 3.0f, 3.0f);
  }
}

// After EndPlot: the shared hover, the tooltip, a sample's right-click menu (panels/point_editing.h)
// and a click toggling the sample in the next batch.
void handle_points(AppState& s, DataPanelCache& c, const char* plot_key, bool plot_hovered, const PointHit& hit,
                   const Params& theta) {
  ShareHover(s, plot_key, plot_hovered, hit.hovered);
  EndPointEdits(s, c.edit, hit);
  if (hit.hovered >= 0) sample_tooltip(s, theta, static_cast<std::size_t>(hit.hovered));
  if (hit.clicked < 0) return;
  const auto i = static_cast<std::size_t>(hit.clicked);
  const auto it = std::find(s.picked.begin(), s.picked.end(), i);
  if (it == s.picked.end())
    s.picked.push_back(i);
  else
    s.picked.erase(it);
}

// [SECTION] Two features ------------------------------------------------------------------------

// Returns how many boundary segments are in view.
int plot_two_features(AppState& s, DataPanelCache& c, const Params& theta, float height) {
  const Dataset& d = s.data();
  const Activation a = s.settings().activation;
  if (!plot::BeginPlot(kPlot2d, ImVec2(-1, height), kPlotFlags | c.edit_flags)) return 0;
  plot::SetupAxes(d.feature_names[0].c_str(), d.feature_names[1].c_str());
  plot::SetupAxesLimits(c.view.home_x.Min, c.view.home_x.Max, c.view.home_y.Min, c.view.home_y.Max,
                        ImGuiCond_Once);
  plot::SetupFinish();
  const plot::Limits view = plot::GetPlotLimits();
  const bool finite = theta.all_finite();
  // Beyond two features, the plane the plot shows holds the others at their means (ll/predict.h).
  if (c.means_of != s.data_ptr()) {  // once per data set, not per frame
    c.means = feature_means(d);
    c.means_of = s.data_ptr();
  }
  const Params plotted = slice_at_means(theta, c.means);
  if (s.show_shading && finite) {
    const ImVec2 size = plot::GetPlotSize();
    if (c.shading.update(plotted, a, view, size.x, size.y))
      plot::PlotImage("##shading", c.shading.texture.id(), {view.X.Min, view.Y.Min},
                      {view.X.Max, view.Y.Max});
  }
  const ImVec4 text = ImGui::GetStyleColorVec4(ImGuiCol_Text);
  const std::vector<Params> trail = recent_thetas(s, std::max(0, s.boundary_trail));
  for (std::size_t k = 0; k < trail.size(); ++k)
    PlotBoundaries("##trail" + std::to_string(k), slice_at_means(trail[k], c.means), a, view, text, trail_alpha(k, trail.size()),
                   1.5f);
  const int boundaries = finite ? PlotBoundaries("##boundary", plotted, a, view, text, 1.0f, 2.5f) : 0;
  if (c.best && c.best->status == OptimumStatus::Ok)   // where the run is going: θ*'s boundary, dashed
    PlotBoundaries("##optimum", slice_at_means(c.best->theta, c.means), a, view, ImVec4(1.0f, 0.35f, 0.35f, 1.0f), 0.9f,
                   2.0f, true);
  if (second_run_drawable(s))   // run b's boundary beside a's, in its own colour
    PlotBoundaries("##run b", slice_at_means(s.second->trainer->theta(), c.means), s.second->trainer->settings().activation,
                   view, CurrentAccents().second_run, 1.0f, 2.5f);
  const PointHit hit = PlotClasses(d, c.view.classes, &c.cloud, c.view.version);
  PlotTestSamples(s, c.test_view);
  PlotPointEdits(s, c.edit, c.view.classes, hit, false);
  const bool hovered = plot::IsPlotHovered();
  plot_rings(s, c.view.classes, hovered);
  const bool fit = hovered && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left);
  plot::EndPlot();
  // The shading and boundaries span the view, so the plot layer's own fit would keep it: a
  // double-click goes back to the data's extent instead.
  if (fit) plot::ResetPlot(kPlot2d);
  handle_points(s, c, kPlot2d, hovered, hit, theta);
  return boundaries;
}

// [SECTION] One feature -------------------------------------------------------------------------

// Returns whether the threshold x = −b/w is in view.
bool plot_one_feature(AppState& s, DataPanelCache& c, const Params& theta, float height) {
  const Dataset& d = s.data();
  const Activation a = s.settings().activation;
  const bool tanh_out = a == Activation::Tanh;
  if (!plot::BeginPlot(kPlot1d, ImVec2(-1, height), kPlotFlags | c.edit_flags)) return false;
  const double y_min = tanh_out ? -1.1 : -0.1, y_max = 1.1;
  plot::SetupAxes(d.feature_names[0].c_str(), a == Activation::Softmax ? "P(y = k | x)"
                                              : tanh_out               ? "ŷ = tanh(z)"
                                                                       : "P(y = 1)");
  plot::SetupAxisLimits(plot::Axis_X, c.view.home_x.Min, c.view.home_x.Max, ImGuiCond_Once);
  plot::SetupAxisLimits(plot::Axis_Y, y_min, y_max, ImGuiCond_Always);
  plot::SetupFinish();
  const plot::Range x_view = plot::GetPlotLimits().X;
  const std::vector<Params> trail = recent_thetas(s, std::max(0, s.boundary_trail));
  for (std::size_t k = 0; k < trail.size(); ++k)
    PlotOutputCurves("##trail" + std::to_string(k), trail[k], a, x_view, trail_alpha(k, trail.size()), 1.5f,
                     true);
  bool threshold = false;
  if (second_run_drawable(s) && s.second->trainer->theta().all_finite()) {   // run b's curve, behind a's
    const Params b = s.second->trainer->theta();
    PlotOutputCurves("##run b", b, s.second->trainer->settings().activation, x_view, 1.0f, 2.5f, true,
                     &CurrentAccents().second_run);
  }
  if (theta.all_finite()) {
    PlotOutputCurves("##curve", theta, a, x_view, 1.0f, 2.5f, false);
    // x = −b/w, where ŷ crosses ½ (tanh: 0); softmax has no single threshold.
    if (a != Activation::Softmax && threshold_1d(theta).has_value()) {
      const double t = -theta.at(0, 0) / theta.at(0, 1);
      threshold = x_view.Contains(t);
      if (threshold) {
        plot::SetNextLineStyle(PickedColor(0.9f), 1.5f);
        plot::PlotVLine("##threshold", t);
        PlotThresholdLabel(t, theta.at(0, 1) > 0.0, tanh_out, {x_view, {y_min, y_max}}, plot::GetPlotSize());
      }
    }
  }
  const PointHit hit = PlotClasses(d, c.view.classes, &c.cloud, c.view.version);
  PlotTestSamples(s, c.test_view);
  PlotPointEdits(s, c.edit, c.view.classes, hit, true);
  const bool hovered = plot::IsPlotHovered();
  plot_rings(s, c.view.classes, hovered);
  const bool fit = hovered && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left);
  plot::EndPlot();
  if (fit) plot::ResetPlot(kPlot1d);
  handle_points(s, c, kPlot1d, hovered, hit, theta);
  return threshold;
}

// [SECTION] Caption and key -----------------------------------------------------------------------

// "θ = [b, w1, w2] · accuracy 75% (3 of 4)" — without the count if that would wrap — or why θ
// cannot be shown.
void theta_caption(AppState& s, const Params& theta) {
  if (!theta.all_finite()) {
    ImGui::TextWrapped("θ is not finite: nothing to draw (step back or reset).");
    return;
  }
  const std::size_t n = s.data().rows();
  const double acc = accuracy_now(s);
  const std::string percent = format_percent(acc);
  const std::string count = " (" + format_count(static_cast<std::size_t>(std::lround(acc * static_cast<double>(n)))) +
                            " of " + format_count(n) + ")";
  if (theta.rows > 1) {
    // Softmax: K rows do not fit on one line; they show on hover, one row per class.
    ImGui::Text("θ: %zu rows (hover) · %saccuracy %s", theta.rows, has_test_part(s) ? "training " : "", percent.c_str());
    if (ImGui::IsItemHovered()) {
      ImGui::BeginTooltip();
      for (std::size_t r = 0; r < theta.rows; ++r) {
        const auto row = theta.values.begin() + static_cast<std::ptrdiff_t>(r * theta.cols);
        ImGui::Text(
            "θ_%zu = %s   %s", r,
            format_vector(std::vector<double>(row, row + static_cast<std::ptrdiff_t>(theta.cols))).c_str(),
            ClassLabel(s.data(), static_cast<int>(r)).c_str());
      }
      ImGui::EndTooltip();
    }
    return;
  }
  // The longest that fits on one line (a narrow panel drops the count, then says "right").
  const std::string theta_text = "θ = " + format_params(theta, kMostTableEntries);
  const std::string named = has_test_part(s) ? " · training accuracy " : " · accuracy ";  // beside the test part's
  const std::string fits[] = {theta_text + named + percent + count, theta_text + named + percent,
                              theta_text + " · " + percent + " right"};
  const float width = ImGui::GetContentRegionAvail().x;
  const std::string* text = &fits[1];
  for (const std::string& f : fits) {
    if (ImGui::CalcTextSize(f.c_str()).x > width) continue;
    text = &f;
    break;
  }
  TextWrappedAtSpaces(*text);
  // What the step changed, for a student stepping alone: Δθ = θ after − θ before, beside θ when
  // it fits, else under it.
  const StepRecord* r = shown_record(s);
  if (r == nullptr || r->status != StepStatus::Ok || !(r->theta_after == theta)) return;
  Params change = r->theta_after;
  for (std::size_t k = 0; k < change.values.size(); ++k) change.values[k] -= r->theta_before.values[k];
  const std::string change_text = "Δθ = " + format_params(change, kMostTableEntries);
  const float gap = ImGui::GetFontSize();
  if (ImGui::GetItemRectMax().x + gap + ImGui::CalcTextSize(change_text.c_str()).x <=
      ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x) {
    ImGui::SameLine(0.0f, gap);
  } else if (ImGui::GetContentRegionAvail().y < 14.0f * ImGui::GetTextLineHeightWithSpacing()) {
    return;  // a line of its own only while the plot keeps its 8 lines and the key its own
  }
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  TextWrappedAtSpaces(change_text);
  ImGui::PopStyleColor();
}

// What the plot shows, under it: the classes, the boundary or curve, the faded steps, the rings
// and the shading's scale. `in_view`: whether the boundary (threshold) is in view; −1 not known
// yet, for measuring: then the longer text.
std::vector<KeyEntry> key_entries(const AppState& s, const Params& theta, bool two, int in_view, bool optimum) {
  const Dataset& d = s.data();
  const Activation a = s.settings().activation;
  const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text), dim = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  std::vector<KeyEntry> key;
  for (std::size_t k = 0; k < d.classes(); ++k) {
    const int ki = static_cast<int>(k);
    key.push_back({MarkerSymbol(plot::ClassMarker(ki)), plot::ClassColorU32(ki), d.class_names[k]});
  }
  if (theta.all_finite()) {
    const bool softmax = a == Activation::Softmax;
    if (!two) {
      if (softmax)
        key.push_back({"—", text, "P(y = k | x), in the class colours"});
      else
        key.push_back({"—", text, a == Activation::Tanh ? "ŷ = tanh(w·x + b)" : "ŷ = σ(w·x + b)"});
      if (!softmax && in_view > 0) key.push_back({"|", ImGui::GetColorU32(PickedColor()), "x = −b/w"});
      if (!softmax && in_view <= 0) {  // (measuring: the longer text)
        const bool flat = theta.at(0, 1) == 0.0;
        key.push_back({"|", dim, flat ? "no threshold: w = 0" : "threshold: outside this view", true});
      }
    } else {
      if (in_view > 0)
        key.push_back({"—", text, softmax ? "class boundaries" : "boundary"});
      else
        key.push_back({"—", dim, MissingBoundaryText(theta, a), true});  // (measuring: the longer text)
    }
  }
  const std::size_t trail = std::min<std::size_t>(static_cast<std::size_t>(std::max(0, s.boundary_trail)),
                                                  s.trainer->current_step());
  if (trail > 0)
    key.push_back({"—", ImGui::GetColorU32(ImGuiCol_Text, 0.6f),
                   trail == 1 ? "last step" : "last " + std::to_string(trail) + " steps"});
  if (two && optimum) key.push_back({"- -", IM_COL32(255, 90, 90, 255), "θ*, the best θ: its boundary"});
  if (second_run_drawable(s))
    key.push_back({"—", ImGui::GetColorU32(CurrentAccents().second_run), "run b: " + second_run_label(s)});
  if (shown_record(s) && !shown_record(s)->batch.empty()) key.push_back({"○", text, batch_text(*shown_record(s), d)});
  if (!s.picked.empty()) key.push_back({"○", ImGui::GetColorU32(PickedColor()), "next batch (picked)"});
  if (has_test_part(s)) key.push_back(TestSamplesKeyEntry(s));
  if (two && s.show_shading) key.push_back(ShadingKeyEntry(a));
  if (two && d.features() > 2) {  // what the plane holds fixed (slice_at_means)
    std::string others;
    for (std::size_t j = 2; j < d.features(); ++j) others += (j > 2 ? ", " : "") + d.feature_names[j];
    key.push_back({"", dim, others + (d.features() > 3 ? " at their means" : " at its mean"), true});
  }
  return key;
}

// The picked batch, in words: "Next step's batch: samples 2, 4 (click again to remove)".
std::string picked_note(const AppState& s) {
  std::vector<std::size_t> sorted = s.picked;
  std::sort(sorted.begin(), sorted.end());
  std::string list;
  for (std::size_t k = 0; k < sorted.size() && k < 12; ++k)
    list += (k ? ", " : "") + std::to_string(sorted[k] + 1);
  if (sorted.size() > 12) list += ", … (" + std::to_string(sorted.size()) + " in all)";
  return std::string("Next step's batch: sample") + (sorted.size() == 1 ? " " : "s ") + list +
         " (click again to remove)";
}

}  // namespace

// [SECTION] Window --------------------------------------------------------------------------------

void ShowDataPanel(AppState& state, PanelCaches& caches) {
  if (!ImGui::Begin(kDataWindow)) {
    ImGui::End();
    return;
  }
  DataPanelCache& c = caches.data;
  if (c.edit.last_hovered < 0) PanelContextMenu(state, kDataWindow, "data");   // (over a sample: its own menu)
  if (!state.trainer) {
    ImGui::End();
    return;
  }
  c.edit_flags = BeginPointEdits(state, c.edit);
  c.best = caches.optimum.get(state);
  const bool optimum = c.best && c.best->status == OptimumStatus::Ok;
  const Params theta = current_theta(state);
  if (UpdateDataView(c.view, state.data_ptr(), theta, state.settings().activation)) {
    plot::ResetPlot(kPlot2d);
    plot::ResetPlot(kPlot1d);
  }
  TakeInTestSamples(state, c.view, c.test_view);
  theta_caption(state, theta);

  // The plot takes what the key and the note under it leave.
  const bool two = state.data().features() >= 2;
  const std::string note = state.picked.empty() ? "" : picked_note(state);
  const float width = ImGui::GetContentRegionAvail().x;
  float below = KeyHeight(key_entries(state, theta, two, -1, optimum), width) +
                (note.empty() ? 0.0f : ImGui::CalcTextSize(note.c_str(), nullptr, false, width).y) +
                2.0f * ImGui::GetStyle().ItemSpacing.y;
  // The confusion matrix under the key while the plot keeps its 8 lines (panels/held_out_parts.h).
  const float min_plot = 8.0f * ImGui::GetTextLineHeightWithSpacing();
  const ConfusionFit matrix = FitConfusion(state, ImGui::GetContentRegionAvail().y - below - min_plot);
  below += ConfusionFitHeight(state, matrix);
  const float height = std::max(min_plot, ImGui::GetContentRegionAvail().y - below);
  const int in_view =
      two ? plot_two_features(state, c, theta, height) : (plot_one_feature(state, c, theta, height) ? 1 : 0);

  ShowKey(key_entries(state, theta, two, in_view > 0 ? 1 : 0, optimum));
  if (!note.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, PickedColor());
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(note.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
  }
  ShowConfusion(state, matrix);
  ImGui::End();
}

}  // namespace ll::app
