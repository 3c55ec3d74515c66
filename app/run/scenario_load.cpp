// Loading a scenario file: read, parse, resolve a relative CSV path, and build the run it
// defines so that a value that does not fit the data is found before anything changes. (Apart
// from scenario.cpp's parser and scenario_file.cpp's writer, which the fuzzer links without the
// trainer.)
#include <cctype>
#include <filesystem>
#include <string>

#include "ll/error.h"
#include "ll/file_reading.h"
#include "ll/trainer.h"
#include "run/scenario.h"

namespace ll::app {
namespace {

// The command line's option names and the scenario's keys for the same thing; make_run's
// messages name the option, a scenario's message names the key.
const std::pair<const char*, const char*> kOptionKeys[] = {
    {"--batch-size", "batch_size"}, {"--separation", "separation"}, {"--standardize", "standardize"},
    {"--activation", "activation"}, {"--momentum", "momentum"}, {"--features", "features"},
    {"--classes", "classes"}, {"--order", "order"}, {"--theta", "theta"}, {"--batch", "batch"},
    {"--steps", "steps"}, {"--data", "data"}, {"--loss", "loss"}, {"--mode", "mode"}, {"--seed", "seed"},
    {"--lr", "lr"}, {"--n", "n"}, {"--label", "label"}, {"--ignore", "ignore"},
    {"--labels", "labels"}, {"--reduction", "reduction"}, {"--squared-error", "squared_error"},
    {"--momentum-form", "momentum_form"}, {"--l2-bias", "l2_bias"}, {"--l2", "l2"},
    {"--test-fraction", "test_fraction"}};

// "--lr: the learning rate …" → "lesson.json: key 'lr': the learning rate …"; later option names
// in the message become 'key'.
std::string in_scenario_terms(const std::string& file, const std::string& message) {
  std::string out;
  for (std::size_t pos = 0; pos < message.size();) {
    bool matched = false;
    for (const auto& [option, key] : kOptionKeys) {
      const std::size_t n = std::char_traits<char>::length(option);
      const char after = pos + n < message.size() ? message[pos + n] : ' ';
      if (message.compare(pos, n, option) == 0 && after != '-' && !std::isalnum(static_cast<unsigned char>(after))) {
        out += std::string(pos == 0 ? "key '" : "'") + key + "'";
        pos += n;
        matched = true;
        break;
      }
    }
    if (!matched) out += message[pos++];
  }
  return file + ": " + out;
}

}  // namespace

Run check_scenario(const RunSpec& s, const std::string& file) {
  try {
    Run run = make_run(s);
    Trainer trainer(run.data, run.settings, run.theta0);         // θ₀'s shape against the data
    if (!run.first_batch.empty()) trainer.set_next_batch(run.first_batch);  // the batch's samples exist
    return run;
  } catch (const InputError& e) {
    throw InputError(in_scenario_terms(file, e.what()));
  }
}

RunSpec load_scenario(const std::string& path) {
  const std::string file = std::filesystem::path(path).filename().string();
  RunSpec s = parse_scenario(read_regular_file(path, kScenarioMaxBytes, "a scenario file"), file);
  const std::filesystem::path data(s.data.source);
  const std::filesystem::path folder = std::filesystem::path(path).parent_path();
  const std::string& source = s.data.source;
  const bool builtin = source == "iris4" || source == "iris6" || source == "iris" || source == "blobs";
  const bool is_path = !builtin && source.find_first_of("/.") != std::string::npos;  // as load_dataset reads it
  if (is_path && data.is_relative() && !folder.empty())
    s.data.source = (folder / data).lexically_normal().string();
  check_scenario(s, file);
  return s;
}

}  // namespace ll::app
