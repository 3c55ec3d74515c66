#pragma once
// The two themes: dark (the default, for a screen) and light (high contrast, for a projector in a
// lit room and for pasting into slides). Apply one between frames; panels read their accent
// colours here instead of hard-coding a shade that suits only one background.
#include <imgui.h>

#include <string>

namespace ll::app {

enum class Theme { Dark, Light };

// "dark" / "light" ↔ Theme; parse returns false for anything else.
const char* theme_name(Theme theme);
bool parse_theme(const std::string& name, Theme& theme);

// Sets ImGui's colours, the plot layer's class palette and the clear colour that paints the
// panels' background (platform::use_clear_for_window_background).
void ApplyTheme(Theme theme);
Theme CurrentTheme();

// Colours with a meaning, readable on the current theme's background.
struct Accents {
  ImVec4 error;          // a refused step, undefined values
  ImVec4 warning;        // diverged, the loss went up, a bad setting
  ImVec4 good;           // the loss went down
  ImVec4 heading;        // section titles in the chain panel
  ImVec4 mean_loss;      // the loss curve: mean over the data set
  ImVec4 batch_loss;     // the loss curve: the batch's loss (behind the mean)
  ImVec4 epoch_mark;     // vertical marks at epoch starts
  ImVec4 settings_mark;  // vertical marks where the settings changed
};
const Accents& CurrentAccents();

}  // namespace ll::app
