#include "ll/params.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>

#include "ll/error.h"

namespace ll {

Params Params::row(std::vector<double> v) {
  Params p;
  p.rows = 1;
  p.cols = v.size();
  p.values = std::move(v);
  return p;
}

bool Params::all_finite() const {
  for (double v : values)
    if (!std::isfinite(v)) return false;
  return true;
}

double Params::norm() const {
  double s = 0.0;
  for (double v : values) s += v * v;
  return std::sqrt(s);
}

namespace {

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return {};
  const auto e = s.find_last_not_of(" \t");
  return s.substr(b, e - b + 1);
}

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (;;) {
    const auto at = s.find(sep, start);
    parts.push_back(s.substr(start, at == std::string::npos ? std::string::npos : at - start));
    if (at == std::string::npos) return parts;
    start = at + 1;
  }
}

}  // namespace

Params parse_params(const std::string& text) {
  Params p;
  p.rows = 0;
  for (const std::string& row_text : split(text, ';')) {
    const std::vector<std::string> cells = split(row_text, ',');
    if (p.rows == 0) p.cols = cells.size();
    if (cells.size() != p.cols)
      throw InputError("theta: row " + std::to_string(p.rows + 1) + " has " +
                       std::to_string(cells.size()) + " numbers but row 1 has " +
                       std::to_string(p.cols));
    for (const std::string& raw : cells) {
      const std::string cell = trim(raw);
      char* end = nullptr;
      errno = 0;
      const double v = std::strtod(cell.c_str(), &end);
      if (cell.empty() || end != cell.c_str() + cell.size() || errno == ERANGE || !std::isfinite(v))
        throw InputError("theta: '" + cell + "' is not a finite number (expected e.g. 0.1,0.5,-0.1)");
      p.values.push_back(v);
    }
    ++p.rows;
  }
  return p;
}

}  // namespace ll
