#pragma once
// The sections of the Controls panel (panels/controls_*.cpp), drawn top to bottom by
// ShowControlsPanel. Each edits the AppState only through its actions.
#include <imgui.h>

#include <string>

#include "model/app_state.h"
#include "model/data_choice.h"
#include "model/file_actions.h"

namespace ll::app {

// The widest label of every form in the panel: all label columns fit it, so sections line up.
inline constexpr const char* kWidestLabel = "Learning rate η";
// The widest combo text: below label + this, labels go above their widgets.
inline constexpr const char* kWidestWidget = "BCE (cross-entropy)";

// A control of a lesson (model/lesson.h: the checkpoints reached lock or hide it by name,
// run/checkpoints.h: lesson_controls): not drawn when hidden, greyed out when locked.
template <class Draw>
void LessonControl(AppState& state, const char* name, Draw&& draw) {
  if (control_hidden(state, name)) return;
  const bool locked = control_locked(state, name);
  if (locked) ImGui::BeginDisabled();
  draw();
  if (locked) ImGui::EndDisabled();
}

void ShowRunSection(AppState& state);        // controls_panel.cpp: step, play, run N, status
void ShowDataSection(AppState& state);       // controls_data.cpp: data set, features, classes
void ShowModelSection(AppState& state);      // controls_settings.cpp: loss, activation
void ShowDescentSection(AppState& state);    // controls_settings.cpp: batch, order, η, β
void ShowThetaSection(AppState& state);      // controls_settings.cpp: θ₀
void ShowConventionsSection(AppState& state);
void ShowCompareSection(AppState& state);      // controls_compare.cpp: run b beside this run  // controls_conventions.cpp: mean/sum, ½, momentum form, L2

}  // namespace ll::app
