#include "ll/sampler.h"

namespace ll {

std::string_view name(BatchMode m) {
  switch (m) {
    case BatchMode::Batch: return "batch";
    case BatchMode::MiniBatch: return "minibatch";
    case BatchMode::Stochastic: return "stochastic";
  }
  return "?";
}

std::string_view name(Order o) { return o == Order::Sequential ? "sequential" : "shuffle"; }

std::optional<BatchMode> parse_batch_mode(std::string_view s) {
  for (BatchMode m : {BatchMode::Batch, BatchMode::MiniBatch, BatchMode::Stochastic})
    if (name(m) == s) return m;
  return std::nullopt;
}

std::optional<Order> parse_order(std::string_view s) {
  for (Order o : {Order::Sequential, Order::Shuffle})
    if (name(o) == s) return o;
  return std::nullopt;
}

namespace {

std::uint64_t splitmix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

// An unbiased integer in [0, bound): rejection on the top of the 64-bit range.
std::uint64_t below(std::uint64_t bound, std::uint64_t& state) {
  const std::uint64_t limit = UINT64_MAX - UINT64_MAX % bound;
  std::uint64_t r;
  do r = splitmix64(state); while (r >= limit);
  return r % bound;
}

}  // namespace

std::vector<std::size_t> epoch_permutation(std::size_t n, std::uint64_t seed, std::uint64_t epoch) {
  std::vector<std::size_t> perm;
  fill_epoch_permutation(n, seed, epoch, perm);
  return perm;
}

void fill_epoch_permutation(std::size_t n, std::uint64_t seed, std::uint64_t epoch, std::vector<std::size_t>& perm) {
  perm.resize(n);
  for (std::size_t i = 0; i < n; ++i) perm[i] = i;
  std::uint64_t state = seed ^ (epoch * 0xD1B54A32D192ED03ULL);
  splitmix64(state);  // decorrelate neighbouring seeds
  for (std::size_t i = n; i > 1; --i) {
    const std::size_t j = static_cast<std::size_t>(below(i, state));
    std::swap(perm[i - 1], perm[j]);
  }
}

std::size_t Sampler::sample_at(std::uint64_t position, std::size_t n, Order order, std::uint64_t seed) {
  const std::uint64_t epoch = position / n;
  const std::size_t slot = static_cast<std::size_t>(position % n);
  if (order == Order::Sequential) return slot;
  if (!cache_valid_ || cached_n_ != n || cached_seed_ != seed || cached_epoch_ != epoch) {
    fill_epoch_permutation(n, seed, epoch, cached_);
    cached_n_ = n;
    cached_seed_ = seed;
    cached_epoch_ = epoch;
    cache_valid_ = true;
  }
  return cached_[slot];
}

std::vector<std::size_t> Sampler::batch(std::uint64_t position, std::size_t size, std::size_t n,
                                        Order order, std::uint64_t seed) {
  std::vector<std::size_t> out;
  batch(position, size, n, order, seed, out);
  return out;
}

void Sampler::batch(std::uint64_t position, std::size_t size, std::size_t n, Order order, std::uint64_t seed,
                    std::vector<std::size_t>& out) {
  out.resize(size);
  for (std::size_t k = 0; k < size; ++k) out[k] = sample_at(position + k, n, order, seed);
}

}  // namespace ll
