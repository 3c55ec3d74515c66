#pragma once
// A step record as the trace prints it: text laid out as the slides do, one JSON object per
// step, or one CSV row per step. The exports the window shares (Markdown, LaTeX, the history as
// CSV) are in cli/step_export.h.
#include <nlohmann/json.hpp>

#include <cstdio>
#include <ostream>

#include "run/step_export.h"
#include "ll/dataset.h"
#include "ll/trainer.h"

namespace ll::app {

// The keys step, epoch, batch (1-based), theta_before, samples, batch_loss, gradient,
// theta_after, loss_before, loss_after, status, message. Non-finite numbers become null.
nlohmann::ordered_json step_json(const StepRecord& record, bool with_samples);

// The slides' layout: X, y, θ, z, ŷ, losses, the gradient and one update line per parameter.
void write_step_text(std::ostream& out, const StepRecord& record, const Dataset& data, bool with_samples);

void write_csv_header(std::FILE* out, const Params& shape);
void write_csv_row(std::FILE* out, const StepRecord& record);

}  // namespace ll::app
