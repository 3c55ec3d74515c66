#pragma once
// Numbers as the trace and the window print them, so that both show the same digits: 4 decimals
// with trailing zeros dropped (0.1, 0.6857), a true minus sign "−", and scientific notation for
// tiny non-zero values, so that a vanishing gradient does not print as 0, and for values from 1e10
// up, so that a diverging step does not print a line of meaningless digits.
#include <cstddef>
#include <string>
#include <vector>

#include "ll/params.h"

namespace ll {

// 0.6857, −0.1839, 3.701e-17, 1.000e+306; NaN → "undefined", ±∞ → "∞" / "−∞".
std::string format_number(double v);
// "[0.6857, 0.6964]"
std::string format_vector(const std::vector<double>& v);
// One row: "[b, w1, w2]"; K rows (softmax): "[[…]; […]; […]]".
std::string format_params(const Params& p);
// Display width of UTF-8 text: one column per code point.
std::size_t display_width(const std::string& s);

}  // namespace ll
