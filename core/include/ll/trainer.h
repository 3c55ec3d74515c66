#pragma once
// Gradient descent one step at a time, with a full record of each step and a history that can be
// stepped back and forward. All randomness comes from the settings' seed: the same settings give
// the same steps, bit for bit.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "ll/activation.h"
#include "ll/chain.h"
#include "ll/dataset.h"
#include "ll/loss.h"
#include "ll/params.h"
#include "ll/run_watch.h"
#include "ll/sampler.h"
#include "ll/settings.h"

namespace ll {

class History;          // core/src/history.h: the steps, in bounded memory
struct HistoryEntry;

enum class StepStatus { Ok, Refused, Diverged };
std::string_view name(StepStatus s);   // "ok", "refused", "diverged"

struct StepRecord {
  std::size_t step = 0;                // 1-based: one step = one parameter update
  std::size_t epoch = 0;               // 1-based pass over the data the batch was drawn in
  std::vector<std::size_t> batch;      // 0-based sample numbers (see full_batch)
  std::size_t m = 0;                   // samples in the batch
  // All N samples in order. A full-batch record made without samples leaves `batch` empty rather
  // than list N numbers (at N = 1,000,000 that list would cost a third of the step).
  bool full_batch = false;
  bool explicit_batch = false;         // chosen by hand rather than by the sampler
  Settings settings;                   // in force for this step
  Params theta_before;
  std::vector<SampleChain> samples;    // the batch's chains (empty if not asked for)
  // The losses are J under the settings' conventions (ll/conventions.h): by default the mean
  // 1/m Σ L_i, and with λ > 0 the data term plus the penalty (λ/2)‖w‖².
  double batch_loss = 0.0;             // J over the batch at θ before
  double batch_data_loss = 0.0;        // its data term (equals batch_loss when λ = 0)
  Params gradient;                     // ∇J: 1/m Σ ∂L_i/∂θ (+ λw)
  // With λ > 0 the two terms of the gradient (gradient = data_gradient + penalty_gradient);
  // empty when λ = 0.
  Params data_gradient, penalty_gradient;
  Params velocity;                     // v after the step (equals the gradient when β = 0)
  Params theta_after;
  std::optional<double> loss_before;   // J over the whole data set (none: undefined, or
  std::optional<double> loss_after;    // not computed: see data_loss_known)
  std::optional<double> data_loss_before, data_loss_after;   // their data terms
  double penalty_before = 0.0, penalty_after = 0.0;          // (λ/2)‖w‖² at θ before / after
  bool data_loss_known = true;         // false: step(…, false) left the data-set loss out
  StepStatus status = StepStatus::Ok;
  std::string message;                 // why a step was refused or diverged, in plain words
  // A notice about the run, in plain words, on the step where it first held (the step is Ok and
  // the run goes on): e.g. the classes are linearly separable and ‖θ‖ grows without bound. Said
  // once per settings segment; record(k) and a replay of step k carry it again.
  std::string notice;
};

// What the history keeps of every step: θ and the losses, never the per-sample chains.
struct StepSummary {
  std::size_t step = 0, epoch = 0;
  double batch_loss = 0.0;
  std::optional<double> loss_before, loss_after;   // none: undefined, or not computed yet
  std::optional<double> data_loss_after;           // the data term of loss_after (λ > 0)
  bool data_loss_known = true;         // false: loss_at(step) computes it
  double gradient_norm = 0.0;
  std::size_t settings_index = 0;      // changes where the settings changed (see settings_at)
};

// The data-set loss costs a pass over all N samples, as much as a whole batch step. A stochastic
// or mini-batch step on a data set of more than kEagerLossRows samples leaves it out when asked
// to (step(…, false)), except every kLossCheckSteps steps, where the divergence rule and the
// separable-data watch (run_watch.h) look at it. (A batch step's pass gives it for free.)
constexpr std::size_t kEagerLossRows = 65'536;
constexpr std::size_t kLossCheckSteps = kWatchWindow;

class Trainer {
 public:
  // Throws InputError if the settings do not fit the data or θ has the wrong shape.
  Trainer(std::shared_ptr<const Dataset> data, const Settings& settings, const Params& theta0);
  ~Trainer();
  Trainer(const Trainer&) = delete;             // its history replays steps through this trainer
  Trainer& operator=(const Trainer&) = delete;

  const Dataset& data() const { return *data_; }
  std::shared_ptr<const Dataset> data_ptr() const { return data_; }
  const Settings& settings() const { return segments_[current_segment_]; }
  const Settings& settings_at(std::size_t settings_index) const { return segments_[settings_index]; }
  std::size_t settings_index() const { return current_segment_; }

  // New settings apply from the next step; the history is kept. θ's shape cannot change
  // (switching to or from softmax needs a new Trainer). Throws InputError.
  void set_settings(const Settings& settings);
  // The next step uses these 0-based samples instead of the sampler's. Throws InputError.
  void set_next_batch(const std::vector<std::size_t>& samples);
  void clear_next_batch() { next_batch_.clear(); }
  const std::vector<std::size_t>& next_batch() const { return next_batch_; }

