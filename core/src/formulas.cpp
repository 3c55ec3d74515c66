#include "ll/formulas.h"

#include <cctype>

namespace ll {

namespace {

// "ŷ − y" → "ŷ − y′": the 0/1 form's label as y′ = (y + 1)/2.
std::string with_y_prime(std::string s) {
  for (std::size_t k = 0; (k = s.find('y', k)) != std::string::npos; k += 1) {
    const bool inside_word = k + 1 < s.size() && std::isalpha(static_cast<unsigned char>(s[k + 1]));
    if (!inside_word) s.insert(k + 1, "′");
  }
  return s;
}

Formulas zero_one_formulas(Loss loss, Activation activation) {
  Formulas f;
  switch (activation) {
    case Activation::Sigmoid:
      f.y_hat = "ŷ = σ(z) = 1/(1 + e^−z)";
      f.dyhat_dz = "∂ŷ/∂z = ŷ(1 − ŷ)";
      break;
    case Activation::Tanh:
      f.y_hat = "ŷ = tanh(z)";
      f.dyhat_dz = "∂ŷ/∂z = 1 − ŷ²";
      break;
    case Activation::Softmax:
      f.y_hat = "ŷ_k = e^z_k / Σ_j e^z_j";
      f.dyhat_dz = "∂ŷ_a/∂z_b = ŷ_a(δ_ab − ŷ_b)";
      break;
  }
  const bool softmax = activation == Activation::Softmax;
  if (loss == Loss::BCE) {
    f.loss = "L = −y log ŷ − (1 − y) log(1 − ŷ)";
    f.dL_dyhat = "∂L/∂ŷ = (1 − y)/(1 − ŷ) − y/ŷ";
  } else if (loss == Loss::MSE) {
    f.loss = softmax ? "L = Σ_k (ŷ_k − y_k)²" : "L = (ŷ − y)²";
    f.dL_dyhat = softmax ? "∂L/∂ŷ_k = 2(ŷ_k − y_k)" : "∂L/∂ŷ = 2(ŷ − y)";
  } else {
    f.loss = "L = −Σ_k y_k log ŷ_k";
    f.dL_dyhat = "∂L/∂ŷ_k = −y_k/ŷ_k";
  }
  if (activation == Activation::Sigmoid && loss == Loss::BCE) {
    f.dL_dz = "∂L/∂z = ŷ − y";
    f.gradient = "∂L/∂θ = 1/m Xᵀ(ŷ − y)";
  } else if (activation == Activation::Sigmoid) {
    f.dL_dz = "∂L/∂z = 2(ŷ − y) ŷ(1 − ŷ)";
    f.gradient = "∂L/∂θ = 2/m Xᵀ[(ŷ − y) ŷ(1 − ŷ)]";
  } else if (activation == Activation::Tanh && loss == Loss::BCE) {
    f.dL_dz = "∂L/∂z = (ŷ − y)(1 + ŷ)/ŷ";
    f.gradient = "∂L/∂θ = 1/m Xᵀ[(ŷ − y)(1 + ŷ)/ŷ]";
  } else if (activation == Activation::Tanh) {
    f.dL_dz = "∂L/∂z = 2(ŷ − y)(1 − ŷ²)";
    f.gradient = "∂L/∂θ = 2/m Xᵀ[(ŷ − y)(1 − ŷ²)]";
  } else if (loss == Loss::CCE) {
    f.dL_dz = "∂L/∂z = ŷ − y  (y one-hot)";
    f.gradient = "∂L/∂Θ = 1/m (Ŷ − Y)ᵀX";
  } else {
    f.dL_dz = "∂L/∂z = Jᵀ · 2(ŷ − y)";
    f.gradient = "∂L/∂Θ = 1/m Σ_i (Jᵢᵀ 2(ŷᵢ − yᵢ)) xᵢᵀ";
  }
  return f;
}

}  // namespace

Formulas formulas(Loss loss, Activation activation, LabelCoding labels) {
  Formulas f = zero_one_formulas(loss, activation);
  if (labels != LabelCoding::PlusMinusOne || activation != Activation::Sigmoid) return f;
  f.labels = "y ∈ {−1, +1}: P(y | x) = σ(y·z); the same numbers as the 0/1 form with y′ = (y + 1)/2";
  if (loss == Loss::BCE) {
    f.loss = "L = log(1 + e^(−y·z)) = −y′ log ŷ − (1 − y′) log(1 − ŷ)";
    f.dL_dyhat = with_y_prime(f.dL_dyhat);
    f.dL_dz = "∂L/∂z = −y·σ(−y·z) = ŷ − y′";
    f.gradient = "∂L/∂θ = 1/m Σᵢ −yᵢσ(−yᵢzᵢ) xᵢ = 1/m Xᵀ(ŷ − y′)";
  } else {
    f.loss = with_y_prime(f.loss);
    f.dL_dyhat = with_y_prime(f.dL_dyhat);
    f.dL_dz = with_y_prime(f.dL_dz);
    f.gradient = with_y_prime(f.gradient);
  }
  return f;
}

namespace {

void replace_all(std::string& s, const std::string& from, const std::string& to) {
  for (std::size_t k = 0; (k = s.find(from, k)) != std::string::npos; k += to.size()) s.replace(k, from.size(), to);
}

}  // namespace

Formulas formulas(const Settings& s) {
  Formulas f = formulas(s.loss, s.activation, s.labels);
  const bool softmax = s.activation == Activation::Softmax;
  if (s.loss == Loss::MSE && s.squared_error == SquaredError::Half) {
    // L = ½(ŷ − y)²: the 2 of the derivative cancels, everywhere it was written.
    replace_all(f.loss, "L = ", "L = ½");
    replace_all(f.dL_dyhat, "= 2(", "= ");                    // "∂L/∂ŷ = 2(ŷ − y)" → "∂L/∂ŷ = ŷ − y"
    if (!f.dL_dyhat.empty() && f.dL_dyhat.back() == ')') f.dL_dyhat.pop_back();
    replace_all(f.dL_dz, "= 2(", "= (");
    replace_all(f.dL_dz, " 2(", " (");
    replace_all(f.gradient, "2/m", "1/m");
    replace_all(f.gradient, " 2(", " (");
  }
  if (s.reduction == Reduction::Sum) {
    replace_all(f.gradient, "1/m ", "");
    replace_all(f.gradient, "2/m ", "2 ");
  }
  f.batch_loss = s.reduction == Reduction::Sum ? "batch loss = Σᵢ Lᵢ" : "batch loss = 1/m Σᵢ Lᵢ";
  const std::string theta = softmax ? "Θ" : "θ";
  if (s.l2 != 0.0) {
    const std::string w = softmax ? "W" : "w";   // the weights: θ without its bias column
    f.batch_loss += " + (λ/2)‖" + (s.l2_bias ? theta : w) + "‖²";
    f.penalty = s.l2_bias ? "+ λ" + theta + "  (the bias is penalised too)"
                          : "+ λ" + w + (softmax ? "  (the biases are not penalised)" : "  (the bias b is not penalised)");
    f.gradient += " " + f.penalty.substr(0, f.penalty.find("  "));
  }
  const std::string gradient = softmax ? "∂L/∂Θ" : "∂L/∂θ";
  const std::string v = softmax ? "V" : "v";
  f.velocity = v + " = β·" + v + " + " + (s.momentum_form == MomentumForm::Ema ? "(1 − β)·" : "") + gradient;
  return f;
}

std::string reduced_over(Reduction reduction, const std::string& samples) {
  return std::string(reduction == Reduction::Sum ? "sum" : "mean") + " over " + samples + " samples";
}

std::string as_factor(const std::string& s) {
  int depth = 0;
  for (std::size_t k = 0; k < s.size(); ++k) {
    if (s[k] == '(' || s[k] == '[') ++depth;
    if (s[k] == ')' || s[k] == ']') --depth;
    if (depth == 0 && (s.compare(k, 5, " − ") == 0 || s.compare(k, 3, " + ") == 0)) return "(" + s + ")";
  }
  return s;
}

}  // namespace ll
