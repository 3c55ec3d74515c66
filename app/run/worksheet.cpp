// A step as a worksheet: what a hand calculation is given (the data, θ before, η, the
// conventions and the formulas) and a blank for each number it is to work out, in the slides'
// order; the answer key is the same sheet with the blanks filled in (in bold). Which numbers are
// blanks is the fading level's (ll/grader.h), as in the window's practice mode.
#include <string>
#include <vector>

#include "ll/formulas.h"
#include "ll/grader.h"
#include "ll/number_format.h"
#include "run/latex_pieces.h"
#include "run/step_cells.h"
#include "run/step_export.h"

namespace ll::app {
namespace {

// How a sheet writes a number: as it is (given), as a blank, or filled in (the answer key).
struct Ink {
  int fade = kMostFade;
  bool answers = false;
  bool latex = false;
  std::string number(const std::string& text) const { return latex ? "$" + latex_numbers(text) + "$" : text; }
  std::string cell(const std::string& text, Field field) const {
    if (!faded(field, fade)) return number(text);
    if (!answers) return latex ? "\\rule{4em}{0.4pt}" : "____";
    return latex ? "$\\mathbf{" + latex_numbers(text) + "}$" : "**" + text + "**";
  }
  std::string words(const std::string& text) const { return latex ? latex_text(text) : text; }
  std::string math(const std::string& text) const { return latex ? "$" + latex_math(text) + "$" : "`" + text + "`"; }
};

// A field's symbol in LaTeX math: "\\hat{y}", "\\theta_{\\text{after}}".
std::string latex_symbol(Field f) {
  if (f == Field::ThetaAfter) return "\\theta_{\\text{after}}";
  if (f == Field::LossAfter) return "\\bar{L}_{\\text{after}}";
  return latex_math(field_symbol(f));
}

// "ŷ, L, …, mean loss after": the blanks, in the order they are worked out.
std::string blanks_list(int fade, bool latex) {
  std::string out;
  for (Field f : kChainOrder)
    if (faded(f, fade)) out += (out.empty() ? "" : ", ") + (latex ? "$" + latex_symbol(f) + "$" : std::string(field_symbol(f)));
  return out;
}

// The velocity before the step, from v = β·v_before + c·g (c = 1, or 1 − β for the EMA form).
Params velocity_before(const StepRecord& r) {
  const Settings& s = r.settings;
  const double c = s.momentum_form == MomentumForm::Ema ? 1.0 - s.momentum : 1.0;
  Params v = r.velocity;
  for (std::size_t k = 0; k < v.size(); ++k) v.values[k] = (r.velocity.values[k] - c * r.gradient.values[k]) / s.momentum;
  return v;
}

std::string row_text(const std::vector<std::string>& cells, bool latex) {
  std::string out = latex ? "" : "|";
  for (std::size_t c = 0; c < cells.size(); ++c)
    out += latex ? (c ? " & " : "") + cells[c] : " " + cells[c] + " |";
  return out + (latex ? " \\\\\n" : "\n");
}

std::string sample_table(const StepRecord& r, const Ink& ink) {
  const bool softmax = r.settings.activation == Activation::Softmax;
  std::vector<std::string> heads = sample_heads(softmax);
  std::string out;
  if (ink.latex) {
    out += "\\begin{tabular}{rlr" + std::string(heads.size() - 3, 'c') + "}\n";
    for (std::string& h : heads) h = h == "i" || h == "x" || h == "y" ? "$" + h + "$" : "$" + latex_math(h) + "$";
    out += row_text(heads, true) + "\\hline\n";
  } else {
    out += row_text(heads, false) + "|--:|---|--:|" ;
    for (std::size_t c = 3; c < heads.size(); ++c) out += ":-:|";
    out += "\n";
  }
  const std::size_t shown = r.samples.size() < kExportSamplesUpTo ? r.samples.size() : kExportSamplesUpTo;
  const ChainStyles styles = chain_styles(r.samples, softmax);
  for (std::size_t k = 0; k < shown; ++k) {
    std::vector<std::string> cells = sample_cells(r.samples[k], softmax, styles);
    for (std::size_t c = 0; c < cells.size(); ++c)
      cells[c] = c == 0 ? cells[c] : c < 3 ? ink.number(cells[c]) : ink.cell(cells[c], kChainOrder[c - 3]);
    out += row_text(cells, ink.latex);
  }
  if (shown < r.samples.size())
    out += ink.words("… and " + std::to_string(r.samples.size() - shown) + " more samples.") + (ink.latex ? "\\\\\n" : "\n");
  return out + (ink.latex ? "\\end{tabular}\n" : "");
}

// One row per row of θ for the gradient and for θ after, a column per entry (b, w1, w2, …).
std::string parameter_table(const StepRecord& r, const Ink& ink) {
  const Params& shape = r.theta_before;
  const bool softmax = shape.rows > 1;
  std::vector<std::string> heads = {""};
  for (std::size_t c = 0; c < shape.cols; ++c) {
    const std::string name = parameter_name(Params(1, shape.cols), c);
    heads.push_back(ink.latex ? "$" + latex_parameter(Params(1, shape.cols), c) + "$" : name);
  }
  std::string out;
  if (ink.latex) out += "\\begin{tabular}{l" + std::string(shape.cols, 'c') + "}\n" + row_text(heads, true) + "\\hline\n";
  else {
    out += row_text(heads, false) + "|---|";
    for (std::size_t c = 0; c < shape.cols; ++c) out += ":-:|";
    out += "\n";
  }
  const bool momentum = r.settings.momentum != 0.0;
  struct Row {
    Field field;
    const Params* values;
    std::string label, tex;
  };
  const std::string theta = softmax ? "Θ" : "θ", gradient = softmax ? "∂L/∂Θ" : "∂L/∂θ";
  const std::string step = " − η·" + (momentum ? std::string("v") : gradient);
  const Row rows[] = {{Field::Gradient, &r.gradient, gradient, latex_math(gradient)},
                      {Field::ThetaAfter, &r.theta_after, theta + " after = " + theta + step,
                       latex_math(theta) + "_{\\text{after}} = " + latex_math(theta + step)}};
  for (const auto& row : rows) {
    const NumberStyle style = style_for(row.values->values);
    for (std::size_t k = 0; k < shape.rows; ++k) {
      std::vector<std::string> cells = {ink.latex ? "$" + row.tex + "$" : row.label};
      if (softmax) cells[0] += ink.words(", class " + std::to_string(k));
      for (std::size_t c = 0; c < shape.cols; ++c) cells.push_back(ink.cell(format_in(row.values->at(k, c), style), row.field));
      out += row_text(cells, ink.latex);
    }
  }
  return out + (ink.latex ? "\\end{tabular}\n" : "");
}

std::string sheet(const StepRecord& r, const Dataset& data, const Ink& ink) {
  const Settings& s = r.settings;
  const Formulas f = formulas(s);
  const std::string title = std::string(ink.answers ? "Answer key" : "Worksheet") + " · " + step_title(r);
  const std::string gap = ink.latex ? "\n\n\\noindent " : "\n\n";
  std::string out = ink.latex ? "% Logistic Lab: a gradient descent step to work by hand. Needs \\usepackage{amsmath}.\n"
                                "\\noindent\\textbf{" + latex_text(title) + "}"
                              : "### " + title;
  out += gap + (ink.latex ? "\\textit{Conventions: " + latex_text(conventions_stamp(s, data)) + "}"
                          : "*Conventions: " + conventions_stamp(s, data) + "*");
  std::string given = "Given: the data below, " + batch_list(r) + ", θ = " + format_params(r.theta_before) + ", " +
                      rates_text(s);
  if (s.momentum != 0.0) given += ", v = " + format_params(velocity_before(r)) + " before the step";
  out += gap + ink.words(given + ".");
  const std::string blanks = blanks_list(ink.fade, ink.latex);
  if (!blanks.empty())
    out += gap + ink.words(ink.answers ? "The answers are in bold, to 4 decimals: "
                                       : "Work out each blank to 4 decimals, in this order: ") +
           blanks + ".";
  out += ink.latex ? "\n\n" + formulas_block(s) + "\n" : "\n\n";
  if (!ink.latex) {
    for (const std::string* formula : {&f.y_hat, &f.loss, &f.dL_dyhat, &f.dyhat_dz, &f.dL_dz, &f.gradient})
      out += "- " + ink.math(*formula) + "\n";
    if (s.momentum != 0.0) out += "- " + ink.math(f.velocity) + "\n";
    if (!f.labels.empty()) out += "- Labels " + f.labels + "\n";
    out += "\n";
  }
  if (r.samples.empty()) return out + ink.words("The per-sample chains of this batch were not kept (m = " + std::to_string(r.m) + ").") + "\n";
  out += sample_table(r, ink) + "\n";
  if (r.status == StepStatus::Refused) return out + ink.words("This step was refused: " + r.message) + "\n";
  if (ink.latex) out += "\\noindent $" + latex_math(f.gradient) + "$\n\n";
  out += parameter_table(r, ink) + "\n";
  const std::string loss_after = r.loss_after ? format_number(*r.loss_after) : "undefined";
  out += (ink.latex ? "\\noindent " : "") +
         ink.words("Loss after the step (" + reduced_over(s.reduction, "all " + std::to_string(data.rows())) +
                   (s.l2 != 0.0 ? ", + penalty" : "") + "): ") +
         ink.cell(loss_after, Field::LossAfter) + "\n";
  if (r.status == StepStatus::Diverged) out += "\n" + ink.words("This step diverged: " + r.message) + "\n";
  return out;
}

}  // namespace

std::string worksheet(const StepRecord& r, const Dataset& data, int fade, bool answers, bool latex) {
  Ink ink;
  ink.fade = fade;
  ink.answers = answers;
  ink.latex = latex;
  return sheet(r, data, ink);
}

}  // namespace ll::app
