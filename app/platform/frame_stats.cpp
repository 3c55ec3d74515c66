// Frame-time statistics. See frame_stats.h.
#include "platform/frame_stats.h"

#include <algorithm>
#include <cmath>

namespace ll::app::platform {

FrameStats::FrameStats(std::size_t capacity) : times_(std::max<std::size_t>(capacity, 1), 0.0) {}

void FrameStats::tick() { tick(std::chrono::steady_clock::now()); }

void FrameStats::tick(std::chrono::steady_clock::time_point now) {
  if (started_) add(std::chrono::duration<double, std::milli>(now - previous_).count());
  previous_ = now;
  started_ = true;
}

void FrameStats::add(double milliseconds) {
  if (!std::isfinite(milliseconds) || milliseconds < 0.0) return;
  times_[next_] = milliseconds;
  next_ = (next_ + 1) % times_.size();
  count_ = std::min(count_ + 1, times_.size());
}

void FrameStats::clear() {
  next_ = 0;
  count_ = 0;
  started_ = false;
}

std::vector<double> FrameStats::sorted() const {
  // The ring's oldest entries are overwritten first; which ones are held does not matter for
  // order statistics, only that exactly count_ of them are.
  std::vector<double> held;
  held.reserve(count_);
  for (std::size_t i = 0; i < count_; ++i) {
    held.push_back(times_[(next_ + times_.size() - count_ + i) % times_.size()]);
  }
  std::sort(held.begin(), held.end());
  return held;
}

double FrameStats::median_ms() const {
  const std::vector<double> v = sorted();
  if (v.empty()) return 0.0;
  const std::size_t mid = v.size() / 2;
  return v.size() % 2 == 1 ? v[mid] : 0.5 * (v[mid - 1] + v[mid]);
}

double FrameStats::percentile_ms(double p) const {
  const std::vector<double> v = sorted();
  if (v.empty()) return 0.0;
  // Nearest rank: the smallest value with at least p % of the frames at or below it.
  const double clamped = std::clamp(p, 0.0, 100.0);
  // p × n first: 95 × 20 / 100 is exactly 19, 0.95 × 20 need not be.
  const double n = static_cast<double>(v.size());
  const auto rank = static_cast<std::size_t>(std::ceil(clamped * n / 100.0));
  return v[std::clamp<std::size_t>(rank, 1, v.size()) - 1];
}

double FrameStats::p95_ms() const { return percentile_ms(95.0); }

double FrameStats::last_ms() const {
  if (count_ == 0) return 0.0;
  return times_[(next_ + times_.size() - 1) % times_.size()];
}

}  // namespace ll::app::platform
