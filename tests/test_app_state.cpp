// The window's actions without the window: stepping, stepping back, branches, settings changes,
// picked batches and the loss curve kept in step with the history.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>

#include "approx.h"
#include "ll/number_format.h"
#include "model/app_state.h"

using namespace ll;
using namespace ll::app;

namespace {

AppState started(BatchMode mode = BatchMode::Batch) {
  AppState s;
  RunSpec o;
  o.settings.mode = mode;
  o.steps = 0;
  REQUIRE(start_run(s, o));
  return s;
}

}  // namespace

TEST_CASE("the window starts on the slides' batch example and its first step matches the reference") {
  AppState s = started();
  CHECK(s.trainer->current_step() == 0);
  CHECK(loss_curve(s).mean_loss.size() == 1);
  CHECK_NEAR(loss_curve(s).mean_loss[0], 0.669262, 5e-7);
  REQUIRE(step_forward(s));
  REQUIRE(shown_record(s));
  CHECK(shown_record(s)->samples.size() == 4);
  CHECK_NEAR(shown_record(s)->theta_after.values[0], 0.097298, 5e-7);
  CHECK(loss_curve(s).mean_loss.size() == 2);
  CHECK_NEAR(loss_curve(s).mean_loss[1], 0.667943, 5e-7);
  CHECK(loss_curve(s).batch_low.size() == 1);
}

TEST_CASE("stepping back and forward replays the same steps and keeps the loss curve") {
  AppState s = started(BatchMode::MiniBatch);
  run_steps(s, 6);
  const std::vector<double> curve = loss_curve(s).mean_loss;
  step_back(s);
  step_back(s);
  CHECK(s.trainer->current_step() == 4);
  CHECK(shown_record(s)->step == 4);
  CHECK(loss_curve(s).mean_loss == curve);          // the kept future is still drawn
  REQUIRE(step_forward(s));
  REQUIRE(step_forward(s));
  CHECK(loss_curve(s).mean_loss == curve);
  CHECK(s.trainer->history_size() == 6);
}

TEST_CASE("a changed setting applies from the next step, keeps the history and marks the curve") {
  AppState s = started();
  run_steps(s, 3);
  Settings faster = s.settings();
  faster.learning_rate = 0.5;
  change_settings(s, faster);
  CHECK_FALSE(s.status_is_error);
  REQUIRE(step_forward(s));
  CHECK(s.trainer->history_size() == 4);
  REQUIRE(loss_curve(s).setting_marks.size() == 1);
  CHECK(loss_curve(s).setting_marks[0] == 3.0);
  // step 4 used η = 0.5: θ₄ = θ₃ − 0.5·∇L(θ₃)
  const Params before = s.trainer->theta_at(3);
  const StepRecord r = s.trainer->record(4, false);
  for (std::size_t k = 0; k < before.size(); ++k)
    CHECK(r.theta_after.values[k] == before.values[k] - 0.5 * r.gradient.values[k]);
}

TEST_CASE("stepping from a past step with new settings asks first, then starts a new branch") {
  AppState s = started();
  run_steps(s, 5);
  for (int k = 0; k < 3; ++k) step_back(s);
  Settings other = s.settings();
  other.learning_rate = 1.0;
  change_settings(s, other);
  // The step would drop steps 3…5: it is not taken until the user agrees.
  CHECK(steps_dropped_by_next_step(s) == 3);
  CHECK_FALSE(step_forward(s));
  CHECK(s.confirm_discard);
  CHECK(s.trainer->history_size() == 5);
  CHECK(s.trainer->current_step() == 2);
  cancel_discard(s);
  CHECK_FALSE(s.confirm_discard);
  CHECK(s.trainer->history_size() == 5);
  s.playing = true;  // Play asks too, and pauses while asking
  advance_play(s, 1.0);
  CHECK_FALSE(s.playing);
  CHECK(s.confirm_discard);
  CHECK(s.trainer->history_size() == 5);
  confirm_discard_and_step(s);
  CHECK(s.trainer->history_size() == 3);
  CHECK(loss_curve(s).mean_loss.size() == 4);
  CHECK(loss_curve(s).mean_loss[3] == *s.trainer->loss_at(3));
}

