// The pieces of LaTeX the step's export and the worksheet share (run/latex_pieces.h).
#include "run/latex_pieces.h"

#include <cctype>
#include <cstring>
#include <string>
#include <utility>

#include "ll/formulas.h"
#include "ll/number_format.h"

namespace ll::app {
namespace {

// Appends LaTeX, keeping a control word apart from a letter after it ("\log y", not "\logy").
void append(std::string& out, const std::string& piece) {
  if (!piece.empty() && std::isalpha(static_cast<unsigned char>(piece[0]))) {
    std::size_t k = out.size();
    while (k > 0 && std::isalpha(static_cast<unsigned char>(out[k - 1]))) --k;
    if (k < out.size() && k > 0 && out[k - 1] == '\\') out += ' ';
  }
  out += piece;
}

// Source text → LaTeX, longest first where one is the start of another ("y_k/ŷ_k" before "y/ŷ").
const std::pair<const char*, const char*> kMathSymbols[] = {
    {"1/(1 + e^−z)", "\\frac{1}{1 + e^{-z}}"},
    {"(1 − y)/(1 − ŷ)", "\\frac{1 - y}{1 - \\hat{y}}"},
    {"(1 + ŷ)/ŷ", "\\frac{1 + \\hat{y}}{\\hat{y}}"},
    {"y_k/ŷ_k", "\\frac{y_k}{\\hat{y}_k}"},
    {"y/ŷ", "\\frac{y}{\\hat{y}}"},
    {"1/m", "\\frac{1}{m}"},
    {"2/m", "\\frac{2}{m}"},
    {"batch loss", "L_{\\text{batch}}"},
    {"(λ/2)", "\\frac{\\lambda}{2}"},
    {"½", "\\tfrac{1}{2}"},
    {"λ", "\\lambda"},
    {"‖", "\\|"},
    {"∇", "\\nabla "},
    {"e^−z", "e^{-z}"},
    {"e^z_k", "e^{z_k}"},
    {"e^z_j", "e^{z_j}"},
    {"δ_ab", "\\delta_{ab}"},
    {"  (y one-hot)", "\\quad \\text{($y$ one-hot)}"},
    {"ŷ", "\\hat{y}"},
    {"Ŷ", "\\hat{Y}"},
    {"σ", "\\sigma"},
    {"θ", "\\theta"},
    {"Θ", "\\Theta"},
    {"Σ", "\\sum"},
    {"η", "\\eta"},
    {"β", "\\beta"},
    {"−", "-"},
    {"·", "\\cdot"},
    {"ᵀ", "^{\\top}"},
    {"²", "^2"},
    {"ᵢ", "_i"},
    {"←", "\\leftarrow"},
    {"→", "\\to"},
    {"tanh", "\\tanh"},
    {"log", "\\log"},
};


// "∂A/∂B" at `pos` → \frac{\partial A}{\partial B}; B runs to the next space or the end.
std::size_t partial_fraction(const std::string& text, std::size_t pos, std::string& out) {
  static const std::string d = "∂";
  const std::size_t slash = text.find("/" + d, pos);
  if (slash == std::string::npos) {
    append(out, "\\partial");
    return pos + d.size();
  }
  const std::size_t den_start = slash + 1 + d.size();
  std::size_t den_end = text.find_first_of(" )", den_start);
  if (den_end == std::string::npos) den_end = text.size();
  append(out, "\\frac{\\partial " + latex_math(text.substr(pos + d.size(), slash - pos - d.size())) +
                  "}{\\partial " + latex_math(text.substr(den_start, den_end - den_start)) + "}");
  return den_end;
}

std::string right_side(const std::string& formula) {
  const std::size_t eq = formula.find(" = ");
  return eq == std::string::npos ? formula : formula.substr(eq + 3);
}

}  // namespace

// A formula as ll/formulas.h writes it ("∂L/∂θ = 1/m Xᵀ(ŷ − y)") → LaTeX math.
std::string latex_math(const std::string& text) {
  std::string out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    if (text.compare(pos, std::strlen("∂"), "∂") == 0) {
      pos = partial_fraction(text, pos, out);
      continue;
    }
    bool matched = false;
    for (const auto& [from, to] : kMathSymbols)
      if (text.compare(pos, std::strlen(from), from) == 0) {
        append(out, to);
        pos += std::strlen(from);
        matched = true;
        break;
      }
    if (!matched) append(out, std::string(1, text[pos++]));
  }
  return out;
}

// A number as format_number prints it → LaTeX math: "−0.0195" → "-0.0195", "3.701e-17" →
// "3.701 \times 10^{-17}", "∞" → "\infty", "undefined" → "\text{undefined}". Works on vectors too.
std::string latex_numbers(const std::string& text) {
  std::string out;
  for (std::size_t pos = 0; pos < text.size();) {
    if (text.compare(pos, 9, "undefined") == 0) { out += "\\text{undefined}"; pos += 9; continue; }
    if (text[pos] == 'e' && pos > 0 && std::isdigit(static_cast<unsigned char>(text[pos - 1])) &&
        pos + 1 < text.size() && (text[pos + 1] == '+' || text[pos + 1] == '-')) {
      std::size_t k = pos + 2;
      while (k + 1 < text.size() && text[k] == '0') ++k;  // 10^{-05} → 10^{-5}
      std::size_t end = k;
      while (end < text.size() && std::isdigit(static_cast<unsigned char>(text[end]))) ++end;
      out += " \\times 10^{" + std::string(text[pos + 1] == '-' ? "-" : "") + text.substr(k, end - k) + "}";
      pos = end;
      continue;
    }
    if (text.compare(pos, std::strlen("−"), "−") == 0) { out += '-'; pos += std::strlen("−"); continue; }
    if (text.compare(pos, std::strlen("∞"), "∞") == 0) { out += "\\infty"; pos += std::strlen("∞"); continue; }
    out += text[pos++];
  }
  return out;
}

