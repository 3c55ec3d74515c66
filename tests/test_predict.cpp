// What the window draws from θ: class probabilities, predictions and accuracy, the decision
// boundary clipped to the plot, the 1-D threshold, and the probability grid.
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <utility>
#include <vector>

#include "approx.h"
#include "ll/activation.h"
#include "ll/chain.h"
#include "ll/dataset.h"
#include "ll/params.h"
#include "ll/predict.h"

namespace {

double logistic(double z) { return 1.0 / (1.0 + std::exp(-z)); }

// The softmax rows used below: 3 classes over 2 features.
ll::Params three_classes() {
  ll::Params theta(3, 3, 0.0);
  theta.values = {0.2, -1.0, 0.5,   // class 0
                  -0.3, 0.4, 0.4,   // class 1
                  0.1, 0.8, -0.6};  // class 2
  return theta;
}

}  // namespace

TEST_CASE("class probabilities sum to 1 and are σ(z), (1 + tanh z)/2 and e^z_k / Σe^z") {
  const ll::Params binary = ll::Params::row({0.1, 0.5, -0.1});
  const ll::Params softmax_theta = three_classes();
  for (const auto& x : std::vector<std::vector<double>>{{1.4, 0.2}, {4.1, 1.3}, {-3.0, 2.5}, {0.0, 0.0}}) {
    INFO("x = [", x[0], ", ", x[1], "]");
    const double z = 0.1 + 0.5 * x[0] - 0.1 * x[1];
    const std::vector<double> s = ll::class_probabilities(binary, ll::Activation::Sigmoid, x.data());
    REQUIRE(s.size() == 2);
    CHECK_NEAR(s[0] + s[1], 1.0, 1e-15);
    CHECK_CLOSE(s[1], logistic(z), 0.0, 1e-15);
    const std::vector<double> t = ll::class_probabilities(binary, ll::Activation::Tanh, x.data());
    REQUIRE(t.size() == 2);
    CHECK_NEAR(t[0] + t[1], 1.0, 1e-15);
    CHECK_CLOSE(t[1], (1.0 + std::tanh(z)) / 2.0, 1e-16, 1e-14);
    const std::vector<double> p = ll::class_probabilities(softmax_theta, ll::Activation::Softmax, x.data());
    REQUIRE(p.size() == 3);
    CHECK_NEAR(p[0] + p[1] + p[2], 1.0, 1e-15);
    double e[3], sum = 0.0;
    for (std::size_t k = 0; k < 3; ++k) {
      const double* row = &softmax_theta.values[3 * k];
      e[k] = std::exp(row[0] + row[1] * x[0] + row[2] * x[1]);
      sum += e[k];
    }
    for (std::size_t k = 0; k < 3; ++k) CHECK_CLOSE(p[k], e[k] / sum, 0.0, 1e-14);
  }
}

TEST_CASE("accuracy on iris4 at the slides' θ is 0.5: every z > 0, so every flower is called class 1") {
  const ll::Dataset data = ll::make_iris4();
  const ll::Params theta = ll::Params::row({0.1, 0.5, -0.1});
  // z = [0.78, 0.83, 1.49, 2.02] (worked example §1): all positive.
  for (std::size_t i = 0; i < 4; ++i) CHECK(ll::predict(data, i, theta, ll::Activation::Sigmoid) == 1);
  CHECK(ll::accuracy(data, theta, ll::Activation::Sigmoid) == 0.5);
  CHECK(ll::accuracy(data, theta, ll::Activation::Tanh) == 0.5);  // same threshold z = 0
}

TEST_CASE("accuracy on iris6 at θ = [−5.156, 2.331] is 1: ŷ < 0.5 for the first three, > 0.5 for the rest") {
  const ll::Dataset data = ll::make_iris6();
  const ll::Params theta = ll::Params::row({-5.156, 2.331});
  const std::vector<int> expected = {0, 0, 0, 1, 1, 1};  // from the ŷ of worked example §7
  for (std::size_t i = 0; i < 6; ++i) CHECK(ll::predict(data, i, theta, ll::Activation::Sigmoid) == expected[i]);
  CHECK(ll::accuracy(data, theta, ll::Activation::Sigmoid) == 1.0);
  // The other θ of §7 calls sample 2 (ŷ = 0.470) class 0 and the rest class 1: 4 of 6 right.
  CHECK_NEAR(ll::accuracy(data, ll::Params::row({-0.654, 0.535}), ll::Activation::Sigmoid), 4.0 / 6.0, 1e-15);
}

