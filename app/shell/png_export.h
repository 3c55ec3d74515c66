#pragma once
// Saving the window or one panel as PNG from the running window (F12, File menu, a panel's
// right-click menu): one extra frame rendered off-screen at 1× or 2×, named for what it shows
// (iris4_bce_sigmoid_batch_step001_chain.png), written atomically into the screenshot folder.
#include "model/app_state.h"
#include "panels/panel_caches.h"
#include "platform/window.h"

namespace ll::app {

// Serves state.png_request if one is pending; says in state.status where the file went or why
// it could not be written. Call between frames (after present).
void serve_png_request(platform::Window& window, AppState& state, PanelCaches& caches);

}  // namespace ll::app
