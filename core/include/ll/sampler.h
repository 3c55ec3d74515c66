#pragma once
// Which samples each step uses. Samples are drawn as a stream: position p (0-based, counting every
// sample drawn so far) falls in epoch p / N at slot p % N. In order, slot s is sample s; shuffled,
// it is sample perm_e[s], where perm_e is a permutation made from (seed, epoch) alone, so any
// step's batch can be made again without replaying the ones before it.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace ll {

enum class BatchMode { Batch, MiniBatch, Stochastic };
enum class Order { Sequential, Shuffle };

std::string_view name(BatchMode m);   // "batch", "minibatch", "stochastic"
std::string_view name(Order o);       // "sequential", "shuffle"
std::optional<BatchMode> parse_batch_mode(std::string_view s);
std::optional<Order> parse_order(std::string_view s);

// The permutation of 0 … n−1 used in (0-based) epoch `epoch`: Fisher–Yates driven by a
// SplitMix64 stream seeded from (seed, epoch). Same numbers on every platform.
std::vector<std::size_t> epoch_permutation(std::size_t n, std::uint64_t seed, std::uint64_t epoch);
// The same into perm, reusing its storage.
void fill_epoch_permutation(std::size_t n, std::uint64_t seed, std::uint64_t epoch, std::vector<std::size_t>& perm);

class Sampler {
 public:
  // The `size` samples at positions position … position+size−1, wrapping into the next epoch.
  std::vector<std::size_t> batch(std::uint64_t position, std::size_t size, std::size_t n,
                                 Order order, std::uint64_t seed);
  // The same into out, reusing its storage.
  void batch(std::uint64_t position, std::size_t size, std::size_t n, Order order, std::uint64_t seed,
             std::vector<std::size_t>& out);

 private:
  std::size_t sample_at(std::uint64_t position, std::size_t n, Order order, std::uint64_t seed);
  // The last epoch's permutation, kept so that stochastic steps do not rebuild it each time.
  std::vector<std::size_t> cached_;
  std::size_t cached_n_ = 0;
  std::uint64_t cached_seed_ = 0, cached_epoch_ = 0;
  bool cache_valid_ = false;
};

}  // namespace ll
