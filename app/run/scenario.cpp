// Reading a scenario's text: JSON syntax, the format and version, known keys, value types.
// Pure: no data set and no other file is read here (check_scenario, in scenario_file.cpp, builds
// the run), so the fuzzer (tests/fuzz/fuzz_scenario.cpp) exercises the parser alone.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>
#include <cmath>
#include <functional>
#include <limits>
#include <map>
#include <string>
#include <vector>

#include "ll/data_edit.h"
#include "ll/error.h"
#include "ll/held_out.h"
#include "ll/number_format.h"
#include "run/json_reading.h"
#include "run/scenario.h"

namespace ll::app {
namespace {

using json = nlohmann::json;

// The value as the message quotes it: scalars as written, lists and objects by kind (a deep one
// is never dumped whole).
std::string quoted(const json& v) {
  if (v.is_array()) return "a list";
  if (v.is_object()) return "an object";
  std::string text = v.dump(-1, ' ', false, json::error_handler_t::replace);
  if (display_width(text) > 40) {
    std::size_t cut = 37;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // not mid-character
    text = text.substr(0, cut) + "…";
  }
  return text;
}

// Levenshtein distance: how many single-character edits turn a into b.
std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

// " (did you mean 'lr'?)" when a known key is a couple of edits away, or a common other name.
std::string did_you_mean(const std::string& key, const std::vector<std::string>& known) {
  static const std::map<std::string, std::string> other_names = {
      {"learning_rate", "lr"}, {"eta", "lr"}, {"beta", "momentum"}, {"theta0", "theta"},
      {"dataset", "data"}, {"m", "batch_size"}, {"batch-size", "batch_size"}, {"font-scale", "font_scale"},
      {"samples", "n"}, {"name", "title"}};
  if (const auto it = other_names.find(key); it != other_names.end())
    return " (did you mean '" + it->second + "'?)";
  std::string best;
  std::size_t best_distance = 3;  // at most 2 edits, and not a whole rewrite ("x" is not "n")
  for (const std::string& k : known) {
    const std::size_t d = edit_distance(key, k);
    if (d < best_distance && d < k.size() && d < key.size()) {
      best = k;
      best_distance = d;
    }
  }
  return best.empty() ? "" : " (did you mean '" + best + "'?)";
}

std::string known_list(const std::vector<std::string>& known) {
  std::string s;
  for (const std::string& k : known) s += (s.empty() ? "" : ", ") + k;
  return s;
}

// A sample, feature or class number beyond this is out of range anyway; the command line's
// parse_numbers reads up to here, so what is read here can be written back.
constexpr std::uint64_t kLargestListed = static_cast<std::uint64_t>(std::numeric_limits<long long>::max());

// Reads one key's value; every message names the file and the key.
class KeyReader {
 public:
  KeyReader(const std::string& file, std::string key, const json& value)
      : file_(file), key_(std::move(key)), v_(value) {}

  [[noreturn]] void fail(const std::string& what) const {
    throw InputError(file_ + ": key '" + key_ + "': " + what);
  }
  [[noreturn]] void expected(const std::string& what) const { fail("expected " + what + ", got " + quoted(v_)); }

  std::string text() const {
    if (!v_.is_string()) expected("a string");
    return v_.get<std::string>();
  }
  std::string one_of(const std::vector<std::string>& choices) const {
    const std::string t = text();
    for (const std::string& c : choices)
      if (t == c) return t;
    fail("'" + t + "' is not one of " + known_list(choices));
  }
  bool flag() const {
    if (!v_.is_boolean()) expected("true or false");
    return v_.get<bool>();
  }
  double number() const { return number_in(v_, "a number"); }
  std::size_t whole(std::size_t min) const { return whole_in(v_, min, "a whole number ≥ " + std::to_string(min)); }
  std::size_t whole(std::size_t min, std::size_t max) const {
    return whole_in(v_, min, "a whole number from " + std::to_string(min) + " to " + format_count(max), max);
  }
  // [2, 4] → {2, 4}: numbers from 1, as people count.
  std::vector<std::size_t> numbers_1_based() const {
    if (!v_.is_array()) expected("a list of numbers from 1, e.g. [1, 2]");
    std::vector<std::size_t> out;
    for (const json& item : v_) out.push_back(whole_in(item, 1, "a list of numbers from 1, e.g. [1, 2]", kLargestListed));
    return out;
  }
  // ["id", 3] → {"id", "3"}: columns by header name or by number from 1.
  std::vector<std::string> columns() const {
    const char* what = "a list of column names or numbers from 1, e.g. [\"id\", 2]";
    if (!v_.is_array()) expected(what);
    std::vector<std::string> out;
    for (const json& item : v_)
      out.push_back(item.is_string() ? item.get<std::string>() : std::to_string(whole_in(item, 1, what, kLargestListed)));
    return out;
  }
  // [b, w1, …] → one row; softmax [[…], […]] → K rows.
  Params theta() const {
    const char* shape = "a list of numbers [b, w1, w2, …] (softmax: a list of K such lists)";
    if (!v_.is_array() || v_.empty()) expected(shape);
    if (!v_[0].is_array()) return Params::row(number_row(v_, shape));
    Params p(v_.size(), v_[0].size());
    p.values.clear();
    for (std::size_t r = 0; r < v_.size(); ++r) {
      if (!v_[r].is_array() || v_[r].empty()) expected(shape);
      if (v_[r].size() != v_[0].size())
        fail("row " + std::to_string(r + 1) + " has " + std::to_string(v_[r].size()) + " numbers but row 1 has " +
             std::to_string(v_[0].size()));
      for (double x : number_row(v_[r], shape)) p.values.push_back(x);
    }
    return p;
  }
  // One of the settings' named choices (set_choice: "loss", "activation", "mode", "order").
  void choice(Settings& settings, const char* what) const {
    try {
      set_choice(settings, what, text());
    } catch (const InputError& e) {
      fail(e.what());
    }
  }

