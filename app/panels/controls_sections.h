#pragma once
// The sections of the Controls panel (panels/controls_*.cpp), drawn top to bottom by
// ShowControlsPanel. Each edits the AppState only through its actions.
#include <string>

#include "gui/app_state.h"
#include "gui/file_actions.h"

namespace ll::app {

// The widest label of every form in the panel: all label columns fit it, so sections line up.
inline constexpr const char* kWidestLabel = "Learning rate η";
// The widest combo text: below label + this, labels go above their widgets.
inline constexpr const char* kWidestWidget = "BCE (cross-entropy)";

void ShowRunSection(AppState& state);        // controls_panel.cpp: step, play, run N, status
void ShowDataSection(AppState& state);       // controls_data.cpp: data set, features, classes
void ShowModelSection(AppState& state);      // controls_settings.cpp: loss, activation
void ShowDescentSection(AppState& state);    // controls_settings.cpp: batch, order, η, β
void ShowThetaSection(AppState& state);      // controls_settings.cpp: θ₀

// The data set before features and classes were picked (loaded once per source), or null.
const Dataset* source_data(AppState& state);
// 1-based positions in the source of the current data set's features / classes (by name).
std::vector<std::size_t> picked_features(AppState& state);
std::vector<std::size_t> picked_classes(AppState& state);

// Switches the activation; fixes what it needs (the loss, the classes) and says so.
void choose_activation(AppState& state, Activation activation);

}  // namespace ll::app
