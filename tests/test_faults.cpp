// Training faults in plain words: a diverging η, separable data (‖θ‖ grows without bound), every
// sample the same, a constant feature under standardization, and never a "nan" on screen.
#include <doctest/doctest.h>
#include <unistd.h>

#include <cctype>
#include <cmath>
#include <fstream>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "approx.h"
#include "cli_runner.h"
#include "model/app_state.h"
#include "ll/dataset.h"
#include "ll/error.h"
#include "ll/number_format.h"
#include "ll/run_watch.h"
#include "ll/trainer.h"

namespace {

std::shared_ptr<const ll::Dataset> shared(ll::Dataset data) {
  return std::make_shared<const ll::Dataset>(std::move(data));
}

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

std::size_t count(const std::string& haystack, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
  return n;
}

// Any "nan" or "inf", in any case, even inside a word: stricter than needed, and no output here
// has a word that contains them.
bool mentions_nan(const std::string& text) {
  std::string lower;
  for (char c : text) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return contains(lower, "nan") || contains(lower, "inf");
}

std::string write_temp(const std::string& name, const std::string& text) {
  const std::string path = "/tmp/ll_faults_" + std::to_string(::getpid()) + "_" + name;
  std::ofstream(path) << text;
  return path;
}

ll::Settings settings_with(double learning_rate, ll::Loss loss = ll::Loss::BCE,
                           ll::Activation activation = ll::Activation::Sigmoid) {
  ll::Settings s;
  s.loss = loss;
  s.activation = activation;
  s.learning_rate = learning_rate;
  return s;
}

ll::Trainer trainer_on(const std::shared_ptr<const ll::Dataset>& data, const ll::Settings& s) {
  return ll::Trainer(data, s, ll::zero_params(s, *data));
}

struct Notice {
  std::size_t step;
  std::string text;
};

// Takes `steps` steps (without chains) and collects the notices; every step must be Ok.
std::vector<Notice> notices_over(ll::Trainer& trainer, std::size_t steps) {
  std::vector<Notice> out;
  std::size_t failed = 0;
  for (std::size_t k = 0; k < steps; ++k) {
    const ll::StepRecord r = trainer.step(false);
    failed += r.status != ll::StepStatus::Ok;
    if (!r.notice.empty()) out.push_back({r.step, r.notice});
  }
  CHECK(failed == 0);
  return out;
}

// Every number of a record as the window and the trace print it, and its message.
std::string formatted(const ll::StepRecord& r) {
  std::string s = ll::format_params(r.theta_before) + ll::format_params(r.gradient) +
                  ll::format_params(r.velocity) + ll::format_params(r.theta_after) +
                  ll::format_number(r.batch_loss) + r.message;
  for (const auto& loss : {r.loss_before, r.loss_after}) s += loss ? ll::format_number(*loss) : "undefined";
  for (const ll::SampleChain& c : r.samples)
    s += ll::format_vector(c.x) + ll::format_vector(c.z) + ll::format_vector(c.y_hat) + ll::format_number(c.loss) +
         ll::format_vector(c.dL_dyhat) + ll::format_vector(c.dyhat_dz) + ll::format_vector(c.dL_dz);
  return s;
}

}  // namespace

// [Data faults]

TEST_CASE("standardize names the feature, its column and the data set when a feature has one value in every sample") {
  ll::Dataset data = ll::read_csv_text("a,b,label\n1,5,0\n2,5,1\n3,5,0\n", "flat.csv");
  CHECK_THROWS_WITH_AS(ll::standardize(data), doctest::Contains("feature 2 ('b') of 'flat.csv'"), ll::InputError);
  CHECK_THROWS_WITH_AS(ll::standardize(data), doctest::Contains("has the same value (5) in every sample"), ll::InputError);
  CHECK_THROWS_WITH_AS(ll::standardize(data), doctest::Contains("leave it out with --features"), ll::InputError);
}

