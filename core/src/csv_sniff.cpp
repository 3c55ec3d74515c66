#include "csv_sniff.h"

#include <array>
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <system_error>
#include <vector>

namespace ll::csv {
namespace {

constexpr std::array<char, 3> kDelimiters = {'\t', ';', ','};  // on a tie, the rarer one wins
constexpr std::size_t kSniffRecords = 20;
constexpr std::size_t kSniffBytes = 64 * 1024;

std::string hex_byte(unsigned char byte) {
  char text[8];
  std::snprintf(text, sizeof text, "0x%02X", static_cast<unsigned>(byte));
  return text;
}

// Length of the UTF-8 sequence starting at s[0] if it is valid (RFC 3629: shortest form, no
// surrogates, at most U+10FFFF), else 0.
std::size_t utf8_sequence(const unsigned char* s, std::size_t n) {
  const unsigned char b = s[0];
  std::size_t len = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // the allowed range of the second byte
  if (b >= 0xC2 && b <= 0xDF) len = 2;
  else if (b == 0xE0) { len = 3; lo = 0xA0; }
  else if (b == 0xED) { len = 3; hi = 0x9F; }
  else if (b >= 0xE1 && b <= 0xEF) len = 3;
  else if (b == 0xF0) { len = 4; lo = 0x90; }
  else if (b == 0xF4) { len = 4; hi = 0x8F; }
  else if (b >= 0xF1 && b <= 0xF3) len = 4;
  else return 0;
  if (n < len || s[1] < lo || s[1] > hi) return 0;
  for (std::size_t k = 2; k < len; ++k)
    if (s[k] < 0x80 || s[k] > 0xBF) return 0;
  return len;
}

// Decimal exponent of a number's first significant digit: "123.4e5" → 7, "0.0012" → −3. Tells
// overflow (> 0) from underflow when from_chars says out of range, in any locale.
long magnitude(std::string_view cell) {
  std::size_t i = cell[0] == '-' ? 1 : 0;
  long integer_digits = 0, leading_zeros = 0;
  bool significant = false, after_point = false;
  for (; i < cell.size() && cell[i] != 'e' && cell[i] != 'E'; ++i) {
    if (cell[i] == '.') after_point = true;
    else if (cell[i] != '0') significant = true;
    if (cell[i] == '.') continue;
    if (!after_point && (significant || cell[i] != '0')) ++integer_digits;
    else if (after_point && !significant && integer_digits == 0) ++leading_zeros;
  }
  long exponent = 0;  // saturated far beyond a double's range, so it cannot overflow
  const bool negative = i + 1 < cell.size() && cell[i + 1] == '-';
  for (std::size_t k = i + 1; k < cell.size(); ++k)
    if (cell[k] >= '0' && cell[k] <= '9') exponent = std::min(exponent * 10 + (cell[k] - '0'), 1L << 40);
  const long first = integer_digits > 0 ? integer_digits - 1 : -leading_zeros - 1;
  return first + (negative ? -exponent : exponent);
}

}  // namespace

char sniff_delimiter(std::string_view text) {
  std::vector<std::array<std::size_t, kDelimiters.size()>> records;
  std::array<std::size_t, kDelimiters.size()> count{};
  bool in_quotes = false, blank = true;
  const std::size_t n = std::min(text.size(), kSniffBytes);
  for (std::size_t i = 0; i < n && records.size() < kSniffRecords; ++i) {
    const char c = text[i];
    if (c == '"') {
      in_quotes = !in_quotes;  // "" inside a quoted field toggles twice: no change
      blank = false;
    } else if (in_quotes) {
      continue;
    } else if (c == '\n') {
      if (!blank) records.push_back(count);  // libcsv skips blank lines too
      count = {};
      blank = true;
    } else {
      for (std::size_t k = 0; k < kDelimiters.size(); ++k) count[k] += c == kDelimiters[k];
      if (c != '\r' && c != ' ') blank = false;
    }
  }
  // The last record counts only if it is whole: the text ended, not the sample.
  if (!blank && n == text.size() && records.size() < kSniffRecords) records.push_back(count);
  if (records.empty()) return ',';

  std::size_t best = kDelimiters.size();
  for (std::size_t k = 0; k < kDelimiters.size(); ++k) {
    bool consistent = records[0][k] > 0;
    for (const auto& r : records) consistent = consistent && r[k] == records[0][k];
    if (consistent && (best == kDelimiters.size() || records[0][k] > records[0][best])) best = k;
  }
  if (best < kDelimiters.size()) return kDelimiters[best];
  for (std::size_t k = 0; k < kDelimiters.size(); ++k)
    if (records[0][k] > 0 && (best == kDelimiters.size() || records[0][k] > records[0][best])) best = k;
  return best < kDelimiters.size() ? kDelimiters[best] : ',';
}

ByteProblem check_bytes(std::string_view line) {
  const auto* s = reinterpret_cast<const unsigned char*>(line.data());
  const std::size_t n = line.size();
  std::size_t character = 0;
  for (std::size_t i = 0; i < n;) {
    ++character;
    if (s[i] >= 1 && s[i] < 0x80) { ++i; continue; }  // ASCII, the common case
    if (s[i] == 0)
      return {character, "a NUL byte (character " + std::to_string(character) +
                             " of the line): this looks like a binary file, not CSV text"};
    const std::size_t len = utf8_sequence(s + i, n - i);
    if (len == 0)
      return {character, "byte " + hex_byte(s[i]) + " (character " + std::to_string(character) +
                             " of the line) is not valid UTF-8; save the file as UTF-8 text"};
    i += len;
  }
  return {};
}

Number parse_number(std::string_view cell, double& value) {
  // from_chars reads no '+' sign; people and spreadsheets write one.
  if (cell.size() > 1 && cell[0] == '+' && cell[1] != '-' && cell[1] != '+') cell.remove_prefix(1);
  if (cell.empty()) return Number::not_a_number;
  const char* end = cell.data() + cell.size();
  const std::from_chars_result r = std::from_chars(cell.data(), end, value);
  if (r.ptr != end) return Number::not_a_number;
  if (r.ec == std::errc::result_out_of_range) {
    if (magnitude(cell) > 0) return Number::out_of_range;
    value = cell[0] == '-' ? -0.0 : 0.0;  // underflow: the nearest double is zero
  } else if (r.ec != std::errc()) {
    return Number::not_a_number;
  }
  return std::isfinite(value) ? Number::ok : Number::not_finite;
}

std::string quote_cell(std::string_view cell) {
  constexpr std::size_t kShown = 40;
  std::string out = "'";
  std::size_t i = 0;
  for (; i < cell.size() && (i < kShown || (cell[i] & 0xC0) == 0x80); ++i) {  // whole characters
    const char c = cell[i];
    if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else if (c == '\t') out += "\\t";
    else if ((c >= 0 && c < 0x20) || c == 0x7F)  // a terminal escape is shown, not obeyed
      out += "\\x" + hex_byte(static_cast<unsigned char>(c)).substr(2);
    else out += c;
  }
  return out + (i < cell.size() ? "…'" : "'");
}

}  // namespace ll::csv
