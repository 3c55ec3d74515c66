// The conventions (ll/conventions.h) and L2 regularisation, each against an independent
// computation: the batch loss J(θ) written out in this file for every loss × activation ×
// reduction × squared-error form × λ, its gradient by finite differences, the ½ form as the full
// form halved bit for bit, the sum as m times the mean, the ema momentum against the plain form
// with η/(1 − β), and the exports' conventions stamp.
#include <doctest/doctest.h>

#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include "approx.h"
#include "cli_runner.h"
#include "ll/dataset.h"
#include "ll/trainer.h"
#include "run/scenario.h"
#include "run/step_export.h"

namespace {

struct Model {
  ll::Activation activation;
  ll::Loss loss;
};

std::shared_ptr<const ll::Dataset> iris(bool three_classes) {
  ll::DataOptions o;
  o.source = "iris";
  o.standardize = true;
  if (!three_classes) o.classes = {2, 3};  // versicolor vs virginica: not separable
  return std::make_shared<const ll::Dataset>(ll::load_dataset(o));
}

// One sample's loss, written the plain way (the core's stable forms are not used here).
double sample_loss(const ll::Dataset& data, std::size_t i, const ll::Params& theta, const ll::Settings& s) {
  const std::vector<double> x = data.augmented(i);
  std::vector<double> z(theta.rows, 0.0);
  for (std::size_t r = 0; r < theta.rows; ++r)
    for (std::size_t j = 0; j < theta.cols; ++j) z[r] += theta.at(r, j) * x[j];
  const int y = data.labels[i];
  const double half = s.squared_error == ll::SquaredError::Half ? 0.5 : 1.0;
  if (s.activation == ll::Activation::Softmax) {
    double total = 0.0;
    for (double v : z) total += std::exp(v);
    if (s.loss == ll::Loss::CCE) return -std::log(std::exp(z[static_cast<std::size_t>(y)]) / total);
    double sum = 0.0;
    for (std::size_t k = 0; k < z.size(); ++k) {
      const double d = std::exp(z[k]) / total - (static_cast<int>(k) == y ? 1.0 : 0.0);
      sum += d * d;
    }
    return half * sum;
  }
  const double y_hat = s.activation == ll::Activation::Tanh ? std::tanh(z[0]) : 1.0 / (1.0 + std::exp(-z[0]));
  if (s.loss == ll::Loss::BCE) return -y * std::log(y_hat) - (1 - y) * std::log(1.0 - y_hat);
  return half * (y_hat - y) * (y_hat - y);
}

// J(θ) = (1/m or 1) Σ_batch L_i + (λ/2) Σ θ_rj² over the weights (and the biases with l2_bias).
double objective(const ll::Dataset& data, const std::vector<std::size_t>& batch, const ll::Params& theta,
                 const ll::Settings& s) {
  double sum = 0.0;
  for (std::size_t i : batch) sum += sample_loss(data, i, theta, s);
  if (s.reduction == ll::Reduction::Mean) sum /= static_cast<double>(batch.size());
  double squares = 0.0;
  for (std::size_t r = 0; r < theta.rows; ++r)
    for (std::size_t j = s.l2_bias ? 0 : 1; j < theta.cols; ++j) squares += theta.at(r, j) * theta.at(r, j);
  return sum + 0.5 * s.l2 * squares;
}

std::vector<std::size_t> all_samples(const ll::Dataset& data) {
  std::vector<std::size_t> all(data.rows());
  for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
  return all;
}

// Every defined model under every convention, each with a hand-picked batch at a θ away from 0.
std::vector<ll::Settings> convention_cases() {
  std::vector<ll::Settings> cases;
  const Model models[] = {{ll::Activation::Sigmoid, ll::Loss::BCE}, {ll::Activation::Sigmoid, ll::Loss::MSE},
                          {ll::Activation::Tanh, ll::Loss::MSE},    {ll::Activation::Softmax, ll::Loss::CCE},
                          {ll::Activation::Softmax, ll::Loss::MSE}};
  for (const Model& m : models)
    for (ll::Reduction r : {ll::Reduction::Mean, ll::Reduction::Sum})
      for (ll::SquaredError e : {ll::SquaredError::Full, ll::SquaredError::Half})
        for (double l2 : {0.0, 0.3})
          for (bool bias : {false, true}) {
            if ((e == ll::SquaredError::Half && m.loss != ll::Loss::MSE) || (bias && l2 == 0.0)) continue;
            ll::Settings s;
            s.activation = m.activation;
            s.loss = m.loss;
            s.mode = ll::BatchMode::MiniBatch;
            s.batch_size = 5;
            s.reduction = r;
            s.squared_error = e;
            s.l2 = l2;
            s.l2_bias = bias;
            cases.push_back(s);
          }
  return cases;
}

ll::Params start_theta(const ll::Settings& s, const ll::Dataset& data) {
  ll::Params theta = ll::zero_params(s, data);
  for (std::size_t k = 0; k < theta.size(); ++k) theta.values[k] = 0.3 * std::sin(1.7 * static_cast<double>(k) + 0.4);
  return theta;
}

std::string case_name(const ll::Settings& s) {
  return std::string(ll::name(s.activation)) + " + " + std::string(ll::name(s.loss)) + ", " +
         std::string(ll::name(s.reduction)) + ", " + std::string(ll::name(s.squared_error)) + ", λ = " +
         std::to_string(s.l2) + (s.l2_bias ? " with b" : "");
}

}  // namespace

