// The full-data pass: Σ L_i and Σ ∂L_i/∂θ over every sample, at one θ. This is the hot loop of a
// full-batch step (N = 1,000,000: see tests/bench/), so it is written for the vector units and
// both cores:
//  - one loop per block of samples computes z, L and ∂L/∂z and adds up the sums, with e^x and
//    log(1 + t) written out below as polynomials that GCC vectorises inline (-O3 -ffast-math, see
//    core/CMakeLists.txt), compiled for AVX-512, AVX2 + FMA and SSE2 and picked once per CPU;
//  - helper threads that wait between passes take blocks from a shared counter with this thread,
//    where the passes' own times show that it pays (helper_threads.h, SplitChoice).
// Each block is summed on its own and the block sums are added in block order, so the result does
// not depend on how many threads ran or which ran what. The formulas are those of chain.cpp.
#include "ll/kernel.h"

#include "helper_threads.h"
#include "kernel_parts.h"
#include "softmax_sample.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace ll {
namespace {

using namespace kernel;

constexpr std::size_t kSplitFrom = 4;   // blocks: from here a pass may run on the helpers too
constexpr std::size_t kMostChunk = 8;   // blocks a thread takes at a time, at most (8192 samples)

enum class Combo { SigmoidBce, SigmoidMse, TanhBce, TanhMse };

// The loss L and r = ∂L/∂z of one sample with z = θᵀx and label y ∈ {0, 1} (chain.cpp's
// formulas). `undefined` counts the samples where L is undefined (tanh + BCE with ŷ ≤ 0; L = r = 0
// there). Sigmoid + BCE returns L less its log(1 + u) term and sets u: the caller takes the logs of
// a sub-block together (sum_log1p); the others set u = 0.
template <Combo C>
LL_INLINE double sample_loss(double z, double y, double& r, double& undefined, double& u) {
  u = 0.0;
  if constexpr (C == Combo::SigmoidBce || C == Combo::SigmoidMse) {
    const double t = exp_nonpositive(-std::fabs(z));        // e^−|z| ≤ 1
    const double inv = 1.0 / (1.0 + t);
    // ŷ − y with ŷ = σ(z) = (z ≥ 0 ? 1 : t)/(1 + t), written so that nothing cancels:
    // y = 1: −(z ≥ 0 ? t : 1)/(1 + t);  y = 0: (z ≥ 0 ? 1 : t)/(1 + t)
    const bool one = y > 0.5;
    const double diff = (one ? -inv : inv) * ((z >= 0) == one ? t : 1.0);
    if constexpr (C == Combo::SigmoidBce) {
      r = diff;                                              // ŷ − y
      // softplus(z) − y z = softplus((1 − 2y) z) for y ∈ {0, 1}: two terms ≥ 0, nothing cancels:
      // max(±z, 0) + log(1 + e^−|z|)
      u = t;
      return std::fmax(one ? -z : z, 0.0);
    } else {
      r = 2.0 * diff * (t * inv * inv);                    // 2(ŷ − y)·ŷ(1 − ŷ), ŷ(1 − ŷ) = t/(1 + t)²
      return diff * diff;                                    // (ŷ − y)²
    }
  } else {
    const double y_hat = std::tanh(z);
    if constexpr (C == Combo::TanhBce) {
      const bool ok = y_hat > 0.0;                           // log ŷ needs ŷ > 0, i.e. z > 0
      const double safe = ok ? y_hat : 0.5;
      const double t = exp_nonpositive(-std::fabs(2.0 * z));
      const double one_minus = 2.0 * t / (1.0 + t);          // 1 − ŷ = 2σ(−2z) for z ≥ 0
      const double softplus_2z = std::fmax(2.0 * z, 0.0) + log1p_unit(t);
      // −log ŷ and −log(1 − ŷ), each through log1p where its argument is near 1 (chain.cpp):
      // y = 1: −log ŷ or −log1p(−(1 − ŷ));  y = 0: −log1p(−ŷ) or softplus(2z) − log 2
      const double l = y > 0.5 ? (safe < 0.5 ? -std::log(safe) : -std::log1p(-one_minus))
                               : (safe < 0.5 ? -std::log1p(-safe) : softplus_2z - 0.6931471805599453);
      // (ŷ − y)(1 + ŷ)/ŷ: −(1 − ŷ)(1 + ŷ)/ŷ for y = 1, 1 + ŷ for y = 0
      r = ok ? (y > 0.5 ? -one_minus * (1.0 + y_hat) / safe : 1.0 + y_hat) : 0.0;
      undefined += ok ? 0.0 : 1.0;
      return ok ? l : 0.0;
    } else {
      // 1 − ŷ = 2σ(−2z) and 1 + ŷ = 2σ(2z) from t = e^−2|z|; ŷ − y = −(1 − ŷ) for y = 1
      const double t = exp_nonpositive(-std::fabs(2.0 * z));
      const double small = 2.0 * t / (1.0 + t), large = 2.0 / (1.0 + t);
      const double one_minus = z >= 0 ? small : large, one_plus = z >= 0 ? large : small;
      const double diff = y > 0.5 ? -one_minus : y_hat;
      r = 2.0 * diff * (one_minus * one_plus);              // 2(ŷ − y)(1 − ŷ²)
      return diff * diff;                                    // (ŷ − y)²
    }
  }
}

// One block of a binary model (one row of θ) with D features known at compile time, kSub samples
// at a time in one loop that the vectoriser turns into one vector loop: z = θ₀ + Σ_j θ_j x_j, and
// the sums Σ L and (with G) Σ r·[1, x₁, …, x_D]. Sigmoid + BCE's logarithms are taken 8 samples
// at a time (sum_log1p): 10% off a batch step, 27% off the landscape's loss-only pass. (Not in
// binary_block_any: there the loss has a loop of its own, and keeping u for sum_log1p made it
// 15% slower with AVX2 (ll_kernel_bench, BM_WideStep).) Either way a block's loss is one formula,
// with the gradient or without.
template <Combo C, bool G, int D>
LL_INLINE void binary_block(const Dataset& data, const double* theta, std::size_t begin,
                            std::size_t end, double* out) {
  const double* x[D];
  for (int j = 0; j < D; ++j) x[j] = data.columns[static_cast<std::size_t>(j)].data();
  alignas(64) double u[kSub] = {};
  double loss = 0.0, undefined = 0.0, g[D + 1] = {};
  for (std::size_t from = begin; from < end; from += kSub) {
    const std::size_t n = std::min(kSub, end - from);
    const int* labels = data.labels.data() + from;
    clear_log_tail(u, n);
    for (std::size_t i = 0; i < n; ++i) {
      double z = theta[0];
      for (int j = 0; j < D; ++j) z += theta[j + 1] * x[j][from + i];
      double r;
      loss += sample_loss<C>(z, static_cast<double>(labels[i]), r, undefined, u[i]);
      if constexpr (G) {
        g[0] += r;
        for (int j = 0; j < D; ++j) g[j + 1] += r * x[j][from + i];
      }
    }
    if constexpr (C == Combo::SigmoidBce) loss += sum_log1p(u, n);
  }
  out[0] = loss;
  out[1] = undefined;
  if constexpr (G)
    for (int j = 0; j <= D; ++j) out[2 + j] = g[j];
}

// The same for any number of features, kSub samples at a time so that their columns stay in L1
// from the z loop to the gradient's: z, then L and r, then Σ r·x_j (kernel_parts.h).
template <Combo C, bool G>
LL_INLINE void binary_block_any(const Dataset& data, const double* theta, std::size_t begin,
                                std::size_t end, double* out) {
  const std::size_t d = data.features();
  alignas(64) double z[kSub];
  alignas(64) double r[kSub];
  double loss = 0.0, undefined = 0.0;
  if constexpr (G)
    for (std::size_t j = 0; j <= d; ++j) out[2 + j] = 0.0;
  for (std::size_t from = begin; from < end; from += kSub) {
    const std::size_t n = std::min(kSub, end - from);
    const int* labels = data.labels.data() + from;
    for (std::size_t i = 0; i < n; ++i) z[i] = theta[0];
    add_columns(z, data, theta + 1, from, n);
    double g0 = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
      double u;
      loss += sample_loss<C>(z[i], static_cast<double>(labels[i]), r[i], undefined, u);
      if constexpr (C == Combo::SigmoidBce) loss += log1p_unit(u);   // (sum_log1p: see binary_block)
      if constexpr (G) g0 += r[i];
    }
    if constexpr (!G) continue;
    out[2] += g0;
    add_column_sums(out + 3, r, data, from, n);
  }
  out[0] = loss;
  out[1] = undefined;
}

