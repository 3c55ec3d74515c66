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
                  " · " + rates_text(s);
  return t;
}

std::string rates_text(const Settings& s) {
  std::string t = "η = " + format_number(s.learning_rate);
  if (s.momentum != 0.0) t += " · β = " + format_number(s.momentum);
  if (s.l2 != 0.0) t += " · λ = " + format_number(s.l2);
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

std::string one_or_vector(const std::vector<double>& v, const NumberStyle& style) {
  if (v.size() == 1) return format_in(v[0], style);
  std::string s = "[";
  for (std::size_t k = 0; k < v.size(); ++k) s += (k ? ", " : "") + format_in(v[k], style);
  return s + "]";
}

// ∂ŷ_a/∂z_a for each class a (binary models: the one entry).
std::vector<double> jacobian_diagonal(const SampleChain& c, bool softmax) {
  std::vector<double> diagonal;
  const std::size_t k = c.y_hat.size();
  for (std::size_t a = 0; a < k; ++a) diagonal.push_back(c.dyhat_dz[softmax ? a * k + a : 0]);
  return diagonal;
}

}  // namespace

ChainStyles chain_styles(const std::vector<SampleChain>& samples, bool softmax) {
  std::vector<double> x_all, z, y_hat, loss, dL_dyhat, dyhat_dz, dL_dz;
  std::vector<std::vector<double>> x;
  for (const SampleChain& c : samples) {
    if (x.size() < c.x.size()) x.resize(c.x.size());
    for (std::size_t j = 0; j < c.x.size(); ++j) x[j].push_back(c.x[j]);
    x_all.insert(x_all.end(), c.x.begin(), c.x.end());
    z.insert(z.end(), c.z.begin(), c.z.end());
    y_hat.insert(y_hat.end(), c.y_hat.begin(), c.y_hat.end());
    const std::vector<double> diagonal = jacobian_diagonal(c, softmax);  // the activation's: always defined
    dyhat_dz.insert(dyhat_dz.end(), diagonal.begin(), diagonal.end());
    if (!c.defined) continue;
    loss.push_back(c.loss);
    dL_dyhat.insert(dL_dyhat.end(), c.dL_dyhat.begin(), c.dL_dyhat.end());
    dL_dz.insert(dL_dz.end(), c.dL_dz.begin(), c.dL_dz.end());
  }
  ChainStyles s;
  for (const std::vector<double>& column : x) s.x.push_back(style_for(column));
  s.x_all = style_for(x_all);
  s.z = style_for(z);
  s.y_hat = style_for(y_hat);
  s.loss = style_for(loss);
  s.dL_dyhat = style_for(dL_dyhat);
  s.dyhat_dz = style_for(dyhat_dz);
  s.dL_dz = style_for(dL_dz);
  return s;
}

std::vector<std::string> sample_cells(const SampleChain& c, bool softmax, const ChainStyles& styles) {
  // x's entries are the features: each in its own column's style ([1, 3.0, 1.1]).
  std::string x;
  for (std::size_t j = 0; j < c.x.size(); ++j)
    x += (j ? ", " : "") + format_in(c.x[j], j < styles.x.size() ? styles.x[j] : styles.x_all);
  std::vector<std::string> cells = {std::to_string(c.index + 1), "[" + x + "]"};
  for (std::string& cell : chain_cells(c, softmax, styles)) cells.push_back(std::move(cell));
  return cells;
}

std::vector<std::string> chain_cells(const SampleChain& c, bool softmax, const ChainStyles& styles) {
  std::vector<std::string> cells = {label_text(c.y, c.labels), one_or_vector(c.z, styles.z),
                                    one_or_vector(c.y_hat, styles.y_hat)};
  if (!c.defined) {
    // Only what needs the loss is undefined (tanh + BCE: log ŷ for ŷ ≤ 0); ∂ŷ/∂z is the
    // activation's and stays.
    cells.insert(cells.end(), 2, "undefined");
    cells.push_back(one_or_vector(jacobian_diagonal(c, softmax), styles.dyhat_dz));
    cells.push_back("undefined");
    return cells;
  }
  cells.push_back(format_in(c.loss, styles.loss));
  cells.push_back(one_or_vector(c.dL_dyhat, styles.dL_dyhat));
  cells.push_back(one_or_vector(jacobian_diagonal(c, softmax), styles.dyhat_dz));
  cells.push_back(one_or_vector(c.dL_dz, styles.dL_dz));
  return cells;
}

std::vector<UpdateLine> update_lines(const StepRecord& r) {
  const Params& direction = r.settings.momentum != 0.0 ? r.velocity : r.gradient;
  // Each number in the style of its vector: θ before, the step's direction, θ after.
  const NumberStyle before_style = style_for(r.theta_before.values), step_style = style_for(direction.values);
  const NumberStyle after_style = style_for(r.theta_after.values), grad_style = style_for(r.gradient.values);
  std::vector<double> v_before;
  const double beta = r.settings.momentum;
  // The gradient's weight in v: 1 (v = β·v_before + ∂L/∂θ) or 1 − β (the ema form).
  const bool ema = r.settings.momentum_form == MomentumForm::Ema;
  const double pull = ema ? 1.0 - beta : 1.0;
  for (std::size_t k = 0; beta != 0.0 && k < direction.size() && k < r.gradient.size(); ++k)
    v_before.push_back((direction.values[k] - pull * r.gradient.values[k]) / beta);
  const NumberStyle v_before_style = style_for(v_before);
  std::vector<UpdateLine> lines;
  for (std::size_t k = 0; k < r.theta_before.size() && k < direction.size(); ++k) {
    const double g = direction.values[k];
    const std::string step = format_in(std::fabs(g), step_style);
    UpdateLine line{parameter_name(r.theta_before, k), format_in(r.theta_before.values[k], before_style),
                    g < 0 && step != "0" ? "+" : "−", step, format_in(r.theta_after.values[k], after_style), ""};
    if (beta != 0.0 && k < v_before.size()) {
      const double grad = r.gradient.values[k];
      const std::string b = format_in(v_before[k], v_before_style);
      const std::string grad_text = format_in(std::fabs(grad), grad_style);
      line.velocity = "v = " + format_number(beta) + "·" + (v_before[k] < 0 && b != "0" ? "(" + b + ")" : b) +
                      (grad < 0 && grad_text != "0" ? " − " : " + ") + (ema ? format_number(pull) + "·" : "") +
                      grad_text + " = " + format_in(g, step_style);
    }
    lines.push_back(std::move(line));
  }
  return lines;
}

}  // namespace ll::app
