#pragma once
// A step and a run as text to copy or save: the step as a Markdown table or as LaTeX (the slides'
// chain, gradient, update lines and loss), and the whole history as CSV. Pure functions that
// return the text; the window puts it on the clipboard or writes it with io::write_file_atomically,
// and `logistic-lab trace --format markdown|latex|history-csv` prints it. Numbers use the project's
// format (ll/number_format.h), so no export ever says "nan": an undefined value is "undefined".
#include <cstddef>
#include <string>
#include <vector>

#include "ll/dataset.h"
#include "ll/params.h"
#include "ll/trainer.h"

namespace ll::app {

// The batch's 0-based sample numbers, also for a full-batch record that does not list them.
std::vector<std::size_t> batch_samples(const StepRecord& record);

// Parameter names: b, w1, w2, … (softmax: b[k], w1[k], … for class k).
std::string parameter_name(const Params& shape, std::size_t index, const Dataset* data = nullptr);

// The conventions the numbers are in, on one line (every export carries it):
//   "θ = [b, w1, w2] · labels 0/1 · mean over the batch · squared error (ŷ − y)² · v ← βv + ∇L ·
//    raw features · λ = 0"
std::string conventions_stamp(const Settings& settings, const Dataset& data);

// Exports list at most this many samples of a batch and say how many more there are.
constexpr std::size_t kExportSamplesUpTo = 100;

// The step as Markdown: a heading, the formulas, the per-sample chain table (i, x, y, z, ŷ, L,
// ∂L/∂ŷ, ∂ŷ/∂z, ∂L/∂z), the gradient, one update line per parameter ("w1 = 0.5 − η·0.2431 =
// 0.4976") and the mean loss before → after. `data` is the run's data set (for N and the names).
std::string step_markdown(const StepRecord& record, const Dataset& data, bool with_samples = true);

// The step as LaTeX (needs amsmath): an align* with the formulas and the chain rule for the
// step's loss and activation, a tabular with one row per sample, and an align* with the gradient
// in matrix form, the update lines and the loss before → after.
std::string step_latex(const StepRecord& record, const Dataset& data, bool with_samples = true);

// The step as a worksheet for a hand calculation (Markdown, or LaTeX with amsmath): the
// conventions, what is given (the data, the batch, θ before, η; v before with momentum), the
// formulas, then the sample table, ∂L/∂θ, θ after and the mean loss after, with a blank
// ("____", or a rule in LaTeX) for each number the fading level `fade` hides (ll/grader.h:
// kMostFade hides every computed number). `answers`: the answer key, the blanks filled in bold.
std::string worksheet(const StepRecord& record, const Dataset& data, int fade, bool answers, bool latex);

// The kept history as CSV: a comment line "# conventions: …" (conventions_stamp), then one row
// per step and a first row for θ₀ (step 0):
//   step,epoch,batch_loss,loss_before,loss_after,gradient_norm,accuracy,test_loss,test_accuracy,
//   theta_b,theta_w1,…
// θ is the value after the step; accuracy is θ's on the training data, test_loss and
// test_accuracy its on the held-out part `test` (empty cells without one, ll/held_out.h). Numbers at full precision (shortest text that reads back to the
// same double); an undefined or non-finite value is an empty cell.
std::string history_csv(const Trainer& trainer, const Dataset* test = nullptr);

}  // namespace ll::app
