#include "ll/trainer.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "ll/error.h"
#include "ll/objective.h"
#include "ll/number_format.h"
#include "ll/run_watch.h"
#include "history.h"
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

// A step diverges when the data-set loss after it is non-finite or more than this many times
// the loss where the current settings began (or 1, if that was smaller): gradient descent with
// a fitting η lowers the loss, and a jump this large means η overshoots.
constexpr double kDivergenceFactor = 100.0;

}  // namespace

Trainer::Trainer(std::shared_ptr<const Dataset> data, const Settings& settings, const Params& theta0)
    : data_(std::move(data)) {
  validate(settings, *data_);
  shape_ = zero_params(settings, *data_);
  if (theta0.rows != shape_.rows || theta0.cols != shape_.cols)
    throw InputError("--theta: got " + shape_text(theta0) + ", but this model needs " + shape_text(shape_));
  if (!theta0.all_finite()) throw InputError("--theta: every entry must be a finite number");
  segments_ = {settings};
  // A step the history replays: as it was taken, without its samples, the data-set loss where the
  // step itself worked it out.
  history_ = std::make_unique<History>(
      theta0.values, [this](std::size_t k, std::uint32_t segment, std::int32_t explicit_batch,
                            const HistoryEntry* previous, const std::vector<double>& theta,
                            const std::vector<double>& velocity) {
        StepInputs in;
        in.position = previous == nullptr ? 0 : next_position(*previous);
        in.segment = segment;
        if (explicit_batch >= 0) in.explicit_batch = explicit_batches_[static_cast<std::size_t>(explicit_batch)];
        StepRecord rec;
        compute(k - 1, in, false, nullptr, false, theta, velocity, previous, rec);
        return ReplayedStep{entry_of(rec, in), rec.theta_after.values, rec.velocity.values};
      });
  known_pass_ = pass_at(0, theta0, settings, settings.mode == BatchMode::Batch);
  initial_loss_ = known_pass_->losses;
  if (std::isinf(initial_loss_.total))
    throw InputError("--theta: the loss at this θ is not a finite number; choose smaller values");
  segment_reference_loss_ = {initial_loss_.total};
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

Trainer::~Trainer() = default;

Trainer::KnownPass Trainer::pass_at(std::size_t state, const Params& theta, const Settings& s,
                                    bool gradient) const {
  ObjectiveValue v = objective_at(*data_, theta, s, gradient);
  KnownPass known{state, s, {v.loss, v.data_loss}, std::move(v.data_gradient)};
  return known;
}

// The data-set loss after the step `previous` (none: at θ₀) under `s`, if the history has it.
std::optional<Trainer::Losses> Trainer::loss_before_known(const HistoryEntry* previous, const Settings& s) const {
  const Settings& had = previous == nullptr ? segments_[0] : segments_[previous->segment];
  if (!same_objective(had, s)) return std::nullopt;
  if (previous != nullptr && !previous->losses_known) return std::nullopt;
  return previous == nullptr ? initial_loss_ : Losses{previous->loss_after, previous->data_loss_after};
}

void Trainer::compute_from_history(std::size_t from, const StepInputs& in, bool with_samples,
                                   std::optional<KnownPass>* next_pass, bool with_data_loss, StepRecord& rec) const {
  history_->state(from, state_theta_, state_velocity_);
  const HistoryEntry previous = from > 0 ? history_->entry(from) : HistoryEntry{};
  compute(from, in, with_samples, next_pass, with_data_loss, state_theta_, state_velocity_,
          from > 0 ? &previous : nullptr, rec);
}

namespace {

// Params of this shape, filled with `fill`, in p's storage (no allocation once it has the room).
void reshape(Params& p, const Params& shape, double fill) {
  p.rows = shape.rows;
  p.cols = shape.cols;
  p.values.assign(shape.size(), fill);
}

// Every field of a record set as a new StepRecord has it, its vectors' storage kept. Field by
// field (a field added to StepRecord goes here too): making the record anew around its kept
// storage cost a tenth of a stochastic step.
void reset_record(StepRecord& rec) {
  rec.step = rec.epoch = rec.m = 0;
  rec.batch.clear();
  rec.full_batch = rec.explicit_batch = false;
  rec.batch_loss = rec.batch_data_loss = 0.0;
  rec.data_gradient.values.clear();
  rec.penalty_gradient.values.clear();
  rec.loss_before.reset();
  rec.loss_after.reset();
  rec.data_loss_before.reset();
  rec.data_loss_after.reset();
  rec.penalty_before = rec.penalty_after = 0.0;
  rec.data_loss_known = true;
  rec.status = StepStatus::Ok;
  rec.message.clear();
  rec.notice.clear();
}

}  // namespace

void Trainer::compute(std::size_t from, const StepInputs& in, bool with_samples,
                      std::optional<KnownPass>* next_pass, bool with_data_loss,
                      const std::vector<double>& theta, const std::vector<double>& velocity,
                      const HistoryEntry* previous, StepRecord& rec) const {
  const Dataset& data = *data_;
  const Settings& s = segments_[in.segment];
  const std::size_t n = data.rows();
  reset_record(rec);
  if (!with_samples) rec.samples.clear();   // with samples, the batch's chains reuse the old ones
  rec.step = from + 1;
  rec.epoch = static_cast<std::size_t>(in.position / n) + 1;
  rec.settings = s;
  rec.theta_before.rows = shape_.rows;
  rec.theta_before.cols = shape_.cols;
  rec.theta_before.values = theta;
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
    sampler_.batch(in.position, batch_size_of(s, data), n, s.order, s.seed, rec.batch);
  }

  // The data-set loss before, and in full-batch mode the gradient, from one pass (or from the
  // pass the previous step already made at this θ).
  std::optional<KnownPass> made;
  const bool reuse = known_pass_ && known_pass_->state == from && same_objective(known_pass_->objective, s) &&
                     (!full_batch || !known_pass_->data_gradient.values.empty());
  if (!reuse && full_batch) made = pass_at(from, rec.theta_before, s, true);
  const KnownPass* before = reuse ? &*known_pass_ : made ? &*made : nullptr;
  // Left out (a cheap step on a big data set, when asked): no pass, except where the divergence
  // rule and the watch look (every kLossCheckSteps steps) and where a segment's reference is set.
  const bool data_loss = with_data_loss || full_batch || n <= kEagerLossRows || (from + 1) % kLossCheckSteps == 0 ||
                         std::isnan(segment_reference_loss_[in.segment]);
  Losses losses_before{kUndefined, kUndefined};
  if (before) losses_before = before->losses;
  else if (const auto known = loss_before_known(previous, s)) losses_before = *known;
  else if (data_loss) losses_before = pass_at(from, rec.theta_before, s, false).losses;
  const double loss_before = losses_before.total;
  rec.loss_before = as_optional(loss_before);
  rec.data_loss_before = as_optional(losses_before.data);
  rec.data_loss_known = data_loss;
  rec.penalty_before = l2_penalty(s, rec.theta_before);

  // The batch: per-sample chains, the loss and the gradient, 1/m Σ ∂L_i/∂θ (or Σ), + λw. Without
  // samples the chains go to storage the trainer keeps, so that a step allocates nothing.
  const bool need_chains = with_samples || !full_batch;
  std::vector<SampleChain>& chains = with_samples ? rec.samples : chain_scratch_;
  std::vector<const SampleChain*> undefined;
  if (need_chains) {
    chains.resize(rec.batch.size());
    for (std::size_t k = 0; k < rec.batch.size(); ++k) fill_sample_chain(chains[k], data, rec.batch[k], rec.theta_before, s);
    for (const SampleChain& c : chains)
      if (!c.defined) undefined.push_back(&c);
  }
  rec.m = full_batch ? n : rec.batch.size();
  if (full_batch) {
    rec.gradient = before->data_gradient;
    rec.batch_data_loss = losses_before.data;
    if (std::isnan(loss_before) && undefined.empty()) {  // name the samples: look them up
      for (std::size_t i = 0; i < n; ++i) {
        rec.samples.push_back(sample_chain(data, i, rec.theta_before, s));
        if (rec.samples.back().defined) rec.samples.pop_back();
      }
      for (const SampleChain& c : rec.samples) undefined.push_back(&c);
    }
  } else {
    reshape(rec.gradient, shape_, 0.0);
    double loss_sum = 0.0;
    for (const SampleChain& c : chains) {
      add_sample_gradient(c, rec.gradient);
      loss_sum += c.loss;
    }
    for (double& g : rec.gradient.values) g = reduce(g, rec.m, s.reduction);
    rec.batch_data_loss = reduce(loss_sum, rec.m, s.reduction);
  }
  rec.batch_loss = rec.batch_data_loss + rec.penalty_before;
  if (s.l2 != 0.0) {  // ∇J = data term + λw
    rec.data_gradient = rec.gradient;
    rec.penalty_gradient = l2_gradient(s, rec.theta_before);
    for (std::size_t k = 0; k < rec.gradient.values.size(); ++k) rec.gradient.values[k] += rec.penalty_gradient.values[k];
  }
  rec.theta_after = rec.theta_before;
  rec.velocity = rec.gradient;
  rec.loss_after = rec.loss_before;
  rec.data_loss_after = rec.data_loss_before;
  if (!undefined.empty()) {
    rec.status = StepStatus::Refused;
    rec.message = refusal_message(undefined);
    if (!with_samples) rec.samples.clear();
    rec.batch_loss = rec.batch_data_loss = 0.0;
    return;
  }
  if (!with_samples) rec.samples.clear();

  // v ← βv + ∇J (plain) or v ← βv + (1 − β)∇J (ema) ;  θ ← θ − ηv
  const std::size_t p = shape_.size();
  const bool ema = s.momentum_form == MomentumForm::Ema;
  for (std::size_t k = 0; k < p; ++k) {
    const double pull = ema ? (1.0 - s.momentum) * rec.gradient.values[k] : rec.gradient.values[k];
    rec.velocity.values[k] = s.momentum * velocity[k] + pull;
    rec.theta_after.values[k] = rec.theta_before.values[k] - s.learning_rate * rec.velocity.values[k];
  }
  if (!rec.gradient.all_finite() || !rec.theta_after.all_finite()) {
    rec.status = StepStatus::Diverged;
    rec.message = theta_diverged_message(rec.step, s.learning_rate);
    rec.loss_after.reset();
    return;
  }
  if (!data_loss) {  // the loss is looked at where it is known; θ's finiteness was checked above
    rec.loss_before.reset();
    rec.loss_after.reset();
    rec.data_loss_before.reset();
    return;
  }
  KnownPass after = pass_at(from + 1, rec.theta_after, s, s.mode == BatchMode::Batch);
  rec.loss_after = as_optional(after.losses.total);
  rec.data_loss_after = as_optional(after.losses.data);
  rec.penalty_after = l2_penalty(s, rec.theta_after);
  double reference = segment_reference_loss_[in.segment];
  if (std::isnan(reference)) reference = loss_before;
  const double limit = kDivergenceFactor * (std::isnan(reference) ? 1.0 : std::max(1.0, reference));
  const double loss_after = after.losses.total;
  if (std::isinf(loss_after) || (!std::isnan(loss_after) && loss_after > limit)) {
    rec.status = StepStatus::Diverged;
    rec.message = loss_diverged_message(rec.step, loss_after, reference, kDivergenceFactor, s.learning_rate);
    if (!std::isfinite(loss_after)) {
      rec.loss_after.reset();
      rec.data_loss_after.reset();
    }
    return;
  }
  if (next_pass) *next_pass = std::move(after);
}

