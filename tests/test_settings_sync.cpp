// What the window keeps across runs (gui/settings_sync.h): the state's choices go into the saved
// settings and come back the same; presentation mode's enlarged text and full-screen size are not
// what is kept.
#include <doctest/doctest.h>

#include "model/settings_sync.h"

using namespace ll::app;

TEST_CASE("the window's choices go into the settings and come back the same") {
  AppState s;
  s.light_theme = true;
  s.font_scale = 1.75f;
  s.panels.chain = false;
  s.steps_per_second = 250.0;
  s.screenshot_folder = "/tmp/shots";
  s.png_scale = 2;
  s.slide_caption = true;
  s.slide_conventions = true;
  s.recent_files = {"/a.csv", "/b.csv"};
  s.recent_scenarios = {"/lesson.json"};
  const UserSettings u = user_settings_from(s, UserSettings{}, 1400, 800);
  CHECK(u.theme == "light");
  CHECK(u.font_scale == 1.75f);
  CHECK_FALSE(u.panels.chain);
  CHECK(u.panels.data);
  CHECK(u.steps_per_second == 250.0f);
  CHECK(u.screenshot_scale == 2);
  CHECK(u.screenshot_caption);
  CHECK(u.screenshot_conventions);
  CHECK(u.window_width == 1400);
  CHECK(u.window_height == 800);

  AppState back;
  apply_user_settings(back, u);
  CHECK(back.light_theme);
  CHECK(back.slide_caption);
  CHECK(back.slide_conventions);
  CHECK(back.font_scale == 1.75f);
  CHECK(back.panels == s.panels);
  CHECK(back.steps_per_second == 250.0);
  CHECK(back.screenshot_folder == "/tmp/shots");
  CHECK(back.png_scale == 2);
  CHECK(back.recent_files == s.recent_files);
  CHECK(back.recent_scenarios == s.recent_scenarios);
  CHECK_FALSE(back.presentation);
}

TEST_CASE("presentation mode saves the text size and window size from before it") {
  AppState s;
  s.presentation = true;
  s.normal_font_scale = 1.0f;
  s.font_scale = 1.5f;
  UserSettings before;
  before.window_width = 1500;
  before.window_height = 850;
  const UserSettings u = user_settings_from(s, before, 3840, 2160);  // full screen
  CHECK(u.font_scale == 1.0f);
  CHECK(u.window_width == 1500);
  CHECK(u.window_height == 850);
  CHECK_FALSE(u.presentation);
}
