// The step as LaTeX (amsmath): the formulas and the chain rule in an align*, the batch as a
// tabular, then the gradient in matrix form, the update lines and the loss before → after.
// The formulas are ll/formulas.h's, the ones the window shows, translated symbol by symbol, so
// that the LaTeX never says something the window does not. The output is plain ASCII outside
// the text of a message.
#include <cctype>
#include <cstring>
#include <string>
#include <utility>

#include "run/step_cells.h"
#include "run/step_export.h"
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

std::string latex_math(const std::string& text);

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

std::string right_side(const std::string& formula) {
  const std::size_t eq = formula.find(" = ");
  return eq == std::string::npos ? formula : formula.substr(eq + 3);
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

std::string sample_tabular(const StepRecord& r) {
  const bool softmax = r.settings.activation == Activation::Softmax;
  std::string out = "\\begin{tabular}{rlrrrrrrr}\n";
  out += std::string("$i$ & $x$ & $y$ & $z$ & $\\hat{y}$ & $L$ & $\\partial L/\\partial \\hat{y}$ & ") +
         "$\\partial \\hat{y}/\\partial z$" + (softmax ? " (diagonal)" : "") + " & $\\partial L/\\partial z$ \\\\\n";
  out += "\\hline\n";
  const std::size_t shown = r.samples.size() < kExportSamplesUpTo ? r.samples.size() : kExportSamplesUpTo;
  const ChainStyles styles = chain_styles(r.samples, softmax);
  for (std::size_t k = 0; k < shown; ++k) {
    const std::vector<std::string> cells = sample_cells(r.samples[k], softmax, styles);
    for (std::size_t c = 0; c < cells.size(); ++c)
      out += (c ? " & " : "") + (c == 0 || c == 2 ? cells[c] : "$" + latex_numbers(cells[c]) + "$");
    out += " \\\\\n";
  }
  if (shown < r.samples.size())
    out += "\\multicolumn{9}{l}{\\dots\\ and " + std::to_string(r.samples.size() - shown) + " more samples} \\\\\n";
  return out + "\\end{tabular}\n";
}

// "Step 1 (epoch 1): sigmoid + binary cross-entropy, batch, $\eta = 0.01$. Batch: samples 1, 2,
// 3, 4 ($m = 4$), $\theta = [0.1, 0.5, -0.1]$."
std::string heading(const StepRecord& r) {
  const Settings& s = r.settings;
  std::string h = "\\noindent Step " + std::to_string(r.step) + " (epoch " + std::to_string(r.epoch) + "): " +
                  std::string(name(s.activation)) + " + " + std::string(long_name(s.loss)) + ", " +
                  std::string(name(s.mode)) + (r.explicit_batch ? " (batch chosen by hand)" : "");
  h += ", $\\eta = " + latex_numbers(format_number(s.learning_rate)) + "$";
  if (s.momentum != 0.0) h += ", $\\beta = " + latex_numbers(format_number(s.momentum)) + "$";
  h += ". Batch: " + latex_text(batch_numbers(r)) + " ($m = " + std::to_string(r.m) + "$), $\\theta = " +
       latex_numbers(format_params(r.theta_before)) + "$.";
  return h;
}

}  // namespace

std::string step_latex(const StepRecord& r, const Dataset& data, bool with_samples) {
  const Settings& s = r.settings;
  const Formulas f = formulas(s);
  std::string out = "% Logistic Lab: one gradient descent step. Needs \\usepackage{amsmath}.\n";
  out += heading(r) + "\n\n";
  out += "\\noindent\\textit{Conventions: " + latex_text(conventions_stamp(s, data)) + "}\n\n";
  out += formulas_block(s) + "\n";
  if (with_samples) {
    if (!r.samples.empty()) out += sample_tabular(r) + "\n";
    else out += "The per-sample chains of this batch were not kept ($m = " + std::to_string(r.m) + "$).\n\n";
  }
  if (r.status == StepStatus::Refused) return out + "\\textbf{Refused:} " + latex_text(r.message) + "\n";

  out += "\\begin{align*}\n";
  const std::string over = s.reduction == Reduction::Sum ? "sum" : "mean";
  if (s.l2 == 0.0) {
    out += aligned(f.batch_loss) + " = " + latex_numbers(format_number(r.batch_loss)) + " \\quad \\text{(" + over +
           " over the $m = " + std::to_string(r.m) + "$ samples)} \\\\\n";
    out += aligned(f.gradient) + " = " + matrix(r.gradient) + " \\\\\n";
  } else {  // the data term and the penalty apart, then their sum
    out += aligned(f.batch_loss) + " = " + latex_numbers(format_number(r.batch_data_loss)) + " + " +
           latex_numbers(format_number(r.penalty_before)) + " = " + latex_numbers(format_number(r.batch_loss)) +
           " \\quad \\text{(data term, " + over + " over the $m = " + std::to_string(r.m) + "$ samples, + penalty)} \\\\\n";
    out += aligned(f.gradient) + " = " + matrix(r.data_gradient) + " + " + matrix(r.penalty_gradient) + " = " +
           matrix(r.gradient) + " \\\\\n";
  }
  const bool momentum = s.momentum != 0.0;
  const bool softmax = s.activation == Activation::Softmax;   // Θ: K rows
  const std::string gradient = latex_math(softmax ? "∂L/∂Θ" : "∂L/∂θ");
  const std::string theta = softmax ? "\\Theta" : "\\theta";
  if (momentum) out += aligned(f.velocity) + " = " + matrix(r.velocity) + " \\\\\n";
  out += theta + " &\\leftarrow " + theta + " - \\eta " + (momentum ? std::string("v") : gradient) +
         ", \\quad \\eta = " + latex_numbers(format_number(s.learning_rate)) + " \\\\\n";
  const std::vector<UpdateLine> updates = update_lines(r);
  for (std::size_t k = 0; k < updates.size(); ++k) {
    const UpdateLine& u = updates[k];
    out += latex_parameter(r.theta_before, k) + " &= " + latex_numbers(u.before) + (u.sign == "+" ? " + " : " - ") +
           "\\eta \\cdot " + latex_numbers(u.step) + " = " + latex_numbers(u.after) + " \\\\\n";
  }
  out += "\\bar{L} &= " + (r.loss_before ? latex_numbers(format_number(*r.loss_before)) : "\\text{undefined}") +
         " \\to " + (r.loss_after ? latex_numbers(format_number(*r.loss_after)) : "\\text{undefined}") +
         " \\quad \\text{(" + over + " over all " + std::to_string(data.rows()) + " samples" +
         (s.l2 != 0.0 ? ", + penalty" : "") + ")}\n";
  out += "\\end{align*}\n";
  if (r.status == StepStatus::Diverged) out += "\n\\textbf{Diverged:} " + latex_text(r.message) + "\n";
  return out;
}

}  // namespace ll::app