TEST_CASE("trace --standardize on a CSV with a constant column exits 2 with that message and prints no steps") {
  const std::string path = write_temp("flat.csv", "a,b,label\n1,5,0\n2,5,1\n3,5,0\n");
  const CliResult r = run_cli("trace --standardize --data " + path);
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  INFO("stderr: " << r.err);
  CHECK(contains(r.err, "logistic-lab trace: --standardize: feature 2 ('b') of '"));
  CHECK(contains(r.err, "has the same value (5) in every sample"));
  CHECK_FALSE(mentions_nan(r.err));
  std::remove(path.c_str());
}

TEST_CASE("data_notices says plainly when every sample has the same features, and names a constant feature") {
  const auto same = ll::data_notices(ll::read_csv_text("x1,x2,label\n2,3,0\n2,3,1\n2,3,1\n", "same.csv"));
  REQUIRE(same.size() == 1);
  CHECK(contains(same[0], "All 3 samples of 'same.csv' have the same features (x1 = 2, x2 = 3)"));
  CHECK(contains(same[0], "no boundary can separate them"));
  CHECK(contains(same[0], "The steps still run"));
  const auto one = ll::data_notices(ll::read_csv_text("a,b,label\n1,5,0\n2,5,1\n", "one.csv"));
  REQUIRE(one.size() == 1);
  CHECK(contains(one[0], "Feature 2 ('b') of 'one.csv' has the same value (5) in every sample"));
  CHECK(ll::data_notices(ll::make_iris4()).empty());
  CHECK(ll::data_notices(ll::make_iris6()).empty());
  CHECK(ll::data_notices(ll::make_blobs(200, 3.0, 1)).empty());
}

TEST_CASE("with every sample the same, the steps still run, each weight's gradient is x_j times the bias gradient, and ŷ tends to the share of class 1") {
  const auto data = shared(ll::read_csv_text("x1,x2,label\n2,3,0\n2,3,1\n2,3,1\n", "same.csv"));
  ll::Trainer trainer = trainer_on(data, settings_with(0.1));
  for (int k = 0; k < 5; ++k) {
    const ll::StepRecord r = trainer.step(true);
    REQUIRE(r.status == ll::StepStatus::Ok);
    const double g_b = r.gradient.values[0];  // ∂L/∂w_j = Σ (ŷ − y) x_j / m = x_j · ∂L/∂b
    CHECK_CLOSE(r.gradient.values[1], 2.0 * g_b, 1e-17, 1e-14);
    CHECK_CLOSE(r.gradient.values[2], 3.0 * g_b, 1e-17, 1e-14);
  }
  for (int k = 0; k < 3000; ++k) REQUIRE(trainer.step(false).status == ll::StepStatus::Ok);
  // The best shared ŷ is 2/3: the loss tends to −(2/3 log 2/3 + 1/3 log 1/3).
  const double entropy = -(2.0 / 3.0 * std::log(2.0 / 3.0) + 1.0 / 3.0 * std::log(1.0 / 3.0));
  REQUIRE(trainer.loss_at(trainer.current_step()).has_value());
  CHECK_NEAR(*trainer.loss_at(trainer.current_step()), entropy, 1e-6);
}

TEST_CASE("trace on a CSV whose samples are all the same notes it once on stderr and runs its steps") {
  const std::string path = write_temp("same.csv", "x1,x2,label\n2,3,0\n2,3,1\n2,3,1\n");
  const CliResult r = run_cli("trace --format csv --steps 3 --data " + path);
  CHECK(r.exit_code == 0);
  CHECK(count(r.out, "\n") == 4);  // the header and 3 steps
  INFO("stderr: " << r.err);
  CHECK(count(r.err, "logistic-lab trace: note: All 3 samples of '") == 1);
  std::remove(path.c_str());
}

// [Divergence]

