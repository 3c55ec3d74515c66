#include "ll/optimum.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "ll/activation.h"
#include "ll/number_format.h"
#include "ll/objective.h"

namespace ll {

std::string_view name(OptimumStatus s) {
  switch (s) {
    case OptimumStatus::Ok: return "ok";
    case OptimumStatus::Separable: return "separable";
    case OptimumStatus::NotDefined: return "not-defined";
  }
  return "?";
}

namespace {

constexpr double kArmijo = 1e-4;            // accept t when J falls by at least this share of t·∇J·s
constexpr double kSmallestStep = 1e-14;     // relative: a Newton step this small has converged
constexpr double kSettledGradient = 1e-10;  // the descent has settled when ‖∇J‖ is below this
constexpr double kFarAway = 1e12;           // ‖θ‖∞ beyond this: no finite optimum in sight

bool newton_applies(const Settings& s, const Dataset& data) {
  const double p = static_cast<double>(zero_params(s, data).size());
  const bool convex = (s.activation == Activation::Sigmoid && s.loss == Loss::BCE) ||
                      (s.activation == Activation::Softmax && s.loss == Loss::CCE);
  return convex && p <= kMostNewtonParams && static_cast<double>(data.rows()) * p * p <= kNewtonBudget;
}

// z = Θx for sample i (K values, or 1).
void scores(const Dataset& data, std::size_t i, const Params& theta, std::vector<double>& z) {
  z.assign(theta.rows, 0.0);
  for (std::size_t r = 0; r < theta.rows; ++r) {
    double v = theta.at(r, 0);
    for (std::size_t j = 1; j < theta.cols; ++j) v += theta.at(r, j) * data.x(i, j - 1);
    z[r] = v;
  }
}

// Every sample strictly on its own side at θ: (2y − 1)·z > 0, or z_y above every other z_k.
// Then J(cθ) falls towards its infimum as c → ∞ (for the sigmoid and softmax, whose ŷ → the
// label), so without a penalty no finite θ is best.
bool separates_all(const Dataset& data, const Params& theta) {
  std::vector<double> z;
  for (std::size_t i = 0; i < data.rows(); ++i) {
    scores(data, i, theta, z);
    const auto y = static_cast<std::size_t>(data.labels[i]);
    if (theta.rows == 1) {
      if (!((y == 1 ? z[0] : -z[0]) > 0.0)) return false;
      continue;
    }
    for (std::size_t k = 0; k < z.size(); ++k)
      if (k != y && !(z[y] > z[k])) return false;
  }
  return true;
}

// Softmax: class k strictly apart from all the others along w = θ_k − θ_j (some j ≠ k) or
// θ_k − the mean of the other rows: w·x > 0 exactly for class k's samples. Then moving row k
// along w raises z_k on class k and lowers it elsewhere, and J falls without end.
bool separates_class(const Dataset& data, const Params& theta, std::size_t k) {
  const std::size_t rows = theta.rows, cols = theta.cols;
  for (std::size_t other = 0; other <= rows; ++other) {   // other == rows: the mean of the others
    if (other == k) continue;
    std::vector<double> w(cols);
    for (std::size_t j = 0; j < cols; ++j) {
      double rest = 0.0;
      if (other < rows) rest = theta.at(other, j);
      else
        for (std::size_t r = 0; r < rows; ++r) rest += r == k ? 0.0 : theta.at(r, j) / static_cast<double>(rows - 1);
      w[j] = theta.at(k, j) - rest;
    }
    bool apart = true;
    for (std::size_t i = 0; i < data.rows() && apart; ++i) {
      double z = w[0];
      for (std::size_t j = 1; j < cols; ++j) z += w[j] * data.x(i, j - 1);
      apart = static_cast<std::size_t>(data.labels[i]) == k ? z > 0.0 : z < 0.0;
    }
    if (apart) return true;
  }
  return false;
}

// Why θ shows there is no finite optimum (empty: it does not): all classes apart, or one class
// apart from the rest.
std::string separation(const Dataset& data, const Params& theta) {
  if (separates_all(data, theta)) return "the classes are linearly separable";
  for (std::size_t k = 0; theta.rows > 1 && k < theta.rows; ++k)
    if (separates_class(data, theta, k)) return "the class " + data.class_names[k] + " is linearly separable from the others";
  return "";
}

// H of J at θ (p × p, row-major, p = K(d + 1)): the data term's (1/N or 1)·Σ_i c_ab·x_j x_l with
// c = ŷ(1 − ŷ) (sigmoid) or ŷ_a(δ_ab − ŷ_b) (softmax), plus λ on the penalised diagonal.
std::vector<double> hessian(const Dataset& data, const Params& theta, const Settings& s) {
  const std::size_t rows = theta.rows, cols = theta.cols, p = theta.size();
  std::vector<double> h(p * p, 0.0), z, y_hat(rows), x(cols), c(rows * rows);
  for (std::size_t i = 0; i < data.rows(); ++i) {
    scores(data, i, theta, z);
    x[0] = 1.0;
    for (std::size_t j = 1; j < cols; ++j) x[j] = data.x(i, j - 1);
    if (rows == 1) {
      c[0] = sigmoid_derivative(z[0]);   // σ(z)σ(−z): no cancellation
    } else {
      softmax(z.data(), rows, y_hat.data());
      for (std::size_t a = 0; a < rows; ++a)
        for (std::size_t b = 0; b < rows; ++b) c[a * rows + b] = y_hat[a] * ((a == b ? 1.0 : 0.0) - y_hat[b]);
    }
    for (std::size_t a = 0; a < rows; ++a)
      for (std::size_t b = a; b < rows; ++b) {
        const double w = c[a * rows + b];
        for (std::size_t j = 0; j < cols; ++j)
          for (std::size_t l = 0; l < cols; ++l) h[(a * cols + j) * p + b * cols + l] += w * x[j] * x[l];
      }
  }
  for (std::size_t u = 0; u < p; ++u)   // the blocks below the diagonal mirror those above it
    for (std::size_t v = 0; v < u; ++v)
      if (v / cols < u / cols) h[u * p + v] = h[v * p + u];
  for (double& v : h) v = reduce(v, data.rows(), s.reduction);
  for (std::size_t k = 0; k < p; ++k)
    if (penalised(s, k % cols)) h[k * p + k] += s.l2;
  return h;
}

// Solves H·step = g: the columns scaled to a unit diagonal (D H D, D = diag(1/√H_kk)), a tiny
// ridge for softmax's flat direction (adding one vector to every row of Θ leaves ŷ alone), then
// Cholesky. False if H is not positive definite even so.
bool solve(std::vector<double> h, const std::vector<double>& g, std::size_t p, std::vector<double>& step) {
  std::vector<double> d(p);
  for (std::size_t k = 0; k < p; ++k) d[k] = h[k * p + k] > 0.0 ? 1.0 / std::sqrt(h[k * p + k]) : 1.0;
  for (std::size_t u = 0; u < p; ++u)
    for (std::size_t v = 0; v < p; ++v) h[u * p + v] *= d[u] * d[v];
  for (std::size_t k = 0; k < p; ++k) h[k * p + k] += 1e-10;
  for (std::size_t j = 0; j < p; ++j) {   // H = LLᵀ, L in the lower triangle
    double diagonal = h[j * p + j];
    for (std::size_t k = 0; k < j; ++k) diagonal -= h[j * p + k] * h[j * p + k];
    if (!(diagonal > 0.0)) return false;
    h[j * p + j] = std::sqrt(diagonal);
    for (std::size_t i = j + 1; i < p; ++i) {
      double v = h[i * p + j];
      for (std::size_t k = 0; k < j; ++k) v -= h[i * p + k] * h[j * p + k];
      h[i * p + j] = v / h[j * p + j];
    }
  }
  step.assign(p, 0.0);
  for (std::size_t i = 0; i < p; ++i) {   // L y = D g
    double v = d[i] * g[i];
    for (std::size_t k = 0; k < i; ++k) v -= h[i * p + k] * step[k];
    step[i] = v / h[i * p + i];
  }
  for (std::size_t i = p; i-- > 0;) {     // Lᵀ u = y, step = D u
    double v = step[i];
    for (std::size_t k = i + 1; k < p; ++k) v -= h[k * p + i] * step[k];
    step[i] = v / h[i * p + i];
  }
  for (std::size_t k = 0; k < p; ++k) step[k] *= d[k];
  return true;
}

// Softmax: each column of Θ (rows × cols, row-major) centred across the classes. ŷ is the same,
// and so is the data term; the penalty is smallest there. Applied to θ and to each Newton step:
// the minimum-norm θ*, and no drift along the flat directions.
void centre_classes(std::vector<double>& theta, std::size_t rows, std::size_t cols) {
  if (rows == 1) return;
  for (std::size_t j = 0; j < cols; ++j) {
    double mean = 0.0;
    for (std::size_t r = 0; r < rows; ++r) mean += theta[r * cols + j];
    mean /= static_cast<double>(rows);
    for (std::size_t r = 0; r < rows; ++r) theta[r * cols + j] -= mean;
  }
}

double dot(const std::vector<double>& a, const std::vector<double>& b) {
  double s = 0.0;
  for (std::size_t k = 0; k < a.size(); ++k) s += a[k] * b[k];
  return s;
}

double largest(const std::vector<double>& v) {
  double m = 0.0;
  for (double x : v) m = std::max(m, std::fabs(x));
  return m;
}

// J at θ − t·step, the smallest t = 1, ½, ¼, … with J(θ − t·step) ≤ J − kArmijo·t·slope; an
// undefined or overflowing J counts as too large. Returns 0 if none is (then θ is as good as it gets).
double line_search(const Dataset& data, const Settings& s, const Params& theta, double loss,
                   const std::vector<double>& step, double slope, double t) {
  for (; t >= 1e-20; t *= 0.5) {
    Params trial = theta;
    for (std::size_t k = 0; k < trial.size(); ++k) trial.values[k] -= t * step[k];
    const double j = objective_at(data, trial, s, false).loss;
    if (j <= loss - kArmijo * t * slope) return t;
  }
  return 0.0;
}

Optimum separable(Optimum o, const Params& theta, std::string why) {
  o.status = OptimumStatus::Separable;
  o.theta = theta;
  o.direction = theta;
  const double norm = theta.norm();
  for (double& v : o.direction.values) v /= norm;
  if (why.empty()) why = "the classes are nearly separable (θ grows without a limit)";
  o.message = why + ": the loss keeps falling as θ grows along " + format_params(o.direction) +
              ", so no finite θ is best (an L2 penalty, --l2, gives a finite optimum)";
  return o;
}

Optimum by_newton(const Dataset& data, const Settings& s) {
  Optimum o;
  o.newton = true;
  Params theta = zero_params(s, data);
  for (o.iterations = 0; o.iterations < kMostNewtonSteps;) {
    const ObjectiveValue v = objective_at(data, theta, s, true);
    if (s.l2 == 0.0)
      if (std::string why = separation(data, theta); !why.empty()) return separable(o, theta, why);
    std::vector<double> step;
    if (!solve(hessian(data, theta, s), v.gradient.values, theta.size(), step)) {
      o.theta = theta;
      o.message = "Newton's method stopped: the Hessian is singular at θ (features that are copies of each other?)";
      return o;
    }
    centre_classes(step, theta.rows, theta.cols);
    const double slope = dot(v.gradient.values, step);   // ∇J·H⁻¹∇J ≥ 0: the Newton decrement²
    // Near θ* the loss changes by less than its rounding: the full step, no search.
    const double t = slope <= 1e-20 * std::max(1.0, std::fabs(v.loss)) ? 1.0 : line_search(data, s, theta, v.loss, step, slope, 1.0);
    ++o.iterations;
    for (std::size_t k = 0; k < theta.size(); ++k) theta.values[k] -= t * step[k];
    centre_classes(theta.values, theta.rows, theta.cols);
    if (largest(theta.values) > kFarAway) break;
    if (t == 0.0 || t * largest(step) <= kSmallestStep * (1.0 + largest(theta.values))) {
      const ObjectiveValue at = objective_at(data, theta, s, true);
      o.status = OptimumStatus::Ok;
      o.theta = theta;
      o.loss = at.loss;
      o.gradient_norm = at.gradient.norm();
      o.message = "Newton's method (IRLS) with a line search from θ = 0: " + std::to_string(o.iterations) +
                  " iterations, ‖∇J‖ = " + format_number(o.gradient_norm);
      return o;
    }
  }
  if (s.l2 == 0.0) return separable(o, theta, separation(data, theta));   // θ grows without a limit
  o.theta = theta;
  o.message = "Newton's method did not converge in " + std::to_string(o.iterations) + " iterations";
  return o;
}

Optimum by_descent(const Dataset& data, const Settings& s, const Params& theta0) {
  Optimum o;
  Params theta = theta0;
  ObjectiveValue v = objective_at(data, theta, s, true);
  if (!std::isfinite(v.loss)) {
    o.theta = theta;
    o.message = "the loss is undefined at θ₀ (tanh + BCE needs ŷ > 0 for every sample): choose another θ₀";
    return o;
  }
  const bool saturating = s.activation != Activation::Tanh;   // ŷ → the label as z grows
  const auto most = static_cast<std::size_t>(std::min(
      static_cast<double>(kMostDescentSteps),
      std::max(10.0, kDescentBudget / (static_cast<double>(data.rows()) * static_cast<double>(theta.size())))));
  // The descent as on standardized features: each entry's step divided by its feature's variance
  // (the bias's by 1), so raw features of very different scales do not make it crawl.
  std::vector<double> scale(theta.size(), 1.0), step(theta.size());
  for (std::size_t k = 0; k < theta.size(); ++k)
    if (const std::size_t j = k % theta.cols; j > 0) {
      double mean = 0.0, squares = 0.0;
      for (std::size_t i = 0; i < data.rows(); ++i) mean += data.x(i, j - 1) / static_cast<double>(data.rows());
      for (std::size_t i = 0; i < data.rows(); ++i) squares += (data.x(i, j - 1) - mean) * (data.x(i, j - 1) - mean);
      const double variance = squares / static_cast<double>(data.rows());
      if (variance > 0.0) scale[k] = 1.0 / variance;
    }
  double t = 1.0;
  for (o.iterations = 0; o.iterations < most; ++o.iterations) {
    o.gradient_norm = v.gradient.norm();
    if (o.gradient_norm <= kSettledGradient) break;
    if (saturating && s.l2 == 0.0 && o.iterations % 1000 == 999)
      if (std::string why = separation(data, theta); !why.empty()) return separable(o, theta, why);
    for (std::size_t k = 0; k < theta.size(); ++k) step[k] = scale[k] * v.gradient.values[k];
    t = line_search(data, s, theta, v.loss, step, dot(v.gradient.values, step), 2.0 * t);
    if (t == 0.0) break;   // no step lowers J any more: as close as doubles get
    for (std::size_t k = 0; k < theta.size(); ++k) theta.values[k] -= t * step[k];
    if (largest(theta.values) > kFarAway) break;
    v = objective_at(data, theta, s, true);
  }
  o.theta = theta;
  o.loss = v.loss;
  o.gradient_norm = v.gradient.norm();
  const bool convex = (s.activation == Activation::Sigmoid && s.loss == Loss::BCE) ||
                      (s.activation == Activation::Softmax && s.loss == Loss::CCE);
  const std::string descent = "full-batch gradient descent (a line search for the step, each feature's scaled as if "
                              "standardized) from θ₀: " + std::to_string(o.iterations) + " steps, ‖∇J‖ = " +
                              format_number(o.gradient_norm);
  const std::string how =
      convex ? "θ has " + std::to_string(theta.size()) + " entries, too many for Newton's method here: " + descent
             : std::string(name(s.activation)) + " + " + std::string(long_name(s.loss)) +
                   " is not convex, so this is the minimum that " + descent + " reaches; another θ₀ may end at another one";
  if (o.gradient_norm <= 1e3 * kSettledGradient && largest(theta.values) <= kFarAway) {
    o.status = OptimumStatus::Ok;
    o.message = how;
  } else if (const std::string why = saturating && s.l2 == 0.0 ? separation(data, theta) : ""; !why.empty()) {
    return separable(o, theta, why);
  } else {
    o.message = "the descent did not settle: " + how;
  }
  return o;
}

}  // namespace

Optimum find_optimum(const Dataset& data, const Settings& settings, const Params& theta0) {
  validate(settings, data);
  return newton_applies(settings, data) ? by_newton(data, settings) : by_descent(data, settings, theta0);
}

}  // namespace ll
