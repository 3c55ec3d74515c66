#pragma once
// Editing the data in the window (ll/data_edit.h): a moved, added, deleted or relabelled sample
// restarts the run from step 0 with the edited data (asking first when there are steps to drop,
// as a new branch does), Ctrl+Z undoes edits one by one, and the edited data can be saved as CSV
// or, with the run, as a scenario (its "points"). No ImGui here.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "ll/dataset.h"

namespace ll::app {

struct AppState;

// The most edits Ctrl+Z goes back through.
constexpr std::size_t kMostUndoneEdits = 100;

struct DataEdits {
  std::vector<DataOptions> undo;      // the data before each edit, oldest first
  struct Pending {
    DataOptions data;
    std::string what;                 // "moved sample 3", for the question and the status
    bool undoing = false;
  };
  std::optional<Pending> pending;     // waits for "drop the steps?" (none: nothing asked)
  int dragged = -1;                   // the sample being dragged (0-based; −1: none)
  double drag_to[2] = {0.0, 0.0};     // where the mouse has it now, in the plot's coordinates
  int add_class = 1;                  // Shift-click adds a sample of this class
};

// Why the points cannot be edited now, in plain words ("" when they can).
std::string edit_refusal(const AppState& state);

// Each edit: the data set as shown with the change (ll/data_edit.h); false, with the reason in the
// status, when it is refused (the run is kept).
bool move_sample(AppState& state, std::size_t i, double x1, double x2);
bool add_sample(AppState& state, double x1, double x2, int label);
bool delete_sample(AppState& state, std::size_t i);
bool relabel_sample(AppState& state, std::size_t i, int label);
// Back to the data before the last edit.
bool undo_edit(AppState& state);
// The answer to "restart with the edited data?": yes restarts, no keeps the run and drops the edit.
void confirm_edit(AppState& state);
void cancel_edit(AppState& state);

// The training data as CSV: a header of the feature names and "class", one row per sample at full
// precision, the class as its name (as a number 0 … K−1 where the names would not read back in the
// same order: ll CSV reading sorts them). Written atomically.
std::string data_csv(const Dataset& data);
bool save_data_csv(const AppState& state, const std::string& path, std::string* error);

}  // namespace ll::app
