// The Trainer: batch modes, the sampler's order, history (back, forward, seek, branches),
// settings changes, momentum, the kept summaries, divergence and explicit batches.
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "approx.h"
#include "ll/chain.h"
#include "ll/dataset.h"
#include "ll/error.h"
#include "ll/sampler.h"
#include "ll/settings.h"
#include "ll/trainer.h"

namespace {

std::shared_ptr<const ll::Dataset> shared(ll::Dataset data) {
  return std::make_shared<const ll::Dataset>(std::move(data));
}

ll::Settings make_settings(ll::BatchMode mode, std::size_t batch_size = 2, ll::Order order = ll::Order::Sequential,
                           std::uint64_t seed = 1, double learning_rate = 0.1) {
  ll::Settings s;
  s.mode = mode;
  s.batch_size = batch_size;
  s.order = order;
  s.seed = seed;
  s.learning_rate = learning_rate;
  return s;
}

ll::Params slides_theta() { return ll::Params::row({0.1, 0.5, -0.1}); }

void check_same_chain(const ll::SampleChain& a, const ll::SampleChain& b) {
  CHECK(a.index == b.index);
  CHECK(a.x == b.x);
  CHECK(a.y == b.y);
  CHECK(a.z == b.z);
  CHECK(a.y_hat == b.y_hat);
  CHECK(a.loss == b.loss);
  CHECK(a.dL_dyhat == b.dL_dyhat);
  CHECK(a.dyhat_dz == b.dyhat_dz);
  CHECK(a.dL_dz == b.dL_dz);
  CHECK(a.defined == b.defined);
}

// Every field, compared with == (bit for bit).
void check_same_record(const ll::StepRecord& a, const ll::StepRecord& b) {
  INFO("step ", a.step, " vs step ", b.step);
  CHECK(a.step == b.step);
  CHECK(a.epoch == b.epoch);
  CHECK(a.batch == b.batch);
  CHECK(a.explicit_batch == b.explicit_batch);
  CHECK(a.settings == b.settings);
  CHECK(a.theta_before == b.theta_before);
  REQUIRE(a.samples.size() == b.samples.size());
  for (std::size_t i = 0; i < a.samples.size(); ++i) check_same_chain(a.samples[i], b.samples[i]);
  CHECK(a.batch_loss == b.batch_loss);
  CHECK(a.gradient == b.gradient);
  CHECK(a.velocity == b.velocity);
  CHECK(a.theta_after == b.theta_after);
  CHECK(a.loss_before == b.loss_before);
  CHECK(a.loss_after == b.loss_after);
  CHECK(a.status == b.status);
  CHECK(a.message == b.message);
}

// The mean sigmoid + BCE gradient 1/N Σ (σ(θᵀx) − y) x, written out independently of the core.
std::vector<double> bce_gradient(const ll::Dataset& data, const std::vector<double>& theta) {
  std::vector<double> g(theta.size(), 0.0);
  for (std::size_t i = 0; i < data.rows(); ++i) {
    double z = theta[0];
    for (std::size_t j = 0; j < data.features(); ++j) z += theta[j + 1] * data.x(i, j);
    const double r = 1.0 / (1.0 + std::exp(-z)) - data.labels[i];
    g[0] += r;
    for (std::size_t j = 0; j < data.features(); ++j) g[j + 1] += r * data.x(i, j);
  }
  for (double& v : g) v /= static_cast<double>(data.rows());
  return g;
}

bool finite(const std::vector<double>& v) {
  for (double x : v)
    if (!std::isfinite(x)) return false;
  return true;
}

}  // namespace