  // Takes one step from the current position. A refused or diverged step changes nothing; its
  // record says why. From a past step (after step_back or seek), a step with unchanged inputs
  // replays the kept history; anything changed starts a new branch and drops the old future.
  // with_data_loss false: the data-set loss may be left out (see kEagerLossRows): the record's
  // data_loss_known says whether it was; loss_at() computes it later where it is needed.
  StepRecord step(bool with_samples = true, bool with_data_loss = true);
  // The same into `rec`, reusing its storage: without samples, a stochastic or mini-batch step in
  // the steady state allocates nothing (tests/alloc/), so a million steps cost their arithmetic.
  void step(StepRecord& rec, bool with_samples = true, bool with_data_loss = true);
  // From a past step: true if the next step() would replay the kept future (nothing that defines
  // it changed), false if it would start a new branch and drop the later steps. At the end of the
  // history there is nothing to drop: true.
  bool next_step_keeps_future() const;
  bool step_back();                    // false at step 0
  void seek(std::size_t step);         // 0 … history_size()
  std::size_t current_step() const { return cursor_; }
  std::size_t history_size() const;
  // The memory the history holds, in bytes: it grows with steps / 1024 and a tail of the latest
  // steps, not with every step (core/src/history.h).
  std::size_t history_bytes() const;
  // How many times a new branch dropped kept steps: while it stays the same, the history only
  // grew at its end, so whatever was read of its first steps still holds.
  std::size_t branches() const { return branches_; }

  // θ after `step` steps (0: θ₀), the current θ, and the kept summary of step k (1-based).
  Params theta_at(std::size_t step) const;
  Params theta() const { return theta_at(cursor_); }
  StepSummary summary(std::size_t k) const;
  // Mean loss over the data set at θ after `step` steps (none: undefined). If the step left it
  // out, one pass over the data computes it now (and the history keeps it).
  std::optional<double> loss_at(std::size_t step) const;
  // Its data term: the same without the L2 penalty (equal to loss_at when λ = 0).
  std::optional<double> data_loss_at(std::size_t step) const;
  // The full record of step k (1-based), recomputed from the kept θ: identical to the one step()
  // returned.
  StepRecord record(std::size_t k, bool with_samples = true) const;
  // The last refused or diverged step, if the latest step() failed.
  const std::optional<StepRecord>& failure() const { return failure_; }

 private:
  struct StepInputs {
    std::uint64_t position = 0;
    std::size_t segment = 0;
    std::vector<std::size_t> explicit_batch;   // empty: the sampler's
  };
  // J and its data term (NaN: undefined).
  struct Losses {
    double total, data;
  };
  // A full-data pass at θ after `state` steps, under one objective (same_objective).
  struct KnownPass {
    std::size_t state;
    Settings objective;
    Losses losses;
    Params data_gradient;              // reduced over the data set; empty if not computed
  };
  // Step from + 1 from θ and v after `from` steps; `previous`: the entry of step `from` (none at 0).
  // Into rec (every field set, its storage reused).
  void compute(std::size_t from, const StepInputs& in, bool with_samples, std::optional<KnownPass>* next_pass,
               bool with_data_loss, const std::vector<double>& theta, const std::vector<double>& velocity,
               const HistoryEntry* previous, StepRecord& rec) const;
  void compute_from_history(std::size_t from, const StepInputs& in, bool with_samples,
                            std::optional<KnownPass>* next_pass, bool with_data_loss, StepRecord& rec) const;
  StepInputs inputs_of(std::size_t k) const;
  std::uint64_t position_after(std::size_t steps) const;
  std::uint64_t next_position(const HistoryEntry& e) const;   // the sampler's position after step e
  HistoryEntry entry_of(const StepRecord& rec, const StepInputs& in) const;
  KnownPass pass_at(std::size_t state, const Params& theta, const Settings& s, bool gradient) const;
  std::optional<Losses> loss_before_known(const HistoryEntry* previous, const Settings& s) const;
  std::string watch();                 // a new notice at the current step, if one holds (run_watch.h)
  std::string notice_at(std::size_t k) const;

  struct Notice {
    std::size_t step;                  // 1-based step whose record carries it
    std::size_t segment;
    std::string text;
  };

  std::shared_ptr<const Dataset> data_;
  std::vector<Settings> segments_;
  std::size_t current_segment_ = 0;
  std::vector<double> segment_reference_loss_;  // loss where a segment began (divergence rule)
  // Mutable: loss_at() fills in a data-set loss a step left out, and a step before the history's
  // tail is replayed (the only changes a const call makes).
  std::unique_ptr<History> history_;
  std::vector<std::vector<std::size_t>> explicit_batches_;
  Losses initial_loss_{0.0, 0.0};    // J at θ₀ under segment 0 (NaN: undefined)
  std::size_t cursor_ = 0;
  std::vector<std::size_t> next_batch_;
  std::optional<StepRecord> failure_;
  Params shape_;                     // θ's shape (values unused)
  mutable Sampler sampler_;
  std::optional<KnownPass> known_pass_;  // the last full-data pass, reused by the next step
  std::vector<Notice> notices_;      // by step; a new branch drops those past its start
  // Storage a step reuses (no allocation per step): θ and v before it, the chains of a step
  // computed without samples.
  mutable std::vector<double> state_theta_, state_velocity_;
  mutable std::vector<SampleChain> chain_scratch_;
  std::size_t branches_ = 0;
};

}  // namespace ll
