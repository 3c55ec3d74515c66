// Every worked example of the lecture notes (shared/reference/worked-examples.md), to the 6
// decimals written there: |computed − written| < 5e-7. §1–§6 go through the Trainer's step record,
// as the window and the trace command show it.
#include <cmath>
#include <memory>
#include <vector>

#include "approx.h"
#include "ll/activation.h"
#include "ll/chain.h"
#include "ll/dataset.h"
#include "ll/loss.h"
#include "ll/params.h"
#include "ll/settings.h"
#include "ll/trainer.h"

namespace {

constexpr double kSixDecimals = 5e-7;  // half a unit in the 6th decimal

std::shared_ptr<const ll::Dataset> iris4() { return std::make_shared<const ll::Dataset>(ll::make_iris4()); }

ll::Params slides_theta() { return ll::Params::row({0.1, 0.5, -0.1}); }

ll::Settings slides_settings(ll::Activation activation, ll::Loss loss, ll::BatchMode mode) {
  ll::Settings s;
  s.activation = activation;
  s.loss = loss;
  s.mode = mode;
  s.learning_rate = 0.01;
  return s;
}

// One scalar per sample of a binary chain's field (z, ŷ, ∂L/∂z, …).
std::vector<double> per_sample(const ll::StepRecord& rec, std::vector<double> ll::SampleChain::*field) {
  std::vector<double> out;
  for (const ll::SampleChain& c : rec.samples) out.push_back((c.*field).at(0));
  return out;
}

std::vector<double> per_sample_loss(const ll::StepRecord& rec) {
  std::vector<double> out;
  for (const ll::SampleChain& c : rec.samples) out.push_back(c.loss);
  return out;
}

// A full-batch step from the slides' θ on iris4 under the given pair.
ll::StepRecord full_batch_step(ll::Activation activation, ll::Loss loss) {
  ll::Trainer trainer(iris4(), slides_settings(activation, loss, ll::BatchMode::Batch), slides_theta());
  const ll::StepRecord rec = trainer.step(true);
  REQUIRE(rec.status == ll::StepStatus::Ok);
  REQUIRE(rec.samples.size() == 4);
  REQUIRE(rec.loss_before.has_value());
  REQUIRE(rec.loss_after.has_value());
  return rec;
}

bool no_nan(const std::vector<double>& v) {
  for (double x : v)
    if (std::isnan(x)) return false;
  return true;
}

}  // namespace

TEST_CASE("§1 full batch sigmoid + BCE: every per-sample factor of the chain matches the table") {
  const ll::StepRecord rec = full_batch_step(ll::Activation::Sigmoid, ll::Loss::BCE);
  CHECK(rec.batch == std::vector<std::size_t>{0, 1, 2, 3});
  const std::vector<double> z = {0.78, 0.83, 1.49, 2.02};
  const std::vector<double> y_hat = {0.685680, 0.696355, 0.816078, 0.882881};
  const std::vector<double> loss = {1.157344, 1.191896, 0.203245, 0.124565};
  const std::vector<double> dL_dyhat = {3.181472, 3.293319, -1.225373, -1.132655};
  const std::vector<double> dyhat_dz = {0.215523, 0.211445, 0.150095, 0.103402};
  const std::vector<double> dL_dz = {0.685680, 0.696355, -0.183922, -0.117119};
  CHECK_NEAR_ALL(per_sample(rec, &ll::SampleChain::z), z, kSixDecimals);
  CHECK_NEAR_ALL(per_sample(rec, &ll::SampleChain::y_hat), y_hat, kSixDecimals);
  CHECK_NEAR_ALL(per_sample_loss(rec), loss, kSixDecimals);
  CHECK_NEAR_ALL(per_sample(rec, &ll::SampleChain::dL_dyhat), dL_dyhat, kSixDecimals);
  CHECK_NEAR_ALL(per_sample(rec, &ll::SampleChain::dyhat_dz), dyhat_dz, kSixDecimals);
  CHECK_NEAR_ALL(per_sample(rec, &ll::SampleChain::dL_dz), dL_dz, kSixDecimals);
}

