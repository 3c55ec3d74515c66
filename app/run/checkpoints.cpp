#include "run/checkpoints.h"

#include <algorithm>
#include <cmath>

#include "ll/error.h"

namespace ll::app {
namespace {

using json = nlohmann::json;

const std::vector<std::string> kPanels = {"data", "activation", "log-loss", "loss", "chain", "landscape"};
const std::vector<std::string> kKeys = {"step",   "question", "choices", "answer", "tolerance", "explanation",
                                        "opens", "derivative", "lock", "hide"};

std::string list_of(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

// One checkpoint's reading; every message names the file and the key.
struct Reader {
  const std::string& file;
  std::string where;   // "checkpoints[2]"

  [[noreturn]] void fail(const std::string& key, const std::string& what) const {
    throw InputError(file + ": key '" + where + (key.empty() ? "" : "." + key) + "': " + what);
  }
  std::string text(const json& v, const std::string& key) const {
    if (!v.is_string()) fail(key, "expected a string");
    std::string t = v.get<std::string>();
    if (t.size() > kMostCheckpointText) fail(key, "longer than " + std::to_string(kMostCheckpointText) + " characters");
    return t;
  }
  double number(const json& v, const std::string& key) const {
    if (!v.is_number() || !std::isfinite(v.get<double>())) fail(key, "expected a finite number");
    return v.get<double>();
  }
  std::vector<std::string> names(const json& v, const std::string& key, const std::vector<std::string>& known) const {
    if (!v.is_array()) fail(key, "expected a list such as [\"" + known.front() + "\"]");
    std::vector<std::string> out;
    for (const json& item : v) {
      const std::string n = text(item, key);
      if (std::find(known.begin(), known.end(), n) == known.end())
        fail(key, "'" + n + "' is not one of " + list_of(known));
      out.push_back(n);
    }
    return out;
  }
};

Checkpoint read_one(const Reader& r, const json& v) {
  if (!v.is_object()) r.fail("", "expected an object with step, question, answer");
  for (const auto& [key, value] : v.items())
    if (std::find(kKeys.begin(), kKeys.end(), key) == kKeys.end())
      r.fail(key, "unknown key; a checkpoint has " + list_of(kKeys));
  Checkpoint c;
  if (!v.contains("question")) r.fail("question", "missing");
  if (!v.contains("answer")) r.fail("answer", "missing");
  c.question = r.text(v["question"], "question");
  if (v.contains("step")) {
    const double step = r.number(v["step"], "step");
    if (step < 0 || step > 1e7 || step != std::floor(step)) r.fail("step", "expected a whole number from 0 to 10,000,000");
    c.step = static_cast<std::size_t>(step);
  }
  if (v.contains("choices")) {
    const json& choices = v["choices"];
    if (!choices.is_array() || choices.size() < 2 || choices.size() > 10) r.fail("choices", "expected a list of 2 to 10 strings");
    for (const json& choice : choices) c.choices.push_back(r.text(choice, "choices"));
    const double answer = r.number(v["answer"], "answer");
    if (answer < 1 || answer > static_cast<double>(c.choices.size()) || answer != std::floor(answer))
      r.fail("answer", "expected the number of the right choice, 1 to " + std::to_string(c.choices.size()));
    c.answer = static_cast<std::size_t>(answer) - 1;
  } else {
    c.number = r.number(v["answer"], "answer");
  }
  if (v.contains("tolerance")) {
    c.tolerance = r.number(v["tolerance"], "tolerance");
    if (c.tolerance < 0 || c.tolerance > 1e6) r.fail("tolerance", "expected a number from 0 to 1,000,000");
  }
  if (v.contains("explanation")) c.explanation = r.text(v["explanation"], "explanation");
  if (v.contains("opens")) {
    c.opens = r.text(v["opens"], "opens");
    if (std::find(kPanels.begin(), kPanels.end(), c.opens) == kPanels.end())
      r.fail("opens", "'" + c.opens + "' is not one of " + list_of(kPanels));
  }
  if (v.contains("derivative")) {
    if (!v["derivative"].is_boolean()) r.fail("derivative", "expected true or false");
    c.derivative = v["derivative"].get<bool>();
  }
  if (v.contains("lock")) c.lock = r.names(v["lock"], "lock", lesson_controls());
  if (v.contains("hide")) c.hide = r.names(v["hide"], "hide", lesson_controls());
  return c;
}

}  // namespace

bool Checkpoint::operator==(const Checkpoint& o) const {
  return step == o.step && question == o.question && choices == o.choices && answer == o.answer && number == o.number &&
         tolerance == o.tolerance && explanation == o.explanation && opens == o.opens && derivative == o.derivative &&
         lock == o.lock && hide == o.hide;
}

std::vector<Checkpoint> read_checkpoints(const std::string& file, const json& value) {
  if (!value.is_array()) throw InputError(file + ": key 'checkpoints': expected a list of checkpoints");
  if (value.size() > kMostCheckpoints)
    throw InputError(file + ": key 'checkpoints': at most " + std::to_string(kMostCheckpoints) + " checkpoints");
  std::vector<Checkpoint> out;
  for (std::size_t k = 0; k < value.size(); ++k)
    out.push_back(read_one(Reader{file, "checkpoints[" + std::to_string(k + 1) + "]"}, value[k]));
  return out;
}

nlohmann::ordered_json checkpoints_json(const std::vector<Checkpoint>& checkpoints) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const Checkpoint& c : checkpoints) {
    nlohmann::ordered_json j;
    j["step"] = c.step;
    j["question"] = c.question;
    if (!c.choices.empty()) {
      j["choices"] = c.choices;
      j["answer"] = c.answer + 1;
    } else {
      j["answer"] = c.number;
      j["tolerance"] = c.tolerance;
    }
    if (!c.explanation.empty()) j["explanation"] = c.explanation;
    if (!c.opens.empty()) j["opens"] = c.opens;
    if (c.derivative) j["derivative"] = true;
    if (!c.lock.empty()) j["lock"] = c.lock;
    if (!c.hide.empty()) j["hide"] = c.hide;
    out.push_back(j);
  }
  return out;
}

bool checkpoint_right(const Checkpoint& c, std::size_t choice, double number) {
  if (!c.choices.empty()) return choice == c.answer;
  return std::isfinite(number) && std::abs(number - c.number) <= c.tolerance * std::max(1.0, std::abs(c.number));
}

}  // namespace ll::app
