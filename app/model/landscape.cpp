#include "model/landscape.h"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>
#include <limits>
#include <random>
#include <thread>
#include <vector>

#include "ll/kernel.h"
#include "ll/objective.h"
#include "model/app_state.h"

namespace ll::app {
namespace {

void put(std::string& out, double v) {
  char buf[32];
  out.append(buf, std::to_chars(buf, buf + sizeof buf, v).ptr);
  out += ',';
}

std::string settings_key(const Settings& s) {
  std::string k;
  for (double v : {static_cast<double>(s.loss), static_cast<double>(s.activation), static_cast<double>(s.reduction),
                   loss_scale(s), s.l2, static_cast<double>(s.l2_bias)})
    put(k, v);
  return k;
}

// A seeded subsample of `most` samples (in their order), every class kept.
Dataset subsample(const Dataset& data, std::size_t most) {
  std::vector<std::size_t> order(data.rows());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937_64 rng(20261202);
  std::shuffle(order.begin(), order.end(), rng);
  order.resize(most);
  std::sort(order.begin(), order.end());
  Dataset out;
  out.name = data.name;
  out.feature_names = data.feature_names;
  out.class_names = data.class_names;
  out.standardized = data.standardized;
  out.columns.assign(data.features(), std::vector<double>(most));
  out.labels.resize(most);
  for (std::size_t r = 0; r < most; ++r) {
    for (std::size_t j = 0; j < data.features(); ++j) out.columns[j][r] = data.columns[j][order[r]];
    out.labels[r] = data.labels[order[r]];
  }
  return out;
}

}  // namespace

std::string LandscapeRequest::key() const {
  std::string k = std::to_string(run) + ":" + settings_key(settings);
  for (double v : theta.values) put(k, v);
  for (double v : {static_cast<double>(a), static_cast<double>(b), x_min, x_max, y_min, y_max,
                   static_cast<double>(cells), static_cast<double>(most_samples)})
    put(k, v);
  return k;
}

double LandscapeGrid::x_at(int ix) const {
  const LandscapeRequest& r = request;
  return r.x_min + (ix + 0.5) * (r.x_max - r.x_min) / r.cells;
}

double LandscapeGrid::y_at(int iy) const {   // row 0 at the top
  const LandscapeRequest& r = request;
  return r.y_max - (iy + 0.5) * (r.y_max - r.y_min) / r.cells;
}

double LandscapeGrid::at(double x, double y) const {
  const LandscapeRequest& r = request;
  const int n = r.cells;
  const double fx = (x - r.x_min) / (r.x_max - r.x_min) * n - 0.5;
  const double fy = (r.y_max - y) / (r.y_max - r.y_min) * n - 0.5;
  if (!(fx >= 0.0 && fy >= 0.0 && fx <= n - 1 && fy <= n - 1)) return std::numeric_limits<double>::quiet_NaN();
  const int ix = std::min(static_cast<int>(fx), n - 2), iy = std::min(static_cast<int>(fy), n - 2);
  const double tx = fx - ix, ty = fy - iy;
  const auto v = [&](int i, int j) { return loss[static_cast<std::size_t>(j) * n + i]; };
  return (1 - ty) * ((1 - tx) * v(ix, iy) + tx * v(ix + 1, iy)) + ty * ((1 - tx) * v(ix, iy + 1) + tx * v(ix + 1, iy + 1));
}

LandscapeGrid compute_landscape(const LandscapeRequest& r) {
  const auto start = std::chrono::steady_clock::now();
  LandscapeGrid g;
  g.request = r;
  std::shared_ptr<const Dataset> data = r.data;
  if (r.most_samples > 0 && data->rows() > r.most_samples)
    data = std::make_shared<const Dataset>(subsample(*data, r.most_samples));
  g.samples = data->rows();
  const int n = r.cells;
  g.loss.assign(static_cast<std::size_t>(n) * n, 0.0);
  // Rows [from, to): each cell J at its centre (NaN: undefined).
  const auto rows = [&](int from, int to) {
    const PassesOnThisThread alone;   // the rows keep the cores busy: no helper threads
    Params theta = r.theta;
    for (int iy = from; iy < to; ++iy)
      for (int ix = 0; ix < n; ++ix) {
        theta.values[r.a] = g.x_at(ix);
        theta.values[r.b] = g.y_at(iy);
        g.loss[static_cast<std::size_t>(iy) * n + ix] = objective_at(*data, theta, r.settings, false).loss;
      }
  };
  // Big grids on every core: the rows split in two halves or more, each cell's pass on its row's
  // thread (the pass's helpers serve one pass at a time). Each cell is the same whoever computes it.
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  const unsigned parts = static_cast<double>(data->rows()) * n * n > 1e6 ? std::min(cores, 4u) : 1u;
  std::vector<std::thread> helpers;
  for (unsigned p = 1; p < parts; ++p)
    helpers.emplace_back(rows, static_cast<int>(p * n / parts), static_cast<int>((p + 1) * n / parts));
  rows(0, static_cast<int>(n / parts));
  for (std::thread& t : helpers) t.join();
  g.low = std::numeric_limits<double>::infinity();
  g.high = -std::numeric_limits<double>::infinity();
  for (double j : g.loss) {
    if (std::isfinite(j)) {
      g.low = std::min(g.low, j);
      g.high = std::max(g.high, j);
    } else {
      g.any_undefined = true;
    }
  }
  if (!(g.low <= g.high)) g.low = g.high = std::numeric_limits<double>::quiet_NaN();
  g.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return g;
}

std::vector<double> contour_segments(const LandscapeGrid& g, double level) {
  std::vector<double> out;
  const int n = g.request.cells;
  const auto v = [&](int i, int j) { return g.loss[static_cast<std::size_t>(j) * n + i]; };
  // Where the level crosses the edge from corner p (value a) to corner q (value b).
  const auto cross = [level](double ax, double ay, double a, double bx, double by, double b, double& x, double& y) {
    const double t = (level - a) / (b - a);
    x = ax + t * (bx - ax);
    y = ay + t * (by - ay);
  };
  for (int j = 0; j + 1 < n; ++j)
    for (int i = 0; i + 1 < n; ++i) {
      // Corners counter-clockwise from the top-left: (i, j), (i + 1, j), (i + 1, j + 1), (i, j + 1).
      const double c[4] = {v(i, j), v(i + 1, j), v(i + 1, j + 1), v(i, j + 1)};
      const double cx[4] = {g.x_at(i), g.x_at(i + 1), g.x_at(i + 1), g.x_at(i)};
      const double cy[4] = {g.y_at(j), g.y_at(j), g.y_at(j + 1), g.y_at(j + 1)};
      if (!(std::isfinite(c[0]) && std::isfinite(c[1]) && std::isfinite(c[2]) && std::isfinite(c[3]))) continue;
      double px[4], py[4];
      int found = 0;
      for (int e = 0; e < 4; ++e) {
        const int f = (e + 1) % 4;
        if ((c[e] < level) != (c[f] < level)) {
          cross(cx[e], cy[e], c[e], cx[f], cy[f], c[f], px[found], py[found]);
          ++found;
        }
      }
      // Two crossings: one segment; four (a saddle): two, paired by the centre's side.
      for (int k = 0; k + 1 < found; k += 2) out.insert(out.end(), {px[k], py[k], px[k + 1], py[k + 1]});
    }
  return out;
}

std::vector<double> contour_levels(const LandscapeGrid& g, int count) {
  std::vector<double> levels;
  if (!std::isfinite(g.low) || !(g.high > g.low) || count < 1) return levels;
  const double delta = std::max(1e-3 * (g.high - g.low), 1e-12);
  const double lo = std::log(delta), hi = std::log(g.high - g.low + delta);
  for (int k = 1; k <= count; ++k) {
    double level = g.low + std::exp(lo + (hi - lo) * k / (count + 1)) - delta;
    if (level > 0.0) {   // 2 significant digits: labels a student can read
      const double unit = std::pow(10.0, std::floor(std::log10(level)) - 1.0);
      level = std::round(level / unit) * unit;
    }
    if (level > g.low && level < g.high && (levels.empty() || level > levels.back())) levels.push_back(level);
  }
  return levels;
}

void default_landscape_pair(const Params& theta, std::size_t& a, std::size_t& b) {
  if (theta.cols >= 3) {
    a = 1;
    b = 2;
  } else {
    a = 0;
    b = theta.cols > 1 ? 1 : 0;
  }
}

Range fit_range(const std::vector<double>& xs, const std::vector<double>& ys, double min_span) {
  double x0 = INFINITY, x1 = -INFINITY, y0 = INFINITY, y1 = -INFINITY;
  for (std::size_t k = 0; k < xs.size(); ++k) {
    if (!std::isfinite(xs[k]) || !std::isfinite(ys[k])) continue;
    x0 = std::min(x0, xs[k]);
    x1 = std::max(x1, xs[k]);
    y0 = std::min(y0, ys[k]);
    y1 = std::max(y1, ys[k]);
  }
  if (!(x0 <= x1)) x0 = x1 = y0 = y1 = 0.0;
  // The points take the middle 60 %: the surface around them shows where they came from and go.
  const double w = std::max((x1 - x0) / 0.6, min_span), h = std::max((y1 - y0) / 0.6, min_span);
  const double cx = 0.5 * (x0 + x1), cy = 0.5 * (y0 + y1);
  return {cx - 0.5 * w, cx + 0.5 * w, cy - 0.5 * h, cy + 0.5 * h};
}

void landscape_path(const Trainer& run, std::size_t a, std::size_t b, std::size_t most, std::vector<double>& xs,
                    std::vector<double>& ys) {
  xs.clear();
  ys.clear();
  const std::size_t now = run.current_step();
  const std::size_t stride = std::max<std::size_t>(1, (now + most - 1) / std::max<std::size_t>(most, 1));
  for (std::size_t k = 0;; k += stride) {
    const std::size_t step = std::min(k, now);
    const Params theta = run.theta_at(step);
    xs.push_back(theta.values[a]);
    ys.push_back(theta.values[b]);
    if (step == now) break;
  }
}

Settings other_surface(const Settings& s) {
  Settings o = s;
  if (s.loss == Loss::MSE) o.loss = s.activation == Activation::Softmax ? Loss::CCE : Loss::BCE;
  else o.loss = Loss::MSE;
  return o;
}

double theta_distance(const Params& a, const Params& b) {
  double sum = 0.0;
  for (std::size_t j = 0; j < a.size(); ++j) sum += (a.values[j] - b.values[j]) * (a.values[j] - b.values[j]);
  return std::sqrt(sum);
}

const DistanceCurve& distance_curve(const AppState& s, const Optimum& best, DistanceCurve& c) {
  const Trainer& t = *s.trainer;
  std::string key = std::to_string(s.run_serial) + ":" + std::to_string(t.branches()) + ":";
  for (double v : best.theta.values) put(key, v);
  if (key != c.key || c.steps > t.history_size()) c = DistanceCurve{key, 1, 0, {}, {}};
  const auto distance = [&](std::size_t k) { return theta_distance(t.theta_at(k), best.theta); };
  if (c.xs.empty()) {
    c.xs.push_back(0.0);
    c.ys.push_back(distance(0));
  }
  for (std::size_t k = c.steps + 1; k <= t.history_size(); ++k) {
    if (k % c.stride == 0) {
      c.xs.push_back(static_cast<double>(k));
      c.ys.push_back(distance(k));
    }
    c.steps = k;
    if (c.xs.size() > kMostDistancePoints) {   // every other point: twice the steps per point
      std::size_t j = 0;
      for (std::size_t i = 0; i < c.xs.size(); i += 2, ++j) {
        c.xs[j] = c.xs[i];
        c.ys[j] = c.ys[i];
      }
      c.xs.resize(j);
      c.ys.resize(j);
      c.stride *= 2;
    }
  }
  return c;
}

double LandscapeCache::loss_at(const AppState& state, const Params& theta, const Settings& surface) {
  std::string key = std::to_string(state.run_serial) + ":" + settings_key(surface);
  for (double v : theta.values) put(key, v);
  if (key != loss_key_) {
    loss_ = objective_at(state.data(), theta, surface, false).loss;
    loss_key_ = std::move(key);
  }
  return loss_;
}

std::shared_ptr<const Optimum> OptimumCache::get(const AppState& state) {
  const std::shared_ptr<const Dataset> data = state.data_ptr();
  const Settings settings = state.settings();
  const Params theta0 = state.theta0();
  std::string key = std::to_string(state.run_serial) + ":" + settings_key(settings);
  for (double v : theta0.values) put(key, v);
  value.want(key, [data, settings, theta0] { return find_optimum(*data, settings, theta0); });
  return value.value_key() == key ? value.value() : nullptr;
}

}  // namespace ll::app
