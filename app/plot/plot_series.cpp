// The plot layer's series math: which points are in view, decimation per pixel column, picking.
// See plot_math.h. No ImGui here.
#include <algorithm>
#include <array>
#include <cmath>
#include <utility>
#include <vector>

#include "plot/plot_math.h"

namespace ll::plot {

// [SECTION] Series and decimation -----------------------------------------------------------------

IndexRange VisibleIndices(const Series& s, const Axis& x_axis, double px_lo, double px_hi) {
  if (s.Xs != nullptr || x_axis.IsLog() || !(s.Dx != 0.0) || !std::isfinite(s.Dx)) {
    return {0, s.Count};
  }
  // X0 + i·Dx = x  ⇔  i = (x − X0) / Dx; one point of margin so edge segments still reach in.
  double i_a = (x_axis.FromPixel(px_lo) - s.X0) / s.Dx;
  double i_b = (x_axis.FromPixel(px_hi) - s.X0) / s.Dx;
  if (i_a > i_b) std::swap(i_a, i_b);
  const double n = static_cast<double>(s.Count);
  const double first = std::clamp(std::floor(i_a) - 1.0, 0.0, n);
  const double last = std::clamp(std::ceil(i_b) + 2.0, 0.0, n);
  if (!(first < last)) return {0, 0};
  return {static_cast<std::size_t>(first), static_cast<std::size_t>(last)};
}

namespace {

// M4 over a stream of points: a run of points in one pixel column is flushed as its first,
// lowest, highest and last point; an undrawable point ends the run and is kept once as a gap.
struct M4 {
  std::vector<std::size_t>& out;
  bool in_run = false, last_was_gap = false;
  double col = 0.0, lo = 0.0, hi = 0.0;
  std::array<std::size_t, 4> run{};  // first, lowest, highest, last

