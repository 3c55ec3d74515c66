#include "ll/number_format.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>

namespace ll {
namespace {

std::atomic<int> g_decimals{4};

// True if v written with `decimals` decimals is v itself (up to the last bits of a double): 1.4 at
// one decimal, 0.1 + 0.5·1.4 − 0.1·0.2 (= 0.78 in double arithmetic) at two.
bool exact_at(double v, int decimals) {
  const double scaled = v * std::pow(10.0, decimals);
  return std::fabs(scaled - std::round(scaled)) <= 1e-9 * std::max(1.0, std::fabs(scaled));
}

bool huge(double v) { return std::fabs(v) >= 1e10; }

}  // namespace

int display_decimals() { return g_decimals.load(std::memory_order_relaxed); }
void set_display_decimals(int decimals) { g_decimals.store(std::clamp(decimals, 0, 8), std::memory_order_relaxed); }

NumberStyle style_for(const double* values, std::size_t n) {
  NumberStyle style;
  const int most = display_decimals();
  for (std::size_t k = 0; k < n; ++k)
    if (std::isfinite(values[k])) style.scale = std::max(style.scale, std::fabs(values[k]));
  int needed = 0;
  for (std::size_t k = 0; k < n && needed < most; ++k) {
    const double v = values[k];
    if (!std::isfinite(v) || v == 0.0 || huge(v) || std::fabs(v) < kNoise * style.scale) continue;
    while (needed < most && !exact_at(v, needed)) ++needed;
  }
  style.decimals = needed;
  return style;
}

NumberStyle style_for(const std::vector<double>& values) { return style_for(values.data(), values.size()); }

std::string format_in(double v, const NumberStyle& style) {
  if (!std::isfinite(v)) return std::isnan(v) ? "undefined" : (v > 0 ? "∞" : "−∞");
  if (v == 0.0 || std::fabs(v) < kNoise * style.scale) return "0";
  char buf[64];
  const double shown_as_zero = 0.5 * std::pow(10.0, -style.decimals);
  // Scientific where the decimals would say nothing: a tiny value would round to 0, and a huge one
  // (a diverging step) would print dozens of digits that double precision does not hold.
  if (std::fabs(v) < shown_as_zero || huge(v))
    std::snprintf(buf, sizeof buf, "%.3e", std::fabs(v));
  else
    std::snprintf(buf, sizeof buf, "%.*f", style.decimals, std::fabs(v));
  return (v < 0 ? "−" : "") + std::string(buf);
}

std::string format_number(double v) { return format_in(v, style_for(&v, 1)); }

std::string format_change(double before, double after) {
  const double change = after - before;
  NumberStyle style{0, 0.0};
  style.scale = std::max(std::fabs(before), std::fabs(after));
  if (std::isfinite(change) && change != 0.0 && !huge(change) && std::fabs(change) >= kNoise * style.scale) {
    // A change is small beside the values it is the difference of: written to the display's
    // significant digits (0.6693 → 0.6679 changed by −0.001319: "−0.0013" would be neither the
    // change nor the difference of the rounded numbers), as typed when exact at fewer (+0.25).
    const int most = display_decimals();
    const int significant = most - 1 - static_cast<int>(std::floor(std::log10(std::fabs(change))));
    const int cap = std::clamp(significant, most, 8);
    while (style.decimals < cap && !exact_at(change, style.decimals)) ++style.decimals;
  }
  const std::string s = format_in(change, style);
  return change > 0.0 && s != "0" ? "+" + s : s;
}

std::string format_vector(const std::vector<double>& v) {
  const NumberStyle style = style_for(v);
  std::string s = "[";
  for (std::size_t k = 0; k < v.size(); ++k) s += (k ? ", " : "") + format_in(v[k], style);
  return s + "]";
}

std::string format_params(const Params& p, std::size_t most) {
  const NumberStyle style = style_for(p.values);
  // Entry k of n is skipped when `most` < n and it is neither among the first most − 1 nor the last.
  const auto skipped = [most](std::size_t k, std::size_t n) { return most > 1 && n > most && k + 1 >= most && k + 1 < n; };
  std::string s;
  for (std::size_t r = 0; r < p.rows; ++r) {
    if (skipped(r, p.rows)) {
      if (r + 1 == most) s += "; …";
      continue;
    }
    std::string row;
    for (std::size_t c = 0; c < p.cols; ++c) {
      if (skipped(c, p.cols)) {
        if (c + 1 == most) row += ", …";
        continue;
      }
      row += (c ? ", " : "") + format_in(p.at(r, c), style);
    }
    s += (r ? "; " : "") + ("[" + row + "]");
  }
  return p.rows == 1 ? s : "[" + s + "]";
}

std::string format_count(std::uint64_t n) {
  const std::string digits = std::to_string(n);
  std::string out;
  for (std::size_t k = 0; k < digits.size(); ++k) {
    if (k > 0 && (digits.size() - k) % 3 == 0) out += ',';
    out += digits[k];
  }
  return out;
}

std::string format_percent(double fraction) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", 100.0 * fraction);
  std::string s = text;
  if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
  return s + "%";
}

std::size_t display_width(const std::string& s) {
  std::size_t w = 0;
  for (unsigned char c : s) w += (c & 0xC0) != 0x80 ? 1 : 0;  // count lead bytes, not continuations
  return w;
}

}  // namespace ll
