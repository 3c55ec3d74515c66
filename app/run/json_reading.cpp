#include "run/json_reading.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>

#include "ll/number_format.h"

namespace ll::app {
namespace {

// "[json.exception.parse_error.101] parse error at line 4, column 20: syntax error …" → "syntax
// error …"; "[json.exception.out_of_range.406] number overflow …" → "number overflow …".
std::string reason_of(const nlohmann::json::exception& e) {
  std::string why = e.what();
  if (const std::size_t column = why.find("column"); column != std::string::npos) {
    if (const std::size_t colon = why.find(": ", column); colon != std::string::npos) return why.substr(colon + 2);
  }
  if (const std::size_t end = why.find("] "); why.rfind("[json.exception.", 0) == 0 && end != std::string::npos)
    return why.substr(end + 2);
  return why;
}

}  // namespace

std::string clamp_overflowing_numbers(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  bool in_string = false;
  for (std::size_t i = 0; i < text.size();) {
    const char c = text[i];
    if (in_string) {
      out += c;
      if (c == '\\' && i + 1 < text.size()) out += text[++i];   // an escape: the next one too
      else if (c == '"') in_string = false;
      ++i;
      continue;
    }
    if (c == '"') in_string = true;
    if (c != '-' && (c < '0' || c > '9')) {
      out += c;
      ++i;
      continue;
    }
    // A number token (JSON's grammar is stricter; the parser judges it afterwards).
    std::size_t end = i + 1;
    while (end < text.size() && std::strchr("0123456789+-.eE", text[end]) != nullptr) ++end;
    const std::string token = text.substr(i, end - i);
    const double v = std::strtod(token.c_str(), nullptr);
    out += std::isinf(v) ? (v < 0 ? "-1.7976931348623157e308" : "1.7976931348623157e308") : token;
    i = end;
  }
  return out;
}

std::optional<nlohmann::json> parse_json(const std::string& text, JsonFailure* failure) {
  try {
    return nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    // e.byte is 1-based: the last byte read (one past the end at the end of the text).
    std::size_t at = std::min<std::size_t>(e.byte, text.size());
    if (at > 0) --at;
    while (at > 0 && (text[at] == '\n' || text[at] == '\r')) --at;
    const std::size_t line_start = at == 0 ? 0 : text.rfind('\n', at - 1) + 1;  // npos + 1 = 0
    failure->line = 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(line_start), '\n'));
    failure->column = display_width(text.substr(line_start, at - line_start)) + 1;
    failure->reason = reason_of(e);
  } catch (const nlohmann::json::exception& e) {  // out_of_range 406: a number like 1e400 overflows
    *failure = JsonFailure{0, 0, reason_of(e)};
  }
  return std::nullopt;
}

}  // namespace ll::app
