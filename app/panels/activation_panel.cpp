// The activation (the point 3): ŷ = σ(z) (or tanh) over z, each sample of the last step's
// batch at (z_i, ŷ_i) in its class colour with a drop line to the z axis, and optionally the
// derivative σ′(z) = σ(1 − σ) (tanh′ = 1 − tanh²), which shows why squared error learns slowly
// from a sample far on the wrong side: ∂L/∂z = 2(ŷ − y)·σ′(z), and σ′ vanishes there.
// Softmax has K outputs, so it is drawn per sample as the true class's probability ŷ_y against its
// margin m = z_y − max_{k≠y} z_k: ŷ_y = σ(m) exactly with one rival class, and with more it lies
// between σ(m − ln(K − 1)) (all rivals tied) and σ(m) (one rival close, the rest far behind).
//
// Index
// [SECTION] The points: the batch at θ before the step
// [SECTION] Plot
// [SECTION] Window
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "ll/number_format.h"
#include "ll/activation.h"
#include "ll/predict.h"
#include "panels/panel_caches.h"
#include "panels/panels.h"
#include "panels/point_cloud.h"
#include "panels/sample_plot.h"
#include "panels/widgets.h"
#include "plot/plot.h"

namespace ll::app {
namespace {

constexpr const char* kPlot = "##activation";
constexpr std::size_t kMostDropLines = 100;  // beyond, the drop lines only fill the area
// Beyond, a step earlier's faint rings only blur the points (and each ring and its line cost a
// software rasterizer about 40 µs of a frame: 64 of them are a third of iris4's whole frame).
constexpr std::size_t kMostEarlier = 64;

// [SECTION] The points: the batch at θ before the step ----------------------------------------

void update_points(BatchPoints& p, const std::shared_ptr<const Dataset>& data, const Params& theta,
                   Activation a, const std::vector<std::size_t>& batch, std::uint64_t batch_of) {
  const bool same_batch = p.batch_of == batch_of || p.batch == batch;
  p.batch_of = batch_of;
  if (p.data == data && p.theta == theta && p.activation == a && same_batch && !p.classes.empty())
    return;
  ++p.version;
  p.data = data;
  p.theta = theta;
  p.activation = a;
  p.batch = batch;
  p.classes.assign(std::max<std::size_t>(data->classes(), 1), ClassSeries{});
  p.slope_x.clear();
  p.slope_y.clear();
  p.widest = 0.0;
  p.count = batch.empty() ? data->rows() : batch.size();
  if (!theta.all_finite()) return;
  for (std::size_t n = 0; n < p.count; ++n) {
    const std::size_t i = batch.empty() ? n : batch[n];
    if (i >= data->rows()) continue;
    const int label = data->labels[i];
    const ActivationPoint q = activation_point(sample_outputs(*data, i, theta, a), label, a);
    if (!std::isfinite(q.x) || !std::isfinite(q.y)) continue;
    p.classes[static_cast<std::size_t>(label) % p.classes.size()].add(i, q.x, q.y);
    p.slope_x.push_back(q.x);
    p.slope_y.push_back(q.slope);
    p.widest = std::max(p.widest, std::fabs(q.x));
  }
}

// The batch a step earlier, at `earlier` (empty: none), for the faint points.
void update_earlier(BatchPoints& p, const Params& earlier) {
  if (p.earlier_version == p.version && p.earlier_theta == earlier) return;
  p.earlier_version = p.version;
  p.earlier_theta = earlier;
  p.earlier_x.clear();
  p.earlier_y.clear();
  p.now_x.clear();
  p.now_y.clear();
  if (earlier.values.empty() || !earlier.all_finite() || !p.theta.all_finite()) return;
  for (std::size_t n = 0; n < p.count; ++n) {
    const std::size_t i = p.batch.empty() ? n : p.batch[n];
    if (i >= p.data->rows()) continue;
    const int label = p.data->labels[i];
    const ActivationPoint then = activation_point(sample_outputs(*p.data, i, earlier, p.activation), label, p.activation);
    const ActivationPoint now = activation_point(sample_outputs(*p.data, i, p.theta, p.activation), label, p.activation);
    if (!std::isfinite(then.x) || !std::isfinite(then.y) || !std::isfinite(now.x) || !std::isfinite(now.y)) continue;
    p.earlier_x.push_back(then.x);
    p.earlier_y.push_back(then.y);
    p.now_x.push_back(now.x);
    p.now_y.push_back(now.y);
  }
}

// The half-width of the x range: at least `least`, else the next of 1, 1.5, 2, 3, 4, 5, 6, 8 × 10ⁿ
// above the widest point plus 10%, so the range changes in a few jumps rather than every step.
double half_range(double widest, double least) {
  const double need = 1.1 * widest;
  if (!(need > least)) return least;
  if (need > 1e12) return 1e12;
  const double decade = std::pow(10.0, std::floor(std::log10(need)));
  for (const double m : {1.0, 1.5, 2.0, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0})
    if (m * decade >= need) return m * decade;
  return 10.0 * decade;
}

// [SECTION] Plot ------------------------------------------------------------------------------

struct Curve {
  const char* label;
  ImVec4 color;
  float weight;
};

// f over [−r, r], 400 points.
template <typename F>
void plot_curve(const Curve& c, double r, F f) {
  constexpr int kPoints = 400;
  double xs[kPoints], ys[kPoints];
  for (int i = 0; i < kPoints; ++i) {
    xs[i] = -r + 2.0 * r * i / (kPoints - 1);
    ys[i] = f(xs[i]);
  }
  plot::SetNextLineStyle(c.color, c.weight * ImGui::GetFontSize() / 13.0f);
  plot::PlotLine(c.label, xs, ys, kPoints);
}

ImVec4 derivative_color() { return plot::ClassColor(5); }  // reddish purple, apart from the classes

// What the axes and curves are called, by activation.
struct Labels {
  const char* x;
  const char* y;
  const char* curve;
  const char* derivative;
};

Labels labels_for(Activation a) {
  switch (a) {
    case Activation::Tanh:
      return {"z = θᵀx", "ŷ = tanh(z)", "ŷ = tanh(z)", "tanh′(z) = 1 − tanh²"};
    case Activation::Softmax:
      return {"m = z_y − max(z_k, k ≠ y)", "ŷ_y (true class)", "σ(m)", "∂ŷ_y/∂z_y"};
    default:
      return {"z = θᵀx", "ŷ = σ(z)", "ŷ = σ(z)", "σ′(z) = σ(1 − σ)"};
  }
}

void sample_tooltip(const AppState& s, const Params& theta, Activation a, std::size_t i) {
  const Dataset& d = s.data();
  const SampleOutputs o = sample_outputs(d, i, theta, a);
  const ActivationPoint q = activation_point(o, d.labels[i], a);
  ImGui::BeginTooltip();
  ImGui::Text("Sample %zu · %s", i + 1, ClassLabel(d, d.labels[i]).c_str());
  if (a == Activation::Softmax) {
    ImGui::Text("z = %s", format_vector(o.z).c_str());
    ImGui::Text("ŷ = softmax(z) = %s", format_vector(o.y_hat).c_str());
    ImGui::Text("m = z_y − max(z_k, k ≠ y) = %s,  ŷ_y = %s", format_number(q.x).c_str(),
                format_number(q.y).c_str());
    ImGui::Text("∂ŷ_y/∂z_y = ŷ_y(1 − ŷ_y) = %s", format_number(q.slope).c_str());
  } else {
    const bool sig = a == Activation::Sigmoid;
    ImGui::Text("z = θᵀx = %s,  ŷ = %s = %s", format_number(q.x).c_str(), sig ? "σ(z)" : "tanh(z)",
                format_number(q.y).c_str());
    ImGui::Text("%s = %s", sig ? "∂ŷ/∂z = σ(1 − σ)" : "∂ŷ/∂z = 1 − tanh²", format_number(q.slope).c_str());
  }
  ImGui::EndTooltip();
}

void plot_activation(AppState& s, BatchPoints& p, const Params& theta, Activation a, float height) {
  const Labels l = labels_for(a);
  // At least the S's whole bend: ±6 for σ, ±3 for tanh; softmax margins start small, ±4.
  const double r = half_range(p.widest, a == Activation::Sigmoid ? 6.0 : a == Activation::Tanh ? 3.0 : 4.0);
  // A new range applies at once; in between, the user may zoom.
  ImGuiStorage* storage = ImGui::GetStateStorage();
  const ImGuiID range_id = ImGui::GetID("##activation range");
  if (storage->GetFloat(range_id, 0.0f) != static_cast<float>(r)) {
    plot::ResetPlot(kPlot);
    storage->SetFloat(range_id, static_cast<float>(r));
  }
  if (!plot::BeginPlot(kPlot, ImVec2(-1, height), plot::PlotFlags_NoTooltip | plot::PlotFlags_NoLegend))
    return;
  const bool tanh_out = a == Activation::Tanh;
  plot::SetupAxes(l.x, l.y);
  plot::SetupAxisLimits(plot::Axis_X, -r, r, ImGuiCond_Once);
  plot::SetupAxisLimits(plot::Axis_Y, tanh_out ? -1.1 : -0.05, tanh_out ? 1.1 : 1.05, ImGuiCond_Always);
  plot::SetupFinish();
  const double view_r =
      std::max(std::fabs(plot::GetPlotLimits().X.Min), std::fabs(plot::GetPlotLimits().X.Max));
  const ImVec4 text = ImGui::GetStyleColorVec4(ImGuiCol_Text);
  if (a == Activation::Softmax && theta.rows > 2) {
    // ŷ_y = 1 / (1 + Σ_{k≠y} e^(z_k − z_y)): between σ(m − ln(K − 1)) and σ(m).
    const double shift = std::log(static_cast<double>(theta.rows - 1));
    const std::string tied = "σ(m − ln " + std::to_string(theta.rows - 1) + ")";
    plot_curve({tied.c_str(), ImVec4(text.x, text.y, text.z, 0.45f), 1.5f}, view_r,
               [shift](double m) { return sigmoid(m - shift); });
  }
  plot_curve({a == Activation::Softmax && theta.rows == 2 ? "ŷ_y = σ(m)" : l.curve, text, 2.5f}, view_r,
             [a](double z) { return a == Activation::Tanh ? std::tanh(z) : sigmoid(z); });
  if (s.show_derivative) {
    // Softmax: ∂ŷ_y/∂z_y is a function of m alone only with two classes (then σ′(m)).
    if (a != Activation::Softmax || theta.rows == 2)
      plot_curve(
          {a == Activation::Softmax ? "σ′(m) = σ(1 − σ)" : l.derivative, derivative_color(), 2.0f}, view_r,
          [a](double z) { return a == Activation::Tanh ? tanh_derivative(z) : sigmoid_derivative(z); });
    plot::SetNextMarkerStyle(plot::Marker_Circle, 2.5f * ImGui::GetFontSize() / 13.0f, derivative_color());
    plot::PlotScatter(a == Activation::Softmax ? l.derivative : "##slopes", p.slope_x.data(),
                      p.slope_y.data(), static_cast<int>(p.slope_x.size()));
  }
  // Drop lines: from each point down (or up, for tanh) to ŷ = 0 on the z axis.
  if (p.slope_x.size() <= kMostDropLines) {
    // Fainter as they get more numerous, so that they do not merge into a block.
    const float alpha =
        0.6f *
        std::min(1.0f, std::sqrt(10.0f / static_cast<float>(std::max<std::size_t>(p.slope_x.size(), 1))));
    for (std::size_t k = 0; k < p.classes.size(); ++k) {
      const ClassSeries& c = p.classes[k];
      const std::string id = "##drop" + std::to_string(k);  // one item per class: one colour each
      for (std::size_t j = 0; j < c.x.size(); ++j) {
        plot::SetNextLineStyle(plot::ClassColor(static_cast<int>(k), std::max(alpha, 0.2f)),
                               1.2f * ImGui::GetFontSize() / 13.0f);
        plot::PlotSegment(id.c_str(), c.x[j], 0.0, c.x[j], c.y[j]);
      }
    }
  }
  if (!p.earlier_x.empty()) {
    // A step earlier, faintly: hollow rings joined to where each point is now.
    const ImVec4 faint = ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled);
    for (std::size_t j = 0; j < p.earlier_x.size(); ++j) {
      plot::SetNextLineStyle(ImVec4(faint.x, faint.y, faint.z, 0.6f), 1.0f * ImGui::GetFontSize() / 13.0f);
      plot::PlotSegment("##moved", p.earlier_x[j], p.earlier_y[j], p.now_x[j], p.now_y[j]);
    }
    plot::SetNextMarkerStyle(plot::Marker_Circle, 3.0f * ImGui::GetFontSize() / 13.0f, ImVec4(0, 0, 0, 0),
                             1.2f * ImGui::GetFontSize() / 13.0f, faint);
    plot::PlotScatter("##a step earlier", p.earlier_x.data(), p.earlier_y.data(), static_cast<int>(p.earlier_x.size()));
  }
  const PointHit hit = PlotClasses(s.data(), p.classes, &p.cloud, p.version);
  const bool hovered = plot::IsPlotHovered();
  if (s.hovered_sample >= 0 && !hovered) {
    const auto i = static_cast<std::size_t>(s.hovered_sample);
    double x = 0, y = 0;
    std::vector<ClassSeries> ghost(1);
    if (!FindSample(p.classes, i, x, y) && i < s.data().rows() && theta.all_finite()) {
      // Not in this batch: ringed faintly where it would be, at the same θ.
      const ActivationPoint q = activation_point(sample_outputs(s.data(), i, theta, a), s.data().labels[i], a);
      ghost[0].add(i, q.x, q.y);
      PlotSampleRings("##hovered elsewhere", ghost, {i}, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled),
                      2.2f, 1.5f);
    } else {
      PlotSampleRings("##hovered", p.classes, {i}, text, 3.0f, 3.0f);
    }
  }
  const bool fit = hovered && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left);
  plot::EndPlot();
  if (fit) plot::ResetPlot(kPlot);  // back to the range that covers the batch
  ShareHover(s, kPlot, hovered, hit.hovered);
  if (hit.hovered >= 0) sample_tooltip(s, theta, a, static_cast<std::size_t>(hit.hovered));
}

