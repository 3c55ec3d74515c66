// The step as LaTeX (amsmath): the formulas and the chain rule in an align*, the batch as a
// tabular, then the gradient in matrix form, the update lines and the loss before → after.
// The formulas are ll/formulas.h's, the ones the window shows, translated symbol by symbol, so
// that the LaTeX never says something the window does not. The output is plain ASCII outside
// the text of a message.
#include <cctype>
#include <cstring>
#include <string>
#include <utility>

#include "run/latex_pieces.h"
#include "run/step_cells.h"
#include "run/step_export.h"
#include "ll/formulas.h"
#include "ll/number_format.h"

namespace ll::app {
namespace {

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
