// Opening a CSV file from the window (path field, recent files, a dropped file): a good file
// becomes the data set; a bad one leaves the run as it was and says what is wrong.
#include <doctest/doctest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <string>

#include "model/file_actions.h"
#include "model/user_settings.h"

using namespace ll;
using namespace ll::app;
using ll::BatchMode;

namespace {

std::string write_temp(const std::string& name, const std::string& text) {
  const std::string path = "/tmp/ll-file-actions-" + std::to_string(getpid()) + "-" + name;
  std::ofstream(path) << text;
  return path;
}

AppState started() {
  AppState s;
  REQUIRE(start_run(s, RunSpec{}));
  return s;
}

}  // namespace

TEST_CASE("opening a good CSV file makes it the data set and heads the recent files") {
  AppState s = started();
  const std::string path = write_temp("good.csv", "length,width,kind\n1.4,0.2,small\n1.3,0.2,small\n4.7,1.4,large\n");
  REQUIRE(open_csv_file(s, path));
  CHECK(s.data().rows() == 3);
  CHECK(s.data().class_names == std::vector<std::string>{"large", "small"});
  CHECK(s.trainer->current_step() == 0);
  CHECK(s.recent_files == std::vector<std::string>{path});
  CHECK_FALSE(s.status_is_error);
  std::remove(path.c_str());
}

TEST_CASE("opening a malformed CSV file keeps the run and says file, line and column") {
  AppState s = started();
  run_steps(s, 2);
  const std::size_t step = s.trainer->current_step();
  const auto data_before = s.data_ptr();
  const std::string path = write_temp("broken.csv", "length,width,kind\n1.4,0.2,small\n1.3,oops,small\n");
  CHECK_FALSE(open_csv_file(s, path));
  CHECK(s.data_ptr() == data_before);
  CHECK(s.trainer->current_step() == step);
  CHECK(s.status_is_error);
  CHECK(s.status.find(path + ":3:2:") == 0);
  CHECK(s.recent_files.empty());
  std::string error;
  CHECK_FALSE(act_on_path(s, AppState::PathDialog::Kind::OpenCsv, path, &error));
  CHECK(error == s.status);
  std::remove(path.c_str());
}

TEST_CASE("files dropped on the window: the ones that load count, a bad one changes nothing") {
  AppState s = started();
  const std::string good = write_temp("drop-good.csv", "a,b,y\n0,0,0\n1,1,1\n2,2,1\n");
  const std::string bad = write_temp("drop-bad.csv", "a,b,y\n0,0\n");
  CHECK(open_dropped_files(s, {bad}) == 0);
  CHECK(s.data().name == "iris4");
  CHECK(open_dropped_files(s, {good, bad}) == 1);
  CHECK(s.data().name == good.substr(good.rfind('/') + 1));
  std::remove(good.c_str());
  std::remove(bad.c_str());
}

TEST_CASE("recent files: most recent first, no duplicates, at most ten") {
  std::vector<std::string> list;
  for (int k = 0; k < 12; ++k) add_recent(list, "f" + std::to_string(k));
  add_recent(list, "f5");
  REQUIRE(list.size() == 10);
  CHECK(list[0] == "f5");
  CHECK(list[1] == "f11");
  CHECK(std::count(list.begin(), list.end(), "f5") == 1);
}

TEST_CASE("opening a scenario file starts its run at its step with its look; a bad one changes nothing") {
  AppState s = started();
  std::string error;
  REQUIRE(open_scenario_file(s, std::string(LL_ASSETS_DIR_FOR_TESTS) + "/scenarios/02-minibatch-2-4.json", &error));
  CHECK(s.trainer->current_step() == 1);
  REQUIRE(shown_record(s));
  CHECK(shown_record(s)->batch == std::vector<std::size_t>{1, 3});   // the slides' samples 2 and 4
  CHECK(shown_record(s)->theta_after.values[0] == doctest::Approx(0.0971).epsilon(1e-4));
  CHECK_FALSE(s.lesson_title.empty());
  CHECK(s.recent_scenarios.size() == 1);

  const auto data_before = s.data_ptr();
  const std::size_t step_before = s.trainer->current_step();
  const std::string bad = write_temp("bad.json", R"({"format": "logistic-lab-scenario", "version": 1, "lr": "fast"})");
  CHECK_FALSE(open_scenario_file(s, bad, &error));
  CHECK(error.find("key 'lr'") != std::string::npos);
  CHECK(s.data_ptr() == data_before);
  CHECK(s.trainer->current_step() == step_before);
  CHECK(s.status_is_error);
  std::remove(bad.c_str());
}

TEST_CASE("a scenario saved from the window reopens on the same run, step and look") {
  AppState s = started();
  Settings faster = s.settings();
  faster.learning_rate = 0.5;
  faster.mode = BatchMode::Stochastic;
  change_settings(s, faster);
  reset_run(s);
  run_steps(s, 2);
  s.light_theme = true;
  s.panels.chain = false;
  s.lesson_title = "Stochastic, η = 0.5";
  const Params theta = s.trainer->theta();
  const std::string path = write_temp("saved.json", "");
  std::string error;
  REQUIRE(save_scenario_file(s, path, &error));

  AppState back = started();
  REQUIRE(open_scenario_file(back, path, &error));
  CHECK(back.trainer->current_step() == 2);
  CHECK(back.settings().learning_rate == 0.5);
  CHECK(back.settings().mode == BatchMode::Stochastic);
  CHECK(back.trainer->theta() == theta);  // bit for bit: the same steps replayed
  CHECK(back.light_theme);
  CHECK_FALSE(back.panels.chain);
  CHECK(back.lesson_title == "Stochastic, η = 0.5");
  std::remove(path.c_str());
}

TEST_CASE("a dropped .json file opens as a scenario") {
  AppState s = started();
  CHECK(open_dropped_files(s, {std::string(LL_ASSETS_DIR_FOR_TESTS) + "/scenarios/07-one-feature-iris6.json"}) == 1);
  CHECK(s.data().name == "iris6");
}