// [SECTION] Window ----------------------------------------------------------------------------

// Which samples are shown, at which θ: the longest wording that fits on one line.
std::string caption(const AppState& s, const BatchPoints& p, float width) {
  const std::string n = format_count(p.count) + (p.count == 1 ? " sample" : " samples");
  std::vector<std::string> fits;
  if (!shown_record(s)) {
    fits = {"Step 0, no step yet: all " + n + " at θ₀.", "Step 0: all " + n + " at θ₀."};
  } else {
    const StepRecord& r = *shown_record(s);
    const bool all = r.batch.size() == s.data().rows() && r.batch.size() > 1;
    const std::string which =
        (r.status == StepStatus::Ok ? "Step " + std::to_string(r.step) + "'s batch"
                                    : "The " + std::string(name(r.status)) + " step's batch") +
        " (" + (all ? "all " + std::to_string(p.count) : n) + ")";
    fits = {which + " at θ before the step.", which + " at θ before it.", which + ", θ before it.",
            which + "."};
  }
  for (const std::string& f : fits)
    if (ImGui::CalcTextSize(f.c_str()).x <= width) return f;
  return fits.back();
}

// What the plot shows, under it: the classes in the batch, the curves, the derivative.
std::vector<KeyEntry> key_entries(const AppState& s, const BatchPoints& p, const Params& theta,
                                  Activation a) {
  std::vector<KeyEntry> key;
  for (std::size_t k = 0; k < p.classes.size() && k < s.data().classes(); ++k) {
    if (p.classes[k].x.empty()) continue;
    const int ki = static_cast<int>(k);
    key.push_back({MarkerSymbol(plot::ClassMarker(ki)), plot::ClassColorU32(ki), s.data().class_names[k]});
  }
  const Labels l = labels_for(a);
  const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text), derivative = ImGui::GetColorU32(derivative_color());
  if (a == Activation::Softmax && theta.rows > 2) {
    key.push_back({"—", text, "σ(m)"});
    key.push_back(
        {"—", ImGui::GetColorU32(ImGuiCol_Text, 0.45f), "σ(m − ln " + std::to_string(theta.rows - 1) + ")"});
  } else {
    key.push_back({"—", text, a == Activation::Softmax ? "ŷ_y = σ(m)" : l.curve});
  }
  if (!p.earlier_x.empty()) key.push_back({"○", ImGui::GetColorU32(ImGuiCol_TextDisabled), "a step earlier"});
  if (s.show_derivative) {
    if (a != Activation::Softmax)
      key.push_back({"—", derivative, l.derivative});
    else
      key.push_back({"●", derivative, theta.rows == 2 ? "∂ŷ_y/∂z_y = σ′(m)" : "∂ŷ_y/∂z_y = ŷ_y(1 − ŷ_y)"});
  }
  return key;
}

