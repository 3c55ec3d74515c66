#pragma once
// One frame of the window's UI: menu bar, keyboard, the panels in their layout.
#include "model/app_state.h"
#include "panels/panel_caches.h"

namespace ll::app {

struct FrameRequests {
  bool rebuild_fonts = false;   // the font scale changed: rebuild the atlas before the next frame
  bool quit = false;
  bool fullscreen_changed = false;  // presentation mode toggled: go to or leave full screen
};

// `caches`: what the panels keep between frames (panels/panel_caches.h), owned by the caller.
FrameRequests DrawFrame(AppState& state, PanelCaches& caches);

}  // namespace ll::app
