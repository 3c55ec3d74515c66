#pragma once
// Held-out data (--test-fraction): a stratified, seeded split of a data set into the part the
// steps train on and a test part they never see, and what a θ scores on either part.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "ll/dataset.h"
#include "ll/params.h"
#include "ll/settings.h"

namespace ll {

// The largest test fraction: at least a tenth of the data stays for training.
constexpr double kMostTestFraction = 0.9;

struct TrainTest {
  Dataset train, test;
};

// Each class c of n_c samples gives round(f·n_c) of them to the test part (at most n_c − 1: every
// class keeps a training sample), chosen by a Fisher–Yates permutation seeded from (seed, c)
// (ll/sampler.h: the same on every platform); both parts keep the samples' order. Throws
// InputError naming --test-fraction when f is not in [0, kMostTestFraction] or holds out nothing.
// The data are split as given: standardize afterwards (load_train_test does).
TrainTest split_train_test(const Dataset& data, double fraction, std::uint64_t seed);

// The data set of `options` split by options.test_fraction (DataOptions): the data loaded
// unstandardized, split, then, with options.standardize, the training part standardized and the
// test part scaled with the training part's means and spreads (the test part tells the model
// nothing, not even its mean). With a fraction of 0 the test part is empty.
TrainTest load_train_test(const DataOptions& options);

// What θ scores on a data set: the mean (or summed, as s.reduction says) loss of its samples, the
// data term of J alone (the L2 penalty is about θ, not about the data), NaN where undefined; and
// the fraction predicted right.
struct Score {
  double loss = 0.0;
  double accuracy = 0.0;
};
Score score_on(const Dataset& data, const Params& theta, const Settings& s);

// counts[t·K + p]: the samples of class t predicted as class p (K = data.classes()).
std::vector<std::size_t> confusion_matrix(const Dataset& data, const Params& theta, Activation activation);

}  // namespace ll
