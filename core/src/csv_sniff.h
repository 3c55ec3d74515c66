#pragma once
// Internals of the CSV reader that look at raw text: which delimiter a file uses, whether a line's
// bytes are text, what a cell's number is, and how a cell is shown in a message.
#include <cstddef>
#include <string>
#include <string_view>

namespace ll::csv {

// ',' ';' or '\t': the candidate that occurs the same number of times (at least once), outside
// quotes, on each of the first records; else the most frequent on the first record; else ','.
char sniff_delimiter(std::string_view text);

// The first byte in `line` that is not UTF-8 text: a NUL, or an invalid or truncated sequence.
struct ByteProblem {
  std::size_t column = 0;  // 1-based character on the line; 0: no problem
  std::string what;
};
ByteProblem check_bytes(std::string_view line);

enum class Number { ok, not_a_number, out_of_range, not_finite };
// Reads a whole cell as a decimal number ("-3e-1", "+2", ".5"), in any locale. Underflow reads as
// the nearest double (0 or subnormal); overflow is out_of_range; "nan" and "inf" are not_finite.
Number parse_number(std::string_view cell, double& value);

// A cell as a message shows it: 'quoted', control characters escaped (\n, \x1B), cut after 40 bytes (at a
// character's end) with "…", so that the message stays one readable line.
std::string quote_cell(std::string_view cell);

}  // namespace ll::csv
