// Two runs side by side in the window (model/compare_run.h): run b steps with run a, follows it
// back and along the timeline, takes a's hand-picked batches, starts over with it, and its
// numbers are, bit for bit, those of a separate run with b's settings.
#include <doctest/doctest.h>

#include <memory>
#include <vector>

#include "model/app_state.h"
#include "model/compare_run.h"

using namespace ll;
using namespace ll::app;

namespace {

RunSpec iris_versicolor_virginica(BatchMode mode) {
  RunSpec spec;
  spec.data.source = "iris";
  spec.data.classes = {2, 3};
  spec.settings.mode = mode;
  spec.settings.order = Order::Shuffle;
  spec.settings.batch_size = 10;
  spec.settings.learning_rate = 0.1;
  spec.steps = 0;
  return spec;
}

CompareSpec with(const RunSpec& spec, void (*change)(Settings&), bool standardize) {
  CompareSpec b{spec.settings, standardize};
  change(b.settings);
  return b;
}

// A run of its own with b's settings (what `trace` with b's options does): its trainer.
std::unique_ptr<Trainer> separate_second_run(const RunSpec& spec) {
  const Run run = make_run(second_run(spec));
  return std::make_unique<Trainer>(run.data, run.settings, run.theta0);
}

void check_same_step(const StepRecord& x, const StepRecord& y) {
  CHECK(x.step == y.step);
  CHECK(x.batch == y.batch);
  CHECK(x.theta_before.values == y.theta_before.values);
  CHECK(x.gradient.values == y.gradient.values);
  CHECK(x.theta_after.values == y.theta_after.values);
  CHECK(x.loss_after == y.loss_after);
  REQUIRE(x.samples.size() == y.samples.size());
  for (std::size_t i = 0; i < x.samples.size(); ++i) {
    CHECK(x.samples[i].y_hat == y.samples[i].y_hat);
    CHECK(x.samples[i].dL_dz == y.samples[i].dL_dz);
  }
}

}  // namespace

TEST_CASE("run b steps with run a and every number equals a separate run with b's settings") {
  struct Case {
    BatchMode mode;
    void (*change)(Settings&);
    bool standardize;
  };
  for (const Case& c : {Case{BatchMode::Batch, [](Settings& s) { s.loss = Loss::MSE; }, false},
                        Case{BatchMode::Stochastic, [](Settings& s) { s.momentum = 0.9; }, false},
                        Case{BatchMode::MiniBatch, [](Settings& s) { s.learning_rate = 0.5; }, true},
                        Case{BatchMode::Stochastic, [](Settings& s) { s.mode = BatchMode::Batch; }, false}}) {
    CAPTURE(static_cast<int>(c.mode));
    RunSpec spec = iris_versicolor_virginica(c.mode);
    spec.compare = with(spec, c.change, c.standardize);
    spec.steps = 7;
    AppState s;
    REQUIRE(start_run(s, spec));
    REQUIRE(s.second);
    CHECK(s.trainer->current_step() == 7);
    CHECK(s.second->trainer->current_step() == 7);
    CHECK(second_run_label(s) != "the same settings");
    std::unique_ptr<Trainer> alone = separate_second_run(spec);
    for (std::size_t k = 1; k <= 7; ++k) {
      const StepRecord own = alone->step();
      check_same_step(s.second->trainer->record(k), own);
    }
    REQUIRE(second_shown_record(s));
    check_same_step(*second_shown_record(s), alone->record(7));
    // The curve b draws is its own history's.
    REQUIRE(second_loss_curve(s)->mean_loss.size() == 8);
    CHECK(second_loss_curve(s)->mean_loss[7] == *alone->loss_at(7));
  }
}

TEST_CASE("in stochastic and mini-batch modes both runs take the same samples in the same order") {
  RunSpec spec = iris_versicolor_virginica(BatchMode::MiniBatch);
  spec.compare = with(spec, [](Settings& s) { s.loss = Loss::MSE; s.momentum = 0.5; }, false);
  AppState s;
  REQUIRE(start_run(s, spec));
  for (int k = 0; k < 12; ++k) REQUIRE(step_forward(s));
  for (std::size_t k = 1; k <= 12; ++k) CHECK(s.trainer->record(k).batch == s.second->trainer->record(k).batch);
}

TEST_CASE("a batch picked by hand goes to both runs") {
  RunSpec spec = iris_versicolor_virginica(BatchMode::Stochastic);
  spec.compare = with(spec, [](Settings& s) { s.learning_rate = 1.0; }, false);
  AppState s;
  REQUIRE(start_run(s, spec));
  s.picked = {3, 17, 42};
  REQUIRE(step_forward(s));
  CHECK(s.trainer->record(1).batch == std::vector<std::size_t>{3, 17, 42});
  CHECK(s.second->trainer->record(1).batch == std::vector<std::size_t>{3, 17, 42});
}

