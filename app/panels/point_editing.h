#pragma once
// Editing the points in the data plot (model/data_edits.h): drag a training sample to move it,
// Shift-click empty space to add a sample of the class chosen in Controls ▸ Data, right-click a
// sample to delete it or put it in another class. A click without a drag still picks the sample
// for the next batch. While a sample is dragged, the chain panel shows its chain and its pull on
// the next step live (ShowDragPreview).
#include "model/app_state.h"
#include "panels/sample_plot.h"
#include "plot/plot.h"

namespace ll::app {

struct PointEditing {
  int last_hovered = -1;   // the sample under the mouse in the last frame (a press there starts a drag)
  bool moved = false;      // the drag went past ImGui's drag threshold (else it is a click)
  int menu_sample = -1;    // the sample the open right-click menu is about
};

// Before BeginPlot: ends a drag let go (the sample moves there), begins one pressed on a sample,
// and returns the flags the plot needs (no panning while a sample is dragged).
plot::PlotFlags BeginPointEdits(AppState& state, PointEditing& edit);
// Inside the plot, after the samples: the dragged sample at the mouse with a line from where it
// was, and a Shift-click on empty space adding a sample. One feature: samples move along x.
void PlotPointEdits(AppState& state, PointEditing& edit, const std::vector<ClassSeries>& classes,
                    const PointHit& hit, bool one_feature);
// After EndPlot: the right-click menu of the sample under the mouse.
void EndPointEdits(AppState& state, PointEditing& edit, const PointHit& hit);

// The data set with the dragged sample where the drag has it (none dragged: empty).
Dataset DataWithDraggedSample(const AppState& state);

// The chain panel's live line while a sample is dragged: its z, ŷ, L, ∂L/∂z at the new place and
// its term (1/m)·∂L/∂z·x in the next step's gradient, before the step is taken.
void ShowDragPreview(const AppState& state);

}  // namespace ll::app
