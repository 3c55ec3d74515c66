// The grader (ll/grader.h) and `logistic-lab check`: on the slides' batch step (worked-examples
// §1: θ₀ = [0.1, 0.5, −0.1], η = 0.01, iris4), every right answer to 4 decimals is right, and
// each known mistake is named.
#include <doctest/doctest.h>

#include <cmath>
#include <memory>
#include <string>

#include "approx.h"
#include "cli_runner.h"
#include "ll/error.h"
#include "ll/grader.h"

using namespace ll;

namespace {

StepRecord slides_batch_step() {
  Trainer t(std::make_shared<const Dataset>(make_iris4()), Settings{}, Params::row({0.1, 0.5, -0.1}));
  return t.step(true, true);
}

Grade answer(const StepRecord& r, Field f, std::size_t row, std::size_t index, double value) {
  Answer a;
  a.field = f;
  a.row = row;
  a.index = index;
  a.value = value;
  return grade(r, a);
}

}  // namespace

TEST_CASE("the slides' numbers, written to 4 decimals, are right") {
  const StepRecord r = slides_batch_step();
  // Sample 1 (x = [1.4, 0.2], y = 0): z = 0.78, ŷ = 0.6857, L = 1.1573, ∂L/∂ŷ = 3.1815,
  // ∂ŷ/∂z = 0.2155, ∂L/∂z = 0.6857.
  CHECK(answer(r, Field::Z, 0, 0, 0.78).right);
  CHECK(answer(r, Field::YHat, 0, 0, 0.6857).right);
  CHECK(answer(r, Field::Loss, 0, 0, 1.1573).right);
  CHECK(answer(r, Field::DLDYhat, 0, 0, 3.1815).right);
  CHECK(answer(r, Field::DYhatDz, 0, 0, 0.2155).right);
  CHECK(answer(r, Field::DLDz, 0, 0, 0.6857).right);
  // The gradient [0.2702, 0.2431, −0.0195], θ after [0.0973, 0.4976, −0.0998], the loss 0.6679.
  CHECK(answer(r, Field::Gradient, 0, 0, 0.2702).right);
  CHECK(answer(r, Field::Gradient, 0, 1, 0.2431).right);
  CHECK(answer(r, Field::Gradient, 0, 2, -0.0195).right);
  CHECK(answer(r, Field::ThetaAfter, 0, 0, 0.0973).right);
  CHECK(answer(r, Field::ThetaAfter, 0, 2, -0.0998).right);
  CHECK(answer(r, Field::LossAfter, 0, 0, 0.6679).right);
  // Off by one in the 4th decimal is wrong, with no known mistake to name.
  const Grade off = answer(r, Field::YHat, 0, 0, 0.6858);
  CHECK_FALSE(off.right);
  CHECK(off.hint.empty());
  CHECK_NEAR(off.expected, 0.685680, 1e-6);
}

TEST_CASE("each known mistake gets its hint") {
  const StepRecord r = slides_batch_step();
  auto hint = [&](Field f, std::size_t row, std::size_t index, double value) {
    const Grade g = answer(r, f, row, index, value);
    CHECK_FALSE(g.right);
    return g.hint;
  };
  CHECK(hint(Field::YHat, 0, 0, 0.3143) == "1 − ŷ: you computed the probability of the other class");
  CHECK_CONTAINS(hint(Field::YHat, 0, 0, 0.78), "that is z itself");
  CHECK_CONTAINS(hint(Field::DLDz, 0, 0, -0.6857), "the sign of ŷ − y is flipped");
  CHECK_CONTAINS(hint(Field::DYhatDz, 0, 0, 0.6857), "σ′ taken as σ");
  // y = 0: L = −log(1 − ŷ) = 1.1573; −log ŷ = 0.3773 uses ŷ where 1 − ŷ belongs.
  CHECK_CONTAINS(hint(Field::Loss, 0, 0, 0.3773), "ŷ used where 1 − ŷ belongs");
  CHECK_CONTAINS(hint(Field::Loss, 0, 0, 0.5026), "log₁₀");   // 1.1573 / ln 10
  CHECK_CONTAINS(hint(Field::Gradient, 0, 0, 1.0810), "1/m forgotten");   // 4 × 0.27025
  CHECK_CONTAINS(hint(Field::Gradient, 0, 0, 0.0676), "1/m applied twice");
  CHECK_CONTAINS(hint(Field::Gradient, 0, 0, -0.2702), "sign is flipped");
  CHECK_CONTAINS(hint(Field::ThetaAfter, 0, 0, 0.1027), "the update was added");   // 0.1 + 0.01·0.2702
  CHECK_CONTAINS(hint(Field::ThetaAfter, 0, 0, -0.1702), "η left out");            // 0.1 − 0.2702
  CHECK_CONTAINS(hint(Field::ThetaAfter, 0, 0, -0.2692), "learning rate applied to θ");   // 0.01·0.1 − 0.2702
  // Sample 2's ŷ (0.6964) given for sample 1.
  CHECK(hint(Field::YHat, 0, 0, 0.6964) == "that is sample 2's value, not this sample's");
}

