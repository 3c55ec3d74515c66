// The text form of a step, laid out as the slides do: the batch as rows of X with y, θ, the
// chain per sample, the gradient, one update line per parameter, and the loss before → after.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "ll/held_out.h"
#include "ll/number_format.h"
#include "run/step_cells.h"
#include "run/step_output.h"
#include "ll/formulas.h"

namespace ll::app {
namespace {

void write_table(std::ostream& out, const std::vector<std::vector<std::string>>& rows) {
  std::vector<std::size_t> widths;
  for (const auto& row : rows)
    for (std::size_t c = 0; c < row.size(); ++c) {
      if (widths.size() <= c) widths.push_back(0);
      widths[c] = std::max(widths[c], display_width(row[c]));
    }
  for (const auto& row : rows) {
    std::string line = " ";
    for (std::size_t c = 0; c < row.size(); ++c)
      line += std::string(widths[c] - display_width(row[c]) + 2, ' ') + row[c];
    out << line << "\n";
  }
}

// "75% (3 of 4)"
std::string percent_of(double fraction, std::size_t n) {
  const auto right = static_cast<std::size_t>(std::llround(fraction * static_cast<double>(n)));
  return format_percent(fraction) + " (" + format_count(right) + " of " + format_count(n) + ")";
}

// "accuracy 75% (3 of 4) · test loss 0.6543 · test accuracy 50% (1 of 2)"
void write_score_line(std::ostream& out, const StepRecord& r, const Dataset& train, const Dataset* test) {
  out << "accuracy " << percent_of(score_on(train, r.theta_after, r.settings).accuracy, train.rows());
  if (test != nullptr && test->rows() > 0) {
    const Score held_out = score_on(*test, r.theta_after, r.settings);
    out << " · test loss " << (std::isfinite(held_out.loss) ? format_number(held_out.loss) : "undefined")
        << " · test accuracy " << percent_of(held_out.accuracy, test->rows());
  }
  out << "\n";
}

}  // namespace

void write_step_text(std::ostream& out, const StepRecord& r, const Dataset& data, const Dataset* test,
                     bool with_samples) {
  const Settings& s = r.settings;
  const Formulas f = formulas(s);
  const bool softmax = s.activation == Activation::Softmax;
  std::string batch;
  for (std::size_t k = 0; k < r.m && k < 20; ++k)
    batch += (k ? ", " : "") + std::to_string((r.batch.empty() ? k : r.batch[k]) + 1);  // empty: all, in order
  if (r.m > 20) batch += ", … (" + std::to_string(r.m) + " samples)";

  out << step_title(r) << "\n";
  out << "batch: samples " << batch << "  (m = " << r.m << ")\n";
  out << "θ = " << format_params(r.theta_before) << "\n";

  if (with_samples && !r.samples.empty()) {
    out << "\n" << f.y_hat << "    " << f.loss << "\n" << f.dL_dyhat << "    " << f.dyhat_dz << "    " << f.dL_dz << "\n";
    if (!f.labels.empty()) out << f.labels << "\n";
    out << "\n";
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> head = {"i"};
    for (std::size_t j = 0; j <= data.features(); ++j) head.push_back("x" + std::to_string(j));
    for (std::string& h : chain_heads(softmax)) head.push_back(std::move(h));
    rows.push_back(head);
    const ChainStyles styles = chain_styles(r.samples, softmax);
    for (const SampleChain& c : r.samples) {
      std::vector<std::string> row = {std::to_string(c.index + 1)};
      for (std::size_t j = 0; j < c.x.size(); ++j) row.push_back(format_in(c.x[j], styles.x[j]));
      for (std::string& cell : chain_cells(c, softmax, styles)) row.push_back(std::move(cell));
      rows.push_back(row);
    }
    write_table(out, rows);
    if (!softmax && r.samples.size() <= 8) {  // the slides' column vectors, side by side
      std::vector<double> z, y_hat, loss, dz;
      for (const SampleChain& c : r.samples) {
        z.push_back(c.z[0]); y_hat.push_back(c.y_hat[0]);
        loss.push_back(c.defined ? c.loss : NAN); dz.push_back(c.defined ? c.dL_dz[0] : NAN);
      }
      out << "\nz = " << format_vector(z) << "\nŷ = " << format_vector(y_hat) << "\nL = " << format_vector(loss)
          << "\n∂L/∂z = " << format_vector(dz) << "\n";
    }
  }
  out << "\n";
  if (r.status == StepStatus::Refused) {
    out << "REFUSED: " << r.message << "\n\n";
    return;
  }
  const std::string m = "the m = " + std::to_string(r.m);
  if (s.l2 == 0.0) {
    out << "batch loss " << format_number(r.batch_loss) << "   (" << f.loss << ", " << reduced_over(s.reduction, m) << ")\n";
    out << "gradient " << format_params(r.gradient) << "   " << f.gradient << "\n";
  } else {  // the data term and the penalty apart
    out << "batch loss " << format_number(r.batch_data_loss) << " + " << format_number(r.penalty_before) << " = "
        << format_number(r.batch_loss) << "   (" << f.batch_loss << "; data term " << reduced_over(s.reduction, m) << ")\n";
    out << "gradient " << format_params(r.data_gradient) << " + " << format_params(r.penalty_gradient) << " = "
        << format_params(r.gradient) << "   " << f.gradient << "\n";
  }
  if (s.momentum != 0.0) out << "velocity " << format_params(r.velocity) << "   " << f.velocity << "\n";
  out << "\n";
  const std::vector<UpdateLine> updates = update_lines(r);
  std::size_t name_width = 0;
  for (const UpdateLine& u : updates) name_width = std::max(name_width, display_width(u.name));
  for (const UpdateLine& u : updates)
    out << u.name << std::string(name_width - display_width(u.name) + 1, ' ') << u.text() << "\n";
  out << "\nθ = " << format_params(r.theta_after) << "\n";
  out << "loss " << (r.loss_before ? format_number(*r.loss_before) : "undefined") << " → "
      << (r.loss_after ? format_number(*r.loss_after) : "undefined") << "   ("
      << reduced_over(s.reduction, "all " + format_count(data.rows())) << (s.l2 != 0.0 ? ", + penalty" : "") << ")\n";
  if (r.status == StepStatus::Ok) write_score_line(out, r, data, test);
  if (r.status == StepStatus::Diverged) out << "DIVERGED: " << r.message << "\n";
  out << "\n";
}



}  // namespace ll::app