TEST_CASE("softmax predicts the class with the largest score") {
  ll::Dataset data;
  data.feature_names = {"x1", "x2"};
  data.class_names = {"a", "b", "c"};
  data.columns = {{-2.0, 0.5, 2.0}, {0.5, 1.0, -1.0}};
  data.labels = {0, 1, 2};
  const ll::Params theta = three_classes();
  for (std::size_t i = 0; i < 3; ++i) {
    double best = -HUGE_VAL;
    int arg = -1;
    for (std::size_t k = 0; k < 3; ++k) {
      const double z = theta.at(k, 0) + theta.at(k, 1) * data.x(i, 0) + theta.at(k, 2) * data.x(i, 1);
      if (z > best) best = z, arg = static_cast<int>(k);
    }
    CHECK(ll::predict(data, i, theta, ll::Activation::Softmax) == arg);
  }
}

TEST_CASE("decision boundary endpoints satisfy w1·x + w2·y + b = 0 and lie on the box") {
  const double x_min = 0, x_max = 5, y_min = 0, y_max = 2;
  const std::vector<std::vector<double>> thetas = {
      {0.1, 0.5, -0.1},   // y = 1 + 5x: from (0, 1) to (0.2, 2)
      {-2.5, 1.0, 0.0},   // vertical x = 2.5
      {-1.0, 0.0, 1.0},   // horizontal y = 1
      {-5.0, 1.0, 2.5},   // through the corners (5, 0) and (0, 2)
      {3.0, -2.0, 1.5},
  };
  for (const std::vector<double>& t : thetas) {
    INFO("θ = [", t[0], ", ", t[1], ", ", t[2], "]");
    const auto s = ll::decision_boundary(ll::Params::row(t), 0, x_min, x_max, y_min, y_max);
    REQUIRE(s.has_value());
    for (const auto& [x, y] : {std::pair{s->x0, s->y0}, std::pair{s->x1, s->y1}}) {
      CHECK_NEAR(t[1] * x + t[2] * y + t[0], 0.0, 1e-12);
      CHECK(x >= x_min - 1e-12);
      CHECK(x <= x_max + 1e-12);
      CHECK(y >= y_min - 1e-12);
      CHECK(y <= y_max + 1e-12);
      const double to_edge = std::min({std::fabs(x - x_min), std::fabs(x - x_max), std::fabs(y - y_min), std::fabs(y - y_max)});
      CHECK_NEAR(to_edge, 0.0, 1e-12);
    }
    CHECK(std::hypot(s->x1 - s->x0, s->y1 - s->y0) > 0.1);  // two distinct points
  }
  const auto first = ll::decision_boundary(ll::Params::row(thetas[0]), 0, x_min, x_max, y_min, y_max);
  const double lo_x = std::min(first->x0, first->x1), hi_x = std::max(first->x0, first->x1);
  CHECK_NEAR(lo_x, 0.0, 1e-12);
  CHECK_NEAR(hi_x, 0.2, 1e-12);
  // No boundary: w = 0, or a line that misses the box.
  CHECK_FALSE(ll::decision_boundary(ll::Params::row({1.0, 0.0, 0.0}), 0, x_min, x_max, y_min, y_max).has_value());
  CHECK_FALSE(ll::decision_boundary(ll::Params::row({-10.0, 1.0, 0.0}), 0, x_min, x_max, y_min, y_max).has_value());
  // Softmax: row 2 of the three-class θ.
  const ll::Params softmax_theta = three_classes();
  const auto row2 = ll::decision_boundary(softmax_theta, 2, -3, 3, -3, 3);
  REQUIRE(row2.has_value());
  CHECK_NEAR(0.1 + 0.8 * row2->x0 - 0.6 * row2->y0, 0.0, 1e-12);
  CHECK_NEAR(0.1 + 0.8 * row2->x1 - 0.6 * row2->y1, 0.0, 1e-12);
}

