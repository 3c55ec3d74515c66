// A lesson's checkpoints (run/checkpoints.h, model/lesson.h): the scenario key read, refused by
// name when wrong, kept through save and load; in the window a checkpoint stops Step, Play and
// Run N at its step, grades the answer, opens the panel it names, and locks or hides controls;
// the three shipped lessons open and ask where they say.
#include <doctest/doctest.h>

#include <string>

#include "approx.h"
#include "ll/assets.h"
#include "ll/error.h"
#include "model/app_state.h"
#include "model/file_actions.h"
#include "model/lesson.h"
#include "run/scenario.h"

using namespace ll;
using namespace ll::app;

namespace {

const std::string kHead = R"({"format": "logistic-lab-scenario", "version": 1, "data": "iris4", "steps": 0, )";

std::string with_checkpoints(const std::string& list) { return kHead + "\"checkpoints\": " + list + "}"; }

const std::string kTwo = with_checkpoints(R"([
  {"step": 2, "question": "Which?", "choices": ["a", "b", "c"], "answer": 2, "explanation": "Because b.",
   "opens": "log-loss", "lock": ["loss"], "hide": ["compare"]},
  {"step": 3, "question": "b after?", "answer": 0.0973, "opens": "chain"}])");

AppState opened(const std::string& text) {
  const RunSpec spec = parse_scenario(text, "lesson.json");
  AppState s;
  REQUIRE(start_run(s, spec));
  apply_scenario_view(s, *spec.view);
  return s;
}

}  // namespace

TEST_CASE("checkpoints are read from a scenario and kept through save and load") {
  const RunSpec spec = parse_scenario(kTwo, "lesson.json");
  REQUIRE(spec.view->checkpoints.size() == 2);
  const Checkpoint& a = spec.view->checkpoints[0];
  CHECK(a.step == 2);
  CHECK(a.choices.size() == 3);
  CHECK(a.answer == 1);                      // "answer": 2 is the second choice
  CHECK(a.opens == "log-loss");
  CHECK(a.lock == std::vector<std::string>{"loss"});
  const Checkpoint& b = spec.view->checkpoints[1];
  CHECK(b.choices.empty());
  CHECK(b.number == 0.0973);
  CHECK(checkpoint_right(b, 0, 0.09734));    // within the slides' 4 decimals
  CHECK_FALSE(checkpoint_right(b, 0, 0.0972));
  CHECK(checkpoint_right(a, 1, 0.0));
  CHECK_FALSE(checkpoint_right(a, 0, 0.0));
  // Saved and read back: the same checkpoints.
  const RunSpec again = parse_scenario(scenario_json(spec), "saved.json");
  CHECK(again.view->checkpoints == spec.view->checkpoints);
}

TEST_CASE("a wrong checkpoint is refused with the file and the key") {
  auto refusal = [](const std::string& list) {
    try {
      parse_scenario(with_checkpoints(list), "lesson.json");
    } catch (const InputError& e) {
      return std::string(e.what());
    }
    return std::string("accepted");
  };
  CHECK(refusal("3") == "lesson.json: key 'checkpoints': expected a list of checkpoints");
  CHECK_CONTAINS(refusal(R"([{"step": 1, "answer": 1}])"), "key 'checkpoints[1].question': missing");
  CHECK_CONTAINS(refusal(R"([{"question": "q", "choices": ["a", "b"], "answer": 3}])"),
                 "key 'checkpoints[1].answer': expected the number of the right choice, 1 to 2");
  CHECK_CONTAINS(refusal(R"([{"question": "q", "answer": 1, "lock": ["lr"]}])"), "'lr' is not one of data, loss");
  CHECK_CONTAINS(refusal(R"([{"question": "q", "answer": 1, "opens": "table"}])"), "checkpoints[1].opens");
  CHECK_CONTAINS(refusal(R"([{"question": "q", "answer": 1, "colour": "red"}])"), "checkpoints[1].colour': unknown key");
  CHECK_CONTAINS(refusal(R"([{"question": "q", "answer": 1, "step": -1}])"), "checkpoints[1].step");
  CHECK_CONTAINS(refusal("[" + std::string(R"({"question": "q", "answer": 1},)") + "{\"question\": \"" +
                         std::string(kMostCheckpointText + 1, 'x') + "\", \"answer\": 1}]"),
                 "checkpoints[2].question': longer than");
}

TEST_CASE("a checkpoint stops Run N at its step, grades the answer and opens its panel") {
  AppState s = opened(kTwo);
  run_steps(s, 10);
  CHECK(s.trainer->current_step() == 2);     // stopped at the first checkpoint
  update_checkpoints(s);                     // (the frame does this)
  REQUIRE(s.lesson.open == 0);
  CHECK(control_locked(s, "loss"));
  CHECK(control_hidden(s, "compare"));
  CHECK_FALSE(control_locked(s, "data"));
  s.lesson.choice = 0;
  answer_checkpoint(s);
  CHECK(s.lesson.result == Lesson::Result::Wrong);
  s.lesson.choice = 1;
  answer_checkpoint(s);
  CHECK(s.lesson.result == Lesson::Result::Right);
  s.panels.activation = false;
  close_checkpoint(s);
  CHECK(s.lesson.open == -1);
  CHECK(s.panels.activation);
  CHECK(s.log_loss_explorer);
  // Play stops at the next one, step 3; its answer is a number.
  s.playing = true;
  advance_play(s, 10.0);
  CHECK(s.trainer->current_step() == 3);
  update_checkpoints(s);                     // the same frame: Play pauses on it
  CHECK_FALSE(s.playing);
  REQUIRE(s.lesson.open == 1);
  s.lesson.typed = "0.0973";
  answer_checkpoint(s);
  CHECK(s.lesson.result == Lesson::Result::Right);
  close_checkpoint(s);
  // Asked once a run: going back and on again does not ask again; a new run does.
  step_back(s);
  step_forward(s);
  update_checkpoints(s);
  CHECK(s.lesson.open == -1);
  CHECK(control_locked(s, "loss"));          // the lesson's locks stay
  reset_run(s);
  run_steps(s, 5);
  CHECK(s.trainer->current_step() == 2);
}

TEST_CASE("the shipped lessons open and ask at the steps they say") {
  for (const char* name : {"12-lesson-batch-step.json", "13-lesson-why-cross-entropy.json", "14-lesson-batch-vs-stochastic.json"}) {
    CAPTURE(name);
    const RunSpec spec = load_scenario(assets_dir() + "/scenarios/" + name);
    REQUIRE(spec.view);
    REQUIRE(spec.view->checkpoints.size() >= 1);
    AppState s;
    REQUIRE(start_run(s, spec));
    apply_scenario_view(s, *spec.view);
    const std::size_t first = spec.view->checkpoints.front().step;
    run_steps(s, 100);
    CHECK(s.trainer->current_step() == first);
    update_checkpoints(s);
    CHECK(s.lesson.open == 0);
    // Every checkpoint's answer is right by its own rule (a typed one at its number).
    for (const Checkpoint& c : spec.view->checkpoints) CHECK(checkpoint_right(c, c.answer, c.number));
  }
  // Lesson 12's typed answer is the slides' b after step 1: 0.1 − 0.01 · 0.27025 (worked-examples §1).
  const RunSpec lesson = load_scenario(assets_dir() + "/scenarios/12-lesson-batch-step.json");
  CHECK(checkpoint_right(lesson.view->checkpoints[1], 0, 0.097298));
}
