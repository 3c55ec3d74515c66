#pragma once
// The CSV reader's label column: each row's label text, interned as it is read (a million rows
// have a handful of distinct labels), then ordered into classes.
#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ll/dataset.h"

namespace ll::csv {

class LabelIndex {
 public:
  void add(std::string_view text);
  std::size_t rows() const { return row_label_.size(); }
  // Sets data.labels and data.class_names. Labels that are all integers (0/1, −1/+1) are classes
  // ordered by value ("1" and "+1" are one class); others are ordered alphabetically. Throws
  // InputError(`one_class` + "'x': a classifier needs at least two classes") if there is one.
  void finish(Dataset& data, const std::string& one_class) const;

 private:
  std::unordered_map<std::string, int> index_;  // label text → first-seen number
  std::vector<std::string> texts_;              // by first-seen number
  std::vector<int> row_label_;                  // first-seen number per row
  std::string key_;                             // reused, so a lookup allocates nothing
};

}  // namespace ll::csv
