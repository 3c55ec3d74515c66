#include "ll/data_edit.h"

#include <algorithm>
#include <cmath>

#include "ll/error.h"
#include "ll/number_format.h"

namespace ll {
namespace {

// The samples as they are, marked as edited and no longer standardized (the values are kept).
Dataset edited_copy(const Dataset& data) {
  Dataset out = data;
  const std::string mark = " (edited)";
  if (out.name.size() < mark.size() || out.name.compare(out.name.size() - mark.size(), mark.size(), mark) != 0)
    out.name += mark;
  out.standardized = false;
  out.feature_mean.clear();
  out.feature_stddev.clear();
  out.notices.clear();
  return out;
}

void check_sample(const Dataset& data, std::size_t i) {
  if (i >= data.rows())
    throw InputError("no sample " + std::to_string(i + 1) + ": '" + data.name + "' has " + format_count(data.rows()));
}

void check_label(const Dataset& data, int label) {
  if (label < 0 || static_cast<std::size_t>(label) >= data.classes())
    throw InputError("no class " + std::to_string(label) + ": '" + data.name + "' has " +
                     std::to_string(data.classes()) + " classes");
}

// Refuses an edit that takes the last sample of class `label` away.
void keep_class(const Dataset& data, int label, const std::string& what) {
  if (std::count(data.labels.begin(), data.labels.end(), label) <= 1)
    throw InputError(what + " would leave class '" + data.class_names[static_cast<std::size_t>(label)] +
                     "' without samples: a classifier needs samples of every class it has");
}

}  // namespace

Dataset with_point_moved(const Dataset& data, std::size_t i, double x1, double x2) {
  check_sample(data, i);
  Dataset out = edited_copy(data);
  out.columns[0][i] = x1;
  if (out.features() > 1) out.columns[1][i] = x2;
  return out;
}

Dataset with_point_added(const Dataset& data, double x1, double x2, int label) {
  check_label(data, label);
  if (data.rows() >= kMostEditedPoints)
    throw InputError("an edited data set holds at most " + format_count(kMostEditedPoints) + " samples");
  Dataset out = edited_copy(data);
  // A third feature and beyond: the new sample sits at their means, on the plane the plot shows.
  for (std::size_t j = 0; j < out.features(); ++j) {
    double value = j == 0 ? x1 : x2;
    if (j >= 2) {
      double sum = 0.0;
      for (double v : data.columns[j]) sum += v;
      value = sum / static_cast<double>(data.rows());
    }
    out.columns[j].push_back(value);
  }
  out.labels.push_back(label);
  return out;
}

Dataset with_point_deleted(const Dataset& data, std::size_t i) {
  check_sample(data, i);
  if (data.rows() <= 2) throw InputError("deleting sample " + std::to_string(i + 1) + " would leave one sample");
  keep_class(data, data.labels[i], "deleting sample " + std::to_string(i + 1));
  Dataset out = edited_copy(data);
  for (std::vector<double>& column : out.columns) column.erase(column.begin() + static_cast<std::ptrdiff_t>(i));
  out.labels.erase(out.labels.begin() + static_cast<std::ptrdiff_t>(i));
  return out;
}

Dataset with_point_relabelled(const Dataset& data, std::size_t i, int label) {
  check_sample(data, i);
  check_label(data, label);
  if (data.labels[i] != label) keep_class(data, data.labels[i], "moving sample " + std::to_string(i + 1) + " to another class");
  Dataset out = edited_copy(data);
  out.labels[i] = label;
  return out;
}

double snap_to_grid(double v, const std::vector<double>& values, double view_range) {
  int decimals = 0;   // of the feature's values (the first thousand say enough)
  for (std::size_t i = 0; i < values.size() && i < 1000; ++i)
    while (decimals < 4 && std::round(values[i] * std::pow(10.0, decimals)) / std::pow(10.0, decimals) != values[i])
      ++decimals;
  const double want = std::max(std::pow(10.0, -decimals), view_range / 100.0);
  int e = static_cast<int>(std::floor(std::log10(want)));
  const double mantissa = want / std::pow(10.0, e);
  int m = mantissa <= 1.0 ? 1 : mantissa <= 2.0 ? 2 : mantissa <= 5.0 ? 5 : 10;
  if (m == 10) m = 1, ++e;
  if (e >= 0) return std::round(v / (m * std::pow(10.0, e))) * m * std::pow(10.0, e);
  const double scale = std::pow(10.0, -e);   // a whole number: the division rounds once
  return std::round(v * scale / m) * m / scale;
}

void check_points(const Dataset& data, const std::string& where) {
  if (data.features() == 0) throw InputError(where + ": no features");
  if (data.feature_names.size() != data.features())
    throw InputError(where + ": " + std::to_string(data.feature_names.size()) + " feature names for " +
                     std::to_string(data.features()) + " features");
  if (data.classes() < 2) throw InputError(where + ": a classifier needs at least two classes");
  if (data.rows() < 2 || data.rows() > kMostEditedPoints)
    throw InputError(where + ": " + format_count(data.rows()) + " samples; an edited data set holds 2 to " +
                     format_count(kMostEditedPoints));
  for (std::size_t j = 0; j < data.features(); ++j) {
    if (data.columns[j].size() != data.rows())
      throw InputError(where + ": feature " + std::to_string(j + 1) + " has " + std::to_string(data.columns[j].size()) +
                       " values for " + std::to_string(data.rows()) + " samples");
    for (std::size_t i = 0; i < data.rows(); ++i)
      if (!std::isfinite(data.columns[j][i]))
        throw InputError(where + ": sample " + std::to_string(i + 1) + ", feature " + std::to_string(j + 1) +
                         " is not a finite number");
  }
  for (std::size_t i = 0; i < data.rows(); ++i)
    if (data.labels[i] < 0 || static_cast<std::size_t>(data.labels[i]) >= data.classes())
      throw InputError(where + ": sample " + std::to_string(i + 1) + " has class " + std::to_string(data.labels[i]) +
                       "; the classes are 0 to " + std::to_string(data.classes() - 1));
}

}  // namespace ll