  void Flush() {
    if (!in_run) return;
    std::sort(run.begin(), run.end());
    out.insert(out.end(), run.begin(), std::unique(run.begin(), run.end()));
    in_run = false;
  }
  void Gap(std::size_t i) {
    Flush();
    if (!last_was_gap) out.push_back(i);
    last_was_gap = true;
  }
  void Point(std::size_t i, double c, double y) {
    last_was_gap = false;
    if (in_run && c == col) {
      if (y < lo) lo = y, run[1] = i;
      if (y > hi) hi = y, run[2] = i;
      run[3] = i;
      return;
    }
    Flush();
    in_run = true;
    col = c;
    lo = hi = y;
    run = {i, i, i, i};
  }
};

}  // namespace

void DecimateLine(const Series& s, const Axis& x_axis, const Axis& y_axis,
                  std::vector<std::size_t>& out) {
  out.clear();
  const double px_lo = std::min(x_axis.PixelMin, x_axis.PixelMax);
  const double px_hi = std::max(x_axis.PixelMin, x_axis.PixelMax);
  const IndexRange r = VisibleIndices(s, x_axis, px_lo, px_hi);
  // Off-plot points share the two columns just outside it, so long off-plot stretches shrink too.
  const double col_lo = std::floor(px_lo) - 1.0, col_hi = std::ceil(px_hi) + 1.0;
  // Extremes are compared in data space: T is increasing, so they are the pixel extremes too,
  // without a log10 per point.
  const bool y_log = y_axis.IsLog();
  const auto drawable = [y_log](double y) { return std::isfinite(y) && (!y_log || y > 0.0); };
  const auto column = [&](double px) { return std::floor(std::clamp(px, col_lo, col_hi)); };
  M4 m4{out};
  const auto visit = [&](std::size_t i) {
    const double px = x_axis.ToPixel(s.X(i)), y = s.Y(i);
    if (std::isfinite(px) && drawable(y))
      m4.Point(i, column(px), y);
    else
      m4.Gap(i);
  };
  if (s.Xs != nullptr || x_axis.IsLog() || !(s.Dx > 0.0) || !(x_axis.ScaleToPixel > 0.0)) {
    for (std::size_t i = r.First; i < r.Last; ++i) visit(i);
    m4.Flush();
    return;
  }
  // Over steps on a linear axis, a column holds a contiguous index range: the steps j with
  // X0 + j·Dx < FromPixel(col + 1). A tight loop finds its extremes; gaps take the slow path.
  for (std::size_t i = r.First; i < r.Last;) {
    const double col = column(x_axis.ToPixel(s.X(i)));
    const double j_end = std::ceil((x_axis.FromPixel(col + 1.0) - s.X0) / s.Dx);
    const std::size_t end = static_cast<std::size_t>(
        std::clamp(j_end, static_cast<double>(i + 1), static_cast<double>(r.Last)));
    std::size_t lo_i = i, hi_i = i;
    double lo = s.Y(i), hi = lo;
    bool clean = true;
    for (std::size_t j = i; j < end; ++j) {
      const double y = s.Y(j);
      clean = clean && drawable(y);
      if (y < lo) lo = y, lo_i = j;
      if (y > hi) hi = y, hi_i = j;
    }
    if (clean) {
      m4.Flush();
      m4.Point(i, col, s.Y(i));
      m4.Point(lo_i, col, lo);
      m4.Point(hi_i, col, hi);
      m4.Point(end - 1, col, s.Y(end - 1));
    } else {
      for (std::size_t j = i; j < end; ++j) visit(j);
    }
    i = end;
  }
  m4.Flush();
}

void DecimateScatter(const Series& s, const Axis& x_axis, const Axis& y_axis, double cell_px,
                     double margin_px, std::vector<std::size_t>& out) {
  out.clear();
  const double x_lo = std::min(x_axis.PixelMin, x_axis.PixelMax) - margin_px;
  const double x_hi = std::max(x_axis.PixelMin, x_axis.PixelMax) + margin_px;
  const double y_lo = std::min(y_axis.PixelMin, y_axis.PixelMax) - margin_px;
  const double y_hi = std::max(y_axis.PixelMin, y_axis.PixelMax) + margin_px;
  if (!(x_hi > x_lo) || !(y_hi > y_lo)) return;
  // Keep the occupancy grid under 2²⁴ cells, whatever the plot size.
  cell_px = std::max({cell_px, 1e-3, std::sqrt((x_hi - x_lo) * (y_hi - y_lo) / 16777216.0)});
  const auto cols = static_cast<std::size_t>((x_hi - x_lo) / cell_px) + 1;
  const auto rows = static_cast<std::size_t>((y_hi - y_lo) / cell_px) + 1;
  std::vector<unsigned char> taken(cols * rows, 0);
  const IndexRange r = VisibleIndices(s, x_axis, x_lo, x_hi);
  for (std::size_t i = r.Last; i-- > r.First;) {  // backwards: the last point drawn is on top
    const double px = x_axis.ToPixel(s.X(i)), py = y_axis.ToPixel(s.Y(i));
    if (!(px >= x_lo && px <= x_hi && py >= y_lo && py <= y_hi)) continue;  // also drops NaN
    const auto c = static_cast<std::size_t>((px - x_lo) / cell_px);
    const auto row = static_cast<std::size_t>((py - y_lo) / cell_px);
    unsigned char& cell = taken[std::min(row, rows - 1) * cols + std::min(c, cols - 1)];
    if (cell != 0) continue;
    cell = 1;
    out.push_back(i);
  }
  std::reverse(out.begin(), out.end());
}

std::size_t NearestPoint(const Series& s, const Axis& x_axis, const Axis& y_axis, double px,
                         double py, double max_dist_px) {
  std::size_t best = s.Count;
  double best_d2 = max_dist_px * max_dist_px;
  const IndexRange r = VisibleIndices(s, x_axis, px - max_dist_px, px + max_dist_px);
  for (std::size_t i = r.First; i < r.Last; ++i) {
    const double dx = x_axis.ToPixel(s.X(i)) - px, dy = y_axis.ToPixel(s.Y(i)) - py;
    const double d2 = dx * dx + dy * dy;  // NaN compares false: undrawable points never win
    if (d2 <= best_d2) {
      best_d2 = d2;
      best = i;
    }
  }
  return best;
}

}  // namespace ll::plot
