#pragma once
// Screenshots: read what the frame drew (the whole framebuffer or a rectangle of it, e.g. one
// panel) and write it as a PNG, atomically. Read between Window::render() and
// Window::present(): after the swap the back buffer's content is undefined.
//
// Same frame content gives the same file: stb writes no timestamp or other metadata, and with a
// deterministic window (window.h) ImGui's clock does not depend on the wall clock.
#include <cstdint>
#include <string>
#include <vector>

#include "platform/window.h"

namespace ll::app::platform {

struct Image {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> rgba;  // width × height × 4 bytes, top row first, alpha always 255
};

// A rectangle in framebuffer pixels, origin at the top-left (like ImGui, unlike GL).
struct PixelRect {
  int x = 0;
  int y = 0;
  int width = 0;
  int height = 0;
};

// `rect` ∩ the framebuffer; width and height are 0 if they do not overlap.
PixelRect clip_to_framebuffer(PixelRect rect, FramebufferSize framebuffer);

// An ImGui rectangle (screen coordinates, e.g. GetWindowPos() .. + GetWindowSize()) in
// framebuffer pixels: × io.DisplayFramebufferScale, rounded outwards so the whole panel is in.
PixelRect ui_rect_to_pixels(float min_x, float min_y, float max_x, float max_y,
                            float scale_x = 1.0f, float scale_y = 1.0f);

// Reads `rect` (clipped) of the current context's draw target: the back buffer, or colour
// attachment 0 if a framebuffer object is bound. An empty Image if nothing is left after clipping.
Image read_pixels(FramebufferSize framebuffer, PixelRect rect);
Image read_framebuffer(FramebufferSize framebuffer);

// `image` as the bytes of a PNG file; empty if the image is empty or encoding failed. (Writing
// it is the io layer's: io::write_file_atomically, through shell/png_export.h's write_png.)
std::vector<std::uint8_t> encode_png(const Image& image);

}  // namespace ll::app::platform
