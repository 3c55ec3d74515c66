// libFuzzer target for loading a scenario: any bytes that parse_scenario accepts go on to
// check_scenario, which builds the run as opening the file in the window would (the data set,
// blobs up to their limit, a CSV path it names, θ₀ against the data, the first batch), then a
// few steps are taken. Each must succeed or throw ll::InputError; anything else (a crash, an
// abort on an assertion, another exception, memory over .ci/fuzz's limit) is a bug.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "ll/error.h"
#include "ll/trainer.h"
#include "run/scenario.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    const ll::app::RunSpec spec = ll::app::parse_scenario(text, "fuzz.json");
    // Up to a million blobs: the 10,000,000 the limit allows take seconds under the sanitizers,
    // past the fuzzer's 5 s per input (the limit itself is tested in test_scenario.cpp).
    if (spec.data.source == "blobs" && spec.data.blobs_n > 1'000'000) return 0;
    const ll::app::Run run = ll::app::check_scenario(spec, "fuzz.json");
    ll::Trainer trainer(run.data, run.settings, run.theta0);
    if (!run.first_batch.empty()) trainer.set_next_batch(run.first_batch);
    const std::size_t steps = run.data->rows() > 100'000 ? 0 : std::min<std::size_t>(spec.steps, 3);
    for (std::size_t k = 0; k < steps; ++k)
      if (trainer.step(k == 0).status != ll::StepStatus::Ok) break;
  } catch (const ll::InputError&) {
    return 0;  // rejected with a message: fine
  }
  return 0;
}