TEST_CASE("under every convention the step's loss is J(θ) written out here, and its gradient J's derivative") {
  for (const ll::Settings& s : convention_cases()) {
    CAPTURE(case_name(s));
    const auto data = iris(s.activation == ll::Activation::Softmax);
    const ll::Params theta = start_theta(s, *data);
    ll::Trainer trainer(data, s, theta);
    const std::vector<std::size_t> batch = {0, 17, 52, 71, 96};   // both classes (all three for softmax)
    trainer.set_next_batch(batch);
    const ll::StepRecord r = trainer.step();
    REQUIRE(r.status == ll::StepStatus::Ok);
    CHECK_REL(r.batch_loss, objective(*data, batch, theta, s), 1e-13);
    CHECK_REL(*r.loss_before, objective(*data, all_samples(*data), theta, s), 1e-13);
    CHECK_REL(*r.loss_after, objective(*data, all_samples(*data), r.theta_after, s), 1e-13);
    // ∂J/∂θ_k by the five-point stencil (truncation ~h⁴, rounding ~ε/h: both far below 1e-7).
    for (std::size_t k = 0; k < theta.size(); ++k) {
      const double h = 1e-3;
      auto at = [&](double d) {
        ll::Params moved = theta;
        moved.values[k] += d;
        return objective(*data, batch, moved, s);
      };
      const double fd = (-at(2 * h) + 8 * at(h) - 8 * at(-h) + at(-2 * h)) / (12 * h);
      CHECK_CLOSE(r.gradient.values[k], fd, 1e-9, 1e-7);
    }
    if (s.l2 == 0.0) {
      CHECK(r.penalty_gradient.values.empty());
      CHECK(r.batch_data_loss == r.batch_loss);
      CHECK(*r.data_loss_before == *r.loss_before);
      continue;
    }
    // The two terms: λθ on the penalised entries, 0 on the biases unless l2_bias; they add up.
    for (std::size_t k = 0; k < theta.size(); ++k) {
      const bool bias = k % theta.cols == 0;
      CHECK(r.penalty_gradient.values[k] == (bias && !s.l2_bias ? 0.0 : s.l2 * theta.values[k]));
      CHECK(r.gradient.values[k] == r.data_gradient.values[k] + r.penalty_gradient.values[k]);
    }
    ll::Settings data_only = s;
    data_only.l2 = 0.0;
    CHECK_REL(r.batch_data_loss, objective(*data, batch, theta, data_only), 1e-13);
    CHECK_REL(*r.data_loss_after, objective(*data, all_samples(*data), r.theta_after, data_only), 1e-13);
    CHECK_REL(r.penalty_after, *r.loss_after - *r.data_loss_after, 1e-12);
  }
}

