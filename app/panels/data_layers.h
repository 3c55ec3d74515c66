#pragma once
// What the data plot draws (panels/data_panel.cpp): the points and first view of a data set; the
// shading of P(y = 1 | x) or of the softmax class regions; the decision boundaries; the output
// curves and the threshold's label over one feature; the key entry that says what the shading
// means. Plot items: call between plot::BeginPlot and EndPlot.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "ll/activation.h"
#include "ll/dataset.h"
#include "ll/params.h"
#include "panels/sample_plot.h"
#include "platform/texture.h"
#include "plot/plot.h"

namespace ll::app {

// What the data set determines: the points class by class and the initial view. Rebuilt only
// when the data set changes, so that 100,000 points cost nothing per frame. A cache of values
// computed from AppState, not state of its own.
struct DataView {
  std::shared_ptr<const Dataset> data;
  std::vector<ClassSeries> classes;  // x: feature 1; y: feature 2, or the label 0/1 (one feature)
  plot::Range home_x, home_y;        // the data's extent, padded
  std::uint64_t version = 0;          // counts the rebuilds (a PointCloud redraws on a change)
  bool softmax_targets = false;      // one feature, softmax: every label drawn at 1, its one-hot target
};

// Rebuilds the view when the data set changes (true then: the plots start from it). For two
// features the view also takes in the boundary of θ if it passes near the data (the slides' θ₀ for
// iris4 puts it just left of the points), so the first picture shows the line.
bool UpdateDataView(DataView& view, const std::shared_ptr<const Dataset>& data, const Params& theta,
                    Activation activation);

// The shading as a texture over the view, recomputed only when θ, the view or the plot's size
// change: about one grid cell per 4 pixels, at most 128 × 128 (the texture's linear filtering
// smooths between cells).
struct Shading {
  platform::Texture texture;
  // Brings the texture up to date for θ over `view` in a plot of width × height pixels. False
  // when there is nothing to draw (θ not finite, or no GL texture).
  bool update(const Params& theta, Activation activation, const plot::Limits& view, float width_px,
              float height_px);

 private:
  Params theta_;
  Activation activation_ = Activation::Sigmoid;
  plot::Limits view_;
  int nx_ = 0, ny_ = 0;
  std::vector<unsigned char> rgba_;
};

// Binary: the line w1·x1 + w2·x2 + b = 0 over the view. Softmax: where two classes tie as the most
// likely, (θ_a − θ_b)ᵀx = 0 clipped to where a and b beat every other class — the edges of the
// class regions. `alpha` multiplies the colour's alpha.
// Returns how many segments were drawn (0: no boundary in the view).
// `dashed`: drawn in dashes (θ*'s boundary, beside the run's solid one).
int PlotBoundaries(const std::string& label, const Params& theta, Activation activation,
                   const plot::Limits& view, const ImVec4& color, float alpha, float weight_px, bool dashed = false);

// One feature: ŷ(x) = σ(w·x + b) (or tanh) over the view's x range; softmax: each class's
// P(y = k | x) in its colour. `trail`: a faded earlier θ, or another run's θ (no class colours);
// `color`: its colour (none: the text's).
void PlotOutputCurves(const std::string& label, const Params& theta, Activation activation,
                      const plot::Range& x_view, float alpha, float weight_px, bool trail,
                      const ImVec4* color = nullptr);

// Why there is no boundary in the view: "boundary: outside this view", "no boundary: w = 0", …
std::string MissingBoundaryText(const Params& theta, Activation activation);

// One feature: the label "x = −b/w = 1.227" of the threshold line t, tucked against the point
// where the curve crosses the line, on the side with room for it (from the view and the plot's
// size in pixels) and on the half the curve is not in.
void PlotThresholdLabel(double t, bool rising, bool tanh_out, const plot::Limits& view,
                        const ImVec2& plot_size);

// The key entry that says what the shading means: a "0 ▭ 1" scale of P(y = 1 | x) between the
// class colours, or (softmax) that it is the likeliest class.
KeyEntry ShadingKeyEntry(Activation activation);

}  // namespace ll::app