TEST_CASE("batch gradient equals the mean of the per-sample gradients") {
  const auto blobs = shared(ll::make_blobs(60, 2.0, 3));
  const auto iris = shared(ll::select(ll::load_iris(), {3, 4}, {}));
  struct Pair { std::shared_ptr<const ll::Dataset> data; ll::Activation activation; ll::Loss loss; };
  for (const Pair& p : {Pair{blobs, ll::Activation::Sigmoid, ll::Loss::BCE},
                        Pair{blobs, ll::Activation::Tanh, ll::Loss::MSE},
                        Pair{iris, ll::Activation::Softmax, ll::Loss::CCE}}) {
    ll::Settings s = make_settings(ll::BatchMode::Batch);
    s.activation = p.activation;
    s.loss = p.loss;
    ll::Params theta = ll::zero_params(s, *p.data);
    for (std::size_t k = 0; k < theta.size(); ++k) theta.values[k] = 0.3 * std::sin(1.0 + static_cast<double>(k));
    ll::Trainer trainer(p.data, s, theta);
    const ll::StepRecord rec = trainer.step(true);
    REQUIRE(rec.status == ll::StepStatus::Ok);
    REQUIRE(rec.samples.size() == p.data->rows());
    ll::Params sum(theta.rows, theta.cols, 0.0);
    double loss_sum = 0.0, scale = 0.0;
    for (const ll::SampleChain& c : rec.samples) {
      ll::add_sample_gradient(c, sum);
      loss_sum += c.loss;
      for (std::size_t r = 0; r < c.dL_dz.size(); ++r) scale += std::fabs(c.dL_dz[r]) * 3.0;
    }
    const double n = static_cast<double>(p.data->rows());
    for (double& g : sum.values) g /= n;
    INFO(ll::name(p.activation), " + ", ll::name(p.loss));
    // Summation order differs (blocks vs. one by one): allow rounding of the summed magnitudes.
    CHECK_CLOSE_ALL(rec.gradient.values, sum.values, 1e-15 * scale / n, 1e-13);
    CHECK_CLOSE(rec.batch_loss, loss_sum / n, 0.0, 1e-13);
  }
}

TEST_CASE("a mini-batch of all N samples in order equals the full batch") {
  const auto data = shared(ll::make_blobs(50, 2.0, 5));
  ll::Trainer full(data, make_settings(ll::BatchMode::Batch), ll::Params::row({0.2, -0.4, 0.7}));
  ll::Trainer mini(data, make_settings(ll::BatchMode::MiniBatch, 50), ll::Params::row({0.2, -0.4, 0.7}));
  for (int k = 0; k < 5; ++k) {
    const ll::StepRecord a = full.step(true), b = mini.step(true);
    REQUIRE(a.status == ll::StepStatus::Ok);
    REQUIRE(b.status == ll::StepStatus::Ok);
    CHECK(a.batch == b.batch);
    CHECK(a.epoch == b.epoch);
    CHECK_CLOSE(a.batch_loss, b.batch_loss, 0.0, 1e-13);
    CHECK_CLOSE_ALL(a.gradient.values, b.gradient.values, 1e-16, 1e-13);
    CHECK_CLOSE_ALL(a.theta_after.values, b.theta_after.values, 1e-16, 1e-13);
    CHECK_CLOSE(*a.loss_after, *b.loss_after, 0.0, 1e-13);
  }
}

TEST_CASE("stochastic steps equal mini-batch steps of size 1") {
  const auto data = shared(ll::make_iris6());
  ll::Trainer stochastic(data, make_settings(ll::BatchMode::Stochastic, 2, ll::Order::Shuffle, 9), ll::Params::row({0.0, 0.1}));
  ll::Trainer mini(data, make_settings(ll::BatchMode::MiniBatch, 1, ll::Order::Shuffle, 9), ll::Params::row({0.0, 0.1}));
  for (int k = 0; k < 14; ++k) {
    const ll::StepRecord a = stochastic.step(true), b = mini.step(true);
    REQUIRE(a.batch.size() == 1);
    CHECK(a.batch == b.batch);
    CHECK(a.epoch == b.epoch);
    CHECK(a.gradient == b.gradient);
    CHECK(a.theta_after == b.theta_after);
    CHECK(a.loss_after == b.loss_after);
  }
}

