#pragma once
// Captures at print resolution: one extra frame of the UI rendered into an off-screen framebuffer
// `scale` times the window's size, with the fonts rasterized at that scale (so text is sharp, not
// an enlarged bitmap), and read back whole or cropped to one panel. The window on screen is not
// touched: the frame is never presented.
#include <functional>
#include <string>

#include "platform/screenshot.h"
#include "platform/window.h"

namespace ll::app::platform {

struct CaptureRequest {
  int scale = 1;             // 1 or 2 (print)
  float font_scale = 1.0f;   // the app's font scale, restored afterwards
  std::string panel;         // an ImGui window name: that window alone; "" for the whole window
  float crop_w = 0, crop_h = 0;   // the panel's top-left part this big (window units; 0: all of it)
};

// Renders one frame with `build_ui` (which draws the whole UI between NewFrame and Render) and
// returns the pixels. Call between frames. On failure (no framebuffer object, a panel that is not
// shown) returns an empty Image and sets *error.
Image capture_offscreen(Window& window, const CaptureRequest& request,
                        const std::function<void()>& build_ui, std::string* error);

}  // namespace ll::app::platform
