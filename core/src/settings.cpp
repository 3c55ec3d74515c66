#include "ll/settings.h"

#include <cmath>
#include <initializer_list>
#include <sstream>

#include "ll/error.h"

namespace ll {

bool Settings::operator==(const Settings& o) const {
  return loss == o.loss && activation == o.activation && mode == o.mode &&
         batch_size == o.batch_size && order == o.order && seed == o.seed &&
         learning_rate == o.learning_rate && momentum == o.momentum && labels == o.labels &&
         same_objective(*this, o) && momentum_form == o.momentum_form;
}

namespace {
std::string number(double v) {
  std::ostringstream s;
  s << v;
  return s.str();
}
}  // namespace

std::string_view name(LabelCoding c) { return c == LabelCoding::PlusMinusOne ? "pm1" : "01"; }

std::optional<LabelCoding> parse_label_coding(std::string_view s) {
  if (s == "01") return LabelCoding::ZeroOne;
  if (s == "pm1") return LabelCoding::PlusMinusOne;
  return std::nullopt;
}

std::string_view name(Reduction r) { return r == Reduction::Sum ? "sum" : "mean"; }
std::string_view name(SquaredError e) { return e == SquaredError::Half ? "half" : "full"; }
std::string_view name(MomentumForm f) { return f == MomentumForm::Ema ? "ema" : "plain"; }

namespace {
template <typename Choice>
std::optional<Choice> parse_of(std::string_view s, std::initializer_list<Choice> choices) {
  for (Choice c : choices)
    if (name(c) == s) return c;
  return std::nullopt;
}
}  // namespace

std::optional<Reduction> parse_reduction(std::string_view s) { return parse_of(s, {Reduction::Mean, Reduction::Sum}); }
std::optional<SquaredError> parse_squared_error(std::string_view s) {
  return parse_of(s, {SquaredError::Full, SquaredError::Half});
}
std::optional<MomentumForm> parse_momentum_form(std::string_view s) {
  return parse_of(s, {MomentumForm::Plain, MomentumForm::Ema});
}

bool same_objective(const Settings& a, const Settings& b) {
  return a.loss == b.loss && a.activation == b.activation && a.reduction == b.reduction &&
         loss_scale(a) == loss_scale(b) && a.l2 == b.l2 && (a.l2 == 0.0 || a.l2_bias == b.l2_bias);
}

double loss_scale(const Settings& s) {
  return s.loss == Loss::MSE && s.squared_error == SquaredError::Half ? 0.5 : 1.0;
}

// (λ/2) Σ θ_rj² over the penalised entries
double l2_penalty(const Settings& s, const Params& theta) {
  if (s.l2 == 0.0) return 0.0;
  double sum = 0.0;
  for (std::size_t r = 0; r < theta.rows; ++r)
    for (std::size_t j = 0; j < theta.cols; ++j)
      if (penalised(s, j)) sum += theta.at(r, j) * theta.at(r, j);
  return 0.5 * s.l2 * sum;
}

// ∂/∂θ_rj (λ/2) Σ θ² = λθ_rj
Params l2_gradient(const Settings& s, const Params& theta) {
  Params g(theta.rows, theta.cols, 0.0);
  for (std::size_t r = 0; r < theta.rows; ++r)
    for (std::size_t j = 0; j < theta.cols; ++j)
      if (penalised(s, j)) g.at(r, j) = s.l2 * theta.at(r, j);
  return g;
}

std::string label_text(int y, LabelCoding coding) {
  if (coding != LabelCoding::PlusMinusOne) return std::to_string(y);
  return y == 1 ? "+1" : "−1";
}

void validate(const Settings& s, const Dataset& data) {
  if (data.rows() == 0) throw InputError("--data: the data set '" + data.name + "' has no samples");
  if (const std::string why = why_undefined(s.loss, s.activation); !why.empty())
    throw InputError("--loss " + std::string(name(s.loss)) + " with --activation " +
                     std::string(name(s.activation)) + ": " + why);
  if (s.activation != Activation::Softmax && data.classes() != 2) {
    std::string names;
    for (const std::string& c : data.class_names) names += (names.empty() ? "" : ", ") + c;
    throw InputError("--activation " + std::string(name(s.activation)) +
                     " separates two classes, but '" + data.name + "' has " +
                     std::to_string(data.classes()) + " (" + names +
                     "): choose two with --classes (e.g. --classes 1,2), or use "
                     "--activation softmax --loss cce");
  }
  if (s.labels == LabelCoding::PlusMinusOne && s.activation != Activation::Sigmoid)
    throw InputError("--labels pm1 with --activation " + std::string(name(s.activation)) +
                     ": ±1 labels are the sigmoid's form P(y | x) = σ(y·z); " +
                     (s.activation == Activation::Softmax ? "softmax numbers its K classes 0, 1, …"
                                                          : "tanh is taught here with 0/1 labels") +
                     " (choose --labels 01)");
  if (s.mode == BatchMode::MiniBatch && s.batch_size == 0)
    throw InputError("--batch-size must be at least 1");
  if (s.mode == BatchMode::MiniBatch && s.batch_size > data.rows())
    throw InputError("--batch-size " + std::to_string(s.batch_size) +
                     " is larger than the data set (" + std::to_string(data.rows()) + " samples)");
  if (!std::isfinite(s.learning_rate) || s.learning_rate <= 0)
    throw InputError("--lr: the learning rate η must be a positive number (got " +
                     number(s.learning_rate) + ")");
  if (!std::isfinite(s.l2) || s.l2 < 0 || s.l2 > kMostL2)
    throw InputError("--l2: λ must be a number from 0 to " + number(kMostL2) + " (got " + number(s.l2) + ")");
  if (!std::isfinite(s.momentum) || s.momentum < 0 || s.momentum >= 1)
    throw InputError("--momentum: β must be at least 0 and below 1 (got " + number(s.momentum) + ")");
}

Params zero_params(const Settings& s, const Dataset& data) {
  return Params(s.activation == Activation::Softmax ? data.classes() : 1, data.features() + 1, 0.0);
}

std::size_t batch_size_of(const Settings& s, const Dataset& data) {
  switch (s.mode) {
    case BatchMode::Batch: return data.rows();
    case BatchMode::Stochastic: return 1;
    case BatchMode::MiniBatch: return s.batch_size;
  }
  return 1;
}

}  // namespace ll
