#include "run/params_json.h"

#include <cstddef>
#include <vector>

namespace ll::app {

nlohmann::ordered_json params_json(const Params& p) {
  if (p.rows == 1) return nlohmann::ordered_json(p.values);
  nlohmann::ordered_json rows = nlohmann::ordered_json::array();
  for (std::size_t r = 0; r < p.rows; ++r)
    rows.push_back(std::vector<double>(p.values.begin() + static_cast<std::ptrdiff_t>(r * p.cols),
                                       p.values.begin() + static_cast<std::ptrdiff_t>((r + 1) * p.cols)));
  return rows;
}

}  // namespace ll::app
