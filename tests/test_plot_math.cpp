// The plot layer's math (app/plot/plot_math.h): transforms, ticks, fitting, zoom/pan,
// decimation. Expected values are worked out by hand in the comments.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>
#include <string>
#include <vector>

#include "plot/plot_math.h"

using namespace ll::plot;

namespace {

doctest::Approx near(double v) { return doctest::Approx(v).epsilon(1e-12); }

std::vector<double> major_values(const std::vector<Tick>& ticks) {
  std::vector<double> v;
  for (const Tick& t : ticks)
    if (t.Major) v.push_back(t.Value);
  return v;
}

std::vector<std::string> major_labels(const std::vector<Tick>& ticks) {
  std::vector<std::string> v;
  for (const Tick& t : ticks)
    if (t.Major) v.push_back(t.Label);
  return v;
}

void check_values(const std::vector<double>& got, const std::vector<double>& want) {
  REQUIRE(got.size() == want.size());
  for (std::size_t i = 0; i < got.size(); ++i) CHECK(got[i] == near(want[i]));
}

using Labels = std::vector<std::string>;
using Indices = std::vector<std::size_t>;

}  // namespace

TEST_CASE("an axis maps its limits onto its pixel ends and back") {
  const Axis x = MakeAxis(0.0, 10.0, 100.0, 500.0);
  CHECK(x.ScaleToPixel == near(40.0));  // (500 − 100) / (10 − 0)
  CHECK(x.ToPixel(0.0) == near(100.0));
  CHECK(x.ToPixel(10.0) == near(500.0));
  CHECK(x.ToPixel(2.5) == near(200.0));
  CHECK(x.ToPixel(-1.0) == near(60.0));
  CHECK(x.FromPixel(300.0) == near(5.0));
  for (double v : {-3.25, 0.1, 7.0, 1234.5}) CHECK(x.FromPixel(x.ToPixel(v)) == near(v));
}

TEST_CASE("the y axis grows downward: its minimum sits at the bottom pixel") {
  const Axis y = MakeAxis(-1.0, 1.0, 400.0, 0.0);  // PixelMin = bottom of a 400 px plot
  CHECK(y.ScaleToPixel == near(-200.0));
  CHECK(y.ToPixel(-1.0) == near(400.0));
  CHECK(y.ToPixel(1.0) == near(0.0));
  CHECK(y.ToPixel(0.5) == near(100.0));
  CHECK(y.FromPixel(300.0) == near(-0.5));
}

TEST_CASE("a log axis spaces decades evenly and cannot draw non-positive values") {
  const Axis y = MakeAxis(1.0, 1000.0, 0.0, 300.0, AxisScale::Log10);
  CHECK(y.ScaleToPixel == near(100.0));  // 300 px over 3 decades
  CHECK(y.ToPixel(10.0) == near(100.0));
  CHECK(y.ToPixel(100.0) == near(200.0));
  CHECK(y.ToPixel(std::sqrt(10.0)) == near(50.0));
  CHECK(y.FromPixel(150.0) == near(std::pow(10.0, 1.5)));
  CHECK(std::isnan(y.ToPixel(0.0)));
  CHECK(std::isnan(y.ToPixel(-2.0)));
  CHECK(std::isnan(y.ToPixel(std::nan(""))));
}

TEST_CASE("sanitizing repairs reversed, empty and non-finite ranges") {
  const Range swapped = SanitizeRange({5.0, 1.0}, AxisScale::Linear);
  CHECK(swapped.Min == 1.0);
  CHECK(swapped.Max == 5.0);
  const Range nan = SanitizeRange({std::nan(""), 1.0}, AxisScale::Linear);
  CHECK(nan.Min == 0.0);
  CHECK(nan.Max == 1.0);
  const Range point = SanitizeRange({2.0, 2.0}, AxisScale::Linear);
  CHECK(point.Min < 2.0);
  CHECK(point.Max > 2.0);
  CHECK(point.Max - point.Min == doctest::Approx(2e-12));  // 1e-12 of |2|, split evenly
  const Range log_from_zero = SanitizeRange({-1.0, 100.0}, AxisScale::Log10);
  CHECK(log_from_zero.Min == near(0.1));  // three decades below the top
  CHECK(log_from_zero.Max == 100.0);
  const Range log_none = SanitizeRange({-5.0, 0.0}, AxisScale::Log10);
  CHECK(log_none.Min == 1.0);
  CHECK(log_none.Max == 10.0);
}

