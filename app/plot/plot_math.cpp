// The plot layer's math; see plot_math.h. No ImGui here. Series and decimation: plot_series.cpp.
//
// Index
// [SECTION] Axis
// [SECTION] Ticks
// [SECTION] Fitting
// [SECTION] Navigation
// [SECTION] Colours
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

// [SECTION] Axis ----------------------------------------------------------------------------------

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

// [SECTION] Ticks ---------------------------------------------------------------------------------

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
  double step = NiceNumber((max - min) / std::max(1.0, pixels / target_px));
  int e = static_cast<int>(std::floor(std::log10(step) + 1e-9));
  double mantissa = std::round(ScaledPow10(step, -e));  // 1, 2 or 5
  double i0 = 0.0, i1 = -1.0;
  // At least two labelled ticks, or a reader cannot tell the scale: step down 5 → 2 → 1 → 0.5.
  for (int attempt = 0; attempt < 4; ++attempt) {
    i0 = std::ceil(min / step - 1e-9);
    i1 = std::floor(max / step + 1e-9);
    if (i1 > i0) break;
    mantissa = mantissa == 5.0 ? 2.0 : mantissa == 2.0 ? 1.0 : 5.0;
    if (mantissa == 5.0) --e;
    step = ScaledPow10(mantissa, e);
  }
  if (!(i1 - i0 < 1000.0)) return out;
  for (double i = i0; i <= i1; ++i) {
    const double v = TickValue(i, step);
    out.push_back({v, true, FormatTick(v, step)});
  }
  if (!minor) return out;
  // A step of 2 × 10ⁿ splits into 4 minors (0.5 × 10ⁿ), 1 and 5 × 10ⁿ into 5.
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
    // On multiples of d (1e-10, 1e-5, 1), unless that leaves one label: then from the first.
    const int align = (k1 - (((k1 % d) + d) % d)) - d < k0 ? k0 : 0;
    for (int k = k0; k <= k1; ++k) {
      const double v = ScaledPow10(1.0, k);
      const bool major = (((k - align) % d) + d) % d == 0;
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

// [SECTION] Fitting -------------------------------------------------------------------------------

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

// [SECTION] Navigation ----------------------------------------------------------------------------

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

// [SECTION] Colours -------------------------------------------------------------------------------

Rgb ClassRgb(int k, bool light_background) {
  static constexpr std::array<Rgb, 6> kOnLight{{{213, 94, 0},
                                               {0, 114, 178},
                                               {0, 158, 115},
                                               {204, 121, 167},
                                               {230, 159, 0},
                                               {86, 180, 233}}};
  if (light_background) {
    const int n = static_cast<int>(kOnLight.size());
    return kOnLight[static_cast<std::size_t>(((k % n) + n) % n)];
  }
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
