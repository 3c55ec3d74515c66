#pragma once
// The trainer's messages to people (step_messages.cpp): a θ of the wrong shape, a refused step,
// a diverged one. Plain words, the numbers that explain it, what to do.
#include <cstddef>
#include <string>
#include <vector>

#include "ll/chain.h"
#include "ll/params.h"

namespace ll {

// "3 numbers [b, w1, w2]"; softmax: "3 rows of 3 numbers […], one row per class, …".
std::string shape_text(const Params& p);
// Why tanh + BCE is undefined on these samples, naming them (1-based, as people count).
std::string refusal_message(const std::vector<const SampleChain*>& bad);
// The update made θ non-finite at `step`.
std::string theta_diverged_message(std::size_t step, double learning_rate);
// The data-set loss after `step` is non-finite or over factor × `reference`.
std::string loss_diverged_message(std::size_t step, double loss, double reference, double factor,
                                  double learning_rate);

}  // namespace ll
