#include "csv_labels.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>

#include "csv_sniff.h"
#include "ll/error.h"

namespace ll::csv {
namespace {

// The label as a whole number, if it is one that fits in a long long.
bool whole_number(const std::string& text, long long& value) {
  if (text.empty() || text[0] == ' ') return false;
  char* end = nullptr;
  errno = 0;
  value = std::strtoll(text.c_str(), &end, 10);
  return errno == 0 && end == text.c_str() + text.size();
}

}  // namespace

void LabelIndex::add(std::string_view text) {
  key_.assign(text.data(), text.size());
  const auto [it, added] = index_.try_emplace(key_, static_cast<int>(texts_.size()));
  if (added) texts_.push_back(key_);
  row_label_.push_back(it->second);
}

void LabelIndex::finish(Dataset& data, const std::string& one_class) const {
  std::vector<long long> values(texts_.size());
  bool all_integers = true;
  for (std::size_t t = 0; t < texts_.size() && all_integers; ++t)
    all_integers = whole_number(texts_[t], values[t]);

  std::vector<int> klass(texts_.size());  // first-seen number → class
  data.class_names.clear();
  if (all_integers) {
    std::vector<long long> sorted = values;
    std::sort(sorted.begin(), sorted.end());
    sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
    data.class_names.assign(sorted.size(), "");
    for (std::size_t t = 0; t < texts_.size(); ++t) {
      klass[t] = static_cast<int>(std::lower_bound(sorted.begin(), sorted.end(), values[t]) - sorted.begin());
      std::string& name = data.class_names[static_cast<std::size_t>(klass[t])];
      if (name.empty()) name = texts_[t];  // the first-seen spelling names the class
    }
  } else {
    data.class_names = texts_;
    std::sort(data.class_names.begin(), data.class_names.end());
    for (std::size_t t = 0; t < texts_.size(); ++t)
      klass[t] = static_cast<int>(
          std::lower_bound(data.class_names.begin(), data.class_names.end(), texts_[t]) -
          data.class_names.begin());
  }
  if (data.class_names.size() < 2)
    throw InputError(one_class + quote_cell(texts_.empty() ? "" : texts_[0]) +
                     ": a classifier needs at least two classes");
  data.labels.resize(row_label_.size());
  for (std::size_t i = 0; i < row_label_.size(); ++i)
    data.labels[i] = klass[static_cast<std::size_t>(row_label_[i])];
}

}  // namespace ll::csv
