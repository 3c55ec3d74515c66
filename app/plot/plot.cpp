// A plot's life over one frame: per-plot state, BeginPlot and setup, mouse input, EndPlot and
// its fit, queries. What surrounds the items (layout, axes, legend, tooltip) is drawn by
// plot_frame.cpp, the items by plot_items.cpp; the math is in plot_math.cpp.
//
// Index
// [SECTION] Context
// [SECTION] Begin and setup
// [SECTION] Input
// [SECTION] End
// [SECTION] Queries
#include <algorithm>
#include <cmath>
#include <string>

#include "plot/plot_internal.h"

namespace ll::plot {
using namespace detail;

// [SECTION] Context -------------------------------------------------------------------------------

namespace detail {

namespace {
Context g_context;  // all plot state: one map of plots by id, and the plot being built
}  // namespace

Context& Ctx() { return g_context; }

Plot& Current() {
  IM_ASSERT(g_context.InPlot && "call between BeginPlot() and EndPlot()");
  if (!g_context.Current.SetupLocked) SetupFinish();
  return g_context.Current;
}

float Px(float at_13px_font) { return at_13px_font * ImGui::GetFontSize() / 13.0f; }

ImVec2 ToPixels(const Plot& p, double x, double y) {
  // ±1e6 px is far outside any plot, and keeps float pixels (and ImGui's AA math) exact enough.
  const double px = p.X.ToPixel(x), py = p.Y.ToPixel(y);
  return {static_cast<float>(std::clamp(px, -1e6, 1e6)),
          static_cast<float>(std::clamp(py, -1e6, 1e6))};  // NaN stays NaN
}

}  // namespace detail

namespace {

Plot& Building() {
  IM_ASSERT(Ctx().InPlot && !Ctx().Current.SetupLocked && "Setup*() go before the first item");
  return Ctx().Current;
}

bool AxisFixed(const AxisSetup& a) { return a.HasLimits && a.Cond == ImGuiCond_Always; }
bool AxisMovable(const AxisSetup& a) { return !AxisFixed(a) && !(a.Flags & AxisFlags_Lock); }

}  // namespace

// [SECTION] Begin and setup -----------------------------------------------------------------------

bool BeginPlot(const char* title_id, const ImVec2& size, PlotFlags flags) {
  Context& ctx = Ctx();
  IM_ASSERT(!ctx.InPlot && "EndPlot() was not called");
  const bool fit = ctx.NextFit;
  ctx.NextFit = false;
  if (ImGui::GetCurrentWindowRead()->SkipItems) {
    ctx.Next = NextStyle{};
    return false;
  }
  const float fs = ImGui::GetFontSize();
  const ImVec2 frame_size = ImGui::CalcItemSize(size, 25.0f * fs, 18.0f * fs);
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const ImGuiID id = ImGui::GetID(title_id);
  Plot& p = ctx.Current;
  p.Pressed = ImGui::InvisibleButton(title_id, frame_size);  // claims the area for the mouse
  p.Active = ImGui::IsItemActive();
  p.Activated = ImGui::IsItemActivated();
  p.FrameHovered = ImGui::IsItemHovered();
  if (!ImGui::IsItemVisible()) {  // scrolled out of view
    ctx.Next = NextStyle{};
    return false;
  }
  if (p.FrameHovered && !(flags & PlotFlags_NoInputs)) ImGui::SetItemUsingMouseWheel();

  ctx.InPlot = true;
  p.Id = id;
  p.State = &ctx.States[id];  // unordered_map: references survive later insertions
  p.Flags = flags;
  p.Title.assign(title_id, ImGui::FindRenderedTextEnd(title_id));
  if (flags & PlotFlags_NoTitle) p.Title.clear();
  for (AxisSetup& a : p.Setup) {
    a.Label.clear();
    a.Flags = 0;
    a.HasLimits = false;
  }
  p.LegendLocation = Location_Auto;
  p.SetupLocked = false;
  p.Frame = ImRect(pos, pos + frame_size);
  p.FitRequested = fit;
  p.FitThisFrame[0] = p.FitThisFrame[1] = false;
  p.Fit[0] = p.Fit[1] = Extent{};
  p.Hovered = p.Clicked = false;
  p.Items.clear();
  p.ColorCounter = 0;
  p.Best = Hover{};
  p.LastHovered = p.LastClicked = -1;
  p.DrawList = ImGui::GetWindowDrawList();
  return true;
}

void SetupAxis(PlotAxis axis, const char* label, AxisFlags flags) {
  AxisSetup& a = Building().Setup[axis];
  a.Label.assign(label != nullptr ? label : "");
  a.Flags = flags;
}

void SetupAxes(const char* x_label, const char* y_label, AxisFlags x_flags, AxisFlags y_flags) {
  SetupAxis(Axis_X, x_label, x_flags);
  SetupAxis(Axis_Y, y_label, y_flags);
}

void SetupAxisLimits(PlotAxis axis, double min, double max, ImGuiCond cond) {
  AxisSetup& a = Building().Setup[axis];
  a.HasLimits = true;
  a.Limits = {min, max};
  a.Cond = cond == ImGuiCond_Always ? ImGuiCond_Always : ImGuiCond_Once;
}

void SetupAxesLimits(double x_min, double x_max, double y_min, double y_max, ImGuiCond cond) {
  SetupAxisLimits(Axis_X, x_min, x_max, cond);
  SetupAxisLimits(Axis_Y, y_min, y_max, cond);
}

void SetupLegend(Location location) { Building().LegendLocation = location; }

void SetNextAxesToFit() { Ctx().NextFit = true; }

void ResetPlot(const char* title_id) {
  const auto it = Ctx().States.find(ImGui::GetID(title_id));
  if (it != Ctx().States.end()) it->second = PlotState{};  // assigned, so pointers stay valid
}

void ResetAllPlots() {
  for (auto& [id, state] : Ctx().States) state = PlotState{};
}

// [SECTION] Input ---------------------------------------------------------------------------------

namespace {

Region RegionAt(const Plot& p, const ImVec2& m) {
  if (!p.FrameHovered) return Region::None;
  if (p.Area.Contains(m)) return Region::Plot;
  if (m.x >= p.Area.Min.x && m.x <= p.Area.Max.x && m.y >= p.Area.Max.y) return Region::XAxis;
  if (m.y >= p.Area.Min.y && m.y <= p.Area.Max.y && m.x <= p.Area.Min.x) return Region::YAxis;
  return Region::None;
}

// Wheel zooms about the pointer, left-drag pans, double-click fits; over an axis, only that axis.
void HandleInput(Plot& p) {
  PlotState& s = *p.State;
  const ImGuiIO& io = ImGui::GetIO();
  const Region region = RegionAt(p, io.MousePos);
  p.Hovered = region == Region::Plot;
  const bool movable[2] = {AxisMovable(p.Setup[Axis_X]), AxisMovable(p.Setup[Axis_Y])};
  Axis* axes[2] = {&p.X, &p.Y};
  const float mouse[2] = {io.MousePos.x, io.MousePos.y};
  const float delta[2] = {io.MouseDelta.x, io.MouseDelta.y};
  const auto uses = [](Region r, int a) {
    return r == Region::Plot || r == (a == 0 ? Region::XAxis : Region::YAxis);
  };

  if (p.Activated) {
    s.PressRegion = region;
    s.Dragged = false;
    s.PressOnLegend = s.LegendRect.Contains(io.MousePos);
    for (const auto& [id, rect] : s.LegendEntries) {
      if (!rect.Contains(io.MousePos)) continue;
      const auto it = std::find(s.Hidden.begin(), s.Hidden.end(), id);
      if (it == s.Hidden.end())
        s.Hidden.push_back(id);
      else
        s.Hidden.erase(it);
    }
  }
  if (p.Active && !s.PressOnLegend && ImGui::IsMouseDragging(ImGuiMouseButton_Left)) {
    s.Dragged = true;   // (a drag is never a click, panning or not)
    const bool pan = !(p.Flags & PlotFlags_NoPan);
    if (pan) ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeAll);
    for (int a = 0; a < 2 && pan; ++a) {
      if (movable[a] && uses(s.PressRegion, a) && delta[a] != 0.0f && PanAxis(*axes[a], delta[a])) {
        s.UserView = true;
        p.FitThisFrame[a] = false;
      }
    }
  }
  if (region != Region::None && io.MouseWheel != 0.0f) {
    const double factor = std::pow(1.2, -static_cast<double>(io.MouseWheel));  // up: zoom in
    for (int a = 0; a < 2; ++a) {
      if (movable[a] && uses(region, a) && ZoomAxis(*axes[a], mouse[a], factor)) {
        s.UserView = true;
        p.FitThisFrame[a] = false;
      }
    }
  }
  if (region != Region::None && !s.LegendRect.Contains(io.MousePos) &&
      ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
    for (int a = 0; a < 2; ++a) p.FitThisFrame[a] |= !AxisFixed(p.Setup[a]) && uses(region, a);
    s.UserView = false;
  }
  p.Clicked =
      p.Pressed && !s.Dragged && !s.PressOnLegend && s.PressRegion == Region::Plot && p.Hovered;
}

}  // namespace

