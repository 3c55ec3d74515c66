// Names and cells shared by every form of a step: which samples a batch holds, what each
// parameter is called, a sample's chain as text, the update lines.
#include <cmath>

#include "run/step_cells.h"
#include "run/step_export.h"
#include "ll/number_format.h"

namespace ll::app {

std::vector<std::size_t> batch_samples(const StepRecord& r) {
  if (!r.batch.empty() || !r.full_batch) return r.batch;
  std::vector<std::size_t> all(r.m);
  for (std::size_t i = 0; i < r.m; ++i) all[i] = i;
  return all;
}

std::string parameter_name(const Params& shape, std::size_t index, const Dataset*) {
  const std::size_t row = index / shape.cols, col = index % shape.cols;
  std::string n = col == 0 ? "b" : "w" + std::to_string(col);
  if (shape.rows > 1) n += "[" + std::to_string(row) + "]";
  return n;
}

std::string step_title(const StepRecord& r) {
  const Settings& s = r.settings;
  std::string t = "Step " + std::to_string(r.step) + " · epoch " + std::to_string(r.epoch) + " · " +
                  std::string(name(s.activation)) + " + " + std::string(long_name(s.loss)) + " · " +
                  std::string(name(s.mode)) + (r.explicit_batch ? " (batch chosen by hand)" : "") +
                  " · η = " + format_number(s.learning_rate);
  if (s.momentum != 0.0) t += " · β = " + format_number(s.momentum);
  return t;
}

std::string batch_numbers(const StepRecord& r) {
  const std::vector<std::size_t> batch = batch_samples(r);
  std::string s = batch.size() == 1 ? "sample " : "samples ";
  const std::size_t shown = batch.size() <= 20 ? batch.size() : 19;
  for (std::size_t k = 0; k < shown; ++k) s += (k ? ", " : "") + std::to_string(batch[k] + 1);
  if (shown < batch.size()) s += ", …, " + std::to_string(batch.back() + 1);
  return s;
}

std::string batch_list(const StepRecord& r) { return batch_numbers(r) + " (m = " + std::to_string(r.m) + ")"; }

std::vector<std::string> chain_heads(bool softmax) {
  return {"y", "z", "ŷ", "L", "∂L/∂ŷ", softmax ? "∂ŷ/∂z (diagonal)" : "∂ŷ/∂z", "∂L/∂z"};
}

std::vector<std::string> sample_heads(bool softmax) {
  std::vector<std::string> heads = {"i", "x"};
  for (std::string& h : chain_heads(softmax)) heads.push_back(std::move(h));
  return heads;
}

namespace {
std::string one_or_vector(const std::vector<double>& v) {
  return v.size() == 1 ? format_number(v[0]) : format_vector(v);
}
}  // namespace

std::vector<std::string> sample_cells(const SampleChain& c, bool softmax) {
  std::vector<std::string> cells = {std::to_string(c.index + 1), format_vector(c.x)};
  for (std::string& cell : chain_cells(c, softmax)) cells.push_back(std::move(cell));
  return cells;
}

std::vector<std::string> chain_cells(const SampleChain& c, bool softmax) {
  std::vector<std::string> cells = {std::to_string(c.y), one_or_vector(c.z), one_or_vector(c.y_hat)};
  if (!c.defined) {
    cells.insert(cells.end(), 4, "undefined");
    return cells;
  }
  cells.push_back(format_number(c.loss));
  cells.push_back(one_or_vector(c.dL_dyhat));
  std::vector<double> diagonal;  // ∂ŷ_a/∂z_a; binary models have one entry
  const std::size_t k = c.y_hat.size();
  for (std::size_t a = 0; a < k; ++a) diagonal.push_back(c.dyhat_dz[softmax ? a * k + a : 0]);
  cells.push_back(one_or_vector(diagonal));
  cells.push_back(one_or_vector(c.dL_dz));
  return cells;
}

std::vector<UpdateLine> update_lines(const StepRecord& r) {
  const Params& direction = r.settings.momentum != 0.0 ? r.velocity : r.gradient;
  std::vector<UpdateLine> lines;
  for (std::size_t k = 0; k < r.theta_before.size() && k < direction.size(); ++k) {
    const double g = direction.values[k];
    UpdateLine line{parameter_name(r.theta_before, k), format_number(r.theta_before.values[k]), g < 0 ? "+" : "−",
                    format_number(std::fabs(g)), format_number(r.theta_after.values[k]), ""};
    const double beta = r.settings.momentum;
    if (beta != 0.0) {  // v before the step, from v = β·v_before + ∂L/∂θ
      const double grad = r.gradient.values[k], before = (g - grad) / beta;
      const std::string b = format_number(before);
      line.velocity = "v = " + format_number(beta) + "·" + (before < 0 ? "(" + b + ")" : b) +
                      (grad < 0 ? " − " : " + ") + format_number(std::fabs(grad)) + " = " + format_number(g);
    }
    lines.push_back(std::move(line));
  }
  return lines;
}

}  // namespace ll::app
