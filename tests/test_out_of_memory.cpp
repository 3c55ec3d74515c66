// Running out of memory while loading (issue 11): said like any other problem with the data, exit
// 2 on the command line, and the window keeps the run it had. Memory is limited with RLIMIT_AS
// (the address space), which AddressSanitizer's shadow memory cannot live under: skipped there.
#include <doctest/doctest.h>
#include <sys/resource.h>
#include <unistd.h>

#include <cstdio>
#include <string>

#include "cli_runner.h"
#include "ll/number_format.h"
#include "model/app_state.h"
#include "sanitizers.h"


namespace {

const std::string kTooMuch = "not enough memory to load 'blobs' with --n 10,000,000; choose a smaller data set";

// Lowers this process's address-space limit to what it uses now plus `extra` bytes, for the
// scope of the object, and puts the old limit back after.
class MemoryLimit {
 public:
  explicit MemoryLimit(rlim_t extra) {
    getrlimit(RLIMIT_AS, &old_);
    rlimit lower = old_;
    lower.rlim_cur = in_use() + extra;
    ok_ = setrlimit(RLIMIT_AS, &lower) == 0;
  }
  ~MemoryLimit() { setrlimit(RLIMIT_AS, &old_); }
  bool ok() const { return ok_; }

 private:
  static rlim_t in_use() {  // the address space mapped now: /proc/self/statm's first field, in pages
    std::FILE* f = std::fopen("/proc/self/statm", "r");
    unsigned long pages = 0;
    if (f != nullptr) {
      if (std::fscanf(f, "%lu", &pages) != 1) pages = 0;
      std::fclose(f);
    }
    return static_cast<rlim_t>(pages) * static_cast<rlim_t>(sysconf(_SC_PAGESIZE));
  }
  rlimit old_{};
  bool ok_ = false;
};

}  // namespace

TEST_CASE("trace under a memory limit: a data set too big for it exits 2 with the reason") {
  if (kAddressSanitizer) return;   // ASan reserves terabytes of address space up front
  // 10,000,000 blobs need about 200 MB (two features and a label each, and the selection's copy).
  const CliResult r = run_cli("trace --data blobs --n 10000000 --steps 1 --no-samples", "ulimit -v 300000; ");
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("logistic-lab trace: --data: " + kTooMuch) != std::string::npos);
  CHECK(r.out.empty());
}

TEST_CASE("the window keeps its run when a data set does not fit in memory") {
  if (kAddressSanitizer) return;
  ll::app::AppState s;
  ll::app::RunSpec small;
  small.steps = 3;
  REQUIRE(ll::app::start_run(s, small));
  const ll::Params before = s.trainer->theta();
  ll::app::RunSpec huge;
  huge.data.source = "blobs";
  huge.data.blobs_n = 10'000'000;
  bool started = true;
  {
    MemoryLimit limit(100u << 20);   // 100 MiB more than now: not enough for 200 MB of blobs
    REQUIRE(limit.ok());
    started = ll::app::start_run(s, huge);
  }
  CHECK_FALSE(started);
  CHECK(s.status_is_error);
  CHECK(s.status == "--data: " + kTooMuch);
  CHECK(s.trainer->current_step() == 3);   // the run it had, as it was
  CHECK(s.trainer->theta() == before);
}

TEST_CASE("10,000,000 recorded steps run in a few hundred MB of address space (the history is bounded)") {
  if (kAddressSanitizer) return;
  // Before the history kept checkpoints, these steps took 1.2 GB and failed under this limit.
  const CliResult r = run_cli("trace --mode stochastic --steps 10000000 --every 10000000 --no-samples",
                              "ulimit -v 400000; ");
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("Step 10000000") != std::string::npos);
}

TEST_CASE("a step that runs out of memory leaves the history as it was, and the window says so") {
  if (kAddressSanitizer) return;
  // 2,000 features: each step the history keeps in full takes 32 KB (θ and v), so its tail
  // outgrows whatever free memory the process's heap already holds within a few thousand steps.
  const std::string csv = "/tmp/ll_oom_" + std::to_string(::getpid()) + ".csv";
  {
    std::FILE* f = std::fopen(csv.c_str(), "w");
    REQUIRE(f != nullptr);
    for (int j = 1; j <= 2000; ++j) std::fprintf(f, "x%d,", j);
    std::fprintf(f, "label\n");
    for (int i = 0; i < 4; ++i) {
      for (int j = 1; j <= 2000; ++j) std::fprintf(f, "%d,", (i * 7 + j) % 5);
      std::fprintf(f, "%d\n", i / 2);
    }
    std::fclose(f);
  }
  ll::app::AppState s;
  ll::app::RunSpec o;
  o.data.source = csv;
  o.settings.mode = ll::BatchMode::Stochastic;
  o.steps = 0;
  REQUIRE(ll::app::start_run(s, o));
  std::remove(csv.c_str());
  {
    // Room for some steps, not for the history's tail to double past them.
    MemoryLimit limit(8u << 20);
    REQUIRE(limit.ok());
    ll::app::run_steps(s, 200'000);
  }
  const std::size_t kept = s.trainer->current_step();
  CHECK(kept < 200'000);
  CHECK(s.status_is_error);
  CHECK(s.status.rfind("Out of memory at step " + ll::format_count(kept + 1) + ": the history of " +
                           ll::format_count(kept) + " steps is kept; Reset to start over.", 0) == 0);
  // What was kept is exactly what a run with memory to spare takes.
  ll::Trainer again(s.data_ptr(), s.settings(), s.theta0());
  for (std::size_t k = 0; k < kept; ++k) again.step(false);
  CHECK(s.trainer->theta() == again.theta());
  CHECK(s.trainer->history_size() == kept);
  CHECK(ll::app::step_forward(s));   // and it goes on once memory is there again
}
