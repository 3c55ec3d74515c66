// Points a student moves, adds, deletes or relabels (ll/data_edit.h, model/data_edits.h): each
// edit a new data set; the run restarts from step 0 with it (asking first when steps would go);
// Ctrl+Z undoes; the edited set is saved as CSV and in a scenario file and reads back the same.
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "approx.h"
#include "ll/data_edit.h"
#include "ll/error.h"
#include "model/app_state.h"
#include "run/scenario.h"

using namespace ll;
using namespace ll::app;

namespace {

std::string temp_path(const std::string& name) {
  const std::filesystem::path folder =
      std::filesystem::temp_directory_path() / ("ll_edits_" + std::to_string(::getpid()));
  std::filesystem::create_directories(folder);
  return (folder / name).string();
}

// The run of `spec` before any step (a RunSpec takes one step by default).
AppState started(RunSpec spec = RunSpec{}) {
  AppState s;
  spec.steps = 0;
  REQUIRE(start_run(s, spec));
  return s;
}

}  // namespace

TEST_CASE("each edit is a new data set: the sample moved, added, deleted or relabelled, the rest as it was") {
  const Dataset iris4 = make_iris4();   // x1 = 1.4, 1.5, 3.0, 4.1; x2 = 0.2, 0.2, 1.1, 1.3; y = 0, 0, 1, 1
  const Dataset moved = with_point_moved(iris4, 2, 2.5, 0.7);
  CHECK(moved.columns == std::vector<std::vector<double>>{{1.4, 1.5, 2.5, 4.1}, {0.2, 0.2, 0.7, 1.3}});
  CHECK(moved.labels == iris4.labels);
  CHECK(moved.name == "iris4 (edited)");
  CHECK(with_point_moved(moved, 0, 1.0, 0.0).name == "iris4 (edited)");   // marked once
  CHECK(iris4.columns[0][2] == 3.0);   // the original untouched

  const Dataset added = with_point_added(iris4, 2.0, 0.5, 1);
  CHECK(added.rows() == 5);
  CHECK(added.x(4, 0) == 2.0);
  CHECK(added.x(4, 1) == 0.5);
  CHECK(added.labels.back() == 1);

  const Dataset deleted = with_point_deleted(added, 1);
  CHECK(deleted.columns[0] == std::vector<double>{1.4, 3.0, 4.1, 2.0});
  CHECK(deleted.labels == std::vector<int>{0, 1, 1, 1});

  const Dataset relabelled = with_point_relabelled(added, 4, 0);
  CHECK(relabelled.labels == std::vector<int>{0, 0, 1, 1, 0});

  // What would leave a class empty, or one sample, or name what is not there, is refused.
  CHECK_THROWS_WITH_AS(with_point_deleted(deleted, 0), doctest::Contains("without samples"), InputError);
  CHECK_THROWS_WITH_AS(with_point_relabelled(deleted, 0, 1), doctest::Contains("without samples"), InputError);
  CHECK_THROWS_WITH_AS(with_point_moved(iris4, 4, 0, 0), doctest::Contains("no sample 5"), InputError);
  CHECK_THROWS_WITH_AS(with_point_added(iris4, 0, 0, 2), doctest::Contains("no class 2"), InputError);
}

TEST_CASE("a third feature and beyond: an added sample sits at their means, on the plotted plane") {
  DataOptions o;
  o.source = "iris";
  o.features = {1, 2, 3};
  o.classes = {1, 2};
  const Dataset d = load_dataset(o);
  const Dataset added = with_point_added(d, 5.0, 3.0, 0);
  double sum = 0.0;
  for (double v : d.columns[2]) sum += v;
  CHECK(added.x(100, 2) == sum / 100.0);
}

