#include "helper_threads.h"

#include <algorithm>
#include <cstdlib>

namespace ll {

std::size_t thread_limit() {
  static const std::size_t limit = [] {
    const char* v = std::getenv("LL_THREADS");
    const long n = v ? std::strtol(v, nullptr, 10) : 0;
    return n > 0 ? static_cast<std::size_t>(n) : std::max(1u, std::thread::hardware_concurrency());
  }();
  return limit;
}

std::size_t SplitChoice::size_class(std::size_t work) {
  std::size_t c = 0;
  while (work > 1 && c < 63) {
    work >>= 1;
    ++c;
  }
  return c;
}

bool SplitChoice::shared(std::size_t work) {
  std::lock_guard<std::mutex> lock(mutex_);
  Size& s = sizes_[size_class(work)];
  const std::uint32_t pass = s.passes++;
  if (s.alone == 0.0) return false;                     // measure each way once first
  if (s.shared == 0.0) return true;
  const bool faster_shared = s.shared < s.alone;
  // The other way is tried now and then; rarely where it was far slower (a small pass, whose
  // helper costs more to wake than it saves).
  const double gap = faster_shared ? s.alone / s.shared : s.shared / s.alone;
  const std::uint32_t every = gap > 1.5 ? 8 * kProbeEvery : kProbeEvery;
  return pass % every == 0 ? !faster_shared : faster_shared;
}

void SplitChoice::record(std::size_t work, bool shared, double seconds) {
  if (work == 0) return;
  std::lock_guard<std::mutex> lock(mutex_);
  Size& s = sizes_[size_class(work)];
  double& rate = shared ? s.shared : s.alone;
  const double now = seconds / static_cast<double>(work);
  rate = rate == 0.0 ? now : 0.75 * rate + 0.25 * now;   // the last few passes count most
}

std::pair<double, double> SplitChoice::rates(std::size_t work) {
  std::lock_guard<std::mutex> lock(mutex_);
  const Size& s = sizes_[size_class(work)];
  return {s.alone, s.shared};
}

Helpers::Helpers(std::size_t count) {
  for (std::size_t h = 0; h < count; ++h) threads_.emplace_back([this] { serve(); });
}

Helpers::~Helpers() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stop_ = true;
  }
  wake_.notify_all();
  for (std::thread& t : threads_) t.join();
}

bool Helpers::run(const WorkRef& work) {
  std::unique_lock<std::mutex> caller(caller_, std::try_to_lock);
  if (!caller.owns_lock()) return false;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    work_ = &work;
    ++round_;
  }
  wake_.notify_all();
  work();
  std::unique_lock<std::mutex> lock(mutex_);
  work_ = nullptr;                                        // helpers that wake from now on skip
  done_.wait(lock, [this] { return inside_ == 0; });
  return true;
}

void Helpers::serve() {
  std::uint64_t seen = 0;
  std::unique_lock<std::mutex> lock(mutex_);
  for (;;) {
    wake_.wait(lock, [&] { return stop_ || round_ != seen; });
    if (stop_) return;
    seen = round_;
    if (!work_) continue;
    const WorkRef* work = work_;
    ++inside_;
    lock.unlock();
    (*work)();
    lock.lock();
    if (--inside_ == 0) done_.notify_one();
  }
}

}  // namespace ll
