// The step as Markdown, in the order the slides work it: the formulas, one table row per sample
// of the batch, the gradient, one update line per parameter, the mean loss before → after.
// Formulas go in backticks: their subscripts (ŷ_k, Σ_j) would otherwise turn into emphasis.
#include <string>

#include "run/step_cells.h"
#include "run/step_export.h"
#include "ll/formulas.h"
#include "ll/number_format.h"

namespace ll::app {
namespace {

std::string table_row(const std::vector<std::string>& cells) {
  std::string row = "|";
  for (const std::string& c : cells) row += " " + c + " |";
  return row + "\n";
}

// i, y and the numbers right-aligned; x (a vector) left-aligned.
std::string table_rule(std::size_t columns) {
  std::string rule = "|";
  for (std::size_t c = 0; c < columns; ++c) rule += c == 1 ? "---|" : "--:|";
  return rule + "\n";
}

std::string sample_table(const StepRecord& r) {
  const bool softmax = r.settings.activation == Activation::Softmax;
  const std::vector<std::string> heads = sample_heads(softmax);
  std::string out = table_row(heads) + table_rule(heads.size());
  const std::size_t shown = r.samples.size() < kExportSamplesUpTo ? r.samples.size() : kExportSamplesUpTo;
  const ChainStyles styles = chain_styles(r.samples, softmax);
  for (std::size_t k = 0; k < shown; ++k) out += table_row(sample_cells(r.samples[k], softmax, styles));
  if (shown < r.samples.size())
    out += "\n… and " + std::to_string(r.samples.size() - shown) + " more samples.\n";
  return out;
}

}  // namespace

std::string step_markdown(const StepRecord& r, const Dataset& data, bool with_samples) {
  const Settings& s = r.settings;
  const Formulas f = formulas(s);
  std::string out = "### " + step_title(r) + "\n\n";
  out += "*Conventions: " + conventions_stamp(s, data) + "*\n\n";
  out += "Batch: " + batch_list(r) + " · θ = " + format_params(r.theta_before) + "\n\n";
  for (const std::string* formula : {&f.y_hat, &f.loss, &f.dL_dyhat, &f.dyhat_dz, &f.dL_dz, &f.batch_loss})
    out += "- `" + *formula + "`\n";
  if (!f.labels.empty()) out += "- Labels " + f.labels + "\n";
  out += "\n";
  if (with_samples) {
    if (!r.samples.empty()) out += sample_table(r) + "\n";
    else out += "The per-sample chains of this batch were not kept (m = " + std::to_string(r.m) + ").\n\n";
  }
  if (r.status == StepStatus::Refused) return out + "**Refused:** " + r.message + "\n";

  const std::string m = "the m = " + std::to_string(r.m);
  if (s.l2 == 0.0) {
    out += "Batch loss: " + format_number(r.batch_loss) + " (" + reduced_over(s.reduction, m) + ")\n\n";
    out += "Gradient: `" + f.gradient + "` = " + format_params(r.gradient) + "\n\n";
  } else {  // the data term and the penalty apart, then their sum
    out += "Batch loss: " + format_number(r.batch_data_loss) + " + " + format_number(r.penalty_before) + " = " +
           format_number(r.batch_loss) + " (data term, " + reduced_over(s.reduction, m) + ", + penalty)\n\n";
    out += "Gradient: `" + f.gradient + "` = " + format_params(r.data_gradient) + " + " +
           format_params(r.penalty_gradient) + " = " + format_params(r.gradient) + "\n\n";
  }
  if (s.momentum != 0.0) out += "Velocity: `" + f.velocity + "` = " + format_params(r.velocity) + "\n\n";
  const bool softmax = s.activation == Activation::Softmax;   // Θ: K rows
  out += std::string(softmax ? "Update: `Θ ← Θ − η·" : "Update: `θ ← θ − η·") +
         (s.momentum != 0.0 ? "v" : softmax ? "∂L/∂Θ" : "∂L/∂θ") + "`\n\n";
  for (const UpdateLine& u : update_lines(r))
    out += "- " + u.name + " " + u.text() + "\n";
  out += "\nθ = " + format_params(r.theta_after) + "\n\n";
  out += "Loss (" + reduced_over(s.reduction, "all " + std::to_string(data.rows())) + (s.l2 != 0.0 ? ", + penalty" : "") + "): " +
         (r.loss_before ? format_number(*r.loss_before) : "undefined") + " → " +
         (r.loss_after ? format_number(*r.loss_after) : "undefined") + "\n";
  if (r.status == StepStatus::Diverged) out += "\n**Diverged:** " + r.message + "\n";
  return out;
}

}  // namespace ll::app
