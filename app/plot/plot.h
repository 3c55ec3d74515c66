#pragma once
// The app's small plot layer, shaped like ImPlot (which Debian does not package):
//
//   if (plot::BeginPlot("Loss")) {
//     plot::SetupAxes("step", "loss", 0, plot::AxisFlags_LogScale | plot::AxisFlags_AutoFit);
//     plot::PlotLine("batch", losses.data(), n);
//     plot::EndPlot();
//   }
//
// Callers speak data coordinates; pixels stay inside. Mouse: wheel zooms about the pointer (over
// an axis: that axis only), left-drag pans, double-click fits to the data, a click on a legend
// entry hides the series, hovering a point shows its values. Limits and zoom persist per plot id
// (the title's ImGui ID) between frames. Colours come from the current ImGui style.
#include <imgui.h>

#include <string>

#include "plot/plot_math.h"

namespace ll::plot {

enum PlotFlags_ : int {
  PlotFlags_None = 0,
  PlotFlags_NoTitle = 1 << 0,  // the title is otherwise shown unless it starts with "##"
  PlotFlags_NoLegend = 1 << 1,
  PlotFlags_NoInputs = 1 << 2,     // no zoom, pan, fit, picking or tooltip
  PlotFlags_NoTooltip = 1 << 3,    // no hover tooltip (picking still works: show your own)
  PlotFlags_NoMouseText = 1 << 4,  // no "x, y" readout of the pointer in the corner
  PlotFlags_NoPan = 1 << 5,        // a left drag does not pan (the caller drags a point instead)
};
using PlotFlags = int;

enum AxisFlags_ : int {
  AxisFlags_None = 0,
  AxisFlags_LogScale = 1 << 0,  // log10 axis; values ≤ 0 are not drawn
  AxisFlags_NoGridLines = 1 << 1,
  AxisFlags_NoTickLabels = 1 << 2,
  AxisFlags_Lock = 1 << 3,     // the user cannot zoom or pan this axis
  AxisFlags_AutoFit = 1 << 4,  // fit to the data every frame, until the user zooms or pans
};
using AxisFlags = int;

enum PlotAxis : int { Axis_X = 0, Axis_Y = 1 };

// Marker shapes: classes differ by shape, not only by colour.
enum Marker : int {
  Marker_None = -1,
  Marker_Circle = 0,
  Marker_Square,
  Marker_Triangle,
  Marker_Diamond,
  Marker_Cross,
  Marker_COUNT
};

enum Location : int {
  Location_NorthWest,
  Location_NorthEast,
  Location_SouthWest,
  Location_SouthEast,
  Location_Auto  // the corner covering the fewest points (it moves only to halve them)
};

// "Use the automatic value" for a colour argument (alpha −1), as IMPLOT_AUTO_COL.
inline const ImVec4 AutoColor{0.0f, 0.0f, 0.0f, -1.0f};

struct Limits {
  Range X;
  Range Y;
};

// ---- Plot ------------------------------------------------------------------------------------

// Starts a plot of `size` (≤ 0: the available width/height plus that amount; 0 height: a
// font-scaled default). Returns false when the window is collapsed; call EndPlot only on true.
bool BeginPlot(const char* title_id, const ImVec2& size = ImVec2(-1, 0), PlotFlags flags = 0);
void EndPlot();

// Setup: between BeginPlot and the first item.
void SetupAxis(PlotAxis axis, const char* label, AxisFlags flags = 0);
void SetupAxes(const char* x_label, const char* y_label, AxisFlags x_flags = 0,
               AxisFlags y_flags = 0);
// ImGuiCond_Once: the first frame and after ResetPlot (the user may zoom away);
// ImGuiCond_Always: every frame (the axis cannot be zoomed, panned or fitted).
void SetupAxisLimits(PlotAxis axis, double min, double max, ImGuiCond cond = ImGuiCond_Once);
void SetupAxesLimits(double x_min, double x_max, double y_min, double y_max,
                     ImGuiCond cond = ImGuiCond_Once);
void SetupLegend(Location location);  // default: Location_Auto
// Ends the setup: lays out, handles the mouse. Called by the first item or EndPlot if not before.
void SetupFinish();

// Before BeginPlot: fit the next plot to its data (it shows on the following frame).
void SetNextAxesToFit();
// Forgets a plot's limits, zoom and hidden series: the next frame applies its ImGuiCond_Once
// limits or fits to the data. Call from the same ImGui ID scope as its BeginPlot.
void ResetPlot(const char* title_id);
void ResetAllPlots();

// ---- Style of the next item ------------------------------------------------------------------

void SetNextLineStyle(const ImVec4& color = AutoColor, float weight = -1.0f);
// size: the marker's radius in pixels (−1: font-scaled default). A PlotLine with a marker also
// draws markers at its points.
void SetNextMarkerStyle(Marker marker, float size = -1.0f, const ImVec4& fill = AutoColor,
                        float weight = -1.0f, const ImVec4& outline = AutoColor);

// ---- Items (label_id is the legend name; "##id" keeps an item out of the legend) -----------

// Drawn decimated (first/min/max/last point per pixel column) and in chunks, so a million points
// cost about as much as the plot is wide. Non-finite values break the line.
void PlotLine(const char* label_id, const double* xs, const double* ys, int count,
              int stride = sizeof(double));
// ys over x = x_start + i · x_scale (e.g. steps); only the steps in view are visited.
void PlotLine(const char* label_id, const double* ys, int count, double x_scale = 1.0,
              double x_start = 0.0, int stride = sizeof(double));
// At most one marker per occupied pixel cell is drawn; picking still sees every point.
void PlotScatter(const char* label_id, const double* xs, const double* ys, int count,
                 int stride = sizeof(double));
// A ring around each point, to highlight some (e.g. the current batch). Radius: the next
// marker size (default 1.8 × the default marker); colour and thickness: the next line style.
void PlotRings(const char* label_id, const double* xs, const double* ys, int count,
               int stride = sizeof(double));
// Lines across the whole plot at each value: vertical at x values, or horizontal at y values.
void PlotInfLines(const char* label_id, const double* values, int count, bool horizontal = false);
void PlotVLine(const char* label_id, double x);
void PlotHLine(const char* label_id, double y);
void PlotSegment(const char* label_id, double x1, double y1, double x2, double y2);
// A texture stretched over [bounds_min, bounds_max] in data space; uv0 goes to the top-left
// corner (bounds_min.x, bounds_max.y), uv1 to the bottom-right.
void PlotImage(const char* label_id, ImTextureID texture, const Point& bounds_min,
               const Point& bounds_max, const ImVec2& uv0 = ImVec2(0, 0),
               const ImVec2& uv1 = ImVec2(1, 1), const ImVec4& tint = ImVec4(1, 1, 1, 1));
// A rows × cols grid of coloured cells over the bounds, row-major, row 0 at the top (as an
// image). One rectangle per cell: keep it small (≤ 128 × 128); use PlotImage beyond.
void PlotHeatmap(const char* label_id, const ImU32* colors, int rows, int cols,
                 const Point& bounds_min, const Point& bounds_max);
// Text at (x, y), moved by pix_offset; align (0…1, 0…1) picks the anchor within the text
// (0.5, 0.5: centred). Colour: the next line colour, else the style's text colour.
void PlotText(const char* text, double x, double y, const ImVec2& pix_offset = ImVec2(0, 0),
              const ImVec2& align = ImVec2(0.5f, 0.5f));

// ---- Picking and queries (between BeginPlot and EndPlot) --------------------------------------

// The point of the last PlotScatter/PlotLine/PlotRings under the mouse (the nearest within a
// small pick radius), or −1. Several items can report a point when their points overlap.
int GetLastItemHoveredIndex();
// The same, on the frame that point was clicked (left press and release, not a drag).
int GetLastItemClickedIndex();

bool IsPlotHovered();  // the mouse is over the plot area
bool IsPlotClicked();  // left click (not a drag) on the plot area, not on the legend
bool IsPlotZoomed();   // the user has zoomed or panned since the last fit or reset
Point GetPlotMousePos();
Limits GetPlotLimits();
ImVec2 PlotToPixels(double x, double y);
Point PixelsToPlot(const ImVec2& pixel);
ImVec2 GetPlotPos();  // top-left of the plot area, in screen pixels
ImVec2 GetPlotSize();
ImDrawList* GetPlotDrawList();  // clipped to the plot area until EndPlot

// ---- Colours ---------------------------------------------------------------------------------

// `text` cut to at most `width` pixels in the current font, ending in "…" if cut (never inside a
// UTF-8 character); "" if not even "…" fits. The plot's labels use it, and so do the panels.
std::string FitText(const std::string& text, float width);

// The theme's background is light: class colours take the darker palette (see ClassRgb).
void SetLightBackground(bool light);
bool LightBackground();

// Okabe–Ito colours (see ClassRgb) and a different marker shape per class.
ImVec4 ClassColor(int k, float alpha = 1.0f);
ImU32 ClassColorU32(int k, float alpha = 1.0f);
Marker ClassMarker(int k);

}  // namespace ll::plot