// Plain words (a message) → LaTeX text: special characters escaped, symbols as inline math.
std::string latex_text(const std::string& text) {
  static const std::pair<const char*, const char*> symbols[] = {
      {"\\", "\\textbackslash{}"}, {"{", "\\{"}, {"}", "\\}"}, {"$", "\\$"}, {"&", "\\&"},
      {"#", "\\#"}, {"%", "\\%"}, {"_", "\\_"}, {"^", "\\^{}"}, {"~", "\\~{}"},
      {"<", "$<$"}, {">", "$>$"}, {"≤", "$\\le$"}, {"≥", "$\\ge$"}, {"×", "$\\times$"},
      {"ŷ", "$\\hat{y}$"}, {"θ", "$\\theta$"}, {"η", "$\\eta$"}, {"β", "$\\beta$"}, {"σ", "$\\sigma$"},
      {"−", "$-$"}, {"→", "$\\to$"}, {"∞", "$\\infty$"}, {"…", "\\dots{}"}, {"·", "$\\cdot$"},
      {"Θ", "$\\Theta$"}, {"λ", "$\\lambda$"}, {"½", "$\\frac{1}{2}$"}, {"²", "$^2$"},
      {"←", "$\\leftarrow$"}, {"∇", "$\\nabla$"}};
  std::string out;
  for (std::size_t pos = 0; pos < text.size();) {
    bool matched = false;
    for (const auto& [from, to] : symbols)
      if (text.compare(pos, std::strlen(from), from) == 0) {
        out += to;
        pos += std::strlen(from);
        matched = true;
        break;
      }
    if (!matched) out += text[pos++];
  }
  return out;
}

// "lhs = rhs" → "lhs &= rhs", for an align* row.
std::string aligned(const std::string& formula) {
  const std::size_t eq = formula.find(" = ");
  if (eq == std::string::npos) return latex_math(formula);
  return latex_math(formula.substr(0, eq)) + " &= " + latex_math(formula.substr(eq + 3));
}

// θ or a gradient as a bmatrix: one row [b, w1, …] as a column (θ is a column vector in
// θᵀx), K rows (softmax) as K rows.
std::string matrix(const Params& p) {
  std::string out = "\\begin{bmatrix} ";
  const NumberStyle style = style_for(p.values);   // one style for the whole matrix
  for (std::size_t r = 0; r < p.rows; ++r)
    for (std::size_t c = 0; c < p.cols; ++c) {
      out += latex_numbers(format_in(p.at(r, c), style));
      const bool row_end = p.rows == 1 || c + 1 == p.cols;
      const bool last = r + 1 == p.rows && c + 1 == p.cols;
      if (!last) out += row_end ? " \\\\ " : " & ";
    }
  return out + " \\end{bmatrix}";
}

// b, w_1, …; softmax: b^{(k)}, w_1^{(k)}.
std::string latex_parameter(const Params& shape, std::size_t index) {
  const std::size_t row = index / shape.cols, col = index % shape.cols;
  std::string n = col == 0 ? "b" : "w_" + std::to_string(col);
  if (shape.rows > 1) n += "^{(" + std::to_string(row) + ")}";
  return n;
}

std::string formulas_block(const Settings& s) {
  const Formulas f = formulas(s);
  std::string out;
  if (!f.labels.empty())  // f.labels, written for LaTeX
    out += "Labels $y \\in \\{-1, +1\\}$: $P(y \\mid x) = \\sigma(y z)$; the same numbers as the 0/1 form "
           "with $y' = (y + 1)/2$.\n";
  out += "\\begin{align*}\n";
  for (const std::string* line : {&f.y_hat, &f.loss, &f.dL_dyhat, &f.dyhat_dz}) out += aligned(*line) + " \\\\\n";
  if (s.activation == Activation::Softmax) {
    // Every ŷ_a depends on every z_b: the chain sums over a.
    out += "\\frac{\\partial L}{\\partial z_b} &= \\sum_a \\frac{\\partial L}{\\partial \\hat{y}_a} "
           "\\frac{\\partial \\hat{y}_a}{\\partial z_b} \\\\\n";
    out += aligned(f.dL_dz) + " \\\\\n";
    out += "\\frac{\\partial L}{\\partial \\theta_k} &= \\frac{\\partial L}{\\partial z_k}\\, x\n";
  } else {
    out += "\\frac{\\partial L}{\\partial \\theta} &= \\frac{\\partial L}{\\partial \\hat{y}} \\cdot "
           "\\frac{\\partial \\hat{y}}{\\partial z} \\cdot \\frac{\\partial z}{\\partial \\theta} = " +
           latex_math(as_factor(right_side(f.dL_dz))) + "\\, x\n";
  }
  return out + "\\end{align*}\n";
}

}  // namespace ll::app
