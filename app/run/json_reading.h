#pragma once
// Reading JSON files people write by hand (scenario files, the user's settings): nlohmann's parse
// with its failures said where an editor shows them. One rule for the line and column, used by
// both readers.
#include <nlohmann/json.hpp>

#include <cstddef>
#include <optional>
#include <string>

namespace ll::app {

struct JsonFailure {
  // Where: the last character the parser read, counted as an editor counts (line from 1, column
  // in characters from 1). A line end it had just read is not counted, so the place is on the
  // line with the bad token, not column 0 of the next; at the end of the text, the last
  // character. 0 and 0 when the failure has no place (a number too large for a double).
  std::size_t line = 0, column = 0;
  // Why, in nlohmann's words without its prefix: "syntax error while parsing value - invalid
  // literal; last read: 'tru<U+000A>'", "number overflow parsing '1e400'".
  std::string reason;
};

// The JSON value of `text`, or none with *failure filled.
std::optional<nlohmann::json> parse_json(const std::string& text, JsonFailure* failure);

// The text with every number too large for a double (1e400) written as the largest one
// (1.7976931348623157e308, with its sign), so that a reader that clamps values can keep the rest
// of the file: nlohmann's parser stops at the first such number. Strings are left as they are.
std::string clamp_overflowing_numbers(const std::string& text);

}  // namespace ll::app
