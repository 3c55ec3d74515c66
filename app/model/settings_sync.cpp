#include "model/settings_sync.h"

#include <algorithm>

namespace ll::app {

void apply_user_settings(AppState& s, const UserSettings& u) {
  s.light_theme = u.theme == "light";
  s.font_scale = std::clamp(u.font_scale, 0.5f, 3.0f);
  s.normal_font_scale = s.font_scale;
  s.panels = u.panels;
  s.steps_per_second = std::clamp(static_cast<double>(u.steps_per_second), 1.0, 5000.0);
  s.decimals = std::clamp(u.decimals, 0, 8);
  s.screenshot_folder = u.screenshot_folder;
  s.png_scale = u.screenshot_scale >= 2 ? 2 : 1;
  s.slide_caption = u.screenshot_caption;
  s.slide_conventions = u.screenshot_conventions;
  s.recent_files = u.recent_files;
  s.recent_scenarios = u.recent_scenarios;
  s.practice.level = std::clamp(u.practice_level, 0, kMostFade);
  s.practice.auto_level_up = u.practice_auto_level_up;
  s.practice.level_up_after = std::clamp(u.practice_level_up_after, 1, kMostLevelUpAfter);
  s.practice.score = {u.practice_answered, u.practice_right, u.practice_hints};
}

UserSettings user_settings_from(const AppState& s, UserSettings u, int window_width, int window_height) {
  u.theme = s.light_theme ? "light" : "dark";
  // In presentation mode the text was enlarged for the room; keep the size chosen before it.
  u.font_scale = s.presentation ? s.normal_font_scale : s.font_scale;
  u.panels = s.panels;
  u.steps_per_second = static_cast<float>(s.steps_per_second);
  u.decimals = s.decimals;
  u.screenshot_folder = s.screenshot_folder;
  u.screenshot_scale = s.png_scale;
  u.screenshot_caption = s.slide_caption;
  u.screenshot_conventions = s.slide_conventions;
  u.recent_files = s.recent_files;
  u.recent_scenarios = s.recent_scenarios;
  u.presentation = false;
  u.practice_level = s.practice.level;
  u.practice_auto_level_up = s.practice.auto_level_up;
  u.practice_level_up_after = s.practice.level_up_after;
  u.practice_answered = s.practice.score.answered;
  u.practice_right = s.practice.score.right;
  u.practice_hints = s.practice.score.hints;
  // A full-screen window's size is the screen's; keep the last windowed size instead.
  if (!s.presentation && window_width > 0 && window_height > 0) {
    u.window_width = window_width;
    u.window_height = window_height;
  }
  return u;
}

}  // namespace ll::app