TEST_CASE("η = 1e6 diverges at the first step on iris4 and on blobs, in plain words, and θ stays θ₀") {
  for (const auto& data : {shared(ll::make_iris4()), shared(ll::make_blobs(200, 3.0, 1))}) {
    CAPTURE(data->name);
    ll::Trainer trainer = trainer_on(data, settings_with(1e6));
    const ll::StepRecord r = trainer.step(true);
    CHECK(r.status == ll::StepStatus::Diverged);
    CHECK(contains(r.message, "Diverged at step 1: the mean loss jumped to "));
    CHECK(contains(r.message, "η = 1e+06 overshoots. The steps before it are kept; lower η and step again."));
    CHECK_FALSE(mentions_nan(r.message));
    CHECK(trainer.current_step() == 0);
    CHECK(trainer.history_size() == 0);
    CHECK(trainer.theta() == ll::zero_params(trainer.settings(), *data));
  }
}

TEST_CASE("a run diverging at step 2 keeps step 1 bit for bit, steps back, and goes on with a smaller η") {
  ll::Trainer trainer(shared(ll::make_iris4()), settings_with(100.0), ll::Params::row({0.1, 0.5, -0.1}));
  const ll::StepRecord first = trainer.step(true);
  REQUIRE(first.status == ll::StepStatus::Ok);
  const ll::StepRecord second = trainer.step(true);
  CHECK(second.status == ll::StepStatus::Diverged);
  CHECK(contains(second.message, "Diverged at step 2"));
  CHECK(trainer.current_step() == 1);
  CHECK(trainer.history_size() == 1);
  CHECK(trainer.theta() == first.theta_after);
  const ll::StepRecord again = trainer.record(1);
  CHECK(again.theta_after == first.theta_after);
  CHECK(again.loss_after == first.loss_after);
  CHECK(trainer.step_back());
  CHECK(trainer.current_step() == 0);
  CHECK_FALSE(trainer.failure().has_value());
  CHECK_FALSE(trainer.step_back());
  trainer.seek(1);
  trainer.set_settings(settings_with(0.1));
  const ll::StepRecord next = trainer.step(false);
  CHECK(next.status == ll::StepStatus::Ok);
  CHECK(next.step == 2);
  CHECK(next.theta_before == first.theta_after);
}

TEST_CASE("a loss that overflows to ∞ − ∞ (softmax at η = 1e308) is a divergence, not an undefined loss the run carries on from") {
  ll::DataOptions o;
  o.source = "iris";
  const auto data = shared(ll::load_dataset(o));
  ll::Trainer trainer = trainer_on(data, settings_with(1e308, ll::Loss::CCE, ll::Activation::Softmax));
  const ll::StepRecord r = trainer.step(false);
  CHECK(r.status == ll::StepStatus::Diverged);
  CHECK(contains(r.message, "too large to hold as a number"));
  CHECK_FALSE(r.loss_after.has_value());
  CHECK(trainer.current_step() == 0);
}

TEST_CASE("trace of a diverging run exits 3 after printing the steps before it, with no nan or inf in text, CSV or JSON") {
  const std::string huge = write_temp("huge.csv", "a,label\n1e200,0\n-1e200,1\n");  // θ itself overflows
  struct Case { std::string args, diverged_at; };
  const Case cases[] = {
      {"--lr 100", "Diverged at step 2"},
      {"--data blobs --lr 1e6", "Diverged at step 1"},
      {"--lr 1e308", "Diverged at step 1"},
      {"--data iris --activation softmax --loss cce --lr 1e308", "Diverged at step 1"},
      {"--data " + huge + " --lr 1e200", "the update made θ too large to hold as a number"},
  };
  for (const Case& c : cases)
    for (const std::string format : {"text", "csv", "json"}) {
      CAPTURE(c.args);
      CAPTURE(format);
      const CliResult r = run_cli("trace --steps 5 --format " + format + " " + c.args);
      CHECK(r.exit_code == 3);
      CHECK(contains(r.err, c.diverged_at));
      CHECK_FALSE(mentions_nan(r.out));
      CHECK_FALSE(mentions_nan(r.err));
      if (c.diverged_at != "Diverged at step 2") continue;
      if (format == "text") CHECK((contains(r.out, "Step 1 ·") && contains(r.out, "Step 2 ·") && contains(r.out, "DIVERGED")));
      if (format == "csv") CHECK(count(r.out, "\n") == 3);  // the header, step 1, step 2
      if (format == "json") CHECK((count(r.out, "\"status\":\"ok\"") == 1 && count(r.out, "\"status\":\"diverged\"") == 1));
    }
  std::remove(huge.c_str());
}