const char* derivative_help(Activation a) {
  switch (a) {
    case Activation::Tanh:
      return "How fast ŷ moves with z: tanh′(z) = 1 − tanh²(z), at most 1 at z = 0. With squared error, "
             "∂L/∂z = 2(ŷ − y)·(1 − tanh²z): where |z| is large the derivative is near 0, so even a badly "
             "wrong sample there barely moves θ.";
    case Activation::Softmax:
      return "Softmax has one output per class, so each sample is drawn as its true class y's probability "
             "ŷ_y against its margin m = z_y − max(z_k, k ≠ y), how far its own score leads the best rival. "
             "ŷ_y = 1/(1 + Σ e^(z_k − z_y)) over k ≠ y: exactly σ(m) with two classes; with K classes "
             "between σ(m − ln(K − 1)) (all rivals tied) and σ(m) (one rival close, the others far "
             "behind).\n\n"
             "The derivative: how fast ŷ_y moves with its own score, ∂ŷ_y/∂z_y = ŷ_y(1 − ŷ_y). With "
             "cross-entropy ∂L/∂z = ŷ − y does not shrink with it; with squared error it does.";
    default:
      return "How fast ŷ moves with z: σ′(z) = σ(1 − σ), at most ¼ at z = 0. With squared error, "
             "∂L/∂z = 2(ŷ − y)·σ′(z): a sample far on the wrong side (|z| large) barely moves θ — the "
             "gradient vanishes. With cross-entropy, ∂L/∂z = ŷ − y: it does not.";
  }
}

}  // namespace

