// The loss landscape: J over two entries of θ (the others at their current values) as a heat map
// with labelled contour lines and a colour bar, the run's path over it up to the current step,
// the step's gradient (and, with momentum, velocity) arrow, and θ* where the data have one. The
// surface can be switched to the other loss (cross-entropy ↔ squared error) on the same slice.
// Hover reads J; a click starts over from θ₀ there (asking first when steps would go). The grid
// is worked out on a worker thread (model/landscape.h); the old one is drawn meanwhile.
#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <string>

#include "ll/number_format.h"
#include "ll/objective.h"
#include "model/compare_run.h"
#include "panels/accents.h"
#include "panels/landscape_parts.h"
#include "panels/panel_caches.h"
#include "panels/panels.h"
#include "panels/widgets.h"
#include "plot/plot.h"
#include "run/step_export.h"

namespace ll::app {
namespace {

constexpr std::size_t kMostPathPoints = 2000;
constexpr int kContourLevels = 7;
constexpr std::size_t kExactHoverUpTo = 100'000;   // samples: hover reads J exactly, else from the grid

void pair_combo(const char* id, const Params& theta, const Dataset& data, int& index) {
  ImGui::SetNextItemWidth(ImGui::CalcTextSize("w12[2]").x + ImGui::GetFrameHeight() + ImGui::GetStyle().FramePadding.x * 2);
  if (!ImGui::BeginCombo(id, parameter_name(theta, static_cast<std::size_t>(index), &data).c_str())) return;
  for (std::size_t k = 0; k < theta.size(); ++k)
    if (ImGui::Selectable(parameter_name(theta, k, &data).c_str(), static_cast<int>(k) == index)) index = static_cast<int>(k);
  ImGui::EndCombo();
}

const char* surface_name(const Settings& s) {
  switch (s.loss) {
    case Loss::BCE: return "cross-entropy";
    case Loss::CCE: return "cross-entropy (CCE)";
    case Loss::MSE: return "squared error";
  }
  return "";
}

void toolbar(AppState& s, AppState::LandscapeView& v, const Params& theta) {
  const Dataset& data = s.data();
  const int a = v.a, b = v.b;
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("x");
  ImGui::SameLine();
  pair_combo("##x", theta, data, v.a);
  ImGui::SameLine();
  ImGui::TextUnformatted("y");
  ImGui::SameLine();
  pair_combo("##y", theta, data, v.b);
  if (v.a != a || v.b != b) v.refit = true;
  ImGui::SameLine();
  const Settings run = s.settings(), other = other_surface(run);
  ImGui::SetNextItemWidth(ImGui::CalcTextSize("cross-entropy (CCE)").x + ImGui::GetFrameHeight() + 8.0f);
  if (ImGui::BeginCombo("##surface", surface_name(v.other_surface ? other : run))) {
    if (ImGui::Selectable(surface_name(run), !v.other_surface)) v.other_surface = false;
    if (ImGui::Selectable(surface_name(other), v.other_surface)) v.other_surface = true;
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  if (ImGui::SmallButton(v.fit_optimum ? "fit: path + θ*" : "fit: path")) {
    v.fit_optimum = !v.fit_optimum;
    v.refit = true;
  }
  ImGui::SameLine();
  HelpMarker("The mean loss J over the data as a surface over two of θ's entries, the others held at "
             "their current values: dark is low. White lines: contours, with their J. The path is θ "
             "step by step up to the current step; the arrow is the current step's −η·∇J (with momentum "
             "also −η·v, the step taken). θ* marks the best θ where one exists. Switch the surface to "
             "compare cross-entropy's bowl with squared error's plateaus. Wheel zooms, drag pans, "
             "double-click fits; hover reads J; a click starts over from θ₀ there.");
}

void arrow(ImDrawList* dl, const ImVec2& from, const ImVec2& to, ImU32 color, float weight) {
  dl->AddLine(from, to, color, weight);
  const float dx = to.x - from.x, dy = to.y - from.y, len = std::sqrt(dx * dx + dy * dy);
  if (len < 1.0f) return;
  const float head = std::min(0.6f * ImGui::GetFontSize(), 0.5f * len), ux = dx / len, uy = dy / len;
  dl->AddTriangleFilled(to, ImVec2(to.x - head * (ux - 0.5f * uy), to.y - head * (uy + 0.5f * ux)),
                        ImVec2(to.x - head * (ux + 0.5f * uy), to.y - head * (uy - 0.5f * ux)), color);
}

// The current step's −η·∇J from θ before it, and with momentum −η·v (the step it took).
void step_arrows(const AppState& s, std::size_t a, std::size_t b) {
  const StepRecord* r = shown_record(s);
  if (r == nullptr || r->status != StepStatus::Ok) return;
  ImDrawList* dl = plot::GetPlotDrawList();
  const double eta = r->settings.learning_rate;
  const auto& t = r->theta_before.values;
  const ImVec2 from = plot::PlotToPixels(t[a], t[b]);
  const float weight = std::max(2.0f, 0.12f * ImGui::GetFontSize());
  arrow(dl, from, plot::PlotToPixels(t[a] - eta * r->gradient.values[a], t[b] - eta * r->gradient.values[b]),
        IM_COL32(255, 160, 40, 255), weight);
  if (r->settings.momentum != 0.0)
    arrow(dl, from, plot::PlotToPixels(t[a] - eta * r->velocity.values[a], t[b] - eta * r->velocity.values[b]),
          IM_COL32(90, 220, 255, 255), weight);
}

// Asks for the grid of the plot's view: first over a subsample on big data, then over all of it.
const LandscapeGrid* wanted_grid(const AppState& s, LandscapeCache& cache, const Settings& surface,
                                 const Params& theta, std::size_t a, std::size_t b, const plot::Limits& view) {
  LandscapeRequest r;
  r.run = s.run_serial;
  r.data = s.data_ptr();
  r.settings = surface;
  r.theta = theta;
  r.a = a;
  r.b = b;
  r.x_min = view.X.Min;
  r.x_max = view.X.Max;
  r.y_min = view.Y.Min;
  r.y_max = view.Y.Max;
  // 128 × 128 cells while a grid costs at most ~1.5·10⁹ sample-parameter visits, fewer (16 at
  // least) for wide data, so that no grid takes more than about a second.
  const auto cells_for = [&](std::size_t samples) {
    const double per_cell = static_cast<double>(samples) * static_cast<double>(theta.size());
    return static_cast<int>(std::clamp(std::sqrt(kLandscapeBudget / per_cell), 16.0, 128.0));
  };
  const std::size_t n = s.data().rows();
  r.cells = cells_for(std::min(n, kLandscapeSampleFirst));
  // Big data: a subsample first, then all of it, unless all of it would need a coarser grid (then
  // the subsample's stays, and the panel says so).
  const bool refine = n <= kLandscapeSampleFirst || cells_for(n) >= r.cells;
  const std::string full_key = r.key();
  if (n > kLandscapeSampleFirst) r.most_samples = kLandscapeSampleFirst;
  const std::string first_key = r.key(), have = cache.grid.value_key();
  if (refine && (have == first_key || have == full_key)) r.most_samples = 0;
  cache.grid.want(r.key(), [r] { return compute_landscape(r); });
  return cache.grid.value().get();
}

void confirm_theta0(AppState& s) {
  AppState::LandscapeView& v = s.landscape;
  if (v.pending_theta0.values.empty()) return;
  if (s.trainer->history_size() == 0) {
    change_theta0(s, v.pending_theta0);
    v.pending_theta0 = Params();
    return;
  }
  ImGui::OpenPopup("Start over from here?");
  if (!ImGui::BeginPopupModal("Start over from here?", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
  ImGui::Text("Start over from θ₀ = %s?", format_params(v.pending_theta0).c_str());
  ImGui::Text("The %zu steps taken are dropped.", s.trainer->history_size());
  if (ImGui::Button("Start over")) {
    change_theta0(s, v.pending_theta0);
    v.pending_theta0 = Params();
    ImGui::CloseCurrentPopup();
  }
  ImGui::SameLine();
  if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
    v.pending_theta0 = Params();
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

}  // namespace

void ShowLandscapePanel(AppState& state, PanelCaches& caches) {
  if (!ImGui::Begin(kLandscapeWindow)) {
    ImGui::End();
    return;
  }
  PanelContextMenu(state, kLandscapeWindow, "landscape");
  AppState::LandscapeView& v = state.landscape;
  const Params theta = current_theta(state);
  std::size_t a = 0, b = 0;
  default_landscape_pair(theta, a, b);
  if (v.a < 0 || v.b < 0 || static_cast<std::size_t>(v.a) >= theta.size() || static_cast<std::size_t>(v.b) >= theta.size()) {
    v.a = static_cast<int>(a);
    v.b = static_cast<int>(b);
  }
  if (!CleanRender()) toolbar(state, v, theta);
  a = static_cast<std::size_t>(v.a);
  b = static_cast<std::size_t>(v.b);
  const Settings surface = v.other_surface ? other_surface(state.settings()) : state.settings();
  const std::shared_ptr<const Optimum> best = caches.optimum.get(state);
  const bool has_best = best && best->status == OptimumStatus::Ok;

  std::vector<double> xs, ys;
  landscape_path(*state.trainer, a, b, kMostPathPoints, xs, ys);
  std::vector<double> bx, by;   // run b's path, on a's surface (the same θ shape and coordinates)
  if (second_run_drawable(state)) landscape_path(*state.second->trainer, a, b, kMostPathPoints, bx, by);
  if (v.refit) {
    std::vector<double> fx = xs, fy = ys;
    fx.insert(fx.end(), bx.begin(), bx.end());
    fy.insert(fy.end(), by.begin(), by.end());
    if (v.fit_optimum && has_best) {
      fx.push_back(best->theta.values[a]);
      fy.push_back(best->theta.values[b]);
    }
    double scale = 0.0;
    for (double t : theta.values) scale = std::max(scale, std::fabs(t));
    const Range r = fit_range(fx, fy, std::max(1.0, 0.5 * scale));
    v.range[0] = r.x_min;
    v.range[1] = r.x_max;
    v.range[2] = r.y_min;
    v.range[3] = r.y_max;
    plot::ResetPlot("##landscape");
    v.refit = false;
  }

  // The read-out line: J now, θ*, and whether a newer grid is on its way.
  const double j_now = caches.landscape.loss_at(state, theta, surface);
  std::string line = "J now " + (std::isfinite(j_now) ? format_number(j_now) : std::string("undefined"));
  if (has_best) line += " · θ* " + format_params(best->theta);
  else if (best && best->status == OptimumStatus::Separable) line += " · no finite θ* (separable)";
  ImGui::TextUnformatted(line.c_str());
  const std::shared_ptr<const LandscapeGrid> shown = caches.landscape.grid.value();
  if (caches.landscape.grid.busy() || (shown && shown->samples < state.data().rows())) {
    ImGui::SameLine();
    const std::string note = caches.landscape.grid.busy() ? "computing…"
                             : "(over a subsample of " + format_count(shown->samples) + " samples)";
    ImGui::TextDisabled("%s", note.c_str());
  }

  if (!bx.empty()) {   // which path is b's, and that the surface is a's loss
    const bool same_surface = same_objective(state.second->trainer->settings(), surface);
    ImGui::PushStyleColor(ImGuiCol_Text, CurrentAccents().second_run);
    TextWrappedAtSpaces("run b's path: " + second_run_label(state) + (same_surface ? "" : " (the surface is run a's J)"));
    ImGui::PopStyleColor();
  }
  const float bar_w = ColourBarWidth();
  const ImVec2 size(std::max(ImGui::GetContentRegionAvail().x - bar_w - ImGui::GetStyle().ItemSpacing.x, 1.0f),
                    std::max(ImGui::GetContentRegionAvail().y, 8.0f * ImGui::GetFontSize()));
  const LandscapeGrid* grid = nullptr;
  std::vector<double> levels;   // the contours' values, for the lines and the colour bar
  if (plot::BeginPlot("##landscape", size, plot::PlotFlags_NoLegend)) {
    plot::SetupAxes(parameter_name(theta, a, &state.data()).c_str(), parameter_name(theta, b, &state.data()).c_str());
    plot::SetupAxesLimits(v.range[0], v.range[1], v.range[2], v.range[3], ImGuiCond_Once);
    plot::SetupFinish();
    // The range follows the path: a current θ that left the view (and the user did not zoom)
    // fits it again on the next frame.
    const plot::Limits view = plot::GetPlotLimits();
    if (!plot::IsPlotZoomed() && !(xs.back() >= view.X.Min && xs.back() <= view.X.Max && ys.back() >= view.Y.Min &&
                                   ys.back() <= view.Y.Max))
      v.refit = true;
    grid = wanted_grid(state, caches.landscape, surface, theta, a, b, plot::GetPlotLimits());
    if (grid != nullptr) {
      levels = contour_levels(*grid, kContourLevels);
      PlotLandscapeImage(caches.landscape_image, *grid);
      PlotContours(*grid, levels);
    }
    plot::SetNextLineStyle(ImVec4(1, 1, 1, 0.9f), std::max(1.5f, 0.1f * ImGui::GetFontSize()));
    if (xs.size() <= 60) plot::SetNextMarkerStyle(plot::Marker_Circle, 0.2f * ImGui::GetFontSize(), ImVec4(1, 1, 1, 1));
    plot::PlotLine("path", xs.data(), ys.data(), static_cast<int>(xs.size()));
    if (!bx.empty()) {
      const ImVec4& col = CurrentAccents().second_run;
      plot::SetNextLineStyle(col, std::max(1.5f, 0.1f * ImGui::GetFontSize()));
      if (bx.size() <= 60) plot::SetNextMarkerStyle(plot::Marker_Square, 0.2f * ImGui::GetFontSize(), col);
      plot::PlotLine("run b", bx.data(), by.data(), static_cast<int>(bx.size()));
      plot::GetPlotDrawList()->AddCircle(plot::PlotToPixels(bx.back(), by.back()), 0.5f * ImGui::GetFontSize(),
                                         ImGui::GetColorU32(col), 0, 2.5f);
    }
    step_arrows(state, a, b);
    ImDrawList* dl = plot::GetPlotDrawList();
    const ImVec2 now = plot::PlotToPixels(xs.back(), ys.back());
    dl->AddCircle(now, 0.5f * ImGui::GetFontSize(), IM_COL32(255, 255, 255, 255), 0, 2.5f);
    if (has_best) {
      const ImVec2 p = plot::PlotToPixels(best->theta.values[a], best->theta.values[b]);
      const float r = 0.45f * ImGui::GetFontSize();
      dl->AddLine(ImVec2(p.x - r, p.y - r), ImVec2(p.x + r, p.y + r), IM_COL32(255, 80, 80, 255), 3.0f);
      dl->AddLine(ImVec2(p.x - r, p.y + r), ImVec2(p.x + r, p.y - r), IM_COL32(255, 80, 80, 255), 3.0f);
      dl->AddText(ImVec2(p.x + r, p.y - 2.0f * r), IM_COL32(255, 255, 255, 255), "θ*");
    }
    if (plot::IsPlotHovered()) {
      const plot::Point m = plot::GetPlotMousePos();
      Params at = theta;
      at.values[a] = m.x;
      at.values[b] = m.y;
      const double j = state.data().rows() <= kExactHoverUpTo ? objective_at(state.data(), at, surface, false).loss
                       : grid != nullptr                        ? grid->at(m.x, m.y)
                                                                : NAN;
      ImGui::BeginTooltip();
      ImGui::Text("%s = %s, %s = %s", parameter_name(theta, a, &state.data()).c_str(), format_number(m.x).c_str(),
                  parameter_name(theta, b, &state.data()).c_str(), format_number(m.y).c_str());
      ImGui::Text("J = %s", std::isfinite(j) ? format_number(j).c_str() : "undefined (ŷ ≤ 0 for a sample)");
      ImGui::TextDisabled("click: start over from θ₀ here");
      ImGui::EndTooltip();
      if (plot::IsPlotClicked()) v.pending_theta0 = at;
    }
    plot::EndPlot();
  }
  if (grid != nullptr) {
    ImGui::SameLine();
    DrawColourBar(*grid, levels, size.y);
  }
  confirm_theta0(state);
  ImGui::End();
}

}  // namespace ll::app