TEST_CASE("the full-batch pass follows the conventions too: loss and gradient over all N") {
  for (ll::Settings s : convention_cases()) {
    s.mode = ll::BatchMode::Batch;
    CAPTURE(case_name(s));
    const auto data = iris(s.activation == ll::Activation::Softmax);
    const ll::Params theta = start_theta(s, *data);
    ll::Trainer batch(data, s, theta);
    const ll::StepRecord r = batch.step(false);
    ll::Settings mini = s;   // the same step as a hand-picked batch of all N: the chains' sum
    mini.mode = ll::BatchMode::MiniBatch;
    ll::Trainer by_chains(data, mini, theta);
    by_chains.set_next_batch(all_samples(*data));
    const ll::StepRecord c = by_chains.step(false);
    CHECK_REL(r.batch_loss, objective(*data, all_samples(*data), theta, s), 1e-13);
    CHECK_NEAR_ALL(r.gradient.values, c.gradient.values, 1e-12);
    CHECK(batch.loss_at(1).has_value());
    CHECK_REL(*batch.data_loss_at(1), *r.data_loss_after, 0.0);
  }
}

TEST_CASE("½(ŷ − y)² gives the full form's numbers halved, bit for bit, and with 2η the same θ") {
  const auto data = iris(false);
  for (ll::Activation a : {ll::Activation::Sigmoid, ll::Activation::Tanh}) {
    ll::Settings full;
    full.activation = a;
    full.loss = ll::Loss::MSE;
    full.mode = ll::BatchMode::MiniBatch;
    full.batch_size = 7;
    full.order = ll::Order::Shuffle;
    full.learning_rate = 0.1;
    ll::Settings half = full;
    half.squared_error = ll::SquaredError::Half;
    half.learning_rate = 0.2;
    const ll::Params theta = start_theta(full, *data);
    ll::Trainer f(data, full, theta), h(data, half, theta);
    for (int k = 0; k < 30; ++k) {
      const ll::StepRecord rf = f.step(), rh = h.step();
      REQUIRE(rf.samples.size() == rh.samples.size());
      for (std::size_t i = 0; i < rf.samples.size(); ++i) {
        CHECK(rh.samples[i].loss == 0.5 * rf.samples[i].loss);
        CHECK(rh.samples[i].dL_dyhat[0] == 0.5 * rf.samples[i].dL_dyhat[0]);
        CHECK(rh.samples[i].dyhat_dz[0] == rf.samples[i].dyhat_dz[0]);
        CHECK(rh.samples[i].dL_dz[0] == 0.5 * rf.samples[i].dL_dz[0]);
      }
      CHECK(rh.batch_loss == 0.5 * rf.batch_loss);
      CHECK(*rh.loss_after == 0.5 * *rf.loss_after);
      CHECK(rh.theta_after.values == rf.theta_after.values);   // θ − 2η·(g/2) = θ − η·g exactly
    }
  }
}

TEST_CASE("the sum over the batch is m times the mean: loss, gradient and the data-set loss (N times)") {
  const auto data = iris(false);
  ll::Settings mean;
  mean.mode = ll::BatchMode::MiniBatch;
  mean.batch_size = 8;
  ll::Settings sum = mean;
  sum.reduction = ll::Reduction::Sum;
  const ll::Params theta = start_theta(mean, *data);
  ll::Trainer a(data, mean, theta), b(data, sum, theta);
  const ll::StepRecord ra = a.step(), rb = b.step();
  CHECK_REL(rb.batch_loss, 8.0 * ra.batch_loss, 1e-15);
  for (std::size_t k = 0; k < theta.size(); ++k) CHECK_REL(rb.gradient.values[k], 8.0 * ra.gradient.values[k], 1e-15);
  CHECK_REL(*rb.loss_before, static_cast<double>(data->rows()) * *ra.loss_before, 1e-14);
}

TEST_CASE("momentum's ema form v ← βv + (1 − β)∇L: each step by its rule, and the plain form's θ with η/(1 − β)") {
  const auto data = iris(false);
  ll::Settings ema;
  ema.mode = ll::BatchMode::MiniBatch;
  ema.batch_size = 10;
  ema.momentum = 0.8;
  ema.learning_rate = 0.5;
  ema.momentum_form = ll::MomentumForm::Ema;
  ll::Settings plain = ema;
  plain.momentum_form = ll::MomentumForm::Plain;
  plain.learning_rate = ema.learning_rate * (1.0 - ema.momentum);   // v_ema = (1 − β)·v_plain
  const ll::Params theta = start_theta(ema, *data);
  ll::Trainer e(data, ema, theta), p(data, plain, theta);
  std::vector<double> v(theta.size(), 0.0);
  for (int k = 0; k < 40; ++k) {
    const ll::StepRecord re = e.step(false), rp = p.step(false);
    for (std::size_t j = 0; j < theta.size(); ++j) {
      v[j] = 0.8 * v[j] + (1.0 - 0.8) * re.gradient.values[j];
      CHECK(re.velocity.values[j] == v[j]);
      CHECK(re.theta_after.values[j] == re.theta_before.values[j] - 0.5 * v[j]);
      CHECK_CLOSE(re.theta_after.values[j], rp.theta_after.values[j], 1e-14, 1e-12);
    }
  }
}

