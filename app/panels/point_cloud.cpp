#include "panels/point_cloud.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>

namespace ll::app {
namespace {

// A marker lets a little of what is under it show through (another class's marker, say), as the
// plot layer's markers do (ClassColor(k, 0.85)); a dense cloud a little more.
constexpr float kMarkerOpacity = 0.85f, kDenseOpacity = 0.8f;
// Up to this many points every one is stamped with its outline, as the plot layer draws markers;
// above, one marker per cell of one radius per class, without outlines (the plot layer thins its
// scatters from the same count).
constexpr std::size_t kEveryPointUpTo = 5000;

// The signed distance from the pixel at offset (dx, dy) from a marker's centre to the marker's
// edge, positive inside. Shapes and sizes as the plot layer draws them (about the area of a circle
// of radius r).
float inside_distance(plot::Marker m, float dx, float dy, float r) {
  const float ax = std::fabs(dx), ay = std::fabs(dy);
  float inside = 0.0f;  // distance from the edge, positive inside
  switch (m) {
    case plot::Marker_Square:
      inside = 0.886f * r - std::max(ax, ay);
      break;
    case plot::Marker_Diamond:
      inside = (1.25f * r - ax - ay) * 0.7071f;
      break;
    case plot::Marker_Triangle: {
      // Pointing up, circumradius 1.3 r: inside all three edges (normals down, and up-left/right).
      const float R = 1.3f * r;
      const float bottom = 0.5f * R - dy;                        // y grows downward
      const float sides = (0.5f * R + dy * 0.5f - ax * 0.866f);  // distance to the slanted edges
      inside = std::min(bottom, sides);
      break;
    }
    case plot::Marker_Cross: {
      const float half = 0.95f * r, thick = std::max(0.5f * r, 2.0f);
      const float to_line = std::min(std::fabs(dx - dy), std::fabs(dx + dy)) * 0.7071f;
      inside = std::min(0.5f * thick - to_line, half - std::max(ax, ay) + 0.5f * thick);
      break;
    }
    default:
      inside = r - std::sqrt(dx * dx + dy * dy);
      break;
  }
  return inside;
}

// Straight-alpha "over": the marker's colour with alpha `a` onto the pixel.
void blend(unsigned char* px, const plot::Rgb& c, float a) {
  const float below = px[3] / 255.0f, out = a + below * (1.0f - a);
  if (out <= 0.0f) return;
  const float keep = below * (1.0f - a);
  px[0] = static_cast<unsigned char>(std::lround((c.r * a + px[0] * keep) / out));
  px[1] = static_cast<unsigned char>(std::lround((c.g * a + px[1] * keep) / out));
  px[2] = static_cast<unsigned char>(std::lround((c.b * a + px[2] * keep) / out));
  px[3] = static_cast<unsigned char>(std::lround(255.0f * out));
}

// How a marker is stamped: its fill, and an outline of `weight` px centred on its edge (none: 0).
struct MarkerLook {
  plot::Marker shape;
  plot::Rgb fill;
  float opacity;
  plot::Rgb outline;
  float outline_opacity, weight;
};

// One marker centred at (cx, cy) image pixels, blended over what is there: the fill where the
// pixel is inside (a one-pixel anti-aliased edge: the distance plus ½, clamped), then the outline
// over the band |distance| < weight/2, as the plot layer's AddCircle of that thickness.
void stamp_marker(std::vector<unsigned char>& rgba, int width, int height, float cx, float cy, const MarkerLook& look,
                  float r) {
  const int reach = static_cast<int>(std::ceil(1.3f * r + 1.0f + look.weight));
  const int x0 = std::max(0, static_cast<int>(cx) - reach), x1 = std::min(width - 1, static_cast<int>(cx) + reach);
  const int y0 = std::max(0, static_cast<int>(cy) - reach), y1 = std::min(height - 1, static_cast<int>(cy) + reach);
  for (int py = y0; py <= y1; ++py) {
    unsigned char* row = rgba.data() + static_cast<std::size_t>(py) * static_cast<std::size_t>(width) * 4;
    for (int px = x0; px <= x1; ++px) {
      const float dx = static_cast<float>(px) + 0.5f - cx, dy = static_cast<float>(py) + 0.5f - cy;
      const float inside = inside_distance(look.shape, dx, dy, r);
      const float fill = look.opacity * std::clamp(inside + 0.5f, 0.0f, 1.0f);
      if (fill > 0.0f) blend(row + static_cast<std::size_t>(px) * 4, look.fill, fill);
      if (look.weight <= 0.0f) continue;
      const float edge = look.outline_opacity * std::clamp(0.5f * look.weight - std::fabs(inside) + 0.5f, 0.0f, 1.0f);
      if (edge > 0.0f) blend(row + static_cast<std::size_t>(px) * 4, look.outline, edge);
    }
  }
}

}  // namespace

void PointCloud::stamp(const std::vector<ClassSeries>& classes, const plot::Axis& x, const plot::Axis& y,
                       int width, int height, float r) {
  rgba_.assign(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4, 0);
  std::size_t total = 0;
  for (const ClassSeries& c : classes) total += c.x.size();
  const bool every = total <= kEveryPointUpTo;
  // Every point, or one marker per cell of one radius for each class (the rest would be hidden
  // under it).
  std::vector<std::vector<std::size_t>> kept(classes.size());
  std::size_t most = 0;
  for (std::size_t k = 0; k < classes.size(); ++k) {
    plot::Series series;
    series.Xs = classes[k].x.data();
    series.Ys = classes[k].y.data();
    series.Count = classes[k].x.size();
    if (every) {
      keep_.resize(series.Count);
      for (std::size_t j = 0; j < series.Count; ++j) keep_[j] = j;
    } else {
      plot::DecimateScatter(series, x, y, std::max(1.0, static_cast<double>(r)), 2.0 * r, keep_);
    }
    kept[k] = keep_;
    most = std::max(most, keep_.size());
  }
  // The plot layer's marker outline: the text colour at 0.6, 1 px at 13 px text.
  const ImVec4 text = ImGui::GetStyleColorVec4(ImGuiCol_Text);
  const plot::Rgb outline{static_cast<unsigned char>(std::lround(255.0f * text.x)),
                          static_cast<unsigned char>(std::lround(255.0f * text.y)),
                          static_cast<unsigned char>(std::lround(255.0f * text.z))};
  const float weight = every ? ImGui::GetFontSize() / 13.0f : 0.0f;
  // The classes' markers in turn (the first of each, then the second of each, …), each a little
  // transparent: where classes overlap all of them show, instead of the last class drawn burying
  // the others.
  for (std::size_t n = 0; n < most; ++n) {
    for (std::size_t k = 0; k < classes.size(); ++k) {
      if (n >= kept[k].size()) continue;
      const std::size_t j = kept[k][n];
      // The marker's centre in image pixels (x.PixelMin is the image's left edge, y.PixelMax its top).
      const float cx = static_cast<float>(x.ToPixel(classes[k].x[j]) - x.PixelMin);
      const float cy = static_cast<float>(y.ToPixel(classes[k].y[j]) - y.PixelMax);
      if (!std::isfinite(cx) || !std::isfinite(cy)) continue;
      const int ki = static_cast<int>(k);
      const MarkerLook look{plot::ClassMarker(ki), plot::ClassRgb(ki, plot::LightBackground()),
                            every ? kMarkerOpacity : kDenseOpacity, outline, 0.6f * text.w, weight};
      stamp_marker(rgba_, width, height, cx, cy, look, r);
    }
  }
}

PointHit PointCloud::Plot(const std::vector<ClassSeries>& classes, std::uint64_t version) {
  PointHit hit;
  const plot::Limits view = plot::GetPlotLimits();
  const ImVec2 pos = plot::GetPlotPos(), size = plot::GetPlotSize();
  const plot::Axis x = plot::MakeAxis(view.X.Min, view.X.Max, pos.x, pos.x + size.x);
  const plot::Axis y = plot::MakeAxis(view.Y.Min, view.Y.Max, pos.y + size.y, pos.y);  // y grows down
  const float r = 3.5f * ImGui::GetFontSize() / 13.0f;  // the plot layer's default marker radius
  const int width = std::max(1, static_cast<int>(std::lround(size.x)));
  const int height = std::max(1, static_cast<int>(std::lround(size.y)));
  const bool same_view = view.X.Min == view_.X.Min && view.X.Max == view_.X.Max &&
                         view.Y.Min == view_.Y.Min && view.Y.Max == view_.Y.Max;
  if (!texture_.valid() || version != version_ || !same_view || width != width_ || height != height_ ||
      r != radius_) {
    stamp(classes, x, y, width, height, r);
    if (!texture_.update(rgba_.data(), width, height)) return hit;
    version_ = version;
    view_ = view;
    width_ = width;
    height_ = height;
    radius_ = r;
  }
  plot::PlotImage("##points", texture_.id(), {view.X.Min, view.Y.Min}, {view.X.Max, view.Y.Max});

  if (!plot::IsPlotHovered()) return hit;
  // The nearest point under the mouse, over every point (later classes win ties, being on top).
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  const double pick = std::max(6.0f * ImGui::GetFontSize() / 13.0f, r + 2.0f);
  double best = pick * pick;
  double hx = 0, hy = 0;
  for (const ClassSeries& c : classes) {
    plot::Series series;
    series.Xs = c.x.data();
    series.Ys = c.y.data();
    series.Count = c.x.size();
    const std::size_t j = plot::NearestPoint(series, x, y, mouse.x, mouse.y, pick);
    if (j == series.Count) continue;
    const double dx = x.ToPixel(c.x[j]) - mouse.x, dy = y.ToPixel(c.y[j]) - mouse.y;
    if (dx * dx + dy * dy > best) continue;
    best = dx * dx + dy * dy;
    hit.hovered = static_cast<int>(c.sample[j]);
    hx = c.x[j];
    hy = c.y[j];
  }
  if (hit.hovered < 0) return hit;
  if (plot::IsPlotClicked()) hit.clicked = hit.hovered;
  // The ring the plot layer draws around a hovered marker.
  plot::GetPlotDrawList()->AddCircle(plot::PlotToPixels(hx, hy), r + 3.0f * ImGui::GetFontSize() / 13.0f,
                                     ImGui::GetColorU32(ImGuiCol_Text), 0,
                                     1.5f * ImGui::GetFontSize() / 13.0f);
  return hit;
}

}  // namespace ll::app
