#include "model/user_paths.h"

#include <cstdlib>
#include <fstream>

namespace ll::app {
namespace {

bool is_absolute(const std::string& p) { return !p.empty() && p[0] == '/'; }

}  // namespace

Environment Environment::from_process() {
  const auto get = [](const char* name) {
    const char* v = std::getenv(name);
    return v == nullptr ? std::string() : std::string(v);
  };
  return {get("HOME"), get("XDG_CONFIG_HOME")};
}

std::string config_folder(const Environment& env) {
  if (is_absolute(env.xdg_config_home)) return env.xdg_config_home;
  return (env.home.empty() ? std::string(".") : env.home) + "/.config";
}

std::string settings_path(const Environment& env) { return config_folder(env) + "/logistic-lab/settings.json"; }

std::string default_screenshot_folder(const Environment& env) {
  if (env.home.empty()) return ".";
  std::string pictures = env.home + "/Pictures";
  // user-dirs.dirs is a shell fragment; xdg-user-dirs writes only lines of the form
  //   XDG_PICTURES_DIR="$HOME/Pictures"   or   XDG_PICTURES_DIR="/absolute/path"
  std::ifstream in(config_folder(env) + "/user-dirs.dirs");
  const std::string prefix = "XDG_PICTURES_DIR=\"";
  for (std::string line; std::getline(in, line);) {
    if (line.rfind(prefix, 0) != 0) continue;
    const auto close = line.find('"', prefix.size());
    if (close == std::string::npos) continue;
    std::string value = line.substr(prefix.size(), close - prefix.size());
    if (value.rfind("$HOME", 0) == 0 && (value.size() == 5 || value[5] == '/'))
      value = env.home + value.substr(5);
    if (is_absolute(value)) pictures = value;  // the last valid line wins, as in the shell
  }
  while (pictures.size() > 1 && pictures.back() == '/') pictures.pop_back();
  return pictures + "/logistic-lab";
}

std::string display_path(const std::string& path, const std::string& home) {
  if (home.empty() || home == "/" || path.rfind(home, 0) != 0) return path;
  if (path.size() == home.size()) return "~";
  return path[home.size()] == '/' ? "~" + path.substr(home.size()) : path;
}

}  // namespace ll::app