bool Trainer::next_step_keeps_future() const {
  return cursor_ >= history_->size() ||
         (next_batch_.empty() && segments_[history_->entry(cursor_ + 1).segment] == settings());
}

StepRecord Trainer::step(bool with_samples, bool with_data_loss) {
  StepRecord rec;
  step(rec, with_samples, with_data_loss);
  return rec;
}

void Trainer::step(StepRecord& rec, bool with_samples, bool with_data_loss) {
  // Replay the kept future when nothing that defines the step has changed.
  const bool replay = cursor_ < history_->size() && next_batch_.empty() &&
                      segments_[history_->entry(cursor_ + 1).segment] == settings();
  StepInputs in;
  if (replay) {
    in = inputs_of(cursor_ + 1);
  } else {
    in.position = position_after(cursor_);
    in.segment = current_segment_;
    in.explicit_batch = next_batch_;
  }
  std::optional<KnownPass> next;
  compute_from_history(cursor_, in, with_samples, &next, with_data_loss, rec);
  if (rec.status != StepStatus::Ok) {
    failure_ = rec;
    return;
  }
  failure_.reset();
  const bool same_as_kept = replay && rec.theta_after.values == history_->theta(cursor_ + 1);
  if (!same_as_kept) {  // a new branch: the old future goes
    if (history_->size() > cursor_) ++branches_;
    history_->truncate(cursor_);
    if (!in.explicit_batch.empty()) explicit_batches_.push_back(in.explicit_batch);
    // What replaying it costs: its batch, and the data-set pass if it made one.
    const double cost = static_cast<double>(rec.m + (rec.data_loss_known ? data_->rows() : 0)) *
                        static_cast<double>(shape_.size());
    history_->append(entry_of(rec, in), rec.theta_after.values, rec.velocity.values, cost);
    while (!notices_.empty() && notices_.back().step > cursor_) notices_.pop_back();
  }
  if (std::isnan(segment_reference_loss_[in.segment]))
    segment_reference_loss_[in.segment] = rec.loss_before.value_or(kUndefined);
  next_batch_.clear();
  ++cursor_;
  known_pass_ = std::move(next);
  rec.notice = same_as_kept ? notice_at(cursor_) : watch();
}

