// Labels −1/+1 (issue 13 §1): the first lecture note's P(y | x) = σ(y·z). Every number of a ±1
// run equals the 0/1 run's to the last digit (the core computes with y′ = (y + 1)/2); only y and
// the formulas are written differently, and −1/+1 labels in a CSV file read as ±1.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include <cmath>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cli_runner.h"
#include "json_lines.h"
#include "ll/activation.h"
#include "ll/chain.h"
#include "ll/error.h"
#include "ll/formulas.h"
#include "ll/settings.h"
#include "run/scenario.h"

using nlohmann::json;

namespace {

// Walks two JSON values side by side: every number equal bit for bit, except each sample's y,
// which must be 2y′ − 1 of the 0/1 run's y′.
void check_same_numbers(const json& pm1, const json& zero_one, const std::string& at) {
  INFO(at);
  REQUIRE(pm1.type() == zero_one.type());
  if (pm1.is_object()) {
    for (auto it = zero_one.begin(); it != zero_one.end(); ++it) {
      INFO("key ", it.key());
      REQUIRE(pm1.contains(it.key()));
      if (it.key() == "y" && it->is_number_integer()) {
        CHECK(pm1["y"].get<int>() == 2 * it->get<int>() - 1);
        continue;
      }
      if (it.key() == "settings" || it.key() == "labels") continue;
      check_same_numbers(pm1[it.key()], *it, at + "." + it.key());
    }
  } else if (pm1.is_array()) {
    REQUIRE(pm1.size() == zero_one.size());
    for (std::size_t k = 0; k < pm1.size(); ++k)
      check_same_numbers(pm1[k], zero_one[k], at + "[" + std::to_string(k) + "]");
  } else if (pm1.is_number()) {
    CHECK(pm1.get<double>() == zero_one.get<double>());
  } else {
    CHECK(pm1 == zero_one);
  }
}

std::string write_temp(const std::string& name, const std::string& text) {
  const std::string path = "/tmp/ll_labels_" + std::to_string(::getpid()) + "_" + name;
  std::ofstream(path) << text;
  return path;
}

}  // namespace

TEST_CASE("a ±1 run prints every number of the 0/1 run to the last digit, and y as −1/+1") {
  for (const std::string run : {"", "--loss mse", "--mode stochastic --steps 7", "--mode minibatch --batch-size 2 --steps 5 --momentum 0.9",
                                "--theta=0,10,0", "--data iris --classes 2,3 --features 3,4 --standardize --steps 30 --lr 0.5"}) {
    INFO(run);
    const CliResult zero_one = run_cli("trace --format json " + run);
    const CliResult pm1 = run_cli("trace --format json --labels pm1 " + run);
    REQUIRE(zero_one.exit_code == 0);
    REQUIRE(pm1.exit_code == 0);
    const std::vector<json> a = json_lines(pm1.out), b = json_lines(zero_one.out);
    REQUIRE(a.size() == b.size());
    REQUIRE_FALSE(a.empty());
    for (std::size_t k = 0; k < a.size(); ++k) check_same_numbers(a[k], b[k], "step " + std::to_string(k + 1));
  }
}

TEST_CASE("the ±1 form's own formulas give the printed numbers: L = log(1 + e^(−y·z)), ∂L/∂z = −y·σ(−y·z)") {
  const CliResult r = run_cli("trace --format json --labels pm1 --data iris --classes 1,2 --features 1,2 --theta=0.3,-0.2,0.1");
  REQUIRE(r.exit_code == 0);
  const json step = json_lines(r.out).at(0);
  REQUIRE(step["samples"].size() == 100);
  for (const json& s : step["samples"]) {
    const int y = s["y"].get<int>();
    REQUIRE((y == -1 || y == 1));
    const double z = s["z"].get<double>();
    // written here as the note writes them, in long double
    const long double yz = static_cast<long double>(y) * z;
    CHECK(s["loss"].get<double>() == doctest::Approx(static_cast<double>(std::log1p(std::exp(-yz)))).epsilon(1e-14));
    CHECK(s["dL_dz"].get<double>() == doctest::Approx(static_cast<double>(-y / (1 + std::exp(yz)))).epsilon(1e-14));
  }
}