Answer given(Field f, std::size_t row, std::size_t index, double value) {
  Answer a;
  a.field = f;
  a.row = row;
  a.index = index;
  a.value = value;
  return a;
}

TEST_CASE("a wrong answer that follows from the student's own wrong answer says so") {
  const StepRecord r = slides_batch_step();
  const SampleChain& c = r.samples[0];   // x = [1, 1.4, 0.2], y = 0, z = 0.78
  // z written as 0.87: ŷ = σ(0.87), computed here, follows from it.
  const Answer z = given(Field::Z, 0, 0, 0.87);
  const double yhat_from_z = 1.0 / (1.0 + std::exp(-0.87));
  Grade g = grade(r, given(Field::YHat, 0, 0, yhat_from_z), {z});
  CHECK_FALSE(g.right);
  CHECK(g.consistent);
  CHECK(g.hint == "consistent with your z, but that is wrong: fix it first");
  // The chain goes on from that ŷ, rounded to 4 decimals as a student writes it (y = 0).
  const double yhat = 0.7048;
  const Answer y_hat = given(Field::YHat, 0, 0, yhat);
  CHECK(grade(r, given(Field::Loss, 0, 0, -std::log(1.0 - yhat)), {z, y_hat}).consistent);
  CHECK(grade(r, given(Field::DLDYhat, 0, 0, 1.0 / (1.0 - yhat)), {y_hat}).consistent);
  CHECK(grade(r, given(Field::DYhatDz, 0, 0, yhat * (1.0 - yhat)), {y_hat}).consistent);
  CHECK(grade(r, given(Field::DLDz, 0, 0, yhat - 0.0), {y_hat}).consistent);   // ŷ − y
  // ∂L/∂z from the two factors the student gave (∂ŷ/∂z wrong, ∂L/∂ŷ right).
  const Answer dydz = given(Field::DYhatDz, 0, 0, 0.25);
  CHECK_CONTAINS(grade(r, given(Field::DLDz, 0, 0, c.dL_dyhat[0] * 0.25), {dydz}).hint, "your ∂ŷ/∂z");
  // The gradient from the student's ∂L/∂z of sample 1 (the sign flipped): b's entry is
  // (1/4)(−0.6857 + Σ the other three samples' ∂L/∂z), worked here from the record's chains.
  const Answer dz = given(Field::DLDz, 0, 0, -0.6857);
  double b_gradient = -0.6857;
  for (std::size_t i = 1; i < 4; ++i) b_gradient += r.samples[i].dL_dz[0];
  b_gradient /= 4.0;
  double w1_gradient = -0.6857 * 1.4;
  for (std::size_t i = 1; i < 4; ++i) w1_gradient += r.samples[i].dL_dz[0] * r.samples[i].x[1];
  w1_gradient /= 4.0;
  CHECK(grade(r, given(Field::Gradient, 0, 0, b_gradient), {dz}).consistent);
  g = grade(r, given(Field::Gradient, 0, 1, w1_gradient), {dz});
  CHECK(g.consistent);
  CHECK_CONTAINS(g.hint, "your ∂L/∂z");
  // θ after from the student's wrong gradient: b = 0.1 − 0.01·g′.
  const Answer gradient = given(Field::Gradient, 0, 0, b_gradient);
  CHECK(grade(r, given(Field::ThetaAfter, 0, 0, 0.1 - 0.01 * b_gradient), {gradient}).consistent);
  // A right earlier answer explains nothing: ŷ = σ(0.87) with z right is just wrong.
  g = grade(r, given(Field::YHat, 0, 0, yhat_from_z), {given(Field::Z, 0, 0, 0.78)});
  CHECK_FALSE(g.consistent);
  CHECK_FALSE(g.right);
  // Another sample's wrong z does not explain this sample's ŷ.
  CHECK_FALSE(grade(r, given(Field::YHat, 0, 0, yhat_from_z), {given(Field::Z, 1, 0, 0.87)}).consistent);
  // A right answer stays right whatever came before it.
  CHECK(grade(r, given(Field::YHat, 0, 0, 0.6857), {z}).right);
}

