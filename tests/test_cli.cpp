// The trace command end to end: the real executable, its output formats and its exit codes.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include <cmath>
#include <fstream>
#include <vector>

#include "cli_runner.h"
#include "json_lines.h"

using nlohmann::json;

namespace {

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

bool mentions_nan(const std::string& text) {
  std::string lower;
  for (char c : text) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return contains(lower, "nan") || contains(lower, "inf");
}

std::string write_temp(const std::string& name, const std::string& text) {
  const std::string path = "/tmp/ll_cli_" + std::to_string(::getpid()) + "_" + name;
  std::ofstream(path) << text;
  return path;
}

void check_vector(const json& got, const std::vector<double>& want, double tol = 5e-7) {
  REQUIRE(got.size() == want.size());
  for (std::size_t k = 0; k < want.size(); ++k) {
    INFO("entry " << k << ": got " << got[k].get<double>() << ", want " << want[k]);
    CHECK(std::fabs(got[k].get<double>() - want[k]) < tol);
  }
}

}  // namespace

TEST_CASE("trace with no options prints the slides' batch example at 4 decimals") {
  const CliResult r = run_cli("trace");
  REQUIRE(r.exit_code == 0);
  CHECK(contains(r.out, "ŷ = [0.6857, 0.6964, 0.8161, 0.8829]"));
  CHECK(contains(r.out, "loss 0.6693 → 0.6679"));
  CHECK(contains(r.out, "gradient [0.2702, 0.2431, −0.0195]"));
  CHECK(contains(r.out, "θ = [0.0973, 0.4976, −0.0998]"));
  CHECK(contains(r.out, "= 0.1 − η·0.2702 = 0.0973"));
  CHECK(contains(r.out, "= 0.5 − η·0.2431 = 0.4976"));
  CHECK(contains(r.out, "= −0.1 + η·0.0195 = −0.0998"));
  CHECK(contains(r.out, "∂L/∂θ = 1/m Xᵀ(ŷ − y)"));
  CHECK(r.err.empty());
}

TEST_CASE("trace JSON has every key of the step record, full precision, 1-based samples") {
  const CliResult r = run_cli("trace --format json");
  REQUIRE(r.exit_code == 0);
  const std::vector<json> steps = json_lines(r.out);
  REQUIRE(steps.size() == 1);
  const json& s = steps[0];
  for (const char* key : {"step", "epoch", "batch", "theta_before", "samples", "batch_loss", "gradient",
                          "theta_after", "loss_before", "loss_after", "status", "message"})
    CHECK_MESSAGE(s.contains(key), key);
  CHECK(s["batch"] == json({1, 2, 3, 4}));
  CHECK(s["status"] == "ok");
  const json& first = s["samples"][0];
  for (const char* key : {"i", "x", "y", "z", "yhat", "loss", "dL_dyhat", "dyhat_dz", "dL_dz"})
    CHECK_MESSAGE(first.contains(key), key);
  CHECK(first["i"] == 1);
  check_vector(first["x"], {1.0, 1.4, 0.2});
  // 0.685680 to 6 decimals in the reference; full precision here
  CHECK(std::fabs(first["yhat"].get<double>() - 1.0 / (1.0 + std::exp(-0.78))) < 1e-15);
  check_vector(s["gradient"], {0.270249, 0.243133, -0.019540});
  check_vector(s["theta_after"], {0.097298, 0.497569, -0.099805});
  CHECK(std::fabs(s["loss_before"].get<double>() - 0.669262) < 5e-7);
  CHECK(std::fabs(s["loss_after"].get<double>() - 0.667943) < 5e-7);
}

