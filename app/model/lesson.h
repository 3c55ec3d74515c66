#pragma once
// A lesson's checkpoints in the window (run/checkpoints.h): when the run reaches a checkpoint's
// step, Play and Run N stop there and the question is asked; the answer is graded, the
// explanation shown, and Continue opens the panel it points at. The controls the checkpoints
// reached lock or hide stay so for the lesson. No ImGui here.
#include <cstdint>
#include <string>
#include <vector>

#include "run/checkpoints.h"

namespace ll::app {

struct AppState;

struct Lesson {
  std::vector<Checkpoint> checkpoints;
  std::vector<bool> asked;            // asked in this run (a new run asks again)
  std::uint64_t run = 0;              // AppState::run_serial `asked` is for
  int open = -1;                      // the checkpoint on show (−1: none)
  int choice = -1;                    // the choice picked (multiple choice)
  std::string typed;                  // the number typed
  enum class Result { None, Right, Wrong } result = Result::None;
  std::vector<std::string> locked, hidden;   // from the checkpoints reached (lesson_controls names)
};

// A scenario's checkpoints become the lesson's (none clears them, and the locks with them).
void set_checkpoints(AppState& state, const std::vector<Checkpoint>& checkpoints);
// A checkpoint not asked yet at the step on show (Play and Run N stop on it).
bool checkpoint_due(const AppState& state);
// Opens the due checkpoint, if any: Play pauses, queued steps go, its locks and hides apply.
void update_checkpoints(AppState& state);
// Grades the choice or the typed number of the open checkpoint (the result and the status say).
void answer_checkpoint(AppState& state);
// Continue: closes it, opening the panel the explanation points at (and σ′ if it says so).
void close_checkpoint(AppState& state);
bool control_locked(const AppState& state, const std::string& name);
bool control_hidden(const AppState& state, const std::string& name);

}  // namespace ll::app
