#pragma once
// A data set of samples with the single feature x = 1 and the given labels, so that θ = [z, 0]
// (one row per class) gives the score z: for tests of one sample's numbers at a chosen z.
#include <cstddef>
#include <string>
#include <vector>

#include "ll/dataset.h"

inline ll::Dataset ones(const std::vector<int>& labels, std::size_t classes) {
  ll::Dataset data;
  data.name = "ones";
  data.feature_names = {"x"};
  for (std::size_t k = 0; k < classes; ++k) data.class_names.push_back("c" + std::to_string(k));
  data.columns = {std::vector<double>(labels.size(), 1.0)};
  data.labels = labels;
  return data;
}
