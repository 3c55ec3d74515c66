#pragma once
// The trainer's history in bounded memory. Steps are reproducible from the settings, the seed and
// θ, so the history keeps every step in full only for its latest stretch (the tail, up to 2·kTail
// steps); before it, θ and v at checkpoints (every kMostBetween steps, sooner where steps cost
// more to recompute) and the few inputs a step cannot work out again (where the settings changed,
// which steps had a hand-picked batch). A step before the tail is recomputed from the checkpoint
// before it, a block at a time, bit for bit as it was taken: 10,000,000 steps of iris4 keep about
// 2 MiB instead of 1.2 GB, and any past step is a block's replay away (well under a frame).
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <utility>
#include <vector>

namespace ll {

// A loss that is not defined (tanh + BCE at ŷ ≤ 0) is NaN in a HistoryEntry, none in a record.
inline constexpr double kUndefined = std::numeric_limits<double>::quiet_NaN();
inline std::optional<double> as_optional(double v) { return std::isnan(v) ? std::nullopt : std::optional<double>(v); }

// What the history knows of a step.
struct HistoryEntry {
  std::uint64_t position = 0;        // sampler position before the step
  std::uint32_t segment = 0;         // the settings in force (the trainer's segments)
  std::int32_t explicit_batch = -1;  // index of its hand-picked batch, or −1: the sampler's
  double batch_loss = 0.0;
  double loss_before = 0.0, loss_after = 0.0;  // the data-set loss J; NaN: undefined
  double data_loss_after = 0.0;                // loss_after's data term (λ > 0: without the penalty)
  double gradient_norm = 0.0;
  bool losses_known = true;          // false: the step left the data-set loss out
};

// A step as recomputed: its entry and the state after it.
struct ReplayedStep {
  HistoryEntry entry;
  std::vector<double> theta, velocity;
};

class History {
 public:
  // Recomputes step k (1-based) from the state after k − 1 steps: its segment and hand-picked
  // batch index, the entry of step k − 1 (none for k = 1), θ and v before it.
  using Replay = std::function<ReplayedStep(std::size_t k, std::uint32_t segment, std::int32_t explicit_batch,
                                            const HistoryEntry* previous, const std::vector<double>& theta,
                                            const std::vector<double>& velocity)>;
  static constexpr std::size_t kTail = 32'768;        // steps kept in full: at least this many
  static constexpr std::size_t kMostBetween = 1024;   // steps between two checkpoints, at most
  // What a block's replay may cost: samples × parameters visited (about a millisecond).
  static constexpr double kReplayBudget = 262'144.0;

  History(std::vector<double> theta0, Replay replay);

  std::size_t size() const { return tail_start_ + tail_.size(); }   // steps
  HistoryEntry entry(std::size_t k) const;                          // step k, 1-based
  // θ and v after `step` steps (0: θ₀ and zeros).
  void state(std::size_t step, std::vector<double>& theta, std::vector<double>& velocity) const;
  std::vector<double> theta(std::size_t step) const;

  // Step size() + 1; `cost`: what recomputing it costs, in samples × parameters.
  void append(const HistoryEntry& entry, const std::vector<double>& theta, const std::vector<double>& velocity,
              double cost);
  // Keeps the first `steps` steps only.
  void truncate(std::size_t steps);
  // The data-set losses of step k, worked out later (kept if the step is in the tail).
  void set_losses(std::size_t k, double before, double after, double data_after);
  // The memory held, in bytes (what the memory test and the README's figure count).
  std::size_t bytes() const;

 private:
  struct Checkpoint {
    std::size_t step;                  // the state after this many steps
    HistoryEntry entry;                // of that step (unused for step 0)
    std::vector<double> theta, velocity;
  };
  std::uint32_t segment_of(std::size_t k) const;
  std::int32_t explicit_of(std::size_t k) const;
  // The block that holds step k's state (base ≤ k ≤ end), replayed into the cache.
  void load_block(std::size_t k, bool for_entry) const;
  void add_checkpoint(std::size_t step, const HistoryEntry& entry, const std::vector<double>& theta,
                      const std::vector<double>& velocity);

  std::size_t params_;
  Replay replay_;
  std::vector<Checkpoint> checkpoints_;                       // by step; the first is step 0
  std::vector<std::pair<std::size_t, std::uint32_t>> segment_starts_;  // (first step, segment)
  std::vector<std::pair<std::size_t, std::int32_t>> explicit_steps_;   // (step, batch index)
  double cost_since_checkpoint_ = 0.0;

  // The tail: steps tail_start_ + 1 … size(), in full; the states after tail_start_ … size().
  std::size_t tail_start_ = 0;
  std::vector<HistoryEntry> tail_;
  std::vector<double> tail_thetas_, tail_velocities_;

  // The last block replayed: states after cache_base_ … cache_base_ + cache_entries_.size().
  mutable std::size_t cache_base_ = 0;
  mutable std::vector<HistoryEntry> cache_entries_;
  mutable std::vector<double> cache_thetas_, cache_velocities_;
  mutable bool cache_valid_ = false;
};

}  // namespace ll
