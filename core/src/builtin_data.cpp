// The built-in data sets: the slides' flowers, Fisher's Iris, and seeded Gaussian blobs.
#include <cmath>
#include <cstdint>

#include "ll/assets.h"
#include "ll/dataset.h"
#include "ll/error.h"
#include "ll/number_format.h"

namespace ll {

Dataset make_iris4() {
  Dataset d;
  d.name = "iris4";
  d.feature_names = {"petal length", "petal width"};
  d.class_names = {"setosa", "versicolor"};
  d.columns = {{1.4, 1.5, 3.0, 4.1}, {0.2, 0.2, 1.1, 1.3}};
  d.labels = {0, 0, 1, 1};
  return d;
}

Dataset make_iris6() {
  Dataset d;
  d.name = "iris6";
  d.feature_names = {"petal length"};
  d.class_names = {"setosa", "versicolor"};
  d.columns = {{1.4, 1.0, 1.5, 3.0, 3.8, 4.1}};
  d.labels = {0, 0, 0, 1, 1, 1};
  return d;
}

Dataset load_iris() {
  Dataset d = read_csv_file(assets_dir() + "/data/iris.csv");
  d.name = "iris";
  d.feature_names = {"sepal length", "sepal width", "petal length", "petal width"};
  return d;
}

namespace {

// SplitMix64: a tiny, well-known generator whose output is the same on every platform
// (std::normal_distribution is not).
struct SplitMix64 {
  std::uint64_t state;
  std::uint64_t next() {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  // Uniform in (0, 1]: 53 random bits.
  double uniform() { return (static_cast<double>(next() >> 11) + 1.0) * 0x1.0p-53; }
};

}  // namespace

// Two unit-variance Gaussian clouds whose centres are `separation` standard deviations apart
// along the diagonal; samples alternate between the classes. Normals by Box–Muller.
Dataset make_blobs(std::size_t n, double separation, std::uint64_t seed) {
  if (n < 2) throw InputError("--n: blobs needs at least 2 samples (got " + std::to_string(n) + ")");
  if (n > kMostBlobs)
    throw InputError("--n: blobs is at most " + format_count(kMostBlobs) + " samples (got " + format_count(n) + ")");
  if (!std::isfinite(separation) || separation < 0)
    throw InputError("blobs separation must be a finite number ≥ 0");
  Dataset d;
  d.name = "blobs";
  d.feature_names = {"x1", "x2"};
  d.class_names = {"class 0", "class 1"};
  d.columns.assign(2, std::vector<double>(n));
  d.labels.resize(n);
  SplitMix64 rng{seed};
  const double offset = separation / (2.0 * std::sqrt(2.0));  // per axis, so the distance is `separation`
  const double two_pi = 6.283185307179586;
  for (std::size_t i = 0; i < n; ++i) {
    const double r = std::sqrt(-2.0 * std::log(rng.uniform()));
    const double angle = two_pi * rng.uniform();
    const int label = static_cast<int>(i % 2);
    const double centre = label == 1 ? offset : -offset;
    d.columns[0][i] = centre + r * std::cos(angle);
    d.columns[1][i] = centre + r * std::sin(angle);
    d.labels[i] = label;
  }
  return d;
}

}  // namespace ll
