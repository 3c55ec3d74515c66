// The loss landscape's model (app/model/landscape.h): the grid's values are the core's J at the
// cell centres, the contours lie on their level, the path is the history's θ, the range holds what
// it fits, the subsample is used above its threshold, and the worker hands over the latest value.
#include <doctest/doctest.h>

#include <chrono>
#include <cmath>
#include <memory>
#include <thread>

#include "approx.h"
#include "ll/dataset.h"
#include "ll/objective.h"
#include "model/app_state.h"
#include "model/landscape.h"

namespace {

ll::app::LandscapeRequest iris_request() {
  ll::DataOptions o;
  o.source = "iris";
  o.classes = {2, 3};
  o.standardize = true;
  ll::app::LandscapeRequest r;
  r.data = std::make_shared<const ll::Dataset>(ll::load_dataset(o));
  r.theta = ll::Params::row({0.2, 0.0, 0.0});
  r.x_min = -2;
  r.x_max = 6;
  r.y_min = -1;
  r.y_max = 5;
  r.cells = 24;
  return r;
}

}  // namespace

TEST_CASE("every cell of the landscape is J at its centre, the other entries held, for each loss") {
  for (ll::Loss loss : {ll::Loss::BCE, ll::Loss::MSE}) {
    ll::app::LandscapeRequest r = iris_request();
    r.settings.loss = loss;
    const ll::app::LandscapeGrid g = ll::app::compute_landscape(r);
    REQUIRE(g.loss.size() == 24u * 24u);
    CHECK(g.samples == r.data->rows());
    for (int iy = 0; iy < 24; iy += 5)
      for (int ix = 0; ix < 24; ix += 7) {
        const ll::Params at = ll::Params::row({0.2, -2 + (ix + 0.5) * 8.0 / 24, 5 - (iy + 0.5) * 6.0 / 24});
        CHECK(g.loss[static_cast<std::size_t>(iy) * 24 + ix] == ll::objective_at(*r.data, at, r.settings, false).loss);
      }
    CHECK(g.low < g.high);
    CHECK_FALSE(g.any_undefined);
    // Between cell centres: bilinear, equal at the centres themselves.
    CHECK_REL(g.at(g.x_at(3), g.y_at(4)), g.loss[4 * 24 + 3], 1e-12);
    CHECK(std::isnan(g.at(100.0, 0.0)));
  }
}

TEST_CASE("tanh + BCE's undefined region is NaN in the grid, never a number") {
  ll::app::LandscapeRequest r = iris_request();
  r.settings.activation = ll::Activation::Tanh;
  r.theta = ll::Params::row({3.0, 0.0, 0.0});   // ŷ > 0 for every sample near w = 0, not far from it
  const ll::app::LandscapeGrid g = ll::app::compute_landscape(r);
  CHECK(g.any_undefined);
  std::size_t undefined = 0;
  for (double v : g.loss) undefined += std::isnan(v) ? 1 : 0;
  CHECK(undefined > 0);
  CHECK(undefined < g.loss.size());
  CHECK(std::isfinite(g.low));
}

TEST_CASE("contour segments lie on their level, and the levels are inside the grid's range") {
  // J is smooth: at each segment's ends the bilinear surface equals the level.
  const ll::app::LandscapeGrid g = ll::app::compute_landscape(iris_request());
  const std::vector<double> levels = ll::app::contour_levels(g, 7);
  REQUIRE(levels.size() >= 4);
  for (std::size_t k = 1; k < levels.size(); ++k) CHECK(levels[k] > levels[k - 1]);
  for (double level : levels) {
    CHECK(level > g.low);
    CHECK(level < g.high);
    const std::vector<double> seg = ll::app::contour_segments(g, level);
    REQUIRE_FALSE(seg.empty());
    for (std::size_t k = 0; k + 1 < seg.size(); k += 2) CHECK_REL(g.at(seg[k], seg[k + 1]), level, 1e-9);
  }
}

TEST_CASE("the path is the history's θ on the pair, the range holds it, the other surface swaps the loss") {
  ll::app::AppState s;
  ll::app::RunSpec spec;
  spec.settings.learning_rate = 0.5;
  REQUIRE(ll::app::start_run(s, spec));
  for (int k = 0; k < 25; ++k) REQUIRE(ll::app::step_forward(s));
  std::vector<double> xs, ys;
  ll::app::landscape_path(*s.trainer, 1, 2, 2000, xs, ys);
  REQUIRE(xs.size() == s.trainer->current_step() + 1);
  for (std::size_t k = 0; k < xs.size(); ++k) {
    CHECK(xs[k] == s.trainer->theta_at(k).values[1]);
    CHECK(ys[k] == s.trainer->theta_at(k).values[2]);
  }
  ll::app::landscape_path(*s.trainer, 1, 2, 10, xs, ys);   // decimated: at most about 10, the current one last
  CHECK(xs.size() <= 11u);
  CHECK(xs.back() == s.trainer->theta().values[1]);
  const ll::app::Range r = ll::app::fit_range(xs, ys, 1.0);
  for (std::size_t k = 0; k < xs.size(); ++k) {
    CHECK(xs[k] > r.x_min);
    CHECK(xs[k] < r.x_max);
    CHECK(ys[k] > r.y_min);
    CHECK(ys[k] < r.y_max);
  }
  CHECK(r.x_max - r.x_min >= 1.0);
  std::size_t a = 9, b = 9;
  ll::app::default_landscape_pair(s.trainer->theta(), a, b);
  CHECK((a == 1 && b == 2));
  ll::app::default_landscape_pair(ll::Params::row({0.0, 1.0}), a, b);   // one feature: (b, w)
  CHECK((a == 0 && b == 1));
  ll::Settings bce;
  CHECK(ll::app::other_surface(bce).loss == ll::Loss::MSE);
  CHECK(ll::app::other_surface(ll::app::other_surface(bce)).loss == ll::Loss::BCE);
  ll::Settings cce;
  cce.activation = ll::Activation::Softmax;
  cce.loss = ll::Loss::CCE;
  CHECK(ll::app::other_surface(ll::app::other_surface(cce)).loss == ll::Loss::CCE);
}

TEST_CASE("big data: the first grid is over a seeded subsample, the same every time") {
  ll::app::LandscapeRequest r = iris_request();
  r.data = std::make_shared<const ll::Dataset>(ll::make_blobs(25'000, 2.0, 7));
  r.cells = 8;
  r.most_samples = ll::app::kLandscapeSampleFirst;
  const ll::app::LandscapeGrid first = ll::app::compute_landscape(r), again = ll::app::compute_landscape(r);
  CHECK(first.samples == ll::app::kLandscapeSampleFirst);
  CHECK(first.loss == again.loss);
  r.most_samples = 0;
  const ll::app::LandscapeGrid full = ll::app::compute_landscape(r);
  CHECK(full.samples == 25'000u);
  CHECK(full.request.key() != first.request.key());
  CHECK_REL(full.loss[0], first.loss[0], 0.05);   // a subsample of 10,000 is close, not equal
}

TEST_CASE("the worker computes off the caller's thread and hands over the latest value") {
  ll::app::BackgroundValue<int> v;
  CHECK(v.value() == nullptr);
  v.want("a", [] { return 1; });
  v.want("a", [] { return 99; });   // the same key: not again
  for (int k = 0; k < 2000 && v.busy(); ++k) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  REQUIRE_FALSE(v.busy());
  CHECK(*v.value() == 1);
  CHECK(v.value_key() == "a");
  v.want("b", [] { return 2; });
  for (int k = 0; k < 2000 && v.busy(); ++k) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  CHECK(*v.value() == 2);
}
