// What annotates a plot's data: reference lines across it, segments, images and heatmaps
// stretched over data bounds, and text at data coordinates. Data series are in plot_items.cpp.
#include <algorithm>
#include <cmath>
#include <vector>

#include "plot/plot_internal.h"

namespace ll::plot {
using namespace detail;

void PlotInfLines(const char* label_id, const double* values, int count, bool horizontal) {
  const NextStyle st = TakeNextStyle();
  Plot& p = Current();
  Item* it = RegisterItem(label_id, Icon::Line, Marker_None, ColorOr(st.LineColor, 0));
  if (it == nullptr || values == nullptr) return;
  const float weight = st.LineWeight > 0 ? st.LineWeight : DefaultLineWeight();
  const Axis& axis = horizontal ? p.Y : p.X;
  for (int i = 0; i < count; ++i) {
    if (p.FitThisFrame[horizontal ? 1 : 0]) p.Fit[horizontal ? 1 : 0].Add(values[i], axis.Scale);
    const double px = axis.ToPixel(values[i]);
    if (!std::isfinite(px)) continue;
    const float v = static_cast<float>(std::clamp(px, -1e6, 1e6));
    const ImVec2 a = horizontal ? ImVec2(p.Area.Min.x, v) : ImVec2(v, p.Area.Min.y);
    const ImVec2 b = horizontal ? ImVec2(p.Area.Max.x, v) : ImVec2(v, p.Area.Max.y);
    p.DrawList->AddLine(a, b, it->Color, weight);
    CountSegmentForLegend(p, a, b);
  }
}

void PlotVLine(const char* label_id, double x) { PlotInfLines(label_id, &x, 1, false); }
void PlotHLine(const char* label_id, double y) { PlotInfLines(label_id, &y, 1, true); }

void PlotSegment(const char* label_id, double x1, double y1, double x2, double y2) {
  const NextStyle st = TakeNextStyle();
  Plot& p = Current();
  Item* it = RegisterItem(label_id, Icon::Line, Marker_None, ColorOr(st.LineColor, 0));
  if (it == nullptr) return;
  FitPoint(p, x1, y1);
  FitPoint(p, x2, y2);
  const ImVec2 a = ToPixels(p, x1, y1), b = ToPixels(p, x2, y2);
  if (IsFinite(a) && IsFinite(b)) {
    p.DrawList->AddLine(a, b, it->Color, st.LineWeight > 0 ? st.LineWeight : DefaultLineWeight());
    CountSegmentForLegend(p, a, b);
  }
}

void PlotImage(const char* label_id, ImTextureID texture, const Point& bounds_min,
               const Point& bounds_max, const ImVec2& uv0, const ImVec2& uv1, const ImVec4& tint) {
  Plot& p = Current();
  Item* it = RegisterItem(label_id, Icon::Fill, Marker_None, ImGui::GetColorU32(tint));
  if (it == nullptr) return;
  FitPoint(p, bounds_min.x, bounds_min.y);
  FitPoint(p, bounds_max.x, bounds_max.y);
  const ImVec2 a = ToPixels(p, bounds_min.x, bounds_max.y),
               b = ToPixels(p, bounds_max.x, bounds_min.y);
  if (IsFinite(a) && IsFinite(b))
    p.DrawList->AddImage(texture, a, b, uv0, uv1, ImGui::GetColorU32(tint));
}

void PlotHeatmap(const char* label_id, const ImU32* colors, int rows, int cols,
                 const Point& bounds_min, const Point& bounds_max) {
  Plot& p = Current();
  const bool any = colors != nullptr && rows > 0 && cols > 0;
  Item* it = RegisterItem(label_id, Icon::Fill, Marker_None, any ? colors[0] : 0);
  if (it == nullptr || !any) return;
  FitPoint(p, bounds_min.x, bounds_min.y);
  FitPoint(p, bounds_max.x, bounds_max.y);
  // Shared edges, each computed once, so neighbouring cells meet without seams or overlaps.
  std::vector<float> xe(static_cast<std::size_t>(cols) + 1), ye(static_cast<std::size_t>(rows) + 1);
  const double w = bounds_max.x - bounds_min.x, h = bounds_max.y - bounds_min.y;
  for (int c = 0; c <= cols; ++c)
    xe[static_cast<std::size_t>(c)] = ToPixels(p, bounds_min.x + w * c / cols, 0).x;
  for (int r = 0; r <= rows; ++r)
    ye[static_cast<std::size_t>(r)] = ToPixels(p, 0, bounds_max.y - h * r / rows).y;
  for (std::size_t r = 0; r < ye.size() - 1; ++r) {
    for (std::size_t c = 0; c < xe.size() - 1; ++c) {
      const ImU32 col = colors[r * static_cast<std::size_t>(cols) + c];
      if ((col & IM_COL32_A_MASK) == 0 || xe[c] != xe[c] || ye[r] != ye[r]) continue;
      p.DrawList->AddRectFilled({xe[c], ye[r]}, {xe[c + 1], ye[r + 1]}, col);
    }
  }
}

void PlotText(const char* text, double x, double y, const ImVec2& pix_offset, const ImVec2& align) {
  const NextStyle st = TakeNextStyle();
  Plot& p = Current();
  const ImVec2 at = ToPixels(p, x, y);
  if (!IsFinite(at)) return;
  const ImVec2 size = ImGui::CalcTextSize(text);
  const ImVec2 pos(at.x + pix_offset.x - align.x * size.x, at.y + pix_offset.y - align.y * size.y);
  p.DrawList->AddText(pos, ColorOr(st.LineColor, ImGui::GetColorU32(ImGuiCol_Text)), text);
}

}  // namespace ll::plot