TEST_CASE("trace reproduces the reference values for every loss and activation") {
  struct Case { const char* args; std::vector<double> gradient, theta_after; double loss_before, loss_after; };
  const Case cases[] = {
      {"", {0.270249, 0.243133, -0.019540}, {0.097298, 0.497569, -0.099805}, 0.669262, 0.667943},
      {"--batch 2,4", {0.289618, 0.282172, -0.006492}, {0.097104, 0.497178, -0.099935}, 0.669262, 0.667800},
      {"--mode stochastic", {0.685680, 0.959952, 0.137136}, {0.093143, 0.490400, -0.101371}, 0.669262, 0.665182},
      {"--loss mse", {0.127652, 0.147642, 0.006447}, {0.098723, 0.498524, -0.100064}, 0.250653, 0.250272},
      {"--activation tanh", {0.764769, 0.983681, 0.087759}, {0.092352, 0.490163, -0.100878}, 0.583845, 0.568432},
      {"--activation tanh --loss mse", {0.359940, 0.504780, 0.062690}, {0.096401, 0.494952, -0.100627}, 0.224904, 0.221018},
  };
  for (const Case& c : cases) {
    CAPTURE(c.args);
    const CliResult r = run_cli(std::string("trace --format json ") + c.args);
    REQUIRE(r.exit_code == 0);
    const json s = json_lines(r.out).at(0);
    check_vector(s["gradient"], c.gradient);
    check_vector(s["theta_after"], c.theta_after);
    CHECK(std::fabs(s["loss_before"].get<double>() - c.loss_before) < 5e-7);
    CHECK(std::fabs(s["loss_after"].get<double>() - c.loss_after) < 5e-7);
  }
}

TEST_CASE("trace of softmax prints K-vectors, the K×K Jacobian and θ as K rows") {
  const CliResult r = run_cli("trace --format json --data iris --activation softmax --loss cce --batch 1,51,101");
  REQUIRE(r.exit_code == 0);
  const json s = json_lines(r.out).at(0);
  REQUIRE(s["theta_before"].size() == 3);
  CHECK(s["theta_before"][0].size() == 3);   // b, petal length, petal width
  REQUIRE(s["samples"].size() == 3);
  const json& sample = s["samples"][1];
  CHECK(sample["i"] == 51);
  CHECK(sample["y"] == 1);                   // versicolor, 0-based class index
  CHECK(sample["z"].size() == 3);
  CHECK(sample["yhat"].size() == 3);
  CHECK(sample["dyhat_dz"].size() == 3);
  CHECK(sample["dyhat_dz"][0].size() == 3);
  // θ = 0: every class equally likely; ∂L/∂z = ŷ − y = [1/3, −2/3, 1/3]
  check_vector(sample["dL_dz"], {1.0 / 3, -2.0 / 3, 1.0 / 3}, 1e-15);
  CHECK(s["gradient"].size() == 3);
}

TEST_CASE("trace --every prints every k-th step and the last, and --no-samples leaves samples out") {
  const CliResult r = run_cli("trace --format json --steps 10 --every 3 --no-samples");
  REQUIRE(r.exit_code == 0);
  const std::vector<json> steps = json_lines(r.out);
  REQUIRE(steps.size() == 4);
  CHECK(steps[0]["step"] == 3);
  CHECK(steps[1]["step"] == 6);
  CHECK(steps[2]["step"] == 9);
  CHECK(steps[3]["step"] == 10);
  CHECK_FALSE(steps[0].contains("samples"));
  CHECK(steps[0]["batch"] == json({1, 2, 3, 4}));   // a full batch is listed even without samples
}

TEST_CASE("trace CSV has a header and one row per step") {
  const CliResult r = run_cli("trace --format csv --steps 5 --mode minibatch --batch-size 3");
  REQUIRE(r.exit_code == 0);
  std::istringstream in(r.out);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  REQUIRE(lines.size() == 6);
  CHECK(lines[0].rfind("step,epoch,batch,status", 0) == 0);
  CHECK(lines[1].rfind("1,1,\"1 2 3\",ok,", 0) == 0);
  CHECK(lines[2].rfind("2,1,\"4 1 2\",ok,", 0) == 0);   // wraps at the end of the data
  CHECK(lines[3].rfind("3,2,\"3 4 1\",ok,", 0) == 0);
}

