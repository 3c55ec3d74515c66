// The full-data pass: Σ L_i and Σ ∂L_i/∂θ over every sample, at one θ.
//
// Compiled with -O3 -ffast-math (see core/CMakeLists.txt) so that the loops below run on the vector
// units with glibc's vector exp/log1p/tanh. Samples are taken in fixed blocks; each block is summed
// on its own and the block sums are added in block order, so the result does not depend on how
// many threads ran. The formulas are those of chain.cpp, one loop per quantity.
#include "ll/kernel.h"

#include <algorithm>
#include <cmath>
#include <thread>
#include <vector>

namespace ll {
namespace {

constexpr std::size_t kBlock = 2048;
constexpr std::size_t kParallelFrom = 32768;  // below this many samples one thread is faster

struct BlockSum {
  double loss = 0.0;
  std::size_t undefined = 0;
  std::vector<double> gradient;  // P entries
};

enum class Combo { SigmoidBce, SigmoidMse, TanhBce, TanhMse };

// One block of a binary model (one row of θ). z = θ₀ + Σ_j θ_j x_j; r = ∂L/∂z.
template <Combo C>
void binary_block(const Dataset& data, const double* theta, std::size_t begin, std::size_t end,
                  bool with_gradient, BlockSum& out) {
  const std::size_t n = end - begin;
  const std::size_t d = data.features();
  double z[kBlock], y[kBlock], r[kBlock], L[kBlock];
  const int* labels = data.labels.data() + begin;
  for (std::size_t i = 0; i < n; ++i) { z[i] = theta[0]; y[i] = static_cast<double>(labels[i]); }
  for (std::size_t j = 0; j < d; ++j) {
    const double* x = data.columns[j].data() + begin;
    const double w = theta[j + 1];
    for (std::size_t i = 0; i < n; ++i) z[i] += w * x[i];
  }
  std::size_t undefined = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const double zi = z[i], yi = y[i];
    if constexpr (C == Combo::SigmoidBce || C == Combo::SigmoidMse) {
      const double t = std::exp(-std::fabs(zi));          // e^−|z| ≤ 1
      const double y_hat = (zi >= 0 ? 1.0 : t) / (1.0 + t);  // σ(z)
      if constexpr (C == Combo::SigmoidBce) {
        L[i] = std::fmax(zi, 0.0) + std::log1p(t) - yi * zi;  // softplus(z) − y z
        r[i] = y_hat - yi;                                    // ŷ − y
      } else {
        const double diff = y_hat - yi;
        L[i] = diff * diff;                                   // (ŷ − y)²
        r[i] = 2.0 * diff * (t / ((1.0 + t) * (1.0 + t)));    // 2(ŷ − y)·ŷ(1 − ŷ)
      }
    } else {
      const double y_hat = std::tanh(zi);
      if constexpr (C == Combo::TanhBce) {
        const bool ok = y_hat > 0.0;                          // log ŷ needs ŷ > 0
        const double safe = ok ? y_hat : 1.0;
        const double t = std::exp(-std::fabs(2.0 * zi));
        const double softplus_2z = std::fmax(2.0 * zi, 0.0) + std::log1p(t);
        const double loss = yi > 0.5 ? -std::log(safe) : softplus_2z - 0.6931471805599453;
        L[i] = ok ? loss : 0.0;
        r[i] = ok ? (y_hat - yi) * (1.0 + y_hat) / safe : 0.0;  // (ŷ − y)(1 + ŷ)/ŷ
        undefined += ok ? 0 : 1;
      } else {
        const double diff = y_hat - yi;
        L[i] = diff * diff;
        r[i] = 2.0 * diff * ((1.0 - y_hat) * (1.0 + y_hat));    // 2(ŷ − y)(1 − ŷ²)
      }
    }
  }
  double loss = 0.0;
  for (std::size_t i = 0; i < n; ++i) loss += L[i];
  out.loss = loss;
  out.undefined = undefined;
  if (!with_gradient) return;
  out.gradient.assign(d + 1, 0.0);
  double g0 = 0.0;
  for (std::size_t i = 0; i < n; ++i) g0 += r[i];
  out.gradient[0] = g0;
  for (std::size_t j = 0; j < d; ++j) {
    const double* x = data.columns[j].data() + begin;
    double g = 0.0;
    for (std::size_t i = 0; i < n; ++i) g += r[i] * x[i];
    out.gradient[j + 1] = g;
  }
}

// One block of softmax regression (K rows of θ), sample by sample.
void softmax_block(const Dataset& data, const Params& theta, Loss loss, std::size_t begin,
                   std::size_t end, bool with_gradient, BlockSum& out) {
  const std::size_t k = theta.rows, cols = theta.cols, d = data.features();
  std::vector<double> x(cols, 1.0), z(k), y_hat(k), r(k);
  if (with_gradient) out.gradient.assign(k * cols, 0.0);
  for (std::size_t i = begin; i < end; ++i) {
    for (std::size_t j = 0; j < d; ++j) x[j + 1] = data.columns[j][i];
    const auto label = static_cast<std::size_t>(data.labels[i]);
    double top = -HUGE_VAL;
    for (std::size_t c = 0; c < k; ++c) {
      double s = 0.0;
      for (std::size_t j = 0; j < cols; ++j) s += theta.values[c * cols + j] * x[j];
      z[c] = s;
      top = std::max(top, s);
    }
    double sum = 0.0;
    for (std::size_t c = 0; c < k; ++c) { y_hat[c] = std::exp(z[c] - top); sum += y_hat[c]; }
    for (std::size_t c = 0; c < k; ++c) y_hat[c] /= sum;
    if (loss == Loss::CCE) {
      out.loss += top + std::log(sum) - z[label];                      // log Σe^z − z_y
      for (std::size_t c = 0; c < k; ++c) r[c] = y_hat[c] - (c == label ? 1.0 : 0.0);  // ŷ − y
    } else {
      // L = Σ (ŷ_c − y_c)²; ∂L/∂z_b = Σ_a 2(ŷ_a − y_a) ŷ_a (δ_ab − ŷ_b)
      double weighted = 0.0;
      for (std::size_t c = 0; c < k; ++c) {
        const double diff = y_hat[c] - (c == label ? 1.0 : 0.0);
        out.loss += diff * diff;
        weighted += 2.0 * diff * y_hat[c];
      }
      for (std::size_t c = 0; c < k; ++c) {
        const double diff = y_hat[c] - (c == label ? 1.0 : 0.0);
        r[c] = 2.0 * diff * y_hat[c] - y_hat[c] * weighted;
      }
    }
    if (with_gradient)
      for (std::size_t c = 0; c < k; ++c)
        for (std::size_t j = 0; j < cols; ++j) out.gradient[c * cols + j] += r[c] * x[j];
  }
}

void run_block(const Dataset& data, const Params& theta, Activation activation, Loss loss,
               std::size_t block, bool with_gradient, BlockSum& out) {
  const std::size_t begin = block * kBlock, end = std::min(data.rows(), begin + kBlock);
  const double* t = theta.values.data();
  if (activation == Activation::Softmax) softmax_block(data, theta, loss, begin, end, with_gradient, out);
  else if (activation == Activation::Sigmoid && loss == Loss::BCE)
    binary_block<Combo::SigmoidBce>(data, t, begin, end, with_gradient, out);
  else if (activation == Activation::Sigmoid)
    binary_block<Combo::SigmoidMse>(data, t, begin, end, with_gradient, out);
  else if (loss == Loss::BCE)
    binary_block<Combo::TanhBce>(data, t, begin, end, with_gradient, out);
  else
    binary_block<Combo::TanhMse>(data, t, begin, end, with_gradient, out);
}

}  // namespace

