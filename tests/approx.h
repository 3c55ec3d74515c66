#pragma once
// Approximate comparison for the tests. A comparison passes when
//   |actual − expected| ≤ abs_tol + rel_tol · max(|actual|, |expected|)
// and, when it fails, doctest prints both values, the difference and the allowed difference:
//
//   CHECK_NEAR(rec.batch_loss, 0.669262, 5e-7);          absolute tolerance
//   CHECK_REL(analytic, finite_difference, 1e-6);        relative tolerance
//   CHECK_CLOSE(a, b, 1e-15, 1e-13);                     absolute + relative
//   CHECK_NEAR_ALL(theta.values, expected_theta, 5e-7);  element by element (std::vector<double>)
//
// NaN never passes (not even against NaN): a test that wants NaN says so.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <iomanip>
#include <ostream>
#include <string>
#include <vector>

namespace ll_test {

inline double allowed_difference(double actual, double expected, double abs_tol, double rel_tol) {
  return abs_tol + rel_tol * std::max(std::fabs(actual), std::fabs(expected));
}

// The outcome of one scalar comparison; doctest prints it through operator<< on failure.
struct Closeness {
  double actual, expected, abs_tol, rel_tol;
  double difference() const { return std::fabs(actual - expected); }
  double allowed() const { return allowed_difference(actual, expected, abs_tol, rel_tol); }
  explicit operator bool() const { return difference() <= allowed(); }  // false for NaN
};

inline std::ostream& operator<<(std::ostream& os, const Closeness& c) {
  const auto old = os.precision(17);
  os << "actual " << c.actual << " vs expected " << c.expected << std::setprecision(3)
     << ": |difference| = " << c.difference() << ", allowed " << c.allowed() << " (abs "
     << c.abs_tol << " + rel " << c.rel_tol << " x max magnitude)";
  os.precision(old);
  return os;
}

inline Closeness near(double actual, double expected, double abs_tol, double rel_tol = 0.0) {
  return {actual, expected, abs_tol, rel_tol};
}

// The outcome of an element-by-element comparison: reports the worst element.
struct AllClose {
  std::vector<double> actual, expected;
  double abs_tol, rel_tol;
  std::size_t worst = 0;     // index of the element furthest outside (or nearest to) its tolerance
  bool ok = true;
  explicit operator bool() const { return ok; }
};

inline std::ostream& operator<<(std::ostream& os, const AllClose& c) {
  if (c.actual.size() != c.expected.size())
    return os << "sizes differ: actual has " << c.actual.size() << " values, expected "
              << c.expected.size();
  if (c.actual.empty()) return os << "both empty";
  return os << "worst at [" << c.worst << "]: "
            << Closeness{c.actual[c.worst], c.expected[c.worst], c.abs_tol, c.rel_tol};
}

inline AllClose near_all(const std::vector<double>& actual, const std::vector<double>& expected,
                         double abs_tol, double rel_tol = 0.0) {
  AllClose c{actual, expected, abs_tol, rel_tol};
  if (actual.size() != expected.size()) {
    c.ok = false;
    return c;
  }
  double worst_ratio = -1.0;
  for (std::size_t i = 0; i < actual.size(); ++i) {
    const Closeness one{actual[i], expected[i], abs_tol, rel_tol};
    double ratio = one.allowed() > 0 ? one.difference() / one.allowed() : one.difference();
    if (std::isnan(ratio)) ratio = HUGE_VAL;
    if (!one) c.ok = false;
    if (ratio > worst_ratio) {
      worst_ratio = ratio;
      c.worst = i;
    }
  }
  return c;
}

// Whether `text` contains `part`; prints both on failure.
struct Containment {
  std::string text, part;
  explicit operator bool() const { return text.find(part) != std::string::npos; }
};

inline std::ostream& operator<<(std::ostream& os, const Containment& c) {
  return os << "\"" << c.part << "\" in \"" << c.text << "\"";
}

inline Containment contains(const std::string& text, const std::string& part) { return {text, part}; }

}  // namespace ll_test

#define CHECK_NEAR(actual, expected, abs_tol) CHECK(::ll_test::near((actual), (expected), (abs_tol)))
#define REQUIRE_NEAR(actual, expected, abs_tol) \
  REQUIRE(::ll_test::near((actual), (expected), (abs_tol)))
#define CHECK_REL(actual, expected, rel_tol) CHECK(::ll_test::near((actual), (expected), 0.0, (rel_tol)))
#define CHECK_CLOSE(actual, expected, abs_tol, rel_tol) \
  CHECK(::ll_test::near((actual), (expected), (abs_tol), (rel_tol)))
#define CHECK_NEAR_ALL(actual, expected, abs_tol) \
  CHECK(::ll_test::near_all((actual), (expected), (abs_tol)))
#define CHECK_CLOSE_ALL(actual, expected, abs_tol, rel_tol) \
  CHECK(::ll_test::near_all((actual), (expected), (abs_tol), (rel_tol)))
#define CHECK_CONTAINS(text, part) CHECK(::ll_test::contains((text), (part)))