// Every kWatchWindow steps, θ and the loss now against one window earlier, if the whole window
// ran under one setting and this segment has not had its notice yet.
std::string Trainer::watch() {
  const std::size_t t = cursor_, k = kWatchWindow;
  if (t < k || t % k != 0) return "";
  const HistoryEntry last = history_->entry(t), first = history_->entry(t - k + 1);
  const std::size_t segment = last.segment;
  if (first.segment != segment) return "";  // steps t−K+1 … t under one setting
  for (const Notice& n : notices_)
    if (n.segment == segment) return "";
  const Params then = theta_at(t - k), now = theta_at(t);
  // The loss one window ago: kept by step t − K + 1, or (a step that left it out) the loss after
  // step t − K, a multiple of kLossCheckSteps. The loss now: step t is one too.
  const HistoryEntry before = t > k ? history_->entry(t - k) : HistoryEntry{};
  const double then_loss = first.losses_known ? first.loss_before
                          : loss_before_known(t > k ? &before : nullptr, segments_[segment]).value_or(Losses{kUndefined, kUndefined}).total;
  std::string text = separable_notice(*data_, segments_[segment], {then, then_loss}, {now, last.loss_after});
  if (!text.empty()) notices_.push_back({t, segment, text});
  return text;
}

std::string Trainer::notice_at(std::size_t k) const {
  for (const Notice& n : notices_)
    if (n.step == k) return n.text;
  return "";
}

}  // namespace ll