TEST_CASE("the text and Markdown of a ±1 step write its form and how it equals the 0/1 one") {
  const CliResult text = run_cli("trace --labels pm1");
  REQUIRE(text.exit_code == 0);
  CHECK(text.out.find("L = log(1 + e^(−y·z))") != std::string::npos);
  CHECK(text.out.find("∂L/∂z = −y·σ(−y·z) = ŷ − y′") != std::string::npos);
  CHECK(text.out.find("y′ = (y + 1)/2") != std::string::npos);
  CHECK(text.out.find("  −1  0.78") != std::string::npos);  // sample 1's y, then z
  const CliResult markdown = run_cli("trace --labels pm1 --format markdown");
  REQUIRE(markdown.exit_code == 0);
  CHECK(markdown.out.find("- Labels y ∈ {−1, +1}") != std::string::npos);
  const CliResult latex = run_cli("trace --labels pm1 --format latex");
  REQUIRE(latex.exit_code == 0);
  CHECK(latex.out.find("$y' = (y + 1)/2$") != std::string::npos);
  CHECK(ll::formulas(ll::Loss::MSE, ll::Activation::Sigmoid, ll::LabelCoding::PlusMinusOne).loss == "L = (ŷ − y′)²");
  CHECK(ll::formulas(ll::Loss::BCE, ll::Activation::Sigmoid, ll::LabelCoding::ZeroOne).labels.empty());
}

TEST_CASE("CSV labels −1/+1 read as ±1 with --labels pm1, and as 0/1 by default") {
  const std::string path = write_temp("pm1.csv", "a,b,label\n1.4,0.2,-1\n1.5,0.2,-1\n3.0,1.1,1\n4.1,1.3,+1\n");
  const CliResult pm1 = run_cli("trace --format json --labels pm1 --theta 0.1,0.5,-0.1 --data " + path);
  REQUIRE(pm1.exit_code == 0);
  const CliResult zero_one = run_cli("trace --format json --theta 0.1,0.5,-0.1 --data " + path);
  REQUIRE(zero_one.exit_code == 0);
  const json a = json_lines(pm1.out).at(0), b = json_lines(zero_one.out).at(0);
  const std::vector<int> want_pm1 = {-1, -1, 1, 1}, want_01 = {0, 0, 1, 1};
  for (std::size_t i = 0; i < 4; ++i) {
    CHECK(a["samples"][i]["y"].get<int>() == want_pm1[i]);
    CHECK(b["samples"][i]["y"].get<int>() == want_01[i]);
  }
  // the slides' batch example, whichever way its labels are written
  CHECK(a["gradient"][0].get<double>() == doctest::Approx(0.270249).epsilon(1e-6));
  std::remove(path.c_str());
}

TEST_CASE("±1 labels are refused where they mean nothing, naming the setting; an unknown coding too") {
  const CliResult tanh = run_cli("trace --labels pm1 --activation tanh");
  CHECK(tanh.exit_code == 2);
  CHECK(tanh.err.find("--labels pm1 with --activation tanh") != std::string::npos);
  const CliResult softmax = run_cli("trace --labels pm1 --activation softmax --loss cce --data iris");
  CHECK(softmax.exit_code == 2);
  CHECK(softmax.err.find("--labels pm1") != std::string::npos);
  const CliResult unknown = run_cli("trace --labels plusminus");
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.err.find("unknown labels 'plusminus' (choose 01 or pm1)") != std::string::npos);
  const ll::app::RunSpec spec = ll::app::parse_scenario(
      R"({"format": "logistic-lab-scenario", "version": 1, "labels": "pm1"})", "lesson.json");
  CHECK(spec.settings.labels == ll::LabelCoding::PlusMinusOne);
  CHECK_THROWS_WITH_AS(ll::app::parse_scenario(R"({"format": "logistic-lab-scenario", "version": 1, "labels": "x"})", "lesson.json"),
                       doctest::Contains("labels"), ll::InputError);
}
