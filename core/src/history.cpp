#include "history.h"

#include <algorithm>

namespace ll {
namespace {

// Capacity for `size` elements, growing geometrically; throws std::bad_alloc before anything
// changes (History::append's strong guarantee).
template <typename T>
void reserve_room(std::vector<T>& v, std::size_t size) {
  if (size > v.capacity()) v.reserve(std::max(size, 2 * v.capacity()));
}

void copy_state(const std::vector<double>& from, std::size_t at, std::size_t n, std::vector<double>& to) {
  to.assign(from.begin() + static_cast<std::ptrdiff_t>(at * n), from.begin() + static_cast<std::ptrdiff_t>((at + 1) * n));
}

}  // namespace

History::History(std::vector<double> theta0, Replay replay) : params_(theta0.size()), replay_(std::move(replay)) {
  const std::vector<double> zeros(params_, 0.0);
  checkpoints_.push_back({0, HistoryEntry{}, theta0, zeros});
  tail_thetas_ = std::move(theta0);
  tail_velocities_ = zeros;
}

std::uint32_t History::segment_of(std::size_t k) const {
  const auto it = std::upper_bound(segment_starts_.begin(), segment_starts_.end(), k,
                                   [](std::size_t step, const auto& start) { return step < start.first; });
  return it == segment_starts_.begin() ? 0 : std::prev(it)->second;
}

std::int32_t History::explicit_of(std::size_t k) const {
  const auto it = std::lower_bound(explicit_steps_.begin(), explicit_steps_.end(), k,
                                   [](const auto& e, std::size_t step) { return e.first < step; });
  return it != explicit_steps_.end() && it->first == k ? it->second : -1;
}

void History::load_block(std::size_t k, bool for_entry) const {
  const std::size_t cached_end = cache_base_ + cache_entries_.size();
  if (cache_valid_ && (for_entry ? cache_base_ < k : cache_base_ <= k) && k <= cached_end) return;
  // The last checkpoint before step k (an entry needs the state before it) or at it (a state).
  auto it = std::upper_bound(checkpoints_.begin(), checkpoints_.end(), for_entry ? k - 1 : k,
                             [](std::size_t step, const Checkpoint& c) { return step < c.step; });
  const Checkpoint& from = *std::prev(it);
  const std::size_t end = it != checkpoints_.end() ? std::min(it->step, tail_start_) : tail_start_;
  cache_valid_ = false;
  cache_base_ = from.step;
  cache_entries_.clear();
  cache_entries_.reserve(end - from.step);   // the pointers to the previous entry stay valid
  cache_thetas_ = from.theta;
  cache_velocities_ = from.velocity;
  std::vector<double> theta = from.theta, velocity = from.velocity;
  const HistoryEntry* previous = from.step > 0 ? &from.entry : nullptr;
  for (std::size_t step = from.step + 1; step <= end; ++step) {
    ReplayedStep r = replay_(step, segment_of(step), explicit_of(step), previous, theta, velocity);
    cache_entries_.push_back(r.entry);
    cache_thetas_.insert(cache_thetas_.end(), r.theta.begin(), r.theta.end());
    cache_velocities_.insert(cache_velocities_.end(), r.velocity.begin(), r.velocity.end());
    previous = &cache_entries_.back();
    theta = std::move(r.theta);
    velocity = std::move(r.velocity);
  }
  cache_valid_ = true;
}

HistoryEntry History::entry(std::size_t k) const {
  if (k > tail_start_) return tail_[k - tail_start_ - 1];
  const auto it = std::lower_bound(checkpoints_.begin(), checkpoints_.end(), k,
                                   [](const Checkpoint& c, std::size_t step) { return c.step < step; });
  if (it != checkpoints_.end() && it->step == k) return it->entry;
  load_block(k, true);
  return cache_entries_[k - cache_base_ - 1];
}

void History::state(std::size_t step, std::vector<double>& theta, std::vector<double>& velocity) const {
  if (step >= tail_start_) {
    copy_state(tail_thetas_, step - tail_start_, params_, theta);
    copy_state(tail_velocities_, step - tail_start_, params_, velocity);
    return;
  }
  const auto it = std::lower_bound(checkpoints_.begin(), checkpoints_.end(), step,
                                   [](const Checkpoint& c, std::size_t s) { return c.step < s; });
  if (it != checkpoints_.end() && it->step == step) {
    theta = it->theta;
    velocity = it->velocity;
    return;
  }
  load_block(step, false);
  copy_state(cache_thetas_, step - cache_base_, params_, theta);
  copy_state(cache_velocities_, step - cache_base_, params_, velocity);
}

std::vector<double> History::theta(std::size_t step) const {
  std::vector<double> theta, velocity;
  state(step, theta, velocity);
  return theta;
}

void History::add_checkpoint(std::size_t step, const HistoryEntry& entry, const std::vector<double>& theta,
                             const std::vector<double>& velocity) {
  checkpoints_.push_back({step, entry, theta, velocity});
  cost_since_checkpoint_ = 0.0;
}

void History::append(const HistoryEntry& entry, const std::vector<double>& theta, const std::vector<double>& velocity,
                     double cost) {
  const std::size_t k = size() + 1;
  // Room first: if memory runs out here, the history is as it was (the strong guarantee).
  reserve_room(tail_, tail_.size() + 1);
  reserve_room(tail_thetas_, tail_thetas_.size() + params_);
  reserve_room(tail_velocities_, tail_velocities_.size() + params_);
  reserve_room(checkpoints_, checkpoints_.size() + 1);
  reserve_room(segment_starts_, segment_starts_.size() + 1);
  reserve_room(explicit_steps_, explicit_steps_.size() + 1);
  tail_.push_back(entry);
  for (double v : theta) tail_thetas_.push_back(v);        // (the room is there: cheaper than insert)
  for (double v : velocity) tail_velocities_.push_back(v);
  // segment_of(k) for the step after all the others: the last start's segment
  const std::uint32_t segment = segment_starts_.empty() ? 0 : segment_starts_.back().second;
  if (entry.segment != segment) segment_starts_.emplace_back(k, entry.segment);
  if (entry.explicit_batch >= 0) explicit_steps_.emplace_back(k, entry.explicit_batch);
  cost_since_checkpoint_ += cost;
  if (cost_since_checkpoint_ >= kReplayBudget || k - checkpoints_.back().step >= kMostBetween)
    add_checkpoint(k, entry, theta, velocity);
  if (tail_.size() >= 2 * kTail) {  // the older half is covered by checkpoints from here on
    tail_.erase(tail_.begin(), tail_.begin() + static_cast<std::ptrdiff_t>(kTail));
    const auto values = static_cast<std::ptrdiff_t>(kTail * params_);
    tail_thetas_.erase(tail_thetas_.begin(), tail_thetas_.begin() + values);
    tail_velocities_.erase(tail_velocities_.begin(), tail_velocities_.begin() + values);
    tail_start_ += kTail;
  }
}

void History::truncate(std::size_t steps) {
  if (steps >= size()) return;
  std::vector<double> theta, velocity;
  state(steps, theta, velocity);
  const HistoryEntry last = steps > 0 ? entry(steps) : HistoryEntry{};
  if (steps >= tail_start_) {
    tail_.resize(steps - tail_start_);
    tail_thetas_.resize((tail_.size() + 1) * params_);
    tail_velocities_.resize((tail_.size() + 1) * params_);
  } else {  // the tail starts again from the state after `steps` steps
    tail_start_ = steps;
    tail_.clear();
    tail_thetas_ = theta;
    tail_velocities_ = velocity;
  }
  const auto later = [steps](const auto& e) { return e.first > steps; };
  segment_starts_.erase(std::remove_if(segment_starts_.begin(), segment_starts_.end(), later), segment_starts_.end());
  explicit_steps_.erase(std::remove_if(explicit_steps_.begin(), explicit_steps_.end(), later), explicit_steps_.end());
  checkpoints_.erase(std::remove_if(checkpoints_.begin(), checkpoints_.end(),
                                    [steps](const Checkpoint& c) { return c.step > steps; }),
                     checkpoints_.end());
  // A checkpoint where the new branch starts: what the next steps cost to replay counts from here.
  if (checkpoints_.back().step != steps) add_checkpoint(steps, last, theta, velocity);
  cost_since_checkpoint_ = 0.0;
  cache_valid_ = false;
}

void History::set_losses(std::size_t k, double before, double after, double data_after) {
  const auto fill = [&](HistoryEntry& e) {
    e.loss_before = before;
    e.loss_after = after;
    e.data_loss_after = data_after;
    e.losses_known = true;
  };
  if (k > tail_start_) fill(tail_[k - tail_start_ - 1]);
  if (cache_valid_ && k > cache_base_ && k <= cache_base_ + cache_entries_.size()) fill(cache_entries_[k - cache_base_ - 1]);
}

std::size_t History::bytes() const {
  std::size_t total = sizeof(*this) + checkpoints_.capacity() * sizeof(Checkpoint);
  for (const Checkpoint& c : checkpoints_) total += (c.theta.capacity() + c.velocity.capacity()) * sizeof(double);
  total += segment_starts_.capacity() * sizeof(segment_starts_[0]) + explicit_steps_.capacity() * sizeof(explicit_steps_[0]);
  total += tail_.capacity() * sizeof(HistoryEntry) +
           (tail_thetas_.capacity() + tail_velocities_.capacity()) * sizeof(double);
  total += cache_entries_.capacity() * sizeof(HistoryEntry) +
           (cache_thetas_.capacity() + cache_velocities_.capacity()) * sizeof(double);
  return total;
}

}  // namespace ll