TEST_CASE("every number of a diverged record formats as a number or a word, never as nan or inf") {
  CHECK(ll::format_number(std::numeric_limits<double>::quiet_NaN()) == "undefined");
  CHECK(ll::format_number(std::numeric_limits<double>::infinity()) == "∞");
  CHECK(ll::format_number(-std::numeric_limits<double>::infinity()) == "−∞");
  // θ overflows: x = ±1e200 and η = 1e200 make the update −η·∇ too large for a double.
  const auto huge = shared(ll::read_csv_text("a,label\n1e200,0\n-1e200,1\n", "huge.csv"));
  ll::Trainer overflow = trainer_on(huge, settings_with(1e200));
  const ll::StepRecord r1 = overflow.step(true);
  REQUIRE(r1.status == ll::StepStatus::Diverged);
  CHECK(contains(formatted(r1), "∞"));
  ll::DataOptions o;
  o.source = "iris";
  ll::Trainer softmax = trainer_on(shared(ll::load_dataset(o)), settings_with(1e308, ll::Loss::CCE, ll::Activation::Softmax));
  ll::Trainer iris4(shared(ll::make_iris4()), settings_with(1e6), ll::Params::row({0.1, 0.5, -0.1}));
  const ll::StepRecord records[] = {r1, softmax.step(true), iris4.step(true)};
  for (const ll::StepRecord& r : records) {
    CAPTURE(r.message);
    CHECK(r.status == ll::StepStatus::Diverged);
    CHECK_FALSE(r.samples.empty());
    const std::string text = formatted(r);
    INFO(text);
    CHECK_FALSE(mentions_nan(text));
  }
}

// [Separable data: ‖θ‖ grows without bound]

TEST_CASE("turn_degrees is 0 for θ scaled up, 90 for orthogonal θ, and NaN for a zero θ") {
  const ll::Params a = ll::Params::row({-5.0, 2.0, 0.0});
  CHECK_NEAR(ll::turn_degrees(a, ll::Params::row({-10.0, 4.0, 0.0})), 0.0, 1e-6);
  CHECK_NEAR(ll::turn_degrees(a, ll::Params::row({2.0, 5.0, 1.0})), 90.0, 1e-12);
  CHECK(std::isnan(ll::turn_degrees(a, ll::Params::row({0.0, 0.0, 0.0}))));
}

TEST_CASE("every_sample_classified is true only when each sample is strictly on its own class's side") {
  const ll::Dataset iris4 = ll::make_iris4();  // petal lengths 1.4, 1.5 (class 0), 3.0, 4.1 (class 1)
  CHECK(ll::every_sample_classified(iris4, ll::Params::row({-5.0, 2.0, 0.0}), ll::Activation::Sigmoid));
  CHECK_FALSE(ll::every_sample_classified(iris4, ll::Params::row({-6.5, 2.0, 0.0}), ll::Activation::Sigmoid));  // z(3.0) = −0.5
  CHECK_FALSE(ll::every_sample_classified(iris4, ll::Params::row({-6.0, 2.0, 0.0}), ll::Activation::Sigmoid));  // z(3.0) = 0: on the line
  ll::Params rows(2, 3, 0.0);  // softmax: row 1 − row 0 = [−5, 2, 0]
  rows.at(1, 0) = -5.0;
  rows.at(1, 1) = 2.0;
  CHECK(ll::every_sample_classified(iris4, rows, ll::Activation::Softmax));
  rows.at(1, 0) = -6.5;
  CHECK_FALSE(ll::every_sample_classified(iris4, rows, ll::Activation::Softmax));
}

