#pragma once
// What the panels compute from the app state and keep between frames (the points of a batch of
// 100,000 samples, the shading, the textures of dense clouds): values derived from the state, not
// state of their own. One object, owned by the shell (shell/window_commands.cpp) and handed to
// the panels that use it; a capture for a PNG draws with the same caches.
#include <cstddef>
#include <cstdint>
#include <limits>
#include <memory>
#include <vector>

#include "ll/activation.h"
#include "ll/dataset.h"
#include "ll/params.h"
#include "model/landscape.h"
#include "panels/data_layers.h"
#include "panels/landscape_parts.h"
#include "panels/point_cloud.h"
#include "panels/point_editing.h"
#include "panels/sample_plot.h"

namespace ll::app {

// What the chain panel measured of itself on the last frame: its blocks' heights, so that this
// frame places them where they fit, and the height that shows all of it in its width (the
// layout gives it that when it can: model/layout.h).
struct ChainMeasure {
  float gradient_h = 0.0f, update_h = 0.0f, loss_h = 0.0f;   // as drawn last frame
  float loss_full_h = 0.0f;    // the loss block in full (not in its short form)
  float loss_short_h = 0.0f;   // ... in its short form (0: not drawn so yet)
  float update_full_h = 0.0f;  // the update lines in full (not folded into a grid)
  // What is above the table (lesson, header, formulas) at each level of folding (0: nothing
  // folded; see chain_panel.cpp), as last drawn at `head_width`; 0: not measured.
  float head_at[4] = {0.0f, 0.0f, 0.0f, 0.0f};
  float head_width = 0.0f;
  int fold_level = 0;          // this frame's level
  bool roomy = true;       // this frame had the room it asked for (nothing folded)
  float loss_beside_h = 0.0f;  // the loss block beside the table (narrower, so taller)
  float jacobian_w = 0.0f, loss_by_jacobian_h = 0.0f;  // softmax: the loss beside the Jacobian
  float right_w = 0.0f;        // what the right column's content took (side by side)
  float needed_h = 0.0f;   // 0 until measured
  float needed_short_h = 0.0f;  // the same with the loss block in its short form
  float needed_w = 0.0f;   // the width that shows the table and the results side by side
  // The height the layout was last asked for, and for what (the frame's hold_chain_height).
  float held_h = 0.0f;
  std::uint64_t held_for = 0;
  std::size_t rows = 0, rows_shown = 0;   // the batch's rows, and how many the table shows at once
  bool softmax = false;                   // a row is a sample's K lines (one per class)
  // In pages (chain_pages.cpp): when even folded all the way the step needs more than the panel.
  enum class Part { Head, Table, Forward, Backward, Inputs, Outputs, Jacobian, Gradient, Update, Loss, Count };
  bool paged = false;
  int pages = 1;
  float part_h[static_cast<int>(Part::Count)] = {};   // each part's height as last drawn
  float page_title_h = 0.0f;                          // the "page 1 of 3" line as last drawn
};

// The data panel: the data's points and view (data_layers.h) and the shading.
struct DataPanelCache {
  DataView view;
  DataView test_view;  // the held-out samples (--test-fraction), drawn hollow
  PointEditing edit;   // a sample dragged, added, deleted (panels/point_editing.h)
  plot::PlotFlags edit_flags = 0;
  Shading shading;
  PointCloud cloud;  // 100,000 points and more
  std::shared_ptr<const Dataset> means_of;  // the data set `means` were worked out for (kept, so
                                            // that a new one at the same address is not taken for it)
  std::vector<double> means;           // each feature's mean (ll::feature_means)
  std::shared_ptr<const Optimum> best; // θ* for this frame (none: not ready, or none exists)
};

// The activation panel: the points of one batch at one θ, kept between frames: recomputed only when the batch, θ or the
// activation change (a batch can be all 100,000 samples). Derived from AppState, not state.
struct BatchPoints {
  std::shared_ptr<const Dataset> data;
  Params theta;
  Activation activation = Activation::Sigmoid;
  std::vector<std::size_t> batch;  // empty: every sample
  // The shown step the batch was last found equal for (run, step, failure): while it holds, the
  // batch (1,000,000 numbers in full-batch mode) is not compared again every frame.
  std::uint64_t batch_of = ~0ull;
  std::vector<ClassSeries> classes;
  std::vector<double> slope_x, slope_y;  // (x_i, slope_i), for the derivative's markers
  double widest = 0.0;                   // max |x| over the points
  std::size_t count = 0;
  std::uint64_t version = 0;  // counts the updates (the cloud redraws on a change)
  PointCloud cloud;           // a batch of 100,000 samples and more
  // The same samples a step earlier (at the θ the previous step started from), drawn faintly so
  // that a student stepping alone sees each point move: (x, y) then → (x, y) now, per sample.
  Params earlier_theta;       // empty: none (step 0 or 1, or a batch too big to draw twice)
  std::uint64_t earlier_version = 0;   // the `version` of the points they were worked out for
  std::vector<double> earlier_x, earlier_y, now_x, now_y;
};

struct PanelCaches {
  DataPanelCache data;
  BatchPoints activation;
  ChainMeasure chain;
  // The loss landscape's grids and picture, and the optimum (landscape, data and loss panels).
  LandscapeCache landscape;
  LandscapeImage landscape_image;
  OptimumCache optimum;
  DistanceCurve distance;   // the loss panel's ‖θ − θ*‖
  // The loss plot's y axis, when it does not start at 0: where it starts (last frame; NaN: at 0
  // or on a log scale), said above the plot so that the key never covers it.
  double loss_axis_from = std::numeric_limits<double>::quiet_NaN();
};

}  // namespace ll::app