void ShowActivationPanel(AppState& state, PanelCaches& caches) {
  if (!ImGui::Begin(kActivationWindow)) {
    ImGui::End();
    return;
  }
  PanelContextMenu(state, kActivationWindow, "activation");
  if (!state.trainer) {
    ImGui::End();
    return;
  }
  // The batch of the step just taken at θ before it (what the chain panel shows); at step 0, every
  // sample at θ₀.
  const Params theta = shown_record(state) ? shown_record(state)->theta_before : current_theta(state);
  const Activation a = shown_record(state) ? shown_record(state)->settings.activation : state.settings().activation;
  static const std::vector<std::size_t> kEverySample;
  const std::vector<std::size_t>& batch = shown_record(state) ? shown_record(state)->batch : kEverySample;
  BatchPoints& p = caches.activation;
  update_points(p, state.data_ptr(), theta, a, batch, shown_step_key(state));
  // A step earlier: the θ the previous step started from (the chain panel's previous view).
  const std::size_t step = state.trainer->current_step();
  update_earlier(p, step >= 2 && p.count <= kMostEarlier && shown_record(state) ? state.trainer->theta_at(step - 2) : Params{});

  const float width = ImGui::GetContentRegionAvail().x;
  const std::string text = caption(state, p, width);
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(text.c_str());
  ImGui::PopTextWrapPos();
  // The plot takes what the key and the checkbox under it leave.
  const std::vector<KeyEntry> key = key_entries(state, p, theta, a);
  const float below =
      KeyHeight(key, width) + ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().ItemSpacing.y;
  const float height =
      std::max(8.0f * ImGui::GetTextLineHeightWithSpacing(), ImGui::GetContentRegionAvail().y - below);
  if (!theta.all_finite())
    ImGui::TextWrapped("θ is not finite: nothing to draw.");
  else if (state.log_loss_explorer)
    ShowLogLossExplorer(state, theta, a, batch, height + KeyHeight(key, width));
  else
    plot_activation(state, p, theta, a, height);
  if (!state.log_loss_explorer) ShowKey(key);
  if (CleanRender()) {  // a picture: the key above says what is drawn
    ImGui::End();
    return;
  }
  PanelCheckbox(a == Activation::Softmax ? "Show ∂ŷ_y/∂z_y"
                  : a == Activation::Tanh  ? "Show tanh′(z)"
                                           : "Show σ′(z)",
                  &state.show_derivative);
  ImGui::SameLine();
  HelpMarker(derivative_help(a));
  ImGui::SameLine();
  PanelCheckbox("Log loss", &state.log_loss_explorer);
  ImGui::End();
}

}  // namespace ll::app
