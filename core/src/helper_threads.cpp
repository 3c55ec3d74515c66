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

bool Helpers::run(const std::function<void()>& work) {
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
    const std::function<void()>* work = work_;
    ++inside_;
    lock.unlock();
    (*work)();
    lock.lock();
    if (--inside_ == 0) done_.notify_one();
  }
}

}  // namespace ll
