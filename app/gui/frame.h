#pragma once
// One frame of the window's UI: menu bar, keyboard, the panels in their layout.
#include "gui/app_state.h"

namespace ll::app {

struct FrameRequests {
  bool rebuild_fonts = false;   // the font scale changed: rebuild the atlas before the next frame
  bool quit = false;
  bool fullscreen_changed = false;  // presentation mode toggled: go to or leave full screen
};

FrameRequests DrawFrame(AppState& state);

}  // namespace ll::app
