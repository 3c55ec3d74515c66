// The optimum (ll/optimum.h, `logistic-lab optimum`): the reference file's maximum-likelihood θ*,
// scikit-learn's L2-regularised fits (tests/data/sklearn_l2.json, made by
// tests/reference/sklearn_l2.py), separable data said as such with a direction that separates,
// the non-convex pairs' descent ending where J is stationary and lowest nearby, and the
// command's JSON keys and exit codes. (test_newton.cpp checks θ* against its own Newton solve.)
#include <doctest/doctest.h>

#include <cmath>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "approx.h"
#include "cli_runner.h"
#include "json_lines.h"
#include "ll/dataset.h"
#include "ll/objective.h"
#include "ll/optimum.h"
#include "ll/trainer.h"
#include "run/run_spec.h"

namespace {

ll::Dataset iris(std::vector<std::size_t> classes, bool standardize) {
  ll::DataOptions o;
  o.source = "iris";
  o.classes = std::move(classes);
  o.standardize = standardize;
  return ll::load_dataset(o);
}

nlohmann::json optimum_json(const std::string& options) {
  const CliResult r = run_cli("optimum " + options + " --format json");
  const std::vector<nlohmann::json> lines = json_lines(r.out);
  REQUIRE(lines.size() == 1);
  return lines[0];
}

}  // namespace

TEST_CASE("versicolor vs virginica: θ* and its loss are the reference file's, and J is stationary there") {
  const ll::Dataset data = iris({2, 3}, false);
  const ll::Optimum o = ll::find_optimum(data, ll::Settings{}, ll::Params::row({0, 0, 0}));
  REQUIRE(o.status == ll::OptimumStatus::Ok);
  CHECK(o.newton);
  CHECK_NEAR_ALL(o.theta.values, (std::vector<double>{-45.272344, 5.754532, 10.446700}), 5e-7);
  CHECK_NEAR(o.loss, 0.102818, 5e-7);
  CHECK(o.gradient_norm < 1e-13);
  // The command prints the same θ at full precision, exit code 0.
  const CliResult r = run_cli("optimum --data iris --classes 2,3 --format json");
  CHECK(r.exit_code == 0);
  const nlohmann::json j = json_lines(r.out).at(0);
  CHECK(j["status"] == "ok");
  CHECK(j["method"] == "newton");
  CHECK(j["iterations"].get<int>() > 0);
  CHECK(j["loss"].get<double>() == o.loss);
  for (std::size_t k = 0; k < 3; ++k) CHECK(j["theta"][k].get<double>() == o.theta.values[k]);
  CHECK_CONTAINS(run_cli("optimum --data iris --classes 2,3").out, "θ* = [−45.2723, 5.7545, 10.4467]");
}

TEST_CASE("L2: θ* equals scikit-learn's LogisticRegression with C = 1/(λN), binary and multinomial") {
  std::ifstream file(std::string(LL_TEST_DATA_DIR) + "/sklearn_l2.json");
  REQUIRE(file.good());
  const nlohmann::json reference = nlohmann::json::parse(file);
  REQUIRE(reference["cases"].size() == 4);
  for (const nlohmann::json& c : reference["cases"]) {
    CAPTURE(c["name"].get<std::string>());
    const nlohmann::json j = optimum_json(c["options"].get<std::string>());
    REQUIRE(j["status"] == "ok");
    const nlohmann::json& expected = c["theta"];
    if (expected[0].is_array()) {
      for (std::size_t r = 0; r < expected.size(); ++r)
        for (std::size_t k = 0; k < expected[r].size(); ++k)
          CHECK_CLOSE(j["theta"][r][k].get<double>(), expected[r][k].get<double>(), 1e-8, 1e-8);
    } else {
      for (std::size_t k = 0; k < expected.size(); ++k)
        CHECK_CLOSE(j["theta"][k].get<double>(), expected[k].get<double>(), 1e-9, 1e-9);
    }
  }
}

