#pragma once
// The plot layer's math, without ImGui, so it can be unit-tested: an axis maps a data range onto
// a pixel range (linear or log10), picks "nice" ticks, fits itself to data, zooms and pans; and
// helpers thin long series down to what a pixel grid can show. plot.h draws with these.
//
// Conventions (as in ImPlot): each axis keeps Min/Max (data) and PixelMin/PixelMax (screen);
// y pixels grow downward, so the y axis's PixelMin is the *bottom* of the plot area. A value
// that cannot be drawn (NaN, ±inf, or ≤ 0 on a log axis) maps to a non-finite pixel.
#include <cstddef>
#include <string>
#include <vector>

namespace ll::plot {

enum class AxisScale { Linear, Log10 };

struct Point {
  double x = 0.0;
  double y = 0.0;
};

struct Range {
  double Min = 0.0;
  double Max = 1.0;
  double Size() const { return Max - Min; }
  bool Contains(double v) const { return v >= Min && v <= Max; }
};

// Largest |limit| an axis accepts, so that Max − Min stays finite.
constexpr double kMaxLimit = 1e300;

struct Axis {
  double Min = 0.0;
  double Max = 1.0;
  double PixelMin = 0.0;
  double PixelMax = 1.0;
  double ScaleToPixel = 1.0;  // (PixelMax − PixelMin) / (T(Max) − T(Min)); T = identity or log10
  AxisScale Scale = AxisScale::Linear;
  double LogMin = 0.0;  // log10(Min) on a log axis, kept by UpdateTransform()

  bool IsLog() const { return Scale == AxisScale::Log10; }
  void SetRange(double min, double max);  // sanitized, then UpdateTransform()
  void SetPixelRange(double pixel_min, double pixel_max);
  void UpdateTransform();  // after changing the fields directly
  // pixel = PixelMin + ScaleToPixel · (T(v) − T(Min))
  double ToPixel(double v) const;
  // v = T⁻¹(T(Min) + (pixel − PixelMin) / ScaleToPixel)
  double FromPixel(double pixel) const;
};

Axis MakeAxis(double min, double max, double pixel_min, double pixel_max,
              AxisScale scale = AxisScale::Linear);

// A range an axis can show: finite, Min < Max, |limits| ≤ kMaxLimit, Min > 0 on a log axis, and
// wide enough (relative width ≥ 1e-12) that double precision still resolves a pixel.
Range SanitizeRange(Range r, AxisScale scale);

// ---- Ticks ---------------------------------------------------------------------------------

struct Tick {
  double Value = 0.0;
  bool Major = true;
  std::string Label;  // empty for minor ticks
};

// Rounds x > 0 to 1, 2 or 5 × 10ⁿ: mantissa < 1.5 → 1, < 3 → 2, < 7 → 5, else 10 (Heckbert).
double NiceNumber(double x);

// Major ticks every NiceNumber(span / (pixels / target_px)), so about one per target_px pixels,
// at integer multiples of the step (a smaller nice step when that would leave fewer than two);
// minor ticks split a step into 5 (into 4 when it is 2 × 10ⁿ).
std::vector<Tick> LinearTicks(double min, double max, double pixels, double target_px = 100.0,
                              bool minor = true);
// Majors at decades 10ᵏ (every d = 1, 2, 5, 10… decades so they stay target_px / 2 apart; on
// multiples of d unless that leaves one), minors at 2…9 × 10ᵏ. Under two decades in view:
// labelled 1, 2, 5 × 10ᵏ; under one: nice linear values (placed on the log scale).
std::vector<Tick> LogTicks(double min, double max, double pixels, double target_px = 100.0);
// Ticks for an axis: linear or log by its scale, over |PixelMax − PixelMin| pixels.
std::vector<Tick> ComputeTicks(const Axis& axis, double target_px = 100.0);

// The shortest label that tells ticks `step` apart: fixed, with as many decimals as the step
// needs (step 0.2 → "0.4", 0.25 → "0.75", 5 → "15"); scientific ("2.5e-6", "3e8") when the
// step is below 1e-4 or at least 1e5. Round-off near zero (and −0) prints as zero.
std::string FormatTick(double value, double step);
// A data value for a tooltip: integers in full ("299779"), others with 6 significant digits.
std::string FormatValue(double value);
// The value under `pixel`, to the power of ten one pixel spans (0.01 per pixel → "1.23").
std::string FormatPixelValue(const Axis& axis, double pixel);

// ---- Fitting ---------------------------------------------------------------------------------

// The extent of the drawable values seen so far (finite; > 0 on a log axis).
struct Extent {
  double Min = 0.0;
  double Max = 0.0;
  bool Empty = true;
  void Add(double v, AxisScale scale = AxisScale::Linear);
};

// Limits that show the extent with pad_fraction of its span added on both sides (in log10 space
// on a log axis). Empty: [0, 1] ([1, 10] log). Constant c: c ± 10% of |c| (0 ± 0.5; c/2…2c log).
Range FitRange(const Extent& extent, AxisScale scale, double pad_fraction = 0.05);

// ---- Navigation ------------------------------------------------------------------------------

// Zooms about the value v under `pixel`: each limit L becomes v + (L − v) · factor in T space,
// so `pixel` still shows v. factor < 1 zooms in. Refused (returns false) when the result would
// leave SanitizeRange's bounds.
bool ZoomAxis(Axis& axis, double pixel, double factor);
// Drags the data by delta_px: the value under any pixel p moves to p + delta_px. Refused
// (returns false) when the result would leave SanitizeRange's bounds.
bool PanAxis(Axis& axis, double delta_px);

// ---- Series and decimation -------------------------------------------------------------------

// A read-only view of Count points: X(i) = Xs[i], Y(i) = Ys[i] with a byte Stride (so fields of an
// array of structs work); with Xs == nullptr, X(i) = X0 + i · Dx (a line over steps).
struct Series {
  const double* Xs = nullptr;
  const double* Ys = nullptr;
  std::size_t Count = 0;
  std::size_t Stride = sizeof(double);
  double X0 = 0.0;
  double Dx = 1.0;

