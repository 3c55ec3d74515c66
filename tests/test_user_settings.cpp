// User settings (app/gui/user_settings.h): they survive a save and a load; a bad file costs the
// user a message, never a crash, and is set aside rather than lost; paths follow the XDG spec.
#include <doctest/doctest.h>
#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "model/user_settings.h"

namespace {

using ll::app::Environment;
using ll::app::load_user_settings;
using ll::app::save_user_settings;
using ll::app::UserSettings;

std::string make_temp_folder() {
  std::string pattern = "/tmp/ll-settings-XXXXXX";
  REQUIRE(mkdtemp(pattern.data()) != nullptr);
  return pattern;
}

std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void write(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

bool exists(const std::string& path) {
  struct stat st {};
  return stat(path.c_str(), &st) == 0;
}

void remove_tree(const std::string& path) {
  if (DIR* d = opendir(path.c_str())) {
    while (dirent* e = readdir(d)) {
      const std::string n = e->d_name;
      if (n != "." && n != "..") remove_tree(path + "/" + n);
    }
    closedir(d);
    rmdir(path.c_str());
  } else {
    std::remove(path.c_str());
  }
}

// A settings file in a fresh folder that stands in for $HOME, so messages show "~/…".
struct Home {
  std::string folder = make_temp_folder();
  std::string path = folder + "/.config/logistic-lab/settings.json";
  std::string shown = "~/.config/logistic-lab/settings.json";
  Home() {
    REQUIRE(mkdir((folder + "/.config").c_str(), 0755) == 0);
    REQUIRE(mkdir((folder + "/.config/logistic-lab").c_str(), 0755) == 0);
  }
  ~Home() { remove_tree(folder); }
  ll::app::LoadedSettings load() const { return load_user_settings(path, folder); }
};

}  // namespace

TEST_CASE("settings saved and loaded again are the same settings") {
  const std::string folder = make_temp_folder();
  const std::string path = folder + "/not/yet/made/settings.json";  // save makes the folders
  UserSettings s;
  s.theme = "light";
  s.font_scale = 1.1f;
  s.window_width = 2560;
  s.window_height = 1440;
  s.maximized = true;
  s.screenshot_folder = "/home/ada/Bilder/logistic lab";
  s.screenshot_scale = 2;
  s.recent_files = {"/data/données.csv", "/data/iris.csv"};
  s.recent_scenarios = {"/s/one.json"};
  s.panels.activation = false;
  s.panels.chain = false;
  s.steps_per_second = 250.5f;
  s.decimals = 6;
  s.presentation = true;
  s.screenshot_caption = true;
  s.screenshot_conventions = true;
  std::string error;
  REQUIRE(save_user_settings(path, s, &error));
  CHECK(error.empty());
  const auto loaded = load_user_settings(path);
  CHECK(loaded.message == "");
  CHECK(loaded.settings == s);
  CHECK(loaded.settings.font_scale == 1.1f);
  CHECK(loaded.settings.screenshot_caption);
  CHECK(loaded.settings.screenshot_conventions);
  CHECK(loaded.settings.recent_files == std::vector<std::string>{"/data/données.csv", "/data/iris.csv"});
  const auto json = nlohmann::json::parse(read_all(path));
  CHECK(json["version"] == 1);
  CHECK(json["font_scale"].dump() == "1.1");  // the shortest text, not 1.100000023841858
  remove_tree(folder);
}

TEST_CASE("a missing settings file gives the defaults and no message") {
  Home home;
  const auto loaded = home.load();
  CHECK(loaded.message == "");
  CHECK(loaded.settings == UserSettings{});
  CHECK(loaded.settings.theme == "dark");
  CHECK(loaded.settings.window_width == 1600);
  CHECK_FALSE(exists(home.path));  // reading never creates the file
}

TEST_CASE("a settings file that is not JSON is moved aside, the message gives line and column") {
  Home home;
  const std::string text = "{\n  \"theme\": \"light\",\n  \"font_scale\": tru\n}\n";
  write(home.path, text);
  const auto loaded = home.load();
  CHECK(loaded.message == "Your settings file " + home.shown +
                              " could not be read (line 3, column 19: invalid literal); it was moved to "
                              "settings.json.bad and the defaults are used.");
  CHECK(loaded.settings == UserSettings{});  // not "light": nothing of a broken file is trusted
  CHECK_FALSE(exists(home.path));
  CHECK(read_all(home.path + ".bad") == text);

  // A second broken file does not overwrite the first one set aside.
  write(home.path, "[1, 2");
  const auto again = home.load();
  CHECK(again.message.find("line 1, column 5: unexpected end of input") != std::string::npos);
  CHECK(again.message.find("it was moved to settings.json.bad-2 and") != std::string::npos);
  CHECK(read_all(home.path + ".bad") == text);
  CHECK(read_all(home.path + ".bad-2") == "[1, 2");
}

TEST_CASE("a number too large for a double costs only its key, not the whole file") {
  Home home;
  // nlohmann's parser stops at 1e400; read as the largest double, it is clamped like any other.
  write(home.path, "{\"theme\": \"light\", \"font_scale\": 1e400, \"steps_per_second\": -1e999, \"decimals\": 6,"
                   " \"screenshot_folder\": \"/tmp/1e999\"}");
  const auto loaded = home.load();
  CHECK(loaded.settings.theme == "light");
  CHECK(loaded.settings.font_scale == 3.0f);
  CHECK(loaded.settings.steps_per_second == 1.0);
  CHECK(loaded.settings.decimals == 6);
  CHECK(loaded.settings.screenshot_folder == "/tmp/1e999");   // inside a string: as written
  CHECK(loaded.message.find("could not be used: font_scale") != std::string::npos);
  CHECK(loaded.message.find("so 3 is used") != std::string::npos);
  CHECK(exists(home.path));   // not moved aside
  CHECK_FALSE(exists(home.path + ".bad"));
}

TEST_CASE("binary, empty, non-object and over-1-MiB settings files are moved aside with a message") {
  Home home;
  struct Case {
    std::string bytes, reason;
  };
  const Case cases[] = {
      {std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16), "(line 1, column 1: invalid literal)"},
      {"", "(it is empty)"},
      {"  \n", "(it is empty)"},
      {"[\"dark\"]", "(it holds a list, not a group of keys)"},
      {"{\"recent_files\": [\"" + std::string(1 << 20, 'a') + "\"]}", "(it is over 1 MiB, too large for a settings file)"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.reason);
    write(home.path, c.bytes);
    const auto loaded = home.load();
    CHECK(loaded.message == "Your settings file " + home.shown + " could not be read " + c.reason +
                                "; it was moved to settings.json.bad and the defaults are used.");
    CHECK(loaded.settings == UserSettings{});
    CHECK_FALSE(exists(home.path));
    CHECK(read_all(home.path + ".bad") == c.bytes);
    std::remove((home.path + ".bad").c_str());
  }
}