template <Combo C>
LL_INLINE void binary_blocks(const Job& job, std::size_t first, std::size_t last) {
  const std::size_t rows = job.data.rows();
  const double* theta = job.theta.values.data();
  for (std::size_t b = first; b < last; ++b) {
    const std::size_t begin = b * kBlock, end = std::min(rows, begin + kBlock);
    double* out = job.sums + b * job.stride;
    const std::size_t d = job.data.features();
    if (d == 2 && job.with_gradient) binary_block<C, true, 2>(job.data, theta, begin, end, out);
    else if (d == 2) binary_block<C, false, 2>(job.data, theta, begin, end, out);
    else if (job.with_gradient) binary_block_any<C, true>(job.data, theta, begin, end, out);
    else binary_block_any<C, false>(job.data, theta, begin, end, out);
  }
}

// Blocks first … last−1 of a binary model.
LL_INLINE void binary_range(const Job& job, std::size_t first, std::size_t last) {
  const bool sigmoid = job.activation == Activation::Sigmoid, bce = job.loss == Loss::BCE;
  if (sigmoid && bce) binary_blocks<Combo::SigmoidBce>(job, first, last);
  else if (sigmoid) binary_blocks<Combo::SigmoidMse>(job, first, last);
  else if (bce) binary_blocks<Combo::TanhBce>(job, first, last);
  else binary_blocks<Combo::TanhMse>(job, first, last);
}

