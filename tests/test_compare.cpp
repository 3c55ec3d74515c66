// Two runs side by side on the command line (`trace --compare "OPTIONS"`): run b is run a's spec
// with OPTIONS on top, with the same data, θ₀, seed and steps; every number it prints equals a
// separate trace with b's options; both runs step together, in the same sample order.
#include <doctest/doctest.h>

#include <cmath>
#include <sstream>
#include <string>
#include <vector>

#include "approx.h"
#include "cli_runner.h"
#include "json_lines.h"
#include "ll/assets.h"
#include "run/scenario.h"

namespace {

// The lines of run `name`, without their "run" key.
std::vector<nlohmann::json> lines_of_run(const std::vector<nlohmann::json>& lines, const std::string& name) {
  std::vector<nlohmann::json> out;
  for (nlohmann::json j : lines)
    if (j.at("run") == name) {
      j.erase("run");
      out.push_back(j);
    }
  return out;
}

}  // namespace

TEST_CASE("trace --compare: run a and run b step together, and each prints what its own trace prints") {
  struct Case {
    std::string first, second;
  };
  for (const Case& c : {Case{"--steps 3", "--loss mse"},
                        Case{"--data iris --classes 2,3 --mode stochastic --order shuffle --steps 6 --lr 0.1",
                             "--momentum 0.9 --momentum-form ema"},
                        Case{"--data iris --classes 2,3 --mode minibatch --batch-size 10 --steps 4", "--l2 0.5 --standardize"},
                        Case{"--theta=-4,1,1 --steps 5 --lr 0.5", "--activation tanh --loss mse"}}) {
    CAPTURE(c.first);
    CAPTURE(c.second);
    const CliResult both = run_cli("trace " + c.first + " --format json --compare \"" + c.second + "\"");
    REQUIRE(both.exit_code == 0);
    const std::vector<nlohmann::json> lines = json_lines(both.out);
    REQUIRE(lines.size() % 2 == 0);
    std::istringstream raw(both.out);
    std::size_t k = 0;
    for (std::string line; std::getline(raw, line); ++k)   // a, b, a, b, …: "run" first in each
      CHECK(line.rfind(k % 2 == 0 ? "{\"run\":\"a\"," : "{\"run\":\"b\",", 0) == 0);
    const CliResult a = run_cli("trace " + c.first + " --format json");
    const CliResult b = run_cli("trace " + c.first + " " + c.second + " --format json");
    CHECK(lines_of_run(lines, "a") == json_lines(a.out));
    CHECK(lines_of_run(lines, "b") == json_lines(b.out));
  }
}

TEST_CASE("stochastic runs compared take the same samples in the same order") {
  const CliResult r = run_cli("trace --data iris --classes 2,3 --mode stochastic --order shuffle --steps 12 "
                              "--no-samples --format json --compare \"--lr 0.5 --momentum 0.5\"");
  REQUIRE(r.exit_code == 0);
  const std::vector<nlohmann::json> lines = json_lines(r.out);
  REQUIRE(lines.size() == 24u);
  for (std::size_t k = 0; k + 1 < lines.size(); k += 2) CHECK(lines[k]["batch"] == lines[k + 1]["batch"]);
}

