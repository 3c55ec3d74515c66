#pragma once
// Frame times for the status bar and the GUI benchmark: the median and the 95th percentile of
// the last N frames, in milliseconds. The median says how fast the app usually is; p95 says how
// bad the hitches are, which an average would hide. No GLFW or ImGui: unit-testable.
#include <chrono>
#include <cstddef>
#include <vector>

namespace ll::app::platform {

class FrameStats {
 public:
  explicit FrameStats(std::size_t capacity = 240);  // 240 frames: 4 s at 60 Hz

  // Records the time since the previous tick() (the first tick only starts the clock).
  void tick();
  void tick(std::chrono::steady_clock::time_point now);
  // Records one frame time directly (negative or non-finite values are ignored).
  void add(double milliseconds);
  void clear();

  std::size_t count() const { return count_; }    // frames held, at most the capacity
  std::size_t capacity() const { return times_.size(); }
  // Both 0 when no frame is held.
  double median_ms() const;     // the middle value; the mean of the two middle ones if even
  double p95_ms() const;        // nearest rank: the ⌈0.95 n⌉-th smallest
  double percentile_ms(double p) const;  // nearest rank, p in (0, 100]
  double last_ms() const;

 private:
  std::vector<double> sorted() const;

  std::vector<double> times_;   // a ring of the last capacity() frames
  std::size_t next_ = 0;
  std::size_t count_ = 0;
  bool started_ = false;
  std::chrono::steady_clock::time_point previous_{};
};

}  // namespace ll::app::platform
