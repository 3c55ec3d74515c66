#include "ll/trainer.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "ll/error.h"
#include "ll/kernel.h"
#include "ll/number_format.h"
#include "ll/run_watch.h"
#include "step_messages.h"

namespace ll {

std::string_view name(StepStatus s) {
  switch (s) {
    case StepStatus::Ok: return "ok";
    case StepStatus::Refused: return "refused";
    case StepStatus::Diverged: return "diverged";
  }
  return "?";
}

namespace {

constexpr double kUndefined = std::numeric_limits<double>::quiet_NaN();

// Capacity for `size` elements, growing geometrically (reserve() alone would reallocate on
// every step); throws std::bad_alloc before anything changes.
template <typename T>
void reserve_room(std::vector<T>& v, std::size_t size) {
  if (size > v.capacity()) v.reserve(std::max(size, 2 * v.capacity()));
}
// A step diverges when the data-set loss after it is non-finite or more than this many times
// the loss where the current settings began (or 1, if that was smaller): gradient descent with
// a fitting η lowers the loss, and a jump this large means η overshoots.
constexpr double kDivergenceFactor = 100.0;

std::optional<double> as_optional(double v) {
  return std::isnan(v) ? std::nullopt : std::optional<double>(v);
}


}  // namespace

Trainer::Trainer(std::shared_ptr<const Dataset> data, const Settings& settings, const Params& theta0)
    : data_(std::move(data)) {
  validate(settings, *data_);
  shape_ = zero_params(settings, *data_);
  if (theta0.rows != shape_.rows || theta0.cols != shape_.cols)
    throw InputError("--theta: got " + shape_text(theta0) + ", but this model needs " + shape_text(shape_));
  if (!theta0.all_finite()) throw InputError("--theta: every entry must be a finite number");
  segments_ = {settings};
  thetas_ = theta0.values;
  velocities_.assign(theta0.size(), 0.0);
  known_pass_ = pass_at(0, theta0, settings, settings.mode == BatchMode::Batch);
  initial_loss_ = known_pass_->loss_mean;
  if (std::isinf(initial_loss_) || (!std::isnan(initial_loss_) && !std::isfinite(initial_loss_)))
    throw InputError("--theta: the loss at this θ is not a finite number; choose smaller values");
  segment_reference_loss_ = {initial_loss_};
}

void Trainer::set_settings(const Settings& s) {
  if (s == settings()) return;
  validate(s, *data_);
  const Params shape = zero_params(s, *data_);
  if (shape.rows != shape_.rows || shape.cols != shape_.cols)
    throw InputError("--activation: switching to or from softmax changes the shape of θ; start a new run");
  segments_.push_back(s);
  segment_reference_loss_.push_back(kUndefined);  // set by the segment's first step
  current_segment_ = segments_.size() - 1;
}

void Trainer::set_next_batch(const std::vector<std::size_t>& samples) {
  if (samples.empty()) throw InputError("--batch: name at least one sample");
  for (std::size_t i : samples) {
    if (i >= data_->rows())
      throw InputError("--batch: sample " + std::to_string(i + 1) + " is out of range; the data set has samples 1 to " +
                       std::to_string(data_->rows()));
    if (std::count(samples.begin(), samples.end(), i) > 1)
      throw InputError("--batch: sample " + std::to_string(i + 1) + " is listed twice");
  }
  next_batch_ = samples;
}

Params Trainer::theta_at(std::size_t step) const {
  Params p(shape_.rows, shape_.cols);
  std::copy_n(thetas_.begin() + static_cast<std::ptrdiff_t>(step * p.size()), p.size(), p.values.begin());
  return p;
}

std::optional<double> Trainer::loss_at(std::size_t step) const {
  if (step == 0) return as_optional(initial_loss_);
  Entry& e = entries_[step - 1];
  if (!e.losses_known) {
    const Settings& s = segments_[e.segment];
    const std::optional<double> before = loss_before_known(step - 1, s);
    e.loss_before = before ? *before : pass_at(step - 1, theta_at(step - 1), s, false).loss_mean;
    e.loss_after = pass_at(step, theta_at(step), s, false).loss_mean;
    e.losses_known = 1;
  }
  return as_optional(e.loss_after);
}

StepSummary Trainer::summary(std::size_t k) const {
  const Entry& e = entries_[k - 1];
  StepSummary s;
  s.step = k;
  s.epoch = static_cast<std::size_t>(e.position / data_->rows()) + 1;
  s.batch_loss = e.batch_loss;
  s.data_loss_known = e.losses_known;
  if (e.losses_known) {
    s.loss_before = as_optional(e.loss_before);
    s.loss_after = as_optional(e.loss_after);
  }
  s.gradient_norm = e.gradient_norm;
  s.settings_index = e.segment;
  return s;
}

std::uint64_t Trainer::position_after(std::size_t steps) const {
  if (steps == 0) return 0;
  const Entry& e = entries_[steps - 1];
  return e.position + (e.explicit_batch >= 0 ? 0 : batch_size_of(segments_[e.segment], *data_));
}

Trainer::StepInputs Trainer::inputs_of(std::size_t k) const {
  const Entry& e = entries_[k - 1];
  StepInputs in;
  in.position = e.position;
  in.segment = e.segment;
  if (e.explicit_batch >= 0) in.explicit_batch = explicit_batches_[static_cast<std::size_t>(e.explicit_batch)];
  return in;
}

Trainer::KnownPass Trainer::pass_at(std::size_t state, const Params& theta, const Settings& s,
                                    bool gradient) const {
  const DataPass pass = full_pass(*data_, theta, s.activation, s.loss, gradient);
  const double n = static_cast<double>(data_->rows());
  // NaN with no undefined sample is not tanh + BCE's "undefined": the sums overflowed (∞ − ∞ at a
  // huge θ), so it counts as an infinite loss, and the divergence rule catches it.
  const double mean = pass.undefined ? kUndefined
                      : std::isnan(pass.loss_sum) ? std::numeric_limits<double>::infinity()
                                                  : pass.loss_sum / n;
  KnownPass known{state, s.loss, s.activation, mean, {}};
  if (gradient) {
    known.gradient_mean = pass.gradient_sum;
    for (double& g : known.gradient_mean.values) g /= n;
  }
  return known;
}

// The data-set loss at state `state` under `s`, if the history already has it.
std::optional<double> Trainer::loss_before_known(std::size_t state, const Settings& s) const {
  const Settings& had = state == 0 ? segments_[0] : segments_[entries_[state - 1].segment];
  if (had.loss != s.loss || had.activation != s.activation) return std::nullopt;
  if (state > 0 && !entries_[state - 1].losses_known) return std::nullopt;
  return state == 0 ? initial_loss_ : entries_[state - 1].loss_after;
}

StepRecord Trainer::compute(std::size_t from, const StepInputs& in, bool with_samples,
                            std::optional<KnownPass>* next_pass, bool with_data_loss) const {
  const Dataset& data = *data_;
  const Settings& s = segments_[in.segment];
  const std::size_t n = data.rows();
  StepRecord rec;
  rec.step = from + 1;
  rec.epoch = static_cast<std::size_t>(in.position / n) + 1;
  rec.settings = s;
  rec.theta_before = theta_at(from);
  const bool full_batch = in.explicit_batch.empty() && s.mode == BatchMode::Batch;
  if (!in.explicit_batch.empty()) {
    rec.batch = in.explicit_batch;
    rec.explicit_batch = true;
  } else if (full_batch) {
    rec.full_batch = true;
    if (with_samples) {
      rec.batch.resize(n);
      for (std::size_t i = 0; i < n; ++i) rec.batch[i] = i;
    }
  } else {
    rec.batch = sampler_.batch(in.position, batch_size_of(s, data), n, s.order, s.seed);
  }

  // The data-set loss before, and in full-batch mode the gradient, from one pass (or from the
  // pass the previous step already made at this θ).
  std::optional<KnownPass> before;
  const bool reuse = known_pass_ && known_pass_->state == from && known_pass_->loss == s.loss &&
                     known_pass_->activation == s.activation &&
                     (!full_batch || !known_pass_->gradient_mean.values.empty());
  if (reuse) before = known_pass_;
  else if (full_batch) before = pass_at(from, rec.theta_before, s, true);
  // Left out (a cheap step on a big data set, when asked): no pass, except where the divergence
  // rule and the watch look (every kLossCheckSteps steps) and where a segment's reference is set.
  const bool data_loss = with_data_loss || full_batch || n <= kEagerLossRows || (from + 1) % kLossCheckSteps == 0 ||
                         std::isnan(segment_reference_loss_[in.segment]);
  double loss_before = kUndefined;
  if (before) loss_before = before->loss_mean;
  else if (const auto known = loss_before_known(from, s)) loss_before = *known;
  else if (data_loss) loss_before = pass_at(from, rec.theta_before, s, false).loss_mean;
  rec.loss_before = as_optional(loss_before);
  rec.data_loss_known = data_loss;

  // The batch: per-sample chains, the mean loss and the mean gradient 1/m Σ ∂L_i/∂θ.
  const bool need_chains = with_samples || !full_batch;
  std::vector<const SampleChain*> undefined;
  if (need_chains) {
    rec.samples.reserve(rec.batch.size());
    for (std::size_t i : rec.batch) rec.samples.push_back(sample_chain(data, i, rec.theta_before, s.activation, s.loss));
    for (const SampleChain& c : rec.samples)
      if (!c.defined) undefined.push_back(&c);
  }
  rec.m = full_batch ? n : rec.batch.size();
  const double m = static_cast<double>(rec.m);
  if (full_batch) {
    rec.gradient = before->gradient_mean;
    rec.batch_loss = loss_before;
    if (std::isnan(loss_before) && undefined.empty()) {  // name the samples: look them up
      for (std::size_t i = 0; i < n; ++i) {
        rec.samples.push_back(sample_chain(data, i, rec.theta_before, s.activation, s.loss));
        if (rec.samples.back().defined) rec.samples.pop_back();
      }
      for (const SampleChain& c : rec.samples) undefined.push_back(&c);
    }
  } else {
    rec.gradient = Params(shape_.rows, shape_.cols, 0.0);
    rec.batch_loss = 0.0;
    for (const SampleChain& c : rec.samples) {
      add_sample_gradient(c, rec.gradient);
      rec.batch_loss += c.loss;
    }
    for (double& g : rec.gradient.values) g /= m;
    rec.batch_loss /= m;
  }
  rec.theta_after = rec.theta_before;
  rec.velocity = rec.gradient;
  rec.loss_after = rec.loss_before;
  if (!undefined.empty()) {
    rec.status = StepStatus::Refused;
    rec.message = refusal_message(undefined);
    if (!with_samples) rec.samples.clear();
    rec.batch_loss = 0.0;
    return rec;
  }
  if (!with_samples) rec.samples.clear();

  // v ← βv + ∇L ;  θ ← θ − ηv
  const std::size_t p = shape_.size();
  for (std::size_t k = 0; k < p; ++k) {
    rec.velocity.values[k] = s.momentum * velocities_[from * p + k] + rec.gradient.values[k];
    rec.theta_after.values[k] = rec.theta_before.values[k] - s.learning_rate * rec.velocity.values[k];
  }
  if (!rec.gradient.all_finite() || !rec.theta_after.all_finite()) {
    rec.status = StepStatus::Diverged;
    rec.message = theta_diverged_message(rec.step, s.learning_rate);
    rec.loss_after.reset();
    return rec;
  }
  if (!data_loss) {  // the loss is looked at where it is known; θ's finiteness was checked above
    rec.loss_before.reset();
    rec.loss_after.reset();
    return rec;
  }
  KnownPass after = pass_at(from + 1, rec.theta_after, s, s.mode == BatchMode::Batch);
  rec.loss_after = as_optional(after.loss_mean);
  double reference = segment_reference_loss_[in.segment];
  if (std::isnan(reference)) reference = loss_before;
  const double limit = kDivergenceFactor * (std::isnan(reference) ? 1.0 : std::max(1.0, reference));
  if (std::isinf(after.loss_mean) || (!std::isnan(after.loss_mean) && after.loss_mean > limit)) {
    rec.status = StepStatus::Diverged;
    rec.message = loss_diverged_message(rec.step, after.loss_mean, reference, kDivergenceFactor, s.learning_rate);
    if (!std::isfinite(after.loss_mean)) rec.loss_after.reset();
    return rec;
  }
  if (next_pass) *next_pass = std::move(after);
  return rec;
}

bool Trainer::next_step_keeps_future() const {
  return cursor_ >= entries_.size() ||
         (next_batch_.empty() && segments_[entries_[cursor_].segment] == settings());
}

StepRecord Trainer::step(bool with_samples, bool with_data_loss) {
  // Replay the kept future when nothing that defines the step has changed.
  const bool replay = cursor_ < entries_.size() && next_batch_.empty() &&
                      segments_[entries_[cursor_].segment] == settings();
  StepInputs in;
  if (replay) {
    in = inputs_of(cursor_ + 1);
  } else {
    in.position = position_after(cursor_);
    in.segment = current_segment_;
    in.explicit_batch = next_batch_;
  }
  std::optional<KnownPass> next;
  StepRecord rec = compute(cursor_, in, with_samples, &next, with_data_loss);
  if (rec.status != StepStatus::Ok) {
    failure_ = rec;
    return rec;
  }
  failure_.reset();
  const std::size_t p = shape_.size();
  const bool same_as_kept = replay && std::equal(rec.theta_after.values.begin(), rec.theta_after.values.end(),
                                                 thetas_.begin() + static_cast<std::ptrdiff_t>((cursor_ + 1) * p));
  if (!same_as_kept) {  // a new branch: the old future goes
    // Room first: if memory runs out here, the history is as it was (the strong guarantee).
    reserve_room(entries_, cursor_ + 1);
    reserve_room(thetas_, (cursor_ + 2) * p);
    reserve_room(velocities_, (cursor_ + 2) * p);
    if (!in.explicit_batch.empty()) reserve_room(explicit_batches_, explicit_batches_.size() + 1);
    if (entries_.size() > cursor_) ++branches_;
    entries_.resize(cursor_);
    thetas_.resize((cursor_ + 1) * p);
    velocities_.resize((cursor_ + 1) * p);
    Entry e{};
    e.position = in.position;
    e.segment = static_cast<std::uint32_t>(in.segment) & 0x7FFFFFFFu;  // 31 bits: fewer segments than steps
    e.explicit_batch = -1;
    if (!in.explicit_batch.empty()) {
      explicit_batches_.push_back(in.explicit_batch);
      e.explicit_batch = static_cast<std::int32_t>(explicit_batches_.size() - 1);
    }
    e.batch_loss = rec.batch_loss;
    e.losses_known = rec.data_loss_known ? 1 : 0;
    e.loss_before = rec.loss_before.value_or(kUndefined);
    e.loss_after = rec.loss_after.value_or(kUndefined);
    e.gradient_norm = rec.gradient.norm();
    entries_.push_back(e);
    thetas_.insert(thetas_.end(), rec.theta_after.values.begin(), rec.theta_after.values.end());
    velocities_.insert(velocities_.end(), rec.velocity.values.begin(), rec.velocity.values.end());
    while (!notices_.empty() && notices_.back().step > cursor_) notices_.pop_back();
  }
  if (std::isnan(segment_reference_loss_[in.segment]))
    segment_reference_loss_[in.segment] = rec.loss_before.value_or(kUndefined);
  next_batch_.clear();
  ++cursor_;
  known_pass_ = std::move(next);
  rec.notice = same_as_kept ? notice_at(cursor_) : watch();
  return rec;
}

// Every kWatchWindow steps, θ and the loss now against one window earlier, if the whole window
// ran under one setting and this segment has not had its notice yet.
std::string Trainer::watch() {
  const std::size_t t = cursor_, k = kWatchWindow;
  if (t < k || t % k != 0) return "";
  const std::size_t segment = entries_[t - 1].segment;
  if (entries_[t - k].segment != segment) return "";  // steps t−K+1 … t under one setting
  for (const Notice& n : notices_)
    if (n.segment == segment) return "";
  const Params then = theta_at(t - k), now = theta_at(t);
  // The loss one window ago: kept by step t − K + 1, or (a step that left it out) the loss after
  // step t − K, a multiple of kLossCheckSteps. The loss now: step t is one too.
  const Entry& first = entries_[t - k];
  const double then_loss =
      first.losses_known ? first.loss_before : loss_before_known(t - k, segments_[segment]).value_or(kUndefined);
  std::string text = separable_notice(*data_, segments_[segment], {then, then_loss}, {now, entries_[t - 1].loss_after});
  if (!text.empty()) notices_.push_back({t, segment, text});
  return text;
}

std::string Trainer::notice_at(std::size_t k) const {
  for (const Notice& n : notices_)
    if (n.step == k) return n.text;
  return "";
}

bool Trainer::step_back() {
  if (cursor_ == 0) return false;
  --cursor_;
  failure_.reset();
  return true;
}

void Trainer::seek(std::size_t step) {
  cursor_ = std::min(step, entries_.size());
  failure_.reset();
}

StepRecord Trainer::record(std::size_t k, bool with_samples) const {
  StepRecord rec = compute(k - 1, inputs_of(k), with_samples, nullptr);
  rec.notice = notice_at(k);
  return rec;
}

}  // namespace ll