TEST_CASE("a diverged run exits 3 after printing its steps, with no NaN") {
  const CliResult r = run_cli("trace --format json --lr 1e6 --steps 5");
  CHECK(r.exit_code == 3);
  const std::vector<json> steps = json_lines(r.out);
  REQUIRE(steps.size() == 1);
  CHECK(steps[0]["status"] == "diverged");
  CHECK(contains(steps[0]["message"].get<std::string>(), "Diverged"));
  CHECK_FALSE(mentions_nan(r.out));
  CHECK(contains(r.err, "Diverged"));
}

TEST_CASE("tanh + BCE where ŷ ≤ 0 is refused, naming the samples, with no NaN") {
  const CliResult r = run_cli("trace --activation tanh --theta -1,0,0");
  CHECK(r.exit_code == 3);
  CHECK(contains(r.out, "REFUSED"));
  CHECK(contains(r.out, "sample 1"));
  CHECK_FALSE(mentions_nan(r.out));
  const CliResult j = run_cli("trace --format json --activation tanh --theta -1,0,0");
  const json s = json_lines(j.out).at(0);
  CHECK(s["status"] == "refused");
  CHECK(s["theta_after"] == s["theta_before"]);
  // z = −1 for every sample: the loss and what depends on it are null, ∂ŷ/∂z = 1 − tanh²(z) is not.
  for (const json& sample : s["samples"]) {
    CHECK(sample["loss"].is_null());
    CHECK(sample["dL_dz"].is_null());
    REQUIRE(sample["dyhat_dz"].is_number());
    CHECK(sample["dyhat_dz"].get<double>() == doctest::Approx(1.0 - std::tanh(1.0) * std::tanh(1.0)).epsilon(1e-15));
  }
}

TEST_CASE("bad input exits 2 with one clear message naming what is wrong") {
  const std::string bad_csv = write_temp("bad.csv", "a,b,label\n1,2,0\n3,x,1\n");
  const std::string short_csv = write_temp("short.csv", "a,b,label\n1,2,0\n3,1\n");
  struct Case { std::string args, expected; };
  const Case cases[] = {
      {"--bogus", "--bogus"},
      {"--loss hinge", "--loss"},
      {"--activation relu", "--activation"},
      {"--mode online", "--mode"},
      {"--batch 5", "sample 5 is out of range"},
      {"--batch 0", "--batch"},
      {"--theta 1,2", "this model needs 3 numbers"},
      {"--theta 1,x,3", "'x' is not a finite number"},
      {"--mode minibatch --batch-size 0", "--batch-size"},
      {"--mode minibatch --batch-size 9", "larger than the data set"},
      {"--lr 0", "--lr"},
      {"--lr abc", "--lr"},
      {"--momentum 1", "--momentum"},
      {"--steps -3", "--steps"},
      {"--format xml", "--format"},
      {"--loss cce", "softmax"},
      {"--data iris", "--classes"},
      {"--data nowhere.csv", "nowhere.csv"},
      {"--data " + bad_csv, bad_csv + ":3:2"},
      {"--data " + short_csv, short_csv + ":3:"},
      {"--data iris --classes 1,4", "class 4 does not exist"},
      {"--features 3", "column 3 does not exist"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.args);
    const CliResult r = run_cli("trace " + c.args);
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    INFO("stderr: " << r.err);
    CHECK(contains(r.err, c.expected));
    CHECK(contains(r.err, "logistic-lab trace: "));
  }
  std::remove(bad_csv.c_str());
  std::remove(short_csv.c_str());
}

