#include "ll/predict.h"

#include <algorithm>
#include <cmath>

namespace ll {

namespace {
// z_r = θ_r · [1, x]
double score(const Params& theta, std::size_t row, const double* x) {
  double z = theta.at(row, 0);
  for (std::size_t j = 1; j < theta.cols; ++j) z += theta.at(row, j) * x[j - 1];
  return z;
}
}  // namespace

std::vector<double> class_probabilities(const Params& theta, Activation activation, const double* x) {
  if (activation == Activation::Softmax) {
    std::vector<double> z(theta.rows), p(theta.rows);
    for (std::size_t r = 0; r < theta.rows; ++r) z[r] = score(theta, r, x);
    softmax(z.data(), z.size(), p.data());
    return p;
  }
  const double z = score(theta, 0, x);
  // tanh's output in (−1, 1) read as a probability: (1 + tanh z)/2 = σ(2z)
  const double p1 = activation == Activation::Sigmoid ? sigmoid(z) : sigmoid(2.0 * z);
  return {1.0 - p1, p1};
}

SampleOutputs sample_outputs(const Dataset& data, std::size_t i, const Params& theta, Activation activation) {
  std::vector<double> x(data.features());
  for (std::size_t j = 0; j < x.size(); ++j) x[j] = data.x(i, j);
  SampleOutputs o;
  o.z.assign(theta.rows, 0.0);
  o.y_hat.assign(theta.rows, 0.0);
  for (std::size_t r = 0; r < theta.rows; ++r) o.z[r] = score(theta, r, x.data());
  if (activation == Activation::Softmax)
    softmax(o.z.data(), o.z.size(), o.y_hat.data());
  else
    o.y_hat[0] = activation == Activation::Sigmoid ? sigmoid(o.z[0]) : std::tanh(o.z[0]);
  return o;
}

ActivationPoint activation_point(const SampleOutputs& o, int label, Activation activation) {
  ActivationPoint p;
  if (activation != Activation::Softmax) {
    p.x = o.z[0];
    p.y = o.y_hat[0];
    p.slope = activation == Activation::Sigmoid ? sigmoid_derivative(o.z[0]) : tanh_derivative(o.z[0]);
    return p;
  }
  const auto y = static_cast<std::size_t>(label);
  double rival = -HUGE_VAL;
  for (std::size_t k = 0; k < o.z.size(); ++k)
    if (k != y) rival = std::max(rival, o.z[k]);
  p.x = o.z[y] - rival;
  p.y = o.y_hat[y];
  p.slope = p.y * (1.0 - p.y);
  return p;
}

std::vector<double> feature_means(const Dataset& data) {
  std::vector<double> means;
  for (const std::vector<double>& column : data.columns) {
    double sum = 0.0;
    for (double x : column) sum += x;
    means.push_back(column.empty() ? 0.0 : sum / static_cast<double>(column.size()));
  }
  return means;
}

Params slice_at_means(const Params& theta, const Dataset& data) { return slice_at_means(theta, feature_means(data)); }

Params slice_at_means(const Params& theta, const std::vector<double>& means) {
  if (theta.cols <= 3 || means.size() + 1 != theta.cols) return theta;
  Params slice(theta.rows, 3);
  for (std::size_t r = 0; r < theta.rows; ++r) {
    double bias = theta.at(r, 0);
    for (std::size_t j = 2; j < means.size(); ++j) bias += theta.at(r, j + 1) * means[j];
    slice.at(r, 0) = bias;
    slice.at(r, 1) = theta.at(r, 1);
    slice.at(r, 2) = theta.at(r, 2);
  }
  return slice;
}

int predict(const Dataset& data, std::size_t i, const Params& theta, Activation activation) {
  std::vector<double> x(data.features());
  for (std::size_t j = 0; j < x.size(); ++j) x[j] = data.x(i, j);
  if (activation != Activation::Softmax) return score(theta, 0, x.data()) > 0.0 ? 1 : 0;
  const std::vector<double> p = class_probabilities(theta, activation, x.data());
  return static_cast<int>(std::max_element(p.begin(), p.end()) - p.begin());
}

double accuracy(const Dataset& data, const Params& theta, Activation activation) {
  if (data.rows() == 0) return 0.0;
  std::size_t right = 0;
  for (std::size_t i = 0; i < data.rows(); ++i)
    right += predict(data, i, theta, activation) == data.labels[i] ? 1 : 0;
  return static_cast<double>(right) / static_cast<double>(data.rows());
}

ProbabilityGrid probability_grid(const Params& theta, Activation activation, std::size_t nx,
                                 std::size_t ny, double x0, double x1, double y0, double y1) {
  ProbabilityGrid g;
  g.nx = nx; g.ny = ny; g.x0 = x0; g.x1 = x1; g.y0 = y0; g.y1 = y1;
  g.probability.resize(nx * ny);
  g.winner.resize(nx * ny);
  std::vector<double> x(std::max<std::size_t>(theta.cols - 1, 2), 0.0);
  for (std::size_t r = 0; r < ny; ++r) {
    // Cell centres: row 0 is the bottom (y0) of the box.
    x[1] = y0 + (y1 - y0) * (static_cast<double>(r) + 0.5) / static_cast<double>(ny);
    for (std::size_t c = 0; c < nx; ++c) {
      x[0] = x0 + (x1 - x0) * (static_cast<double>(c) + 0.5) / static_cast<double>(nx);
      const std::vector<double> p = class_probabilities(theta, activation, x.data());
      const auto best = std::max_element(p.begin(), p.end()) - p.begin();
      g.winner[r * nx + c] = static_cast<int>(best);
      g.probability[r * nx + c] = activation == Activation::Softmax ? p[static_cast<std::size_t>(best)] : p[1];
    }
  }
  return g;
}

// w1·x1 + w2·x2 + b = 0 clipped to the box [x_min, x_max] × [y_min, y_max] (Liang–Barsky style:
// intersect the line with the four box edges and keep the two points inside).
std::optional<Segment> decision_boundary(const Params& theta, std::size_t row, double x_min,
                                         double x_max, double y_min, double y_max) {
  if (theta.cols < 3) return std::nullopt;
  const double b = theta.at(row, 0), w1 = theta.at(row, 1), w2 = theta.at(row, 2);
  std::vector<std::pair<double, double>> pts;
  auto inside = [&](double x, double y) {
    const double ex = 1e-12 * (std::fabs(x_max - x_min) + 1), ey = 1e-12 * (std::fabs(y_max - y_min) + 1);
    return x >= x_min - ex && x <= x_max + ex && y >= y_min - ey && y <= y_max + ey;
  };
  if (w2 != 0.0) {
    for (double x : {x_min, x_max}) {
      const double y = -(b + w1 * x) / w2;
      if (inside(x, y)) pts.emplace_back(x, y);
    }
  }
  if (w1 != 0.0) {
    for (double y : {y_min, y_max}) {
      const double x = -(b + w2 * y) / w1;
      if (inside(x, y)) pts.emplace_back(x, y);
    }
  }
  if (pts.size() < 2) return std::nullopt;
  // The two points farthest apart (corners can be found twice).
  std::size_t bi = 0, bj = 1;
  double best = -1;
  for (std::size_t i = 0; i < pts.size(); ++i)
    for (std::size_t j = i + 1; j < pts.size(); ++j) {
      const double dx = pts[i].first - pts[j].first, dy = pts[i].second - pts[j].second;
      if (dx * dx + dy * dy > best) { best = dx * dx + dy * dy; bi = i; bj = j; }
    }
  return Segment{pts[bi].first, pts[bi].second, pts[bj].first, pts[bj].second};
}

// σ(w·x + b) = 0.5 where x = −b/w
std::optional<double> threshold_1d(const Params& theta) {
  if (theta.cols != 2 || theta.at(0, 1) == 0.0) return std::nullopt;
  return -theta.at(0, 0) / theta.at(0, 1);
}

}  // namespace ll