TEST_CASE("a folder in place of the settings file gives the defaults and a message, and stays put") {
  Home home;
  REQUIRE(mkdir(home.path.c_str(), 0755) == 0);
  const auto loaded = home.load();
  CHECK(loaded.message == "Your settings file " + home.shown +
                              " could not be read (it is a folder); the defaults are used.");
  CHECK(loaded.settings == UserSettings{});
  struct stat st {};
  REQUIRE(stat(home.path.c_str(), &st) == 0);
  CHECK(S_ISDIR(st.st_mode));
  std::string error;
  CHECK_FALSE(save_user_settings(home.path, UserSettings{}, &error));
  CHECK(error == "cannot write " + home.path + ": it is a folder, not a regular file");
}

TEST_CASE("a settings key of the wrong type takes its default, the message names it, the rest is kept") {
  Home home;
  const std::string text =
      R"({"theme": "light", "font_scale": "big", "panels": {"loss": false, "chain": 0}})";
  write(home.path, text);
  const auto loaded = home.load();
  CHECK(loaded.message == "Some settings in " + home.shown +
                              " could not be used: font_scale should be a number, not text, so 1 is used; "
                              "panels.chain should be true or false, not a number, so true is used.");
  CHECK(loaded.settings.theme == "light");
  CHECK(loaded.settings.font_scale == 1.0f);
  CHECK(loaded.settings.panels.loss == false);
  CHECK(loaded.settings.panels.chain == true);
  CHECK(read_all(home.path) == text);  // a readable file stays; the next save rewrites it
}

