#pragma once
// What the full-data pass's two files share (kernel.cpp: the binary models and the pass itself;
// kernel_softmax.cpp: softmax regression): the block layout, the job, and e^x and log(1 + t) as
// short polynomials that GCC vectorises inline. Private to core/src; both files are compiled with
// -O3 -ffast-math (core/CMakeLists.txt), which these functions are written to survive.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>

#include "ll/activation.h"
#include "ll/dataset.h"
#include "ll/loss.h"
#include "ll/params.h"

#define LL_INLINE inline __attribute__((always_inline))

namespace ll::kernel {

constexpr std::size_t kBlock = 1024;   // samples per block (8 KiB per column): sums are per block
// Samples a block's loops take at a time where they go over the columns twice (z, then the
// gradient): 64 samples of 10 columns are 5 KiB, read from memory once and then from L1. (Measured
// with ll_kernel_bench at d = 10: 64 beat 32, 128, 256 and 512 by 5–25%.)
constexpr std::size_t kSub = 64;

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


// z[i] += Σ_j w[j]·x_j[from + i] for i < n and W ≤ 4 columns from column j: one pass over z for W
// columns, so that z is read and written once per W columns read. (Each column in a variable of
// its own: an array of pointers indexed in the loop makes GCC emulate a gather.)
template <int W>
LL_INLINE void add_column_group(double* z, const Dataset& data, const double* w, std::size_t j, std::size_t from,
                                std::size_t n) {
  const auto column = [&](int k) { return data.columns[j + static_cast<std::size_t>(k < W ? k : 0)].data() + from; };
  const double *x0 = column(0), *x1 = column(1), *x2 = column(2), *x3 = column(3);
  const double w0 = w[j], w1 = W > 1 ? w[j + 1] : 0.0, w2 = W > 2 ? w[j + 2] : 0.0, w3 = W > 3 ? w[j + 3] : 0.0;
  for (std::size_t i = 0; i < n; ++i) {
    double s = z[i] + w0 * x0[i];
    if constexpr (W > 1) s += w1 * x1[i];
    if constexpr (W > 2) s += w2 * x2[i];
    if constexpr (W > 3) s += w3 * x3[i];
    z[i] = s;
  }
}

// g[j + k] += Σ_{i<n} r[i]·x_{j+k}[from + i] for W ≤ 4 columns from column j: one pass over r.
template <int W>
LL_INLINE void add_column_group_sums(double* g, const double* r, const Dataset& data, std::size_t j,
                                     std::size_t from, std::size_t n) {
  const auto column = [&](int k) { return data.columns[j + static_cast<std::size_t>(k < W ? k : 0)].data() + from; };
  const double *x0 = column(0), *x1 = column(1), *x2 = column(2), *x3 = column(3);
  double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0;
  for (std::size_t i = 0; i < n; ++i) {
    s0 += r[i] * x0[i];
    if constexpr (W > 1) s1 += r[i] * x1[i];
    if constexpr (W > 2) s2 += r[i] * x2[i];
    if constexpr (W > 3) s3 += r[i] * x3[i];
  }
  g[j] += s0;
  if constexpr (W > 1) g[j + 1] += s1;
  if constexpr (W > 2) g[j + 2] += s2;
  if constexpr (W > 3) g[j + 3] += s3;
}

// The two above over every column: four at a time, then the last one to three together.
LL_INLINE void add_columns(double* z, const Dataset& data, const double* w, std::size_t from, std::size_t n) {
  const std::size_t d = data.features();
  std::size_t j = 0;
  for (; j + 4 <= d; j += 4) add_column_group<4>(z, data, w, j, from, n);
  switch (d - j) {
    case 3: add_column_group<3>(z, data, w, j, from, n); break;
    case 2: add_column_group<2>(z, data, w, j, from, n); break;
    case 1: add_column_group<1>(z, data, w, j, from, n); break;
    default: break;
  }
}

LL_INLINE void add_column_sums(double* g, const double* r, const Dataset& data, std::size_t from, std::size_t n) {
  const std::size_t d = data.features();
  std::size_t j = 0;
  for (; j + 4 <= d; j += 4) add_column_group_sums<4>(g, r, data, j, from, n);
  switch (d - j) {
    case 3: add_column_group_sums<3>(g, r, data, j, from, n); break;
    case 2: add_column_group_sums<2>(g, r, data, j, from, n); break;
    case 1: add_column_group_sums<1>(g, r, data, j, from, n); break;
    default: break;
  }
}

// Blocks first … last−1 of a job, one loop per CPU level (kernel.cpp's note on the dispatch).
using RangeFn = void (*)(const Job&, std::size_t, std::size_t);
RangeFn pick_softmax_range();   // kernel_softmax.cpp

// The x86-64 level the loops run at: 4 (AVX-512), 3 (AVX2 + FMA) or 1 (the SSE2 baseline), the
// CPU's best, or lower if LL_VECTOR_LEVEL says so (for benchmarks: an AVX2 machine's figures on an
// AVX-512 one). Read once (kernel.cpp).
int vector_level();

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


// log(1 + t) for any t ≥ 0 (softmax's log Σ e_j with Σ up to K): log1p_unit(t) up to 1; above,
// 1 + t = 2^k·m with m ∈ [1, 2) read off the bits, log(1 + t) = k ln2 + log1p_unit(m − 1) (m − 1
// exact). Forming 1 + t costs nothing there: its rounding is 2⁻⁵³ of a result ≥ ln 2.
LL_INLINE double log1p_nonnegative(double t) {
  const double s = 1.0 + t;
  std::uint64_t bits;
  std::memcpy(&bits, &s, sizeof bits);
  // k + 1023 = the exponent bits (s > 0: no sign bit), as a double by placing them under 2^52:
  // AVX2 has no 64-bit integer → double conversion, and without one GCC leaves the loop scalar.
  const std::uint64_t biased = (bits >> 52) | 0x4330000000000000ull;     // 2^52 + k + 1023
  bits = (bits & 0x000FFFFFFFFFFFFFull) | 0x3FF0000000000000ull;         // m = s / 2^k
  double m, exponent;
  std::memcpy(&m, &bits, sizeof m);
  std::memcpy(&exponent, &biased, sizeof exponent);
  const bool small = t <= 1.0;
  const double u = small ? t : m - 1.0;
  const double kf = small ? 0.0 : exponent - (4503599627370496.0 + 1023.0);   // exact
  return kf * 0.6931471805599453 + log1p_unit(u);
}

// Σ_{i<n} log(1 + u_i), n ≤ kSub, for u_i ≥ 0 (the BCE loss's log(1 + e^−|z|), softmax's log(1 + Σ')),
// with one logarithm per 8 samples instead of one per sample: the logarithm is most of what the
// loss costs beyond e^x (the landscape's pass is nothing but the loss). Lane l keeps
//   q_l = Π_i (1 + u_i) − 1  over samples l, l + 8, …, by q ← q + u + q·u = (1 + q)(1 + u) − 1,
// then Σ_l log1p(q_l), q_l < K⁸ (K ≤ 16: softmax's Σ' < K). 1 + u is never formed and every term
// is ≥ 0, so no rounding cancels and a confident sample's tiny u keeps its digits; q_l has a
// relative error of at most 16 roundings, about what summing its 8 logarithms would have. Unused
// places of u up to the next multiple of 8 past n are 0 (log 1 = 0), so a short sub-block takes
// only the rounds it fills; below 8 samples (iris4's 4) a logarithm each is cheaper than a round
// (a stochastic step's data-set loss: 6% of the step). Which way is decided by n alone, so a
// block's loss is the same number with the gradient or without. (Merging pairs as a tree instead
// was 15% slower in the landscape's pass.)
constexpr std::size_t kLogLanes = 8;
LL_INLINE double sum_log1p(const double* u, std::size_t n) {
  if (n < kLogLanes) {   // fewer samples than lanes (iris4's 4): a logarithm each is cheaper
    double sum = 0.0;
    for (std::size_t i = 0; i < n; ++i) sum += log1p_nonnegative(u[i]);
    return sum;
  }
  double q[kLogLanes] = {};
  for (std::size_t k = 0; k < n; k += kLogLanes)
    for (std::size_t l = 0; l < kLogLanes; ++l) q[l] += u[k + l] + q[l] * u[k + l];
  double sum = 0.0;
  for (std::size_t l = 0; l < kLogLanes; ++l) sum += log1p_nonnegative(q[l]);
  return sum;
}

// Zeros in u from n up to the next multiple of kLogLanes: the places sum_log1p(u, n) reads past n.
LL_INLINE void clear_log_tail(double* u, std::size_t n) {
  for (std::size_t i = n; i % kLogLanes != 0; ++i) u[i] = 0.0;
}

}  // namespace ll::kernel
