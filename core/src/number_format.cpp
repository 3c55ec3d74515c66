#include "ll/number_format.h"

#include <cmath>
#include <cstdio>

namespace ll {

std::string format_number(double v) {
  if (!std::isfinite(v)) return std::isnan(v) ? "undefined" : (v > 0 ? "∞" : "−∞");
  char buf[64];
  // Scientific where 4 decimals would say nothing: a tiny value would round to 0, and a huge one
  // (a diverging step) would print dozens of digits that double precision does not hold.
  if ((v != 0.0 && std::fabs(v) < 5e-5) || std::fabs(v) >= 1e10) {
    std::snprintf(buf, sizeof buf, "%.3e", std::fabs(v));
  } else {
    std::snprintf(buf, sizeof buf, "%.4f", std::fabs(v));
    std::string s = buf;
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
    if (s == "0") return "0";  // −0.00001 rounds to "0", never "−0"
    std::snprintf(buf, sizeof buf, "%s", s.c_str());
  }
  return (v < 0 ? "−" : "") + std::string(buf);
}

std::string format_vector(const std::vector<double>& v) {
  std::string s = "[";
  for (std::size_t k = 0; k < v.size(); ++k) s += (k ? ", " : "") + format_number(v[k]);
  return s + "]";
}

std::string format_params(const Params& p) {
  if (p.rows == 1) return format_vector(p.values);
  std::string s;
  for (std::size_t r = 0; r < p.rows; ++r) {
    const auto first = p.values.begin() + static_cast<std::ptrdiff_t>(r * p.cols);
    s += (r ? "; " : "") + format_vector(std::vector<double>(first, first + static_cast<std::ptrdiff_t>(p.cols)));
  }
  return "[" + s + "]";
}

std::size_t display_width(const std::string& s) {
  std::size_t w = 0;
  for (unsigned char c : s) w += (c & 0xC0) != 0x80 ? 1 : 0;  // count lead bytes, not continuations
  return w;
}

}  // namespace ll