TEST_CASE("nice numbers round to 1, 2 or 5 times a power of ten") {
  CHECK(NiceNumber(0.25) == near(0.2));
  CHECK(NiceNumber(0.14) == near(0.1));
  CHECK(NiceNumber(0.29) == near(0.2));
  CHECK(NiceNumber(0.35) == near(0.5));
  CHECK(NiceNumber(6.9) == near(5.0));
  CHECK(NiceNumber(7.1) == near(10.0));
  CHECK(NiceNumber(123.0) == near(100.0));
  CHECK(NiceNumber(3e-7) == near(5e-7));
}

TEST_CASE("a unit range over 400 pixels gets major ticks every 0.2 and minors every 0.05") {
  // 400 px / 100 px = 4 intervals → raw step 0.25 → mantissa 2.5 < 3 → 0.2.
  const auto ticks = LinearTicks(0.0, 1.0, 400.0);
  check_values(major_values(ticks), {0.0, 0.2, 0.4, 0.6, 0.8, 1.0});
  CHECK(major_labels(ticks) == Labels{"0.0", "0.2", "0.4", "0.6", "0.8", "1.0"});
  // A step of 2 × 10⁻¹ splits into 4: multiples of 0.05 in [0, 1] minus the 6 majors.
  const auto minors = std::count_if(ticks.begin(), ticks.end(),
                                    [](const Tick& t) { return !t.Major && t.Label.empty(); });
  CHECK(minors == 21 - 6);
}

TEST_CASE("the tick step follows the pixels available") {
  // 200 px: 2 intervals → raw 0.5 → 0.5.
  CHECK(major_labels(LinearTicks(0.0, 1.0, 200.0)) == Labels{"0.0", "0.5", "1.0"});
  // 800 px over 15.9: raw 1.9875 → 2; ticks on multiples of 2 inside [−3.7, 12.2].
  CHECK(major_labels(LinearTicks(-3.7, 12.2, 800.0)) ==
        Labels{"-2", "0", "2", "4", "6", "8", "10", "12"});
  // 300 px over 0.0018: raw 0.0006 → mantissa 6 → 0.0005.
  const auto small = LinearTicks(0.0031, 0.0049, 300.0);
  check_values(major_values(small), {0.0035, 0.0040, 0.0045});
  CHECK(major_labels(small) == Labels{"0.0035", "0.0040", "0.0045"});
}

TEST_CASE("a short axis still gets two labelled ticks") {
  // 130 px over 1: one interval, raw step 1 → only 5.0 inside; the next nice step down is 0.5.
  CHECK(major_labels(LinearTicks(4.5, 5.5, 130.0)) == Labels{"4.5", "5.0", "5.5"});
  // 83 px over 1.1e-4: step 1e-4 holds only 0; 5e-5 holds 0 and 5e-5.
  CHECK(major_labels(LinearTicks(-3.5e-5, 7.5e-5, 83.0)) == Labels{"0", "5e-5"});
}

