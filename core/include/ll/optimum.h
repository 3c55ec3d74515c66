#pragma once
// The best θ for a data set under a run's settings: the minimiser θ* of J (ll/objective.h), where
// it exists.
//   sigmoid + BCE and softmax + CCE (convex): Newton's method, i.e. iteratively reweighted least
//   squares, θ ← θ − t·H⁻¹∇J with a backtracking line search on t, from θ = 0. The Hessian is
//   H = (1/N or 1)·Σ_i ŷ_i(1 − ŷ_i)·x_i x_iᵀ (softmax: the blocks ŷ_a(δ_ab − ŷ_b)·x_i x_iᵀ) + λ
//   on the penalised entries; it is solved with the columns scaled to unit diagonal, which
//   makes the solve as well conditioned as on standardized features.
//   The other pairs (squared error, tanh) are not convex: a long run of the same full-batch
//   descent from θ₀, its step chosen by a line search and each entry's scaled by its feature's
//   variance (as on standardized features), to a stationary point (which one may depend on θ₀;
//   the result says so).
// Without a penalty, classes that a θ separates have no finite θ*: J falls towards its infimum
// as θ grows along the separating direction. That is "separable", and the direction is given.
#include <cstddef>
#include <string>
#include <string_view>

#include "ll/dataset.h"
#include "ll/params.h"
#include "ll/settings.h"

namespace ll {

enum class OptimumStatus {
  Ok,          // θ* found
  Separable,   // no finite θ*: the classes are separable (λ = 0); `direction` is where θ goes
  NotDefined,  // no θ* to give: the loss is undefined at θ₀, or the descent did not settle
};
std::string_view name(OptimumStatus s);   // "ok", "separable", "not-defined"

struct Optimum {
  OptimumStatus status = OptimumStatus::NotDefined;
  Params theta;                 // θ* (Ok), else the last iterate
  Params direction;             // Separable: θ/‖θ‖ of an iterate that separates, a way down
  double loss = 0.0;            // J(θ*) (Ok)
  double gradient_norm = 0.0;   // ‖∇J(θ*)‖
  std::size_t iterations = 0;   // Newton steps, or descent steps
  bool newton = false;          // Newton / IRLS (else the long descent)
  std::string message;          // in plain words: how it was found, or why there is none
};

// Newton's iterations at most; Newton only while its Hessian stays small (p ≤ kMostNewtonParams
// parameters, N·p² ≤ kNewtonBudget multiply-adds an iteration), else the descent. The descent's
// steps at most, and its budget in N·p multiply-adds (each step about three passes): every
// optimum is found, or given up on, within seconds.
constexpr std::size_t kMostNewtonSteps = 200;
constexpr std::size_t kMostNewtonParams = 300;
constexpr double kNewtonBudget = 2e9;
constexpr std::size_t kMostDescentSteps = 200'000;
constexpr double kDescentBudget = 3e8;

// θ₀: where the descent starts (the non-convex pairs); Newton starts at 0.
Optimum find_optimum(const Dataset& data, const Settings& settings, const Params& theta0);

}  // namespace ll
