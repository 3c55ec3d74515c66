#pragma once
// θ, a gradient or a velocity as JSON, as scenario files and `trace --format json` write them.
#include <nlohmann/json.hpp>

#include "ll/params.h"

namespace ll::app {

// A flat list for one row, a list of K rows for softmax. Each number as its shortest text that
// reads back the same, so θ survives the trip exactly.
nlohmann::ordered_json params_json(const Params& p);

}  // namespace ll::app