DataPass full_pass(const Dataset& data, const Params& theta, Activation activation, Loss loss,
                   bool with_gradient) {
  const std::size_t blocks = (data.rows() + kBlock - 1) / kBlock;
  std::vector<BlockSum> sums(blocks);
  std::size_t threads = 1;
  if (data.rows() >= kParallelFrom)
    threads = std::min<std::size_t>(blocks, std::max(1u, std::thread::hardware_concurrency()));
  // Thread t takes a contiguous run of blocks; each block's sum lands in its own slot.
  auto work = [&](std::size_t t) {
    const std::size_t first = blocks * t / threads, last = blocks * (t + 1) / threads;
    for (std::size_t b = first; b < last; ++b)
      run_block(data, theta, activation, loss, b, with_gradient, sums[b]);
  };
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(work, t);
  work(0);
  for (std::thread& th : pool) th.join();

  DataPass pass;
  if (with_gradient) pass.gradient_sum = Params(theta.rows, theta.cols, 0.0);
  for (const BlockSum& s : sums) {
    pass.loss_sum += s.loss;
    pass.undefined += s.undefined;
    if (with_gradient)
      for (std::size_t p = 0; p < s.gradient.size(); ++p) pass.gradient_sum.values[p] += s.gradient[p];
  }
  return pass;
}

}  // namespace ll
