#pragma once
// Practice mode (Q): before the next step is shown, its numbers are blanks for the student to
// fill in, in the slides' order (z, ŷ, L, ∂L/∂ŷ, ∂ŷ/∂z, ∂L/∂z per sample, ∂L/∂θ, θ after, the
// loss after), as many as the fading level leaves out (ll/grader.h). Check grades every answer
// with the core's grader (hints, "consistent with your ŷ"); Reveal shows the answer. The step is
// taken to be asked and the run steps back, so the window keeps showing θ before until the
// student moves on; Space then shows the step (the history replays it). No ImGui here.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ll/grader.h"
#include "ll/trainer.h"

namespace ll::app {

struct AppState;

// Batches up to this size are asked every sample's chain; bigger ones only ∂L/∂θ, θ after and
// the loss after (hundreds of blanks teach nothing a few do not).
constexpr std::size_t kPracticeRowsUpTo = 8;
constexpr int kMostLevelUpAfter = 10;   // auto level-up after at most this many steps all right

struct PracticeBlank {
  Answer asked;                 // field, row, index; value: the student's number once checked
  std::string typed;            // the text field
  enum class Mark { Open, Right, Wrong, Revealed } mark = Mark::Open;
  std::string hint;             // why it is wrong (the grader's), or "not a number"
  bool counted = false;         // in the score already (its first check)
};

struct PracticeScore {
  int answered = 0;             // blanks checked with a number (each once)
  int right = 0;                // right at their first check
  int hints = 0;                // hints shown and answers revealed
};

struct Practice {
  bool on = false;
  int level = kMostFade;        // the fading level: how many of the chain's quantities are blanks
  bool auto_level_up = true;    // raise the level after `level_up_after` steps all right
  int level_up_after = 3;       // 1 … kMostLevelUpAfter
  int streak = 0;               // steps answered all right in a row, no reveal
  std::optional<StepRecord> question;   // the step being asked (the run is at the step before it)
  std::uint64_t question_run = 0;       // AppState::run_serial it was asked in
  std::vector<PracticeBlank> blanks;
  PracticeScore score;          // since the last reset, kept in the user settings
  int focus = -1;               // the blank the keyboard goes to on the next frame (−1: none)
  int typing = -1;              // the blank being typed in this frame (−1: none)
  int traced_typing = -1;       // the last one the GUI tests' trace printed
  bool rows_left_out = false;   // a big batch: the per-sample blanks were left out
  int fold = 0;                 // the sheet short of room: 1–2 fewer formula rows, 3 none
  float fold_height = 0.0f;     // the panel height `fold` was found for
  float full_h = 0.0f;          // the sheet's height unfolded, as last drawn (the layout's ask)

  // Ask (classroom): cells of the chain table the teacher clicked are hidden for the class
  // ("?") at every step until Reveal shows them for the step on show.
  bool ask = false;             // clicking a cell hides or shows it
  std::vector<Answer> asked;    // field, row (in the batch), index
  std::size_t revealed_step = static_cast<std::size_t>(-1);
};

// Q: practice on or off (off drops an open question; the run stays where it is).
void toggle_practice(AppState& state);
// Step in practice mode: with no question, takes the next step, keeps it as the question and
// steps back; with a finished question, shows the step; with blanks still open, reveals them
// (the next Step shows it). False when no step was taken or shown.
bool practice_step(AppState& state);
// Grades every blank with a number typed (the others stay open); updates the score, the streak
// and, with auto level-up, the level.
void check_practice(AppState& state);
// Shows the answer of blank `index`, or of every open blank (−1).
void reveal_practice(AppState& state, int index = -1);
bool practice_done(const Practice& practice);
// Drops the question if the run moved on without it (a new run, a seek, a reset): true if one is
// still asked.
bool practice_asking(AppState& state);
// Builds the blanks of `question` at `level` (what practice_step does after stepping).
void ask_question(Practice& practice, const StepRecord& question);
// `screenshot --practice LEVEL --answers "…"`: practice on at `level`, the next step asked, the
// answers (separated by spaces, "_" for one left blank) typed into the blanks in order and checked.
void start_practice(AppState& state, int level, const std::string& answers);
// A number as a student types it: "0.6857", "−0.0195" (a Unicode minus), "0,6857", " .5 ".
std::optional<double> parse_answer(std::string_view text);
// "12 answered · 9 right · 2 hints"
std::string score_line(const PracticeScore& score);
void reset_practice_score(AppState& state);

// Ask: is this cell of the step on show hidden for the class, and the click that hides or shows it.
bool cell_asked(const AppState& state, Field field, std::size_t row, std::size_t index);
void toggle_asked(AppState& state, Field field, std::size_t row, std::size_t index);
void reveal_asked(AppState& state);
// `--ask "yhat:3,dL_dz:1"`: those cells asked (ROW 1-based in the batch; FIELD a per-sample
// field's name, ll/grader.h). Throws InputError naming what it cannot read.
void ask_cells(AppState& state, const std::string& list);

}  // namespace ll::app
