// The plot layer's math; see plot_math.h. No ImGui here.
#include "plot/plot_math.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <utility>

namespace ll::plot {
namespace {

// Smallest relative width a range may have: below it, doubles no longer resolve one pixel.
constexpr double kMinRelativeWidth = 1e-12;
constexpr double kMinAbsoluteWidth = 1e-300;
constexpr double kMinLogValue = 1e-300;

// The axis's transformed space: T(v) = v (linear) or log10 v; NaN when v cannot be drawn.
double ToT(double v, AxisScale scale) {
  if (scale == AxisScale::Linear) return v;
  return v > 0.0 ? std::log10(v) : std::nan("");
}
double FromT(double t, AxisScale scale) {
  return scale == AxisScale::Linear ? t : std::pow(10.0, t);
}

Range DefaultRange(AxisScale scale) {
  return scale == AxisScale::Linear ? Range{0.0, 1.0} : Range{1.0, 10.0};
}

// 10ⁿ, exact for |n| ≤ 22; nf · 10ⁿ is then correctly rounded (division for negative n).
double ScaledPow10(double nf, int n) {
  return n >= 0 ? nf * std::pow(10.0, n) : nf / std::pow(10.0, -n);
}

// The number of decimals that write `step` exactly (0.25 → 2, 0.2 → 1, 5 → 0), at most 15.
int DecimalsFor(double step) {
  for (int d = 0; d < 15; ++d) {
    const double scaled = ScaledPow10(step, d);
    if (std::fabs(scaled - std::round(scaled)) <= 1e-9 * std::max(1.0, scaled)) return d;
  }
  return 15;
}

// i · step, computed as i / (1 / step) when 1 / step is an integer (steps below 1 are 1, 2 or
// 5 × 10⁻ⁿ), so that 3 × 0.1 gives 0.3 rather than 0.30000000000000004.
double TickValue(double i, double step) {
  if (step < 1.0) {
    const double inv = std::round(1.0 / step);
    if (std::fabs(inv * step - 1.0) < 1e-12) return i / inv;
  }
  return i * step;
}

std::string Format(const char* fmt, int digits, double v) {
  std::array<char, 64> buf{};
  std::snprintf(buf.data(), buf.size(), fmt, digits, v);
  return buf.data();
}

}  // namespace

// ---- Axis ----------------------------------------------------------------------------------

void Axis::SetRange(double min, double max) {
  const Range r = SanitizeRange({min, max}, Scale);
  Min = r.Min;
  Max = r.Max;
  UpdateTransform();
}

void Axis::SetPixelRange(double pixel_min, double pixel_max) {
  PixelMin = pixel_min;
  PixelMax = pixel_max;
  UpdateTransform();
}

void Axis::UpdateTransform() {
  LogMin = IsLog() ? ToT(Min, Scale) : 0.0;
  const double t_span = ToT(Max, Scale) - ToT(Min, Scale);
  ScaleToPixel = (std::isfinite(t_span) && t_span != 0.0) ? (PixelMax - PixelMin) / t_span : 0.0;
}

double Axis::ToPixel(double v) const {
  if (!IsLog()) return PixelMin + ScaleToPixel * (v - Min);  // NaN and ±inf stay non-finite
  return v > 0.0 ? PixelMin + ScaleToPixel * (std::log10(v) - LogMin) : std::nan("");
}

double Axis::FromPixel(double pixel) const {
  if (ScaleToPixel == 0.0) return Min;
  return FromT(ToT(Min, Scale) + (pixel - PixelMin) / ScaleToPixel, Scale);
}

Axis MakeAxis(double min, double max, double pixel_min, double pixel_max, AxisScale scale) {
  Axis a;
  a.Scale = scale;
  a.PixelMin = pixel_min;
  a.PixelMax = pixel_max;
  a.SetRange(min, max);
  return a;
}

Range SanitizeRange(Range r, AxisScale scale) {
  if (!std::isfinite(r.Min) || !std::isfinite(r.Max)) return DefaultRange(scale);
  if (r.Min > r.Max) std::swap(r.Min, r.Max);
  r.Min = std::clamp(r.Min, -kMaxLimit, kMaxLimit);
  r.Max = std::clamp(r.Max, -kMaxLimit, kMaxLimit);
  if (scale == AxisScale::Linear) {
    const double min_width = std::max(
        kMinRelativeWidth * std::max(std::fabs(r.Min), std::fabs(r.Max)), kMinAbsoluteWidth);
    if (r.Max - r.Min < min_width) {
      const double c = r.Min / 2 + r.Max / 2;
      r = {c - min_width / 2, c + min_width / 2};
    }
    return r;
  }
  if (r.Max <= kMinLogValue) return DefaultRange(scale);
  // A log axis cannot reach 0: a lower limit ≤ 0 becomes three decades below the upper one.
  if (r.Min < kMinLogValue) r.Min = std::max(r.Max * 1e-3, kMinLogValue);
  double t_lo = std::log10(r.Min), t_hi = std::log10(r.Max);
  const double min_width = kMinRelativeWidth * std::max({1.0, std::fabs(t_lo), std::fabs(t_hi)});
  if (t_hi - t_lo < min_width) {
    const double c = t_lo / 2 + t_hi / 2;
    t_lo = c - min_width / 2;
    t_hi = c + min_width / 2;
    r = {std::pow(10.0, t_lo), std::pow(10.0, t_hi)};
  }
  return r;
}

// ---- Ticks ---------------------------------------------------------------------------------

double NiceNumber(double x) {
  if (!(x > 0.0) || !std::isfinite(x)) return 1.0;
  const int e = static_cast<int>(std::floor(std::log10(x)));
  const double f = x / std::pow(10.0, e);
  const double nf = f < 1.5 ? 1.0 : f < 3.0 ? 2.0 : f < 7.0 ? 5.0 : 10.0;
  return ScaledPow10(nf, e);
}

std::vector<Tick> LinearTicks(double min, double max, double pixels, double target_px, bool minor) {
  std::vector<Tick> out;
  if (!(max > min) || !std::isfinite(max - min) || !(pixels > 0.0) || !(target_px > 0.0)) {
    return out;
  }
  const double step = NiceNumber((max - min) / std::max(1.0, pixels / target_px));
  const double i0 = std::ceil(min / step - 1e-9), i1 = std::floor(max / step + 1e-9);
  if (!(i1 - i0 < 1000.0)) return out;
  for (double i = i0; i <= i1; ++i) {
    const double v = TickValue(i, step);
    out.push_back({v, true, FormatTick(v, step)});
  }
  if (!minor) return out;
  // A step of 2 × 10ⁿ splits into 4 minors (0.5 × 10ⁿ), 1 and 5 × 10ⁿ into 5.
  const double mantissa = std::round(step / std::pow(10.0, std::floor(std::log10(step))));
  const double divisions = mantissa == 2.0 ? 4.0 : 5.0;
  const double minor_step = step / divisions;
  const double j0 = std::ceil(min / minor_step - 1e-9), j1 = std::floor(max / minor_step + 1e-9);
  for (double j = j0; j <= j1; ++j) {
    if (std::fmod(j, divisions) != 0.0) out.push_back({j * step / divisions, false, {}});
  }
  return out;
}

std::vector<Tick> LogTicks(double min, double max, double pixels, double target_px) {
  std::vector<Tick> out;
  if (!(min > 0.0) || !(max > min) || !std::isfinite(max) || !(pixels > 0.0)) return out;
  const double l_min = std::log10(min), l_max = std::log10(max);
  const double px_per_decade = pixels / (l_max - l_min);
  const auto pixel_of = [&](double v) { return (std::log10(v) - l_min) * px_per_decade; };
  const int k0 = static_cast<int>(std::ceil(l_min - 1e-9));
  const int k1 = static_cast<int>(std::floor(l_max + 1e-9));
  const int lo_decade = static_cast<int>(std::floor(l_min)), hi_decade = k1;
  const auto in_range = [&](double v) { return v >= min * (1 - 1e-12) && v <= max * (1 + 1e-12); };

  if (k1 - k0 >= 1) {
    // Decade labels every d = 1, 2, 5, 10, 20… decades, at least target_px / 2 apart.
    const auto next_nice = [](int v) {  // 1 → 2 → 5 → 10 → 20 → 50 …
      int p = 1;
      while (p * 10 <= v) p *= 10;
      return v / p == 2 ? 5 * p : 2 * v;
    };
    int d = 1;
    while (d * px_per_decade < target_px / 2 && d < 1000) d = next_nice(d);
    for (int k = k0; k <= k1; ++k) {
      const double v = ScaledPow10(1.0, k);
      const bool major = ((k % d) + d) % d == 0;
      if (major)
        out.push_back({v, true, FormatTick(v, v)});
      else if (px_per_decade >= 5.0)
        out.push_back({v, false, {}});
    }
    if (d == 1 && px_per_decade >= 40.0) {
      for (int k = lo_decade; k <= hi_decade; ++k) {
        for (int m = 2; m <= 9; ++m) {
          const double v = ScaledPow10(m, k);
          if (in_range(v)) out.push_back({v, false, {}});
        }
      }
    }
    return out;
  }
  // Under two decade ticks: label 1, 2, 5 × 10ᵏ, keeping labels target_px × 0.4 apart.
  double last_px = -1e300;
  for (int k = lo_decade; k <= hi_decade; ++k) {
    for (int m = 1; m <= 9; ++m) {
      const double v = ScaledPow10(m, k);
      if (!in_range(v)) continue;
      const bool candidate = m == 1 || m == 2 || m == 5;
      if (candidate && pixel_of(v) - last_px >= target_px * 0.4) {
        out.push_back({v, true, FormatTick(v, ScaledPow10(1.0, k))});
        last_px = pixel_of(v);
      } else {
        out.push_back({v, false, {}});
      }
    }
  }
  const auto majors = std::count_if(out.begin(), out.end(), [](const Tick& t) { return t.Major; });
  if (majors >= 2) return out;
  // Less than a decade: nice linear values, placed on the log scale.
  return LinearTicks(min, max, pixels, target_px, false);
}

std::vector<Tick> ComputeTicks(const Axis& axis, double target_px) {
  const double pixels = std::fabs(axis.PixelMax - axis.PixelMin);
  return axis.IsLog() ? LogTicks(axis.Min, axis.Max, pixels, target_px)
                      : LinearTicks(axis.Min, axis.Max, pixels, target_px);
}

std::string FormatTick(double value, double step) {
  if (!std::isfinite(value) || !(step > 0.0) || !std::isfinite(step)) return FormatValue(value);
  if (std::fabs(value) < step * 1e-6) value = 0.0;
  if (step >= 1e-4 && step < 1e5) return Format("%.*f", DecimalsFor(step), value);
  if (value == 0.0) return "0";
  // m × 10ᵉ with as many mantissa decimals as the step needs at this magnitude.
  const int step_e = static_cast<int>(std::floor(std::log10(step)));
  const int step_decimals = DecimalsFor(ScaledPow10(step, -step_e));
  int e = static_cast<int>(std::floor(std::log10(std::fabs(value))));
  int digits = std::clamp(e - step_e + step_decimals, 0, 15);
  std::string mantissa = Format("%.*f", digits, ScaledPow10(value, -e));
  if (std::fabs(std::strtod(mantissa.c_str(), nullptr)) >= 10.0) {  // 9.96 → "10.0"
    ++e;
    digits = std::max(0, digits - 1);
    mantissa = Format("%.*f", digits, ScaledPow10(value, -e));
  }
  if (mantissa.find('.') != std::string::npos) {  // "1.0e6" → "1e6" next to "2e5"
    mantissa.erase(mantissa.find_last_not_of('0') + 1);
    if (mantissa.back() == '.') mantissa.pop_back();
  }
  return mantissa + "e" + std::to_string(e);
}

std::string FormatValue(double value) {
  if (value == 0.0) value = 0.0;  // −0 → 0
  if (std::fabs(value) < 1e9 && value == std::round(value)) return Format("%.*f", 0, value);
  return Format("%.*g", 6, value);
}

std::string FormatPixelValue(const Axis& axis, double pixel) {
  // The power of ten at or below one pixel's worth of data gives the last digit that counts.
  const double v = axis.FromPixel(pixel);
  const double per_pixel = std::fabs(axis.FromPixel(pixel + 1.0) - v);
  if (!(per_pixel > 0.0) || !std::isfinite(per_pixel)) return FormatValue(v);
  return FormatTick(v, ScaledPow10(1.0, static_cast<int>(std::floor(std::log10(per_pixel)))));
}

// ---- Fitting -------------------------------------------------------------------------------

void Extent::Add(double v, AxisScale scale) {
  if (!std::isfinite(v) || (scale == AxisScale::Log10 && !(v > 0.0))) return;
  if (Empty) {
    Min = Max = v;
    Empty = false;
  } else {
    Min = std::min(Min, v);
    Max = std::max(Max, v);
  }
}

void Extent::Add(const Extent& other) {
  if (other.Empty) return;
  Add(other.Min);
  Add(other.Max);
}

Range FitRange(const Extent& extent, AxisScale scale, double pad_fraction) {
  if (extent.Empty) return DefaultRange(scale);
  if (scale == AxisScale::Log10) {
    double t_lo = std::log10(extent.Min), t_hi = std::log10(extent.Max);
    const double pad = t_hi - t_lo > kMinRelativeWidth * std::max(1.0, std::fabs(t_lo))
                           ? (t_hi - t_lo) * pad_fraction
                           : std::log10(2.0);  // constant c: c/2 … 2c
    t_lo -= pad;
    t_hi += pad;
    return SanitizeRange({std::pow(10.0, t_lo), std::pow(10.0, t_hi)}, scale);
  }
  const double lo = extent.Min, hi = extent.Max;
  const double half_span = hi / 2 - lo / 2;  // halves first: hi − lo may overflow
  if (half_span > kMinRelativeWidth * std::max(std::fabs(lo), std::fabs(hi))) {
    const double pad = half_span * (2 * pad_fraction);
    return SanitizeRange({lo - pad, hi + pad}, scale);
  }
  const double c = lo / 2 + hi / 2;
  const double d = std::fabs(c) * 0.1 > kMinAbsoluteWidth ? std::fabs(c) * 0.1 : 0.5;
  return SanitizeRange({c - d, c + d}, scale);
}

// ---- Navigation ----------------------------------------------------------------------------

namespace {
bool SetIfSane(Axis& axis, Range candidate) {
  const Range s = SanitizeRange(candidate, axis.Scale);
  if (s.Min != candidate.Min || s.Max != candidate.Max) return false;
  axis.Min = candidate.Min;
  axis.Max = candidate.Max;
  axis.UpdateTransform();
  return true;
}
}  // namespace

bool ZoomAxis(Axis& axis, double pixel, double factor) {
  if (!(factor > 0.0) || !std::isfinite(factor) || axis.ScaleToPixel == 0.0) return false;
  const double t_min = ToT(axis.Min, axis.Scale), t_max = ToT(axis.Max, axis.Scale);
  const double t = t_min + (pixel - axis.PixelMin) / axis.ScaleToPixel;
  return SetIfSane(axis, {FromT(t + (t_min - t) * factor, axis.Scale),
                          FromT(t + (t_max - t) * factor, axis.Scale)});
}

bool PanAxis(Axis& axis, double delta_px) {
  if (axis.ScaleToPixel == 0.0 || !std::isfinite(delta_px)) return false;
  const double dt = delta_px / axis.ScaleToPixel;
  return SetIfSane(axis, {FromT(ToT(axis.Min, axis.Scale) - dt, axis.Scale),
                          FromT(ToT(axis.Max, axis.Scale) - dt, axis.Scale)});
}

// ---- Series and decimation -----------------------------------------------------------------

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

// ---- Colours -------------------------------------------------------------------------------

Rgb ClassRgb(int k) {
  static constexpr std::array<Rgb, 7> kPalette{{{230, 159, 0},
                                                {86, 180, 233},
                                                {0, 158, 115},
                                                {213, 94, 0},
                                                {0, 114, 178},
                                                {204, 121, 167},
                                                {240, 228, 66}}};
  const int n = static_cast<int>(kPalette.size());
  return kPalette[static_cast<std::size_t>(((k % n) + n) % n)];
}

}  // namespace ll::plot