// binary_range for each x86-64 level: AVX-512 (v4), AVX2 + FMA (v3) and the SSE2 baseline (the
// only one on other CPUs), picked once by a CPU check rather than an ifunc (which ThreadSanitizer
// and static linking do not support). Every thread runs the same one, so the sums do not depend on
// the thread count; CPUs of different levels may differ in the last bits. (Clang, for the fuzzers,
// takes the baseline: its __builtin_cpu_supports does not know the level names.)
void binary_range_base(const Job& job, std::size_t b, std::size_t e) { binary_range(job, b, e); }
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)  // GCC 12's level names
__attribute__((target("arch=x86-64-v3")))
void binary_range_v3(const Job& job, std::size_t b, std::size_t e) { binary_range(job, b, e); }
__attribute__((target("arch=x86-64-v4")))
void binary_range_v4(const Job& job, std::size_t b, std::size_t e) { binary_range(job, b, e); }
#endif

RangeFn pick_binary_range() {
  const int level = vector_level();
  (void)level;
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)  // GCC 12's level names
  if (level >= 4) return binary_range_v4;
  if (level >= 3) return binary_range_v3;
#endif
  return binary_range_base;
}

thread_local bool passes_on_this_thread = false;   // PassesOnThisThread

}  // namespace

PassesOnThisThread::PassesOnThisThread() : was_(passes_on_this_thread) { passes_on_this_thread = true; }
PassesOnThisThread::~PassesOnThisThread() { passes_on_this_thread = was_; }

int kernel::vector_level() {
  static const int level = [] {
    int best = 1;
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)  // GCC 12's level names
    __builtin_cpu_init();
    best = __builtin_cpu_supports("x86-64-v4") ? 4 : __builtin_cpu_supports("x86-64-v3") ? 3 : 1;
#endif
    const char* asked = std::getenv("LL_VECTOR_LEVEL");
    const long wanted = asked ? std::strtol(asked, nullptr, 10) : 0;
    return wanted > 0 && wanted < best ? static_cast<int>(wanted) : best;
  }();
  return level;
}

namespace {

void run_range(const Job& job, std::size_t first, std::size_t last) {
  static const RangeFn binary = pick_binary_range();
  static const RangeFn softmax = pick_softmax_range();
  (job.activation == Activation::Softmax ? softmax : binary)(job, first, last);
}

}  // namespace

DataPass full_pass(const Dataset& data, const Params& theta, Activation activation, Loss loss,
                   bool with_gradient) {
  const std::size_t blocks = (data.rows() + kBlock - 1) / kBlock;
  const std::size_t p = theta.size();
  // The block sums, in storage each thread keeps from pass to pass (a step allocates nothing).
  thread_local std::vector<double> sums;
  sums.assign(blocks * (2 + p), 0.0);
  const Job job{data, theta, activation, loss, with_gradient, 2 + p, sums.data()};
  static Helpers helpers(thread_limit() - 1);
  static SplitChoice choice;
  const std::size_t work = data.rows() * p;
  if (blocks < kSplitFrom || thread_limit() == 1 || passes_on_this_thread) {
    run_range(job, 0, blocks);
  } else {
    // Blocks are taken a chunk at a time from a shared counter, by this thread and the helpers
    // that join in; each block's sums land in its own slot, whoever computed them. Whether the
    // helpers are asked is measured (SplitChoice): they cost a wake-up, and on a busy machine the
    // second core is often not there.
    const std::size_t chunk = std::clamp<std::size_t>(blocks / 8, 1, kMostChunk);
    std::atomic<std::size_t> next{0};
    const auto all = [&] {
      for (std::size_t b; (b = next.fetch_add(chunk)) < blocks;)
        run_range(job, b, std::min(blocks, b + chunk));
    };
    const auto start = std::chrono::steady_clock::now();
    const bool shared = choice.shared(work) && helpers.run(WorkRef(all));
    if (!shared) all();
    choice.record(work, shared, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }

  DataPass pass;
  if (with_gradient) pass.gradient_sum = Params(theta.rows, theta.cols, 0.0);
  for (std::size_t b = 0; b < blocks; ++b) {
    const double* s = sums.data() + b * job.stride;
    pass.loss_sum += s[0];
    pass.undefined += static_cast<std::size_t>(s[1]);
    if (with_gradient)
      for (std::size_t q = 0; q < p; ++q) pass.gradient_sum.values[q] += s[2 + q];
  }
  return pass;
}

}  // namespace ll
