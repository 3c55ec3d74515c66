#include "panels/data_layers.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "ll/number_format.h"
#include "ll/predict.h"

namespace ll::app {
namespace {

// The shading stays light so that the points and lines over it keep their contrast.
constexpr float kMostShadingAlpha = 0.42f;

// How sure the model is at a grid cell, 0 … 1: binary |2p − 1| (0 on the boundary, where
// P(y = 1 | x) = ½); softmax (p − 1/K)/(1 − 1/K) for the winner's p (0 where all K tie).
double certainty(double p, Activation activation, std::size_t classes) {
  if (!std::isfinite(p)) return 0.0;
  if (activation != Activation::Softmax) return std::fabs(2.0 * p - 1.0);
  const double chance = 1.0 / static_cast<double>(std::max<std::size_t>(classes, 2));
  return std::clamp((p - chance) / (1.0 - chance), 0.0, 1.0);
}

bool same_view(const plot::Limits& a, const plot::Limits& b) {
  return a.X.Min == b.X.Min && a.X.Max == b.X.Max && a.Y.Min == b.Y.Min && a.Y.Max == b.Y.Max;
}

ImU32 with_alpha(const ImVec4& c, float alpha) {
  return ImGui::GetColorU32(ImVec4(c.x, c.y, c.z, c.w * alpha));
}

// z = θ_row · [1, x1, x2] (further features held at 0, as in ll::probability_grid)
double score(const Params& theta, std::size_t row, double x1, double x2) {
  return theta.at(row, 0) + theta.at(row, 1) * x1 + (theta.cols > 2 ? theta.at(row, 2) * x2 : 0.0);
}

// A line segment in the next line style; dashed: dashes of half a font size, as wide gaps.
void plot_segment(const char* label, double x0, double y0, double x1, double y1, bool dashed = false,
                  const ImVec4& color = ImVec4(1, 1, 1, 1), float weight = 1.0f) {
  if (!dashed) {
    const double xs[2] = {x0, x1}, ys[2] = {y0, y1};
    plot::PlotLine(label, xs, ys, 2);
    return;
  }
  const ImVec2 a = plot::PlotToPixels(x0, y0), b = plot::PlotToPixels(x1, y1);
  const float dx = b.x - a.x, dy = b.y - a.y, length = std::sqrt(dx * dx + dy * dy);
  const float dash = 0.5f * ImGui::GetFontSize();
  if (length <= 0.0f) return;
  for (float t = 0.0f; t < length; t += 2.0f * dash) {
    const float u0 = t / length, u1 = std::min(t + dash, length) / length;
    plot::GetPlotDrawList()->AddLine(ImVec2(a.x + u0 * dx, a.y + u0 * dy), ImVec2(a.x + u1 * dx, a.y + u1 * dy),
                                     ImGui::GetColorU32(color), weight);
  }
}

plot::Range padded(double lo, double hi) {
  if (!(lo <= hi)) return {0.0, 1.0};
  const double pad = hi > lo ? 0.08 * (hi - lo) : std::max(0.5, 0.1 * std::fabs(lo));
  return {lo - pad, hi + pad};
}

// A label's height in the one-feature plot: 0 or 1, the targets as the slides draw them; softmax:
// 1 (each class's one-hot target, read against its own curve P(y = k | x)).
double target_y(const Dataset& d, std::size_t i, Activation a) {
  return a == Activation::Softmax ? 1.0 : static_cast<double>(d.labels[i] > 0 ? 1 : 0);
}

// Grows the box [lo, hi] to take in the point of the boundary nearest its centre, if the boundary
// passes within half the box's size of it: so that the first view shows the line (the slides' θ₀
// for iris4 puts it just left of the data) without zooming out to a far one.
void take_in_boundary(double lo[2], double hi[2], const Params& theta, Activation activation) {
  if (activation == Activation::Softmax || theta.rows != 1 || theta.cols < 3 || !theta.all_finite()) return;
  const double w = hi[0] - lo[0], h = hi[1] - lo[1];
  const auto seg =
      decision_boundary(theta, 0, lo[0] - 0.5 * w, hi[0] + 0.5 * w, lo[1] - 0.5 * h, hi[1] + 0.5 * h);
  if (!seg || !(w > 0.0) || !(h > 0.0)) return;
  // The segment's point nearest the centre, measured in units of the box (t clamped to [0, 1]).
  const double cx = 0.5 * (lo[0] + hi[0]), cy = 0.5 * (lo[1] + hi[1]);
  const double dx = (seg->x1 - seg->x0) / w, dy = (seg->y1 - seg->y0) / h;
  const double len2 = dx * dx + dy * dy;
  const double t =
      len2 > 0.0 ? std::clamp(((cx - seg->x0) / w * dx + (cy - seg->y0) / h * dy) / len2, 0.0, 1.0) : 0.0;
  const double px = seg->x0 + t * (seg->x1 - seg->x0), py = seg->y0 + t * (seg->y1 - seg->y0);
  lo[0] = std::min(lo[0], px), hi[0] = std::max(hi[0], px);
  lo[1] = std::min(lo[1], py), hi[1] = std::max(hi[1], py);
}

}  // namespace

bool UpdateDataView(DataView& v, const std::shared_ptr<const Dataset>& data, const Params& theta,
                    Activation activation) {
  const bool one_feature = data->features() == 1;
  const bool changed = v.data != data;
  const bool softmax = activation == Activation::Softmax;
  if (!changed && !(one_feature && softmax != v.softmax_targets)) return false;
  v.softmax_targets = softmax;
  v.data = data;
  ++v.version;
  v.classes.assign(std::max<std::size_t>(data->classes(), 1), ClassSeries{});
  double lo[2] = {HUGE_VAL, HUGE_VAL}, hi[2] = {-HUGE_VAL, -HUGE_VAL};
  for (std::size_t i = 0; i < data->rows(); ++i) {
    const double x = data->x(i, 0);
    const double y = one_feature ? target_y(*data, i, activation) : data->x(i, 1);
    v.classes[static_cast<std::size_t>(data->labels[i]) % v.classes.size()].add(i, x, y);
    lo[0] = std::min(lo[0], x), hi[0] = std::max(hi[0], x);
    lo[1] = std::min(lo[1], y), hi[1] = std::max(hi[1], y);
  }
  if (!one_feature) take_in_boundary(lo, hi, theta, activation);
  v.home_x = padded(lo[0], hi[0]);
  v.home_y = padded(lo[1], hi[1]);
  return changed;
}

bool Shading::update(const Params& theta, Activation activation, const plot::Limits& view, float width_px,
                     float height_px) {
  if (!theta.all_finite() || theta.cols < 3) return false;
  const int nx = std::clamp(static_cast<int>(width_px / 4.0f), 8, 128);
  const int ny = std::clamp(static_cast<int>(height_px / 4.0f), 8, 128);
  if (texture.valid() && theta == theta_ && activation == activation_ && same_view(view, view_) &&
      nx == nx_ && ny == ny_)
    return true;
  const ProbabilityGrid grid =
      probability_grid(theta, activation, static_cast<std::size_t>(nx), static_cast<std::size_t>(ny),
                       view.X.Min, view.X.Max, view.Y.Min, view.Y.Max);
  rgba_.resize(static_cast<std::size_t>(nx) * static_cast<std::size_t>(ny) * 4);
  for (std::size_t r = 0; r < grid.ny; ++r) {
    unsigned char* row = rgba_.data() + (grid.ny - 1 - r) * grid.nx * 4;  // grid row 0 is the bottom
    for (std::size_t c = 0; c < grid.nx; ++c) {
      const double p = grid.probability[r * grid.nx + c];
      // Binary: the colour of the likelier class, y = 1 where P(y = 1 | x) ≥ ½; softmax: the winner.
      const int k = activation == Activation::Softmax ? grid.winner[r * grid.nx + c] : (p >= 0.5 ? 1 : 0);
      const plot::Rgb rgb = plot::ClassRgb(k, plot::LightBackground());
      // Softmax: every region in its class's colour from the start (half the most), deeper
      // where the model is surer, so that K regions are told apart even while it is unsure.
      const double sure = certainty(p, activation, theta.rows);
      const double a = kMostShadingAlpha * (activation == Activation::Softmax ? 0.5 + 0.5 * sure : sure);
      unsigned char* px = row + c * 4;
      px[0] = rgb.r;
      px[1] = rgb.g;
      px[2] = rgb.b;
      px[3] = static_cast<unsigned char>(std::lround(255.0 * a));
    }
  }
  if (!texture.update(rgba_.data(), nx, ny)) return false;
  theta_ = theta;
  activation_ = activation;
  view_ = view;
  nx_ = nx;
  ny_ = ny;
  return true;
}

int PlotBoundaries(const std::string& label, const Params& theta, Activation activation,
                   const plot::Limits& view, const ImVec4& color, float alpha, float weight_px, bool dashed) {
  if (!theta.all_finite() || theta.cols < 3) return 0;
  const float weight = weight_px * ImGui::GetFontSize() / 13.0f;
  const ImVec4 col(color.x, color.y, color.z, color.w * alpha);
  if (activation != Activation::Softmax) {
    const auto s = decision_boundary(theta, 0, view.X.Min, view.X.Max, view.Y.Min, view.Y.Max);
    if (!s) return 0;
    plot::SetNextLineStyle(col, weight);
    plot_segment(label.c_str(), s->x0, s->y0, s->x1, s->y1, dashed, col, weight);
    return 1;
  }
  int drawn = 0;
  for (std::size_t a = 0; a < theta.rows; ++a) {
    for (std::size_t b = a + 1; b < theta.rows; ++b) {
      Params tie(1, theta.cols);  // z_a − z_b = (θ_a − θ_b)ᵀx
      for (std::size_t j = 0; j < theta.cols; ++j)
        tie.at(0, j) = theta.at(a, j) - theta.at(b, j);
      const auto s = decision_boundary(tie, 0, view.X.Min, view.X.Max, view.Y.Min, view.Y.Max);
      if (!s) continue;
      // Along the tie line x(t) = p0 + t(p1 − p0), keep the t where z_a ≥ z_c for every other c
      // (z_a = z_b there): each z_a − z_c is linear in t, so each cuts [t0, t1] once.
      double t0 = 0.0, t1 = 1.0;
      for (std::size_t c = 0; c < theta.rows && t0 < t1; ++c) {
        if (c == a || c == b) continue;
        const double g0 = score(theta, a, s->x0, s->y0) - score(theta, c, s->x0, s->y0);
        const double g1 = score(theta, a, s->x1, s->y1) - score(theta, c, s->x1, s->y1);
        if (g0 < 0.0 && g1 < 0.0)
          t1 = t0;  // c wins everywhere on it
        else if (g0 < 0.0)
          t0 = std::max(t0, g0 / (g0 - g1));
        else if (g1 < 0.0)
          t1 = std::min(t1, g0 / (g0 - g1));
      }
      if (!(t0 < t1)) continue;
      const double dx = s->x1 - s->x0, dy = s->y1 - s->y0;
      plot::SetNextLineStyle(col, weight);
      plot_segment(label.c_str(), s->x0 + t0 * dx, s->y0 + t0 * dy, s->x0 + t1 * dx, s->y0 + t1 * dy, dashed, col, weight);
      ++drawn;
    }
  }
  return drawn;
}

std::string MissingBoundaryText(const Params& theta, Activation activation) {
  // The weights of the two plotted features: all zero (binary), or equal across the rows (softmax:
  // then z_a − z_b does not depend on x).
  bool flat = true;
  for (std::size_t r = 0; r < theta.rows; ++r)
    for (std::size_t j = 1; j < std::min<std::size_t>(theta.cols, 3); ++j)
      flat = flat && theta.at(r, j) == (activation == Activation::Softmax ? theta.at(0, j) : 0.0);
  if (activation == Activation::Softmax)
    return flat ? "no boundary: equal weights" : "no class boundary in this view";
  return flat ? "no boundary: w = 0" : "boundary: outside this view";
}

void PlotOutputCurves(const std::string& label, const Params& theta, Activation activation,
                      const plot::Range& x_view, float alpha, float weight_px, bool trail, const ImVec4* color) {
  if (!theta.all_finite() || theta.cols != 2) return;
  constexpr int kPoints = 256;
  const float weight = weight_px * ImGui::GetFontSize() / 13.0f;
  std::vector<double> xs(kPoints), ys(kPoints);
  for (int i = 0; i < kPoints; ++i)
    xs[static_cast<std::size_t>(i)] = x_view.Min + x_view.Size() * i / (kPoints - 1);
  const ImVec4 text = color != nullptr ? *color : ImGui::GetStyleColorVec4(ImGuiCol_Text);
  for (std::size_t k = 0; k < theta.rows; ++k) {
    for (std::size_t i = 0; i < xs.size(); ++i) {
      if (activation == Activation::Softmax) {
        ys[i] = class_probabilities(theta, activation, &xs[i])[k];
      } else {
        const double z = theta.at(0, 0) + theta.at(0, 1) * xs[i];  // z = w·x + b
        ys[i] = activation == Activation::Sigmoid ? sigmoid(z) : std::tanh(z);
      }
    }
    const bool per_class = activation == Activation::Softmax && !trail;
    const ImVec4 c = per_class ? plot::ClassColor(static_cast<int>(k)) : text;
    plot::SetNextLineStyle(ImVec4(c.x, c.y, c.z, c.w * alpha), weight);
    const std::string name = per_class ? "P(y = " + std::to_string(k) + " | x)##curve" + std::to_string(k)
                                       : (k == 0 ? label : label + "##more");
    plot::PlotLine(name.c_str(), xs.data(), ys.data(), kPoints);
  }
}

void PlotThresholdLabel(double t, bool rising, bool tanh_out, const plot::Limits& view,
                        const ImVec2& plot_size) {
  const std::string text = "x = −b/w = " + format_number(t);
  const float gap = 0.4f * ImGui::GetFontSize();
  const double px_per_x = plot_size.x / view.X.Size();
  const double room_left = (t - view.X.Min) * px_per_x, room_right = (view.X.Max - t) * px_per_x;
  const double needed = ImGui::CalcTextSize(text.c_str()).x + 2.0 * gap;
  // σ rising is below ½ left of the line: the label goes left and above ½ (or right and below).
  const bool left =
      rising ? (room_left >= needed || room_right < needed) : !(room_right >= needed || room_left < needed);
  const bool above = left == rising;
  const double y = tanh_out ? (above ? 0.5 : -0.5) : 0.5;  // tanh: clear of the points at y = 0
  plot::SetNextLineStyle(PickedColor());
  plot::PlotText(text.c_str(), t, y, ImVec2(left ? -gap : gap, above ? -0.5f * gap : 0.5f * gap),
                 ImVec2(left ? 1.0f : 0.0f, above ? 1.0f : 0.0f));
}

KeyEntry ShadingKeyEntry(Activation activation) {
  KeyEntry e;
  e.dim = true;
  if (activation == Activation::Softmax) {
    e.text = "shading: the likeliest class";
    return e;
  }
  e.text = activation == Activation::Tanh ? "shading (1 + ŷ)/2:" : "P(y = 1 | x):";
  e.bar_from = with_alpha(plot::ClassColor(0), kMostShadingAlpha);
  e.bar_to = with_alpha(plot::ClassColor(1), kMostShadingAlpha);
  return e;
}

}  // namespace ll::app