TEST_CASE("§1 full batch sigmoid + BCE: mean loss, gradient, θ after and loss after match") {
  const ll::StepRecord rec = full_batch_step(ll::Activation::Sigmoid, ll::Loss::BCE);
  CHECK_NEAR(rec.batch_loss, 0.669262, kSixDecimals);
  CHECK_NEAR(*rec.loss_before, 0.669262, kSixDecimals);
  const std::vector<double> gradient = {0.270249, 0.243133, -0.019540};
  const std::vector<double> theta_after = {0.097298, 0.497569, -0.099805};
  CHECK_NEAR_ALL(rec.gradient.values, gradient, kSixDecimals);
  CHECK_NEAR_ALL(rec.theta_after.values, theta_after, kSixDecimals);
  CHECK_NEAR(*rec.loss_after, 0.667943, kSixDecimals);
}

TEST_CASE("§2 the mini-batch of samples 2 and 4 matches the worked example") {
  ll::Trainer trainer(iris4(), slides_settings(ll::Activation::Sigmoid, ll::Loss::BCE, ll::BatchMode::MiniBatch),
                      slides_theta());
  trainer.set_next_batch({1, 3});  // samples 2 and 4, 0-based
  const ll::StepRecord rec = trainer.step(true);
  REQUIRE(rec.status == ll::StepStatus::Ok);
  CHECK(rec.explicit_batch);
  CHECK(rec.batch == std::vector<std::size_t>{1, 3});
  const std::vector<double> z = {0.83, 2.02};
  const std::vector<double> y_hat = {0.696355, 0.882881};
  const std::vector<double> loss = {1.191896, 0.124565};
  const std::vector<double> gradient = {0.289618, 0.282172, -0.006492};
  const std::vector<double> theta_after = {0.097104, 0.497178, -0.099935};
  CHECK_NEAR_ALL(per_sample(rec, &ll::SampleChain::z), z, kSixDecimals);
  CHECK_NEAR_ALL(per_sample(rec, &ll::SampleChain::y_hat), y_hat, kSixDecimals);
  CHECK_NEAR_ALL(per_sample_loss(rec), loss, kSixDecimals);
  // The batch's mean loss, from the two written losses (each within 5e-7, so the mean is too).
  CHECK_NEAR(rec.batch_loss, (1.191896 + 0.124565) / 2, kSixDecimals);
  CHECK_NEAR_ALL(rec.gradient.values, gradient, kSixDecimals);
  CHECK_NEAR_ALL(rec.theta_after.values, theta_after, kSixDecimals);
  REQUIRE(rec.loss_before.has_value());
  REQUIRE(rec.loss_after.has_value());
  CHECK_NEAR(*rec.loss_before, 0.669262, kSixDecimals);
  CHECK_NEAR(*rec.loss_after, 0.667800, kSixDecimals);
}

TEST_CASE("§3 a stochastic step on sample 1 matches the worked example") {
  ll::Trainer trainer(iris4(), slides_settings(ll::Activation::Sigmoid, ll::Loss::BCE, ll::BatchMode::Stochastic),
                      slides_theta());
  const ll::StepRecord rec = trainer.step(true);
  REQUIRE(rec.status == ll::StepStatus::Ok);
  REQUIRE(rec.samples.size() == 1);
  CHECK(rec.batch == std::vector<std::size_t>{0});
  CHECK_NEAR(rec.samples[0].z.at(0), 0.78, kSixDecimals);
  CHECK_NEAR(rec.samples[0].y_hat.at(0), 0.685680, kSixDecimals);
  CHECK_NEAR(rec.samples[0].loss, 1.157344, kSixDecimals);
  CHECK_NEAR(rec.batch_loss, 1.157344, kSixDecimals);
  const std::vector<double> gradient = {0.685680, 0.959952, 0.137136};
  const std::vector<double> theta_after = {0.093143, 0.490400, -0.101371};
  CHECK_NEAR_ALL(rec.gradient.values, gradient, kSixDecimals);
  CHECK_NEAR_ALL(rec.theta_after.values, theta_after, kSixDecimals);
  REQUIRE(rec.loss_before.has_value());
  REQUIRE(rec.loss_after.has_value());
  CHECK_NEAR(*rec.loss_before, 0.669262, kSixDecimals);
  CHECK_NEAR(*rec.loss_after, 0.665182, kSixDecimals);
}