TEST_CASE("tick labels are short, exact and distinct") {
  CHECK(FormatTick(0.1 + 0.2, 0.1) == "0.3");
  CHECK(FormatTick(-1e-17, 0.2) == "0.0");
  CHECK(FormatTick(-0.4, 0.2) == "-0.4");
  CHECK(FormatTick(0.75, 0.25) == "0.75");
  CHECK(FormatTick(1500.0, 500.0) == "1500");
  CHECK(FormatTick(2.5e-6, 5e-7) == "2.5e-6");
  CHECK(FormatTick(3e8, 1e8) == "3e8");
  CHECK(FormatTick(1.5e6, 5e5) == "1.5e6");
  CHECK(FormatTick(1e6, 2e5) == "1e6");  // not "1.0e6" next to "8e5"
  CHECK(FormatValue(0.1234567) == "0.123457");
  CHECK(FormatValue(299779.0) == "299779");
  CHECK(FormatValue(-0.0) == "0");
  // One pixel is 0.01 here: two decimals. On the log axis, pixel 150 shows 10^1.5 = 31.62 and
  // the next 10^1.49 = 30.90: 0.72 per pixel, whose power of ten 0.1 gives one decimal.
  CHECK(FormatPixelValue(MakeAxis(0.0, 10.0, 0.0, 1000.0), 123.0) == "1.23");
  CHECK(FormatPixelValue(MakeAxis(1.0, 1000.0, 300.0, 0.0, AxisScale::Log10), 150.0) == "31.6");

  struct Case {
    double min, max, pixels;
  };
  for (const Case c :
       {Case{0.0, 1.0, 517.0}, Case{-0.013, 0.021, 311.0}, Case{99.5, 100.5, 640.0},
        Case{1e-7, 9e-7, 900.0}, Case{-2e7, 3e7, 333.0}, Case{0.69, 0.6931, 480.0}}) {
    CAPTURE(c.min);
    CAPTURE(c.max);
    const Labels labels = major_labels(LinearTicks(c.min, c.max, c.pixels));
    CHECK(labels.size() >= 2);
    CHECK(std::set<std::string>(labels.begin(), labels.end()).size() == labels.size());
    for (const std::string& l : labels) CHECK(l.size() <= 7);
  }
}

TEST_CASE("log ticks label every decade when there is room") {
  // 4 decades over 400 px: 100 px per decade → every decade, minors 2…9 × 10ᵏ in range.
  const auto ticks = LogTicks(1e-3, 10.0, 400.0);
  check_values(major_values(ticks), {1e-3, 1e-2, 0.1, 1.0, 10.0});
  CHECK(major_labels(ticks) == Labels{"0.001", "0.01", "0.1", "1", "10"});
  CHECK(ticks.size() - 5 == 4 * 8);  // 2e-3…9e-3, 2e-2…9e-2, 0.2…0.9, 2…9

  // 14 decades over 300 px: 21.4 px per decade; every 5 decades reaches the 50 px minimum.
  const auto wide = LogTicks(1e-12, 1e2, 300.0);
  check_values(major_values(wide), {1e-10, 1e-5, 1.0});
  CHECK(major_labels(wide) == Labels{"1e-10", "1e-5", "1"});

  // 5 decades over 100 px: every 5 decades, but 1e0 would be the only multiple of 5 in view,
  // so the labels count from the first decade instead.
  CHECK(major_labels(LogTicks(1e-3, 1e2, 100.0)) == Labels{"0.001", "100"});
}

TEST_CASE("log ticks under two decades use 1, 2, 5 or nice linear values") {
  // 0.05…0.8: 1.2 decades, 249 px per decade; 0.05, 0.1, 0.2, 0.5 are ≥ 40 px apart.
  CHECK(major_labels(LogTicks(0.05, 0.8, 300.0)) == Labels{"0.05", "0.1", "0.2", "0.5"});
  // 0.3…0.7 holds only 0.5 of those: linear ticks, raw step 0.4 / 3 → 0.1.
  const auto narrow = LogTicks(0.3, 0.7, 300.0);
  check_values(major_values(narrow), {0.3, 0.4, 0.5, 0.6, 0.7});
  const Axis log_axis = MakeAxis(0.3, 0.7, 300.0, 0.0, AxisScale::Log10);
  CHECK(major_labels(ComputeTicks(log_axis)) == major_labels(narrow));
}

