#include "ll/dataset.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <new>

#include "ll/error.h"
#include "ll/number_format.h"

namespace ll {

void Dataset::augmented(std::size_t i, std::vector<double>& x) const {
  x.resize(features() + 1);
  x[0] = 1.0;
  for (std::size_t j = 0; j < features(); ++j) x[j + 1] = columns[j][i];
}

std::vector<double> Dataset::augmented(std::size_t i) const {
  std::vector<double> x;
  augmented(i, x);
  return x;
}

namespace {

std::string list(const std::vector<std::size_t>& v) {
  std::string s;
  for (std::size_t x : v) s += (s.empty() ? "" : ",") + std::to_string(x);
  return s;
}

}  // namespace

Dataset select(const Dataset& data, const std::vector<std::size_t>& features,
               const std::vector<std::size_t>& classes) {
  Dataset out;
  out.name = data.name;
  out.notices = data.notices;
  for (std::size_t f : features) {
    if (f < 1 || f > data.features())
      throw InputError("--features: column " + std::to_string(f) + " does not exist; '" +
                       data.name + "' has features 1 to " + std::to_string(data.features()));
    if (std::count(features.begin(), features.end(), f) > 1)
      throw InputError("--features: column " + std::to_string(f) + " is listed twice");
    out.feature_names.push_back(data.feature_names[f - 1]);
  }
  for (std::size_t c : classes) {
    if (c < 1 || c > data.classes())
      throw InputError("--classes: class " + std::to_string(c) + " does not exist; '" + data.name +
                       "' has classes 1 to " + std::to_string(data.classes()));
    if (std::count(classes.begin(), classes.end(), c) > 1)
      throw InputError("--classes: class " + std::to_string(c) + " is listed twice");
    out.class_names.push_back(data.class_names[c - 1]);
  }
  if (!classes.empty() && classes.size() < 2)
    throw InputError("--classes " + list(classes) + ": a classifier needs at least two classes");
  if (classes.empty()) out.class_names = data.class_names;

  out.columns.assign(features.size(), {});
  for (std::size_t i = 0; i < data.rows(); ++i) {
    int label = data.labels[i];
    if (!classes.empty()) {
      const auto it = std::find(classes.begin(), classes.end(), static_cast<std::size_t>(label + 1));
      if (it == classes.end()) continue;
      label = static_cast<int>(it - classes.begin());
    }
    for (std::size_t j = 0; j < features.size(); ++j) out.columns[j].push_back(data.x(i, features[j] - 1));
    out.labels.push_back(label);
  }
  return out;
}

void standardize(Dataset& data) {
  const double n = static_cast<double>(data.rows());
  data.feature_mean.assign(data.features(), 0.0);
  data.feature_stddev.assign(data.features(), 1.0);
  for (std::size_t j = 0; j < data.features(); ++j) {
    std::vector<double>& col = data.columns[j];
    double mean = 0.0;
    for (double v : col) mean += v;
    mean /= n;
    if (!std::isfinite(mean)) {  // the sum overflowed (values near 1e308): sum them scaled
      double largest = 0.0;
      for (double v : col) largest = std::max(largest, std::abs(v));
      double scaled = 0.0;
      for (double v : col) scaled += v / largest;
      mean = largest * (scaled / n);
    }
    // σ = sqrt(1/n Σ (x − mean)²). Squares of deviations below 1e-150 underflow and above 1e150
    // overflow, so such a column is scaled by its largest deviation d first:
    // σ = d · sqrt(1/n Σ ((x − mean)/d)²). Only a column whose deviations are all 0 is constant.
    double deviation = 0.0;
    for (double v : col) deviation = std::max(deviation, std::abs(v - mean));
    double sd = 0.0;
    if (deviation > 1e-150 && deviation < 1e150) {
      double var = 0.0;
      for (double v : col) var += (v - mean) * (v - mean);
      sd = std::sqrt(var / n);
    } else if (deviation > 0.0 && std::isfinite(deviation)) {
      double var = 0.0;
      for (double v : col) var += ((v - mean) / deviation) * ((v - mean) / deviation);
      sd = deviation * std::sqrt(var / n);
    } else {
      sd = deviation;  // 0: constant; ∞: the deviations themselves overflow
    }
    const std::string feature = "--standardize: feature " + std::to_string(j + 1) + " ('" +
                                data.feature_names[j] + "') of '" + data.name + "'";
    if (!std::isfinite(sd))
      throw InputError(feature + " has values too large to scale (their spread overflows); "
                       "leave it out with --features or turn standardize off");
    if (!(sd > 0.0))  // x' = (x − mean) / stddev would divide by 0
      throw InputError(feature + " has the same value (" + format_number(col.empty() ? 0.0 : col[0]) +
                       ") in every sample, so it cannot be scaled to unit spread; leave it out "
                       "with --features or turn standardize off");
    for (double& v : col) v = (v - mean) / sd;
    data.feature_mean[j] = mean;
    data.feature_stddev[j] = sd;
  }
  data.standardized = true;
}

void standardize_with(Dataset& data, const std::vector<double>& mean, const std::vector<double>& stddev) {
  for (std::size_t j = 0; j < data.features(); ++j)
    for (double& v : data.columns[j]) v = (v - mean[j]) / stddev[j];
  data.feature_mean = mean;
  data.feature_stddev = stddev;
  data.standardized = true;
}

namespace {

// A feature is constant when every sample has its first sample's value.
std::vector<bool> constant_features(const Dataset& data) {
  std::vector<bool> constant(data.features(), true);
  for (std::size_t j = 0; j < data.features(); ++j) {
    const std::vector<double>& col = data.columns[j];
    constant[j] = std::all_of(col.begin(), col.end(), [&](double v) { return v == col[0]; });
  }
  return constant;
}

}  // namespace

// With the same x in every sample, ∂L/∂w_j = x_j · ∂L/∂b summed over the batch: each weight moves
// in lockstep with the bias, and z = b + w·x is one number shared by all samples, so the best any
// θ can do is predict how common each class is.
std::vector<std::string> data_notices(const Dataset& data) {
  std::vector<std::string> notes = data.notices;
  if (data.rows() < 2 || data.features() == 0) return notes;
  const std::vector<bool> constant = constant_features(data);
  if (std::all_of(constant.begin(), constant.end(), [](bool c) { return c; })) {
    std::string x;
    for (std::size_t j = 0; j < data.features(); ++j)
      x += (j ? ", " : "") + data.feature_names[j] + " = " + format_number(data.columns[j][0]);
    notes.push_back("All " + std::to_string(data.rows()) + " samples of '" + data.name +
                    "' have the same features (" + x + "), so no boundary can separate them: "
                    "every sample gets the same z and the same ŷ, and each weight only moves in "
                    "step with the bias. The steps still run, but the best they can reach is the "
                    "same prediction for every sample: how common each class is.");
    return notes;
  }
  for (std::size_t j = 0; j < data.features(); ++j)
    if (constant[j])
      notes.push_back("Feature " + std::to_string(j + 1) + " ('" + data.feature_names[j] + "') of '" +
                      data.name + "' has the same value (" + format_number(data.columns[j][0]) +
                      ") in every sample, so it cannot help separate the classes: its weight only "
                      "moves in step with the bias.");
  return notes;
}

namespace {

Dataset load_dataset_or_throw(const DataOptions& o) {
  Dataset data;
  if (o.points) {   // edited points: as they are
    data = *o.points;
    if (o.standardize) standardize(data);
    return data;
  }
  std::vector<std::size_t> default_features;
  // Anything that is not a built-in name and looks like a path (a '/' or a '.') is a delimited
  // text file: data.csv, scores.tsv, ~/lesson/flowers.txt — the reader guesses the delimiter.
  const bool builtin = o.source == "iris4" || o.source == "iris6" || o.source == "iris" || o.source == "blobs";
  const bool csv = !builtin && o.source.find_first_of("/.") != std::string::npos;
  if (!o.label_column.empty() && !csv)
    throw InputError("--label: '" + o.source + "' is a built-in data set; --label is for CSV files");
  if (o.source == "iris4") data = make_iris4();
  else if (o.source == "iris6") data = make_iris6();
  else if (o.source == "iris") { data = load_iris(); default_features = {3, 4}; }  // petal length, width
  else if (o.source == "blobs") data = make_blobs(o.blobs_n, o.blobs_separation, o.blobs_seed);
  else if (csv) data = read_csv_file(o.source, CsvColumns{o.label_column, o.ignore_columns, o.features});
  else
    throw InputError("--data: unknown data set '" + o.source +
                     "' (choose iris4, iris6, iris, blobs, or the path of a CSV file)");

  if (!o.ignore_columns.empty() && !csv)
    throw InputError("--ignore: '" + o.source + "' is a built-in data set; --ignore is for CSV files");
  // A CSV file's reader chose the features already (those not chosen may hold text).
  std::vector<std::size_t> features = csv || o.features.empty() ? default_features : o.features;
  if (features.empty())
    for (std::size_t j = 1; j <= data.features(); ++j) features.push_back(j);
  data = select(data, features, o.classes);
  if (data.rows() == 0) throw InputError("--classes: no samples are left in the chosen classes");
  if (o.standardize) standardize(data);
  return data;
}

}  // namespace

Dataset load_dataset(const DataOptions& o) {
  try {
    return load_dataset_or_throw(o);
  } catch (const std::bad_alloc&) {
    // Out of memory is a property of this data on this machine, said like any other problem
    // with it: the caller keeps what it had.
    throw InputError("--data: not enough memory to load '" + o.source + "'" +
                     (o.source == "blobs" ? " with --n " + format_count(o.blobs_n) : std::string()) +
                     "; choose a smaller data set");
  }
}

}  // namespace ll
