// loss_curve (model/app_state.h): the loss panel's series, decimated as the history grows.
#include <algorithm>
#include <cmath>

#include "model/app_state.h"

namespace ll::app {
namespace {

// Twice the steps per point: every other mean loss, the batch loss's low and high of two buckets
// merged (an odd last one starts the next bucket).
void halve(LossCurve& c) {
  c.stride *= 2;
  std::vector<double> mean, data, low, high;
  for (std::size_t i = 0; i < c.mean_loss.size(); i += 2) mean.push_back(c.mean_loss[i]);
  for (std::size_t i = 0; i < c.data_loss.size(); i += 2) data.push_back(c.data_loss[i]);
  for (std::size_t i = 0; i + 1 < c.batch_low.size(); i += 2) {
    low.push_back(std::min(c.batch_low[i], c.batch_low[i + 1]));
    high.push_back(std::max(c.batch_high[i], c.batch_high[i + 1]));
  }
  if (c.batch_low.size() % 2 == 1) {
    c.pending_low = std::min(c.pending_low, c.batch_low.back());
    c.pending_high = std::max(c.pending_high, c.batch_high.back());
  }
  c.mean_loss = std::move(mean);
  c.data_loss = std::move(data);
  c.batch_low = std::move(low);
  c.batch_high = std::move(high);
  if (c.known_steps.size() > kMostCurvePoints) {  // every other known point
    std::size_t j = 0;
    for (std::size_t i = 0; i < c.known_steps.size(); i += 2, ++j) {
      c.known_steps[j] = c.known_steps[i];
      c.known_loss[j] = c.known_loss[i];
    }
    c.known_steps.resize(j);
    c.known_loss.resize(j);
  }
}

}  // namespace

const LossCurve& loss_curve(const AppState& s) { return loss_curve_of(*s.trainer, s.run_serial, s.view_cache); }

const LossCurve& loss_curve_of(const Trainer& t, std::uint64_t serial, RunViewCache& c) {
  LossCurve& curve = c.curve;
  if (c.curve_run != serial || c.curve_branches != t.branches() || curve.steps > t.history_size()) {
    curve = LossCurve{};
    c.curve_run = serial;
    c.curve_branches = t.branches();
  }
  if (curve.mean_loss.empty()) {
    curve.mean_loss.push_back(t.loss_at(0).value_or(NAN));
    curve.data_loss.push_back(t.data_loss_at(0).value_or(NAN));
  }
  for (std::size_t k = curve.steps + 1; k <= t.history_size(); ++k) {
    const StepSummary now = t.summary(k);
    if (!now.data_loss_known && curve.known_steps.empty())  // the first gap: the points so far
      for (std::size_t i = 0; i < curve.mean_loss.size(); ++i) {
        curve.known_steps.push_back(static_cast<double>(i * curve.stride));
        curve.known_loss.push_back(curve.mean_loss[i]);
      }
    if (now.data_loss_known && !curve.known_steps.empty()) {
      curve.known_steps.push_back(static_cast<double>(k));
      curve.known_loss.push_back(now.loss_after.value_or(NAN));
    }
    curve.pending_low = std::min(curve.pending_low, now.batch_loss);
    curve.pending_high = std::max(curve.pending_high, now.batch_loss);
    if (k % curve.stride == 0) {
      curve.mean_loss.push_back(now.loss_after.value_or(NAN));
      curve.data_loss.push_back(now.data_loss_after.value_or(NAN));
      curve.batch_low.push_back(curve.pending_low);
      curve.batch_high.push_back(curve.pending_high);
      curve.pending_low = INFINITY;
      curve.pending_high = -INFINITY;
    }
    if (k > 1) {
      if (now.epoch != curve.last_epoch && curve.epoch_starts.size() < kMostCurvePoints)
        curve.epoch_starts.push_back(static_cast<double>(k - 1));
      if (now.settings_index != curve.last_settings) curve.setting_marks.push_back(static_cast<double>(k - 1));
    }
    curve.last_epoch = now.epoch;
    curve.last_settings = now.settings_index;
    curve.steps = k;
    if (curve.mean_loss.size() > kMostCurvePoints || curve.known_steps.size() > kMostCurvePoints) halve(curve);
  }
  return curve;
}

double mean_loss_at(const AppState& s, std::size_t step) {
  const LossCurve& c = loss_curve(s);
  // The curve's own point when it has one (no recomputing); else the trainer's.
  if (step % c.stride == 0 && step / c.stride < c.mean_loss.size() && !std::isnan(c.mean_loss[step / c.stride]))
    return c.mean_loss[step / c.stride];
  return s.trainer->loss_at(step).value_or(NAN);
}

double data_loss_at(const AppState& s, std::size_t step) {
  const LossCurve& c = loss_curve(s);
  if (step % c.stride == 0 && step / c.stride < c.data_loss.size() && !std::isnan(c.data_loss[step / c.stride]))
    return c.data_loss[step / c.stride];
  return s.trainer->data_loss_at(step).value_or(NAN);
}

std::optional<double> batch_loss_at(const AppState& s, std::size_t step) {
  if (step == 0 || step > s.trainer->history_size()) return std::nullopt;
  return s.trainer->summary(step).batch_loss;
}

}  // namespace ll::app