TEST_CASE("trace reads the simple CSV form: header, numeric features, label last") {
  const std::string path = write_temp("flowers.csv", "petal_length,petal_width,label\n1.4,0.2,0\n1.5,0.2,0\n3.0,1.1,1\n4.1,1.3,1\n");
  const CliResult r = run_cli("trace --format json --theta 0.1,0.5,-0.1 --data " + path);
  REQUIRE(r.exit_code == 0);
  check_vector(json_lines(r.out).at(0)["gradient"], {0.270249, 0.243133, -0.019540});
  std::remove(path.c_str());
}

TEST_CASE("--help and --version exit 0") {
  CHECK(run_cli("--version").exit_code == 0);
  CHECK(contains(run_cli("--version").out, "logistic-lab"));
  const CliResult help = run_cli("trace --help");
  CHECK(help.exit_code == 0);
  CHECK(contains(help.out, "--batch-size"));
}

TEST_CASE("--decimals 6 writes the slides' example with the reference's six decimals") {
  // ../shared/reference/worked-examples.md §1: ŷ 0.685680, L 1.157344, ∂L/∂ŷ 3.181472,
  // ∂ŷ/∂z 0.215523 for sample 1; θ after [0.097298, 0.497569, −0.099805].
  const CliResult r = run_cli("trace --decimals 6");
  REQUIRE(r.exit_code == 0);
  CHECK(contains(r.out, "0.78  0.685680  1.157344   3.181472  0.215523   0.685680"));
  CHECK(contains(r.out, "θ = [0.097298, 0.497569, −0.099805]"));
  CHECK(run_cli("trace --decimals 9").exit_code == 2);
}

TEST_CASE("sizes a user can type have limits checked before anything is allocated (issue 11)") {
  // 10^12 blobs once threw std::bad_alloc and aborted; now a message and exit 2, at once.
  CliResult r = run_cli("trace --data blobs --n 1000000000000 --steps 0");
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("--n: '1000000000000' is not a whole number from 2 to 10,000,000") != std::string::npos);
  r = run_cli("trace --steps 9223372036854775807");
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("--steps: '9223372036854775807' is not a whole number from 0 to 10,000,000") != std::string::npos);
  // The same limits from a scenario file, naming the key.
  const std::string path = "/tmp/ll_limits_" + std::to_string(::getpid()) + ".json";
  {
    std::ofstream f(path);
    f << R"({"format": "logistic-lab-scenario", "version": 1, "data": "blobs", "n": 1000000000000, "steps": 1})";
  }
  r = run_cli("trace --scenario " + path);
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("'n': expected a whole number from 2 to 10,000,000, got 1000000000000") != std::string::npos);
  {
    std::ofstream f(path);
    f << R"({"format": "logistic-lab-scenario", "version": 1, "steps": 1000000000000})";
  }
  r = run_cli("trace --scenario " + path);
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("'steps': expected a whole number from 0 to 10,000,000, got 1000000000000") != std::string::npos);
  std::remove(path.c_str());
  // The most blobs still loads.
  r = run_cli("trace --data blobs --n 10000000 --steps 0 --no-samples");
  CHECK(r.exit_code == 0);
}

TEST_CASE("a NaN given for a number in a range is refused, not ignored (issue 11)") {
  for (const char* args : {"screenshot --font-scale nan", "gui --play nan", "screenshot --font-scale inf"}) {
    INFO(args);
    const CliResult r = run_cli(args);
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("is not a number from") != std::string::npos);
  }
  const CliResult r = run_cli("screenshot --bench-frames 9223372036854775807");
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("--bench-frames: '9223372036854775807' is not a whole number from 1 to 1,000,000") != std::string::npos);
}

TEST_CASE("trace to a full disk says so and exits 2 instead of 0 with the output cut off (issue 11)") {
  CliResult r = run_cli("trace --steps 3 >/dev/full");
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("logistic-lab trace: cannot write the output: No space left on device") != std::string::npos);
  r = run_cli("trace --steps 3 --format json >/dev/full");
  CHECK(r.exit_code == 2);
  // Written whole, the same trace exits 0.
  r = run_cli("trace --steps 3 >/dev/null");
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
}