TEST_CASE("run b follows run a back, along the timeline, and starts over with it") {
  RunSpec spec = iris_versicolor_virginica(BatchMode::Stochastic);
  spec.compare = with(spec, [](Settings& s) { s.loss = Loss::MSE; }, false);
  spec.steps = 10;
  AppState s;
  REQUIRE(start_run(s, spec));
  const Params b_at_10 = s.second->trainer->theta();
  step_back(s);
  CHECK(s.second->trainer->current_step() == 9);
  seek(s, 4);
  CHECK(s.second->trainer->current_step() == 4);
  CHECK(second_shown_record(s)->step == 4);
  // Forward again replays both histories.
  for (int k = 0; k < 6; ++k) REQUIRE(step_forward(s));
  CHECK(s.second->trainer->theta().values == b_at_10.values);
  CHECK(s.second->trainer->history_size() == 10);
  // A new θ₀: both start over from it.
  Params theta0 = s.theta0();
  theta0.values[0] = -1.5;
  change_theta0(s, theta0);
  REQUIRE(s.second);
  CHECK(s.second->trainer->current_step() == 0);
  CHECK(s.second->trainer->theta_at(0).values == theta0.values);
  reset_run(s);
  CHECK(s.second->trainer->theta_at(0).values == theta0.values);
  CHECK(s.spec.compare);
}

TEST_CASE("changing run b in the window catches it up to run a; ending it leaves one run") {
  RunSpec spec = iris_versicolor_virginica(BatchMode::Stochastic);
  spec.steps = 5;
  AppState s;
  REQUIRE(start_run(s, spec));
  CHECK_FALSE(s.second);
  const CompareSpec b = with(spec, [](Settings& x) { x.loss = Loss::MSE; }, false);
  REQUIRE(change_second_run(s, b));
  REQUIRE(s.second);
  CHECK(s.second->trainer->current_step() == 5);
  RunSpec both = spec;
  both.compare = b;
  std::unique_ptr<Trainer> alone = separate_second_run(both);
  for (int k = 0; k < 5; ++k) alone->step();
  CHECK(s.second->trainer->theta().values == alone->theta().values);
  CHECK(current_spec(s).compare == b);   // a saved scenario keeps it
  // Settings that do not fit the data are refused and the comparison stays as it was.
  CompareSpec wrong = b;
  wrong.settings.activation = Activation::Softmax;
  wrong.settings.loss = Loss::CCE;
  CHECK_FALSE(change_second_run(s, wrong));
  CHECK(s.status_is_error);
  REQUIRE(s.second);
  CHECK(s.second->spec == b);
  CHECK(change_second_run(s, std::nullopt));
  CHECK_FALSE(s.second);
  CHECK_FALSE(s.spec.compare);
}

TEST_CASE("when run b cannot take a step it stops there and run a goes on") {
  RunSpec spec;   // the slides' batch example
  spec.steps = 0;
  spec.compare = CompareSpec{spec.settings, false};
  spec.compare->settings.learning_rate = 1e300;   // b's first step overflows
  AppState s;
  REQUIRE(start_run(s, spec));
  REQUIRE(step_forward(s));
  REQUIRE(step_forward(s));
  CHECK(s.trainer->current_step() == 2);
  CHECK(s.second->trainer->current_step() < 2);
  CHECK(second_run_stop_note(s).find("run b stopped at step") == 0);
  // Back to where b still was: b is level again.
  seek(s, s.second->trainer->current_step());
  CHECK(second_run_stop_note(s).empty());
}

TEST_CASE("while run b is in view the state reads b, and a comes back after") {
  RunSpec spec;
  spec.steps = 2;
  spec.compare = CompareSpec{spec.settings, false};
  spec.compare->settings.loss = Loss::MSE;
  AppState s;
  REQUIRE(start_run(s, spec));
  const Params a = s.trainer->theta(), b = s.second->trainer->theta();
  REQUIRE(a.values != b.values);
  {
    SecondRunInView in_view(s);
    CHECK(s.trainer->theta().values == b.values);
    CHECK(s.settings().loss == Loss::MSE);
    REQUIRE(shown_record(s));
    CHECK(shown_record(s)->theta_after.values == b.values);
  }
  CHECK(s.trainer->theta().values == a.values);
  CHECK(shown_record(s)->theta_after.values == a.values);
}