TEST_CASE("trace --compare as text names each run; what cannot differ is refused, naming --compare") {
  const CliResult text = run_cli("trace --compare \"--loss mse\"");
  CHECK(text.exit_code == 0);
  CHECK_CONTAINS(text.out, "── run a ──");
  CHECK_CONTAINS(text.out, "── run b: --loss mse ──");
  CHECK_CONTAINS(text.out, "L = (ŷ − y)²");
  for (const char* shared : {"--data iris", "--theta 0,0,0", "--seed 3", "--steps 9", "--features 1,2"}) {
    const CliResult r = run_cli(std::string("trace --compare \"") + shared + "\"");
    CHECK(r.exit_code == 2);
    CHECK_CONTAINS(r.err, "--compare: ");
    CHECK_CONTAINS(r.err, "cannot differ: the two runs share the data, θ₀, the seed and the steps");
  }
  CHECK_CONTAINS(run_cli("trace --compare \"--lr fast\"").err, "--compare \"--lr fast\": ");
  CHECK_CONTAINS(run_cli("trace --compare \"--wings 2\"").err, "--compare \"--wings 2\": ");
  CHECK_CONTAINS(run_cli("trace --compare \"--lr 0.01\"").err, "no option that changes the run");
  const CliResult csv = run_cli("trace --format csv --compare \"--loss mse\"");
  CHECK(csv.exit_code == 2);
  CHECK_CONTAINS(csv.err, "--compare prints text or json");
  // A run that fails stops both, saying which.
  const CliResult diverged = run_cli("trace --steps 5 --compare \"--lr 1e6\"");
  CHECK(diverged.exit_code == 3);
  CHECK_CONTAINS(diverged.err, "run b: ");
}

TEST_CASE("scenario files hold the comparison: the shipped lessons, a round trip, and shared keys refused") {
  const std::string dir = ll::assets_dir() + "/scenarios/";
  // 09: from θ₀ = [6, −2, −2] the sigmoid saturates: cross-entropy moves, squared error crawls.
  const CliResult r = run_cli("trace --scenario " + dir + "09-compare-bce-vs-squared-error.json --format json --no-samples");
  REQUIRE(r.exit_code == 0);
  const std::vector<nlohmann::json> lines = json_lines(r.out);
  REQUIRE(lines.size() == 40u);
  const auto relative_drop = [&](const std::string& run) {
    const std::vector<nlohmann::json> own = lines_of_run(lines, run);
    return 1.0 - own.back()["loss_after"].get<double>() / own.front()["loss_before"].get<double>();
  };
  const auto first_gradient = [&](const std::string& run) {
    const std::vector<nlohmann::json> own = lines_of_run(lines, run);
    double sum = 0.0;
    for (const nlohmann::json& g : own.front()["gradient"]) sum += g.get<double>() * g.get<double>();
    return std::sqrt(sum);
  };
  CHECK(first_gradient("a") > 10.0 * first_gradient("b"));   // ŷ(1 − ŷ) ≈ 0 nearly cancels b's
  CHECK(relative_drop("a") > relative_drop("b"));
  CHECK(lines_of_run(lines, "b").front()["theta_before"] == lines_of_run(lines, "a").front()["theta_before"]);
  // 10: batch against stochastic with momentum on the same blobs.
  const CliResult ten = run_cli("trace --scenario " + dir + "10-compare-batch-vs-stochastic.json --format json --no-samples --steps 3");
  REQUIRE(ten.exit_code == 0);
  const std::vector<nlohmann::json> ten_lines = json_lines(ten.out);
  CHECK(lines_of_run(ten_lines, "a").front()["batch"].size() == 200u);
  CHECK(lines_of_run(ten_lines, "b").front()["batch"].size() == 1u);

  const ll::app::RunSpec spec = ll::app::load_scenario(dir + "10-compare-batch-vs-stochastic.json");
  REQUIRE(spec.compare.has_value());
  CHECK(spec.compare->settings.mode == ll::BatchMode::Stochastic);
  CHECK(spec.compare->settings.momentum == 0.9);
  CHECK(ll::app::parse_scenario(ll::app::scenario_json(spec), "again.json") == spec);
  CHECK_THROWS_WITH(ll::app::parse_scenario(R"({"format": "logistic-lab-scenario", "version": 1, "compare": {"data": "iris"}})", "c.json"),
                    "c.json: key 'compare.data': the two runs share the data, θ₀, the seed and the steps; give it to the first run");
  CHECK_THROWS_WITH(ll::app::parse_scenario(R"({"format": "logistic-lab-scenario", "version": 1, "compare": {"loss": "hinge"}})", "c.json"),
                    "c.json: key 'compare.loss': unknown loss 'hinge' (choose bce, mse or cce)");
}