TEST_CASE("every export carries the conventions stamp; the options and scenario keys set each convention") {
  const CliResult md = run_cli("trace --steps 1 --format markdown --standardize --loss mse --reduction sum "
                               "--squared-error half --momentum 0.5 --momentum-form ema --l2 0.25");
  REQUIRE(md.exit_code == 0);
  CHECK_CONTAINS(md.out, "*Conventions: θ = [b, w1, w2] · labels 0/1 · sum over the batch · squared error ½(ŷ − y)² · "
                         "v ← βv + (1 − β)∇L · standardized features · λ = 0.25 (bias not penalised)*");
  CHECK_CONTAINS(md.out, "`L = ½(ŷ − y)²`");
  CHECK_CONTAINS(md.out, "`∂L/∂ŷ = ŷ − y`");
  CHECK_CONTAINS(md.out, "`batch loss = Σᵢ Lᵢ + (λ/2)‖w‖²`");
  CHECK_CONTAINS(md.out, "`v = β·v + (1 − β)·∂L/∂θ`");
  const CliResult tex = run_cli("trace --steps 1 --format latex --l2 0.25 --l2-bias");
  CHECK_CONTAINS(tex.out, "\\textit{Conventions:");
  CHECK_CONTAINS(tex.out, "$\\lambda$ = 0.25 (bias penalised)");
  CHECK_CONTAINS(tex.out, "\\frac{\\lambda}{2}\\|\\theta\\|^2");
  const CliResult csv = run_cli("trace --steps 2 --format history-csv --l2 0.25");
  CHECK(csv.out.rfind("# conventions: θ = [b, w1, w2] · labels 0/1 · mean over the batch", 0) == 0);

  // JSON: the data term and the penalty beside the totals.
  const CliResult json = run_cli("trace --steps 1 --format json --l2 0.25");
  for (const char* key : {"\"batch_data_loss\":", "\"data_gradient\":", "\"penalty_gradient\":[0.0,0.125,-0.025]",
                          "\"data_loss_after\":", "\"penalty_before\":0.0325"})
    CHECK_CONTAINS(json.out, key);

  // Scenario keys: read, and written back where they differ from the slides'.
  const ll::app::RunSpec spec = ll::app::parse_scenario(
      R"({"format": "logistic-lab-scenario", "version": 1, "reduction": "sum", "squared_error": "half",
          "momentum_form": "ema", "l2": 0.5, "l2_bias": true})", "c.json");
  CHECK(spec.settings.reduction == ll::Reduction::Sum);
  CHECK(spec.settings.squared_error == ll::SquaredError::Half);
  CHECK(spec.settings.momentum_form == ll::MomentumForm::Ema);
  CHECK(spec.settings.l2 == 0.5);
  CHECK(spec.settings.l2_bias);
  CHECK(ll::app::parse_scenario(ll::app::scenario_json(spec), "c.json") == spec);
  CHECK(ll::app::scenario_json(ll::app::RunSpec{}).find("reduction") == std::string::npos);
  CHECK_THROWS_WITH(ll::app::parse_scenario(R"({"format": "logistic-lab-scenario", "version": 1, "reduction": "avg"})", "c.json"),
                    "c.json: key 'reduction': unknown reduction 'avg' (choose mean or sum)");

  // Bad values name the option.
  CHECK_CONTAINS(run_cli("trace --reduction median").err, "--reduction: unknown reduction 'median' (choose mean or sum)");
  CHECK_CONTAINS(run_cli("trace --squared-error third").err, "--squared-error: unknown squared-error form");
  CHECK_CONTAINS(run_cli("trace --momentum-form nesterov").err, "--momentum-form: unknown momentum form");
  const CliResult negative = run_cli("trace --l2=-1");
  CHECK(negative.exit_code == 2);
  CHECK_CONTAINS(negative.err, "--l2: λ must be a number from 0 to 1e+06 (got -1)");
}
