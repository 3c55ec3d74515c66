#include "ll/run_watch.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "ll/number_format.h"

namespace ll {

double small_loss(const Settings& s) {
  constexpr double y_hat = 0.9;
  return s.loss == Loss::MSE ? (1.0 - y_hat) * (1.0 - y_hat) : -std::log(y_hat);
}

bool separation_watch_applies(const Settings& s) {
  return s.activation == Activation::Sigmoid || s.activation == Activation::Softmax;
}

// cos α = a·b / (‖a‖‖b‖), clamped so that rounding never takes arccos outside [−1, 1].
double turn_degrees(const Params& a, const Params& b) {
  const double na = a.norm(), nb = b.norm();
  if (na == 0.0 || nb == 0.0) return std::numeric_limits<double>::quiet_NaN();
  double dot = 0.0;
  for (std::size_t k = 0; k < a.values.size(); ++k) dot += a.values[k] * b.values[k];
  const double c = std::clamp(dot / (na * nb), -1.0, 1.0);
  return std::acos(c) * 180.0 / 3.14159265358979323846;
}

// z_r = θ_r0 + Σ_j θ_rj x_j for each row r of θ (one row: binary; K rows: softmax).
bool every_sample_classified(const Dataset& data, const Params& theta, Activation activation) {
  const std::size_t d = data.features();
  std::vector<double> z(theta.rows);
  for (std::size_t i = 0; i < data.rows(); ++i) {
    for (std::size_t r = 0; r < theta.rows; ++r) {
      z[r] = theta.at(r, 0);
      for (std::size_t j = 0; j < d; ++j) z[r] += theta.at(r, j + 1) * data.columns[j][i];
    }
    const auto y = static_cast<std::size_t>(data.labels[i]);
    if (activation != Activation::Softmax) {
      if (!(y == 1 ? z[0] > 0.0 : z[0] < 0.0)) return false;
      continue;
    }
    for (std::size_t r = 0; r < z.size(); ++r)
      if (r != y && !(z[y] > z[r])) return false;
  }
  return true;
}

std::string separable_notice(const Dataset& data, const Settings& s, const WatchPoint& then,
                             const WatchPoint& now) {
  if (!separation_watch_applies(s)) return "";
  // Cheap tests first (no pass over the data): the loss fell and is small (false for NaN), ‖θ‖
  // grew, and the direction θ/‖θ‖ has all but stopped turning.
  if (!(now.loss < then.loss) || !(now.loss < small_loss(s))) return "";
  const double norm = now.theta.norm();
  if (!(norm > then.theta.norm())) return "";
  const double turn = turn_degrees(then.theta, now.theta);
  if (!(turn < kStoppedTurningDegrees)) return "";
  if (!every_sample_classified(data, now.theta, s.activation)) return "";
  const bool several = s.activation == Activation::Softmax && data.classes() > 2;
  return "The classes are linearly separable: every sample is classified correctly, the " +
         std::string(several ? "boundaries have" : "boundary has") + " stopped turning (less than " +
         format_number(kStoppedTurningDegrees) + "° over the last " + std::to_string(kWatchWindow) +
         " steps) and the loss keeps shrinking toward 0 (now " + format_number(now.loss) +
         ") only because ‖θ‖ grows without bound (‖θ‖ = " + format_number(norm) +
         "). More steps change nothing you can see: ŷ only creeps closer to 0 and 1.";
}

}  // namespace ll
