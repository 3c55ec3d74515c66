// The data items of a plot: lines, scatters and rings, with their markers; each item's legend
// entry, fit extent and picking; the class colours and markers. Reference lines, images,
// heatmaps and text are in plot_annotations.cpp; the frame around them in plot.cpp.
//
// Index
// [SECTION] Items: registration, fitting, picking
// [SECTION] Drawing helpers
// [SECTION] Plot* functions
// [SECTION] Text (FitText)
// [SECTION] Colours
#include <algorithm>
#include <cmath>
#include <vector>

#include "plot/plot_internal.h"

namespace ll::plot {
using namespace detail;

namespace {

// Markers: ~4 px radius at ImGui's 13 px font; rings sit a little outside them.
float DefaultMarkerRadius() { return Px(3.5f); }
float PickRadius(float marker_radius) { return std::max(Px(6.0f), marker_radius + Px(2.0f)); }

// Above this many points a scatter is thinned to one marker per marker-radius-sized cell: the
// markers there overlap anyway (diameter > the cell's diagonal), so it looks the same while
// 100,000 points cost at most (plot area / r²) markers.
constexpr std::size_t kScatterDecimateAbove = 5000;

Series MakeSeries(const double* xs, const double* ys, int count, int stride) {
  Series s;
  s.Xs = xs;
  s.Ys = ys;
  s.Count = count > 0 && ys != nullptr ? static_cast<std::size_t>(count) : 0;
  s.Stride = stride > 0 ? static_cast<std::size_t>(stride) : sizeof(double);
  return s;
}

int IndexOf(const Plot& p, const Item* it) { return static_cast<int>(it - p.Items.data()); }

}  // namespace

// [SECTION] Items: registration, fitting, picking -------------------------------------------------

namespace detail {

NextStyle TakeNextStyle() {
  NextStyle s = Ctx().Next;
  Ctx().Next = NextStyle{};
  return s;
}

ImU32 ColorOr(const ImVec4& col, ImU32 fallback) {
  return col.w >= 0.0f ? ImGui::GetColorU32(col) : fallback;
}

float DefaultLineWeight() { return Px(1.5f); }

void FitPoint(Plot& p, double x, double y) {
  p.Fit[0].Add(x, p.X.Scale);
  p.Fit[1].Add(y, p.Y.Scale);
}

Item* RegisterItem(const char* label_id, Icon kind, Marker mark, ImU32 auto_color) {
  Plot& p = Current();
  p.LastHovered = p.LastClicked = -1;
  const ImGuiID id = ImHashStr(label_id, 0, p.Id);
  auto it = std::find_if(p.Items.begin(), p.Items.end(), [&](const Item& i) { return i.Id == id; });
  if (it == p.Items.end()) {
    Item item;
    item.Id = id;
    item.Label.assign(label_id, ImGui::FindRenderedTextEnd(label_id));
    item.Color = auto_color != 0 ? auto_color : ClassColorU32(p.ColorCounter++);
    item.Kind = kind;
    item.Mark = mark;
    const auto& hidden = p.State->Hidden;
    item.Hidden = std::find(hidden.begin(), hidden.end(), id) != hidden.end();
    p.Items.push_back(std::move(item));
    it = p.Items.end() - 1;
  }
  return it->Hidden ? nullptr : &*it;
}

void PickLastItem(Plot& p, const Series& s, int item, float pick_radius, float marker_radius) {
  if (!p.Hovered) return;
  const ImVec2 m = ImGui::GetIO().MousePos;
  const std::size_t i = NearestPoint(s, p.X, p.Y, m.x, m.y, pick_radius);
  if (i == s.Count) return;
  p.LastHovered = static_cast<int>(i);
  if (p.Clicked) p.LastClicked = static_cast<int>(i);
  if (marker_radius < 0.0f) return;  // rings highlight; they do not compete for the tooltip
  const ImVec2 d = ToPixels(p, s.X(i), s.Y(i)) - m;
  const float d2 = d.x * d.x + d.y * d.y;
  if (!p.Best.Found || d2 <= p.Best.Dist2)
    p.Best = {true, d2, item, i, s.X(i), s.Y(i), marker_radius};
}

}  // namespace detail

namespace {

bool Drawable(double v, const Axis& a) { return std::isfinite(v) && (!a.IsLog() || v > 0.0); }

// Extends the fit extents with every point drawable on both axes (over steps: the y values, and
// the steps of the first and last drawable ones).
void FitSeries(Plot& p, const Series& s) {
  if (!p.FitThisFrame[0] && !p.FitThisFrame[1]) return;
  const bool steps = s.Xs == nullptr;
  double x_lo = HUGE_VAL, x_hi = -HUGE_VAL, y_lo = HUGE_VAL, y_hi = -HUGE_VAL;
  std::size_t first = s.Count, last = 0;
  for (std::size_t i = 0; i < s.Count; ++i) {
    const double y = s.Y(i);
    if (!Drawable(y, p.Y)) continue;
    if (!steps) {
      const double x = s.X(i);
      if (!Drawable(x, p.X)) continue;
      x_lo = std::min(x_lo, x);
      x_hi = std::max(x_hi, x);
    }
    first = std::min(first, i);
    last = i;
    y_lo = std::min(y_lo, y);
    y_hi = std::max(y_hi, y);
  }
  if (first == s.Count) return;
  if (steps) {
    x_lo = std::min(s.X(first), s.X(last));
    x_hi = std::max(s.X(first), s.X(last));
  }
  p.Fit[0].Add(x_lo, p.X.Scale);
  p.Fit[0].Add(x_hi, p.X.Scale);
  p.Fit[1].Add(y_lo, p.Y.Scale);
  p.Fit[1].Add(y_hi, p.Y.Scale);
}

// [SECTION] Drawing helpers -----------------------------------------------------------------------

// ImDrawList indices are 16-bit: one primitive must stay under 65,536 vertices, or it is cut
// short. AddPolyline emits at most 4 vertices per point, so chunks of 8,192 points stay under
// 32,768; between calls ImGui opens a new draw command when the buffer nears 64 K.
void DrawPolyline(ImDrawList* dl, const std::vector<ImVec2>& pts, ImU32 col, float weight) {
  constexpr std::size_t kChunk = 8192;
  if (pts.size() == 1) dl->AddCircleFilled(pts[0], weight, col, 8);  // a point between gaps
  for (std::size_t start = 0; start + 1 < pts.size(); start += kChunk - 1) {
    const std::size_t n = std::min(kChunk, pts.size() - start);
    dl->AddPolyline(pts.data() + start, static_cast<int>(n), col, 0, weight);
  }
}

// Undrawable values break the line; so do turns sharper than 90°. ImGui joins polyline segments
// with a miter whose width, at a turn of θ, scales by min(1/cos(θ/2), 100·cos(θ/2)): it spikes
// near 170° and collapses to nothing at 180°, which is how a decimated column (down to its
// minimum, up to its maximum) turns. Open ends keep the full width.
void DrawLineSeries(Plot& p, const Series& s, ImU32 col, float weight) {
  Context& ctx = Ctx();
  DecimateLine(s, p.X, p.Y, ctx.Indices);
  std::vector<ImVec2>& pts = ctx.Points;
  pts.clear();
  const auto flush = [&] {
    DrawPolyline(p.DrawList, pts, col, weight);
    pts.clear();
  };
  for (const std::size_t i : ctx.Indices) {
    const ImVec2 q = ToPixels(p, s.X(i), s.Y(i));
    if (!IsFinite(q)) {
      flush();
      continue;
    }
    if (!pts.empty() && q.x == pts.back().x && q.y == pts.back().y) continue;
    if (pts.empty())
      CountForLegend(p, q);
    else
      CountSegmentForLegend(p, pts.back(), q);
    if (pts.size() >= 2) {
      const ImVec2 a = pts[pts.size() - 2], b = pts.back();
      if ((b.x - a.x) * (q.x - b.x) + (b.y - a.y) * (q.y - b.y) < 0.0f) {
        flush();
        pts.push_back(b);
      }
    }
    pts.push_back(q);
  }
  flush();
}

void DrawMarkers(Plot& p, const Series& s, Marker mark, float r, ImU32 fill, ImU32 outline,
                 float weight) {
  Context& ctx = Ctx();
  if (s.Count > kScatterDecimateAbove) {
    DecimateScatter(s, p.X, p.Y, std::max(1.0, static_cast<double>(r)), 2.0 * r, ctx.Indices);
  } else {
    ctx.Indices.resize(s.Count);
    for (std::size_t i = 0; i < s.Count; ++i) ctx.Indices[i] = i;
  }
  const ImRect visible(p.Area.Min - ImVec2(2 * r, 2 * r), p.Area.Max + ImVec2(2 * r, 2 * r));
  for (const std::size_t i : ctx.Indices) {
    const ImVec2 c = ToPixels(p, s.X(i), s.Y(i));
    if (!IsFinite(c) || !visible.Contains(c)) continue;
    CountForLegend(p, c);
    DrawMarker(p.DrawList, c, mark, r, fill, outline, weight);
  }
}

}  // namespace

// Shapes of about equal area to a circle of radius r, so no class looks heavier than another.
void detail::DrawMarker(ImDrawList* dl, const ImVec2& c, Marker m, float r, ImU32 fill,
                        ImU32 outline, float weight) {
  const bool edge = weight > 0.0f && (outline & IM_COL32_A_MASK) != 0;
  switch (m) {
    case Marker_None: break;
    case Marker_Circle:
      dl->AddCircleFilled(c, r, fill, 12);
      if (edge) dl->AddCircle(c, r, outline, 12, weight);
      break;
    case Marker_Square: {
      const ImVec2 h(0.886f * r, 0.886f * r);  // side √π · r: the circle's area
      dl->AddRectFilled(c - h, c + h, fill);
      if (edge) dl->AddRect(c - h, c + h, outline, 0.0f, 0, weight);
      break;
    }
    case Marker_Triangle: {
      const float R = 1.3f * r;  // circumradius; pointing up, listed clockwise on screen
      const ImVec2 a = c + ImVec2(0, -R), b = c + ImVec2(0.866f * R, 0.5f * R),
                   d = c + ImVec2(-0.866f * R, 0.5f * R);
      dl->AddTriangleFilled(a, b, d, fill);
      if (edge) dl->AddTriangle(a, b, d, outline, weight);
      break;
    }
    case Marker_Diamond: {
      const float R = 1.25f * r;  // half-diagonal: area 2R² ≈ πr²
      const ImVec2 a = c + ImVec2(0, -R), b = c + ImVec2(R, 0), d = c + ImVec2(0, R),
                   e = c + ImVec2(-R, 0);
      dl->AddQuadFilled(a, b, d, e, fill);
      if (edge) dl->AddQuad(a, b, d, e, outline, weight);
      break;
    }
    case Marker_Cross:
    case Marker_COUNT: {
      const float h = 0.95f * r, t = std::max(Px(2.0f), 0.5f * r);
      if (edge) {
        dl->AddLine(c - ImVec2(h, h), c + ImVec2(h, h), outline, t + 2 * weight);
        dl->AddLine(c + ImVec2(-h, h), c + ImVec2(h, -h), outline, t + 2 * weight);
      }
      dl->AddLine(c - ImVec2(h, h), c + ImVec2(h, h), fill, t);
      dl->AddLine(c + ImVec2(-h, h), c + ImVec2(h, -h), fill, t);
      break;
    }
  }
}

// [SECTION] Plot* functions -----------------------------------------------------------------------

void SetNextLineStyle(const ImVec4& color, float weight) {
  Ctx().Next.LineColor = color;
  Ctx().Next.LineWeight = weight;
}

void SetNextMarkerStyle(Marker marker, float size, const ImVec4& fill, float weight,
                        const ImVec4& outline) {
  NextStyle& n = Ctx().Next;
  n.Mark = marker;
  n.MarkerSize = size;
  n.MarkerFill = fill;
  n.MarkerWeight = weight;
  n.MarkerOutline = outline;
}

namespace {

void PlotLineSeries(const char* label_id, const Series& s) {
  const NextStyle st = TakeNextStyle();
  Plot& p = Current();
  const Icon icon = st.Mark == Marker_None ? Icon::Line : Icon::Marker;
  Item* it = RegisterItem(label_id, icon, st.Mark, ColorOr(st.LineColor, 0));
  if (it == nullptr) return;
  const int index = IndexOf(p, it);
  FitSeries(p, s);
  DrawLineSeries(p, s, it->Color, st.LineWeight > 0 ? st.LineWeight : DefaultLineWeight());
  const float r = st.MarkerSize > 0 ? st.MarkerSize : DefaultMarkerRadius();
  if (st.Mark != Marker_None) {
    DrawMarkers(p, s, st.Mark, r, ColorOr(st.MarkerFill, it->Color),
                ColorOr(st.MarkerOutline, ImGui::GetColorU32(ImGuiCol_Text, 0.6f)),
                st.MarkerWeight >= 0 ? st.MarkerWeight : Px(1.0f));
  }
  PickLastItem(p, s, index, PickRadius(r), st.Mark != Marker_None ? r : Px(2.0f));
}

}  // namespace

void PlotLine(const char* label_id, const double* xs, const double* ys, int count, int stride) {
  // A null xs would make a series over steps: the other overload is for that.
  PlotLineSeries(label_id, MakeSeries(xs, ys, xs != nullptr ? count : 0, stride));
}

void PlotLine(const char* label_id, const double* ys, int count, double x_scale, double x_start,
              int stride) {
  Series s = MakeSeries(nullptr, ys, count, stride);
  s.X0 = x_start;
  s.Dx = x_scale;
  PlotLineSeries(label_id, s);
}

void PlotScatter(const char* label_id, const double* xs, const double* ys, int count, int stride) {
  const NextStyle st = TakeNextStyle();
  Plot& p = Current();
  const Marker mark = st.Mark == Marker_None ? Marker_Circle : st.Mark;
  Item* it =
      RegisterItem(label_id, Icon::Marker, mark, ColorOr(st.MarkerFill, ColorOr(st.LineColor, 0)));
  if (it == nullptr || xs == nullptr) return;
  const Series s = MakeSeries(xs, ys, count, stride);
  const float r = st.MarkerSize > 0 ? st.MarkerSize : DefaultMarkerRadius();
  FitSeries(p, s);
  // A fill given is kept, also a transparent one (hollow markers; the item's colour would be auto).
  DrawMarkers(p, s, mark, r, ColorOr(st.MarkerFill, it->Color),
              ColorOr(st.MarkerOutline, ImGui::GetColorU32(ImGuiCol_Text, 0.6f)),
              st.MarkerWeight >= 0 ? st.MarkerWeight : Px(1.0f));
  PickLastItem(p, s, IndexOf(p, it), PickRadius(r), r);
}

void PlotRings(const char* label_id, const double* xs, const double* ys, int count, int stride) {
  const NextStyle st = TakeNextStyle();
  Plot& p = Current();
  Item* it = RegisterItem(label_id, Icon::Ring, Marker_None,
                          ColorOr(st.LineColor, ImGui::GetColorU32(ImGuiCol_Text)));
  if (it == nullptr || xs == nullptr) return;
  const Series s = MakeSeries(xs, ys, count, stride);
  const float r = st.MarkerSize > 0 ? st.MarkerSize : 1.8f * DefaultMarkerRadius();
  const float weight = st.LineWeight > 0 ? st.LineWeight : Px(2.0f);
  for (std::size_t i = 0; i < s.Count; ++i) {
    const ImVec2 c = ToPixels(p, s.X(i), s.Y(i));
    if (IsFinite(c)) p.DrawList->AddCircle(c, r, it->Color, 0, weight);
  }
  PickLastItem(p, s, IndexOf(p, it), PickRadius(r), -1.0f);
}

// [SECTION] Text ----------------------------------------------------------------------------------

std::string FitText(const std::string& text, float width) {
  if (ImGui::CalcTextSize(text.c_str()).x <= width) return text;
  const float ellipsis = ImGui::CalcTextSize("…").x;
  if (ellipsis > width) return "";
  std::size_t end = text.size();
  while (end > 0) {
    do --end;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80);
    if (ImGui::CalcTextSize(text.c_str(), text.c_str() + end).x + ellipsis <= width) break;
  }
  return text.substr(0, end) + "…";
}

// [SECTION] Colours -------------------------------------------------------------------------------

namespace {
bool g_light_background = false;
}  // namespace

void SetLightBackground(bool light) { g_light_background = light; }
bool LightBackground() { return g_light_background; }

ImVec4 ClassColor(int k, float alpha) {
  const Rgb c = ClassRgb(k, g_light_background);
  return {c.r / 255.0f, c.g / 255.0f, c.b / 255.0f, alpha};
}

ImU32 ClassColorU32(int k, float alpha) {
  return ImGui::ColorConvertFloat4ToU32(ClassColor(k, alpha));
}

Marker ClassMarker(int k) {
  constexpr int n = static_cast<int>(Marker_COUNT);
  return static_cast<Marker>(((k % n) + n) % n);
}

}  // namespace ll::plot