 private:
  double number_in(const json& v, const std::string& what) const {
    if (!v.is_number()) expected_of(v, what);
    const double d = v.get<double>();
    if (!std::isfinite(d)) fail("expected a finite number, got " + quoted(v));  // 1e999 reads as ∞
    return d;
  }
  // JSON reads 2 as unsigned; −1 and 2.5 are never a count.
  std::size_t whole_in(const json& v, std::size_t min, const std::string& what,
                       std::uint64_t max = std::numeric_limits<std::uint64_t>::max()) const {
    if (!v.is_number_unsigned() || v.get<std::uint64_t>() < min || v.get<std::uint64_t>() > max)
      expected_of(v, what);
    return static_cast<std::size_t>(v.get<std::uint64_t>());
  }
  [[noreturn]] void expected_of(const json& v, const std::string& what) const {
    fail("expected " + what + ", got " + quoted(v));
  }
  std::vector<double> number_row(const json& row, const char* shape) const {
    std::vector<double> out;
    for (const json& item : row) out.push_back(number_in(item, shape));
    return out;
  }

  const std::string& file_;
  std::string key_;
  const json& v_;
};

using Setter = std::function<void(const KeyReader&, RunSpec&)>;

const std::vector<std::pair<std::string, Setter>>& run_keys() {
  static const std::vector<std::pair<std::string, Setter>> keys = {
      {"title", [](const KeyReader& r, RunSpec& s) { s.view->title = r.text(); }},
      {"description", [](const KeyReader& r, RunSpec& s) { s.view->description = r.text(); }},
      {"data", [](const KeyReader& r, RunSpec& s) { s.data.source = r.text(); }},
      {"label", [](const KeyReader& r, RunSpec& s) { s.data.label_column = r.text(); }},
      {"ignore", [](const KeyReader& r, RunSpec& s) { s.data.ignore_columns = r.columns(); }},
      {"n", [](const KeyReader& r, RunSpec& s) { s.data.blobs_n = r.whole(2, kMostBlobs); }},
      {"separation", [](const KeyReader& r, RunSpec& s) { s.data.blobs_separation = r.number(); }},
      {"standardize", [](const KeyReader& r, RunSpec& s) { s.data.standardize = r.flag(); }},
      {"test_fraction",
       [](const KeyReader& r, RunSpec& s) {
         const double f = r.number();
         if (f < 0.0 || f > kMostTestFraction)
           r.fail("expected a fraction from 0 to " + format_number(kMostTestFraction) + ", got " + format_number(f));
         s.data.test_fraction = f;
       }},
      {"features", [](const KeyReader& r, RunSpec& s) { s.data.features = r.numbers_1_based(); }},
      {"classes", [](const KeyReader& r, RunSpec& s) { s.data.classes = r.numbers_1_based(); }},
      {"loss", [](const KeyReader& r, RunSpec& s) { r.choice(s.settings, "loss"); }},
      {"activation", [](const KeyReader& r, RunSpec& s) { r.choice(s.settings, "activation"); }},
      {"mode", [](const KeyReader& r, RunSpec& s) { r.choice(s.settings, "mode"); }},
      {"batch_size", [](const KeyReader& r, RunSpec& s) { s.settings.batch_size = r.whole(0); }},
      {"batch",
       [](const KeyReader& r, RunSpec& s) {
         s.first_batch.clear();
         for (std::size_t i : r.numbers_1_based()) s.first_batch.push_back(i - 1);
       }},
      {"order", [](const KeyReader& r, RunSpec& s) { r.choice(s.settings, "order"); }},
      {"labels", [](const KeyReader& r, RunSpec& s) { r.choice(s.settings, "labels"); }},
      {"reduction", [](const KeyReader& r, RunSpec& s) { r.choice(s.settings, "reduction"); }},
      {"squared_error", [](const KeyReader& r, RunSpec& s) { r.choice(s.settings, "squared_error"); }},
      {"momentum_form", [](const KeyReader& r, RunSpec& s) { r.choice(s.settings, "momentum_form"); }},
      {"l2", [](const KeyReader& r, RunSpec& s) { s.settings.l2 = r.number(); }},
      {"l2_bias", [](const KeyReader& r, RunSpec& s) { s.settings.l2_bias = r.flag(); }},
      {"seed", [](const KeyReader& r, RunSpec& s) { s.settings.seed = r.whole(0); }},
      {"lr", [](const KeyReader& r, RunSpec& s) { s.settings.learning_rate = r.number(); }},
      {"momentum", [](const KeyReader& r, RunSpec& s) { s.settings.momentum = r.number(); }},
      {"theta", [](const KeyReader& r, RunSpec& s) { s.theta0 = r.theta(); }},
      {"steps", [](const KeyReader& r, RunSpec& s) { s.steps = r.whole(0, kMostSteps); }},
      {"theme", [](const KeyReader& r, RunSpec& s) { s.view->theme = *parse_theme(r.one_of({"dark", "light"})); }},
      {"font_scale",
       [](const KeyReader& r, RunSpec& s) {
         const double v = r.number();
         if (v < 0.5 || v > 3.0) r.fail("expected a number from 0.5 to 3, got " + format_number(v));
         s.view->font_scale = static_cast<float>(v);
       }},
  };
  return keys;
}

std::vector<std::string> names_of(const std::vector<std::pair<std::string, Setter>>& keys) {
  std::vector<std::string> names = {"format", "version", "panels", "points", "checkpoints"};
  for (const auto& k : keys) names.push_back(k.first);
  return names;
}

void read_panels(const std::string& file, const json& panels, PanelsShown& out) {
  const std::vector<std::pair<std::string, bool PanelsShown::*>> known = {
      {"controls", &PanelsShown::controls}, {"data", &PanelsShown::data},
      {"activation", &PanelsShown::activation}, {"loss", &PanelsShown::loss},
      {"chain", &PanelsShown::chain}, {"landscape", &PanelsShown::landscape}};
  if (!panels.is_object()) KeyReader(file, "panels", panels).expected("an object such as {\"chain\": false}");
  std::vector<std::string> names;
  for (const auto& k : known) names.push_back(k.first);
  for (const auto& [key, value] : panels.items()) {
    bool found = false;
    for (const auto& [name, member] : known)
      if (key == name) {
        out.*member = KeyReader(file, "panels." + key, value).flag();
        found = true;
      }
    if (!found)
      throw InputError(file + ": key 'panels." + key + "': unknown panel" + did_you_mean(key, names) +
                       "; the panels are " + known_list(names));
  }
}

// "compare": {"loss": "mse", …}: the second run, the keys of a run that may differ on top of this
// one's (applied after the file's own keys).
void read_compare(const std::string& file, const json& compare, RunSpec& s) {
  if (!compare.is_object()) KeyReader(file, "compare", compare).expected("an object such as {\"loss\": \"mse\"}");
  static const char* const kShared[] = {"data", "label", "ignore", "n", "separation", "features", "classes",
                                        "test_fraction", "points", "theta", "seed", "batch", "steps", "title", "description", "theme",
                                        "font_scale", "panels", "format", "version", "compare", "checkpoints"};
  RunSpec second = s;
  for (const auto& [key, value] : compare.items()) {
    for (const char* shared : kShared)
      if (key == shared)
        throw InputError(file + ": key 'compare." + key + "': the two runs share the data, θ₀, the seed and the steps; "
                         "give it to the first run");
    bool found = false;
    for (const auto& [name, set] : run_keys())
      if (key == name) {
        set(KeyReader(file, "compare." + key, value), second);
        found = true;
        break;
      }
    if (!found)
      throw InputError(file + ": unknown key 'compare." + key + "'" + did_you_mean(key, names_of(run_keys())));
  }
  s.compare = CompareSpec{second.settings, second.data.standardize};
}

// "points": {"name": …, "features": [names], "classes": [names], "samples": [[x1, x2, "class"], …]}:
// an edited data set (ll/data_edit.h), its size checked before it is copied.
void read_points(const std::string& file, const json& points, RunSpec& s) {
  const std::string where = file + ": key 'points'";
  if (!points.is_object()) KeyReader(file, "points", points).expected("an object with features, classes and samples");
  for (const auto& [key, value] : points.items())
    if (key != "name" && key != "features" && key != "classes" && key != "samples")
      throw InputError(where + ": unknown key '" + key + "' (the keys are name, features, classes and samples)");
  auto names = [&](const char* key) {
    std::vector<std::string> out;
    const json& list = points.contains(key) ? points[key] : json();
    if (!list.is_array() || list.empty()) throw InputError(where + ": '" + key + "' must be a list of names");
    for (const json& n : list) {
      if (!n.is_string()) throw InputError(where + ": '" + key + "' must be a list of names, got " + quoted(n));
      out.push_back(n.get<std::string>());
    }
    return out;
  };
  Dataset d;
  d.name = points.contains("name") && points["name"].is_string() ? points["name"].get<std::string>() : "edited";
  d.feature_names = names("features");
  d.class_names = names("classes");
  const json& samples = points.contains("samples") ? points["samples"] : json();
  if (!samples.is_array()) throw InputError(where + ": 'samples' must be a list of [x1, …, \"class\"] rows");
  if (samples.size() > kMostEditedPoints)
    throw InputError(where + ": " + format_count(samples.size()) + " samples; at most " + format_count(kMostEditedPoints));
  const std::size_t f = d.feature_names.size();
  d.columns.assign(f, std::vector<double>());
  for (std::size_t i = 0; i < samples.size(); ++i) {
    const json& row = samples[i];
    const std::string at = where + ": sample " + std::to_string(i + 1);
    if (!row.is_array() || row.size() != f + 1 || !row[f].is_string())
      throw InputError(at + ": expected " + std::to_string(f) + " numbers and a class name, got " + quoted(row));
    for (std::size_t j = 0; j < f; ++j) {
      if (!row[j].is_number()) throw InputError(at + ": expected a number, got " + quoted(row[j]));
      d.columns[j].push_back(row[j].get<double>());
    }
    const auto klass = std::find(d.class_names.begin(), d.class_names.end(), row[f].get<std::string>());
    if (klass == d.class_names.end())
      throw InputError(at + ": class " + quoted(row[f]) + " is not one of 'classes'");
    d.labels.push_back(static_cast<int>(klass - d.class_names.begin()));
  }
  check_points(d, where);
  s.data.points = std::make_shared<const Dataset>(std::move(d));
}

void check_format_and_version(const std::string& file, const json& root) {
  if (!root.contains("format"))
    throw InputError(file + ": not a Logistic Lab scenario: the key \"format\": \"" + kScenarioFormat +
                     "\" is missing");
  if (root["format"] != kScenarioFormat)
    KeyReader(file, "format", root["format"]).expected(std::string("\"") + kScenarioFormat + "\"");
  if (!root.contains("version"))
    throw InputError(file + ": key 'version' is missing (this Logistic Lab reads version " +
                     std::to_string(kScenarioVersion) + ")");
  const json& version = root["version"];
  if (!version.is_number_integer() || version.get<std::int64_t>() < 1)
    KeyReader(file, "version", version).expected("a version number such as " + std::to_string(kScenarioVersion));
  if (version.get<std::int64_t>() > kScenarioVersion)
    throw InputError(file + ": version " + std::to_string(version.get<std::int64_t>()) +
                     " was written by a newer Logistic Lab; this one reads version " +
                     std::to_string(kScenarioVersion) + " (update Logistic Lab to open it)");
}

}  // namespace

RunSpec parse_scenario(const std::string& text, const std::string& file) {
  JsonFailure failure;
  const std::optional<json> parsed = parse_json(text, &failure);
  if (!parsed) {
    const std::string place = failure.line == 0 ? "" : ":" + std::to_string(failure.line) + ":" + std::to_string(failure.column);
    throw InputError(file + place + ": not valid JSON: " + failure.reason);
  }
  const json& root = *parsed;
  if (!root.is_object())
    throw InputError(file + ": expected a JSON object {\"format\": \"" + kScenarioFormat + "\", …}, got " +
                     quoted(root));
  check_format_and_version(file, root);

  RunSpec s;
  s.view.emplace();
  const auto& keys = run_keys();
  for (const auto& [key, value] : root.items()) {
    if (key == "format" || key == "version" || key == "compare") continue;
    if (key == "points") {
      read_points(file, value, s);
      continue;
    }
    if (key == "panels") {
      read_panels(file, value, s.view->panels);
      continue;
    }
    if (key == "checkpoints") { s.view->checkpoints = read_checkpoints(file, value); continue; }
    bool found = false;
    for (const auto& [name, set] : keys)
      if (key == name) {
        set(KeyReader(file, key, value), s);
        found = true;
        break;
      }
    if (!found) throw InputError(file + ": unknown key '" + key + "'" + did_you_mean(key, names_of(keys)));
  }
  if (root.contains("compare")) read_compare(file, root["compare"], s);
  return s;
}

}  // namespace ll::app
