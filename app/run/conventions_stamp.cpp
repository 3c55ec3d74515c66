// The one-line conventions stamp every export carries (run/step_export.h), so a hand calculation
// knows which form of the model the numbers are in.
#include "ll/formulas.h"
#include "ll/number_format.h"
#include "run/step_export.h"

namespace ll::app {

std::string conventions_stamp(const Settings& s, const Dataset& data) {
  const bool softmax = s.activation == Activation::Softmax;
  std::string order = "[b";
  for (std::size_t j = 1; j <= data.features(); ++j) order += ", w" + std::to_string(j);
  order += "]";
  std::string out = softmax ? "Θ: one row " + order + " per class" : "θ = " + order;
  out += softmax ? " · classes 0 … K−1" : s.labels == LabelCoding::PlusMinusOne ? " · labels −1/+1" : " · labels 0/1";
  out += std::string(" · ") + (s.reduction == Reduction::Sum ? "sum" : "mean") + " over the batch";
  out += s.squared_error == SquaredError::Half ? " · squared error ½(ŷ − y)²" : " · squared error (ŷ − y)²";
  out += s.momentum_form == MomentumForm::Ema ? " · v ← βv + (1 − β)∇L" : " · v ← βv + ∇L";
  out += data.standardized ? " · standardized features" : " · raw features";
  out += " · λ = " + format_number(s.l2);
  if (s.l2 != 0.0) out += s.l2_bias ? " (bias penalised)" : " (bias not penalised)";
  return out;
}

}  // namespace ll::app
