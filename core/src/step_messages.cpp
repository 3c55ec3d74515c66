#include "step_messages.h"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "ll/number_format.h"

namespace ll {
namespace {

// η as people write it: 0.01, 1e+06
std::string general(double v) {
  std::ostringstream s;
  s << v;
  return s.str();
}

}  // namespace

// "3 numbers [b, w1, w2]"; a long θ names its first and last entries only (a message stays a line).
std::string shape_text(const Params& p) {
  std::string names = "b";
  for (std::size_t j = 1; j < p.cols; ++j) {
    if (j == 4 && p.cols > 6) {
      names += ", …, w" + std::to_string(p.cols - 1);
      break;
    }
    names += ", w" + std::to_string(j);
  }
  const std::string numbers = std::to_string(p.cols) + (p.cols == 1 ? " number" : " numbers");
  if (p.rows == 1) return numbers + " [" + names + "]";
  return std::to_string(p.rows) + " rows of " + numbers + " [" + names +
         "], one row per class, rows separated by ';'";
}

// Why tanh + BCE is undefined on these samples, naming them (1-based, as people count).
std::string refusal_message(const std::vector<const SampleChain*>& bad) {
  std::string s = "tanh + binary cross-entropy is undefined here: ŷ = tanh(z) ≤ 0 for ";
  const std::size_t shown = std::min<std::size_t>(bad.size(), 5);
  for (std::size_t k = 0; k < shown; ++k) {
    const SampleChain& c = *bad[k];
    s += (k ? (k + 1 == shown && shown == bad.size() ? " and " : ", ") : "") + std::string("sample ") +
         std::to_string(c.index + 1) + " (z = " + format_number(c.z[0]) + ", ŷ = " + format_number(c.y_hat[0]) + ")";
  }
  if (bad.size() > shown) s += " and " + std::to_string(bad.size() - shown) + " more";
  return s + ", and log ŷ needs ŷ > 0. The step was not taken: start from a θ that makes every z "
             "positive, or use sigmoid.";
}

std::string theta_diverged_message(std::size_t step, double learning_rate) {
  return "Diverged at step " + std::to_string(step) +
         ": the update made θ too large to hold as a number (it shows as ∞): η = " + general(learning_rate) +
         " overshoots. The steps before it are kept; lower η and step again.";
}

std::string loss_diverged_message(std::size_t step, double loss, double reference, double factor,
                                  double learning_rate) {
  const std::string jump = std::isfinite(loss)
                               ? "jumped to " + format_number(loss) + ", over "
                               : std::string("grew too large to hold as a number (it shows as undefined), far over ");
  return "Diverged at step " + std::to_string(step) + ": the mean loss " + jump + format_number(factor) +
         "× where it started (" + format_number(reference) + "): η = " + general(learning_rate) +
         " overshoots. The steps before it are kept; lower η and step again.";
}

}  // namespace ll
