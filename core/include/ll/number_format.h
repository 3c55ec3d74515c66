#pragma once
// Numbers as the trace, the exports and the window write them, one rule everywhere (JSON and CSV
// keep full precision instead):
//   - a column or a vector has one number of decimals: the fewest, up to display_decimals() (4,
//     as the slides), at which every value in it is exact, so data and typed inputs read as typed
//     (1.4, θ₀ = 0.1, z = 0.78) and a computed column never mixes 2, 3 and 4 decimals (0.7900);
//   - exactly 0, and rounding noise of a sum that is 0 (below kNoise times the largest magnitude
//     in its vector or column), is "0";
//   - a true minus sign "−", never "−0";
//   - a non-zero value those decimals would show as 0 is scientific (3.701e-17), so that a
//     vanishing gradient does not look like 0; so is one from 1e10 up (a diverging step);
//   - NaN is "undefined", ±∞ is "∞" / "−∞".
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "ll/params.h"

namespace ll {

// Relative size below which a value is taken as the rounding noise of its column: a sum of m
// terms of size s carries an error of about m·2⁻⁵³·s, 1e-14·s for a hundred samples.
constexpr double kNoise = 1e-12;

// The most decimals the display writes (a setting, 0 … 8; 4 by default).
int display_decimals();
void set_display_decimals(int decimals);

// How a column or a vector is written: its decimals and the scale its noise is measured against.
struct NumberStyle {
  int decimals = 4;
  double scale = 0.0;   // the largest finite magnitude in the column (0: no noise rule)
};
NumberStyle style_for(const std::vector<double>& values);
NumberStyle style_for(const double* values, std::size_t n);

// One number in a style: 0.6857, −0.1000, 2.02, 0, 3.701e-17.
std::string format_in(double v, const NumberStyle& style);
// One number alone, in its own style: 0.6857, 0.1, 0.7900, 3.701e-17, 1.000e+306.
std::string format_number(double v);
// "[0.6857, 0.6964]": one style for the whole vector.
std::string format_vector(const std::vector<double>& v);
// One row: "[b, w1, w2]"; K rows (softmax): "[[…]; […]; […]]", one style over every entry.
// `most`, if not 0: at most that many entries of a row (and rows), the first ones, "…" and the last,
// for a window's line: "[0.1, 0.5, …, −0.3]".
std::string format_params(const Params& p, std::size_t most = 0);

// The change from `before` to `after`, signed, to the display's significant digits ("−0.001319",
// "+0.25" as typed); a change within rounding noise of the two values (below kNoise times the
// larger) is "0".
std::string format_change(double before, double after);

// A count with thousands separators: 1,000,000.
std::string format_count(std::uint64_t n);
// A fraction as a percentage with one decimal, ".0" dropped: 66.7%, 100%.
std::string format_percent(double fraction);

// Display width of UTF-8 text: one column per code point.
std::size_t display_width(const std::string& s);

}  // namespace ll
