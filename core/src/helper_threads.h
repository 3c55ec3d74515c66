#pragma once
// Threads for the full-data pass (kernel.cpp), kept waiting between passes. Private to core/src.
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace ll {

// The number of threads a pass may use: LL_THREADS if set to a positive number (LL_THREADS=1
// forces one thread, for benchmarks), else the hardware's. Read once.
std::size_t thread_limit();

// Helper threads that wait for work, so that a pass does not pay to start threads (about 20 µs
// each). run(work) runs work() here and on every helper that wakes while it runs; work() takes
// blocks from a shared counter until none are left, so a helper that the scheduler keeps waiting
// (the machine may be shared) neither holds up the pass nor is waited for: run() returns once the
// work is done and no helper is inside work(). One caller at a time: run() returns false at once
// when the helpers are busy (another thread's pass), and that pass runs alone.
class Helpers {
 public:
  explicit Helpers(std::size_t count);
  ~Helpers();                      // joins the threads
  bool run(const std::function<void()>& work);

 private:
  void serve();

  std::vector<std::thread> threads_;
  std::mutex caller_, mutex_;
  std::condition_variable wake_, done_;
  const std::function<void()>* work_ = nullptr;
  std::size_t inside_ = 0;
  std::uint64_t round_ = 0;
  bool stop_ = false;
};

}  // namespace ll
