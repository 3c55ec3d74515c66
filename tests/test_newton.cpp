// Full-batch gradient descent (sigmoid + BCE) converges to the maximum-likelihood θ, found here
// independently by Newton's method (iteratively reweighted least squares) written in the test.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include "approx.h"
#include "ll/dataset.h"
#include "ll/kernel.h"
#include "ll/optimum.h"
#include "ll/settings.h"
#include "ll/trainer.h"

namespace {

using Vec3 = std::array<double, 3>;
using Mat3 = std::array<Vec3, 3>;

double sigma(double z) { return 1.0 / (1.0 + std::exp(-z)); }

// ∇ = 1/N Xᵀ(ŷ − y) and H = 1/N XᵀWX with W = diag(ŷ(1 − ŷ)), for θ = [b, w1, w2].
void gradient_and_hessian(const ll::Dataset& data, const Vec3& theta, Vec3& gradient, Mat3& hessian) {
  gradient = {};
  hessian = {};
  const double n = static_cast<double>(data.rows());
  for (std::size_t i = 0; i < data.rows(); ++i) {
    const Vec3 x = {1.0, data.x(i, 0), data.x(i, 1)};
    const double y_hat = sigma(theta[0] * x[0] + theta[1] * x[1] + theta[2] * x[2]);
    const double w = y_hat * (1.0 - y_hat);
    for (std::size_t a = 0; a < 3; ++a) {
      gradient[a] += (y_hat - data.labels[i]) * x[a] / n;
      for (std::size_t b = 0; b < 3; ++b) hessian[a][b] += w * x[a] * x[b] / n;
    }
  }
}

// Solves H s = g by Gaussian elimination with partial pivoting.
Vec3 solve(Mat3 h, Vec3 g) {
  for (std::size_t col = 0; col < 3; ++col) {
    std::size_t pivot = col;
    for (std::size_t r = col + 1; r < 3; ++r)
      if (std::fabs(h[r][col]) > std::fabs(h[pivot][col])) pivot = r;
    std::swap(h[col], h[pivot]);
    std::swap(g[col], g[pivot]);
    for (std::size_t r = col + 1; r < 3; ++r) {
      const double f = h[r][col] / h[col][col];
      for (std::size_t c = col; c < 3; ++c) h[r][c] -= f * h[col][c];
      g[r] -= f * g[col];
    }
  }
  Vec3 s{};
  for (std::size_t r = 3; r-- > 0;) {
    double v = g[r];
    for (std::size_t c = r + 1; c < 3; ++c) v -= h[r][c] * s[c];
    s[r] = v / h[r][r];
  }
  return s;
}

struct NewtonResult {
  Vec3 theta{};
  Vec3 gradient{};
  int iterations = 0;
  bool converged = false;
};

// θ ← θ − H⁻¹∇ from θ = 0 until the step is below 1e-15 (quadratic convergence: a handful of steps).
NewtonResult newton(const ll::Dataset& data) {
  NewtonResult r;
  Mat3 h{};
  for (r.iterations = 1; r.iterations <= 100; ++r.iterations) {
    gradient_and_hessian(data, r.theta, r.gradient, h);
    const Vec3 s = solve(h, r.gradient);
    double size = 0.0;
    for (std::size_t k = 0; k < 3; ++k) {
      r.theta[k] -= s[k];
      size = std::max(size, std::fabs(s[k]));
    }
    if (size < 1e-15 * (1.0 + std::fabs(r.theta[0]) + std::fabs(r.theta[1]) + std::fabs(r.theta[2]))) {
      r.converged = true;
      break;
    }
  }
  gradient_and_hessian(data, r.theta, r.gradient, h);
  return r;
}

std::shared_ptr<const ll::Dataset> overlapping_blobs() {
  ll::Dataset data = ll::make_blobs(200, 1.5, 2024);  // centres 1.5 σ apart: the clouds overlap
  ll::standardize(data);
  return std::make_shared<const ll::Dataset>(std::move(data));
}

}  // namespace

TEST_CASE("on overlapping blobs Newton's method finds a finite maximum-likelihood θ with gradient ≈ 0") {
  const auto data = overlapping_blobs();
  const NewtonResult mle = newton(*data);
  // A finite minimizer exists only when the classes are not linearly separable.
  REQUIRE(mle.converged);
  for (double v : mle.theta) CHECK(std::isfinite(v));
  CHECK(std::fabs(mle.theta[1]) + std::fabs(mle.theta[2]) < 10.0);
  for (double g : mle.gradient) CHECK_NEAR(g, 0.0, 1e-12);
  // The core's full-data gradient agrees that this θ is stationary.
  const ll::DataPass pass = ll::full_pass(*data, ll::Params::row({mle.theta[0], mle.theta[1], mle.theta[2]}),
                                          ll::Activation::Sigmoid, ll::Loss::BCE, true);
  for (double g : pass.gradient_sum.values) CHECK_NEAR(g / static_cast<double>(data->rows()), 0.0, 1e-12);
  // And some samples stay on the wrong side of the boundary, as overlapping data must.
  std::size_t wrong = 0;
  for (std::size_t i = 0; i < data->rows(); ++i) {
    const double z = mle.theta[0] + mle.theta[1] * data->x(i, 0) + mle.theta[2] * data->x(i, 1);
    wrong += (z > 0) != (data->labels[i] == 1) ? 1 : 0;
  }
  CHECK(wrong > 0);
}

TEST_CASE("full-batch gradient descent reaches the maximum-likelihood θ of Newton's method") {
  const auto data = overlapping_blobs();
  const NewtonResult mle = newton(*data);
  REQUIRE(mle.converged);
  ll::Settings s;
  s.mode = ll::BatchMode::Batch;
  s.learning_rate = 1.0;
  ll::Trainer trainer(data, s, ll::Params::row({0.0, 0.0, 0.0}));
  // With η below 2/λmax(H) (λmax(H) ≤ 1/4 · λmax(XᵀX/N) < 1 here) the loss never rises.
  std::optional<double> previous = trainer.loss_at(0);
  int rises = 0;
  for (int k = 0; k < 1000; ++k) {
    const ll::StepRecord rec = trainer.step(false);
    if (rec.status != ll::StepStatus::Ok || !rec.loss_after) FAIL("step ", k + 1, " failed: ", rec.message);
    rises += *rec.loss_after > *previous + 1e-15 ? 1 : 0;
    previous = rec.loss_after;
  }
  CHECK(rises == 0);
  const ll::Params theta = trainer.theta();
  INFO("after ", trainer.current_step(), " steps, θ = ", theta.values[0], ", ", theta.values[1], ", ",
       theta.values[2]);
  for (std::size_t k = 0; k < 3; ++k) CHECK_NEAR(theta.values[k], mle.theta[k], 1e-6);
}

TEST_CASE("the core's optimum equals this file's Newton solve: iris versicolor vs virginica, and blobs") {
  ll::DataOptions o;
  o.source = "iris";
  o.classes = {2, 3};   // petal length and width, unstandardized
  const ll::Dataset iris = ll::load_dataset(o);
  const auto blobs = overlapping_blobs();
  for (const ll::Dataset* data : {&iris, blobs.get()}) {
    const NewtonResult mle = newton(*data);
    REQUIRE(mle.converged);
    const ll::Optimum best = ll::find_optimum(*data, ll::Settings{}, ll::Params::row({0, 0, 0}));
    REQUIRE(best.status == ll::OptimumStatus::Ok);
    for (std::size_t k = 0; k < 3; ++k) CHECK_NEAR(best.theta.values[k], mle.theta[k], 1e-9);
  }
}
