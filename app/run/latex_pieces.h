#pragma once
// The pieces of LaTeX the step's export (step_latex.cpp) and the worksheet (worksheet.cpp)
// share: the formulas of ll/formulas.h translated symbol by symbol, numbers, plain words, θ as a
// bmatrix. ASCII out, outside the text of a message.
#include <cstddef>
#include <string>

#include "ll/params.h"
#include "ll/settings.h"

namespace ll::app {

// A formula as ll/formulas.h writes it ("∂L/∂θ = 1/m Xᵀ(ŷ − y)") → LaTeX math.
std::string latex_math(const std::string& text);
// A number as format_number prints it → LaTeX math: "−0.0195" → "-0.0195", "3.701e-17" →
// "3.701 \times 10^{-17}", "∞" → "\infty", "undefined" → "\text{undefined}". Vectors too.
std::string latex_numbers(const std::string& text);
// Plain words (a message) → LaTeX text: special characters escaped, symbols as inline math.
std::string latex_text(const std::string& text);
// "lhs = rhs" → "lhs &= rhs", for an align* row.
std::string aligned(const std::string& formula);
// θ or a gradient as a bmatrix (one row as a column; K rows as K rows), one number style.
std::string matrix(const Params& p);
// b, w_1, …; softmax: b^{(k)}, w_1^{(k)}.
std::string latex_parameter(const Params& shape, std::size_t index);
// The step's formulas and the chain rule as an align* (and the ±1 labels' note).
std::string formulas_block(const Settings& settings);

}  // namespace ll::app
