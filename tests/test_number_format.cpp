// The one rule for writing numbers (ll/number_format.h): a column or vector has one number of
// decimals (the fewest that write every value exactly, else 4), rounding noise of a zero sum is 0,
// a true minus and never −0, tiny and huge values scientific, counts and percentages one way.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <vector>

#include "ll/number_format.h"
#include "ll/params.h"

TEST_CASE("a computed column has 4 decimals throughout, trailing zeros kept") {
  // --steps 20: ŷ of sample 3 is 0.78996…, z of sample 2 is 0.72102…: 0.7900 and 0.7210, not 0.79.
  CHECK(ll::format_vector({0.66261, 0.672834, 0.789963, 0.859522}) == "[0.6626, 0.6728, 0.7900, 0.8595]");
  CHECK(ll::format_vector({0.685680, 0.959952, 0.137136}) == "[0.6857, 0.9600, 0.1371]");
  CHECK(ll::format_number(0.789963) == "0.7900");
}

TEST_CASE("data and typed inputs read as typed: the fewest decimals that are exact, one for the column") {
  CHECK(ll::format_vector({1.4, 1.5, 3.0, 4.1}) == "[1.4, 1.5, 3.0, 4.1]");
  CHECK(ll::format_vector({0.1, 0.5, -0.1}) == "[0.1, 0.5, −0.1]");
  CHECK(ll::format_vector({1, 1, 1}) == "[1, 1, 1]");
  // z = 0.1 + 0.5·1.4 − 0.1·0.2 is 0.78 up to the last bit of a double: the slides' 0.78.
  const double z = 0.1 + 0.5 * 1.4 - 0.1 * 0.2;
  CHECK(ll::format_vector({z, 0.1 + 0.5 * 1.5 - 0.1 * 0.2}) == "[0.78, 0.83]");
  CHECK(ll::format_number(0.01) == "0.01");
  CHECK(ll::format_number(1e6) == "1000000");
  CHECK(ll::format_vector({0.1, 0.4976}) == "[0.1000, 0.4976]");  // mixed: the column's 4
}

TEST_CASE("rounding noise of a sum that is 0 is written 0, a vanishing value is not") {
  // softmax from θ = 0: the bias gradient Σ(ŷ_k − y_k)/m is 0 exactly, −3.516e-16 in doubles.
  ll::Params gradient(3, 3);
  gradient.values = {-3.516e-16, 0.7653, 0.3178, 1.1e-16, -0.1673, -0.0422, 2.4e-16, -0.5980, -0.2756};
  CHECK(ll::format_params(gradient) ==
        "[[0, 0.7653, 0.3178]; [0, −0.1673, −0.0422]; [0, −0.5980, −0.2756]]");
  // A gradient that vanishes as a whole (squared error at a saturated sigmoid) is not noise: its
  // scale is its own.
  CHECK(ll::format_vector({3.2e-9, -1.1e-9}) == "[3.200e-09, −1.100e-09]");
  // Alone, a tiny value is scientific, never a misleading 0.
  CHECK(ll::format_number(3.701e-17) == "3.701e-17");
  const ll::NumberStyle column = ll::style_for(std::vector<double>{0.6857, -0.1839, 1.5e-18});
  CHECK(ll::format_in(1.5e-18, column) == "0");
  CHECK(ll::format_in(2e-9, column) == "2.000e-09");  // above the noise: shown
}

TEST_CASE("a true minus sign, never −0, and the non-finite values in words") {
  CHECK(ll::format_number(-0.1839) == "−0.1839");
  CHECK(ll::format_number(-0.0) == "0");
  CHECK(ll::format_vector({-0.00001, 0.5}) == "[−1.000e-05, 0.5000]");
  CHECK(ll::format_number(std::numeric_limits<double>::quiet_NaN()) == "undefined");
  CHECK(ll::format_number(-std::numeric_limits<double>::infinity()) == "−∞");
  CHECK(ll::format_number(2.5e12) == "2.500e+12");
}

TEST_CASE("the number of decimals is a setting") {
  ll::set_display_decimals(6);
  CHECK(ll::format_vector({0.685680, 0.696355}) == "[0.685680, 0.696355]");
  CHECK(ll::format_number(0.1) == "0.1");
  ll::set_display_decimals(2);
  CHECK(ll::format_number(0.685680) == "0.69");
  ll::set_display_decimals(4);
  CHECK(ll::format_number(0.685680) == "0.6857");
}

TEST_CASE("counts with thousands separators and percentages with one decimal, one way everywhere") {
  CHECK(ll::format_count(100000) == "100,000");
  CHECK(ll::format_count(999) == "999");
  CHECK(ll::format_count(1000000) == "1,000,000");
  CHECK(ll::format_percent(2.0 / 3.0) == "66.7%");
  CHECK(ll::format_percent(1.0) == "100%");
  CHECK(ll::format_percent(0.5) == "50%");
}

TEST_CASE("a change is signed, to the display's significant digits, and rounding noise of equal values is 0") {
  // The four flowers' first step (the reference file): mean loss 0.669262 → 0.667943. Written
  // to 4 decimals the change would be −0.0013, while the rounded losses 0.6693 → 0.6679 differ by
  // 0.0014: the change keeps 4 significant digits instead.
  CHECK(ll::format_change(0.669262, 0.667943) == "−0.001319");
  CHECK(ll::format_change(0.667943, 0.669262) == "+0.001319");
  CHECK(ll::format_change(0.6, 0.7243) == "+0.1243");
  CHECK(ll::format_change(0.25, 0.5) == "+0.25");   // exact: as typed
  // Two losses equal but for the last bits of their sums: no change, not "−1.110e-16".
  CHECK(ll::format_change(0.6693, 0.6693 - 1.1e-16) == "0");
  CHECK(ll::format_change(1.0, 1.0) == "0");
  // A real change far below the decimals is scientific, never a misleading 0.
  CHECK(ll::format_change(0.6693, 0.6693 + 2e-9) == "+2.000e-09");
  // The decimals setting counts: 2 significant digits at 2 decimals.
  ll::set_display_decimals(2);
  CHECK(ll::format_change(0.669262, 0.667943) == "−0.0013");
  ll::set_display_decimals(4);
}

TEST_CASE("a long θ is shortened for a window's line: the first entries, … and the last") {
  ll::Params theta(1, 6);
  theta.values = {1, 2, 3, 4, 5, 6};
  CHECK(ll::format_params(theta) == "[1, 2, 3, 4, 5, 6]");
  CHECK(ll::format_params(theta, 6) == "[1, 2, 3, 4, 5, 6]");   // as many as allowed: all
  CHECK(ll::format_params(theta, 4) == "[1, 2, 3, …, 6]");
  ll::Params grid(4, 4);
  for (std::size_t k = 0; k < 16; ++k) grid.values[k] = static_cast<double>(k);
  CHECK(ll::format_params(grid, 3) == "[[0, 1, …, 3]; [4, 5, …, 7]; …; [12, 13, …, 15]]");
}
