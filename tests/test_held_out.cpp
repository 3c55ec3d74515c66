// Held-out data (--test-fraction): the stratified, seeded split; standardization from the training
// part alone; the test loss, accuracy and confusion matrix against counts and sums worked out here;
// the trace's JSON keys and history-CSV columns; scenario files; the window's test curve.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "approx.h"
#include "cli_runner.h"
#include "json_lines.h"
#include "ll/assets.h"
#include "ll/error.h"
#include "ll/held_out.h"
#include "ll/predict.h"
#include "model/app_state.h"
#include "model/held_out_view.h"
#include "run/scenario.h"

using namespace ll;

namespace {

// n samples, x1 = i (every sample its own value, so the parts can be traced back), x2 = i², the
// classes of the given sizes in turn.
Dataset numbered(const std::vector<std::size_t>& class_sizes) {
  Dataset d;
  d.name = "numbered";
  d.feature_names = {"x1", "x2"};
  d.columns.assign(2, {});
  for (std::size_t c = 0; c < class_sizes.size(); ++c) {
    d.class_names.push_back("class " + std::to_string(c));
    for (std::size_t k = 0; k < class_sizes[c]; ++k) {
      const double i = static_cast<double>(d.rows());
      d.columns[0].push_back(i);
      d.columns[1].push_back(i * i / 100.0);
      d.labels.push_back(static_cast<int>(c));
    }
  }
  return d;
}

std::size_t count_of(const Dataset& d, int label) {
  return static_cast<std::size_t>(std::count(d.labels.begin(), d.labels.end(), label));
}

// BCE of one sample, worked out here: −log σ(z) = log(1 + e^(−z)) for y = 1, log(1 + e^z) for y = 0.
double bce(double z, int y) {
  const double t = y == 1 ? -z : z;
  return std::max(t, 0.0) + std::log1p(std::exp(-std::abs(t)));
}

DataOptions iris_split(double fraction, std::uint64_t seed, bool standardize) {
  DataOptions o;
  o.source = "iris";
  o.classes = {2, 3};
  o.test_fraction = fraction;
  o.split_seed = seed;
  o.standardize = standardize;
  return o;
}

}  // namespace

TEST_CASE("the split is stratified: round(f·n) of each class held out, the order kept, every sample in one part") {
  const Dataset d = numbered({20, 7, 3});
  const TrainTest parts = split_train_test(d, 0.3, 5);
  // round(0.3·20) = 6, round(0.3·7) = round(2.1) = 2, round(0.3·3) = round(0.9) = 1.
  CHECK(count_of(parts.test, 0) == 6);
  CHECK(count_of(parts.test, 1) == 2);
  CHECK(count_of(parts.test, 2) == 1);
  CHECK(count_of(parts.train, 0) == 14);
  CHECK(count_of(parts.train, 1) == 5);
  CHECK(count_of(parts.train, 2) == 2);
  std::vector<double> all;
  for (const Dataset* part : {&parts.train, &parts.test}) {
    CHECK(std::is_sorted(part->columns[0].begin(), part->columns[0].end()));   // the order kept
    for (std::size_t i = 0; i < part->rows(); ++i) {
      const double x = part->x(i, 0);
      all.push_back(x);
      // Each sample keeps its own features and label.
      CHECK(part->x(i, 1) == x * x / 100.0);
      CHECK(part->labels[i] == d.labels[static_cast<std::size_t>(x)]);
    }
  }
  std::sort(all.begin(), all.end());
  CHECK(all == d.columns[0]);   // a partition: nothing lost, nothing twice
  CHECK(parts.test.class_names == d.class_names);
  CHECK(parts.test.feature_names == d.feature_names);
}

