// The text form of a step, laid out as the slides do: the batch as rows of X with y, θ, the
// chain per sample, the gradient, one update line per parameter, and the loss before → after.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "cli/step_output.h"
#include "ll/formulas.h"

namespace ll::app {
namespace {

// 4 decimals with trailing zeros dropped (0.1, 0.6857), a true minus sign, and scientific
// notation for tiny non-zero values so that a vanishing gradient does not print as 0.
std::string num(double v) {
  if (!std::isfinite(v)) return std::isnan(v) ? "undefined" : (v > 0 ? "∞" : "−∞");
  char buf[64];
  if (v != 0.0 && std::fabs(v) < 5e-5) {
    std::snprintf(buf, sizeof buf, "%.3e", std::fabs(v));
  } else {
    std::snprintf(buf, sizeof buf, "%.4f", std::fabs(v));
    std::string s = buf;
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
    if (s == "0") return "0";
    std::snprintf(buf, sizeof buf, "%s", s.c_str());
  }
  return (v < 0 ? "−" : "") + std::string(buf);
}

std::string vec(const std::vector<double>& v) {
  std::string s = "[";
  for (std::size_t k = 0; k < v.size(); ++k) s += (k ? ", " : "") + num(v[k]);
  return s + "]";
}

std::string params_text(const Params& p) {
  if (p.rows == 1) return vec(p.values);
  std::string s;
  for (std::size_t r = 0; r < p.rows; ++r)
    s += (r ? "; " : "") + vec(std::vector<double>(p.values.begin() + static_cast<std::ptrdiff_t>(r * p.cols),
                                                 p.values.begin() + static_cast<std::ptrdiff_t>((r + 1) * p.cols)));
  return "[" + s + "]";
}

// Display width of UTF-8 text: one column per code point.
std::size_t width(const std::string& s) {
  std::size_t w = 0;
  for (unsigned char c : s) w += (c & 0xC0) != 0x80 ? 1 : 0;
  return w;
}

void write_table(std::ostream& out, const std::vector<std::vector<std::string>>& rows) {
  std::vector<std::size_t> widths;
  for (const auto& row : rows)
    for (std::size_t c = 0; c < row.size(); ++c) {
      if (widths.size() <= c) widths.push_back(0);
      widths[c] = std::max(widths[c], width(row[c]));
    }
  for (const auto& row : rows) {
    std::string line = " ";
    for (std::size_t c = 0; c < row.size(); ++c)
      line += std::string(widths[c] - width(row[c]) + 2, ' ') + row[c];
    out << line << "\n";
  }
}

std::string one_or_vector(const std::vector<double>& v) { return v.size() == 1 ? num(v[0]) : vec(v); }

}  // namespace

void write_step_text(std::ostream& out, const StepRecord& r, const Dataset& data, bool with_samples) {
  const Settings& s = r.settings;
  const Formulas f = formulas(s.loss, s.activation);
  const bool softmax = s.activation == Activation::Softmax;
  std::string batch;
  for (std::size_t k = 0; k < r.batch.size() && k < 20; ++k) batch += (k ? ", " : "") + std::to_string(r.batch[k] + 1);
  if (r.batch.size() > 20) batch += ", … (" + std::to_string(r.batch.size()) + " samples)";

  out << "Step " << r.step << " · epoch " << r.epoch << " · " << name(s.activation) << " + "
      << long_name(s.loss) << " · " << name(s.mode) << (r.explicit_batch ? " (batch chosen by hand)" : "")
      << " · η = " << num(s.learning_rate) << (s.momentum != 0.0 ? " · β = " + num(s.momentum) : "") << "\n";
  out << "batch: samples " << batch << "  (m = " << r.batch.size() << ")\n";
  out << "θ = " << params_text(r.theta_before) << "\n";

  if (with_samples && !r.samples.empty()) {
    out << "\n" << f.y_hat << "    " << f.loss << "\n" << f.dL_dyhat << "    " << f.dyhat_dz << "    " << f.dL_dz << "\n\n";
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> head = {"i"};
    for (std::size_t j = 0; j <= data.features(); ++j) head.push_back("x" + std::to_string(j));
    for (const char* h : {"y", "z", "ŷ", "L", "∂L/∂ŷ", softmax ? "∂ŷ/∂z (diagonal)" : "∂ŷ/∂z", "∂L/∂z"}) head.push_back(h);
    rows.push_back(head);
    for (const SampleChain& c : r.samples) {
      std::vector<std::string> row = {std::to_string(c.index + 1)};
      for (double x : c.x) row.push_back(num(x));
      row.push_back(std::to_string(c.y));
      row.push_back(one_or_vector(c.z));
      row.push_back(one_or_vector(c.y_hat));
      if (!c.defined) {
        for (int k = 0; k < 4; ++k) row.push_back("undefined");
      } else {
        row.push_back(num(c.loss));
        row.push_back(one_or_vector(c.dL_dyhat));
        std::vector<double> diag;
        const std::size_t k = c.y_hat.size();
        for (std::size_t a = 0; a < k; ++a) diag.push_back(c.dyhat_dz[softmax ? a * k + a : 0]);
        row.push_back(one_or_vector(diag));
        row.push_back(one_or_vector(c.dL_dz));
      }
      rows.push_back(row);
    }
    write_table(out, rows);
    if (!softmax && r.samples.size() <= 8) {  // the slides' column vectors, side by side
      std::vector<double> z, y_hat, loss, dz;
      for (const SampleChain& c : r.samples) {
        z.push_back(c.z[0]); y_hat.push_back(c.y_hat[0]);
        loss.push_back(c.defined ? c.loss : NAN); dz.push_back(c.defined ? c.dL_dz[0] : NAN);
      }
      out << "\nz = " << vec(z) << "\nŷ = " << vec(y_hat) << "\nL = " << vec(loss) << "\n∂L/∂z = " << vec(dz) << "\n";
    }
  }
  out << "\n";
  if (r.status == StepStatus::Refused) {
    out << "REFUSED: " << r.message << "\n\n";
    return;
  }
  out << "batch loss " << num(r.batch_loss) << "   (" << f.loss << ", mean over the m = " << r.batch.size() << " samples)\n";
  out << "gradient " << params_text(r.gradient) << "   " << f.gradient << "\n";
  if (s.momentum != 0.0) out << "velocity " << params_text(r.velocity) << "   v = β·v + ∂L/∂θ\n";
  out << "\n";
  const Params& step_dir = s.momentum != 0.0 ? r.velocity : r.gradient;
  std::vector<std::vector<std::string>> updates;
  for (std::size_t k = 0; k < r.theta_before.size(); ++k) {
    const double g = step_dir.values[k];
    updates.push_back({parameter_name(r.theta_before, k),
                       "= " + num(r.theta_before.values[k]) + (g < 0 ? " + η·" : " − η·") + num(std::fabs(g)) + " = " +
                           num(r.theta_after.values[k])});
  }
  std::size_t name_width = 0;
  for (const auto& u : updates) name_width = std::max(name_width, width(u[0]));
  for (const auto& u : updates) out << u[0] << std::string(name_width - width(u[0]) + 1, ' ') << u[1] << "\n";
  out << "\nθ = " << params_text(r.theta_after) << "\n";
  out << "loss " << (r.loss_before ? num(*r.loss_before) : "undefined") << " → "
      << (r.loss_after ? num(*r.loss_after) : "undefined") << "   (mean over all " << data.rows() << " samples)\n";
  if (r.status == StepStatus::Diverged) out << "DIVERGED: " << r.message << "\n";
  out << "\n";
}

}  // namespace ll::app
