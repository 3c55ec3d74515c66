// The loss window: the mean loss over the whole data set after each step, the batch loss of each
// step (noisy for stochastic and mini-batch), marks where an epoch began and where the settings
// changed, the current step as a vertical line (stepping back moves it), a log-y toggle and a
// read-out of the step under the mouse. A click on the plot goes to that step.
#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <string>

#include "ll/held_out.h"
#include "ll/number_format.h"
#include "model/compare_run.h"
#include "panels/accents.h"
#include "panels/panel_caches.h"
#include "panels/panels.h"
#include "panels/widgets.h"
#include "plot/plot.h"

namespace ll::app {
namespace {

// The series' colours follow the theme (gui/theme.h); the current-step line is the text colour.
ImVec4 current_step_color() {
  const ImVec4 t = ImGui::GetStyle().Colors[ImGuiCol_Text];
  return ImVec4(t.x, t.y, t.z, 0.75f);
}
constexpr double kFixedSteps = 10.0;

// A loss for reading: "undefined" where it is not a number (tanh + BCE), never "nan".
std::string loss_text(double v) { return std::isfinite(v) ? format_number(v) : "undefined"; }

// In batch mode every step's batch is the whole data set: its batch loss is the mean loss before
// the step, and every step starts an epoch. Neither says anything new there, so neither is drawn.
bool only_full_batches(const Trainer& t) {
  for (std::size_t k = 0; k <= t.settings_index(); ++k)
    if (t.settings_at(k).mode != BatchMode::Batch) return false;
  return true;
}

// With L2 (λ > 0 in any settings of the run) the loss is data term + penalty: both are drawn.
bool has_penalty(const Trainer& t) {
  for (std::size_t k = 0; k <= t.settings_index(); ++k)
    if (t.settings_at(k).l2 != 0.0) return true;
  return false;
}

// The data-set loss's name: "mean loss", or "summed loss" (--reduction sum), "+ penalty" with L2.
std::string loss_name(const Trainer& t) {
  return std::string(t.settings().reduction == Reduction::Sum ? "summed loss" : "mean loss") +
         (has_penalty(t) ? " + penalty" : "");
}

// Beside a test part, the run's own loss is the training loss.
std::string training_prefix(const AppState& state) { return has_test_part(state) ? "training " : ""; }

// The held-out part's loss after `step` steps: the curve's point, or worked out (hover, off the points).
double test_loss_at(const AppState& state, std::size_t step) {
  const HeldOutCurve& c = held_out_curve(state);
  const auto at = std::lower_bound(c.steps.begin(), c.steps.end(), static_cast<double>(step));
  if (at != c.steps.end() && *at == static_cast<double>(step)) return c.test_loss[static_cast<std::size_t>(at - c.steps.begin())];
  const Trainer& t = *state.trainer;
  return score_on(*state.test_data, t.theta_at(step), t.settings_at(step == 0 ? 0 : t.summary(step).settings_index)).loss;
}

// "step 12: mean loss 0.6123, batch loss 0.7001" (step 0 has no batch).
std::string readout(const AppState& state, std::size_t step, bool batches) {
  std::string s = "step " + std::to_string(step) + ": " + loss_name(*state.trainer) + " " + loss_text(mean_loss_at(state, step));
  if (has_penalty(*state.trainer)) s += ", data loss " + loss_text(data_loss_at(state, step));
  if (const std::optional<double> batch = batch_loss_at(state, step); batches && batch)
    s += ", batch loss " + loss_text(*batch);
  if (has_test_part(state)) s += ", test loss " + loss_text(test_loss_at(state, step));
  return s;
}

// The read-out under the checkbox, coloured like the curves so that it doubles as their legend;
// each piece goes on the same line while it fits.
void show_readout(const AppState& state, std::size_t step, bool batches) {
  const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  bool first = CleanRender();   // nothing before it on its line
  auto piece = [right, &first](const std::string& text, const ImVec4* color) {
    const float gap = 0.6f * ImGui::GetFontSize();
    if (!first && ImGui::GetItemRectMax().x + gap + ImGui::CalcTextSize(text.c_str()).x <= right)
      ImGui::SameLine(0.0f, gap);
    first = false;
    if (color != nullptr) ImGui::TextColored(*color, "%s", text.c_str());
    else ImGui::TextUnformatted(text.c_str());
  };
  piece("step " + std::to_string(step) + ":", nullptr);
  const ImVec4 mean(CurrentAccents().mean_loss.x, CurrentAccents().mean_loss.y, CurrentAccents().mean_loss.z, 1.0f);
  const ImVec4 batch(CurrentAccents().batch_loss.x, CurrentAccents().batch_loss.y, CurrentAccents().batch_loss.z, 1.0f);
  const double now = mean_loss_at(state, step), before = step >= 1 ? mean_loss_at(state, step - 1) : NAN;
  piece((state.second ? "run a: " : "") + training_prefix(state) + loss_name(*state.trainer) + " " + loss_text(now), &mean);
  // What the step changed: a student stepping alone sees it without subtracting.
  if (std::isfinite(before) && std::isfinite(now)) piece("(Δ " + format_change(before, now) + ")", &mean);
  if (has_penalty(*state.trainer)) {
    const ImVec4& data = CurrentAccents().data_loss;
    piece("data loss " + loss_text(data_loss_at(state, step)), &data);
  }
  if (const std::optional<double> b = batch_loss_at(state, step); batches && b) piece("batch loss " + loss_text(*b), &batch);
  if (has_test_part(state)) {
    // The held-out part: its loss, and both parts' accuracy at θ now.
    piece(std::string(state.second ? "run a: " : "") + "test loss " + loss_text(test_loss_at(state, step)),
          &CurrentAccents().test_loss);
    if (step == state.trainer->current_step())
      piece("accuracy: training " + format_percent(accuracy_now(state)) + ", test " +
                format_percent(held_out_now(state).test_accuracy),
            nullptr);
  }
  if (state.second) {
    const std::string stopped = second_run_stop_note(state);
    piece("run b: " + (stopped.empty() ? loss_text(second_mean_loss_at(state, step)) : "(" + stopped + ")"),
          &CurrentAccents().second_run);
  }
}

// Run b's mean loss over the steps (model/compare_run.h), over run a's curves.
void plot_second_run(const AppState& state, bool few) {
  const LossCurve* b = second_loss_curve(state);
  if (b == nullptr || b->mean_loss.empty()) return;
  const char* name = "run b";   // (what b changes is in the read-out above: a long legend would cover the curves)
  plot::SetNextLineStyle(CurrentAccents().second_run, 2.5f);
  if (few) plot::SetNextMarkerStyle(plot::Marker_Square, 0.2f * ImGui::GetFontSize(), CurrentAccents().second_run);
  if (b->known_steps.empty())
    plot::PlotLine(name, b->mean_loss.data(), static_cast<int>(b->mean_loss.size()), static_cast<double>(b->stride));
  else
    plot::PlotLine(name, b->known_steps.data(), b->known_loss.data(), static_cast<int>(b->known_steps.size()));
}

bool has_mark(const std::vector<double>& marks, std::size_t step) {
  return std::binary_search(marks.begin(), marks.end(), static_cast<double>(step));
}

// Marks closer than a few pixels apart would fill the plot (batch mode starts an epoch every
// step): they are drawn only while they stay apart.
bool marks_fit(const std::vector<double>& marks) {
  if (marks.empty()) return false;
  const plot::Limits lim = plot::GetPlotLimits();
  const auto first = std::lower_bound(marks.begin(), marks.end(), lim.X.Min);
  const auto last = std::upper_bound(marks.begin(), marks.end(), lim.X.Max);
  const float spacing = 6.0f * ImGui::GetFontSize() / 17.0f;
  return static_cast<float>(last - first) * spacing <= plot::GetPlotSize().x;
}

// Whether step + 1 began an epoch (the curve's marks stop at kMostCurvePoints; the trainer knows).
bool epoch_after(const Trainer& t, std::size_t step) {
  return step >= 1 && step < t.history_size() && t.summary(step + 1).epoch != t.summary(step).epoch;
}

void draw_hover(const AppState& state, const LossCurve& c, std::size_t step, bool batches) {
  ImDrawList* dl = plot::GetPlotDrawList();
  const float r = 0.3f * ImGui::GetFontSize();
  const ImVec2 top = plot::PlotToPixels(static_cast<double>(step), 0.0);
  dl->AddLine(ImVec2(top.x, plot::GetPlotPos().y), ImVec2(top.x, plot::GetPlotPos().y + plot::GetPlotSize().y),
              ImGui::GetColorU32(ImGuiCol_Text, 0.35f));
  auto dot = [&](double y, const ImVec4& color) {
    if (!std::isfinite(y)) return;
    const ImVec2 p = plot::PlotToPixels(static_cast<double>(step), y);
    dl->AddCircleFilled(p, r, ImGui::GetColorU32(ImVec4(color.x, color.y, color.z, 1.0f)));
    dl->AddCircle(p, r, ImGui::GetColorU32(ImGuiCol_Text), 0, 1.5f);
  };
  if (const std::optional<double> b = batch_loss_at(state, step); batches && b) dot(*b, CurrentAccents().batch_loss);
  dot(mean_loss_at(state, step), CurrentAccents().mean_loss);
  if (has_penalty(*state.trainer)) dot(data_loss_at(state, step), CurrentAccents().data_loss);
  if (state.second) dot(second_mean_loss_at(state, step), CurrentAccents().second_run);
  if (has_test_part(state)) dot(test_loss_at(state, step), CurrentAccents().test_loss);
  ImGui::BeginTooltip();
  ImGui::TextUnformatted(readout(state, step, batches).c_str());
  if (state.second)
    ImGui::TextColored(CurrentAccents().second_run, "run b: %s", loss_text(second_mean_loss_at(state, step)).c_str());
  if (batches && epoch_after(*state.trainer, step)) ImGui::TextDisabled("a new epoch began with step %zu", step + 1);
  if (has_mark(c.setting_marks, step)) ImGui::TextDisabled("the settings changed after this step");
  ImGui::TextDisabled("click: go to this step");
  ImGui::EndTooltip();
}

// A loss axis that does not start at 0 makes a 0.2 % drop look like a cliff: a broken-axis mark
// at the foot of the y axis, and (above the plot, from `from`) "axis from 0.6457". Returns where
// the axis starts, NaN when at 0 or below.
double mark_zoomed_axis() {
  const plot::Limits lim = plot::GetPlotLimits();
  if (!(lim.Y.Min > 0.0) || !(lim.Y.Max > lim.Y.Min)) return NAN;
  ImDrawList* dl = plot::GetPlotDrawList();
  const ImVec2 pos = plot::GetPlotPos(), size = plot::GetPlotSize();
  const float fs = ImGui::GetFontSize();
  // Two short slanted strokes across the axis line, a little above its foot.
  const float x = pos.x, y = pos.y + size.y - 0.8f * fs, d = 0.3f * fs;
  for (float dy : {-0.15f * fs, 0.15f * fs})
    dl->AddLine(ImVec2(x - d, y + dy + 0.5f * d), ImVec2(x + d, y + dy - 0.5f * d), ImGui::GetColorU32(ImGuiCol_Text),
                std::max(1.5f, 0.1f * fs));
  return lim.Y.Min;
}

// ‖θ_k − θ*‖ over the steps, log y, the current step marked.
void plot_distance(AppState& state, const Optimum& best, const DistanceCurve& d, std::size_t current) {
  if (!plot::BeginPlot("##distance", ImVec2(-FLT_MIN, -FLT_MIN), plot::PlotFlags_NoLegend | plot::PlotFlags_NoTooltip))
    return;
  plot::SetupAxes("step", "‖θ − θ*‖", plot::AxisFlags_AutoFit, plot::AxisFlags_AutoFit | plot::AxisFlags_LogScale);
  if (static_cast<double>(d.steps) < kFixedSteps) plot::SetupAxisLimits(plot::Axis_X, -0.3, kFixedSteps + 0.3, ImGuiCond_Always);
  plot::SetupFinish();
  plot::SetNextLineStyle(CurrentAccents().data_loss, 2.0f);
  plot::PlotLine("‖θ − θ*‖", d.xs.data(), d.ys.data(), static_cast<int>(d.xs.size()));
  plot::SetNextLineStyle(current_step_color(), 1.5f);
  plot::PlotVLine("current step", static_cast<double>(current));
  if (plot::IsPlotHovered()) {
    const std::size_t step = static_cast<std::size_t>(std::clamp(std::round(plot::GetPlotMousePos().x), 0.0,
                                                                 static_cast<double>(state.trainer->history_size())));
    ImGui::BeginTooltip();
    ImGui::Text("step %zu: ‖θ − θ*‖ = %s", step,
                format_number(theta_distance(state.trainer->theta_at(step), best.theta)).c_str());
    ImGui::EndTooltip();
  }
  plot::EndPlot();
}

}  // namespace

void ShowLossPanel(AppState& state, PanelCaches& caches) {
  if (!ImGui::Begin(kLossWindow)) {
    ImGui::End();
    return;
  }
  PanelContextMenu(state, kLossWindow, "loss");
  const LossCurve& curve = loss_curve(state);
  const std::size_t current = state.trainer->current_step();
  const std::size_t last = curve.steps;
  const bool batches = !only_full_batches(*state.trainer);

  // (A picture for a slide has neither: the read-out starts the line.)
  if (!CleanRender()) {
    PanelCheckbox("log scale", &state.log_loss);
    ImGui::SameLine();
  }
  if (!CleanRender())
    HelpMarker("The mean loss over the whole data set after each step (blue), and the loss of each "
             "step's batch at θ before that step (orange): noisy when the batch is a few samples. "
             "In batch mode the batch is every sample, so only the mean loss is drawn. Grey lines: "
             "an epoch began (every sample used once more). Purple: the settings changed. White: "
             "the current step. Pink (with a test part, --test-fraction): the loss on the held-out "
             "samples the steps never see; training loss falling while it rises is overfitting. "
             "Log scale shows the late, slow progress. Wheel zooms, drag pans, "
             "double-click fits, a click goes to that step.");
  if (current <= last) show_readout(state, current, batches);
  if (std::isfinite(caches.loss_axis_from)) {
    const std::string from = "axis from " + format_number(caches.loss_axis_from);
    const float gap = 0.6f * ImGui::GetFontSize();
    if (ImGui::GetItemRectMax().x + gap + ImGui::CalcTextSize(from.c_str()).x <=
        ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x)
      ImGui::SameLine(0.0f, gap);
    ImGui::TextDisabled("%s", from.c_str());
  }

  // Two runs with different losses share the axis: it says "loss" then, the legend which is which.
  const bool other_loss = state.second && state.second->spec.settings.loss != state.settings().loss;
  const std::string y_label = other_loss ? std::string("loss") : std::string(long_name(state.settings().loss));
  // A narrow plot keeps its area for the curves: the coloured read-out above says which is which.
  plot::PlotFlags flags = plot::PlotFlags_NoTooltip | plot::PlotFlags_NoMouseText;
  if (ImGui::GetContentRegionAvail().x < 20.0f * ImGui::GetFontSize()) flags |= plot::PlotFlags_NoLegend;
  // With θ* known and room for both: ‖θ − θ*‖ per step under the loss, on a log axis (linear
  // convergence is a straight line; stochastic steps level off at their noise floor).
  const std::shared_ptr<const Optimum> best = caches.optimum.get(state);
  const float line = ImGui::GetTextLineHeightWithSpacing();
  const bool distance = best && best->status == OptimumStatus::Ok && ImGui::GetContentRegionAvail().y >= 18.0f * line;
  const float distance_h = distance ? std::floor(0.38f * ImGui::GetContentRegionAvail().y) : 0.0f;
  if (curve.mean_loss.empty() ||
      !plot::BeginPlot("##loss", ImVec2(-FLT_MIN, distance ? -distance_h : -FLT_MIN), flags)) {
    caches.loss_axis_from = NAN;
    ImGui::End();
    return;
  }
  const plot::AxisFlags y_flags = plot::AxisFlags_AutoFit | (state.log_loss ? plot::AxisFlags_LogScale : 0);
  plot::SetupAxes("step", y_label.c_str(), plot::AxisFlags_AutoFit, y_flags);
  // The first steps on a fixed 0 … 10 axis: whole-step ticks, and the curve grows into it.
  if (static_cast<double>(last) < kFixedSteps)
    plot::SetupAxisLimits(plot::Axis_X, -0.3, kFixedSteps + 0.3, ImGuiCond_Always);
  plot::SetupLegend(plot::Location_Auto);
  plot::SetupFinish();

  if (batches && marks_fit(curve.epoch_starts)) {
    plot::SetNextLineStyle(CurrentAccents().epoch_mark, 1.0f);
    plot::PlotInfLines("epoch start", curve.epoch_starts.data(), static_cast<int>(curve.epoch_starts.size()));
  }
  if (!curve.setting_marks.empty()) {
    plot::SetNextLineStyle(CurrentAccents().settings_mark, 2.0f);
    plot::PlotInfLines("settings changed", curve.setting_marks.data(), static_cast<int>(curve.setting_marks.size()));
  }
  const bool few = curve.steps <= 30;  // few points: each one marked
  const double stride = static_cast<double>(curve.stride);
  // While practice asks the next step, the curve stops at the step on show: its point after is
  // one of the answers. Point i of the mean loss is at step i·stride, of the batch loss at (i + 1)·stride.
  const bool asking = practice_asking(state);
  auto upto = [&](std::size_t size, std::size_t first_step) {
    if (!asking) return static_cast<int>(size);
    // The points i with first_step + i·stride ≤ current.
    const std::size_t n = current >= first_step ? (current - first_step) / curve.stride + 1 : 0;
    return static_cast<int>(std::min(size, n));
  };
  const int known_n = static_cast<int>(
      asking ? std::upper_bound(curve.known_steps.begin(), curve.known_steps.end(), static_cast<double>(current)) -
                   curve.known_steps.begin()
             : static_cast<std::ptrdiff_t>(curve.known_steps.size()));
  if (batches && !curve.batch_low.empty()) {
    // Point i covers steps i·stride + 1 … (i + 1)·stride: drawn at its last step. Decimated, the
    // low and the high of each point's steps, an envelope the noise fills.
    plot::SetNextLineStyle(CurrentAccents().batch_loss, 1.0f);
    if (few) plot::SetNextMarkerStyle(plot::Marker_Square, 0.2f * ImGui::GetFontSize(), CurrentAccents().batch_loss);
    plot::PlotLine("batch loss", curve.batch_high.data(), upto(curve.batch_high.size(), curve.stride), stride, stride);
    if (curve.stride > 1) {
      plot::SetNextLineStyle(CurrentAccents().batch_loss, 1.0f);
      plot::PlotLine("batch loss", curve.batch_low.data(), upto(curve.batch_low.size(), curve.stride), stride, stride);
    }
  }
  const std::string name = (state.second ? "run a: " : "") + training_prefix(state) + loss_name(*state.trainer);
  if (has_penalty(*state.trainer) && curve.known_steps.empty()) {  // the data term, under the total
    plot::SetNextLineStyle(CurrentAccents().data_loss, 2.0f);
    if (few) plot::SetNextMarkerStyle(plot::Marker_Diamond, 0.2f * ImGui::GetFontSize(), CurrentAccents().data_loss);
    plot::PlotLine("data loss", curve.data_loss.data(), upto(curve.data_loss.size(), 0), stride);
  }
  plot::SetNextLineStyle(CurrentAccents().mean_loss, 2.5f);
  if (few) plot::SetNextMarkerStyle(plot::Marker_Circle, 0.2f * ImGui::GetFontSize());
  if (curve.known_steps.empty())
    plot::PlotLine(name.c_str(), curve.mean_loss.data(), upto(curve.mean_loss.size(), 0), stride);
  else  // a fast run on big data: the steps whose loss was worked out (every 1,000th and those shown)
    plot::PlotLine(name.c_str(), curve.known_steps.data(), curve.known_loss.data(), known_n);
  if (has_test_part(state)) {   // the held-out part's loss at the same points (data term of J)
    const HeldOutCurve& test = held_out_curve(state);
    plot::SetNextLineStyle(CurrentAccents().test_loss, 2.5f);
    if (few) plot::SetNextMarkerStyle(plot::Marker_Triangle, 0.25f * ImGui::GetFontSize(), CurrentAccents().test_loss);
    plot::PlotLine(state.second ? "run a: test loss" : "test loss", test.steps.data(), test.test_loss.data(),
                   static_cast<int>(test.steps.size()));
  }
  plot_second_run(state, few);
  plot::SetNextLineStyle(current_step_color(), 1.5f);
  plot::PlotVLine("current step", static_cast<double>(current));
  caches.loss_axis_from = state.log_loss ? NAN : mark_zoomed_axis();

  if (plot::IsPlotHovered()) {
    const double x = std::round(plot::GetPlotMousePos().x);
    const std::size_t step = static_cast<std::size_t>(std::clamp(x, 0.0, static_cast<double>(last)));
    draw_hover(state, curve, step, batches);
    if (plot::IsPlotClicked() && step != current && step <= state.trainer->history_size()) seek(state, step);
  }
  plot::EndPlot();
  if (distance) plot_distance(state, *best, distance_curve(state, *best, caches.distance), current);
  ImGui::End();
}

}  // namespace ll::app
