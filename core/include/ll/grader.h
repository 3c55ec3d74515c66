#pragma once
// Grading a student's number for one quantity of a step (issue 16: practice mode and
// `logistic-lab check`): right within the slides' 4 decimals, or wrong with a hint where the
// mistake is a known one (the sign of ŷ − y flipped, 1/m forgotten or applied twice, 1 − ŷ for ŷ,
// σ′ taken as σ, the log base, the update added, η on θ, another sample's value). No UI here: the
// window and the command line share it.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ll/trainer.h"

namespace ll {

// What is asked: per sample z, ŷ, L, ∂L/∂ŷ, ∂ŷ/∂z, ∂L/∂z; per parameter the gradient and θ after;
// the mean loss after the step.
enum class Field { Z, YHat, Loss, DLDYhat, DYhatDz, DLDz, Gradient, ThetaAfter, LossAfter };
// "z", "yhat", "loss", "dL_dyhat", "dyhat_dz", "dL_dz", "gradient", "theta_after", "loss_after".
std::optional<Field> parse_field(std::string_view name);
const char* field_name(Field field);
bool per_sample(Field field);

// The step's quantities in the slides' order, the order a hand calculation fills them in.
constexpr Field kChainOrder[] = {Field::Z,       Field::YHat, Field::Loss,       Field::DLDYhat,  Field::DYhatDz,
                                 Field::DLDz,    Field::Gradient, Field::ThetaAfter, Field::LossAfter};
constexpr int kFieldCount = 9;

// Fading a worked example: at level 0 every number is shown; each level up leaves one more of
// the chain's quantities to the student, from the end of kChainOrder (the last steps of the
// chain first, the order that works best in studies of faded examples): level 1 the loss
// after, 2 also θ after, 3 also the gradient, …, kMostFade every computed number.
constexpr int kMostFade = kFieldCount;
bool faded(Field field, int level);
// "0 · everything shown", "3 · from the gradient on", …, "9 · everything hidden".
std::string fade_name(int level);
// A field as people write it: "z", "ŷ", "L", "∂L/∂ŷ", "∂ŷ/∂z", "∂L/∂z", "∂L/∂θ", "θ after",
// "mean loss after".
const char* field_symbol(Field field);

struct Answer {
  Field field = Field::Z;
  std::size_t row = 0;     // the sample's place in the step's batch (0-based), per-sample fields
  std::size_t index = 0;   // the entry of θ (0-based, θ's order b, w1, w2, …) or of a softmax K-vector
  double value = 0.0;
};

// The slides write 4 decimals: an answer within half a unit of the 4th (or that share of a large
// value) is right.
constexpr double kAnswerTolerance = 5e-5;

struct Grade {
  bool right = false;
  double expected = 0.0;
  std::string hint;        // why it is wrong, where the mistake is a known one ("" otherwise)
  // Wrong, but right given the student's own earlier wrong answer it follows from (the hint
  // names it: "consistent with your ŷ").
  bool consistent = false;
};

// The number `answer` asks for (its value is not read). Throws InputError naming what does not
// exist (a row past the batch, an index past θ).
double expected_value(const StepRecord& step, const Answer& answer);

// Grades `answer` against `step` (a record with its samples' chains). `earlier`: the student's
// other answers for the same step, in any order; a wrong answer that is what the chain gives
// from one of them that is itself wrong is marked consistent (z → ŷ → L, ∂L/∂ŷ, ∂ŷ/∂z → ∂L/∂z
// → the gradient → θ after). Throws InputError naming what does not exist (a row past the
// batch, an index past θ).
Grade grade(const StepRecord& step, const Answer& answer, const std::vector<Answer>& earlier = {},
            double tolerance = kAnswerTolerance);

}  // namespace ll
