// The slides' formulas as text (ll/formulas.h): what the trace, the window and the exports print.
#include <doctest/doctest.h>

#include "ll/formulas.h"

using namespace ll;

TEST_CASE("the simplified chain of each combination is the slides' one") {
  CHECK(formulas(Loss::BCE, Activation::Sigmoid).dL_dz == "∂L/∂z = ŷ − y");
  CHECK(formulas(Loss::BCE, Activation::Sigmoid).gradient == "∂L/∂θ = 1/m Xᵀ(ŷ − y)");
  CHECK(formulas(Loss::MSE, Activation::Sigmoid).dyhat_dz == "∂ŷ/∂z = ŷ(1 − ŷ)");
}

TEST_CASE("a sum is wrapped in parentheses before a factor; a product or bracketed sum is not") {
  CHECK(as_factor("ŷ − y") == "(ŷ − y)");
  CHECK(as_factor("a + b") == "(a + b)");
  CHECK(as_factor("2(ŷ − y)ŷ(1 − ŷ)") == "2(ŷ − y)ŷ(1 − ŷ)");
  CHECK(as_factor("[ŷ − y]") == "[ŷ − y]");
  CHECK(as_factor("") == "");
}
