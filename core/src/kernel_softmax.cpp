// The full-data pass for softmax regression (K rows of θ): Σ L_i and Σ ∂L_i/∂θ over a job's
// blocks. Softmax + CCE with up to kLaneClasses classes runs across the samples in vector lanes,
// as the binary models do (kernel.cpp), kSub samples at a time:
//   z_c = θ_cᵀx for every class (one loop per class and column),
//   a = the first argmax of z, e_c = e^(z_c − z_a) ≤ 1 (e_a = 1 exactly), Σ' = Σ_{c≠a} e_c,
//   L = (z_a − z_y) + log(1 + Σ')   (= −log ŷ_y: two terms ≥ 0, nothing cancels; the logarithms
//   of a sub-block taken together, kernel_parts.h's sum_log1p),
//   ∂L/∂z_c = ŷ_c − [c = y], with ŷ_c = e_c/S, S = 1 + Σ', and for c = y the gap
//   1 − ŷ_y = (S − e_y)/S, which is Σ'/S when y = a: never the subtraction 1 − ŷ_y,
//   then Σ ∂L/∂z_c · x_j over the sub-block, its columns still in L1.
// These are softmax_sample's formulas (softmax_sample.cpp), the one per-sample reference; the
// squared error and more classes take that function sample by sample.
#include "kernel_parts.h"
#include "softmax_sample.h"

#include <algorithm>
#include <vector>

namespace ll::kernel {
namespace {

constexpr std::size_t kLaneClasses = 16;   // K up to this in vector lanes (K·kSub doubles on the stack)

template <bool G>
LL_INLINE void cce_block(const Job& job, std::size_t begin, std::size_t end, double* out) {
  const Dataset& data = job.data;
  const std::size_t k = job.theta.rows, cols = job.theta.cols;
  const double* theta = job.theta.values.data();
  alignas(64) double z[kLaneClasses * kSub];   // z_c, then e_c, then ∂L/∂z_c: class c at c·kSub
  alignas(64) double label[kSub], top[kSub], arg[kSub], gap[kSub], others[kSub], inv[kSub];
  double loss = 0.0;
  double* gradient = out + 2;
  if constexpr (G)
    for (std::size_t q = 0; q < k * cols; ++q) gradient[q] = 0.0;
  for (std::size_t from = begin; from < end; from += kSub) {
    const std::size_t n = std::min(kSub, end - from);
    const int* labels = data.labels.data() + from;
    for (std::size_t i = 0; i < n; ++i) label[i] = static_cast<double>(labels[i]);
    for (std::size_t c = 0; c < k; ++c) {          // z_c = θ_c0 + Σ_j θ_cj x_j
      double* zc = z + c * kSub;
      const double* row = theta + c * cols;
      for (std::size_t i = 0; i < n; ++i) zc[i] = row[0];
      add_columns(zc, data, row + 1, from, n);
    }
    for (std::size_t i = 0; i < n; ++i) {          // the first argmax, as std::max_element
      top[i] = z[i];
      arg[i] = 0.0;
    }
    for (std::size_t c = 1; c < k; ++c) {
      const double* zc = z + c * kSub;
      const double cf = static_cast<double>(c);
      for (std::size_t i = 0; i < n; ++i) {
        const bool above = zc[i] > top[i];
        top[i] = above ? zc[i] : top[i];
        arg[i] = above ? cf : arg[i];
      }
    }
    for (std::size_t i = 0; i < n; ++i) gap[i] = others[i] = 0.0;
    for (std::size_t c = 0; c < k; ++c) {          // z_a − z_y, then e_c in z_c's place, and Σ'
      double* zc = z + c * kSub;
      const double cf = static_cast<double>(c);
      for (std::size_t i = 0; i < n; ++i) {
        gap[i] += label[i] == cf ? top[i] - zc[i] : 0.0;
        const double e = exp_nonpositive(zc[i] - top[i]);
        zc[i] = e;
        others[i] += arg[i] == cf ? 0.0 : e;
      }
    }
    clear_log_tail(others, n);
    for (std::size_t i = 0; i < n; ++i) {
      loss += gap[i];
      inv[i] = 1.0 / (1.0 + others[i]);           // 1/S
    }
    loss += sum_log1p(others, n);                      // Σ log(1 + Σ'), a logarithm per 8 samples
    if constexpr (!G) continue;
    for (std::size_t c = 0; c < k; ++c) {          // ∂L/∂z_c in e_c's place, and its sums
      double* rc = z + c * kSub;
      const double cf = static_cast<double>(c);
      double g0 = 0.0;
      for (std::size_t i = 0; i < n; ++i) {
        const double e = rc[i];
        const double gap_y = arg[i] == cf ? others[i] : (1.0 + others[i]) - e;   // S − e_y
        const double r = label[i] == cf ? -gap_y * inv[i] : e * inv[i];
        rc[i] = r;
        g0 += r;
      }
      double* g = gradient + c * cols;
      g[0] += g0;
      add_column_sums(g + 1, rc, data, from, n);
    }
  }
  out[0] = loss;
  out[1] = 0.0;                                     // CCE is defined everywhere
}

// Sample by sample through softmax_sample: the squared error, or more classes than the lanes take.
void sample_block(const Job& job, std::size_t begin, std::size_t end, double* out) {
  const Dataset& data = job.data;
  const Params& theta = job.theta;
  const std::size_t k = theta.rows, cols = theta.cols, d = data.features();
  thread_local std::vector<double> x, z, y_hat, one_minus, r;   // kept: a pass allocates nothing
  x.assign(cols, 1.0);
  z.resize(k);
  y_hat.resize(k);
  one_minus.resize(k);
  r.resize(k);
  out[0] = out[1] = 0.0;
  double* gradient = out + 2;
  for (std::size_t q = 0; job.with_gradient && q < k * cols; ++q) gradient[q] = 0.0;
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

LL_INLINE void softmax_range(const Job& job, std::size_t first, std::size_t last) {
  const bool lanes = job.loss == Loss::CCE && job.theta.rows <= kLaneClasses;
  for (std::size_t b = first; b < last; ++b) {
    const std::size_t begin = b * kBlock, end = std::min(job.data.rows(), begin + kBlock);
    double* out = job.sums + b * job.stride;
    if (!lanes) sample_block(job, begin, end, out);
    else if (job.with_gradient) cce_block<true>(job, begin, end, out);
    else cce_block<false>(job, begin, end, out);
  }
}

// One per x86-64 level, as kernel.cpp's binary_range_*.
void softmax_range_base(const Job& job, std::size_t b, std::size_t e) { softmax_range(job, b, e); }
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
__attribute__((target("arch=x86-64-v3")))
void softmax_range_v3(const Job& job, std::size_t b, std::size_t e) { softmax_range(job, b, e); }
__attribute__((target("arch=x86-64-v4")))
void softmax_range_v4(const Job& job, std::size_t b, std::size_t e) { softmax_range(job, b, e); }
#endif

}  // namespace

RangeFn pick_softmax_range() {
  const int level = vector_level();
  (void)level;
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
  if (level >= 4) return softmax_range_v4;
  if (level >= 3) return softmax_range_v3;
#endif
  return softmax_range_base;
}

}  // namespace ll::kernel