TEST_CASE("out-of-range settings are clamped with a message naming each key") {
  Home home;
  write(home.path, R"({"font_scale": 50, "window_width": -5, "window_height": 800.5,
                       "screenshot_scale": 3, "steps_per_second": 0, "theme": "neon"})");
  const auto loaded = home.load();
  CHECK(loaded.message == "Some settings in " + home.shown + " could not be used: "
                          "theme \"neon\" is not one of \"dark\", \"light\", \"classic\", so \"dark\" is used; "
                          "font_scale 50 is outside 0.5 to 3, so 3 is used; "
                          "window_width -5 is outside 320 to 16384, so 320 is used; "
                          "window_height should be a whole number, not 800.5, so 900 is used; "
                          "steps_per_second 0 is outside 1 to 5000, so 1 is used.");
  CHECK(loaded.settings.theme == "dark");
  CHECK(loaded.settings.font_scale == 3.0f);
  CHECK(loaded.settings.window_width == 320);
  CHECK(loaded.settings.window_height == 900);
  CHECK(loaded.settings.screenshot_scale == 3);  // in range: kept
  CHECK(loaded.settings.steps_per_second == 1.0f);
}

TEST_CASE("unknown settings keys are ignored, so a newer version's file still loads") {
  Home home;
  write(home.path, R"({"version": 7, "theme": "classic", "colour_blind_mode": {"on": true}, "panels": {"new": 1}})");
  const auto loaded = home.load();
  CHECK(loaded.message == "");
  CHECK(loaded.settings.theme == "classic");
  CHECK(loaded.settings.panels.controls == true);
}

TEST_CASE("recent lists put the latest first, hold no duplicates and keep ten (settings)") {
  std::vector<std::string> list;
  ll::app::add_recent(list, "/a.csv");
  ll::app::add_recent(list, "/b.csv");
  ll::app::add_recent(list, "/a.csv");
  ll::app::add_recent(list, "");
  CHECK(list == std::vector<std::string>{"/a.csv", "/b.csv"});
  for (int i = 0; i < 12; ++i) ll::app::add_recent(list, "/" + std::to_string(i) + ".csv");
  REQUIRE(list.size() == 10);
  CHECK(list.front() == "/11.csv");
  CHECK(list.back() == "/2.csv");

  // A hand-edited list is cleaned the same way when it is read.
  Home home;
  std::string many;
  for (int i = 0; i < 12; ++i) many += ", \"/f" + std::to_string(i) + "\"";
  write(home.path, R"({"recent_files": ["/x", 3, "/x", "")" + many + R"(], "recent_scenarios": "/s"})");
  const auto loaded = home.load();
  CHECK(loaded.message == "Some settings in " + home.shown + " could not be used: "
                          "recent_files had 2 entries that are not a file name, left out; "
                          "recent_scenarios should be a list of file names, not text, so an empty list is used.");
  REQUIRE(loaded.settings.recent_files.size() == 10);
  CHECK(loaded.settings.recent_files[0] == "/x");
  CHECK(loaded.settings.recent_files[1] == "/f0");
  CHECK(loaded.settings.recent_files[9] == "/f8");
  CHECK(loaded.settings.recent_scenarios.empty());
}

