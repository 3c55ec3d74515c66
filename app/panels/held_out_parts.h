#pragma once
// The held-out part in the data panel (--test-fraction): its samples drawn hollow beside the
// training samples, and the confusion matrix of θ now (model/held_out_view.h).
#include "model/app_state.h"
#include "panels/data_layers.h"
#include "panels/sample_plot.h"

namespace ll::app {

// The test samples as hollow markers of their class's colour and shape; a tooltip names the one
// under the mouse. `view` is kept up to date for state.test_data (UpdateDataView). Call between
// plot::BeginPlot and EndPlot; nothing without a test part.
void PlotTestSamples(const AppState& state, DataView& view);

// The key entry for them.
KeyEntry TestSamplesKeyEntry(const AppState& state);

// The confusion matrix: rows the true class, columns the predicted one, each cell its count and
// its share of the row ("14 (93%)"), on the test part (else the training data). Its height in
// the current font, then the matrix; where it does not fit, ShowConfusionLine: one line that
// shows the matrix on hover.
bool ConfusionShown(const AppState& state);
float ConfusionHeight(const AppState& state);
void ShowConfusion(const AppState& state);
void ShowConfusionLine(const AppState& state);

}  // namespace ll::app