TEST_CASE("the split is the same for the same seed and another for another seed") {
  const Dataset d = numbered({50, 50});
  const TrainTest a = split_train_test(d, 0.2, 1), again = split_train_test(d, 0.2, 1), other = split_train_test(d, 0.2, 2);
  CHECK(a.test.columns == again.test.columns);
  CHECK(a.test.columns != other.test.columns);
  CHECK(other.test.rows() == a.test.rows());
  // Held out from across each class, not its first samples.
  CHECK(a.test.columns[0] != std::vector<double>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59});
}

TEST_CASE("every class keeps a training sample, and a fraction out of range or too small is refused by name") {
  const TrainTest most = split_train_test(numbered({2, 1, 10}), 0.9, 3);
  CHECK(count_of(most.train, 0) == 1);   // round(1.8) = 2, capped at 2 − 1
  CHECK(count_of(most.train, 1) == 1);   // a class of one is never held out
  CHECK(count_of(most.train, 2) == 1);
  const Dataset d = numbered({3, 3});
  for (double bad : {-0.1, 0.95, 1.0, std::nan("")})
    CHECK_THROWS_WITH_AS(split_train_test(d, bad, 1), doctest::Contains("--test-fraction"), InputError);
  CHECK_THROWS_WITH_AS(split_train_test(d, 0.1, 1), doctest::Contains("holds out no sample"), InputError);
  CHECK(split_train_test(d, 0.0, 1).test.rows() == 0);
}

TEST_CASE("standardized, the test part is scaled with the training part's mean and spread, not its own") {
  const TrainTest raw = load_train_test(iris_split(0.3, 7, false));
  const TrainTest scaled = load_train_test(iris_split(0.3, 7, true));
  REQUIRE(raw.test.rows() == 30);
  REQUIRE(scaled.test.rows() == 30);
  for (std::size_t j = 0; j < raw.train.features(); ++j) {
    // The training part's population mean and standard deviation, summed here.
    double sum = 0.0, squares = 0.0;
    for (double v : raw.train.columns[j]) sum += v;
    const double mean = sum / static_cast<double>(raw.train.rows());
    for (double v : raw.train.columns[j]) squares += (v - mean) * (v - mean);
    const double sd = std::sqrt(squares / static_cast<double>(raw.train.rows()));
    CHECK_NEAR(scaled.train.feature_mean[j], mean, 1e-13);
    CHECK_NEAR(scaled.train.feature_stddev[j], sd, 1e-13);
    CHECK(scaled.test.feature_mean[j] == scaled.train.feature_mean[j]);
    for (std::size_t i = 0; i < raw.test.rows(); ++i)
      CHECK_NEAR(scaled.test.x(i, j), (raw.test.x(i, j) - mean) / sd, 1e-12);
  }
  CHECK(scaled.test.standardized);
}

TEST_CASE("the score on a part: its mean BCE and the share predicted right, as summed and counted here") {
  const TrainTest parts = load_train_test(iris_split(0.4, 3, true));
  const Params theta = Params::row({0.3, 1.7, -0.4});
  double loss = 0.0;
  std::size_t right = 0;
  for (std::size_t i = 0; i < parts.test.rows(); ++i) {
    const double z = theta.at(0, 0) + theta.at(0, 1) * parts.test.x(i, 0) + theta.at(0, 2) * parts.test.x(i, 1);
    loss += bce(z, parts.test.labels[i]);
    right += (z >= 0.0 ? 1 : 0) == parts.test.labels[i] ? 1 : 0;
  }
  const Score score = score_on(parts.test, theta, Settings{});
  CHECK_REL(score.loss, loss / static_cast<double>(parts.test.rows()), 1e-13);
  CHECK(score.accuracy == static_cast<double>(right) / static_cast<double>(parts.test.rows()));
  CHECK(std::isnan(score_on(split_train_test(parts.train, 0.0, 1).test, theta, Settings{}).loss));
}