TEST_CASE("§4 full batch sigmoid + squared error matches the worked example") {
  const ll::StepRecord rec = full_batch_step(ll::Activation::Sigmoid, ll::Loss::MSE);
  const std::vector<double> dL_dz = {0.295560, 0.294481, -0.055211, -0.024221};
  const std::vector<double> gradient = {0.127652, 0.147642, 0.006447};
  const std::vector<double> theta_after = {0.098723, 0.498524, -0.100064};
  CHECK_NEAR_ALL(per_sample(rec, &ll::SampleChain::dL_dz), dL_dz, kSixDecimals);
  // ∂L/∂ŷ = 2(ŷ − y), with ŷ from the §1 table (each within 5e-7, so ×2 within 1e-6).
  const std::vector<double> dL_dyhat = {2 * 0.685680, 2 * 0.696355, 2 * (0.816078 - 1), 2 * (0.882881 - 1)};
  CHECK_NEAR_ALL(per_sample(rec, &ll::SampleChain::dL_dyhat), dL_dyhat, 2 * kSixDecimals);
  CHECK_NEAR(rec.batch_loss, 0.250653, kSixDecimals);
  CHECK_NEAR(*rec.loss_before, 0.250653, kSixDecimals);
  CHECK_NEAR_ALL(rec.gradient.values, gradient, kSixDecimals);
  CHECK_NEAR_ALL(rec.theta_after.values, theta_after, kSixDecimals);
  CHECK_NEAR(*rec.loss_after, 0.250272, kSixDecimals);
}

TEST_CASE("§5 full batch tanh + BCE matches the worked example") {
  const ll::StepRecord rec = full_batch_step(ll::Activation::Tanh, ll::Loss::BCE);
  const std::vector<double> y_hat = {0.652707, 0.680476, 0.903325, 0.965414};
  const std::vector<double> dL_dz = {1.652707, 1.680476, -0.203697, -0.070412};
  const std::vector<double> gradient = {0.764769, 0.983681, 0.087759};
  const std::vector<double> theta_after = {0.092352, 0.490163, -0.100878};
  CHECK_NEAR_ALL(per_sample(rec, &ll::SampleChain::y_hat), y_hat, kSixDecimals);
  CHECK_NEAR_ALL(per_sample(rec, &ll::SampleChain::dL_dz), dL_dz, kSixDecimals);
  // ∂ŷ/∂z = 1 − ŷ², from the written ŷ: |Δ(1 − ŷ²)| ≤ 2|ŷ|·5e-7 < 1e-6.
  std::vector<double> dyhat_dz;
  for (double v : y_hat) dyhat_dz.push_back(1 - v * v);
  CHECK_NEAR_ALL(per_sample(rec, &ll::SampleChain::dyhat_dz), dyhat_dz, 2 * kSixDecimals);
  CHECK_NEAR(rec.batch_loss, 0.583845, kSixDecimals);
  CHECK_NEAR(*rec.loss_before, 0.583845, kSixDecimals);
  CHECK_NEAR_ALL(rec.gradient.values, gradient, kSixDecimals);
  CHECK_NEAR_ALL(rec.theta_after.values, theta_after, kSixDecimals);
  CHECK_NEAR(*rec.loss_after, 0.568432, kSixDecimals);
}

TEST_CASE("§5 tanh + BCE at θ = [−1, 0, 0] is refused: samples named, no NaN, nothing changed") {
  const ll::Params start = ll::Params::row({-1.0, 0.0, 0.0});
  ll::Trainer trainer(iris4(), slides_settings(ll::Activation::Tanh, ll::Loss::BCE, ll::BatchMode::Batch), start);
  CHECK_FALSE(trainer.loss_at(0).has_value());  // undefined, not a number
  const ll::StepRecord rec = trainer.step(true);
  CHECK(rec.status == ll::StepStatus::Refused);
  // z = −1 for every sample, so ŷ = tanh(−1) < 0 for all four.
  for (const char* sample : {"sample 1", "sample 2", "sample 3", "sample 4"}) CHECK_CONTAINS(rec.message, sample);
  CHECK_FALSE(rec.message.empty());
  CHECK_FALSE(rec.loss_before.has_value());
  CHECK_FALSE(rec.loss_after.has_value());
  CHECK_FALSE(std::isnan(rec.batch_loss));
  CHECK(no_nan(rec.theta_before.values));
  CHECK(no_nan(rec.gradient.values));
  CHECK(no_nan(rec.velocity.values));
  CHECK(no_nan(rec.theta_after.values));
  CHECK(rec.samples.size() == 4);
  for (const ll::SampleChain& c : rec.samples) {
    CHECK_FALSE(c.defined);
    CHECK_FALSE(std::isnan(c.loss));
    CHECK(no_nan(c.z));
    CHECK(no_nan(c.y_hat));
    CHECK(no_nan(c.dL_dyhat));
    CHECK(no_nan(c.dyhat_dz));
    CHECK(no_nan(c.dL_dz));
  }
  CHECK(rec.theta_after == start);  // the refused step moves nothing
  CHECK(trainer.theta() == start);
  CHECK(trainer.current_step() == 0);
  CHECK(trainer.history_size() == 0);
  REQUIRE(trainer.failure().has_value());
  CHECK(trainer.failure()->status == ll::StepStatus::Refused);
}