TEST_CASE("batches in order wrap around the data set and the epoch counts passes over it") {
  ll::Trainer trainer(shared(ll::make_iris4()), make_settings(ll::BatchMode::MiniBatch, 3), slides_theta());
  // N = 4, m = 3: positions 0, 3, 6, 9, 12; the epoch is the pass in which the batch's first sample is drawn.
  const std::vector<std::vector<std::size_t>> batches = {{0, 1, 2}, {3, 0, 1}, {2, 3, 0}, {1, 2, 3}, {0, 1, 2}};
  const std::vector<std::size_t> epochs = {1, 1, 2, 3, 4};
  for (std::size_t k = 0; k < batches.size(); ++k) {
    const ll::StepRecord rec = trainer.step(false);
    CHECK(rec.step == k + 1);
    CHECK(rec.batch == batches[k]);
    CHECK(rec.epoch == epochs[k]);
    CHECK(trainer.summary(k + 1).epoch == epochs[k]);
  }
}

TEST_CASE("shuffled batches are a permutation per epoch, reproducible from the seed, and differ by seed") {
  const auto data = shared(ll::make_iris6());  // N = 6, m = 2: 3 steps per epoch
  auto epochs_of = [&](std::uint64_t seed) {
    ll::Trainer trainer(data, make_settings(ll::BatchMode::MiniBatch, 2, ll::Order::Shuffle, seed), ll::Params::row({0.0, 0.1}));
    std::vector<std::vector<std::size_t>> epochs(5);
    for (std::size_t step = 0; step < 15; ++step) {
      const ll::StepRecord rec = trainer.step(false);
      CHECK(rec.epoch == step / 3 + 1);
      epochs[step / 3].insert(epochs[step / 3].end(), rec.batch.begin(), rec.batch.end());
    }
    return epochs;
  };
  const auto first = epochs_of(42);
  for (const auto& order : first) {
    std::vector<std::size_t> sorted = order;
    std::sort(sorted.begin(), sorted.end());
    CHECK(sorted == std::vector<std::size_t>{0, 1, 2, 3, 4, 5});
  }
  bool orders_differ = false;  // 5 epochs all in one order would mean no reshuffling
  for (std::size_t e = 1; e < first.size(); ++e) orders_differ = orders_differ || first[e] != first[0];
  CHECK(orders_differ);
  CHECK(epochs_of(42) == first);
  CHECK(epochs_of(43) != first);
}

TEST_CASE("stepping back and forward reproduces every record bit for bit with shuffle on, also after seek") {
  const auto data = shared(ll::make_blobs(30, 1.5, 8));
  ll::Settings s = make_settings(ll::BatchMode::MiniBatch, 4, ll::Order::Shuffle, 77, 0.3);
  s.momentum = 0.5;
  ll::Trainer trainer(data, s, ll::Params::row({0.5, -0.2, 0.1}));
  std::vector<ll::StepRecord> kept;
  for (int k = 0; k < 15; ++k) kept.push_back(trainer.step(true));
  for (int k = 0; k < 7; ++k) CHECK(trainer.step_back());
  CHECK(trainer.current_step() == 8);
  CHECK(trainer.theta() == kept[7].theta_after);
  for (std::size_t k = 8; k < 15; ++k) check_same_record(trainer.step(true), kept[k]);
  CHECK(trainer.history_size() == 15);

  trainer.seek(3);
  CHECK(trainer.theta() == kept[2].theta_after);
  check_same_record(trainer.step(true), kept[3]);
  trainer.seek(0);
  check_same_record(trainer.step(true), kept[0]);
  CHECK(trainer.history_size() == 15);  // replays keep the future
  for (std::size_t k = 1; k <= 15; ++k) check_same_record(trainer.record(k, true), kept[k - 1]);
  trainer.seek(100);  // past the end: the last kept step
  CHECK(trainer.current_step() == 15);
  trainer.seek(0);
  CHECK_FALSE(trainer.step_back());
  CHECK(trainer.theta() == kept[0].theta_before);
}