TEST_CASE("stepping from a past step with nothing changed replays the kept steps without asking") {
  AppState s = started();
  run_steps(s, 4);
  const Params theta3 = s.trainer->theta_at(3);
  seek(s, 1);
  CHECK(steps_dropped_by_next_step(s) == 0);
  REQUIRE(step_forward(s));
  REQUIRE(step_forward(s));
  CHECK_FALSE(s.confirm_discard);
  CHECK(s.trainer->history_size() == 4);
  CHECK(s.trainer->theta() == theta3);
  s.picked = {0};  // a picked batch changes the step: asks
  CHECK(steps_dropped_by_next_step(s) == 1);
  CHECK_FALSE(step_forward(s));
  CHECK(s.confirm_discard);
}

TEST_CASE("picked samples form the next step's batch, then picking clears") {
  AppState s = started();
  s.picked = {1, 3};   // the slides' mini-batch: samples 2 and 4
  REQUIRE(step_forward(s));
  CHECK(shown_record(s)->explicit_batch);
  CHECK(shown_record(s)->batch == std::vector<std::size_t>{1, 3});
  CHECK_NEAR(shown_record(s)->gradient.values[0], 0.289618, 5e-7);
  CHECK(s.picked.empty());
}

TEST_CASE("switching to softmax starts over with one row of θ per class") {
  AppState s = started();
  run_steps(s, 2);
  Settings soft = s.settings();
  soft.activation = Activation::Softmax;
  soft.loss = Loss::CCE;
  change_settings(s, soft);
  CHECK(s.trainer->current_step() == 0);
  CHECK(s.theta0().rows == 2);
  CHECK(s.settings().activation == Activation::Softmax);
}

TEST_CASE("an undefined combination is refused with a message and the run is kept") {
  AppState s = started();
  run_steps(s, 2);
  Settings bad = s.settings();
  bad.loss = Loss::CCE;   // CCE needs softmax
  change_settings(s, bad);
  CHECK(s.status_is_error);
  CHECK(s.status.find("softmax") != std::string::npos);
  CHECK(s.settings().loss == Loss::BCE);
  CHECK(s.trainer->current_step() == 2);
}

TEST_CASE("a diverging step stops Play, keeps the steps before it and shows the message") {
  AppState s;
  RunSpec o;
  o.settings.learning_rate = 1e6;
  REQUIRE(start_run(s, o));   // one step by default
  s.playing = true;
  CHECK_FALSE(step_forward(s));
  CHECK_FALSE(s.playing);
  CHECK(s.status_is_error);
  CHECK(shown_record(s)->status == StepStatus::Diverged);
  CHECK(s.trainer->current_step() == 0);
}

TEST_CASE("a bad data file keeps the run that was open") {
  AppState s = started();
  run_steps(s, 2);
  RunSpec o = s.spec;
  o.data.source = "/nonexistent/flowers.csv";
  CHECK_FALSE(start_run(s, o));
  CHECK(s.status_is_error);
  CHECK(s.status.find("/nonexistent/flowers.csv") != std::string::npos);
  CHECK(s.trainer->current_step() == 2);
  CHECK(s.data().name == "iris4");
}

TEST_CASE("Play takes the steps owed by the elapsed time") {
  AppState s = started(BatchMode::Stochastic);
  s.playing = true;
  s.steps_per_second = 100;
  advance_play(s, 0.105);   // 10.5 steps owed: 10 now, half a step carried
  CHECK(s.trainer->current_step() == 10);
  advance_play(s, 0.005);
  CHECK(s.trainer->current_step() == 11);
  CHECK(shown_record(s)->step == 11);
}

TEST_CASE("the loss curve is read from the trainer's history: a new branch drops the old future from it") {
  AppState s = started();
  run_steps(s, 5);
  CHECK(loss_curve(s).mean_loss.size() == 6);
  for (std::size_t k = 1; k <= 5; ++k) CHECK(loss_curve(s).mean_loss[k] == *s.trainer->summary(k).loss_after);
  seek(s, 2);
  Settings faster = s.settings();
  faster.learning_rate = 0.5;
  change_settings(s, faster);
  s.discard_allowed = true;       // as the "drop them and step" answer does
  REQUIRE(step_forward(s));
  CHECK(s.trainer->history_size() == 3);
  CHECK(loss_curve(s).mean_loss.size() == 4);
  CHECK(loss_curve(s).mean_loss[3] == *s.trainer->summary(3).loss_after);
  CHECK(loss_curve(s).setting_marks == std::vector<double>{2.0});
}