void SetupFinish() {
  Plot& p = Building();
  PlotState& s = *p.State;
  p.SetupLocked = true;
  // Limits: Always every frame; Once on the first frame (and after a reset); else as the user
  // left them. Fitting happens at EndPlot, from the extents the items report.
  Range* kept[2] = {&s.X, &s.Y};
  Axis* axes[2] = {&p.X, &p.Y};
  for (int a = 0; a < 2; ++a) {
    const AxisSetup& setup = p.Setup[a];
    if (AxisFixed(setup) || (setup.HasLimits && !s.Initialized)) *kept[a] = setup.Limits;
    const AxisScale scale =
        (setup.Flags & AxisFlags_LogScale) ? AxisScale::Log10 : AxisScale::Linear;
    const bool auto_fit = (setup.Flags & AxisFlags_AutoFit) && !s.UserView;
    const bool first = !s.Initialized && !setup.HasLimits;
    const bool rescaled = s.Initialized && scale != s.Scale[a];  // e.g. log y switched on
    p.FitThisFrame[a] = !AxisFixed(setup) && (p.FitRequested || first || auto_fit || rescaled);
    s.Scale[a] = scale;
    axes[a]->Scale = scale;
    axes[a]->SetRange(kept[a]->Min, kept[a]->Max);
  }
  if (p.FitRequested) s.UserView = false;
  s.Initialized = true;
  Layout(p);
  if (!(p.Flags & PlotFlags_NoInputs)) {
    HandleInput(p);
    Layout(p);  // the limits may have moved: new ticks, maybe a new label width
  }
  for (int c = 0; c < 4; ++c) {
    p.Corners[c] = LegendRectAt(p, static_cast<Location>(c), s.LegendRect.GetSize());
    p.CornerHits[c] = 0;
  }
  DrawGrid(p);
  p.DrawList->PushClipRect(p.Area.Min, p.Area.Max, true);
}