  // Inline: called once or twice per point per frame for series of a million points.
  double X(std::size_t i) const {
    if (Xs == nullptr) return X0 + static_cast<double>(i) * Dx;
    return *reinterpret_cast<const double*>(reinterpret_cast<const char*>(Xs) + i * Stride);
  }
  double Y(std::size_t i) const {
    return *reinterpret_cast<const double*>(reinterpret_cast<const char*>(Ys) + i * Stride);
  }
};

// Indices [First, Last) of the points that can lie within pixels [px_lo, px_hi] of the x axis:
// exact for implicit, linear x (one point of margin each side); everything otherwise.
struct IndexRange {
  std::size_t First = 0;
  std::size_t Last = 0;
};
IndexRange VisibleIndices(const Series& s, const Axis& x_axis, double px_lo, double px_hi);

// M4 decimation for a line: each run of consecutive points inside one pixel column becomes its
// first, lowest, highest and last point, in their original order, so the drawn polyline covers
// the same pixels. An undrawable point is kept (once per run) to mark a gap. Writes indices.
void DecimateLine(const Series& s, const Axis& x_axis, const Axis& y_axis,
                  std::vector<std::size_t>& out);
// At most one point per cell_px × cell_px pixel cell — the last, which is drawn on top — over the
// plot rectangle grown by margin_px (points further out are dropped). Indices in order.
void DecimateScatter(const Series& s, const Axis& x_axis, const Axis& y_axis, double cell_px,
                     double margin_px, std::vector<std::size_t>& out);
// The drawable point nearest to pixel (px, py), if within max_dist_px; ties go to the later point
// (drawn on top). Returns s.Count when none.
std::size_t NearestPoint(const Series& s, const Axis& x_axis, const Axis& y_axis, double px,
                         double py, double max_dist_px);

// ---- Colours ---------------------------------------------------------------------------------

struct Rgb {
  unsigned char r, g, b;
};
// Okabe & Ito's colour-blind-safe palette, without its black (invisible on a dark theme):
// orange, sky blue, bluish green, vermillion, blue, reddish purple, yellow; k wraps around.
// On a light background the first two classes take the palette's darker vermillion and blue
// (orange and sky blue wash out on white), and yellow is left out.
Rgb ClassRgb(int k, bool light_background = false);

}  // namespace ll::plot