TEST_CASE("current_spec is what a scenario saves: the settings in force, θ₀, the steps, the view") {
  // (A scenario holds one set of settings: those in force, from the first step.)
  AppState s = started();
  Settings changed = s.settings();
  changed.momentum = 0.5;
  change_settings(s, changed);
  run_steps(s, 3);
  s.light_theme = true;
  s.lesson_title = "Momentum";
  const RunSpec spec = current_spec(s);
  CHECK(spec.settings == changed);
  REQUIRE(spec.theta0);
  CHECK(*spec.theta0 == s.trainer->theta_at(0));
  CHECK(spec.steps == 3);
  REQUIRE(spec.view);
  CHECK(spec.view->theme == Theme::Light);
  CHECK(spec.view->title == "Momentum");
  AppState again;
  REQUIRE(start_run(again, spec));
  CHECK(again.trainer->theta() == s.trainer->theta());
}

TEST_CASE("the shown step is the failed one until a step back, then the kept step") {
  AppState s = started();
  run_steps(s, 2);
  Settings wild = s.settings();
  wild.learning_rate = 1e6;
  change_settings(s, wild);
  CHECK_FALSE(step_forward(s));
  REQUIRE(shown_record(s));
  CHECK(shown_record(s)->status == StepStatus::Diverged);
  step_back(s);
  REQUIRE(shown_record(s));
  CHECK(shown_record(s)->status == StepStatus::Ok);
  CHECK(shown_record(s)->step == 1);
  CHECK(shown_record(s)->samples.size() == 4);
}

TEST_CASE("in the window a long Run N is taken a slice a frame, shows its progress and can be cancelled") {
  AppState s = started(BatchMode::Stochastic);
  s.work_in_slices = true;
  run_steps(s, 200000);
  CHECK(s.trainer->current_step() == 0);   // queued, not taken: the frame goes on
  CHECK(s.queued_total == 200000);
  advance_queued_steps(s, 0.002);          // one short slice
  const std::size_t after_one = s.trainer->current_step();
  CHECK(after_one >= 1);
  CHECK(after_one < 200000);
  CHECK(s.queued_steps == 200000 - after_one);
  REQUIRE(shown_record(s) != nullptr);
  CHECK(shown_record(s)->step == after_one);   // the slice's last step is the one shown
  cancel_queued_steps(s);
  CHECK(s.queued_steps == 0);
  CHECK(s.trainer->current_step() == after_one);   // what was taken stays
  CHECK(s.status == "Stopped after " + format_count(after_one) + " of 200,000 steps, at step " +
                        format_count(after_one) + ".");
  // The same steps as taken at once: a slice boundary changes nothing.
  AppState at_once = started(BatchMode::Stochastic);
  run_steps(at_once, after_one);
  CHECK(at_once.trainer->theta() == s.trainer->theta());
  // Run to the end: slices until nothing is queued.
  run_steps(s, 500);
  for (int frame = 0; frame < 10000 && s.queued_steps > 0; ++frame) advance_queued_steps(s, 0.01);
  CHECK(s.trainer->current_step() == after_one + 500);
  // A new run drops what the old one had queued.
  run_steps(s, 1000);
  reset_run(s);
  CHECK(s.queued_steps == 0);
}

TEST_CASE("the loss curve keeps what it draws: a point every stride steps, the batch loss's low and high") {
  AppState s = started(BatchMode::Stochastic);
  run_steps(s, 300'000);
  const LossCurve& c = loss_curve(s);
  CHECK(c.steps == 300'000);
  CHECK(c.stride == 8);                                   // 300,000 / 8 points fit in 65,536
  CHECK(c.mean_loss.size() <= kMostCurvePoints + 1);
  CHECK(c.mean_loss.size() == 300'000 / 8 + 1);
  CHECK(c.batch_low.size() == 300'000 / 8);
  for (std::size_t i : {std::size_t{0}, std::size_t{1}, std::size_t{4'097}, c.mean_loss.size() - 1})
    CHECK(c.mean_loss[i] == *s.trainer->loss_at(i * c.stride));
  for (std::size_t i : {std::size_t{0}, std::size_t{777}, c.batch_low.size() - 1}) {
    double low = INFINITY, high = -INFINITY;
    for (std::size_t k = i * 8 + 1; k <= (i + 1) * 8; ++k) {
      low = std::min(low, s.trainer->summary(k).batch_loss);
      high = std::max(high, s.trainer->summary(k).batch_loss);
    }
    CHECK(c.batch_low[i] == low);
    CHECK(c.batch_high[i] == high);
  }
  // Any one step's losses, exactly, between the points too.
  CHECK(mean_loss_at(s, 123'457) == *s.trainer->loss_at(123'457));
  CHECK(*batch_loss_at(s, 123'457) == s.trainer->summary(123'457).batch_loss);
  CHECK_FALSE(batch_loss_at(s, 0));
}