TEST_CASE("the confusion matrix counts each sample once, at its true and its predicted class (softmax too)") {
  DataOptions o;
  o.source = "iris";
  o.standardize = true;
  const Dataset d = load_dataset(o);
  // Θ: a row per class; setosa's row favours short petals, virginica's long ones.
  Params theta(3, 3);
  theta.values = {0.0, -2.0, -2.0, 1.0, 0.2, 0.1, 0.0, 2.0, 2.0};
  const std::vector<std::size_t> counts = confusion_matrix(d, theta, Activation::Softmax);
  REQUIRE(counts.size() == 9);
  std::vector<std::size_t> expected(9, 0);
  for (std::size_t i = 0; i < d.rows(); ++i) {
    // The likeliest class: the largest z_k = θ_k · [1, x1, x2] (softmax keeps the order).
    std::size_t best = 0;
    double best_z = -INFINITY;
    for (std::size_t k = 0; k < 3; ++k) {
      const double z = theta.at(k, 0) + theta.at(k, 1) * d.x(i, 0) + theta.at(k, 2) * d.x(i, 1);
      if (z > best_z) best_z = z, best = k;
    }
    ++expected[static_cast<std::size_t>(d.labels[i]) * 3 + best];
  }
  CHECK(counts == expected);
  const double diagonal = static_cast<double>(counts[0] + counts[4] + counts[8]);
  CHECK(diagonal / 150.0 == accuracy(d, theta, Activation::Softmax));
  CHECK(counts[0] + counts[1] + counts[2] == 50);   // every setosa counted once
}

TEST_CASE("trace --test-fraction prints accuracy, test_loss and test_accuracy per step, as the parts score") {
  const CliResult r = run_cli("trace --data iris --classes 2,3 --standardize --test-fraction 0.3 --seed 4 --lr 0.5 "
                              "--steps 3 --format json --no-samples");
  REQUIRE(r.exit_code == 0);
  const std::vector<nlohmann::json> lines = json_lines(r.out);
  REQUIRE(lines.size() == 3);
  DataOptions o = iris_split(0.3, 4, true);
  const TrainTest parts = load_train_test(o);
  CHECK(parts.train.rows() == 70);
  Settings s;
  s.learning_rate = 0.5;
  s.seed = 4;
  for (const nlohmann::json& j : lines) {
    const Params after = Params::row(j.at("theta_after").get<std::vector<double>>());
    CHECK(j.at("batch").size() == 70);   // the steps train on the training part only
    CHECK(j.at("accuracy").get<double>() == accuracy(parts.train, after, Activation::Sigmoid));
    CHECK_REL(j.at("test_loss").get<double>(), score_on(parts.test, after, s).loss, 1e-15);
    CHECK(j.at("test_accuracy").get<double>() == score_on(parts.test, after, s).accuracy);
  }
  const CliResult text = run_cli("trace --data iris --classes 2,3 --standardize --test-fraction 0.3 --seed 4 --steps 1 --no-samples");
  CHECK_CONTAINS(text.out, "· test loss ");
  CHECK_CONTAINS(text.out, "test accuracy ");
  CHECK_CONTAINS(text.out, " of 30)");
  // Without a test part the keys are there, null.
  const std::vector<nlohmann::json> plain = json_lines(run_cli("trace --steps 1 --format json --no-samples").out);
  REQUIRE(plain.size() == 1);
  CHECK(plain[0].at("test_loss").is_null());
  CHECK(plain[0].at("test_accuracy").is_null());
  CHECK(plain[0].at("accuracy").get<double>() == 0.5);
}

