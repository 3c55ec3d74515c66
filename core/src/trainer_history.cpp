// The trainer's history, read (trainer.h): θ, losses and summaries of past steps, their inputs
// for a replay, and moving the cursor. The steps themselves are kept by History (history.h).
#include "history.h"
#include "ll/trainer.h"

namespace ll {

std::size_t Trainer::history_size() const { return history_->size(); }
std::size_t Trainer::history_bytes() const { return history_->bytes(); }

Params Trainer::theta_at(std::size_t step) const {
  Params p(shape_.rows, shape_.cols);
  p.values = history_->theta(step);
  return p;
}

std::optional<double> Trainer::loss_at(std::size_t step) const {
  if (step == 0) return as_optional(initial_loss_.total);
  const HistoryEntry e = history_->entry(step);
  if (e.losses_known) return as_optional(e.loss_after);
  const Settings& s = segments_[e.segment];
  const HistoryEntry previous = step > 1 ? history_->entry(step - 1) : HistoryEntry{};
  const std::optional<Losses> known = loss_before_known(step > 1 ? &previous : nullptr, s);
  const double before = known ? known->total : pass_at(step - 1, theta_at(step - 1), s, false).losses.total;
  const Losses after = pass_at(step, theta_at(step), s, false).losses;
  history_->set_losses(step, before, after.total, after.data);
  return as_optional(after.total);
}

std::optional<double> Trainer::data_loss_at(std::size_t step) const {
  if (step == 0) return as_optional(initial_loss_.data);
  if (!history_->entry(step).losses_known) loss_at(step);   // works both out and keeps them
  return as_optional(history_->entry(step).data_loss_after);
}

StepSummary Trainer::summary(std::size_t k) const {
  const HistoryEntry e = history_->entry(k);
  StepSummary s;
  s.step = k;
  s.epoch = static_cast<std::size_t>(e.position / data_->rows()) + 1;
  s.batch_loss = e.batch_loss;
  s.data_loss_known = e.losses_known;
  if (e.losses_known) {
    s.loss_before = as_optional(e.loss_before);
    s.loss_after = as_optional(e.loss_after);
    s.data_loss_after = as_optional(e.data_loss_after);
  }
  s.gradient_norm = e.gradient_norm;
  s.settings_index = e.segment;
  return s;
}

std::uint64_t Trainer::next_position(const HistoryEntry& e) const {
  return e.position + (e.explicit_batch >= 0 ? 0 : batch_size_of(segments_[e.segment], *data_));
}

std::uint64_t Trainer::position_after(std::size_t steps) const {
  return steps == 0 ? 0 : next_position(history_->entry(steps));
}

HistoryEntry Trainer::entry_of(const StepRecord& rec, const StepInputs& in) const {
  HistoryEntry e;
  e.position = in.position;
  e.segment = static_cast<std::uint32_t>(in.segment);
  e.explicit_batch = -1;
  if (!in.explicit_batch.empty()) {  // its index: the one it was kept under (the last, when new)
    for (std::size_t b = explicit_batches_.size(); b-- > 0;)
      if (explicit_batches_[b] == in.explicit_batch) {
        e.explicit_batch = static_cast<std::int32_t>(b);
        break;
      }
  }
  e.batch_loss = rec.batch_loss;
  e.losses_known = rec.data_loss_known;
  e.loss_before = rec.loss_before.value_or(kUndefined);
  e.loss_after = rec.loss_after.value_or(kUndefined);
  e.data_loss_after = rec.data_loss_after.value_or(kUndefined);
  e.gradient_norm = rec.gradient.norm();
  return e;
}

Trainer::StepInputs Trainer::inputs_of(std::size_t k) const {
  const HistoryEntry e = history_->entry(k);
  StepInputs in;
  in.position = e.position;
  in.segment = e.segment;
  if (e.explicit_batch >= 0) in.explicit_batch = explicit_batches_[static_cast<std::size_t>(e.explicit_batch)];
  return in;
}

bool Trainer::step_back() {
  if (cursor_ == 0) return false;
  --cursor_;
  failure_.reset();
  return true;
}

void Trainer::seek(std::size_t step) {
  cursor_ = std::min(step, history_->size());
  failure_.reset();
}

StepRecord Trainer::record(std::size_t k, bool with_samples) const {
  StepRecord rec;
  compute_from_history(k - 1, inputs_of(k), with_samples, nullptr, true, rec);
  rec.notice = notice_at(k);
  return rec;
}

}  // namespace ll
