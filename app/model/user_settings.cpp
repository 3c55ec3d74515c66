// Settings file I/O. A settings file is something the user may edit by hand, or that an older or
// newer version wrote, so every key is checked on its own and a problem costs that key only.
#include "model/user_settings.h"

#include <sys/stat.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <tuple>

#include "io/atomic_file.h"
#include "run/json_reading.h"

namespace ll::app {
namespace {

using nlohmann::json;

constexpr long kMaxFileBytes = 1 << 20;  // a real settings file is ~1 KiB; more is not ours
constexpr int kFormatVersion = 1;        // written for future migrations; not required on read

// A float written as its shortest round-trip text ("1.1", not 1.100000023841858): the file stays
// readable by hand and reads back to the same float.
double tidy(float f) {
  std::array<char, 32> buf{};
  const auto r = std::to_chars(buf.data(), buf.data() + buf.size(), f);
  return std::strtod(std::string(buf.data(), r.ptr).c_str(), nullptr);
}

std::string parent_folder(const std::string& path) {
  const auto slash = path.find_last_of('/');
  if (slash == std::string::npos) return "";
  return slash == 0 ? "/" : path.substr(0, slash);
}

std::string file_name(const std::string& path) {
  const auto slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

bool exists(const std::string& path) {
  struct stat st {};
  return lstat(path.c_str(), &st) == 0;
}

// A status line shows one line of text: control bytes (from a binary file) become '?'.
std::string printable(std::string s) {
  for (char& c : s)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = '?';
  return s;
}

// The plain words for a JSON value's type, as a user who edited the file would say them.
std::string kind_of(const json& v) {
  switch (v.type()) {
    case json::value_t::null: return "null";
    case json::value_t::boolean: return v.get<bool>() ? "true" : "false";
    case json::value_t::string: return "text";
    case json::value_t::array: return "a list";
    case json::value_t::object: return "a group of keys";
    default: return "a number";
  }
}

// "line 3, column 10: invalid literal": the place (run/json_reading.h's rule) and the short
// reason, without nlohmann's "syntax error while parsing value - " and "; last read: '…'".
std::string describe_parse_failure(const JsonFailure& f) {
  std::string reason = f.reason;
  const auto dash = reason.find(" - ");
  if (dash != std::string::npos) reason = reason.substr(dash + 3);
  const auto last_read = reason.find("; last read");
  if (last_read != std::string::npos) reason.resize(last_read);
  return "line " + std::to_string(f.line) + ", column " + std::to_string(f.column) + ": " + printable(reason);
}

// Reads each key into the settings, leniently: a problem costs that key only (its default or a
// clamped value is used) and is collected as one plain sentence. (Scenario files are read
// strictly instead: run/scenario.cpp.)
// Reads each key into `s`, collecting one plain sentence per problem.
class LenientReader {
 public:
  explicit LenientReader(std::vector<std::string>& problems) : problems_(problems) {}

  void text(const json& obj, const std::string& key, std::string& out) {
    const json* v = find(obj, key);
    if (v == nullptr) return;
    if (!v->is_string()) return wrong(key, *v, "text", quoted(out));
    out = v->get<std::string>();
  }

  void choice(const json& obj, const std::string& key, std::string& out, const std::vector<std::string>& allowed) {
    std::string s = out;
    text(obj, key, s);
    if (std::find(allowed.begin(), allowed.end(), s) != allowed.end()) {
      out = s;
      return;
    }
    std::string list;
    for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + quoted(a);
    problems_.push_back(key + " " + quoted(printable(s)) + " is not one of " + list + ", so " + quoted(out) +
                        " is used");
  }

  void flag(const json& obj, const std::string& key, bool& out) {
    const json* v = find(obj, key);
    if (v == nullptr) return;
    if (!v->is_boolean()) return wrong(key, *v, "true or false", out ? "true" : "false");
    out = v->get<bool>();
  }

  // Numbers out of [lo, hi] are clamped: a window size of 99999 most likely meant "large".
  void number(const json& obj, const std::string& key, float& out, double lo, double hi) {
    double d = out;
    if (!read_number(obj, key, d, false, number_text(out))) return;
    out = static_cast<float>(clamp_and_tell(key, d, lo, hi));
  }

  void whole(const json& obj, const std::string& key, int& out, int lo, int hi) {
    double d = out;
    if (!read_number(obj, key, d, true, std::to_string(out))) return;
    out = static_cast<int>(clamp_and_tell(key, d, lo, hi));
  }

  // A list of paths: entries that are not text (or empty) are dropped, duplicates and any
  // beyond kMaxRecent too, keeping the order (most recent first).
  void recent(const json& obj, const std::string& key, std::vector<std::string>& out) {
    const json* v = find(obj, key);
    if (v == nullptr) return;
    if (!v->is_array()) return wrong(key, *v, "a list of file names", "an empty list");
    std::vector<std::string> paths;
    std::size_t dropped = 0;
    for (const json& item : *v) {
      const std::string p = item.is_string() ? item.get<std::string>() : "";
      if (p.empty() || p.find('\0') != std::string::npos)
        ++dropped;
      else if (std::find(paths.begin(), paths.end(), p) == paths.end())
        paths.push_back(p);
    }
    if (dropped > 0)
      problems_.push_back(key + " had " + std::to_string(dropped) + (dropped == 1 ? " entry" : " entries") +
                          " that " + (dropped == 1 ? "is" : "are") + " not a file name, left out");
    if (paths.size() > kMaxRecent) paths.resize(kMaxRecent);
    out = std::move(paths);
  }

  // A nested group ("panels"): a missing or mistyped group keeps the defaults of its keys.
  const json* group(const json& obj, const std::string& key) {
    const json* v = find(obj, key);
    if (v == nullptr || v->is_object()) return v;
    wrong(key, *v, "a group of keys", "the defaults");
    return nullptr;
  }

 private:
  static const json* find(const json& obj, const std::string& key) {
    const std::string leaf = key.substr(key.find_last_of('.') + 1);  // "panels.chain" → "chain"
    const auto it = obj.find(leaf);
    return it == obj.end() ? nullptr : &*it;
  }

  static std::string quoted(const std::string& s) { return "\"" + s + "\""; }

  static std::string number_text(double d) {
    std::ostringstream s;
    s << d;
    return s.str();
  }

  void wrong(const std::string& key, const json& v, const std::string& expected, const std::string& used) {
    problems_.push_back(key + " should be " + expected + ", not " + kind_of(v) + ", so " + used + " is used");
  }

  bool read_number(const json& obj, const std::string& key, double& out, bool whole_only, const std::string& fallback) {
    const json* v = find(obj, key);
    if (v == nullptr) return false;
    if (!v->is_number()) {
      wrong(key, *v, whole_only ? "a whole number" : "a number", fallback);
      return false;
    }
    const double d = v->get<double>();
    if (whole_only && std::floor(d) != d) {
      problems_.push_back(key + " should be a whole number, not " + number_text(d) + ", so " + fallback + " is used");
      return false;
    }
    out = d;
    return true;
  }

  double clamp_and_tell(const std::string& key, double d, double lo, double hi) {
    const double c = std::clamp(d, lo, hi);
    if (c != d)
      problems_.push_back(key + " " + number_text(d) + " is outside " + number_text(lo) + " to " +
                          number_text(hi) + ", so " + number_text(c) + " is used");
    return c;
  }

  std::vector<std::string>& problems_;
};

UserSettings from_json(const json& root, std::vector<std::string>& problems) {
  UserSettings s;
  LenientReader r(problems);
  r.choice(root, "theme", s.theme, {"dark", "light", "classic"});
  r.number(root, "font_scale", s.font_scale, 0.5, 3.0);
  r.whole(root, "window_width", s.window_width, 320, 16384);
  r.whole(root, "window_height", s.window_height, 240, 16384);
  r.flag(root, "maximized", s.maximized);
  r.text(root, "screenshot_folder", s.screenshot_folder);
  r.whole(root, "screenshot_scale", s.screenshot_scale, 1, 4);
  r.recent(root, "recent_files", s.recent_files);
  r.recent(root, "recent_scenarios", s.recent_scenarios);
  if (const json* p = r.group(root, "panels")) {
    r.flag(*p, "panels.controls", s.panels.controls);
    r.flag(*p, "panels.data", s.panels.data);
    r.flag(*p, "panels.activation", s.panels.activation);
    r.flag(*p, "panels.loss", s.panels.loss);
    r.flag(*p, "panels.chain", s.panels.chain);
    r.flag(*p, "panels.landscape", s.panels.landscape);
  }
  r.number(root, "steps_per_second", s.steps_per_second, 1.0, 5000.0);
  r.whole(root, "decimals", s.decimals, 0, 8);
  r.flag(root, "screenshot_caption", s.screenshot_caption);
  r.flag(root, "screenshot_conventions", s.screenshot_conventions);
  r.flag(root, "presentation", s.presentation);
  if (const json* p = r.group(root, "practice")) {
    r.whole(*p, "practice.level", s.practice_level, 0, 9);
    r.flag(*p, "practice.auto_level_up", s.practice_auto_level_up);
    r.whole(*p, "practice.level_up_after", s.practice_level_up_after, 1, 10);
    r.whole(*p, "practice.answered", s.practice_answered, 0, 1'000'000'000);
    r.whole(*p, "practice.right", s.practice_right, 0, 1'000'000'000);
    r.whole(*p, "practice.hints", s.practice_hints, 0, 1'000'000'000);
  }
  return s;
}

// "settings.json.bad", or ".bad-2", ".bad-3", … so that an older set-aside file is kept.
std::string set_aside_name(const std::string& path) {
  std::string candidate = path + ".bad";
  for (int n = 2; exists(candidate) && n < 1000; ++n) candidate = path + ".bad-" + std::to_string(n);
  return candidate;
}

// The message for a file that could not be used at all; moves it aside when `move` is set.
std::string unusable(const std::string& path, const std::string& home, const std::string& reason, bool move) {
  std::string m = "Your settings file " + display_path(path, home) + " could not be read (" + reason + ")";
  if (!move) return m + "; the defaults are used.";
  const std::string aside = set_aside_name(path);
  if (std::rename(path.c_str(), aside.c_str()) != 0)
    return m + "; the defaults are used, and it could not be moved aside (" + std::strerror(errno) +
           "), so the next save will replace it.";
  return m + "; it was moved to " + file_name(aside) + " and the defaults are used.";
}

}  // namespace

bool operator==(const UserSettings& a, const UserSettings& b) {
  const auto fields = [](const UserSettings& s) {
    return std::tie(s.theme, s.font_scale, s.window_width, s.window_height, s.maximized, s.screenshot_folder,
                    s.screenshot_scale, s.recent_files, s.recent_scenarios, s.panels.controls, s.panels.data,
                    s.panels.activation, s.panels.loss, s.panels.chain, s.panels.landscape, s.steps_per_second, s.presentation,
                    s.decimals, s.screenshot_caption, s.screenshot_conventions, s.practice_level,
                    s.practice_auto_level_up, s.practice_level_up_after, s.practice_answered, s.practice_right, s.practice_hints);
  };
  return fields(a) == fields(b);
}

LoadedSettings load_user_settings(const std::string& path, const std::string& home) noexcept {
  LoadedSettings out;
  try {
    struct stat st {};
    if (stat(path.c_str(), &st) != 0) {
      if (errno != ENOENT) out.message = unusable(path, home, std::strerror(errno), false);
      return out;  // ENOENT: the first run
    }
    if (S_ISDIR(st.st_mode)) return {{}, unusable(path, home, "it is a folder", false)};
    if (!S_ISREG(st.st_mode)) return {{}, unusable(path, home, "it is not a regular file", false)};
    const std::string too_big = "it is over 1 MiB, too large for a settings file";
    if (st.st_size > kMaxFileBytes) return {{}, unusable(path, home, too_big, true)};

    errno = 0;
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (f == nullptr) return {{}, unusable(path, home, std::strerror(errno), false)};
    std::string text(static_cast<std::size_t>(kMaxFileBytes) + 1, '\0');
    text.resize(std::fread(text.data(), 1, text.size(), f));
    const bool read_failed = std::ferror(f) != 0;
    std::fclose(f);
    if (read_failed) return {{}, unusable(path, home, "a read error", false)};
    if (text.size() > static_cast<std::size_t>(kMaxFileBytes)) return {{}, unusable(path, home, too_big, true)};
    if (text.find_first_not_of(" \t\r\n") == std::string::npos)
      return {{}, unusable(path, home, "it is empty", true)};

    JsonFailure failure;
    // A number too large for a double (1e400) costs only its key: read as the largest one, it
    // is clamped to its setting's range like any other out-of-range value.
    const std::optional<json> parsed = parse_json(clamp_overflowing_numbers(text), &failure);
    if (!parsed) {
      if (failure.line == 0)  // e.g. out_of_range.406: a number like 1e400
        return {{}, unusable(path, home, "a number is too large", true)};
      return {{}, unusable(path, home, describe_parse_failure(failure), true)};
    }
    const json& root = *parsed;
    if (!root.is_object())
      return {{}, unusable(path, home, "it holds " + kind_of(root) + ", not a group of keys", true)};

    std::vector<std::string> problems;
    out.settings = from_json(root, problems);
    if (!problems.empty()) {
      out.message = "Some settings in " + display_path(path, home) + " could not be used: ";
      for (std::size_t i = 0; i < problems.size(); ++i) out.message += (i == 0 ? "" : "; ") + printable(problems[i]);
      out.message += ".";
    }
  } catch (const std::exception& e) {  // bad_alloc and the like: never take the app down
    out = {{}, "Your settings could not be read (" + std::string(e.what()) + "); the defaults are used."};
  }
  return out;
}

std::string settings_to_json(const UserSettings& s) {
  // Paths that are not valid UTF-8 cannot be stored in JSON text; a recent entry like that is
  // left out rather than written mangled (it would point at a file that does not exist).
  const auto storable = [](const std::vector<std::string>& list) {
    json a = json::array();
    for (const auto& p : list) {
      try {
        (void)json(p).dump();
        a.push_back(p);
      } catch (const json::type_error&) {
      }
    }
    return a;
  };
  json j = {
      {"version", kFormatVersion},
      {"theme", s.theme},
      {"font_scale", tidy(s.font_scale)},
      {"window_width", s.window_width},
      {"window_height", s.window_height},
      {"maximized", s.maximized},
      {"screenshot_folder", s.screenshot_folder},
      {"screenshot_scale", s.screenshot_scale},
      {"screenshot_caption", s.screenshot_caption},
      {"screenshot_conventions", s.screenshot_conventions},
      {"recent_files", storable(s.recent_files)},
      {"recent_scenarios", storable(s.recent_scenarios)},
      {"panels",
       {{"controls", s.panels.controls},
        {"data", s.panels.data},
        {"activation", s.panels.activation},
        {"loss", s.panels.loss},
        {"chain", s.panels.chain},
        {"landscape", s.panels.landscape}}},
      {"steps_per_second", tidy(s.steps_per_second)},
      {"decimals", s.decimals},
      {"presentation", s.presentation},
      {"practice",
       {{"level", s.practice_level},
        {"auto_level_up", s.practice_auto_level_up},
        {"level_up_after", s.practice_level_up_after},
        {"answered", s.practice_answered},
        {"right", s.practice_right},
        {"hints", s.practice_hints}}},
  };
  return j.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

bool save_user_settings(const std::string& path, const UserSettings& settings, std::string* error) noexcept {
  try {
    if (!io::make_folders(parent_folder(path), error)) return false;
    return io::write_file_atomically(path, settings_to_json(settings), error);
  } catch (const std::exception& e) {
    if (error != nullptr) *error = "cannot write " + path + ": " + e.what();
    return false;
  }
}

void add_recent(std::vector<std::string>& list, const std::string& path) {
  if (path.empty()) return;
  list.erase(std::remove(list.begin(), list.end(), path), list.end());
  list.insert(list.begin(), path);
  if (list.size() > kMaxRecent) list.resize(kMaxRecent);
}

}  // namespace ll::app