TEST_CASE("§5 a refused tanh + BCE step after kept steps leaves the history as it was") {
  // Two tanh + squared-error steps from θ = [−1, 0, 0] keep every z negative; then tanh + BCE.
  ll::Trainer trainer(iris4(), slides_settings(ll::Activation::Tanh, ll::Loss::MSE, ll::BatchMode::Batch),
                      ll::Params::row({-1.0, 0.0, 0.0}));
  REQUIRE(trainer.step(false).status == ll::StepStatus::Ok);
  REQUIRE(trainer.step(false).status == ll::StepStatus::Ok);
  const ll::Params theta2 = trainer.theta();
  const ll::StepSummary summary2 = trainer.summary(2);
  trainer.set_settings(slides_settings(ll::Activation::Tanh, ll::Loss::BCE, ll::BatchMode::Batch));
  const ll::StepRecord rec = trainer.step(false);
  CHECK(rec.status == ll::StepStatus::Refused);
  CHECK_CONTAINS(rec.message, "sample 1");
  CHECK(trainer.theta() == theta2);
  CHECK(trainer.current_step() == 2);
  CHECK(trainer.history_size() == 2);
  CHECK(trainer.summary(2).loss_after == summary2.loss_after);
  CHECK(trainer.theta_at(2) == theta2);
}

TEST_CASE("§6 full batch tanh + squared error matches the worked example") {
  const ll::StepRecord rec = full_batch_step(ll::Activation::Tanh, ll::Loss::MSE);
  const std::vector<double> dL_dz = {0.749273, 0.730766, -0.035577, -0.004702};
  const std::vector<double> gradient = {0.359940, 0.504780, 0.062690};
  const std::vector<double> theta_after = {0.096401, 0.494952, -0.100627};
  CHECK_NEAR_ALL(per_sample(rec, &ll::SampleChain::dL_dz), dL_dz, kSixDecimals);
  CHECK_NEAR(rec.batch_loss, 0.224904, kSixDecimals);
  CHECK_NEAR(*rec.loss_before, 0.224904, kSixDecimals);
  CHECK_NEAR_ALL(rec.gradient.values, gradient, kSixDecimals);
  CHECK_NEAR_ALL(rec.theta_after.values, theta_after, kSixDecimals);
  CHECK_NEAR(*rec.loss_after, 0.221018, kSixDecimals);
}

TEST_CASE("§7 iris6: z and ŷ at both of the slides' θ match the table") {
  const ll::Dataset data = ll::make_iris6();
  const ll::Params first = ll::Params::row({-0.654, 0.535});
  const ll::Params second = ll::Params::row({-5.156, 2.331});
  const std::vector<double> z1 = {0.095, -0.119, 0.1485, 0.951, 1.379, 1.5395};
  const std::vector<double> y_hat1 = {0.523732, 0.470285, 0.537057, 0.721316, 0.798830, 0.823392};
  const std::vector<double> y_hat2 = {0.130948, 0.055988, 0.159829, 0.862594, 0.975915, 0.987885};
  REQUIRE(data.rows() == 6);
  std::vector<double> z_first, y_hat_first, y_hat_second;
  for (std::size_t i = 0; i < data.rows(); ++i) {
    const ll::SampleChain a = ll::sample_chain(data, i, first, ll::Activation::Sigmoid, ll::Loss::BCE);
    const ll::SampleChain b = ll::sample_chain(data, i, second, ll::Activation::Sigmoid, ll::Loss::BCE);
    z_first.push_back(a.z.at(0));
    y_hat_first.push_back(a.y_hat.at(0));
    y_hat_second.push_back(b.y_hat.at(0));
  }
  CHECK_NEAR_ALL(z_first, z1, kSixDecimals);
  CHECK_NEAR_ALL(y_hat_first, y_hat1, kSixDecimals);
  CHECK_NEAR_ALL(y_hat_second, y_hat2, kSixDecimals);
}

