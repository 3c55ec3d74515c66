#pragma once
// The held-out part in the data panel (--test-fraction): its samples drawn hollow beside the
// training samples, and the confusion matrix of θ now (model/held_out_view.h).
#include "model/app_state.h"
#include "panels/data_layers.h"
#include "panels/sample_plot.h"

namespace ll::app {

// Brings `test_view` up to date for state.test_data (UpdateDataView) and widens the training
// view's first range to take the test samples in. Before the plot; nothing without a test part.
void TakeInTestSamples(const AppState& state, DataView& view, DataView& test_view);

// The test samples as hollow markers of their class's colour and shape; a tooltip names the one
// under the mouse. Call between plot::BeginPlot and EndPlot, after TakeInTestSamples.
void PlotTestSamples(const AppState& state, const DataView& test_view);

// The key entry for them.
KeyEntry TestSamplesKeyEntry(const AppState& state);

// The confusion matrix: rows the true class, columns the predicted one, each cell its count and
// its share of the row ("14 (93%)"), on the test part (else the training data), shown with a test
// part or View ▸ Confusion matrix. What fits in `room` pixels: the whole matrix, one line that
// shows it on hover, or nothing (the status bar has the test accuracy).
enum class ConfusionFit { None, Line, Whole };
ConfusionFit FitConfusion(const AppState& state, float room);
float ConfusionFitHeight(const AppState& state, ConfusionFit fit);
void ShowConfusion(const AppState& state, ConfusionFit fit);

}  // namespace ll::app