TEST_CASE("record(k) equals what step() returned, through explicit batches and settings changes") {
  const auto data = shared(ll::make_blobs(20, 2.0, 4));
  ll::Trainer trainer(data, make_settings(ll::BatchMode::Batch), ll::Params::row({0.1, 0.2, 0.3}));
  std::vector<ll::StepRecord> kept;
  kept.push_back(trainer.step(true));
  kept.push_back(trainer.step(true));
  trainer.set_next_batch({5, 2, 19});
  kept.push_back(trainer.step(true));
  trainer.set_settings(make_settings(ll::BatchMode::MiniBatch, 3, ll::Order::Shuffle, 5, 0.2));
  for (int k = 0; k < 4; ++k) kept.push_back(trainer.step(true));
  trainer.set_settings(make_settings(ll::BatchMode::Stochastic, 1, ll::Order::Sequential, 5, 0.05));
  for (int k = 0; k < 3; ++k) kept.push_back(trainer.step(true));
  REQUIRE(trainer.history_size() == kept.size());
  for (std::size_t k = 1; k <= kept.size(); ++k) {
    check_same_record(trainer.record(k, true), kept[k - 1]);
    const ll::StepRecord lean = trainer.record(k, false);
    CHECK(lean.samples.empty());
    CHECK(lean.theta_after == kept[k - 1].theta_after);
  }
  CHECK(kept[2].explicit_batch);
  CHECK(kept[2].batch == std::vector<std::size_t>{5, 2, 19});
}

TEST_CASE("changing a setting mid-run applies from the next step and keeps the history") {
  const auto data = shared(ll::make_iris4());
  ll::Trainer trainer(data, make_settings(ll::BatchMode::Batch, 2, ll::Order::Sequential, 1, 0.01), slides_theta());
  std::vector<ll::StepRecord> kept;
  for (int k = 0; k < 3; ++k) kept.push_back(trainer.step(true));
  trainer.set_settings(make_settings(ll::BatchMode::Batch, 2, ll::Order::Sequential, 1, 0.1));
  CHECK(trainer.history_size() == 3);
  CHECK(trainer.theta() == kept[2].theta_after);
  const ll::StepRecord fourth = trainer.step(true);
  CHECK(fourth.settings.learning_rate == 0.1);
  // θ₄ = θ₃ − 0.1·∇L(θ₃), with the gradient computed here.
  const std::vector<double> g = bce_gradient(*data, kept[2].theta_after.values);
  std::vector<double> expected = kept[2].theta_after.values;
  for (std::size_t k = 0; k < 3; ++k) expected[k] -= 0.1 * g[k];
  CHECK_CLOSE_ALL(fourth.theta_after.values, expected, 1e-15, 1e-13);
  for (std::size_t k = 1; k <= 3; ++k) {
    CHECK(trainer.record(k).settings.learning_rate == 0.01);
    check_same_record(trainer.record(k), kept[k - 1]);
  }
  CHECK(trainer.summary(4).settings_index != trainer.summary(3).settings_index);
  CHECK(trainer.settings_at(trainer.summary(3).settings_index).learning_rate == 0.01);
}

