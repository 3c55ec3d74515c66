#pragma once
// Shared by plot.cpp (the frame: layout, input, axes, legend) and plot_items.cpp (what is drawn
// inside it). Not for the panels: they use plot.h.
#ifndef IMGUI_DEFINE_MATH_OPERATORS
#define IMGUI_DEFINE_MATH_OPERATORS
#endif
#include <imgui.h>
#include <imgui_internal.h>

#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "plot/plot.h"
#include "plot/plot_math.h"

namespace ll::plot::detail {

enum class Icon { Line, Marker, Ring, Fill };

struct Item {
  ImGuiID Id = 0;
  std::string Label;  // the part before "##"; empty: not in the legend
  ImU32 Color = 0;
  Icon Kind = Icon::Line;
  Marker Mark = Marker_None;
  bool Hidden = false;
};

struct NextStyle {
  ImVec4 LineColor = AutoColor;
  float LineWeight = -1.0f;
  Marker Mark = Marker_None;
  float MarkerSize = -1.0f;
  ImVec4 MarkerFill = AutoColor;
  float MarkerWeight = -1.0f;
  ImVec4 MarkerOutline = AutoColor;
};

struct AxisSetup {
  std::string Label;
  AxisFlags Flags = 0;
  bool HasLimits = false;
  Range Limits;
  ImGuiCond Cond = ImGuiCond_Once;
};

enum class Region { Plot, XAxis, YAxis, None };

// What survives between frames, one per plot id.
struct PlotState {
  Range X{0.0, 1.0};
  Range Y{0.0, 1.0};
  bool Initialized = false;  // false on the first frame and after ResetPlot
  bool UserView = false;     // zoomed or panned by the user since the last fit
  AxisScale Scale[2] = {AxisScale::Linear, AxisScale::Linear};  // last frame's, to refit on change
  bool Dragged = false;  // the current left press has moved: it is a pan, not a click
  Region PressRegion = Region::None;
  bool PressOnLegend = false;
  std::vector<ImGuiID> Hidden;
  std::vector<std::pair<ImGuiID, ImRect>> LegendEntries;  // last frame's, for clicks
  ImRect LegendRect;
  Location AutoCorner = Location_NorthEast;  // where Location_Auto put the legend last
};

// The nearest point under the mouse over all items so far, for the tooltip.
struct Hover {
  bool Found = false;
  float Dist2 = 0.0f;
  int Item = -1;
  std::size_t Index = 0;
  double X = 0.0, Y = 0.0;
  float Radius = 0.0f;
};

// The plot being built, between BeginPlot and EndPlot (its vectors are reused every frame).
struct Plot {
  ImGuiID Id = 0;
  PlotState* State = nullptr;
  PlotFlags Flags = 0;
  std::string Title;
  AxisSetup Setup[2];
  Location LegendLocation = Location_Auto;
  ImRect Corners[4];       // where the legend would sit in each corner (last frame's size)
  int CornerHits[4] = {};  // points drawn under each
  bool SetupLocked = false;
  ImRect Frame, Area;  // the whole widget; the plot area inside the axes
  Axis X, Y;
  std::vector<Tick> XTicks, YTicks;
  bool FitThisFrame[2] = {false, false};
  Extent Fit[2];
  bool FitRequested = false;                                // SetNextAxesToFit
  bool Pressed = false, Active = false, Activated = false;  // the frame's InvisibleButton
  bool FrameHovered = false, Hovered = false, Clicked = false;
  std::vector<Item> Items;
  int ColorCounter = 0;
  Hover Best;
  int LastHovered = -1, LastClicked = -1;
  ImDrawList* DrawList = nullptr;
};

struct Context {
  std::unordered_map<ImGuiID, PlotState> States;
  Plot Current;
  bool InPlot = false;
  bool NextFit = false;
  NextStyle Next;
  std::vector<ImVec2> Points;        // scratch for polylines
  std::vector<std::size_t> Indices;  // scratch for decimation
};

Context& Ctx();
Plot& Current();  // asserts between BeginPlot and EndPlot; finishes the setup

// A pixel as ImGui wants it: float, clamped far outside the plot so floats stay exact enough.
ImVec2 ToPixels(const Plot& p, double x, double y);
inline bool IsFinite(const ImVec2& v) { return v.x == v.x && v.y == v.y; }
// Sizes in pixels, scaled with the font (13 px is ImGui's default font size).
float Px(float at_13px_font);

// plot_frame.cpp: what surrounds the items. Layout also picks the ticks.
void Layout(Plot& p);
void DrawGrid(const Plot& p);
void DrawAxes(const Plot& p);
void DrawLegend(Plot& p);
ImRect LegendRectAt(const Plot& p, Location corner, const ImVec2& size);
// Counts a drawn point against the legend's candidate corners (for Location_Auto); a segment
// (a, b] counts as points every half font size along it, so long sparse segments count too.
inline void CountForLegend(Plot& p, const ImVec2& q) {
  if (p.LegendLocation != Location_Auto) return;
  for (int c = 0; c < 4; ++c) p.CornerHits[c] += p.Corners[c].Contains(q) ? 1 : 0;
}
void CountSegmentForLegend(Plot& p, const ImVec2& a, const ImVec2& b);
void ShowHover(const Plot& p);
void ShowMouseText(const Plot& p);

// plot_items.cpp: shared by the items.
NextStyle TakeNextStyle();                         // and clears it for the item after
ImU32 ColorOr(const ImVec4& col, ImU32 fallback);  // fallback when col is AutoColor
float DefaultLineWeight();
void FitPoint(Plot& p, double x, double y);
// Registers an item for the legend and picking; nullptr when the user has hidden it.
Item* RegisterItem(const char* label_id, Icon kind, Marker mark, ImU32 auto_color);
// Records the last item's hovered/clicked point and competes for the tooltip.
void PickLastItem(Plot& p, const Series& s, int item, float pick_radius, float marker_radius);
void DrawMarker(ImDrawList* dl, const ImVec2& c, Marker m, float r, ImU32 fill, ImU32 outline,
                float weight);

}  // namespace ll::plot::detail