TEST_CASE("fitting pads the data and never gives a zero-width or NaN range") {
  Extent e;
  for (double v : {0.0, 10.0, std::nan(""), std::numeric_limits<double>::infinity()}) e.Add(v);
  const Range padded = FitRange(e, AxisScale::Linear);  // 5% of 10 on each side
  CHECK(padded.Min == near(-0.5));
  CHECK(padded.Max == near(10.5));

  Extent constant;
  for (int i = 0; i < 3; ++i) constant.Add(3.0);
  const Range around = FitRange(constant, AxisScale::Linear);  // 3 ± 10%
  CHECK(around.Min == near(2.7));
  CHECK(around.Max == near(3.3));

  Extent zero;
  zero.Add(0.0);
  CHECK(FitRange(zero, AxisScale::Linear).Min == near(-0.5));
  CHECK(FitRange(zero, AxisScale::Linear).Max == near(0.5));

  Extent nothing;
  nothing.Add(std::nan(""));
  CHECK(nothing.Empty);
  CHECK(FitRange(nothing, AxisScale::Linear).Min == 0.0);
  CHECK(FitRange(nothing, AxisScale::Linear).Max == 1.0);

  Extent huge;
  huge.Add(-1e308);
  huge.Add(1e308);
  const Range clamped = FitRange(huge, AxisScale::Linear);
  CHECK(clamped.Min == -kMaxLimit);
  CHECK(clamped.Max == kMaxLimit);
  CHECK(std::isfinite(clamped.Max - clamped.Min));
}

TEST_CASE("fitting a log axis ignores non-positive values and pads in decades") {
  Extent e;
  for (double v : {-1.0, 0.0, 0.1, 10.0}) e.Add(v, AxisScale::Log10);
  const Range r = FitRange(e, AxisScale::Log10);  // 2 decades, 5% = 0.1 decade each side
  CHECK(r.Min == near(std::pow(10.0, -1.1)));
  CHECK(r.Max == near(std::pow(10.0, 1.1)));

  Extent constant;
  constant.Add(0.01, AxisScale::Log10);
  const Range c = FitRange(constant, AxisScale::Log10);  // c/2 … 2c
  CHECK(c.Min == near(0.005));
  CHECK(c.Max == near(0.02));
}

TEST_CASE("zooming keeps the value under the mouse fixed") {
  Axis x = MakeAxis(0.0, 10.0, 0.0, 500.0);  // pixel 100 shows 2
  REQUIRE(ZoomAxis(x, 100.0, 0.5));
  CHECK(x.Min == near(1.0));  // 2 + (0 − 2) · 0.5
  CHECK(x.Max == near(6.0));  // 2 + (10 − 2) · 0.5
  CHECK(x.FromPixel(100.0) == near(2.0));

  Axis y = MakeAxis(0.0, 1.0, 400.0, 0.0);  // pixel 100 shows 0.75
  REQUIRE(ZoomAxis(y, 100.0, 2.0));
  CHECK(y.Min == near(-0.75));
  CHECK(y.Max == near(1.25));
  CHECK(y.FromPixel(100.0) == near(0.75));

  Axis log_y = MakeAxis(1.0, 1000.0, 0.0, 300.0, AxisScale::Log10);  // pixel 100 shows 10
  REQUIRE(ZoomAxis(log_y, 100.0, 0.5));  // log10 limits: 1 + (0 − 1)/2, 1 + (3 − 1)/2
  CHECK(log_y.Min == near(std::sqrt(10.0)));
  CHECK(log_y.Max == near(100.0));
  CHECK(log_y.FromPixel(100.0) == near(10.0));
}

TEST_CASE("zooming in or out without end stops at a finite, non-empty range") {
  Axis x = MakeAxis(0.0, 1.0, 0.0, 500.0);
  int steps = 0;
  while (ZoomAxis(x, 123.0, 0.01) && steps < 1000) ++steps;
  CHECK(steps < 1000);
  CHECK(x.Max > x.Min);
  CHECK(x.FromPixel(123.0) == doctest::Approx(0.246).epsilon(1e-6));
  steps = 0;
  while (ZoomAxis(x, 0.0, 100.0) && steps < 1000) ++steps;
  CHECK(steps < 1000);
  CHECK(std::isfinite(x.Max - x.Min));
}