TEST_CASE("stepping from a past step with changed settings starts a new branch, unchanged settings replay") {
  const auto data = shared(ll::make_iris4());
  ll::Trainer trainer(data, make_settings(ll::BatchMode::Batch, 2, ll::Order::Sequential, 1, 0.01), slides_theta());
  std::vector<ll::StepRecord> kept;
  for (int k = 0; k < 5; ++k) kept.push_back(trainer.step(false));

  trainer.seek(2);  // unchanged settings: the kept future is replayed
  check_same_record(trainer.step(false), kept[2]);
  CHECK(trainer.history_size() == 5);

  trainer.seek(2);  // changed η: a new branch from step 2, the old steps 3–5 are dropped
  trainer.set_settings(make_settings(ll::BatchMode::Batch, 2, ll::Order::Sequential, 1, 0.05));
  const ll::StepRecord branch = trainer.step(false);
  CHECK(branch.step == 3);
  CHECK(branch.theta_before == kept[1].theta_after);
  CHECK_FALSE(branch.theta_after == kept[2].theta_after);
  CHECK(trainer.history_size() == 3);
  CHECK(trainer.current_step() == 3);
  CHECK(trainer.theta_at(3) == branch.theta_after);
  CHECK(trainer.record(3, false).settings.learning_rate == 0.05);
  check_same_record(trainer.record(2, false), kept[1]);  // the shared past is kept

  trainer.seek(1);  // an explicit batch is a change too
  trainer.set_next_batch({0});
  const ll::StepRecord single = trainer.step(false);
  CHECK(single.batch == std::vector<std::size_t>{0});
  CHECK(trainer.history_size() == 2);
}

TEST_CASE("momentum: the update is v ← βv + ∇L, θ ← θ − ηv, as computed by hand for 3 steps") {
  const auto data = shared(ll::make_iris4());
  ll::Settings s = make_settings(ll::BatchMode::Batch, 2, ll::Order::Sequential, 1, 0.5);
  s.momentum = 0.9;
  ll::Trainer trainer(data, s, slides_theta());
  std::vector<double> theta = slides_theta().values, v(3, 0.0);
  for (int k = 0; k < 3; ++k) {
    const std::vector<double> g = bce_gradient(*data, theta);
    for (std::size_t j = 0; j < 3; ++j) {
      v[j] = 0.9 * v[j] + g[j];
      theta[j] -= 0.5 * v[j];
    }
    const ll::StepRecord rec = trainer.step(false);
    REQUIRE(rec.status == ll::StepStatus::Ok);
    INFO("step ", k + 1);
    CHECK_CLOSE_ALL(rec.gradient.values, g, 1e-15, 1e-13);
    CHECK_CLOSE_ALL(rec.velocity.values, v, 1e-15, 1e-13);
    CHECK_CLOSE_ALL(rec.theta_after.values, theta, 1e-15, 1e-13);
  }
  // Plain gradient descent would be elsewhere after 3 steps: momentum did something.
  ll::Trainer plain(data, make_settings(ll::BatchMode::Batch, 2, ll::Order::Sequential, 1, 0.5), slides_theta());
  for (int k = 0; k < 3; ++k) plain.step(false);
  CHECK(std::fabs(plain.theta().values[1] - theta[1]) > 1e-3);
}

TEST_CASE("after 100,000 stochastic steps the history gives summaries and recomputes any step's chains") {
  const auto data = shared(ll::make_iris4());
  ll::Trainer trainer(data, make_settings(ll::BatchMode::Stochastic, 1, ll::Order::Shuffle, 3, 0.05), slides_theta());
  const std::vector<std::size_t> watched = {1, 2, 49999, 99999, 100000};
  std::vector<ll::StepRecord> kept;
  for (std::size_t k = 1; k <= 100000; ++k) {
    const bool watch = std::find(watched.begin(), watched.end(), k) != watched.end();
    const ll::StepRecord rec = trainer.step(watch);
    if (rec.status != ll::StepStatus::Ok) FAIL("step ", k, " was not taken: ", rec.message);
    if (watch) kept.push_back(rec);
  }
  CHECK(trainer.history_size() == 100000);
  for (std::size_t w = 0; w < watched.size(); ++w) {
    const std::size_t k = watched[w];
    const ll::StepSummary s = trainer.summary(k);
    CHECK(s.step == k);
    CHECK(s.epoch == kept[w].epoch);
    CHECK(s.epoch == (k - 1) / 4 + 1);
    CHECK(s.batch_loss == kept[w].batch_loss);
    CHECK(s.loss_before == kept[w].loss_before);
    CHECK(s.loss_after == kept[w].loss_after);
    CHECK(s.gradient_norm == kept[w].gradient.norm());
    const ll::StepRecord again = trainer.record(k, true);
    REQUIRE(again.samples.size() == 1);
    check_same_record(again, kept[w]);
  }
  CHECK(trainer.theta_at(100000) == kept.back().theta_after);
}

