#include "ll/grader.h"

#include <cmath>
#include <functional>
#include <vector>

#include "ll/error.h"

namespace ll {
namespace {

struct Named {
  Field field;
  const char* name;
};
constexpr Named kFields[] = {{Field::Z, "z"},           {Field::YHat, "yhat"},         {Field::Loss, "loss"},
                             {Field::DLDYhat, "dL_dyhat"}, {Field::DYhatDz, "dyhat_dz"}, {Field::DLDz, "dL_dz"},
                             {Field::Gradient, "gradient"}, {Field::ThetaAfter, "theta_after"},
                             {Field::LossAfter, "loss_after"}};

// Within the slides' rounding: half a unit of the 4th decimal, or that share of a large value.
bool close(double value, double expected, double tolerance) {
  return std::isfinite(value) && std::abs(value - expected) <= tolerance * std::max(1.0, std::abs(expected));
}

// The value of a per-sample field of chain c (entry k of a K-vector; ∂ŷ/∂z: the diagonal).
double of_chain(const SampleChain& c, Field f, std::size_t k) {
  const std::size_t K = c.z.size();
  auto entry = [&](const std::vector<double>& v) {
    if (k >= v.size()) throw InputError("--index " + std::to_string(k + 1) + ": the sample has " + std::to_string(v.size()) + " entries");
    return v[k];
  };
  switch (f) {
    case Field::Z: return entry(c.z);
    case Field::YHat: return entry(c.y_hat);
    case Field::Loss: return c.loss;
    case Field::DLDYhat: return entry(c.dL_dyhat);
    case Field::DYhatDz:
      if (k >= K) throw InputError("--index " + std::to_string(k + 1) + ": the sample has " + std::to_string(K) + " entries");
      return c.dyhat_dz[K == 1 ? 0 : k * K + k];
    case Field::DLDz: return entry(c.dL_dz);
    default: break;
  }
  return NAN;
}

// A known wrong value and what it says.
struct Mistake {
  double value;
  std::string hint;
};

std::vector<Mistake> sample_mistakes(const StepRecord& r, const SampleChain& c, Field f, std::size_t k) {
  std::vector<Mistake> out;
  const bool binary = c.z.size() == 1;
  const double yhat = c.y_hat[binary ? 0 : k];
  const int y = binary ? c.y : (static_cast<std::size_t>(c.y) == k ? 1 : 0);
  if (f == Field::YHat && binary) {
    out.push_back({1.0 - yhat, "1 − ŷ: you computed the probability of the other class"});
    out.push_back({c.z[0], "that is z itself: ŷ = σ(z) squashes it into (0, 1)"});
  }
  if (f == Field::Loss && binary && r.settings.loss == Loss::BCE) {
    const double other = y == 1 ? -std::log(1.0 - yhat) : -std::log(yhat);
    out.push_back({other, std::string(y == 1 ? "1 − ŷ" : "ŷ") + " used where " + (y == 1 ? "ŷ" : "1 − ŷ") +
                              " belongs: for y = " + std::to_string(y) + ", L = −log " + (y == 1 ? "ŷ" : "(1 − ŷ)")});
    out.push_back({c.loss / std::log(10.0), "the log base: the loss uses the natural log, ln, not log₁₀"});
    out.push_back({c.loss / std::log(2.0), "the log base: the loss uses the natural log, ln, not log₂"});
  }
  if (f == Field::DLDz) {
    const double right = c.dL_dz[binary ? 0 : k];
    out.push_back({-right, "the sign of ŷ − y is flipped: ∂L/∂z = ŷ − y, not y − ŷ"});
  }
  if (f == Field::DYhatDz && binary) out.push_back({yhat, "σ′ taken as σ: ∂ŷ/∂z = σ(z)(1 − σ(z)) = ŷ(1 − ŷ)"});
  // A value of the right field carried from another sample of the batch.
  for (const SampleChain& other : r.samples)
    if (other.index != c.index)
      out.push_back({of_chain(other, f, k), "that is sample " + std::to_string(other.index + 1) + "'s value, not this sample's"});
  return out;
}

std::vector<Mistake> step_mistakes(const StepRecord& r, Field f, std::size_t k) {
  std::vector<Mistake> out;
  const double m = static_cast<double>(r.m);
  const double eta = r.settings.learning_rate;
  const double g = r.gradient.values[k], before = r.theta_before.values[k];
  if (f == Field::Gradient) {
    if (r.m > 1 && r.settings.reduction == Reduction::Mean) {
      out.push_back({g * m, "1/m forgotten: the gradient is the mean over the batch, 1/m Σ (ŷ − y)x"});
      out.push_back({g / m, "1/m applied twice: divide the sum by m once"});
    }
    out.push_back({-g, "the sign is flipped: ∂L/∂θ = (ŷ − y)x, not (y − ŷ)x"});
  }
  if (f == Field::ThetaAfter) {
    out.push_back({before + eta * g, "the update was added: θ ← θ − η·∂L/∂θ goes against the gradient"});
    out.push_back({before - g, "η left out: θ ← θ − η·∂L/∂θ"});
    out.push_back({eta * before - g, "the learning rate applied to θ instead of to the gradient: θ − η·∂L/∂θ"});
    out.push_back({before - eta * g * m, "1/m forgotten in the gradient"});
  }
  return out;
}

// ---- Consistent with the student's earlier answers --------------------------------------

// The student's answer for (field, row, index) among `earlier` if it is wrong, else null.
struct Earlier {
  const StepRecord& r;
  const std::vector<Answer>& answers;
  double tolerance;
  const Answer* wrong(Field f, std::size_t row, std::size_t k) const {
    for (const Answer& a : answers) {
      if (a.field != f || a.index != k || (per_sample(f) && a.row != row)) continue;
      double expected = NAN;
      if (per_sample(f)) expected = row < r.samples.size() ? of_chain(r.samples[row], f, k) : NAN;
      else if (f == Field::Gradient || f == Field::ThetaAfter)
        expected = k < r.gradient.values.size() ? (f == Field::Gradient ? r.gradient : r.theta_after).values[k] : NAN;
      if (std::isfinite(expected) && std::isfinite(a.value) && !close(a.value, expected, tolerance)) return &a;
    }
    return nullptr;
  }
};

// The binary chain's links, from a given ŷ or z (y is 0/1; the loss carries loss_scale's ½).
double loss_from(const Settings& s, double yhat, int y) {
  if (s.loss == Loss::BCE) {
    const double p = y == 1 ? yhat : 1.0 - yhat;
    return p > 0.0 ? -std::log(p) : NAN;
  }
  return loss_scale(s) * (yhat - y) * (yhat - y);
}
double dL_dyhat_from(const Settings& s, double yhat, int y) {
  if (s.loss == Loss::BCE) return y == 1 ? -1.0 / yhat : 1.0 / (1.0 - yhat);
  return loss_scale(s) * 2.0 * (yhat - y);
}
double dyhat_dz_from_yhat(const Settings& s, double yhat) {
  return s.activation == Activation::Tanh ? 1.0 - yhat * yhat : yhat * (1.0 - yhat);
}

// What the asked quantity is when computed from the student's nearest earlier wrong answer it
// depends on, and that answer's name; none when no earlier wrong answer feeds it.
struct Carried {
  double value = NAN;
  const char* from = "";
};

std::optional<Carried> carried(const StepRecord& r, const Answer& a, const Earlier& e) {
  const Settings& s = r.settings;
  if (per_sample(a.field)) {
    const SampleChain& c = r.samples[a.row];
    if (c.z.size() != 1) return std::nullopt;  // softmax: the K-vectors are graded on their own
    const int y = c.y;
    const Answer* z = e.wrong(Field::Z, a.row, 0);
    const Answer* yhat = e.wrong(Field::YHat, a.row, 0);
    const Answer* dLdy = e.wrong(Field::DLDYhat, a.row, 0);
    const Answer* dydz = e.wrong(Field::DYhatDz, a.row, 0);
    switch (a.field) {
      case Field::YHat:
        if (z) return Carried{s.activation == Activation::Tanh ? std::tanh(z->value) : sigmoid(z->value), "z"};
        break;
      case Field::Loss:
        if (yhat) return Carried{loss_from(s, yhat->value, y), "ŷ"};
        break;
      case Field::DLDYhat:
        if (yhat) return Carried{dL_dyhat_from(s, yhat->value, y), "ŷ"};
        break;
      case Field::DYhatDz:
        if (yhat) return Carried{dyhat_dz_from_yhat(s, yhat->value), "ŷ"};
        if (z) return Carried{s.activation == Activation::Tanh ? tanh_derivative(z->value) : sigmoid_derivative(z->value), "z"};
        break;
      case Field::DLDz:
        if (dLdy || dydz)  // ∂L/∂z = ∂L/∂ŷ · ∂ŷ/∂z, each factor the student's where given
          return Carried{(dLdy ? dLdy->value : c.dL_dyhat[0]) * (dydz ? dydz->value : c.dyhat_dz[0]),
                         dLdy && dydz ? "∂L/∂ŷ and ∂ŷ/∂z" : dLdy ? "∂L/∂ŷ" : "∂ŷ/∂z"};
        if (yhat) return Carried{dL_dyhat_from(s, yhat->value, y) * dyhat_dz_from_yhat(s, yhat->value), "ŷ"};
        break;
      default: break;
    }
    return std::nullopt;
  }
  if (a.field == Field::Gradient) {
    // ∂L/∂θ_rj = (1/m) Σ_i ∂L/∂z_ir · x_ij (+ the penalty, which no sample changes): the
    // student's ∂L/∂z where given.
    const std::size_t row = a.index / r.gradient.cols, col = a.index % r.gradient.cols;
    const double per = s.reduction == Reduction::Mean ? 1.0 / static_cast<double>(r.m) : 1.0;
    double change = 0.0;
    bool any = false;
    for (std::size_t i = 0; i < r.samples.size(); ++i)
      if (const Answer* d = e.wrong(Field::DLDz, i, row)) {
        change += per * (d->value - r.samples[i].dL_dz[row]) * r.samples[i].x[col];
        any = true;
      }
    if (any && r.samples.size() == r.m) return Carried{r.gradient.values[a.index] + change, "∂L/∂z"};
    return std::nullopt;
  }
  if (a.field == Field::ThetaAfter) {
    // θ_after = θ − η·v with v = β·v_before + c·g (c = 1, or 1 − β for the EMA form): linear in g.
    const double c = s.momentum_form == MomentumForm::Ema && s.momentum != 0.0 ? 1.0 - s.momentum : 1.0;
    if (const Answer* g = e.wrong(Field::Gradient, 0, a.index))
      return Carried{r.theta_after.values[a.index] - s.learning_rate * c * (g->value - r.gradient.values[a.index]),
                     "gradient"};
  }
  return std::nullopt;
}

}  // namespace

std::optional<Field> parse_field(std::string_view name) {
  for (const Named& n : kFields)
    if (name == n.name) return n.field;
  return std::nullopt;
}

const char* field_name(Field field) {
  for (const Named& n : kFields)
    if (n.field == field) return n.name;
  return "?";
}

const char* field_symbol(Field f) {
  switch (f) {
    case Field::Z: return "z";
    case Field::YHat: return "ŷ";
    case Field::Loss: return "L";
    case Field::DLDYhat: return "∂L/∂ŷ";
    case Field::DYhatDz: return "∂ŷ/∂z";
    case Field::DLDz: return "∂L/∂z";
    case Field::Gradient: return "∂L/∂θ";
    case Field::ThetaAfter: return "θ after";
    case Field::LossAfter: return "mean loss after";
  }
  return "?";
}

bool faded(Field f, int level) {
  for (int k = 0; k < kFieldCount; ++k)
    if (kChainOrder[k] == f) return k >= kFieldCount - level;
  return false;
}

std::string fade_name(int level) {
  if (level <= 0) return "0 · everything shown";
  if (level >= kMostFade) return std::to_string(kMostFade) + " · everything hidden";
  const Field first = kChainOrder[kFieldCount - level];
  return std::to_string(level) + " · " + (level == 1 ? std::string(field_symbol(first)) + " hidden"
                                                     : std::string("from ") + field_symbol(first) + " on hidden");
}

bool per_sample(Field f) { return f != Field::Gradient && f != Field::ThetaAfter && f != Field::LossAfter; }

double expected_value(const StepRecord& r, const Answer& a) {
  if (per_sample(a.field)) {
    if (a.row >= r.samples.size())
      throw InputError("--sample " + std::to_string(a.row + 1) + ": the step's batch has " + std::to_string(r.samples.size()) +
                       " samples");
    return of_chain(r.samples[a.row], a.field, a.index);
  }
  if (a.field == Field::LossAfter) {
    if (!r.loss_after) throw InputError("--field loss_after: the loss after this step is undefined");
    return *r.loss_after;
  }
  if (a.index >= r.gradient.values.size())
    throw InputError("--index " + std::to_string(a.index + 1) + ": θ has " + std::to_string(r.gradient.values.size()) +
                     " entries");
  return (a.field == Field::Gradient ? r.gradient : r.theta_after).values[a.index];
}

Grade grade(const StepRecord& r, const Answer& a, const std::vector<Answer>& earlier, double tolerance) {
  Grade out;
  out.expected = expected_value(r, a);
  const std::vector<Mistake> mistakes =
      per_sample(a.field)             ? sample_mistakes(r, r.samples[a.row], a.field, a.index)
      : a.field == Field::LossAfter ? std::vector<Mistake>{}
                                      : step_mistakes(r, a.field, a.index);
  out.right = close(a.value, out.expected, tolerance);
  if (out.right) return out;
  // Right from the student's own wrong input: that input is the one to fix.
  if (const std::optional<Carried> c = carried(r, a, Earlier{r, earlier, tolerance});
      c && std::isfinite(c->value) && close(a.value, c->value, tolerance)) {
    out.consistent = true;
    out.hint = std::string("consistent with your ") + c->from + ", but that is wrong: fix it first";
    return out;
  }
  for (const Mistake& m : mistakes)
    if (std::isfinite(m.value) && !close(m.value, out.expected, tolerance) && close(a.value, m.value, tolerance)) {
      out.hint = m.hint;
      break;
    }
  return out;
}

}  // namespace ll