TEST_CASE("an edit restarts the run from step 0 with the edited data, and Ctrl+Z goes back") {
  AppState s = started();
  REQUIRE(move_sample(s, 2, 2.5, 0.7));   // no steps yet: at once
  CHECK(s.data().name == "iris4 (edited)");
  CHECK(s.data().x(2, 0) == 2.5);
  CHECK(s.trainer->current_step() == 0);
  CHECK(s.theta0() == Params::row({0.1, 0.5, -0.1}));   // the slides' θ₀ kept
  CHECK_CONTAINS(s.status, "moved sample 3");
  // The first step of the edited run is the chain at the moved sample: z = 0.1 + 0.5·2.5 − 0.1·0.7.
  REQUIRE(step_forward(s));
  const StepRecord* r = shown_record(s);
  REQUIRE(r != nullptr);
  CHECK_NEAR(r->samples[2].z[0], 0.1 + 0.5 * 2.5 - 0.1 * 0.7, 1e-15);
  // With a step taken, the next edit waits for "drop the steps?".
  REQUIRE(add_sample(s, 2.0, 0.5, 1));
  REQUIRE(s.edits.pending);
  CHECK(s.data().rows() == 4);
  CHECK(s.trainer->history_size() == 1);
  cancel_edit(s);
  CHECK_FALSE(s.edits.pending);
  CHECK(s.data().rows() == 4);
  CHECK(s.trainer->history_size() == 1);
  REQUIRE(add_sample(s, 2.0, 0.5, 1));
  confirm_edit(s);
  CHECK(s.data().rows() == 5);
  CHECK(s.trainer->history_size() == 0);
  // Undo: back through the edits one by one, to the built-in set.
  REQUIRE(undo_edit(s));
  CHECK(s.data().rows() == 4);
  CHECK(s.data().x(2, 0) == 2.5);
  REQUIRE(undo_edit(s));
  CHECK(s.data().name == "iris4");
  CHECK(s.data().x(2, 0) == 3.0);
  CHECK_FALSE(undo_edit(s));
  CHECK_CONTAINS(s.status, "Nothing to undo");
}

TEST_CASE("editing standardized data keeps the picture: the values as drawn, no longer re-standardized") {
  RunSpec spec;
  spec.data.source = "iris";
  spec.data.classes = {2, 3};
  spec.data.standardize = true;
  AppState s = started(spec);
  const Dataset shown = s.data();
  REQUIRE(move_sample(s, 0, 0.25, -0.5));
  CHECK_FALSE(s.spec.data.standardize);
  CHECK_FALSE(s.data().standardized);
  for (std::size_t i = 1; i < shown.rows(); ++i) CHECK(s.data().x(i, 1) == shown.x(i, 1));
  CHECK(s.data().x(0, 0) == 0.25);
}

TEST_CASE("points are not edited while a test part is held out, nor is a refused edit taken") {
  RunSpec spec;
  spec.data.source = "iris";
  spec.data.classes = {2, 3};
  spec.data.test_fraction = 0.2;
  AppState s = started(spec);
  CHECK_FALSE(move_sample(s, 0, 1.0, 1.0));
  CHECK_CONTAINS(s.status, "Test part");
  CHECK(s.status_is_error);
  AppState t = started();
  CHECK(delete_sample(t, 0));
  CHECK_FALSE(delete_sample(t, 0));   // it would empty setosa
  CHECK(t.data().rows() == 3);
  CHECK_CONTAINS(t.status, "without samples");
}

TEST_CASE("the edited data set is kept in a scenario file and reads back the same run") {
  AppState s = started();
  REQUIRE(move_sample(s, 1, 1.75, 0.4));
  REQUIRE(add_sample(s, 3.5, 1.0, 0));
  const std::string path = temp_path("edited.json");
  std::string error;
  REQUIRE_MESSAGE(save_scenario(path, current_spec(s), &error), error);
  const RunSpec back = load_scenario(path);
  CHECK(back == current_spec(s));
  const Run run = make_run(back);
  CHECK(run.data->columns == s.data().columns);
  CHECK(run.data->labels == s.data().labels);
  CHECK(run.data->class_names == s.data().class_names);
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  CHECK_CONTAINS(text.str(), "\"points\"");
  CHECK_CONTAINS(text.str(), "1.75");
  CHECK_CONTAINS(text.str(), "\"iris4 (edited)\"");
}

