#pragma once
// Saving the window or one panel as PNG from the running window (F12, File menu, a panel's
// right-click menu): one extra frame rendered off-screen at 1× or 2×, named for what it shows
// (iris4_bce_sigmoid_batch_step001_chain.png), written atomically into the screenshot folder.
#include "model/app_state.h"
#include "panels/panel_caches.h"
#include "platform/offscreen.h"
#include "platform/window.h"

namespace ll::app {

// Writes `image` as a PNG at `path` with io::write_file_atomically (a temporary file beside it,
// renamed over it; never over a device, a pipe or a folder; through a symbolic link). False
// with one line in *error ("cannot write out/a.png: No such file or directory").
bool write_png(const platform::Image& image, const std::string& path, std::string* error);

// One picture for a slide: a frame drawn off-screen in the clean render mode (AppState::slide: no
// "(?)" markers, check boxes or title-bar arrows; the whole window also without the menu bar and
// the controls, the panels taking its room), the settings caption in the panel's title bar (or the
// status line) if state.slide_caption, the chain panel cropped to what it shows. `window`: an
// ImGui window name, "" for the whole window. The windows, the layout and the panels' measures are
// as they were afterwards. Empty on failure, with *error set.
// The conventions stamp (run/step_export.h) in a band along the foot of ImGui window `window` (""
// for the whole picture), fitted to its first `width` pixels (0: all of it). Call while drawing the
// frame that is captured, after the windows.
void StampConventions(const AppState& state, const std::string& window, float width);

platform::Image capture_slide(platform::Window& window, AppState& state, PanelCaches& caches,
                              const std::string& panel_window, int scale, std::string* error);

// Serves state.png_request if one is pending; says in state.status where the file went or why
// it could not be written. Call between frames (after present).
void serve_png_request(platform::Window& window, AppState& state, PanelCaches& caches);

}  // namespace ll::app