TEST_CASE("η = 1e6 diverges: status and message, earlier steps intact, no NaN, θ unchanged") {
  const auto data = shared(ll::make_iris4());
  ll::Trainer trainer(data, make_settings(ll::BatchMode::Batch, 2, ll::Order::Sequential, 1, 0.01), slides_theta());
  std::vector<ll::StepRecord> kept;
  for (int k = 0; k < 3; ++k) kept.push_back(trainer.step(true));
  const ll::Params theta3 = trainer.theta();
  for (double eta : {1e6, 1e300, 1e308}) {
    INFO("η = ", eta);
    trainer.set_settings(make_settings(ll::BatchMode::Batch, 2, ll::Order::Sequential, 1, eta));
    const ll::StepRecord rec = trainer.step(true);
    CHECK(rec.status == ll::StepStatus::Diverged);
    CHECK_CONTAINS(rec.message, "Diverged at step 4");
    CHECK(finite(rec.theta_before.values));
    CHECK(finite(rec.gradient.values));
    CHECK_FALSE(std::isnan(rec.batch_loss));
    for (const auto& v : {rec.velocity.values, rec.theta_after.values}) CHECK(std::none_of(v.begin(), v.end(), [](double x) { return std::isnan(x); }));
    REQUIRE(rec.loss_before.has_value());
    CHECK(std::isfinite(*rec.loss_before));
    CHECK((!rec.loss_after.has_value() || std::isfinite(*rec.loss_after)));
    for (const ll::SampleChain& c : rec.samples) CHECK(finite(c.dL_dz));
    CHECK(trainer.theta() == theta3);
    CHECK(trainer.current_step() == 3);
    CHECK(trainer.history_size() == 3);
    REQUIRE(trainer.failure().has_value());
    CHECK(trainer.failure()->status == ll::StepStatus::Diverged);
  }
  for (std::size_t k = 1; k <= 3; ++k) check_same_record(trainer.record(k), kept[k - 1]);
  // With a fitting η again, the next step is step 4 from θ₃.
  trainer.set_settings(make_settings(ll::BatchMode::Batch, 2, ll::Order::Sequential, 1, 0.01));
  const ll::StepRecord next = trainer.step(false);
  CHECK(next.status == ll::StepStatus::Ok);
  CHECK(next.step == 4);
  CHECK(next.theta_before == theta3);
  CHECK_FALSE(trainer.failure().has_value());
}

TEST_CASE("an explicit batch out of range, with a duplicate, or empty throws InputError naming the sample") {
  ll::Trainer trainer(shared(ll::make_iris4()), make_settings(ll::BatchMode::Batch), slides_theta());
  CHECK_THROWS_WITH_AS(trainer.set_next_batch({0, 4}), doctest::Contains("sample 5"), ll::InputError);
  CHECK_THROWS_WITH_AS(trainer.set_next_batch({0, 4}), doctest::Contains("samples 1 to 4"), ll::InputError);
  CHECK_THROWS_WITH_AS(trainer.set_next_batch({2, 0, 2}), doctest::Contains("sample 3 is listed twice"), ll::InputError);
  CHECK_THROWS_AS(trainer.set_next_batch({}), ll::InputError);
  CHECK(trainer.next_batch().empty());  // a rejected batch is not kept
  trainer.set_next_batch({3, 1});
  CHECK(trainer.next_batch() == std::vector<std::size_t>{3, 1});
  CHECK(trainer.step(false).batch == std::vector<std::size_t>{3, 1});
  CHECK(trainer.next_batch().empty());  // used once
}