TEST_CASE("panning moves the data with the mouse") {
  Axis x = MakeAxis(0.0, 10.0, 0.0, 500.0);  // 50 px per unit
  REQUIRE(PanAxis(x, 50.0));
  CHECK(x.Min == near(-1.0));
  CHECK(x.Max == near(9.0));
  CHECK(x.ToPixel(2.0) == near(150.0));  // was under pixel 100

  Axis y = MakeAxis(0.0, 1.0, 400.0, 0.0);  // −400 px per unit; drag 40 px down
  REQUIRE(PanAxis(y, 40.0));
  CHECK(y.Min == near(0.1));
  CHECK(y.Max == near(1.1));
  CHECK(y.ToPixel(0.75) == near(140.0));  // was under pixel 100
}

TEST_CASE("line decimation keeps the first, highest, lowest and last point of each column") {
  // 1 px per unit: indices 0…5 share column 0, then one point each in columns 1 and 2.
  const std::vector<double> xs{0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 1.5, 2.5};
  const std::vector<double> ys{5.0, 9.0, 1.0, 4.0, 6.0, 3.0, 7.0, 8.0};
  const Axis x = MakeAxis(0.0, 10.0, 0.0, 10.0);
  const Axis y = MakeAxis(0.0, 10.0, 10.0, 0.0);
  Indices out;
  DecimateLine({xs.data(), ys.data(), xs.size()}, x, y, out);
  CHECK(out == Indices{0, 1, 2, 5, 6, 7});  // first 0, max 9 at 1, min 1 at 2, last 5

  // An undrawable point marks a gap once, however many follow.
  const std::vector<double> gx{0.0, 0.5, 1.5, 2.5, 3.5};
  const std::vector<double> gy{1.0, std::nan(""), std::nan(""), 2.0, 3.0};
  DecimateLine({gx.data(), gy.data(), gx.size()}, x, y, out);
  CHECK(out == Indices{0, 1, 3, 4});
}

TEST_CASE("a line over steps keeps its gaps, column by column") {
  // 0.125 px per step: steps 8k…8k+7 share column k. y = i, so each column's lowest point is
  // its first and its highest its last; the NaN at 11 splits column 1.
  std::vector<double> ys(32);
  for (std::size_t i = 0; i < ys.size(); ++i) ys[i] = static_cast<double>(i);
  ys[11] = std::nan("");
  Series s;
  s.Ys = ys.data();
  s.Count = ys.size();
  Indices out;
  DecimateLine(s, MakeAxis(0.0, 32.0, 0.0, 4.0), MakeAxis(0.0, 32.0, 4.0, 0.0), out);
  CHECK(out == Indices{0, 7, 8, 10, 11, 12, 15, 16, 23, 24, 31});
}

TEST_CASE("a million-point line shrinks to at most four points per column, min and max kept") {
  const std::size_t n = 1000000;
  std::vector<double> ys(n);
  for (std::size_t i = 0; i < n; ++i)
    ys[i] = std::sin(0.001 * static_cast<double>(i)) + 0.1 * std::sin(static_cast<double>(i));
  Series s;
  s.Ys = ys.data();
  s.Count = n;  // x = i
  const Axis x = MakeAxis(0.0, static_cast<double>(n), 0.0, 100.0);
  const Axis y = MakeAxis(-2.0, 2.0, 400.0, 0.0);
  Indices out;
  DecimateLine(s, x, y, out);
  CHECK(out.size() <= 4 * 101);
  CHECK(std::is_sorted(out.begin(), out.end()));
  // In every column, the kept points reach the column's true extremes.
  for (std::size_t col = 0; col < 100; ++col) {
    const std::size_t a = col * 10000, b = a + 10000;
    const auto [lo, hi] =
        std::minmax_element(ys.begin() + static_cast<long>(a), ys.begin() + static_cast<long>(b));
    CHECK(std::binary_search(out.begin(), out.end(), static_cast<std::size_t>(lo - ys.begin())));
    CHECK(std::binary_search(out.begin(), out.end(), static_cast<std::size_t>(hi - ys.begin())));
  }
}

