// The history in bounded memory (issue 11): a long run keeps θ at checkpoints and its latest
// steps in full, and recomputes a step before them on demand. Every past step's θ, summary and
// record stay bit for bit what step() returned; stepping back there and forward replays the kept
// future; a new branch there keeps what came before; 10,000,000 steps hold under 64 MiB.
#include <doctest/doctest.h>

#include <cstddef>
#include <memory>
#include <vector>

#include "ll/dataset.h"
#include "ll/trainer.h"
#include "sanitizers.h"


namespace {

constexpr std::size_t kSteps = 100'000;        // three tails and more: most of it before the tail
constexpr std::size_t kChangeAt = 5'000, kPickedAt = 7'000;

ll::Settings shuffled_with_momentum() {
  ll::Settings s;
  s.mode = ll::BatchMode::MiniBatch;
  s.batch_size = 2;
  s.order = ll::Order::Shuffle;
  s.seed = 3;
  s.learning_rate = 0.05;
  s.momentum = 0.5;
  return s;
}

// A run with a settings change and a hand-picked batch on the way; `until` steps.
void run(ll::Trainer& t, std::size_t until, std::vector<ll::StepRecord>* kept = nullptr) {
  while (t.current_step() < until) {
    if (t.current_step() == kChangeAt) {
      ll::Settings faster = t.settings();
      faster.learning_rate = 0.08;
      t.set_settings(faster);
    }
    if (t.current_step() == kPickedAt) t.set_next_batch({3, 0});
    ll::StepRecord r = t.step(false);
    REQUIRE(r.status == ll::StepStatus::Ok);
    if (kept != nullptr) kept->push_back(std::move(r));
  }
}

std::shared_ptr<const ll::Dataset> iris4() { return std::make_shared<const ll::Dataset>(ll::make_iris4()); }

}  // namespace

TEST_CASE("a long run's past steps are recomputed bit for bit: θ, summaries and records") {
  ll::Trainer t(iris4(), shuffled_with_momentum(), ll::Params::row({0.1, 0.5, -0.1}));
  std::vector<ll::StepRecord> kept;
  run(t, kSteps, &kept);
  for (std::size_t k : {std::size_t{1}, std::size_t{2}, std::size_t{1023}, std::size_t{1024}, std::size_t{1025},
                        kChangeAt, kChangeAt + 1, kPickedAt + 1, std::size_t{40'000}, std::size_t{65'536},
                        kSteps - 1, kSteps}) {
    INFO("step " << k);
    const ll::StepRecord& was = kept[k - 1];
    CHECK(t.theta_at(k) == was.theta_after);
    CHECK(t.theta_at(k - 1) == was.theta_before);
    const ll::StepSummary s = t.summary(k);
    CHECK(s.batch_loss == was.batch_loss);
    CHECK(s.epoch == was.epoch);
    CHECK(s.gradient_norm == was.gradient.norm());
    CHECK(s.settings_index == (k > kChangeAt ? 1u : 0u));
    CHECK(t.loss_at(k) == was.loss_after);
    const ll::StepRecord again = t.record(k);
    CHECK(again.theta_after == was.theta_after);
    CHECK(again.velocity == was.velocity);
    CHECK(again.batch == was.batch);
    CHECK(again.explicit_batch == (k == kPickedAt + 1));
    REQUIRE(again.samples.size() == again.batch.size());
  }
  // Every step, in order: what a history-csv export or the loss curve reads.
  for (std::size_t k = 1; k <= kSteps; k += 97) CHECK(t.theta_at(k) == kept[k - 1].theta_after);
}

TEST_CASE("stepping back to a step before the tail and forward replays the kept future; a branch there keeps the past") {
  ll::Trainer t(iris4(), shuffled_with_momentum(), ll::Params::row({0.1, 0.5, -0.1}));
  std::vector<ll::StepRecord> kept;
  run(t, kSteps, &kept);
  const std::size_t branches = t.branches();
  t.seek(10'000);
  for (std::size_t k = 10'001; k <= 10'100; ++k) CHECK(t.step(false).theta_after == kept[k - 1].theta_after);
  CHECK(t.history_size() == kSteps);
  CHECK(t.branches() == branches);

  // A new η at step 20,000: the steps after it go, the steps before it stay as they were.
  t.seek(20'000);
  ll::Settings slower = t.settings();
  slower.learning_rate = 0.01;
  t.set_settings(slower);
  const ll::StepRecord branched = t.step(false);
  CHECK(t.history_size() == 20'001);
  CHECK(t.branches() == branches + 1);
  for (std::size_t k : {std::size_t{1}, kPickedAt + 1, std::size_t{19'999}, std::size_t{20'000}})
    CHECK(t.theta_at(k) == kept[k - 1].theta_after);
  // The same as a fresh run that changed η there.
  ll::Trainer fresh(iris4(), shuffled_with_momentum(), ll::Params::row({0.1, 0.5, -0.1}));
  run(fresh, 20'000);
  fresh.set_settings(slower);
  CHECK(fresh.step(false).theta_after == branched.theta_after);
  // And it goes on from there as far again, still exact.
  for (int k = 0; k < 40'000; ++k) t.step(false), fresh.step(false);
  CHECK(t.theta() == fresh.theta());
  CHECK(t.theta_at(30'000) == fresh.theta_at(30'000));
  CHECK(t.record(25'000).theta_after == fresh.record(25'000).theta_after);
}

TEST_CASE("10,000,000 steps keep under 64 MiB of history, growing with steps / 1024") {
  // Under AddressSanitizer a tenth of them (the same growth, measured the same way).
  const std::size_t steps = kAddressSanitizer ? 1'000'000 : 10'000'000;
  ll::Settings s;
  s.mode = ll::BatchMode::Stochastic;
  ll::Trainer t(iris4(), s, ll::Params::row({0.1, 0.5, -0.1}));
  std::size_t half_bytes = 0;
  for (std::size_t k = 1; k <= steps; ++k) {
    REQUIRE(t.step(false, false).status == ll::StepStatus::Ok);
    if (k == steps / 2) half_bytes = t.history_bytes();
  }
  const std::size_t bytes = t.history_bytes();
  MESSAGE("history of " << steps << " steps: " << bytes << " bytes");
  CHECK(bytes < 64u * 1024 * 1024);
  // The second half added about a checkpoint (under 200 bytes) per 1,024 steps: well under a byte a step.
  CHECK(bytes - half_bytes < steps / 2 / 4);
  // The first step is still there, exactly.
  ll::Trainer again(iris4(), s, ll::Params::row({0.1, 0.5, -0.1}));
  CHECK(t.theta_at(1) == again.step(false).theta_after);
}
