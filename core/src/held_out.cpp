#include "ll/held_out.h"

#include <cmath>
#include <string>

#include "ll/error.h"
#include "ll/number_format.h"
#include "ll/objective.h"
#include "ll/predict.h"
#include "ll/sampler.h"

namespace ll {
namespace {

// The samples `rows` (in order) of `data`, every other field as it is.
Dataset part(const Dataset& data, const std::vector<std::size_t>& rows) {
  Dataset out;
  out.name = data.name;
  out.feature_names = data.feature_names;
  out.class_names = data.class_names;
  out.columns.assign(data.features(), std::vector<double>(rows.size()));
  out.labels.resize(rows.size());
  for (std::size_t r = 0; r < rows.size(); ++r) {
    for (std::size_t j = 0; j < data.features(); ++j) out.columns[j][r] = data.columns[j][rows[r]];
    out.labels[r] = data.labels[rows[r]];
  }
  return out;
}

// A stream of its own for each class, apart from the training order's epochs (0, 1, …).
constexpr std::uint64_t kSplitStream = 0x7e57'0000'0000'0000ull;

}  // namespace

TrainTest split_train_test(const Dataset& data, double f, std::uint64_t seed) {
  if (!(f >= 0.0 && f <= kMostTestFraction))
    throw InputError("--test-fraction " + format_number(f) + ": choose a fraction from 0 to " +
                     format_number(kMostTestFraction) + " (a share of the samples held out for testing)");
  const std::size_t k = data.classes();
  std::vector<std::vector<std::size_t>> of_class(k);
  for (std::size_t i = 0; i < data.rows(); ++i) of_class[static_cast<std::size_t>(data.labels[i])].push_back(i);
  // in_test[i]: sample i is held out.
  std::vector<bool> in_test(data.rows(), false);
  std::size_t held = 0;
  for (std::size_t c = 0; c < k; ++c) {
    const std::size_t n = of_class[c].size();
    if (n == 0) continue;
    const std::size_t t = std::min(static_cast<std::size_t>(std::floor(f * static_cast<double>(n) + 0.5)), n - 1);
    const std::vector<std::size_t> order = epoch_permutation(n, seed, kSplitStream + c);
    for (std::size_t r = 0; r < t; ++r) in_test[of_class[c][order[r]]] = true;
    held += t;
  }
  if (f > 0.0 && held == 0)
    throw InputError("--test-fraction " + format_number(f) + " holds out no sample of '" + data.name + "' (" +
                     format_count(data.rows()) + " samples; each class keeps at least one for training): "
                     "choose a larger fraction, or 0 for none");
  std::vector<std::size_t> train_rows, test_rows;
  for (std::size_t i = 0; i < data.rows(); ++i) (in_test[i] ? test_rows : train_rows).push_back(i);
  TrainTest out{part(data, train_rows), part(data, test_rows)};
  out.train.notices = data.notices;
  return out;
}

TrainTest load_train_test(const DataOptions& options) {
  DataOptions raw = options;
  raw.standardize = false;
  TrainTest parts = split_train_test(load_dataset(raw), options.test_fraction, options.split_seed);
  if (options.standardize) {
    standardize(parts.train);
    standardize_with(parts.test, parts.train.feature_mean, parts.train.feature_stddev);
  }
  return parts;
}

Score score_on(const Dataset& data, const Params& theta, const Settings& s) {
  if (data.rows() == 0) return {std::nan(""), std::nan("")};
  return {objective_at(data, theta, s, false).data_loss, accuracy(data, theta, s.activation)};
}

std::vector<std::size_t> confusion_matrix(const Dataset& data, const Params& theta, Activation activation) {
  const std::size_t k = data.classes();
  std::vector<std::size_t> counts(k * k, 0);
  for (std::size_t i = 0; i < data.rows(); ++i)
    ++counts[static_cast<std::size_t>(data.labels[i]) * k + static_cast<std::size_t>(predict(data, i, theta, activation))];
  return counts;
}

}  // namespace ll
