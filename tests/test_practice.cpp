// Practice mode (model/practice.h) on the slides' batch step (worked-examples §1): Step asks the
// next step and keeps the run at θ before; right answers (the reference's numbers to 4 decimals)
// are marked right, known mistakes get the grader's hint, a wrong answer that follows from the
// student's own wrong one says so; Reveal, the score, auto level-up, and Space showing the step
// the history replays. The score is kept in the user settings.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "approx.h"
#include "model/app_state.h"
#include "model/settings_sync.h"
#include "model/user_settings.h"

using namespace ll;
using namespace ll::app;

namespace {

AppState started() {
  AppState s;
  RunSpec spec;   // the slides' batch example: iris4, θ₀ = [0.1, 0.5, −0.1], η = 0.01
  spec.steps = 0;
  REQUIRE(start_run(s, spec));
  return s;
}

// The slides' step 1 to 4 decimals, in the sheet's order: each sample's z, ŷ, L, ∂L/∂ŷ, ∂ŷ/∂z,
// ∂L/∂z (worked-examples §1), then ∂L/∂θ, θ after and the loss after.
const std::vector<std::string> kSlidesAnswers = {
    "0.78", "0.6857", "1.1573", "3.1815",  "0.2155", "0.6857",  "0.83", "0.6964", "1.1919", "3.2933",  "0.2114",
    "0.6964", "1.49", "0.8161", "0.2032", "−1.2254", "0.1501", "−0.1839", "2.02", "0.8829", "0.1246", "−1.1327",
    "0.1034", "−0.1171", "0.2702", "0.2431", "−0.0195", "0.0973", "0.4976", "−0.0998", "0.6679"};

void type_all(AppState& s, const std::vector<std::string>& answers) {
  REQUIRE(s.practice.blanks.size() == answers.size());
  for (std::size_t k = 0; k < answers.size(); ++k) s.practice.blanks[k].typed = answers[k];
}

}  // namespace

TEST_CASE("practice asks the next step and keeps the run at θ before until it is shown") {
  AppState s = started();
  toggle_practice(s);
  REQUIRE(s.practice.on);
  CHECK(step_forward(s));
  REQUIRE(practice_asking(s));
  CHECK(s.trainer->current_step() == 0);              // the window still shows θ₀
  CHECK(s.practice.question->step == 1);
  CHECK(s.practice.blanks.size() == 4 * 6 + 3 + 3 + 1);   // level 9: every computed number
  CHECK(s.practice.blanks[0].asked.field == Field::Z);     // sample 1's chain first, in order
  CHECK(s.practice.blanks[5].asked.field == Field::DLDz);
  CHECK(s.practice.blanks[6].asked.row == 1);
  type_all(s, kSlidesAnswers);
  check_practice(s);
  for (const PracticeBlank& b : s.practice.blanks) CHECK(b.mark == PracticeBlank::Mark::Right);
  CHECK(practice_done(s.practice));
  CHECK(s.practice.score.answered == 31);
  CHECK(s.practice.score.right == 31);
  CHECK(s.practice.score.hints == 0);
  // Space shows the step: the history replays it, the same numbers as asked.
  const Params asked_theta = s.practice.question->theta_after;
  CHECK(step_forward(s));
  CHECK_FALSE(practice_asking(s));
  CHECK(s.trainer->current_step() == 1);
  CHECK(current_theta(s) == asked_theta);
  CHECK(current_theta(s).values[0] == doctest::Approx(0.097298).epsilon(1e-5));   // worked-examples §1
}

TEST_CASE("wrong answers are marked with the grader's hints, and consistency with one's own answers") {
  AppState s = started();
  toggle_practice(s);
  step_forward(s);
  std::vector<std::string> answers = kSlidesAnswers;
  answers[1] = "0.3143";                       // sample 1's ŷ as 1 − ŷ
  answers[6] = "0.87";                         // sample 2's z wrong …
  answers[7] = "0.7047";                       // … and its ŷ = σ(0.87) from it
  answers[24] = "1.0810";                      // ∂L/∂b without 1/m
  answers[27] = "x";                           // not a number
  type_all(s, answers);
  check_practice(s);
  const std::vector<PracticeBlank>& b = s.practice.blanks;
  CHECK(b[1].mark == PracticeBlank::Mark::Wrong);
  CHECK(b[1].hint == "1 − ŷ: you computed the probability of the other class");
  CHECK(b[6].mark == PracticeBlank::Mark::Wrong);
  CHECK(b[7].hint == "consistent with your z, but that is wrong: fix it first");
  CHECK_CONTAINS(b[24].hint, "1/m forgotten");
  CHECK(b[27].hint == "not a number");
  CHECK_FALSE(practice_done(s.practice));
  CHECK(s.practice.score.answered == 30);     // "x" is not an answer
  CHECK(s.practice.score.right == 26);
  // Fixing one and checking again does not count it twice; Reveal finishes the rest.
  s.practice.blanks[1].typed = "0.6857";
  check_practice(s);
  CHECK(s.practice.blanks[1].mark == PracticeBlank::Mark::Right);
  CHECK(s.practice.score.answered == 30);
  const int hints = s.practice.score.hints;
  reveal_practice(s);
  CHECK(practice_done(s.practice));
  CHECK(s.practice.score.hints == hints + 4);   // the four still wrong, revealed
  CHECK(s.practice.blanks[6].mark == PracticeBlank::Mark::Revealed);
  CHECK(s.practice.streak == 0);
}

