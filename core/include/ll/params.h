#pragma once
// θ: one row [b, w1, …, wd] for a binary model (bias first, as the slides write it), or K rows of
// d + 1 for softmax regression. Inputs are augmented x = [1, x1, …, xd], so z = θᵀx.
#include <cstddef>
#include <string>
#include <vector>

namespace ll {

struct Params {
  std::size_t rows = 1;          // 1 (sigmoid, tanh) or K classes (softmax)
  std::size_t cols = 0;          // d + 1
  std::vector<double> values;    // row-major rows × cols

  Params() = default;
  Params(std::size_t r, std::size_t c, double fill = 0.0) : rows(r), cols(c), values(r * c, fill) {}
  static Params row(std::vector<double> v);

  double& at(std::size_t r, std::size_t c) { return values[r * cols + c]; }
  double at(std::size_t r, std::size_t c) const { return values[r * cols + c]; }
  std::size_t size() const { return values.size(); }
  bool all_finite() const;
  double norm() const;  // Euclidean norm of all entries
  bool operator==(const Params& o) const {
    return rows == o.rows && cols == o.cols && values == o.values;
  }
};

// Parses "b,w1,w2" or, for softmax, K rows separated by ';'. Throws InputError naming the
// entry that is not a number.
Params parse_params(const std::string& text);

}  // namespace ll
