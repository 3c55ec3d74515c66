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

// The slides' layout: X, y, θ, z, ŷ, losses, the gradient and one update line per parameter,
// then the accuracy after the step, and with a held-out part (test: null for none) its loss and
// accuracy: "accuracy 75% (3 of 4) · test loss 0.6543 · test accuracy 50% (1 of 2)".
void write_step_text(std::ostream& out, const StepRecord& record, const Dataset& data, const Dataset* test,
                     bool with_samples);

// How the step's θ after does on the training data and, with a held-out part (test: null for
// none), on it: {"accuracy", "test_loss", "test_accuracy"}, the test keys null without a test
// part, all null for a step that failed. Accuracy is the fraction predicted right; the test loss
// is the data term of J (ll/held_out.h).
nlohmann::ordered_json score_json(const StepRecord& record, const Dataset& train, const Dataset* test);

void write_csv_header(std::FILE* out, const Params& shape);
void write_csv_row(std::FILE* out, const StepRecord& record);

}  // namespace ll::app
