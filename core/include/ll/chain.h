#pragma once
// The slides' chain for one sample: ∂L/∂θ = ∂L/∂ŷ · ∂ŷ/∂z · ∂z/∂θ, with every factor kept.
#include <cstddef>
#include <vector>

#include "ll/activation.h"
#include "ll/dataset.h"
#include "ll/label_coding.h"
#include "ll/loss.h"
#include "ll/params.h"
#include "ll/settings.h"

namespace ll {

struct SampleChain {
  std::size_t index = 0;          // 0-based sample number
  std::vector<double> x;          // augmented input [1, x1, …, xd] = ∂z/∂θ
  int y = 0;                      // label: 0/1 (y′ of a ±1 label), or the class index for softmax
  LabelCoding labels = LabelCoding::ZeroOne;  // how y is written
  std::vector<double> z;          // 1 value, or K for softmax
  std::vector<double> y_hat;      // 1 value, or K
  double loss = 0.0;
  std::vector<double> dL_dyhat;   // 1 value, or K
  std::vector<double> dyhat_dz;   // 1 value, or the K×K Jacobian, row-major
  std::vector<double> dL_dz;      // the product of the two above (1 value, or K)
  bool defined = true;            // false where the loss is undefined (tanh + BCE with ŷ ≤ 0)
  int written_y() const { return written_label(y, labels); }  // 0/1, or −1/+1
};

// Computes the chain of sample i at θ. ∂L/∂z is computed in the slides' simplified form
// (e.g. ŷ − y for sigmoid + BCE), which stays finite where ∂L/∂ŷ alone overflows.
// With ±1 labels the numbers are those of y′ = (y + 1)/2 (ll/label_coding.h); only y is written
// differently.
SampleChain sample_chain(const Dataset& data, std::size_t i, const Params& theta,
                         Activation activation, Loss loss, LabelCoding labels = LabelCoding::ZeroOne);

// The chain under the run's settings: with ½(ŷ − y)² (SquaredError::Half) L, ∂L/∂ŷ and ∂L/∂z
// are the full form's halved (exactly: ½ is a power of two); ∂ŷ/∂z is the same.
SampleChain sample_chain(const Dataset& data, std::size_t i, const Params& theta, const Settings& settings);

// The same into an existing chain, reusing its storage (a step in the steady state allocates
// nothing: see Trainer::step).
void fill_sample_chain(SampleChain& chain, const Dataset& data, std::size_t i, const Params& theta,
                       Activation activation, Loss loss, LabelCoding labels = LabelCoding::ZeroOne);
void fill_sample_chain(SampleChain& chain, const Dataset& data, std::size_t i, const Params& theta,
                       const Settings& settings);

// Adds this sample's ∂L/∂θ = ∂L/∂z ⊗ x to `gradient` (rows × cols of θ).
void add_sample_gradient(const SampleChain& chain, Params& gradient);

}  // namespace ll