// [SECTION] End -----------------------------------------------------------------------------------

void EndPlot() {
  Context& ctx = Ctx();
  Plot& p = Current();
  PlotState& s = *p.State;
  ShowHover(p);
  p.DrawList->PopClipRect();
  DrawAxes(p);
  DrawLegend(p);
  ShowMouseText(p);
  Axis* axes[2] = {&p.X, &p.Y};
  for (int a = 0; a < 2; ++a) {
    if (!p.FitThisFrame[a] || p.Fit[a].Empty) continue;
    const Range r = FitRange(p.Fit[a], axes[a]->Scale);
    axes[a]->SetRange(r.Min, r.Max);
  }
  s.X = {p.X.Min, p.X.Max};
  s.Y = {p.Y.Min, p.Y.Max};
  ctx.InPlot = false;
  ctx.Next = NextStyle{};
}

// [SECTION] Queries -------------------------------------------------------------------------------

int GetLastItemHoveredIndex() { return Current().LastHovered; }
int GetLastItemClickedIndex() { return Current().LastClicked; }
bool IsPlotHovered() { return Current().Hovered; }
bool IsPlotClicked() { return Current().Clicked; }
bool IsPlotZoomed() { return Current().State->UserView; }

Point GetPlotMousePos() {
  const Plot& p = Current();
  const ImVec2 m = ImGui::GetIO().MousePos;
  return {p.X.FromPixel(m.x), p.Y.FromPixel(m.y)};
}

Limits GetPlotLimits() {
  const Plot& p = Current();
  return {{p.X.Min, p.X.Max}, {p.Y.Min, p.Y.Max}};
}

ImVec2 PlotToPixels(double x, double y) { return ToPixels(Current(), x, y); }
Point PixelsToPlot(const ImVec2& pixel) {
  const Plot& p = Current();
  return {p.X.FromPixel(pixel.x), p.Y.FromPixel(pixel.y)};
}
ImVec2 GetPlotPos() { return Current().Area.Min; }
ImVec2 GetPlotSize() { return Current().Area.GetSize(); }
ImDrawList* GetPlotDrawList() { return Current().DrawList; }

}  // namespace ll::plot
