// Screenshot names: built from the run's settings so that the file says what it shows.
#include "model/screenshot_names.h"

#include <sys/stat.h>

#include <cstdio>

namespace ll::app {
namespace {

constexpr std::size_t kMaxDatasetChars = 64;  // keeps the whole name well under NAME_MAX (255)

bool name_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

// "data/my data.csv" → "my data": a CSV path names the data set by its file name.
std::string dataset_stem(const std::string& dataset) {
  std::string stem = dataset.substr(dataset.find_last_of('/') + 1);  // npos + 1 == 0
  const auto dot = stem.find_last_of('.');
  if (dot != std::string::npos && dot > 0) stem.resize(dot);
  return stem;
}

bool exists(const std::string& path) {
  struct stat st {};
  return lstat(path.c_str(), &st) == 0;  // a dangling link is taken too: writing would follow it
}

}  // namespace

std::string sanitise_name_part(const std::string& text) {
  std::string out;
  // '-' counts as a separator too, so runs collapse and no name starts with '-' (which a shell
  // command would take for an option).
  for (char c : text) {
    if (name_char(c) && c != '-')
      out += c;
    else if (!out.empty() && out.back() != '-')
      out += '-';
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

std::string screenshot_name(const std::string& dataset, const std::string& loss, const std::string& activation,
                            const std::string& mode, std::size_t step, const std::string& panel, int scale) {
  std::string data = sanitise_name_part(dataset_stem(dataset));
  if (data.size() > kMaxDatasetChars) data = sanitise_name_part(data.substr(0, kMaxDatasetChars));
  if (data.empty()) data = "data";
  std::string name = data;
  for (const std::string* part : {&loss, &activation, &mode}) {
    const std::string clean = sanitise_name_part(*part);
    if (!clean.empty()) name += "_" + clean;
  }
  char digits[32];
  std::snprintf(digits, sizeof digits, "%03zu", step);
  name += std::string("_step") + digits;
  const std::string clean_panel = sanitise_name_part(panel);
  if (!clean_panel.empty()) name += "_" + clean_panel;
  if (scale > 1) name += "@" + std::to_string(scale) + "x";
  return name + ".png";
}

std::string unique_path(const std::string& folder, const std::string& name) {
  const std::string prefix = folder.empty() ? "" : (folder.back() == '/' ? folder : folder + "/");
  if (!exists(prefix + name)) return prefix + name;
  // Split "stem[@Nx].ext" so the counter goes after the stem.
  auto dot = name.find_last_of('.');
  if (dot == std::string::npos || dot == 0) dot = name.size();
  std::string stem = name.substr(0, dot);
  std::string suffix = name.substr(dot);
  const auto at = stem.find_last_of('@');
  if (at != std::string::npos && at > 0 && stem.size() > at + 2 && stem.back() == 'x' &&
      stem.find_first_not_of("0123456789", at + 1) == stem.size() - 1) {
    suffix = stem.substr(at) + suffix;
    stem.resize(at);
  }
  for (int n = 2; n <= 10000; ++n) {
    const std::string candidate = prefix + stem + "-" + std::to_string(n) + suffix;
    if (!exists(candidate)) return candidate;
  }
  return "";
}

}  // namespace ll::app
