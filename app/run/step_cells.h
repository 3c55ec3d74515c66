#pragma once
// The pieces the Markdown and LaTeX exports share: the step's one-line description, the batch as
// people count it, and one sample's chain as formatted cells.
#include <string>
#include <vector>

#include "ll/chain.h"
#include "ll/number_format.h"
#include "ll/trainer.h"

namespace ll::app {

// "Step 1 · epoch 1 · sigmoid + binary cross-entropy · batch · η = 0.01" (and β, a hand-picked batch).
std::string step_title(const StepRecord& record);
// The rates and the penalty, as titles write them: "η = 0.01", "η = 0.01 · β = 0.9 · λ = 0.5".
std::string rates_text(const Settings& settings);

// "samples 1, 2, 3, 4"; long batches end in "…, 1000000".
std::string batch_numbers(const StepRecord& record);
// "samples 1, 2, 3, 4 (m = 4)".
std::string batch_list(const StepRecord& record);

// The number styles (ll/number_format.h) of a batch's chain table: one per column over every
// sample of the batch (softmax: over every class's entry), so that a column has one number of
// decimals and its rounding noise reads 0. `x` is per feature column, x[0] the constant 1.
struct ChainStyles {
  std::vector<NumberStyle> x;
  NumberStyle x_all, z, y_hat, loss, dL_dyhat, dyhat_dz, dL_dz;
};
ChainStyles chain_styles(const std::vector<SampleChain>& samples, bool softmax);

// The chain's cells of one sample after its i and x: y, z, ŷ, L, ∂L/∂ŷ, ∂ŷ/∂z, ∂L/∂z, in the
// project's number format (softmax: K-vectors, and the diagonal of the Jacobian ∂ŷ/∂z); where the
// loss is undefined (tanh + BCE with ŷ ≤ 0) L, ∂L/∂ŷ and ∂L/∂z say "undefined" (∂ŷ/∂z, the
// activation's, is shown). Their heads.
std::vector<std::string> chain_cells(const SampleChain& chain, bool softmax, const ChainStyles& styles);
std::vector<std::string> chain_heads(bool softmax);

// The column heads of sample_cells: i, x, y, z, ŷ, L, ∂L/∂ŷ, ∂ŷ/∂z, ∂L/∂z. Softmax shows the
// diagonal of the Jacobian ∂ŷ/∂z.
std::vector<std::string> sample_heads(bool softmax);
// One sample's chain in the project's number format; where the loss is undefined (tanh + BCE with
// ŷ ≤ 0) the last four cells say "undefined".
std::vector<std::string> sample_cells(const SampleChain& chain, bool softmax, const ChainStyles& styles);

// "b = 0.1 − η·0.2702 = 0.0973" for parameter k: θ_k ← θ_k − η·g_k, with g the step's direction
// (the velocity when β ≠ 0, else the gradient).
struct UpdateLine {
  std::string name, before, sign, step, after;   // "w1", "0.5", "−", "0.2431", "0.4976"
  // With momentum, the velocity that made the step, from v = β·v_before + ∂L/∂θ:
  // "v = 0.9·(−0.0012) + 0.2431 = 0.2420"; empty when β = 0.
  std::string velocity;
  std::string text() const { return "= " + before + " " + sign + " η·" + step + " = " + after; }  // "= 0.5 − η·0.2431 = 0.4976"
};
std::vector<UpdateLine> update_lines(const StepRecord& record);

}  // namespace ll::app
