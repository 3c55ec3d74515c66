#pragma once
// Between the saved user settings (user_settings.h) and the window's state: what the window
// starts with, and what it keeps when it closes. No ImGui here.
#include "model/app_state.h"
#include "model/user_settings.h"

namespace ll::app {

// Theme, font scale, panels, Play speed, screenshot folder and scale, recent files. (The window
// size is the caller's: it opens the window.) Presentation mode is not restored: a window that
// opens full screen by surprise is hard to leave for someone who does not know F11.
void apply_user_settings(AppState& state, const UserSettings& settings);

// The settings to save: `previous` (what was loaded, so values the window does not edit survive)
// updated from the state and the window's size in screen pixels.
UserSettings user_settings_from(const AppState& state, UserSettings previous, int window_width, int window_height);

}  // namespace ll::app