TEST_CASE("trace --format history-csv gains accuracy, test_loss and test_accuracy, the same as the JSON") {
  const std::string run = "trace --data iris --classes 2,3 --test-fraction 0.2 --seed 9 --mode stochastic --steps 5 ";
  const std::vector<nlohmann::json> json = json_lines(run_cli(run + "--format json --no-samples").out);
  const CliResult csv = run_cli(run + "--format history-csv");
  REQUIRE(csv.exit_code == 0);
  REQUIRE(json.size() == 5);
  std::istringstream in(csv.out);
  std::string line;
  std::getline(in, line);   // # conventions
  std::getline(in, line);
  CHECK_CONTAINS(line, "gradient_norm,accuracy,test_loss,test_accuracy,theta_b");
  std::getline(in, line);   // step 0
  for (std::size_t k = 0; k < 5; ++k) {
    REQUIRE(std::getline(in, line));
    std::vector<std::string> cells;
    std::istringstream row(line);
    for (std::string cell; std::getline(row, cell, ',');) cells.push_back(cell);
    REQUIRE(cells.size() == 12);
    CHECK(std::stod(cells[6]) == json[k].at("accuracy").get<double>());
    CHECK(std::stod(cells[7]) == json[k].at("test_loss").get<double>());   // full precision: the same double
    CHECK(std::stod(cells[8]) == json[k].at("test_accuracy").get<double>());
  }
}

TEST_CASE("a bad --test-fraction exits 2 naming it, and --compare cannot change the split") {
  const CliResult high = run_cli("trace --test-fraction 0.95 --steps 1");
  CHECK(high.exit_code == 2);
  CHECK_CONTAINS(high.err, "--test-fraction 0.95");
  const CliResult tiny = run_cli("trace --test-fraction 0.1 --steps 1");   // iris4: 2 + 2 samples
  CHECK(tiny.exit_code == 2);
  CHECK_CONTAINS(tiny.err, "holds out no sample");
  const CliResult compare = run_cli("trace --data iris --classes 2,3 --steps 1 --compare \"--test-fraction 0.3\"");
  CHECK(compare.exit_code == 2);
  CHECK_CONTAINS(compare.err, "--test-fraction cannot differ");
}

TEST_CASE("a scenario keeps the test fraction, and one out of range is refused naming the key") {
  const app::RunSpec spec = app::parse_scenario(R"({"format": "logistic-lab-scenario", "version": 1,
      "data": "iris", "classes": [2, 3], "test_fraction": 0.25})", "lesson.json");
  CHECK(spec.data.test_fraction == 0.25);
  CHECK(app::parse_scenario(app::scenario_json(spec), "again.json") == spec);
  CHECK_THROWS_WITH_AS(app::parse_scenario(R"({"format": "logistic-lab-scenario", "version": 1, "test_fraction": 1.5})",
                                           "lesson.json"),
                       doctest::Contains("key 'test_fraction'"), InputError);
  CHECK_THROWS_WITH_AS(app::parse_scenario(R"({"format": "logistic-lab-scenario", "version": 1,
      "compare": {"test_fraction": 0.5}})", "lesson.json"), doctest::Contains("compare.test_fraction"), InputError);
}

TEST_CASE("the window: the run trains on its training part, the test curve is the test loss at every curve point") {
  app::AppState s;
  app::RunSpec spec;
  spec.data = iris_split(0.3, 1, true);
  spec.settings.learning_rate = 0.5;
  spec.steps = 12;
  REQUIRE(app::start_run(s, spec));
  REQUIRE(s.test_data);
  CHECK(s.data().rows() == 70);
  CHECK(s.test_data->rows() == 30);
  const app::HeldOutCurve& curve = app::held_out_curve(s);
  REQUIRE(curve.complete);
  REQUIRE(curve.test_loss.size() == 13);
  for (std::size_t k = 0; k <= 12; ++k) {
    CHECK(curve.steps[k] == static_cast<double>(k));
    CHECK(curve.test_loss[k] == score_on(*s.test_data, s.trainer->theta_at(k), s.settings()).loss);
  }
  // The test loss falls with the training loss on these well-separated classes.
  CHECK(curve.test_loss[12] < curve.test_loss[0]);
  const app::HeldOutNow& now = app::held_out_now(s);
  CHECK(now.of_test);
  std::size_t all = 0;
  for (std::size_t c : now.counts) all += c;
  CHECK(all == 30);
  CHECK(now.test_accuracy == score_on(*s.test_data, s.trainer->theta(), s.settings()).accuracy);
  // Reset and a changed θ₀ keep the split; a run without one has none.
  app::reset_run(s);
  CHECK(s.test_data->rows() == 30);
  app::RunSpec plain;
  REQUIRE(app::start_run(s, plain));
  CHECK_FALSE(app::has_test_part(s));
  CHECK(app::held_out_curve(s).test_loss.empty());
}