TEST_CASE("the 1-D threshold is x = −b/w, where σ = 0.5: iris6 at θ = [−5.156, 2.331] gives 2.211926") {
  const auto x = ll::threshold_1d(ll::Params::row({-5.156, 2.331}));
  REQUIRE(x.has_value());
  CHECK_NEAR(*x, 5.156 / 2.331, 1e-15);
  CHECK_NEAR(*x, 2.211926, 5e-7);
  CHECK_NEAR(logistic(-5.156 + 2.331 * *x), 0.5, 1e-15);
  CHECK_FALSE(ll::threshold_1d(ll::Params::row({1.0, 0.0})).has_value());
  CHECK_FALSE(ll::threshold_1d(ll::Params::row({0.1, 0.5, -0.1})).has_value());  // two features: a line
}

TEST_CASE("the probability grid holds the class probabilities at the cell centres, row 0 at the bottom") {
  const std::size_t nx = 7, ny = 5;
  const double x0 = -1, x1 = 5, y0 = 0, y1 = 2;
  struct Model { ll::Params theta; ll::Activation activation; };
  for (const Model& m : {Model{ll::Params::row({0.1, 0.5, -0.1}), ll::Activation::Sigmoid},
                         Model{ll::Params::row({-1.2, 0.5, 0.3}), ll::Activation::Tanh},
                         Model{three_classes(), ll::Activation::Softmax}}) {
    INFO(ll::name(m.activation));
    const ll::ProbabilityGrid g = ll::probability_grid(m.theta, m.activation, nx, ny, x0, x1, y0, y1);
    REQUIRE(g.probability.size() == nx * ny);
    REQUIRE(g.winner.size() == nx * ny);
    for (std::size_t r = 0; r < ny; ++r)
      for (std::size_t c = 0; c < nx; ++c) {
        // Centre of column c and row r: the left edge plus (2c + 1) half-cells.
        const double x[2] = {x0 + static_cast<double>(2 * c + 1) * (x1 - x0) / static_cast<double>(2 * nx),
                             y0 + static_cast<double>(2 * r + 1) * (y1 - y0) / static_cast<double>(2 * ny)};
        const std::vector<double> p = ll::class_probabilities(m.theta, m.activation, x);
        const auto best = static_cast<std::size_t>(std::max_element(p.begin(), p.end()) - p.begin());
        const double expected = m.activation == ll::Activation::Softmax ? p[best] : p[1];
        CHECK_CLOSE(g.probability[r * nx + c], expected, 1e-15, 1e-13);
        CHECK(g.winner[r * nx + c] == static_cast<int>(best));
      }
  }
}

TEST_CASE("a one-feature θ gives a grid that varies along x only") {
  const ll::Params theta = ll::Params::row({-5.156, 2.331});
  const ll::ProbabilityGrid g = ll::probability_grid(theta, ll::Activation::Sigmoid, 4, 3, 0, 8, -1, 1);
  for (std::size_t c = 0; c < 4; ++c) {
    const double x = 1.0 + 2.0 * static_cast<double>(c);  // centres 1, 3, 5, 7
    for (std::size_t r = 0; r < 3; ++r) CHECK_CLOSE(g.probability[r * 4 + c], logistic(-5.156 + 2.331 * x), 1e-15, 1e-13);
  }
}