TEST_CASE("separable_notice speaks only when the loss fell and is small, ‖θ‖ grew, θ barely turned and every sample is right") {
  const ll::Dataset iris4 = ll::make_iris4();
  const ll::Settings bce = settings_with(0.1);
  const ll::Params then = ll::Params::row({-5.0, 2.0, 0.0}), now = ll::Params::row({-5.5, 2.2, 0.0});
  const std::string said = ll::separable_notice(iris4, bce, {then, 0.05}, {now, 0.04});
  CHECK(contains(said, "The classes are linearly separable: every sample is classified correctly"));
  CHECK(contains(said, "‖θ‖ = " + ll::format_number(now.norm())));
  CHECK(contains(said, "More steps change nothing you can see"));
  CHECK(ll::separable_notice(iris4, bce, {then, 0.04}, {now, 0.05}).empty());   // the loss rose
  CHECK(ll::separable_notice(iris4, bce, {then, 0.6}, {now, 0.5}).empty());     // not small yet
  CHECK(ll::separable_notice(iris4, bce, {now, 0.05}, {then, 0.04}).empty());   // ‖θ‖ shrank
  CHECK(ll::separable_notice(iris4, bce, {then, 0.05}, {ll::Params::row({-5.5, 2.2, 0.5}), 0.04}).empty());  // turned ~5°
  CHECK(ll::separable_notice(iris4, bce, {ll::Params::row({-6.5, 2.0, 0.0}), 0.05},
                             {ll::Params::row({-7.15, 2.2, 0.0}), 0.04}).empty());  // sample 3 on the wrong side
  CHECK(ll::separable_notice(iris4, settings_with(0.1, ll::Loss::MSE, ll::Activation::Tanh), {then, 0.05},
                             {now, 0.004}).empty());  // tanh: not watched
  CHECK(ll::separable_notice(iris4, bce, {then, std::nan("")}, {now, 0.04}).empty());
}

TEST_CASE("on iris4 at η = 0.1 the trainer says once, within 20,000 steps, that the classes are separable, and the run goes on") {
  ll::Trainer trainer(shared(ll::make_iris4()), settings_with(0.1), ll::Params::row({0.1, 0.5, -0.1}));
  const std::vector<Notice> said = notices_over(trainer, 20000);
  REQUIRE(said.size() == 1);
  CHECK(said[0].step % ll::kWatchWindow == 0);
  CHECK(contains(said[0].text, "The classes are linearly separable"));
  CHECK(contains(said[0].text, "‖θ‖ = " + ll::format_number(trainer.theta_at(said[0].step).norm())));
  CHECK_FALSE(mentions_nan(said[0].text));
  CHECK(trainer.record(said[0].step, false).notice == said[0].text);
  CHECK(trainer.record(said[0].step - 1, false).notice.empty());
  CHECK(trainer.record(said[0].step + ll::kWatchWindow, false).notice.empty());
}

