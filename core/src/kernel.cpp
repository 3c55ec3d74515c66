// The full-data pass: Σ L_i and Σ ∂L_i/∂θ over every sample, at one θ. This is the hot loop of a
// full-batch step (N = 1,000,000: see tests/bench/), so it is written for the vector units and
// both cores:
//  - one loop per block of samples computes z, L and ∂L/∂z and adds up the sums, with e^x and
//    log(1 + t) written out below as polynomials that GCC vectorises inline (-O3 -ffast-math, see
//    core/CMakeLists.txt), compiled for AVX-512, AVX2 + FMA and SSE2 and picked once per CPU;
//  - helper threads that wait between passes take blocks from a shared counter with this thread.
// Each block is summed on its own and the block sums are added in block order, so the result does
// not depend on how many threads ran or which ran what. The formulas are those of chain.cpp.
#include "ll/kernel.h"

#include "helper_threads.h"
#include "softmax_sample.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <vector>

#define LL_INLINE inline __attribute__((always_inline))

namespace ll {
namespace {

constexpr std::size_t kBlock = 1024;          // samples per block (8 KiB per column)
constexpr std::size_t kParallelFrom = 32768;  // below this many samples one thread is faster
constexpr std::size_t kChunk = 8;             // blocks a thread takes at a time (8192 samples)

enum class Combo { SigmoidBce, SigmoidMse, TanhBce, TanhMse };

// What one pass computes. Block b writes its sums to sums[b·stride …]: the loss, the number of
// samples where L is undefined, then (with the gradient) the P entries of Σ ∂L_i/∂θ.
struct Job {
  const Dataset& data;
  const Params& theta;
  Activation activation;
  Loss loss;
  bool with_gradient;
  std::size_t stride;  // 2 + P
  double* sums;        // blocks × stride
};

// e^x for x ≤ 0 to within an ulp or two, in plain arithmetic that vectorises inline (a call to
// libmvec's exp makes the loop around it wait). Multiplications are what limit the loop, so the
// polynomials are as short as the precision allows.
//   x = k ln2 + r with k = x/ln2 rounded (x/ln2 − ½ truncated toward 0, as x ≤ 0), |r| ≤ ln2/2;
//   e^r by a degree-11 polynomial: the Taylor series economised with Chebyshev polynomials on
//   [−ln2/2, ln2/2] (relative error 4·10⁻¹⁸); e^x = e^r·2^k by adding k to the exponent bits.
// x is clamped at −707, where 2^k would leave the normal numbers: below, the result is e^−707, off
// by less than 10⁻³⁰⁷ (a select to 0 there keeps GCC from vectorising the loop). ln2 = hi + lo, hi
// with 32 significant bits so that k·hi is exact; should -ffast-math merge the two, r is off by
// |k|·2⁻⁵⁵ ≤ |x|·2⁻⁵⁴, less than the rounding error x itself carries.
LL_INLINE double exp_nonpositive(double x) {
  constexpr double kLn2Hi = 6.93147180369123816490e-01, kLn2Lo = 1.90821492927058770002e-10;
  x = std::fmax(x, -707.0);
  const int k = static_cast<int>(x * 1.4426950408889634 - 0.5);
  const double kf = k;
  const double r = (x - kf * kLn2Hi) - kf * kLn2Lo;
  double p = 2.5114870219497476e-08;
  p = p * r + 2.7632640675430235e-07;
  p = p * r + 2.755722495611072e-06;
  p = p * r + 2.480148547921643e-05;
  p = p * r + 0.00019841269909219843;
  p = p * r + 0.0013888888952318045;
  p = p * r + 0.008333333333309526;
  p = p * r + 0.04166666666648808;
  p = p * r + 0.16666666666666702;
  p = p * r + 0.5000000000000019;
  p = p * r + 1.0;
  p = p * r + 1.0;                                          // e^r
  std::uint64_t bits;
  std::memcpy(&bits, &p, sizeof bits);
  bits += static_cast<std::uint64_t>(static_cast<std::int64_t>(k)) << 52;  // × 2^k
  double e;
  std::memcpy(&e, &bits, sizeof e);
  return e;
}

// log(1 + t) for 0 ≤ t ≤ 1 to within an ulp or two, inline as exp_nonpositive.
//   Above ½, 1 + t = 2(1 + v) with v = (t − 1)/2 ∈ (−¼, 0] (exact); else v = t ∈ [0, ½].
//   log(1 + v) = 2 atanh(s) = 2s + 2s·w·q(w), s = v/(2 + v) ∈ [−⅐, ⅕], w = s², q(w) =
//   Σ_{k≥1} w^(k−1)/(2k + 1) by a degree-7 polynomial (economised on [0, 1/25]; error·w ≤ 5·10⁻¹⁹).
//   1 + v is never formed, so a tiny t keeps every digit: log(1 + t) ≈ t.
LL_INLINE double log1p_unit(double t) {
  const bool high = t > 0.5;
  const double v = high ? (t - 1.0) * 0.5 : t;
  const double s = v / (2.0 + v);
  const double w = s * s;
  double q = 0.06802581045101709;
  q = q * w + 0.06605100049147958;
  q = q * w + 0.07694421746073161;
  q = q * w + 0.09090869107279134;
  q = q * w + 0.1111111152058284;
  q = q * w + 0.14285714283658416;
  q = q * w + 0.20000000000003929;
  q = q * w + 0.3333333333333333;
  const double two_s = 2.0 * s;
  return (high ? 0.6931471805599453 : 0.0) + (two_s + two_s * w * q);
}

// The loss L and r = ∂L/∂z of one sample with z = θᵀx and label y ∈ {0, 1} (chain.cpp's
// formulas). `undefined` counts the samples where L is undefined (tanh + BCE with ŷ ≤ 0; L = r = 0
// there).
template <Combo C>
LL_INLINE double sample_loss(double z, double y, double& r, double& undefined) {
  if constexpr (C == Combo::SigmoidBce || C == Combo::SigmoidMse) {
    const double t = exp_nonpositive(-std::fabs(z));        // e^−|z| ≤ 1
    const double inv = 1.0 / (1.0 + t);
    // ŷ − y with ŷ = σ(z) = (z ≥ 0 ? 1 : t)/(1 + t), written so that nothing cancels:
    // y = 1: −(z ≥ 0 ? t : 1)/(1 + t);  y = 0: (z ≥ 0 ? 1 : t)/(1 + t)
    const bool one = y > 0.5;
    const double diff = (one ? -inv : inv) * ((z >= 0) == one ? t : 1.0);
    if constexpr (C == Combo::SigmoidBce) {
      r = diff;                                              // ŷ − y
      // softplus(z) − y z = softplus((1 − 2y) z) for y ∈ {0, 1}: two terms ≥ 0, nothing cancels
      return std::fmax(one ? -z : z, 0.0) + log1p_unit(t);  // max(±z, 0) + log(1 + e^−|z|)
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

// One block of a binary model (one row of θ) with D features known at compile time, in one loop
// that the vectoriser turns into one vector loop: z = θ₀ + Σ_j θ_j x_j, and the sums Σ L and
// (with G) Σ r·[1, x₁, …, x_D].
template <Combo C, bool G, int D>
LL_INLINE void binary_block(const Dataset& data, const double* theta, std::size_t begin,
                            std::size_t end, double* out) {
  const std::size_t n = end - begin;
  const double* x[D];
  for (int j = 0; j < D; ++j) x[j] = data.columns[static_cast<std::size_t>(j)].data() + begin;
  const int* labels = data.labels.data() + begin;
  double loss = 0.0, undefined = 0.0, g[D + 1] = {};
  for (std::size_t i = 0; i < n; ++i) {
    double z = theta[0];
    for (int j = 0; j < D; ++j) z += theta[j + 1] * x[j][i];
    double r;
    loss += sample_loss<C>(z, static_cast<double>(labels[i]), r, undefined);
    if constexpr (G) {
      g[0] += r;
      for (int j = 0; j < D; ++j) g[j + 1] += r * x[j][i];
    }
  }
  out[0] = loss;
  out[1] = undefined;
  if constexpr (G)
    for (int j = 0; j <= D; ++j) out[2 + j] = g[j];
}

// The same for any number of features: z, then L and r (kept in L1), then the gradient.
template <Combo C, bool G>
LL_INLINE void binary_block_any(const Dataset& data, const double* theta, std::size_t begin,
                                std::size_t end, double* out) {
  const std::size_t n = end - begin;
  const std::size_t d = data.features();
  alignas(64) double z[kBlock];
  alignas(64) double r[kBlock];
  const int* labels = data.labels.data() + begin;
  for (std::size_t i = 0; i < n; ++i) z[i] = theta[0];
  for (std::size_t j = 0; j < d; ++j) {
    const double* x = data.columns[j].data() + begin;
    const double w = theta[j + 1];
    for (std::size_t i = 0; i < n; ++i) z[i] += w * x[i];
  }
  double loss = 0.0, undefined = 0.0, g0 = 0.0;
  for (std::size_t i = 0; i < n; ++i) {
    loss += sample_loss<C>(z[i], static_cast<double>(labels[i]), r[i], undefined);
    if constexpr (G) g0 += r[i];
  }
  out[0] = loss;
  out[1] = undefined;
  if constexpr (!G) return;
  out[2] = g0;
  for (std::size_t j = 0; j < d; ++j) {
    const double* x = data.columns[j].data() + begin;
    double g = 0.0;
    for (std::size_t i = 0; i < n; ++i) g += r[i] * x[i];
    out[3 + j] = g;
  }
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
using RangeFn = void (*)(const Job&, std::size_t, std::size_t);
void binary_range_base(const Job& job, std::size_t b, std::size_t e) { binary_range(job, b, e); }
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)  // GCC 12's level names
__attribute__((target("arch=x86-64-v3")))
void binary_range_v3(const Job& job, std::size_t b, std::size_t e) { binary_range(job, b, e); }
__attribute__((target("arch=x86-64-v4")))
void binary_range_v4(const Job& job, std::size_t b, std::size_t e) { binary_range(job, b, e); }
#endif

RangeFn pick_binary_range() {
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)  // GCC 12's level names
  __builtin_cpu_init();
  if (__builtin_cpu_supports("x86-64-v4")) return binary_range_v4;
  if (__builtin_cpu_supports("x86-64-v3")) return binary_range_v3;
#endif
  return binary_range_base;
}

// One block of softmax regression (K rows of θ), sample by sample.
void softmax_block(const Job& job, std::size_t begin, std::size_t end, double* out) {
  const Dataset& data = job.data;
  const Params& theta = job.theta;
  const std::size_t k = theta.rows, cols = theta.cols, d = data.features();
  std::vector<double> x(cols, 1.0), z(k), y_hat(k), one_minus(k), r(k);
  double* gradient = out + 2;
  for (std::size_t i = begin; i < end; ++i) {
    for (std::size_t j = 0; j < d; ++j) x[j + 1] = data.columns[j][i];
    const auto label = static_cast<std::size_t>(data.labels[i]);
    for (std::size_t c = 0; c < k; ++c) {
      double s = 0.0;
      for (std::size_t j = 0; j < cols; ++j) s += theta.values[c * cols + j] * x[j];
      z[c] = s;                                                        // z_c = θ_cᵀx
    }
    out[0] += softmax_sample(z.data(), k, label, job.loss, y_hat.data(), one_minus.data(), r.data());
    if (job.with_gradient)
      for (std::size_t c = 0; c < k; ++c)
        for (std::size_t j = 0; j < cols; ++j) gradient[c * cols + j] += r[c] * x[j];
  }
}

void run_range(const Job& job, std::size_t first, std::size_t last) {
  static const RangeFn binary = pick_binary_range();
  if (job.activation != Activation::Softmax) return binary(job, first, last);
  for (std::size_t b = first; b < last; ++b)
    softmax_block(job, b * kBlock, std::min(job.data.rows(), (b + 1) * kBlock),
                  job.sums + b * job.stride);
}

}  // namespace

DataPass full_pass(const Dataset& data, const Params& theta, Activation activation, Loss loss,
                   bool with_gradient) {
  const std::size_t blocks = (data.rows() + kBlock - 1) / kBlock;
  const std::size_t p = theta.size();
  std::vector<double> sums(blocks * (2 + p), 0.0);
  const Job job{data, theta, activation, loss, with_gradient, 2 + p, sums.data()};
  // Blocks are taken kChunk at a time from a shared counter, by this thread and the helpers that
  // join in; each block's sums land in its own slot, whoever computed them.
  std::atomic<std::size_t> next{0};
  const std::function<void()> work = [&] {
    for (std::size_t b; (b = next.fetch_add(kChunk)) < blocks;)
      run_range(job, b, std::min(blocks, b + kChunk));
  };
  static Helpers helpers(thread_limit() - 1);
  if (data.rows() < kParallelFrom || !helpers.run(work)) work();

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
