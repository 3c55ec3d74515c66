// JSON and CSV forms of a step record.
#include <csv.h>

#include <charconv>
#include <cmath>
#include <string>

#include "ll/held_out.h"
#include "run/params_json.h"
#include "run/step_output.h"

namespace ll::app {
namespace {

using json = nlohmann::ordered_json;

// One value for binary models, the K-vector for softmax.
json value_or_vector(const std::vector<double>& v, bool vector) { return vector ? json(v) : json(v[0]); }

json optional_json(const std::optional<double>& v) { return v ? json(*v) : json(nullptr); }

json sample_json(const SampleChain& c, bool softmax) {
  json s;
  s["i"] = c.index + 1;
  s["x"] = c.x;
  s["y"] = c.written_y();  // −1/+1 with --labels pm1
  if (!c.defined) {  // tanh + BCE with ŷ ≤ 0: z, ŷ and the activation's ∂ŷ/∂z mean something
    s["z"] = value_or_vector(c.z, softmax);
    s["yhat"] = value_or_vector(c.y_hat, softmax);
    s["loss"] = nullptr;
    s["dL_dyhat"] = nullptr;
    s["dyhat_dz"] = c.dyhat_dz[0];
    s["dL_dz"] = nullptr;
    s["defined"] = false;
    return s;
  }
  s["z"] = value_or_vector(c.z, softmax);
  s["yhat"] = value_or_vector(c.y_hat, softmax);
  s["loss"] = c.loss;
  s["dL_dyhat"] = value_or_vector(c.dL_dyhat, softmax);
  if (softmax) {
    const std::size_t k = c.y_hat.size();
    json jac = json::array();
    for (std::size_t a = 0; a < k; ++a)
      jac.push_back(std::vector<double>(c.dyhat_dz.begin() + static_cast<std::ptrdiff_t>(a * k),
                                        c.dyhat_dz.begin() + static_cast<std::ptrdiff_t>((a + 1) * k)));
    s["dyhat_dz"] = jac;
  } else {
    s["dyhat_dz"] = c.dyhat_dz[0];
  }
  s["dL_dz"] = value_or_vector(c.dL_dz, softmax);
  return s;
}

void put_field(std::FILE* out, const std::string& text) { csv_fwrite(out, text.data(), text.size()); }

void put_number(std::FILE* out, double v) {
  if (!std::isfinite(v)) return;  // an empty cell, never "nan"
  char buf[32];
  const auto end = std::to_chars(buf, buf + sizeof buf, v).ptr;  // shortest text that round-trips
  std::fwrite(buf, 1, static_cast<std::size_t>(end - buf), out);
}

}  // namespace

json step_json(const StepRecord& r, bool with_samples) {
  const bool softmax = r.settings.activation == Activation::Softmax;
  json j;
  j["step"] = r.step;
  j["epoch"] = r.epoch;
  std::vector<std::size_t> batch = batch_samples(r);
  for (std::size_t& i : batch) ++i;
  j["batch"] = batch;
  j["theta_before"] = params_json(r.theta_before);
  if (with_samples) {
    json samples = json::array();
    for (const SampleChain& c : r.samples) samples.push_back(sample_json(c, softmax));
    j["samples"] = samples;
  }
  j["batch_loss"] = r.status == StepStatus::Refused ? json(nullptr) : json(r.batch_loss);
  j["gradient"] = r.status == StepStatus::Refused ? json(nullptr) : params_json(r.gradient);
  const bool penalty = r.settings.l2 != 0.0 && r.status != StepStatus::Refused;
  if (penalty) {  // λ > 0: the data terms and the penalty's, beside the totals
    j["batch_data_loss"] = r.batch_data_loss;
    j["data_gradient"] = params_json(r.data_gradient);
    j["penalty_gradient"] = params_json(r.penalty_gradient);
  }
  if (r.settings.momentum != 0.0) j["velocity"] = params_json(r.velocity);
  j["theta_after"] = params_json(r.theta_after);
  j["loss_before"] = optional_json(r.loss_before);
  j["loss_after"] = optional_json(r.loss_after);
  if (penalty) {
    j["data_loss_before"] = optional_json(r.data_loss_before);
    j["data_loss_after"] = optional_json(r.data_loss_after);
    j["penalty_before"] = r.penalty_before;
    j["penalty_after"] = r.penalty_after;
  }
  j["status"] = std::string(name(r.status));
  j["message"] = r.message;
  return j;
}

void write_csv_header(std::FILE* out, const Params& shape) {
  std::fputs("step,epoch,batch,status,loss_before,batch_loss,loss_after,gradient_norm", out);
  for (const char* prefix : {"theta_before_", "gradient_", "theta_after_"})
    for (std::size_t k = 0; k < shape.size(); ++k) {
      std::fputc(',', out);
      put_field(out, prefix + parameter_name(shape, k));
    }
  std::fputs(",message\n", out);
}

void write_csv_row(std::FILE* out, const StepRecord& r) {
  std::string batch;
  for (std::size_t i : batch_samples(r)) batch += (batch.empty() ? "" : " ") + std::to_string(i + 1);
  std::fprintf(out, "%zu,%zu,", r.step, r.epoch);
  put_field(out, batch);
  std::fprintf(out, ",%s,", std::string(name(r.status)).c_str());
  if (r.loss_before) put_number(out, *r.loss_before);
  std::fputc(',', out);
  if (r.status != StepStatus::Refused) put_number(out, r.batch_loss);
  std::fputc(',', out);
  if (r.loss_after) put_number(out, *r.loss_after);
  std::fputc(',', out);
  put_number(out, r.gradient.norm());
  for (const Params* p : {&r.theta_before, &r.gradient, &r.theta_after})
    for (double v : p->values) { std::fputc(',', out); put_number(out, v); }
  std::fputc(',', out);
  put_field(out, r.message);
  std::fputc('\n', out);
}

json score_json(const StepRecord& r, const Dataset& train, const Dataset* test) {
  json j = {{"accuracy", nullptr}, {"test_loss", nullptr}, {"test_accuracy", nullptr}};
  if (r.status != StepStatus::Ok) return j;
  j["accuracy"] = score_on(train, r.theta_after, r.settings).accuracy;
  if (test != nullptr && test->rows() > 0) {
    const Score held_out = score_on(*test, r.theta_after, r.settings);
    if (std::isfinite(held_out.loss)) j["test_loss"] = held_out.loss;  // tanh + BCE may be undefined
    j["test_accuracy"] = held_out.accuracy;
  }
  return j;
}

}  // namespace ll::app