TEST_CASE("blobs with separation 8 and softmax on iris4 get the notice; blobs with separation 1 and iris versicolor vs virginica do not") {
  ll::Trainer separable = trainer_on(shared(ll::make_blobs(200, 8.0, 1)), settings_with(0.1));
  CHECK(notices_over(separable, 30000).size() == 1);
  ll::Trainer softmax(shared(ll::make_iris4()), settings_with(0.1, ll::Loss::CCE, ll::Activation::Softmax),
                      ll::Params(2, 3, 0.0));
  const std::vector<Notice> k2 = notices_over(softmax, 20000);
  REQUIRE(k2.size() == 1);
  CHECK(contains(k2[0].text, "the boundary has stopped turning"));
  ll::Trainer overlapping = trainer_on(shared(ll::make_blobs(200, 1.0, 1)), settings_with(0.1));
  CHECK(notices_over(overlapping, 30000).empty());
  ll::DataOptions o;
  o.source = "iris";
  o.classes = {2, 3};  // versicolor vs virginica by petal length and width: a few overlap
  ll::Trainer iris23 = trainer_on(shared(ll::load_dataset(o)), settings_with(0.1));
  CHECK(notices_over(iris23, 30000).empty());
}

TEST_CASE("replaying past the notice says it again on the same step; a new branch with new settings decides afresh") {
  ll::Trainer trainer(shared(ll::make_iris4()), settings_with(0.1), ll::Params::row({0.1, 0.5, -0.1}));
  const std::vector<Notice> first = notices_over(trainer, 8000);
  REQUIRE(first.size() == 1);
  const std::size_t at = first[0].step;
  trainer.seek(at - 10);
  const std::vector<Notice> replayed = notices_over(trainer, 20);
  REQUIRE(replayed.size() == 1);
  CHECK(replayed[0].step == at);
  CHECK(replayed[0].text == first[0].text);
  trainer.seek(at - 500);
  trainer.set_settings(settings_with(0.2));  // a new segment: its window must lie wholly inside it
  const std::vector<Notice> branch = notices_over(trainer, 3000);
  CHECK(trainer.record(at, false).notice.empty());  // the old future went with its notice
  REQUIRE(branch.size() == 1);
  CHECK(branch[0].step > at);
  CHECK(branch[0].step % ll::kWatchWindow == 0);
}

TEST_CASE("trace notes the separable data once on stderr, with its step, and exits 0") {
  const CliResult r = run_cli("trace --lr 0.1 --steps 20000 --every 20000 --no-samples --format csv");
  CHECK(r.exit_code == 0);
  INFO("stderr: " << r.err);
  CHECK(count(r.err, "logistic-lab trace: note: step ") == 1);
  CHECK(contains(r.err, "000: The classes are linearly separable"));
  CHECK(count(r.out, "\n") == 2);  // the header and step 20,000
}

TEST_CASE("the window shows the separable notice and the data notice in the status, not as errors") {
  ll::app::AppState s;
  ll::app::RunSpec o;
  o.settings.learning_rate = 0.1;
  o.steps = 0;
  REQUIRE(ll::app::start_run(s, o));
  ll::app::run_steps(s, 8000);
  CHECK(contains(s.status, "The classes are linearly separable"));
  CHECK_FALSE(s.status_is_error);
  CHECK(ll::app::step_forward(s));
  CHECK(contains(s.status, "Step 8001"));
  const std::string path = write_temp("same_app.csv", "x1,x2,label\n2,3,0\n2,3,1\n2,3,1\n");
  o.data.source = path;
  REQUIRE(ll::app::start_run(s, o));
  CHECK(contains(s.status, "Note: All 3 samples"));
  CHECK_FALSE(s.status_is_error);
  std::remove(path.c_str());
}

TEST_CASE("Play pauses at the separable notice so that it stays in the status") {
  ll::app::AppState s;
  ll::app::RunSpec o;
  o.settings.learning_rate = 0.1;
  o.steps = 4990;
  REQUIRE(ll::app::start_run(s, o));
  s.playing = true;
  s.steps_per_second = 5000;
  for (int frame = 0; frame < 200 && s.playing; ++frame) ll::app::advance_play(s, 0.01);
  CHECK_FALSE(s.playing);
  CHECK(contains(s.status, "The classes are linearly separable"));
  CHECK(contains(s.status, "Play paused."));
  CHECK_FALSE(s.status_is_error);
}