TEST_CASE("fading levels ask fewer numbers, and the level steps up after steps all right") {
  AppState s = started();
  s.practice.level = 1;                        // the loss after only
  s.practice.level_up_after = 2;
  toggle_practice(s);
  const char* losses[] = {"0.6679", nullptr, nullptr};
  for (int k = 0; k < 2; ++k) {
    REQUIRE(step_forward(s));
    REQUIRE(s.practice.blanks.size() == 1);
    CHECK(s.practice.blanks[0].asked.field == Field::LossAfter);
    // The exact loss after, to 4 decimals, from the question itself.
    char text[32];
    std::snprintf(text, sizeof text, "%.4f", *s.practice.question->loss_after);
    s.practice.blanks[0].typed = losses[k] != nullptr ? losses[k] : text;
    check_practice(s);
    CHECK(practice_done(s.practice));
    REQUIRE(step_forward(s));                  // shows the step
  }
  CHECK(s.practice.level == 2);                // two steps all right: one more quantity to work out
  REQUIRE(step_forward(s));
  CHECK(s.practice.blanks.size() == 3 + 1);    // θ after (3 entries) and the loss after
  // Level 0 asks nothing: the step is shown at once.
  s.practice.question.reset();
  seek(s, 3);
  s.practice.level = 0;
  REQUIRE(step_forward(s));
  CHECK_FALSE(practice_asking(s));
  CHECK(s.trainer->current_step() == 4);
}

TEST_CASE("an open question goes with the run it was asked in; Play is off in practice") {
  AppState s = started();
  toggle_practice(s);
  step_forward(s);
  REQUIRE(practice_asking(s));
  reset_run(s);
  CHECK_FALSE(practice_asking(s));
  step_forward(s);
  // Space with blanks still open reveals them first, the next Space shows the step.
  CHECK_FALSE(step_forward(s));
  CHECK(practice_done(s.practice));
  CHECK(step_forward(s));
  CHECK(s.trainer->current_step() == 1);
  s.playing = true;
  advance_play(s, 1.0);
  CHECK_FALSE(s.playing);
  CHECK(s.trainer->current_step() == 1);
  toggle_practice(s);
  CHECK_FALSE(s.practice.on);
}

TEST_CASE("answers are read as students write them") {
  CHECK(parse_answer("0.6857") == 0.6857);
  CHECK(parse_answer("−0.0195") == -0.0195);
  CHECK(parse_answer(" 0,6857 ") == 0.6857);
  CHECK(parse_answer("+.5") == 0.5);
  CHECK_FALSE(parse_answer("").has_value());
  CHECK_FALSE(parse_answer("0.6857a").has_value());
  CHECK_FALSE(parse_answer("inf").has_value());
  CHECK(score_line({12, 9, 1}) == "12 answered · 9 right · 1 hint");
}

TEST_CASE("the practice level and score are kept in the user settings") {
  AppState s = started();
  s.practice.level = 4;
  s.practice.auto_level_up = false;
  s.practice.level_up_after = 5;
  s.practice.score = {12, 9, 2};
  const UserSettings u = user_settings_from(s, UserSettings{}, 800, 600);
  const std::string json = settings_to_json(u);
  CHECK_CONTAINS(json, "\"practice\"");
  AppState t = started();
  apply_user_settings(t, u);
  CHECK(t.practice.level == 4);
  CHECK_FALSE(t.practice.auto_level_up);
  CHECK(t.practice.level_up_after == 5);
  CHECK(t.practice.score.answered == 12);
  CHECK(t.practice.score.right == 9);
  CHECK(t.practice.score.hints == 2);
  reset_practice_score(t);
  CHECK(t.practice.score.answered == 0);
}
