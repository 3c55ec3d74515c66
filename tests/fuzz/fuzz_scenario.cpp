// libFuzzer target for the scenario reader: any bytes go to parse_scenario, which must either
// return a run spec or throw ll::InputError with a message; anything else (a crash, another
// exception, a sanitizer report) is a bug. parse_scenario reads no data set and no file, so the
// fuzzer spends its time in the parser. A parsed scenario is also written back out: what the
// reader accepts, scenario_json must be able to write, and the written text must read back the
// same.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "run/scenario.h"
#include "ll/error.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  ll::app::RunSpec scenario;
  try {
    scenario = ll::app::parse_scenario(text, "fuzz.json");
  } catch (const ll::InputError&) {
    return 0;  // rejected with a message: fine
  }
  if (ll::app::parse_scenario(ll::app::scenario_json(scenario), "fuzz.json") != scenario) std::abort();
  return 0;
}
