#pragma once
// Threads for the full-data pass (kernel.cpp), kept waiting between passes. Private to core/src.
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <thread>
#include <utility>
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
// Whether a pass runs on the helpers too, learned from the passes' own times rather than fixed:
// for each size of pass (work = samples × parameters, by powers of two) the recent time per unit of
// work alone and shared. A pass takes the faster; one pass in kProbeEvery of a size tries the
// other (one in 8·kProbeEvery where it was more than 1.5× slower), so that the choice follows the machine: on a quiet one the second core halves big passes,
// on a busy one (the helper waits for a core) or for small passes, one thread is faster. The sums
// do not depend on the choice (kernel.cpp's fixed blocks). Safe to call from several threads.
class SplitChoice {
 public:
  static constexpr std::uint32_t kProbeEvery = 16;
  bool shared(std::size_t work);                        // run this pass on the helpers too?
  void record(std::size_t work, bool shared, double seconds);
  // The recent seconds per unit of work of each way at this size (0: not measured yet).
  std::pair<double, double> rates(std::size_t work);

 private:
  struct Size {
    double alone = 0.0, shared = 0.0;                  // seconds per unit of work, smoothed
    std::uint32_t passes = 0;
  };
  static std::size_t size_class(std::size_t work);
  std::mutex mutex_;
  Size sizes_[64];
};

// A callable to run, by reference: what a pass hands the helpers without allocating (a
// std::function of a lambda that captures more than two pointers allocates).
class WorkRef {
 public:
  template <typename F>
  explicit WorkRef(const F& f) : call_([](const void* p) { (*static_cast<const F*>(p))(); }), f_(&f) {}
  void operator()() const { call_(f_); }

 private:
  void (*call_)(const void*);
  const void* f_;
};

class Helpers {
 public:
  explicit Helpers(std::size_t count);
  ~Helpers();                      // joins the threads
  bool run(const WorkRef& work);

 private:
  void serve();

  std::vector<std::thread> threads_;
  std::mutex caller_, mutex_;
  std::condition_variable wake_, done_;
  const WorkRef* work_ = nullptr;
  std::size_t inside_ = 0;
  std::uint64_t round_ = 0;
  bool stop_ = false;
};

}  // namespace ll