TEST_CASE("what does not exist is refused by name") {
  const StepRecord r = slides_batch_step();
  CHECK_THROWS_WITH_AS(answer(r, Field::Z, 4, 0, 0.0), doctest::Contains("--sample 5"), InputError);
  CHECK_THROWS_WITH_AS(answer(r, Field::Gradient, 0, 3, 0.0), doctest::Contains("--index 4"), InputError);
  CHECK(parse_field("dL_dz") == Field::DLDz);
  CHECK_FALSE(parse_field("dz").has_value());
}

TEST_CASE("logistic-lab check prints right or wrong with the hint, and exits 0, 1 or 2") {
  const CliResult right = run_cli("check --step 1 --sample 1 --field yhat --value 0.6857");
  CHECK(right.exit_code == 0);
  CHECK(right.out == "right\n");
  const CliResult wrong = run_cli("check --step 1 --sample 1 --field yhat --value 0.3143");
  CHECK(wrong.exit_code == 1);
  CHECK(wrong.out == "wrong: 1 − ŷ: you computed the probability of the other class\n");
  const CliResult theta = run_cli("check --step 1 --field theta_after --index 2 --value 0.4976");
  CHECK(theta.exit_code == 0);
  // The slides' mini-batch of samples 2 and 4: sample 4 is in it, sample 1 is not.
  CHECK(run_cli("check --mode minibatch --batch 2,4 --step 1 --sample 4 --field z --value 2.02").exit_code == 0);
  const CliResult absent = run_cli("check --mode minibatch --batch 2,4 --step 1 --sample 1 --field z --value 0.78");
  CHECK(absent.exit_code == 2);
  CHECK_CONTAINS(absent.err, "not in step 1's batch");
  CHECK(run_cli("check --step 1 --sample 1 --field dz --value 1").exit_code == 2);
  CHECK(run_cli("check --step 1 --field z --value 1").exit_code == 2);   // per sample: which?
  // An earlier wrong answer: z = 0.87 makes ŷ = σ(0.87) = 0.7047 consistent (but wrong).
  const CliResult carried = run_cli("check --step 1 --sample 1 --field yhat --value 0.7047 --earlier z=0.87");
  CHECK(carried.exit_code == 1);
  CHECK(carried.out == "wrong: consistent with your z, but that is wrong: fix it first\n");
  // The gradient's b entry from sample 1's ∂L/∂z with its sign flipped (worked-examples §1):
  // (−0.685680 + 0.696355 − 0.183922 − 0.117119)/4 = −0.0726.
  CHECK_CONTAINS(run_cli("check --step 1 --sample 1 --field gradient --index 1 --value -0.0726 --earlier dL_dz=-0.6857").out,
                 "consistent with your ∂L/∂z");
  CHECK(run_cli("check --step 1 --sample 1 --field yhat --value 0.7 --earlier z").exit_code == 2);
  CHECK(run_cli("check --step 1 --sample 1 --field yhat --value 0.7 --earlier z=abc").exit_code == 2);
}
