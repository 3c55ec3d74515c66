#pragma once
// The conventions a course may write the same model in, each a setting of the run (Settings):
//   reduction      mean: J = 1/m Σ_i L_i (the slides)      sum: J = Σ_i L_i
//   squared error  full: L = (ŷ − y)² (the slides)         half: L = ½(ŷ − y)², ∂L/∂ŷ = ŷ − y
//   momentum form  plain: v ← βv + ∇J (the slides)         ema: v ← βv + (1 − β)∇J
// and L2 regularisation (Settings::l2, l2_bias): J gains (λ/2)‖w‖² and ∇J gains λw, the bias b
// not penalised unless l2_bias says so. The data-set loss follows the reduction too (1/N or 1).
#include <cstddef>
#include <optional>
#include <string_view>

namespace ll {

enum class Reduction { Mean, Sum };
enum class SquaredError { Full, Half };
enum class MomentumForm { Plain, Ema };

std::string_view name(Reduction r);        // "mean", "sum"
std::string_view name(SquaredError e);     // "full", "half"
std::string_view name(MomentumForm f);     // "plain", "ema"
std::optional<Reduction> parse_reduction(std::string_view s);
std::optional<SquaredError> parse_squared_error(std::string_view s);
std::optional<MomentumForm> parse_momentum_form(std::string_view s);

// J from the sum of m per-sample losses (or of their gradients): Σ/m or Σ.
inline double reduce(double sum, std::size_t m, Reduction r) {
  return r == Reduction::Mean ? sum / static_cast<double>(m) : sum;
}

}  // namespace ll
