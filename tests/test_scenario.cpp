// Scenario files (run/scenario.h): save → load round trips, every file in assets/scenarios
// reproducing its worked example through `logistic-lab trace --scenario FILE`, options beside
// --scenario winning, and broken files reported by file and key, exit code 2.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "approx.h"
#include "cli/run_options.h"
#include "cli_runner.h"
#include "run/scenario.h"
#include "ll/assets.h"
#include "ll/dataset.h"
#include "ll/error.h"

using nlohmann::json;

namespace {

constexpr double kSixDecimals = 5e-7;  // half a unit in the 6th decimal

const std::string kHeader = R"("format": "logistic-lab-scenario", "version": 1)";

std::string scenario_file(const std::string& name) { return ll::assets_dir() + "/scenarios/" + name; }

std::string temp_folder() {
  const std::filesystem::path folder =
      std::filesystem::temp_directory_path() / ("ll_scenario_" + std::to_string(::getpid()));
  std::filesystem::create_directories(folder);
  return folder.string();
}

std::string write_temp(const std::string& name, const std::string& text) {
  const std::string path = temp_folder() + "/" + name;
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

// The single step `trace --scenario FILE --format json [extra]` prints.
json traced_step(const std::string& file, const std::string& extra = "") {
  const CliResult r = run_cli("trace --scenario " + file + " --format json " + extra);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return json::parse(r.out);
}

std::vector<double> numbers(const json& list) { return list.get<std::vector<double>>(); }

std::vector<double> per_sample(const json& step, const char* key) {
  std::vector<double> out;
  for (const json& s : step["samples"]) out.push_back(s[key].get<double>());
  return out;
}

// The message parse_scenario throws for `text`, or "" if it parses.
std::string parse_error(const std::string& text) {
  try {
    ll::app::parse_scenario(text, "lesson.json");
  } catch (const ll::InputError& e) {
    return e.what();
  }
  return "";
}

std::string load_error(const std::string& path) {
  try {
    ll::app::load_scenario(path);
  } catch (const ll::InputError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

// [Round trips] -------------------------------------------------------------------------------

TEST_CASE("a scenario saved and loaded again is the same scenario") {
  ll::app::RunSpec s;
  ll::app::ViewSpec view;
  view.title = "Momentum on two flowers — θ";
  view.description = "Line one\nline \"two\"";
  view.theme = ll::app::Theme::Light;
  view.font_scale = 1.1f;
  view.panels.chain = false;
  view.panels.loss = false;
  s.view = view;
  s.data.source = "iris";
  s.data.features = {1, 3};
  s.data.classes = {2, 3};
  s.data.standardize = true;
  s.data.test_fraction = 0.25;
  s.settings.loss = ll::Loss::MSE;
  s.settings.activation = ll::Activation::Tanh;
  s.settings.mode = ll::BatchMode::MiniBatch;
  s.settings.batch_size = 5;
  s.first_batch = {1, 3, 6};
  s.settings.order = ll::Order::Shuffle;
  s.settings.seed = 42;
  s.settings.learning_rate = 0.03;
  s.settings.momentum = 0.9;
  s.theta0 = ll::Params::row({0.1, -0.7, 0.30000000000000004});
  s.steps = 12;
  const std::string path = temp_folder() + "/round_trip.json";
  std::string error;
  REQUIRE_MESSAGE(ll::app::save_scenario(path, s, &error), error);
  CHECK(ll::app::load_scenario(path) == s);
}

TEST_CASE("a softmax θ and blobs settings survive the trip through JSON text") {
  ll::app::RunSpec s;
  s.view = ll::app::ViewSpec{};
  s.data.source = "blobs";
  s.data.blobs_n = 50;
  s.data.blobs_separation = 2.5;
  s.settings.activation = ll::Activation::Softmax;
  s.settings.loss = ll::Loss::CCE;
  s.theta0 = ll::parse_params("0.1,0.2,0.3;-0.1,-0.2,-0.3");
  const std::string text = ll::app::scenario_json(s);
  CHECK(json::parse(text)["theta"] == json::parse("[[0.1, 0.2, 0.3], [-0.1, -0.2, -0.3]]"));
  CHECK(ll::app::parse_scenario(text, "s.json") == s);
  CHECK_NOTHROW(ll::app::check_scenario(s, "s.json"));
}

TEST_CASE("a file with only the format and version is the default run") {
  const ll::app::RunSpec s = ll::app::parse_scenario("{" + kHeader + "}", "lesson.json");
  ll::app::RunSpec defaults;
  defaults.view = ll::app::ViewSpec{};  // a file always has the view part
  CHECK(s == defaults);
  CHECK(s.steps == 1);
}

TEST_CASE("the window's settings and θ₀ written as a scenario rebuild the same run") {
  ll::app::RunSpec spec;
  spec.data.source = "iris";
  spec.settings.activation = ll::Activation::Softmax;
  spec.settings.loss = ll::Loss::CCE;
  const ll::app::Run run = ll::app::make_run(spec);
  ll::Settings changed = run.settings;
  changed.mode = ll::BatchMode::MiniBatch;
  changed.batch_size = 16;
  changed.order = ll::Order::Shuffle;
  changed.learning_rate = 0.3;
  changed.momentum = 0.5;
  ll::Params theta0 = run.theta0;
  theta0.at(2, 1) = 0.1 + 0.2;   // 0.30000000000000004: must come back exactly
  spec.settings = changed;
  spec.theta0 = theta0;
  ll::app::RunSpec saved = ll::app::parse_scenario(ll::app::scenario_json(spec), "s.json");
  const ll::app::Run rebuilt = ll::app::make_run(saved);
  CHECK(rebuilt.settings == changed);
  CHECK(rebuilt.theta0 == theta0);
  CHECK(saved.view.has_value());
  saved.view.reset();
  CHECK(saved == spec);
}

// [The worked examples] -----------------------------------------------------------------------

TEST_CASE("scenario 01: the full batch reproduces §1's per-sample chain, gradient and θ after") {
  const json s = traced_step(scenario_file("01-batch.json"));
  CHECK_NEAR_ALL(per_sample(s, "yhat"), (std::vector<double>{0.685680, 0.696355, 0.816078, 0.882881}), kSixDecimals);
  CHECK_NEAR_ALL(per_sample(s, "loss"), (std::vector<double>{1.157344, 1.191896, 0.203245, 0.124565}), kSixDecimals);
  CHECK_NEAR_ALL(per_sample(s, "dL_dyhat"), (std::vector<double>{3.181472, 3.293319, -1.225373, -1.132655}), kSixDecimals);
  CHECK_NEAR_ALL(per_sample(s, "dyhat_dz"), (std::vector<double>{0.215523, 0.211445, 0.150095, 0.103402}), kSixDecimals);
  CHECK_NEAR_ALL(numbers(s["gradient"]), (std::vector<double>{0.270249, 0.243133, -0.019540}), kSixDecimals);
  CHECK_NEAR_ALL(numbers(s["theta_after"]), (std::vector<double>{0.097298, 0.497569, -0.099805}), kSixDecimals);
  CHECK_NEAR(s["loss_before"].get<double>(), 0.669262, kSixDecimals);
  CHECK_NEAR(s["loss_after"].get<double>(), 0.667943, kSixDecimals);
}

TEST_CASE("scenario 02: the mini-batch of samples 2 and 4 reproduces §2") {
  const json s = traced_step(scenario_file("02-minibatch-2-4.json"));
  CHECK(s["batch"] == json({2, 4}));
  // The slides print 0.1918 for sample 2's loss; the reference corrects it to 1.191896.
  CHECK_NEAR_ALL(per_sample(s, "loss"), (std::vector<double>{1.191896, 0.124565}), kSixDecimals);
  CHECK_NEAR_ALL(numbers(s["gradient"]), (std::vector<double>{0.289618, 0.282172, -0.006492}), kSixDecimals);
  CHECK_NEAR_ALL(numbers(s["theta_after"]), (std::vector<double>{0.097104, 0.497178, -0.099935}), kSixDecimals);
  CHECK_NEAR(s["loss_after"].get<double>(), 0.667800, kSixDecimals);
}

TEST_CASE("scenario 03: the stochastic step on sample 1 reproduces §3") {
  const json s = traced_step(scenario_file("03-stochastic-1.json"));
  CHECK(s["batch"] == json({1}));
  CHECK_NEAR_ALL(numbers(s["gradient"]), (std::vector<double>{0.685680, 0.959952, 0.137136}), kSixDecimals);
  CHECK_NEAR_ALL(numbers(s["theta_after"]), (std::vector<double>{0.093143, 0.490400, -0.101371}), kSixDecimals);
  CHECK_NEAR(s["loss_after"].get<double>(), 0.665182, kSixDecimals);
}

TEST_CASE("scenario 04: sigmoid + squared error reproduces §4") {
  const json s = traced_step(scenario_file("04-sigmoid-squared-error.json"));
  CHECK_NEAR_ALL(per_sample(s, "dL_dz"), (std::vector<double>{0.295560, 0.294481, -0.055211, -0.024221}), kSixDecimals);
  CHECK_NEAR(s["loss_before"].get<double>(), 0.250653, kSixDecimals);
  CHECK_NEAR_ALL(numbers(s["gradient"]), (std::vector<double>{0.127652, 0.147642, 0.006447}), kSixDecimals);
  CHECK_NEAR_ALL(numbers(s["theta_after"]), (std::vector<double>{0.098723, 0.498524, -0.100064}), kSixDecimals);
  CHECK_NEAR(s["loss_after"].get<double>(), 0.250272, kSixDecimals);
}

TEST_CASE("scenario 05: tanh + BCE reproduces §5") {
  const json s = traced_step(scenario_file("05-tanh-cross-entropy.json"));
  CHECK_NEAR_ALL(per_sample(s, "yhat"), (std::vector<double>{0.652707, 0.680476, 0.903325, 0.965414}), kSixDecimals);
  CHECK_NEAR_ALL(per_sample(s, "dL_dz"), (std::vector<double>{1.652707, 1.680476, -0.203697, -0.070412}), kSixDecimals);
  CHECK_NEAR(s["loss_before"].get<double>(), 0.583845, kSixDecimals);
  CHECK_NEAR_ALL(numbers(s["gradient"]), (std::vector<double>{0.764769, 0.983681, 0.087759}), kSixDecimals);
  CHECK_NEAR_ALL(numbers(s["theta_after"]), (std::vector<double>{0.092352, 0.490163, -0.100878}), kSixDecimals);
  CHECK_NEAR(s["loss_after"].get<double>(), 0.568432, kSixDecimals);
}

TEST_CASE("scenario 06: tanh + squared error reproduces §6") {
  const json s = traced_step(scenario_file("06-tanh-squared-error.json"));
  CHECK_NEAR_ALL(per_sample(s, "dL_dz"), (std::vector<double>{0.749273, 0.730766, -0.035577, -0.004702}), kSixDecimals);
  CHECK_NEAR(s["loss_before"].get<double>(), 0.224904, kSixDecimals);
  CHECK_NEAR_ALL(numbers(s["gradient"]), (std::vector<double>{0.359940, 0.504780, 0.062690}), kSixDecimals);
  CHECK_NEAR_ALL(numbers(s["theta_after"]), (std::vector<double>{0.096401, 0.494952, -0.100627}), kSixDecimals);
  CHECK_NEAR(s["loss_after"].get<double>(), 0.221018, kSixDecimals);
}

TEST_CASE("scenario 07: one feature on iris6 reproduces §7's z and ŷ, and --theta gives its second row") {
  const json first = traced_step(scenario_file("07-one-feature-iris6.json"));
  CHECK_NEAR_ALL(per_sample(first, "z"), (std::vector<double>{0.095, -0.119, 0.1485, 0.951, 1.379, 1.5395}), kSixDecimals);
  CHECK_NEAR_ALL(per_sample(first, "yhat"),
                 (std::vector<double>{0.523732, 0.470285, 0.537057, 0.721316, 0.798830, 0.823392}), kSixDecimals);
  const json second = traced_step(scenario_file("07-one-feature-iris6.json"), "--theta=-5.156,2.331");
  CHECK_NEAR_ALL(per_sample(second, "yhat"),
                 (std::vector<double>{0.130948, 0.055988, 0.159829, 0.862594, 0.975915, 0.987885}), kSixDecimals);
}

TEST_CASE("scenario 08: softmax on the 150 Iris flowers starts at ŷ = 1/3 and the mean of (ŷ − y)x") {
  // θ = 0: every score is 0, so ŷ_k = e⁰/(3e⁰) = 1/3 and L = log 3 for every flower (§8's formula
  // with equal scores). The gradient is 1/m Σ (ŷ − onehot(y)) xᵀ, recomputed here from the
  // samples the trace prints.
  const json s = traced_step(scenario_file("08-softmax-iris.json"));
  REQUIRE(s["samples"].size() == 150);
  CHECK_NEAR(s["loss_before"].get<double>(), std::log(3.0), kSixDecimals);
  CHECK_NEAR_ALL(numbers(s["samples"][0]["yhat"]), (std::vector<double>{1 / 3.0, 1 / 3.0, 1 / 3.0}), 1e-12);
  std::vector<double> expected(3 * 5, 0.0);
  for (const json& sample : s["samples"]) {
    const std::vector<double> x = numbers(sample["x"]);
    REQUIRE(x.size() == 5);
    for (int k = 0; k < 3; ++k)
      for (std::size_t j = 0; j < 5; ++j)
        expected[static_cast<std::size_t>(k) * 5 + j] += (1 / 3.0 - (sample["y"] == k ? 1.0 : 0.0)) * x[j] / 150.0;
  }
  std::vector<double> gradient;
  for (const json& row : s["gradient"])
    for (const json& v : row) gradient.push_back(v.get<double>());
  CHECK_NEAR_ALL(gradient, expected, 1e-12);
}

// [Options beside --scenario] -----------------------------------------------------------------

TEST_CASE("options given beside --scenario win over the file's") {
  // η = 0.1 instead of the file's 0.01: θ after = θ − 0.1 · [0.270249, 0.243133, −0.019540].
  const json s = traced_step(scenario_file("01-batch.json"), "--lr 0.1");
  CHECK_NEAR_ALL(numbers(s["theta_after"]), (std::vector<double>{0.072975, 0.475687, -0.098046}), kSixDecimals);
  const json mse = traced_step(scenario_file("01-batch.json"), "--loss mse");
  CHECK_NEAR_ALL(numbers(mse["gradient"]), (std::vector<double>{0.127652, 0.147642, 0.006447}), kSixDecimals);
  const CliResult two = run_cli("trace --scenario " + scenario_file("01-batch.json") + " --steps 2 --format json");
  CHECK(two.exit_code == 0);
  CHECK(std::count(two.out.begin(), two.out.end(), '\n') == 2);
}

TEST_CASE("every option add_run_options registers is carried over by apply_given_run_options") {
  // Each option given as 7 (a flag: given alone); what the command line parsed must all arrive.
  CLI::App command;
  ll::app::RunSpec given;
  ll::app::add_run_options(command, given);
  std::string args;
  for (const CLI::Option* option : command.get_options()) {
    if (option->get_name() == "--help") continue;
    // The named choices take a name, the others a number.
    const std::string name = option->get_name();
    const char* value = name == "--loss" ? " mse" : name == "--activation" ? " tanh" : name == "--mode" ? " minibatch"
                        : name == "--order" ? " shuffle" : name == "--labels" ? " pm1"
                        : name == "--reduction" ? " sum" : name == "--squared-error" ? " half"
                        : name == "--momentum-form" ? " ema" : " 7";
    args += " " + name + (option->get_expected_min() > 0 ? value : "");
  }
  command.parse(args);
  ll::app::RunSpec into;
  ll::app::apply_given_run_options(command, given, into);
  CHECK(into == given);
  CHECK(into != ll::app::RunSpec{});
}

TEST_CASE("--scenario without a command opens the window, and before trace it is refused") {
  const CliResult r = run_cli("--scenario " + scenario_file("01-batch.json") + " trace");
  CHECK(r.exit_code == 2);
  CHECK_CONTAINS(r.err, "--scenario goes after the command");
}

// [Broken files] ------------------------------------------------------------------------------

TEST_CASE("a value of the wrong type is reported with the file, the key and the value") {
  CHECK(parse_error("{" + kHeader + R"(, "lr": "fast"})") == "lesson.json: key 'lr': expected a number, got \"fast\"");
  CHECK(parse_error("{" + kHeader + R"(, "batch": [2, 0]})") ==
        "lesson.json: key 'batch': expected a list of numbers from 1, e.g. [1, 2], got 0");
  CHECK(parse_error("{" + kHeader + R"(, "panels": {"chain": "no"}})") ==
        "lesson.json: key 'panels.chain': expected true or false, got \"no\"");
}

TEST_CASE("an unknown key is rejected by name, with a suggestion when one is close") {
  CHECK(parse_error("{" + kHeader + R"(, "lrr": 0.1})") == "lesson.json: unknown key 'lrr' (did you mean 'lr'?)");
  CHECK(parse_error("{" + kHeader + R"(, "learning_rate": 0.1})") ==
        "lesson.json: unknown key 'learning_rate' (did you mean 'lr'?)");
  CHECK(parse_error("{" + kHeader + R"(, "colour": "red"})") == "lesson.json: unknown key 'colour'");
}

TEST_CASE("a missing format, a newer version and a wrong version are said plainly") {
  CHECK_CONTAINS(parse_error(R"({"lr": 0.1})"), "lesson.json: not a Logistic Lab scenario");
  CHECK(parse_error(R"({"format": "logistic-lab-scenario", "version": 2})") ==
        "lesson.json: version 2 was written by a newer Logistic Lab; this one reads version 1 (update "
        "Logistic Lab to open it)");
  CHECK(parse_error(R"({"format": "logistic-lab-scenario", "version": "1"})") ==
        "lesson.json: key 'version': expected a version number such as 1, got \"1\"");
}

TEST_CASE("a JSON syntax error gives the line and column, counted in characters") {
  // The column is the offending token's last character, as nlohmann's own message counts it: the
  // closing quote of "lr" is character 19 of line 4 (byte 20: θ takes two).
  CHECK(parse_error("{\n  \"format\": \"logistic-lab-scenario\",\n  \"version\": 1,\n  \"title\": \"θ\" \"lr\": 1\n}") ==
        "lesson.json:4:19: not valid JSON: syntax error while parsing object - unexpected string literal; "
        "expected '}'");
  // At the end of the text, the place is its last character (run/json_reading.h: the one rule for
  // scenario and settings files), here the space after the colon.
  CHECK_CONTAINS(parse_error("{\"format\": "), "lesson.json:1:11: not valid JSON");
}

TEST_CASE("a number too large for a double is reported as bad JSON, not thrown as something else") {
  // Found by the fuzzer: nlohmann throws out_of_range (not parse_error) for 1e400.
  CHECK(parse_error("{" + kHeader + R"(, "lr": 1e400})") ==
        "lesson.json: not valid JSON: number overflow parsing '1e400'");
}

TEST_CASE("values that do not fit the data are reported at load time, naming the key") {
  const std::string unknown = write_temp("unknown_data.json", "{" + kHeader + R"(, "data": "iris5"})");
  CHECK(load_error(unknown) ==
        "unknown_data.json: key 'data': unknown data set 'iris5' (choose iris4, iris6, iris, blobs, or the path "
        "of a CSV file)");
  const std::string short_theta = write_temp("short_theta.json", "{" + kHeader + R"(, "theta": [0.1, 0.5]})");
  CHECK(load_error(short_theta) == "short_theta.json: key 'theta': got 2 numbers [b, w1], but this model needs 3 numbers [b, w1, w2]");
  // A huge θ: the message names its first and last entries, not all of them (it stays a line).
  std::string huge = "{" + kHeader + R"(, "theta": [0)";
  for (int k = 1; k < 300000; ++k) huge += ",0";
  const std::string huge_theta = write_temp("huge_theta.json", huge + "]}");
  CHECK(load_error(huge_theta) == "huge_theta.json: key 'theta': got 300000 numbers [b, w1, w2, w3, …, w299999], "
                                  "but this model needs 3 numbers [b, w1, w2]");
  const std::string bad_lr = write_temp("bad_lr.json", "{" + kHeader + R"(, "lr": -1})");
  CHECK_CONTAINS(load_error(bad_lr), "bad_lr.json: key 'lr': the learning rate η must be a positive number");
  const std::string bad_batch = write_temp("bad_batch.json", "{" + kHeader + R"(, "batch": [9]})");
  CHECK_CONTAINS(load_error(bad_batch), "bad_batch.json: key 'batch': sample 9 is out of range");
}

TEST_CASE("parsing reads no data: a missing CSV is found by check_scenario, not by parse_scenario") {
  const ll::app::RunSpec s = ll::app::parse_scenario("{" + kHeader + R"(, "data": "/no/such/flowers.csv"})", "a.json");
  CHECK(s.data.source == "/no/such/flowers.csv");
  CHECK_THROWS_WITH_AS(ll::app::check_scenario(s, "a.json"), doctest::Contains("a.json: /no/such/flowers.csv"),
                       ll::InputError);
}

TEST_CASE("a relative CSV path in a scenario is relative to the scenario's folder") {
  write_temp("flowers.csv", "length,width,kind\n1.4,0.2,a\n1.5,0.2,a\n3.0,1.1,b\n4.1,1.3,b\n");
  const std::string path = write_temp("flowers.json", "{" + kHeader + R"(, "data": "flowers.csv"})");
  const ll::app::RunSpec s = ll::app::load_scenario(path);
  CHECK(s.data.source == temp_folder() + "/flowers.csv");
}

TEST_CASE("a broken scenario on the command line exits 2 with the message on stderr") {
  const std::string path = write_temp("cli_bad.json", "{" + kHeader + R"(, "lr": "fast"})");
  for (const char* command : {"trace", "screenshot", "gui", ""}) {   // "": the window, no command
    const CliResult r = run_cli(std::string(command) + " --scenario " + path);
    INFO(command);
    CHECK(r.exit_code == 2);
    CHECK_CONTAINS(r.err, "cli_bad.json: key 'lr': expected a number, got \"fast\"");
    CHECK(r.out.empty());
  }
  const CliResult missing = run_cli("trace --scenario /no/such/lesson.json");
  CHECK(missing.exit_code == 2);
  CHECK_CONTAINS(missing.err, "/no/such/lesson.json: cannot open (No such file or directory)");
}

TEST_CASE("a pipe, a device, a folder and an oversized file are refused as scenarios, without blocking") {
  // A pipe with no writer would block an ordinary open forever; the reader opens without blocking.
  const std::string fifo = temp_folder() + "/lesson_fifo.json";
  std::filesystem::remove(fifo);
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  const std::string not_regular = ": is not a regular file (a device or a pipe?)";
  CHECK_THROWS_WITH_AS(ll::app::load_scenario(fifo), (fifo + not_regular).c_str(), ll::InputError);
  const CliResult piped = run_cli("trace --scenario " + fifo);
  CHECK(piped.exit_code == 2);
  CHECK_CONTAINS(piped.err, fifo + not_regular);
  std::filesystem::remove(fifo);

  // /dev/zero never ends: it is refused before a byte is read.
  CHECK_THROWS_WITH_AS(ll::app::load_scenario("/dev/zero"), ("/dev/zero" + not_regular).c_str(), ll::InputError);
  const std::string folder = temp_folder() + "/lesson_folder.json";
  std::filesystem::create_directories(folder);
  CHECK_THROWS_WITH_AS(ll::app::load_scenario(folder), (folder + ": is a folder, not a scenario file").c_str(),
                       ll::InputError);

  // A sparse file one byte over the limit: refused by its size, never read.
  const std::string big = write_temp("lesson_big.json", "");
  REQUIRE(::truncate(big.c_str(), static_cast<off_t>(ll::app::kScenarioMaxBytes + 1)) == 0);
  CHECK_THROWS_WITH_AS(ll::app::load_scenario(big),
                       (big + ": the file is 16777217 bytes; the reader's limit is 16777216 bytes (16 MiB)").c_str(),
                       ll::InputError);
  // At the limit the size is accepted (and the text judged as JSON: spaces then an object).
  std::string at_limit = "{" + kHeader + "}";
  at_limit.insert(0, ll::app::kScenarioMaxBytes - at_limit.size(), ' ');
  const std::string fits = write_temp("lesson_fits.json", at_limit);
  CHECK_NOTHROW(ll::app::load_scenario(fits));
}
