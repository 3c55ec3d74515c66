// Editing the points in the data plot (panels/point_editing.h).
#include "panels/point_editing.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "ll/chain.h"
#include "ll/data_edit.h"
#include "ll/number_format.h"
#include "panels/widgets.h"

namespace ll::app {
namespace {

constexpr const char* kSampleMenu = "##sample menu";

// The data set with sample i where the drag has it: the one-sample set its live chain is worked
// out on (the features the plot does not show keep their values).
Dataset dragged_sample(const AppState& s) {
  const Dataset& d = s.data();
  const auto i = static_cast<std::size_t>(s.edits.dragged);
  Dataset one;
  one.name = d.name;
  one.feature_names = d.feature_names;
  one.class_names = d.class_names;
  one.columns.assign(d.features(), {});
  for (std::size_t j = 0; j < d.features(); ++j)
    one.columns[j].push_back(j == 0 ? s.edits.drag_to[0] : j == 1 ? s.edits.drag_to[1] : d.x(i, j));
  one.labels = {d.labels[i]};
  return one;
}

// The mouse's place in the plot, on each axis's grid.
plot::Point on_grid(const Dataset& d, const plot::Point& at, bool one_feature) {
  const plot::Limits view = plot::GetPlotLimits();
  plot::Point p = at;
  p.x = snap_to_grid(at.x, d.columns[0], view.X.Max - view.X.Min);
  if (!one_feature && d.features() > 1) p.y = snap_to_grid(at.y, d.columns[1], view.Y.Max - view.Y.Min);
  return p;
}

}  // namespace

plot::PlotFlags BeginPointEdits(AppState& s, PointEditing& edit) {
  DataEdits& e = s.edits;
  if (e.dragged >= 0 && !ImGui::IsMouseDown(ImGuiMouseButton_Left)) {   // let go
    const int i = e.dragged;
    e.dragged = -1;
    if (edit.moved) move_sample(s, static_cast<std::size_t>(i), e.drag_to[0], e.drag_to[1]);
    edit.moved = false;
  }
  if (e.dragged < 0 && edit.last_hovered >= 0 && ImGui::IsMouseClicked(ImGuiMouseButton_Left) &&
      !ImGui::GetIO().KeyShift && edit_refusal(s).empty() &&
      static_cast<std::size_t>(edit.last_hovered) < s.data().rows()) {
    e.dragged = edit.last_hovered;
    edit.moved = false;
    const Dataset& d = s.data();
    e.drag_to[0] = d.x(static_cast<std::size_t>(e.dragged), 0);
    e.drag_to[1] = d.features() > 1 ? d.x(static_cast<std::size_t>(e.dragged), 1) : 0.0;
  }
  return e.dragged >= 0 ? plot::PlotFlags_NoPan : plot::PlotFlags_None;
}

void PlotPointEdits(AppState& s, PointEditing& edit, const std::vector<ClassSeries>& classes, const PointHit& hit,
                    bool one_feature) {
  DataEdits& e = s.edits;
  edit.last_hovered = hit.hovered;
  const plot::Point mouse = on_grid(s.data(), plot::GetPlotMousePos(), one_feature);
  // Where the plot is and what it shows (LOGISTIC_LAB_TRACE_STEPS prints it for the GUI tests).
  const plot::Limits view = plot::GetPlotLimits();
  const ImVec2 at = plot::GetPlotPos(), size = plot::GetPlotSize();
  s.data_plot = {at.x, at.y, at.x + size.x, at.y + size.y, view.X.Min, view.X.Max, view.Y.Min, view.Y.Max};
  if (e.dragged >= 0) {
    const auto i = static_cast<std::size_t>(e.dragged);
    double x = 0.0, y = 0.0;
    if (!FindSample(classes, i, x, y)) return;
    if (ImGui::IsMouseDragging(ImGuiMouseButton_Left)) edit.moved = true;
    if (!edit.moved) return;
    if (!s.slide) {   // (a saved PNG lays the window out as a slide for a frame: the mouse is elsewhere there)
      e.drag_to[0] = mouse.x;
      if (!one_feature) e.drag_to[1] = mouse.y;
    }
    const double to_y = one_feature ? y : e.drag_to[1];
    ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    const int k = s.data().labels[i];
    plot::SetNextLineStyle(plot::ClassColor(k, 0.8f), std::max(1.5f, 0.12f * ImGui::GetFontSize()));
    plot::PlotSegment("##dragged from", x, y, e.drag_to[0], to_y);
    plot::SetNextMarkerStyle(plot::ClassMarker(k), 0.3f * ImGui::GetFontSize(), plot::ClassColor(k),
                             std::max(1.5f, 0.1f * ImGui::GetFontSize()), ImGui::GetStyleColorVec4(ImGuiCol_Text));
    plot::PlotScatter("##dragged", &e.drag_to[0], &to_y, 1);
    return;
  }
  // Shift-click on empty space: a new sample of the chosen class.
  if (plot::IsPlotClicked() && ImGui::GetIO().KeyShift && hit.hovered < 0) {
    const int k = std::clamp(e.add_class, 0, static_cast<int>(s.data().classes()) - 1);
    add_sample(s, mouse.x, one_feature ? 0.0 : mouse.y, k);
  }
}

void EndPointEdits(AppState& s, PointEditing& edit, const PointHit& hit) {
  if (hit.hovered >= 0 && ImGui::IsMouseReleased(ImGuiMouseButton_Right)) {
    edit.menu_sample = hit.hovered;
    ImGui::OpenPopup(kSampleMenu);
  }
  const int menu_sample = edit.menu_sample;
  if (!ImGui::BeginPopup(kSampleMenu)) return;
  const Dataset& d = s.data();
  if (menu_sample < 0 || static_cast<std::size_t>(menu_sample) >= d.rows()) {
    ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return;
  }
  const auto i = static_cast<std::size_t>(menu_sample);
  ImGui::TextDisabled("Sample %zu · %s", i + 1, ClassLabel(d, d.labels[i]).c_str());
  ImGui::Separator();
  const std::string refusal = edit_refusal(s);
  ImGui::BeginDisabled(!refusal.empty());
  if (ImGui::MenuItem("Delete this sample")) delete_sample(s, i);
  for (std::size_t k = 0; k < d.classes(); ++k)
    if (static_cast<int>(k) != d.labels[i] &&
        ImGui::MenuItem(("Put it in class " + ClassLabel(d, static_cast<int>(k))).c_str()))
      relabel_sample(s, i, static_cast<int>(k));
  ImGui::EndDisabled();
  if (!refusal.empty()) ImGui::TextDisabled("%s", refusal.c_str());
  ImGui::TextDisabled("Drag a sample to move it; Shift-click to add one; Ctrl+Z undoes.");
  ImGui::EndPopup();
}

Dataset DataWithDraggedSample(const AppState& s) {
  if (s.edits.dragged < 0 || static_cast<std::size_t>(s.edits.dragged) >= s.data().rows()) return Dataset{};
  return with_point_moved(s.data(), static_cast<std::size_t>(s.edits.dragged), s.edits.drag_to[0], s.edits.drag_to[1]);
}

void ShowDragPreview(const AppState& s) {
  if (s.edits.dragged < 0 || static_cast<std::size_t>(s.edits.dragged) >= s.data().rows()) return;
  const Dataset one = dragged_sample(s);
  const Settings& settings = s.settings();
  const Params theta = s.trainer->theta();
  const SampleChain c = sample_chain(one, 0, theta, settings);
  // Its term in the next step's gradient: ∂L/∂z ⊗ x, over m for the mean (the slides' 1/m Σ).
  Params term(theta.rows, theta.cols);
  add_sample_gradient(c, term);
  const double m = static_cast<double>(batch_size_of(settings, s.data()));
  if (settings.reduction == Reduction::Mean)
    for (double& v : term.values) v /= m;
  std::vector<double> shown_x(c.x.begin() + 1, c.x.end());
  // One value for a binary model, the K-vector for softmax.
  auto values = [](const std::vector<double>& v) { return v.size() == 1 ? format_number(v[0]) : format_vector(v); };
  ImGui::PushStyleColor(ImGuiCol_Text, plot::ClassColor(one.labels[0]));
  TextWrappedAtSpaces("Dragging sample " + std::to_string(s.edits.dragged + 1) + " to x = " + format_vector(shown_x) +
                      ": z = " + values(c.z) + " · ŷ = " + values(c.y_hat) +
                      (c.defined ? " · L = " + format_number(c.loss) + " · ∂L/∂z = " + values(c.dL_dz)
                                 : std::string(" · L undefined here (ŷ ≤ 0)")));
  ImGui::PopStyleColor();
  if (c.defined)
    TextWrappedAtSpaces(std::string("its term in the next step's gradient") +
                        (settings.reduction == Reduction::Mean ? ", (1/m)·∂L/∂z·x with m = " + format_count(static_cast<std::size_t>(m))
                                                               : ", ∂L/∂z·x") +
                        ": " + format_params(term) + " (let go to move it; the run starts over)");
  ImGui::Separator();
}

}  // namespace ll::app
