#pragma once
// Where the user's files go: the settings file (XDG config folder) and the default folder for
// pictures and exports (XDG pictures folder), and paths as messages show them.
#include <string>

namespace ll::app {

// The environment variables the paths depend on, read once, so that tests can inject them
// instead of calling setenv (which races with other threads reading the environment).
// An empty string means unset.
struct Environment {
  std::string home;             // $HOME
  std::string xdg_config_home;  // $XDG_CONFIG_HOME
  static Environment from_process();
};

// $XDG_CONFIG_HOME, else $HOME/.config; a relative XDG_CONFIG_HOME is ignored, as the XDG Base
// Directory spec asks. Without HOME the current folder stands in for it ("./.config").
std::string config_folder(const Environment& env);

// <config_folder>/logistic-lab/settings.json
std::string settings_path(const Environment& env);

// XDG_PICTURES_DIR from <config_folder>/user-dirs.dirs ("$HOME/Pictures" style, as
// xdg-user-dirs writes it), else $HOME/Pictures; then "/logistic-lab". Without HOME: ".", the
// current folder itself, where a user of a bare shell would look first.
std::string default_screenshot_folder(const Environment& env);

// `path` with `home` shown as "~" ("~/.config/logistic-lab/settings.json"), for messages.
std::string display_path(const std::string& path, const std::string& home);

}  // namespace ll::app
