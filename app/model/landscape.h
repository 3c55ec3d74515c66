#pragma once
// The loss landscape panel's model (no ImGui): the mean loss J (ll/objective.h) over two entries
// of θ, the others held at their values in the current θ, on a square grid over a range; its
// contour lines; the range that shows the trajectory and the optimum; and the work done on a
// worker thread (model/background.h), the old grid drawn until the new one is ready.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "ll/dataset.h"
#include "ll/optimum.h"
#include "ll/params.h"
#include "ll/settings.h"
#include "ll/trainer.h"
#include "model/background.h"

namespace ll::app {

struct AppState;

// A grid to compute: J under `settings` at θ with θ[a] = x and θ[b] = y.
struct LandscapeRequest {
  std::uint64_t run = 0;           // AppState::run_serial: a new trainer (new data), a new key
  std::shared_ptr<const Dataset> data;
  Settings settings;
  Params theta;                    // the entries not on the axes
  std::size_t a = 1, b = 2;        // θ.values indices on the x and y axes
  double x_min = -1, x_max = 1, y_min = -1, y_max = 1;
  int cells = 128;                 // per side
  std::size_t most_samples = 0;    // 0: all; else a seeded subsample of this many (big data first)
  std::string key() const;         // equal keys, equal grids
};

// Above this many samples a grid is first computed over a seeded subsample of this size, then
// over all of them.
constexpr std::size_t kLandscapeSampleFirst = 10'000;
// What one grid may cost, in samples × θ's entries visited (the cells per side follow from it).
constexpr double kLandscapeBudget = 1.5e9;

struct LandscapeGrid {
  LandscapeRequest request;
  std::vector<double> loss;        // cells², row-major, row 0 at y_max (the top); NaN: undefined
  double low = 0.0, high = 0.0;    // the finite values' least and greatest (both NaN if none)
  bool any_undefined = false;
  std::size_t samples = 0;         // over how many samples (fewer than N: a subsample)
  double seconds = 0.0;            // how long it took
  // Cell (ix, iy)'s centre.
  double x_at(int ix) const;
  double y_at(int iy) const;
  // J at (x, y) by bilinear interpolation between cell centres (NaN outside or undefined).
  double at(double x, double y) const;
};

LandscapeGrid compute_landscape(const LandscapeRequest& request);

// Contour lines of a grid at `level`: segments (x1, y1, x2, y2) in θ coordinates, by marching
// squares over the cell centres (cells with an undefined corner give none).
std::vector<double> contour_segments(const LandscapeGrid& grid, double level);
// About `count` levels between the grid's low and high, spaced evenly in log(J − low + δ) so that
// both the floor of a bowl and its steep walls get lines; each rounded to 2 significant digits.
std::vector<double> contour_levels(const LandscapeGrid& grid, int count);

// The default pair: (w1, w2) with two or more features, (b, w) with one; softmax: class 0's.
void default_landscape_pair(const Params& theta, std::size_t& a, std::size_t& b);

// A range that holds the points (x, y) with a margin, at least `min_span` wide and tall.
struct Range {
  double x_min, x_max, y_min, y_max;
};
Range fit_range(const std::vector<double>& xs, const std::vector<double>& ys, double min_span);

// The run's θ over its history on the pair: at most `most` points (every k-th step, and the
// current one last), up to the current step.
void landscape_path(const Trainer& run, std::size_t a, std::size_t b, std::size_t most, std::vector<double>& xs,
                    std::vector<double>& ys);

// The other surface of the seeds' comparison: squared error for a cross-entropy, and back.
Settings other_surface(const Settings& s);

// The optimum of the run's data and settings, worked out on a worker thread (Newton is quick, the
// non-convex pairs' long descent is not).
struct OptimumCache {
  BackgroundValue<Optimum> value;
  // The optimum for the state's data, settings and θ₀ when it is ready (none meanwhile).
  std::shared_ptr<const Optimum> get(const AppState& state);
};

// ‖θ_k − θ*‖ over the history, for the loss panel: at most kMostDistancePoints points, every
// `stride`-th step (stride doubles as the history grows), read as steps are taken.
constexpr std::size_t kMostDistancePoints = 4096;
struct DistanceCurve {
  std::string key;                 // the run, its branches and θ* it was read for
  std::size_t stride = 1, steps = 0;
  std::vector<double> xs, ys;      // step, ‖θ_step − θ*‖
};
// ‖a − b‖ (Euclidean, over every entry).
double theta_distance(const Params& a, const Params& b);
// Brings the curve up to the state's history for θ* = `best`.
const DistanceCurve& distance_curve(const AppState& state, const Optimum& best, DistanceCurve& curve);

// The panel's grids: one computed at a time, the latest asked for.
struct LandscapeCache {
  BackgroundValue<LandscapeGrid> grid;
  // J at θ under `surface` (one full-data pass), kept until the run, θ or the surface change:
  // the panel's read-out asks every frame.
  double loss_at(const AppState& state, const Params& theta, const Settings& surface);

 private:
  std::string loss_key_;
  double loss_ = 0.0;
};

}  // namespace ll::app