TEST_CASE("a scenario's points are checked: their classes, their numbers and their count") {
  const std::string head = R"({"format": "logistic-lab-scenario", "version": 1, "points": )";
  auto parse = [&](const std::string& points) { return parse_scenario(head + points + "}", "lesson.json"); };
  const RunSpec ok = parse(R"({"features": ["a", "b"], "classes": ["no", "yes"], "samples": [[0, 1, "no"], [2, 3, "yes"]]})");
  REQUIRE(ok.data.points);
  CHECK(ok.data.points->labels == std::vector<int>{0, 1});
  CHECK_THROWS_WITH_AS(parse(R"({"features": ["a"], "classes": ["no", "yes"], "samples": [[0, "maybe"], [1, "yes"]]})"),
                       doctest::Contains("sample 1: class \"maybe\""), InputError);
  CHECK_THROWS_WITH_AS(parse(R"({"features": ["a"], "classes": ["no", "yes"], "samples": [["x", "no"], [1, "yes"]]})"),
                       doctest::Contains("expected a number"), InputError);
  CHECK_THROWS_WITH_AS(parse(R"({"features": ["a"], "classes": ["no", "yes"], "samples": [[1, "yes"]]})"),
                       doctest::Contains("2 to"), InputError);
  CHECK_THROWS_WITH_AS(parse(R"({"features": ["a"], "classes": ["no"], "samples": [[0, "no"], [1, "no"]]})"),
                       doctest::Contains("two classes"), InputError);
  std::string many = R"({"features": ["a"], "classes": ["no", "yes"], "samples": [)";
  for (std::size_t i = 0; i <= kMostEditedPoints; ++i) many += std::string(i ? "," : "") + "[0,\"no\"]";
  CHECK_THROWS_WITH_AS(parse(many + "]}"), doctest::Contains("at most 100,000"), InputError);
}

TEST_CASE("the edited data saved as CSV opens again as the same samples and classes") {
  AppState s = started();
  REQUIRE(move_sample(s, 3, 4.25, 1.5));
  const std::string path = temp_path("edited.csv");
  std::ofstream(path) << "something that was there\n";
  std::string error;
  REQUIRE_MESSAGE(save_data_csv(s, path, &error), error);
  DataOptions o;
  o.source = path;
  const Dataset back = load_dataset(o);
  CHECK(back.columns == s.data().columns);
  CHECK(back.labels == s.data().labels);
  CHECK(back.class_names == s.data().class_names);
  CHECK(back.feature_names == s.data().feature_names);

  // Class names that would not read back in their order (virginica first) are written as numbers.
  RunSpec reversed;
  reversed.data.source = "iris";
  reversed.data.classes = {3, 2};
  AppState t = started(reversed);
  REQUIRE(t.data().class_names == std::vector<std::string>{"virginica", "versicolor"});
  const std::string csv = data_csv(t.data());
  CHECK(csv.rfind("petal length,petal width,class\n", 0) == 0);
  REQUIRE(save_data_csv(t, path, &error));
  const Dataset numbered = load_dataset(o);
  CHECK(numbered.labels == t.data().labels);
  CHECK(numbered.columns == t.data().columns);
}

TEST_CASE("a sample placed with the mouse snaps to a grid a hand calculation can use") {
  const std::vector<double> one_decimal = {1.4, 1.5, 3.0, 4.1};
  // iris4's petal lengths have one decimal: a step of 0.1 (a hundredth of a 4.7 view is finer).
  CHECK(snap_to_grid(2.2024, one_decimal, 4.7) == 2.2);
  CHECK(snap_to_grid(0.44999, one_decimal, 1.28) == 0.4);
  CHECK(snap_to_grid(-0.06, one_decimal, 4.7) == -0.1);
  // Values with 4 decimals in a 0.5 view: a hundredth of it, 0.005.
  const std::vector<double> four = {0.1234, 0.5678};
  CHECK(snap_to_grid(0.12345, four, 0.5) == 0.125);
  // A wide view: a step of 20 (a hundredth of 1,500, rounded up to 2·10¹).
  CHECK(snap_to_grid(1234.0, {1.0, 2.0}, 1500.0) == 1240.0);
}