TEST_CASE("separable data have no finite θ*: said in words, exit code 3, and the direction given separates") {
  const CliResult r = run_cli("optimum --format json");   // iris4: two flowers of each class, far apart
  CHECK(r.exit_code == 3);
  const nlohmann::json j = json_lines(r.out).at(0);
  CHECK(j["status"] == "separable");
  CHECK(j["theta"].is_null());
  CHECK(j["loss"].is_null());
  CHECK_CONTAINS(j["message"].get<std::string>(), "the classes are linearly separable");
  const ll::Dataset iris4 = ll::make_iris4();
  for (std::size_t i = 0; i < iris4.rows(); ++i) {
    const double z = j["direction"][0].get<double>() + j["direction"][1].get<double>() * iris4.x(i, 0) +
                     j["direction"][2].get<double>() * iris4.x(i, 1);
    CHECK((iris4.labels[i] == 1 ? z : -z) > 0.0);
  }
  CHECK_CONTAINS(run_cli("optimum").out, "optimum: separable");
  // Softmax on the three iris classes: setosa alone is apart, which is enough.
  const nlohmann::json three = optimum_json("--data iris --activation softmax --loss cce --standardize");
  CHECK(three["status"] == "separable");
  CHECK_CONTAINS(three["message"].get<std::string>(), "the class setosa is linearly separable from the others");
  // λ > 0 gives a finite optimum on the same data.
  CHECK(optimum_json("--l2 0.1")["status"] == "ok");
}

TEST_CASE("the non-convex pairs: the descent ends where ∇J ≈ 0 and J is lowest nearby, and says it is not convex") {
  const ll::Dataset data = iris({2, 3}, true);
  for (ll::Activation a : {ll::Activation::Sigmoid, ll::Activation::Tanh}) {
    ll::Settings s;
    s.activation = a;
    s.loss = ll::Loss::MSE;
    const ll::Optimum o = ll::find_optimum(data, s, ll::Params::row({0, 0, 0}));
    CAPTURE(std::string(ll::name(a)));
    REQUIRE(o.status == ll::OptimumStatus::Ok);
    CHECK_FALSE(o.newton);
    CHECK_CONTAINS(o.message, "is not convex");
    CHECK(ll::objective_at(data, o.theta, s, true).gradient.norm() < 1e-7);
    for (std::size_t k = 0; k < 3; ++k)
      for (double d : {-1e-3, 1e-3}) {
        ll::Params moved = o.theta;
        moved.values[k] += d;
        CHECK(ll::objective_at(data, moved, s, false).loss > o.loss);
      }
  }
  // tanh + BCE where the loss is undefined at θ₀: nothing to descend from.
  const CliResult r = run_cli("optimum --data iris --classes 2,3 --activation tanh --theta=-1,0,0 --format json");
  CHECK(r.exit_code == 3);
  const nlohmann::json j = json_lines(r.out).at(0);
  CHECK(j["status"] == "not-defined");
  CHECK_CONTAINS(j["message"].get<std::string>(), "the loss is undefined at θ₀");
}

TEST_CASE("the reference file's L2 batch step: data loss, penalty, gradient and θ after (λ = 0.3)") {
  ll::Settings s;
  s.l2 = 0.3;
  ll::Trainer t(std::make_shared<const ll::Dataset>(ll::make_iris4()), s, ll::Params::row({0.1, 0.5, -0.1}));
  const ll::StepRecord r = t.step();
  CHECK_NEAR(r.batch_data_loss, 0.669262, 5e-7);
  CHECK_NEAR(r.penalty_before, 0.039000, 5e-7);
  CHECK_NEAR_ALL(r.gradient.values, (std::vector<double>{0.270249, 0.393133, -0.049540}), 5e-7);
  CHECK_NEAR_ALL(r.theta_after.values, (std::vector<double>{0.097298, 0.496069, -0.099505}), 5e-7);
}

TEST_CASE("wide data: θ too big for Newton's Hessian takes the descent, within its budget, and says why") {
  // 60 features and 8 classes: Θ has 8 × 61 = 488 entries, above kMostNewtonParams.
  ll::Dataset data;
  data.name = "wide";
  for (int j = 0; j < 60; ++j) data.feature_names.push_back("f" + std::to_string(j));
  for (int k = 0; k < 8; ++k) data.class_names.push_back("c" + std::to_string(k));
  data.columns.assign(60, std::vector<double>(80));
  for (std::size_t i = 0; i < 80; ++i) {
    data.labels.push_back(static_cast<int>(i % 8));
    for (std::size_t j = 0; j < 60; ++j) data.columns[j][i] = std::sin(static_cast<double>(i * 61 + j * 7));
  }
  ll::Settings s;
  s.activation = ll::Activation::Softmax;
  s.loss = ll::Loss::CCE;
  s.l2 = 0.1;
  const ll::Optimum o = ll::find_optimum(data, s, ll::zero_params(s, data));
  CHECK_FALSE(o.newton);
  CHECK_CONTAINS(o.message, "488 entries, too many for Newton's method");
  CHECK(o.iterations <= ll::kMostDescentSteps);
}
