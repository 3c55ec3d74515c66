// The data-set loss where it is used (issue 11): a stochastic or mini-batch step on a data set of
// more than kEagerLossRows samples, asked to, leaves its pass out. The steps stay bit for bit the
// same as an eager run's, the loss is filled in later to the same value, and the divergence rule
// and the separable-data watch still look every kLossCheckSteps steps. (The time it saves is in
// tests/bench: BM_StochasticBigData.)
#include <doctest/doctest.h>

#include <cmath>
#include <memory>

#include "ll/dataset.h"
#include "ll/trainer.h"

namespace {

std::shared_ptr<const ll::Dataset> big_blobs() {
  static const auto data = std::make_shared<const ll::Dataset>(ll::make_blobs(ll::kEagerLossRows + 1000, 3.0, 7));
  return data;
}

ll::Settings stochastic(double learning_rate) {
  ll::Settings s;
  s.mode = ll::BatchMode::Stochastic;
  s.order = ll::Order::Shuffle;
  s.learning_rate = learning_rate;
  return s;
}

}  // namespace

TEST_CASE("a lazy run takes the same steps as an eager one, and its losses are filled in exactly") {
  const ll::Params theta0 = ll::Params::row({0.0, 0.0, 0.0});
  ll::Trainer eager(big_blobs(), stochastic(0.05), theta0), lazy(big_blobs(), stochastic(0.05), theta0);
  constexpr std::size_t kSteps = 2 * ll::kLossCheckSteps + 5;
  for (std::size_t k = 1; k <= kSteps; ++k) {
    const ll::StepRecord e = eager.step(false, true), l = lazy.step(false, false);
    REQUIRE(e.status == ll::StepStatus::Ok);
    REQUIRE(l.status == ll::StepStatus::Ok);
    CHECK(l.theta_after == e.theta_after);   // bit for bit
    CHECK(l.batch_loss == e.batch_loss);
    CHECK(e.data_loss_known);
    // Left out, except on the steps the divergence rule looks at.
    CHECK(l.data_loss_known == (k % ll::kLossCheckSteps == 0));
    if (!l.data_loss_known) CHECK_FALSE(l.loss_after.has_value());
  }
  for (std::size_t k : {std::size_t{2}, std::size_t{999}, ll::kLossCheckSteps, kSteps}) {
    INFO("step " << k);
    CHECK(lazy.summary(k).data_loss_known == (k % ll::kLossCheckSteps == 0));
    CHECK(lazy.loss_at(k) == eager.loss_at(k));   // the same pass over the same θ
    const ll::StepSummary filled = lazy.summary(k), expected = eager.summary(k);
    CHECK(filled.data_loss_known);
    CHECK(filled.loss_before == expected.loss_before);
    CHECK(filled.loss_after == expected.loss_after);
  }
  // A record asked for again has its data-set loss.
  const ll::StepRecord again = lazy.record(7, false);
  CHECK(again.data_loss_known);
  CHECK(again.loss_after == eager.loss_at(7));
}

TEST_CASE("a lazy run on big data still stops a diverging η, at the latest where the rule looks") {
  // η = 1e4 on a stochastic sample: θ grows by orders of magnitude, the loss far past 100× its start.
  ll::Trainer t(big_blobs(), stochastic(1e4), ll::Params::row({0.0, 0.0, 0.0}));
  ll::StepRecord r;
  std::size_t steps = 0;
  for (; steps < 3 * ll::kLossCheckSteps; ++steps) {
    r = t.step(false, false);
    if (r.status != ll::StepStatus::Ok) break;
  }
  CHECK(r.status == ll::StepStatus::Diverged);
  CHECK(steps < ll::kLossCheckSteps);   // by step 1000 at the latest
  CHECK(t.current_step() == steps);
  // Every kept step has a finite θ: no NaN reached the history.
  for (std::size_t k = 0; k <= t.current_step(); ++k) CHECK(t.theta_at(k).all_finite());
}

TEST_CASE("small data sets and batch steps always have the data-set loss, asked or not") {
  ll::Settings batch;
  batch.mode = ll::BatchMode::Batch;
  ll::Trainer big_batch(big_blobs(), batch, ll::Params::row({0.0, 0.0, 0.0}));
  CHECK(big_batch.step(false, false).data_loss_known);   // the gradient's pass gives it
  ll::Trainer small(std::make_shared<const ll::Dataset>(ll::make_iris4()), stochastic(0.1),
                    ll::Params::row({0.1, 0.5, -0.1}));
  for (int k = 0; k < 5; ++k) CHECK(small.step(false, false).data_loss_known);
}
