#pragma once
// How binary labels are written: 0/1 (the default, as the slides' batch example) or −1/+1 (the
// first lecture note's likelihood P(y | x) = σ(y·z)). The numbers are the same either way: the
// core computes with y′ = (y + 1)/2 ∈ {0, 1}, and the ±1 form writes y and its formulas
//   L = log(1 + e^(−y·z)) = −y′ log σ(z) − (1 − y′) log σ(−z),   ∂L/∂z = −y·σ(−y·z) = σ(z) − y′.
#include <optional>
#include <string>
#include <string_view>

namespace ll {

enum class LabelCoding { ZeroOne, PlusMinusOne };

std::string_view name(LabelCoding c);                               // "01", "pm1"
std::optional<LabelCoding> parse_label_coding(std::string_view s);

// The label as written: y′ ∈ {0, 1} as it is, or 2y′ − 1 ∈ {−1, +1}.
inline int written_label(int y, LabelCoding coding) {
  return coding == LabelCoding::PlusMinusOne ? 2 * y - 1 : y;
}

// The label as text: "0", "1", or "−1", "+1".
std::string label_text(int y, LabelCoding coding);

}  // namespace ll
