#pragma once
// What the window draws from θ: probabilities on a grid, the decision boundary, the accuracy.
#include <cstddef>
#include <optional>
#include <vector>

#include "ll/activation.h"
#include "ll/dataset.h"
#include "ll/params.h"

namespace ll {

// Class probabilities of one augmented-free input x = [x1, …, xd]: for a binary model
// [1 − P(y=1|x), P(y=1|x)]; for softmax the K class probabilities. tanh is read as a score in
// (−1, 1); its "probability" is (1 + tanh z) / 2, and its threshold is z = 0 as for sigmoid.
std::vector<double> class_probabilities(const Params& theta, Activation activation,
                                        const double* x);

// z_r = θ_r · [1, x] of sample i for each row r of θ, and ŷ = f(z): σ(z), tanh(z), or the K
// softmax probabilities. (The chain, ll/chain.h, has the same numbers and the derivatives too.)
struct SampleOutputs {
  std::vector<double> z, y_hat;
};
SampleOutputs sample_outputs(const Dataset& data, std::size_t i, const Params& theta, Activation activation);

// Where the activation plot draws a sample, and the slope of the curve there: (z, ŷ) with
// f′(z) = σ′(z) or 1 − tanh²(z); softmax: (m, ŷ_y), the margin m = z_y − max_{k≠y} z_k of the
// true class y against its strongest rival, with ∂ŷ_y/∂z_y = ŷ_y(1 − ŷ_y).
struct ActivationPoint {
  double x = 0.0, y = 0.0, slope = 0.0;
};
ActivationPoint activation_point(const SampleOutputs& outputs, int label, Activation activation);

// θ as a plot over the first two features draws it: every other feature held at its mean over
// the data, its part of z folded into the bias, θ' = [b + Σ_{j>2} w_j·x̄_j, w1, w2] for each row
// (softmax: each class's). So z' = θ'·[1, x1, x2] is z at (x1, x2, x̄3, …): the boundary and the
// shading drawn are a real slice of the model, near the data. θ itself for one or two features.
Params slice_at_means(const Params& theta, const Dataset& data);
// The same from the features' means, worked out once (a plot drawn every frame keeps them).
std::vector<double> feature_means(const Dataset& data);
Params slice_at_means(const Params& theta, const std::vector<double>& means);

// The predicted class of sample i (z = 0 is the boundary for binary models).
int predict(const Dataset& data, std::size_t i, const Params& theta, Activation activation);
// Fraction of samples predicted right.
double accuracy(const Dataset& data, const Params& theta, Activation activation);

// P(y = 1 | x) (binary) or the most likely class's index and probability (softmax) on an
// nx × ny grid over [x0, x1] × [y0, y1] of two features (the other features held at 0).
struct ProbabilityGrid {
  std::size_t nx = 0, ny = 0;
  double x0 = 0, x1 = 1, y0 = 0, y1 = 1;
  std::vector<double> probability;   // ny rows of nx: P(y=1|x), or the winning class's probability
  std::vector<int> winner;           // ny rows of nx: the most likely class
};
ProbabilityGrid probability_grid(const Params& theta, Activation activation, std::size_t nx,
                                 std::size_t ny, double x0, double x1, double y0, double y1);

// The line w1·x1 + w2·x2 + b = 0 (binary, two features) as a·x1 + b·x2 + c = 0 clipped to a box,
// or, for one feature, the threshold x = −b/w. None when w = 0 (no boundary).
struct Segment { double x0, y0, x1, y1; };
std::optional<Segment> decision_boundary(const Params& theta, std::size_t row, double x_min,
                                         double x_max, double y_min, double y_max);
std::optional<double> threshold_1d(const Params& theta);

}  // namespace ll