TEST_CASE("sample_outputs gives the chain's z and ŷ, exactly, for every activation") {
  const ll::Dataset iris4 = ll::make_iris4();
  const ll::Params binary = ll::Params::row({0.1, 0.5, -0.1});
  for (const ll::Activation a : {ll::Activation::Sigmoid, ll::Activation::Tanh}) {
    for (std::size_t i = 0; i < iris4.rows(); ++i) {
      const ll::SampleOutputs o = ll::sample_outputs(iris4, i, binary, a);
      const ll::SampleChain c = ll::sample_chain(iris4, i, binary, a, ll::Loss::MSE);
      CHECK(o.z == c.z);          // the same operations in the same order: bit for bit
      CHECK(o.y_hat == c.y_hat);
    }
  }
  // Sample 1 of the slides: z = 0.1 + 0.5·1.4 − 0.1·0.2 = 0.78, ŷ = σ(0.78) = 0.685680 (§1).
  const ll::SampleOutputs first = ll::sample_outputs(iris4, 0, binary, ll::Activation::Sigmoid);
  CHECK_NEAR(first.z[0], 0.78, 1e-15);
  CHECK_NEAR(first.y_hat[0], 0.685680, 5e-7);
  const ll::Params theta = three_classes();
  const ll::SampleOutputs soft = ll::sample_outputs(iris4, 2, theta, ll::Activation::Softmax);
  const ll::SampleChain chain = ll::sample_chain(iris4, 2, theta, ll::Activation::Softmax, ll::Loss::CCE);
  CHECK(soft.z == chain.z);
  CHECK(soft.y_hat == chain.y_hat);
}

TEST_CASE("activation_point is (z, ŷ, f′(z)), or for softmax the true class's margin against its strongest rival") {
  const ll::SampleOutputs binary{{0.78}, {logistic(0.78)}};
  const ll::ActivationPoint p = ll::activation_point(binary, 1, ll::Activation::Sigmoid);
  CHECK(p.x == 0.78);
  CHECK(p.y == logistic(0.78));
  CHECK_CLOSE(p.slope, logistic(0.78) * (1.0 - logistic(0.78)), 0.0, 1e-15);
  const ll::SampleOutputs tanh_out{{0.5}, {std::tanh(0.5)}};
  CHECK_CLOSE(ll::activation_point(tanh_out, 0, ll::Activation::Tanh).slope, 1.0 - std::tanh(0.5) * std::tanh(0.5),
              0.0, 1e-15);
  // z = [1, 3, 2], true class 0: m = 1 − max(3, 2) = −2; ŷ_0 = e¹/(e¹ + e³ + e²).
  const double y0 = std::exp(1.0) / (std::exp(1.0) + std::exp(3.0) + std::exp(2.0));
  const ll::SampleOutputs soft{{1.0, 3.0, 2.0}, {y0, 0.0, 0.0}};
  const ll::ActivationPoint q = ll::activation_point(soft, 0, ll::Activation::Softmax);
  CHECK(q.x == -2.0);
  CHECK(q.y == y0);
  CHECK_CLOSE(q.slope, y0 * (1.0 - y0), 0.0, 1e-15);
}

TEST_CASE("the plotted slice holds the other features at their means: z there equals the full model's") {
  const ll::Dataset iris = ll::load_iris();   // 4 features, 3 species
  REQUIRE(iris.features() == 4);
  ll::Params theta(3, 5);
  theta.values = {0.2, -1.0, 0.5, 0.3, -0.2,  -0.3, 0.4, 0.4, -0.1, 0.6,  0.1, 0.8, -0.6, 0.2, 0.1};
  const ll::Params slice = ll::slice_at_means(theta, iris);
  REQUIRE(slice.rows == 3);
  REQUIRE(slice.cols == 3);
  std::vector<double> mean(4, 0.0);
  for (std::size_t j = 0; j < 4; ++j) {
    for (double x : iris.columns[j]) mean[j] += x;
    mean[j] /= static_cast<double>(iris.rows());
  }
  for (const auto& [x1, x2] : std::vector<std::pair<double, double>>{{5.1, 3.5}, {7.0, 2.2}, {0.0, 0.0}}) {
    const std::vector<double> full = {x1, x2, mean[2], mean[3]};
    const std::vector<double> plotted = {x1, x2};
    const std::vector<double> p_full = ll::class_probabilities(theta, ll::Activation::Softmax, full.data());
    const std::vector<double> p_slice = ll::class_probabilities(slice, ll::Activation::Softmax, plotted.data());
    for (std::size_t k = 0; k < 3; ++k) CHECK_CLOSE(p_slice[k], p_full[k], 1e-15, 1e-13);
  }
  // Two features: nothing to hold, θ itself.
  const ll::Params binary = ll::Params::row({0.1, 0.5, -0.1});
  CHECK(ll::slice_at_means(binary, ll::make_iris4()) == binary);
}
