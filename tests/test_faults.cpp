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
#include "ll/dataset.h"
#include "ll/error.h"
#include "ll/number_format.h"
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