TEST_CASE("a series over steps only visits the steps in view") {
  Series s;
  std::vector<double> ys(1000000, 0.5);
  s.Ys = ys.data();
  s.Count = ys.size();
  const Axis x = MakeAxis(1000.0, 2000.0, 0.0, 100.0);
  const IndexRange r = VisibleIndices(s, x, 0.0, 100.0);
  CHECK(r.First == 999);  // floor(1000) − 1
  CHECK(r.Last == 2002);  // ceil(2000) + 2, exclusive
  Indices out;
  DecimateLine(s, x, MakeAxis(0.0, 1.0, 100.0, 0.0), out);
  CHECK(out.front() >= 999);
  CHECK(out.back() <= 2001);
}

TEST_CASE("scatter decimation keeps one point per occupied pixel cell, the one drawn last") {
  // 1 px per unit; the first three points share the cell x ∈ [1, 2), y ∈ [8, 9) px.
  const std::vector<double> xs{1.2, 1.5, 1.9, 5.0, 20.0};
  const std::vector<double> ys{1.2, 1.7, 1.1, 5.0, 5.0};
  const Axis x = MakeAxis(0.0, 10.0, 0.0, 10.0);
  const Axis y = MakeAxis(0.0, 10.0, 10.0, 0.0);
  Indices out;
  DecimateScatter({xs.data(), ys.data(), xs.size()}, x, y, 1.0, 0.0, out);
  CHECK(out == Indices{2, 3});  // index 4 lies off the plot
  DecimateScatter({xs.data(), ys.data(), xs.size()}, x, y, 1.0, 12.0, out);
  CHECK(out == Indices{2, 3, 4});  // a 12 px margin reaches x = 20
}

TEST_CASE("the nearest point is found within the pick radius only") {
  // 10 px per unit, y flipped: points at pixels (10, 90), (20, 80), (21, 79).
  const std::vector<double> xs{1.0, 2.0, 2.1};
  const std::vector<double> ys{1.0, 2.0, 2.1};
  const Axis x = MakeAxis(0.0, 10.0, 0.0, 100.0);
  const Axis y = MakeAxis(0.0, 10.0, 100.0, 0.0);
  const Series s{xs.data(), ys.data(), xs.size()};
  CHECK(NearestPoint(s, x, y, 20.4, 79.6, 5.0) == 1);  // 0.57 px vs 0.85 px
  CHECK(NearestPoint(s, x, y, 21.0, 79.0, 5.0) == 2);
  CHECK(NearestPoint(s, x, y, 50.0, 50.0, 5.0) == s.Count);

  // Array-of-structs data through a byte stride; duplicates go to the later (top) point.
  struct P {
    double x, y;
    int label;
  };
  const std::vector<P> pts{{1.0, 1.0, 0}, {3.0, 3.0, 1}, {3.0, 3.0, 2}};
  Series aos{&pts[0].x, &pts[0].y, pts.size(), sizeof(P)};
  CHECK(aos.X(1) == 3.0);
  CHECK(NearestPoint(aos, x, y, 30.0, 70.0, 2.0) == 2);
}

TEST_CASE("the class palette is Okabe-Ito without black, wrapping around") {
  CHECK(ClassRgb(0).r == 230);  // orange #E69F00
  CHECK(ClassRgb(0).g == 159);
  CHECK(ClassRgb(1).b == 233);  // sky blue #56B4E9
  CHECK(ClassRgb(7).r == ClassRgb(0).r);
  CHECK(ClassRgb(-1).r == 240);  // yellow #F0E442, the last
  std::set<int> colours;
  for (int k = 0; k < 7; ++k) {
    const Rgb c = ClassRgb(k);
    colours.insert(c.r * 65536 + c.g * 256 + c.b);
    CHECK(c.r + c.g + c.b > 0);
  }
  CHECK(colours.size() == 7);
}