TEST_CASE("the settings file is under XDG_CONFIG_HOME, else HOME/.config, else ./.config") {
  CHECK(ll::app::settings_path({"/home/ada", "/xdg/conf"}) == "/xdg/conf/logistic-lab/settings.json");
  CHECK(ll::app::settings_path({"/home/ada", ""}) == "/home/ada/.config/logistic-lab/settings.json");
  // The XDG spec: a relative path in an XDG variable is invalid and ignored.
  CHECK(ll::app::settings_path({"/home/ada", "conf"}) == "/home/ada/.config/logistic-lab/settings.json");
  CHECK(ll::app::settings_path({"", ""}) == "./.config/logistic-lab/settings.json");
  CHECK(ll::app::display_path("/home/ada/.config/x", "/home/ada") == "~/.config/x");
  CHECK(ll::app::display_path("/home/adam/x", "/home/ada") == "/home/adam/x");
}

TEST_CASE("the default screenshot folder follows XDG_PICTURES_DIR in user-dirs.dirs (settings)") {
  const std::string home = make_temp_folder();
  const std::string conf = home + "/conf";
  REQUIRE(mkdir(conf.c_str(), 0755) == 0);
  // No user-dirs.dirs: ~/Pictures.
  CHECK(ll::app::default_screenshot_folder({home, conf}) == home + "/Pictures/logistic-lab");
  write(conf + "/user-dirs.dirs",
        "# This file is written by xdg-user-dirs-update\n"
        "XDG_DESKTOP_DIR=\"$HOME/Desktop\"\n"
        "XDG_PICTURES_DIR=\"$HOME/Bilder\"\n");
  CHECK(ll::app::default_screenshot_folder({home, conf}) == home + "/Bilder/logistic-lab");
  write(conf + "/user-dirs.dirs", "XDG_PICTURES_DIR=\"/srv/shots/\"\n");
  CHECK(ll::app::default_screenshot_folder({home, conf}) == "/srv/shots/logistic-lab");
  // Without XDG_CONFIG_HOME the file is looked for in $HOME/.config.
  REQUIRE(mkdir((home + "/.config").c_str(), 0755) == 0);
  write(home + "/.config/user-dirs.dirs", "XDG_PICTURES_DIR=\"$HOME/Images\"\n");
  CHECK(ll::app::default_screenshot_folder({home, ""}) == home + "/Images/logistic-lab");
  // Without HOME: the current folder.
  CHECK(ll::app::default_screenshot_folder({"", ""}) == ".");
  remove_tree(home);
}

TEST_CASE("saving settings where nothing can be written fails with a message and changes nothing") {
  // Root ignores permission bits, so as root the read-only places are under /proc, whose files
  // cannot be replaced and whose top level takes no new folders.
  std::string error;
  if (geteuid() == 0) {
    const std::string before = read_all("/proc/version");
    CHECK_FALSE(save_user_settings("/proc/version", UserSettings{}, &error));
    CHECK(error.rfind("cannot write /proc/version: ", 0) == 0);
    CHECK(read_all("/proc/version") == before);
    CHECK_FALSE(save_user_settings("/proc/logistic-lab/settings.json", UserSettings{}, &error));
    CHECK(error.rfind("cannot create the folder /proc/logistic-lab: ", 0) == 0);
  } else {
    const std::string folder = make_temp_folder();
    const std::string path = folder + "/settings.json";
    write(path, "{\"theme\": \"light\"}");
    REQUIRE(chmod(folder.c_str(), 0555) == 0);
    CHECK_FALSE(save_user_settings(path, UserSettings{}, &error));
    CHECK(error.rfind("cannot write " + path + ": ", 0) == 0);
    CHECK(read_all(path) == "{\"theme\": \"light\"}");
    chmod(folder.c_str(), 0755);
    remove_tree(folder);
  }
}

TEST_CASE("the number of decimals is kept in the settings, and one out of range is clamped") {
  Home home;
  write(home.path, R"({"decimals": 12})");
  const auto loaded = home.load();
  CHECK(loaded.settings.decimals == 8);
  CHECK(loaded.message.find("decimals 12 is outside 0 to 8, so 8 is used") != std::string::npos);
}
