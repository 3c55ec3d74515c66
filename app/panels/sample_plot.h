#pragma once
// What the data plot and the activation plot share: samples drawn class by class (each class its
// colour, marker shape and legend entry), rings around chosen samples, and the hovered sample that
// every panel shares (AppState::hovered_sample). Call between plot::BeginPlot and plot::EndPlot.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "model/app_state.h"
#include "plot/plot.h"

namespace ll::app {

// One class's points: x[i], y[i] belong to the 0-based sample number sample[i].
struct ClassSeries {
  std::vector<double> x, y;
  std::vector<std::size_t> sample;
  void add(std::size_t i, double xi, double yi) {
    sample.push_back(i);
    x.push_back(xi);
    y.push_back(yi);
  }
};

// The samples under the mouse and clicked this frame (0-based; −1: none).
struct PointHit {
  int hovered = -1;
  int clicked = -1;
};

class PointCloud;  // panels/point_cloud.h

// One scatter per class, named by data.class_names, in ClassColor/ClassMarker. Over 5,000 points
// in all, `cloud` (if given) draws them instead, as one image; `version` changes with the points.
PointHit PlotClasses(const Dataset& data, const std::vector<ClassSeries>& classes,
                     PointCloud* cloud = nullptr, std::uint64_t version = 0);

// Where sample i is drawn in `classes` (x, y), if it is there.
bool FindSample(const std::vector<ClassSeries>& classes, std::size_t i, double& x, double& y);

// Rings of `color` around the given samples, found in `classes` (those not drawn are skipped).
// label: the legend entry ("##…" for none).
void PlotSampleRings(const char* label, const std::vector<ClassSeries>& classes,
                     const std::vector<std::size_t>& samples, const ImVec4& color, float radius_factor,
                     float weight_px);

// Keeps AppState::hovered_sample in step with this plot: the sample under the mouse while the
// plot is hovered (−1 over empty space), and −1 once when the mouse leaves the plot, so that a
// highlight never outlives the pointer. `plot_key` names the plot within the current window.
void ShareHover(AppState& state, const char* plot_key, bool plot_hovered, int sample);

// "setosa (y = 0)": a class as the tooltips name it.
std::string ClassLabel(const Dataset& data, int k);

// A key under a plot, instead of a legend inside it: nothing in the plot is covered, however small
// the panel. Entries flow left to right and wrap; each is a coloured symbol and its text.
struct KeyEntry {
  std::string symbol;  // "●", "■", "—", "○", … (MarkerSymbol for a class)
  ImU32 symbol_color = 0;
  std::string text;
  bool dim = false;                // the text in the disabled colour
  ImU32 bar_from = 0, bar_to = 0;  // non-zero: a colour bar "0 ▭ 1" after the text (a scale)
};
std::string MarkerSymbol(plot::Marker marker);
// Its height in `width` pixels, to reserve the room before the plot; then draw it.
float KeyHeight(const std::vector<KeyEntry>& key, float width);
void ShowKey(const std::vector<KeyEntry>& key);

// Colour for the picked samples (the next step's batch): Okabe–Ito yellow, apart from the classes.
ImVec4 PickedColor(float alpha = 1.0f);

}  // namespace ll::app
