#include "ll/settings.h"

#include <cmath>
#include <sstream>

#include "ll/error.h"

namespace ll {

bool Settings::operator==(const Settings& o) const {
  return loss == o.loss && activation == o.activation && mode == o.mode &&
         batch_size == o.batch_size && order == o.order && seed == o.seed &&
         learning_rate == o.learning_rate && momentum == o.momentum && labels == o.labels;
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