TEST_CASE("the window's test curve fills in a slice per frame on a big test part") {
  app::AppState s;
  app::RunSpec spec;
  spec.data.source = "blobs";
  spec.data.blobs_n = 100'000;
  spec.data.test_fraction = 0.5;   // 50,000 held out: 40 points a call
  spec.steps = 100;
  REQUIRE(app::start_run(s, spec));
  s.work_in_slices = true;   // as in the window
  CHECK(app::held_out_curve(s).steps.size() == app::kHeldOutSamplesPerCall / 50'000);
  CHECK_FALSE(app::held_out_curve(s).complete);   // (the second call took 40 more)
  CHECK(app::held_out_curve(s).complete);
  const app::HeldOutCurve& curve = app::held_out_curve(s);
  REQUIRE(curve.steps.size() == 101);
  CHECK(curve.test_loss[77] == score_on(*s.test_data, s.trainer->theta_at(77), s.settings()).loss);
}

TEST_CASE("the window's test curve follows the loss curve as it thins out, keeping the values it has") {
  app::AppState s;
  app::RunSpec spec;
  spec.data = iris_split(0.3, 2, true);
  spec.settings.learning_rate = 0.1;
  spec.steps = 70'000;   // past kMostCurvePoints: the loss curve keeps every other step
  REQUIRE(app::start_run(s, spec));
  const app::LossCurve& loss = app::loss_curve(s);
  REQUIRE(loss.stride == 2);
  const app::HeldOutCurve& curve = app::held_out_curve(s);
  REQUIRE(curve.complete);
  REQUIRE(curve.steps.size() == loss.mean_loss.size());
  for (std::size_t i = 0; i < curve.steps.size(); i += 997) {
    CHECK(curve.steps[i] == static_cast<double>(2 * i));
    CHECK(curve.test_loss[i] == score_on(*s.test_data, s.trainer->theta_at(2 * i), s.settings()).loss);
  }
  // More steps thin it again: the points kept are the curve's, their values as before.
  const double at_1000 = curve.test_loss[500];
  app::run_steps(s, 70'000);
  const app::HeldOutCurve& thinned = app::held_out_curve(s);
  REQUIRE(app::loss_curve(s).stride == 4);
  REQUIRE(thinned.complete);
  CHECK(thinned.steps[250] == 1000.0);
  CHECK(thinned.test_loss[250] == at_1000);
  CHECK(thinned.steps.back() == 140'000.0);
}

TEST_CASE("lesson 11: on separable training data the training loss falls while the test loss rises, and L2 holds it") {
  const std::string lesson = ll::assets_dir() + "/scenarios/11-held-out-overfitting.json";
  const std::vector<nlohmann::json> lines =
      json_lines(run_cli("trace --scenario " + lesson + " --format json --no-samples --every 10 --compare \"--l2 0.1\"").out);
  REQUIRE(lines.size() == 20);   // the lesson's run and the same with λ = 0.1, steps 10, 20, …, 100
  std::vector<nlohmann::json> a, b;
  for (const nlohmann::json& j : lines) (j.at("run") == "a" ? a : b).push_back(j);
  REQUIRE(a.size() == 10);
  for (std::size_t k = 1; k < a.size(); ++k) {
    CHECK(a[k].at("loss_after").get<double>() < a[k - 1].at("loss_after").get<double>());
    CHECK(a[k].at("test_loss").get<double>() > a[k - 1].at("test_loss").get<double>());
  }
  CHECK(a.back().at("accuracy").get<double>() == 1.0);   // every training sample right
  CHECK(b.back().at("test_loss").get<double>() < 0.5 * a.back().at("test_loss").get<double>());
}