TEST_CASE("§8 softmax of [1.25, 2.44, 0.78, 0.12] matches the corrected values") {
  const double scores[4] = {1.25, 2.44, 0.78, 0.12};
  double y_hat[4] = {};
  ll::softmax(scores, 4, y_hat);
  // The notes write softmax₂ = 0.119386, but e^0.78 / 18.272353 = 0.11938650…, which rounds to
  // 0.119387 (the written digit is truncated, 5.0e-7 off). The other three are checked to 6
  // decimals as written; softmax₂ to the correctly rounded 0.119387, and within one unit of the
  // 6th decimal of the written 0.119386.
  const std::vector<double> expected = {0.191018, 0.627891, 0.119387, 0.061705};
  CHECK_NEAR_ALL(std::vector<double>(y_hat, y_hat + 4), expected, kSixDecimals);
  CHECK_NEAR(y_hat[2], 0.119386, 2 * kSixDecimals);
  // softmax_k = e^s_k / Σ e^s, with the written e^s and their written sum 18.272353.
  const std::vector<double> exps = {3.490343, 11.473041, 2.181472, 1.127497};
  CHECK_NEAR(exps[0] + exps[1] + exps[2] + exps[3], 18.272353, 2e-6);
  for (std::size_t k = 0; k < 4; ++k) CHECK_NEAR(y_hat[k], exps[k] / 18.272353, kSixDecimals);
  CHECK_NEAR(y_hat[0] + y_hat[1] + y_hat[2] + y_hat[3], 1.0, 1e-15);
}

TEST_CASE("§8 categorical cross-entropy with two classes is the binary cross-entropy of §1") {
  // Softmax rows [0, 0, 0] and θ give z₁ − z₀ = θᵀx, so ŷ₁ = σ(θᵀx) and −log ŷ_y is §1's L_i.
  ll::Params two_rows(2, 3, 0.0);
  two_rows.at(1, 0) = 0.1;
  two_rows.at(1, 1) = 0.5;
  two_rows.at(1, 2) = -0.1;
  ll::Settings s = slides_settings(ll::Activation::Softmax, ll::Loss::CCE, ll::BatchMode::Batch);
  ll::Trainer trainer(iris4(), s, two_rows);
  const ll::StepRecord rec = trainer.step(true);
  REQUIRE(rec.status == ll::StepStatus::Ok);
  const std::vector<double> loss = {1.157344, 1.191896, 0.203245, 0.124565};
  const std::vector<double> y_hat1 = {0.685680, 0.696355, 0.816078, 0.882881};
  const std::vector<double> dL_dz1 = {0.685680, 0.696355, -0.183922, -0.117119};
  std::vector<double> p1, r1;
  for (const ll::SampleChain& c : rec.samples) {
    p1.push_back(c.y_hat.at(1));
    r1.push_back(c.dL_dz.at(1));
  }
  CHECK_NEAR_ALL(per_sample_loss(rec), loss, kSixDecimals);
  CHECK_NEAR_ALL(p1, y_hat1, kSixDecimals);
  CHECK_NEAR_ALL(r1, dL_dz1, kSixDecimals);
  CHECK_NEAR(*rec.loss_before, 0.669262, kSixDecimals);
  // Row 1 of the softmax gradient is §1's gradient; row 0 is its negative.
  const std::vector<double> gradient = {0.270249, 0.243133, -0.019540};
  for (std::size_t j = 0; j < 3; ++j) {
    CHECK_NEAR(rec.gradient.at(1, j), gradient[j], kSixDecimals);
    CHECK_NEAR(rec.gradient.at(0, j), -gradient[j], kSixDecimals);
  }
}

TEST_CASE("sigmoid facts: σ(0) = 0.5, σ′(0) = 0.25, σ′ = σ(1 − σ), tanh′ = 1 − tanh²") {
  CHECK_NEAR(ll::sigmoid(0.0), 0.5, 1e-16);
  CHECK_NEAR(ll::sigmoid_derivative(0.0), 0.25, 1e-16);
  for (double z : {-3.0, -0.5, 0.78, 2.02}) {
    const double s = 1.0 / (1.0 + std::exp(-z));  // the definition, written out
    CHECK_CLOSE(ll::sigmoid(z), s, 0.0, 1e-15);
    CHECK_CLOSE(ll::sigmoid_derivative(z), s * (1 - s), 0.0, 1e-14);
    const double t = std::tanh(z);
    CHECK_CLOSE(ll::tanh_derivative(z), 1 - t * t, 0.0, 1e-14);
    CHECK_CLOSE(ll::one_minus_tanh(z), 1 - t, 0.0, 1e-14);
  }
}
