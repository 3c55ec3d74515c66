#pragma once
// The Controls panel's choices about the data and the model, as actions on the app state (no
// ImGui, tested on their own): a built-in data set, the features and classes picked from the
// source data set, the activation (which may need another loss or other classes).
#include <cstddef>
#include <string>
#include <vector>

#include "model/app_state.h"

namespace ll::app {

// The data set before features and classes were picked (loaded once per source and kept in
// state.source_data), or null for blobs (nothing to pick) and a source that does not load.
const Dataset* source_data(AppState& state);
// 1-based positions in the source of the current data set's features / classes (by name; 0 for a
// name not found). Empty without a source.
std::vector<std::size_t> picked_features(AppState& state);
std::vector<std::size_t> picked_classes(AppState& state);

// A built-in data set (iris4, iris6, iris, blobs) with the settings in force; for iris under
// sigmoid or tanh, the first two species (said in the status).
void choose_builtin(AppState& state, const std::string& source);
// Features x₁ and x₂ (1-based in the source; x₂ = 0: one feature only).
void pick_features(AppState& state, std::size_t x1, std::size_t x2);
// The classes to keep, 1-based in the source, in the order of their labels; all of them in order
// means no selection.
void pick_classes(AppState& state, const std::vector<std::size_t>& classes);

// Switches the activation; fixes what it needs (the loss, the classes) and says so.
void choose_activation(AppState& state, Activation activation);

}  // namespace ll::app
