// Framebuffer read-back and atomic PNG writing. See screenshot.h.
#include "platform/screenshot.h"

#include <glad/gl.h>
#include <stb_image_write.h>  // declarations only: the implementation is in libstb (-lstb)

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>

namespace ll::app::platform {

namespace {

void append_bytes(void* context, void* data, int size) {
  auto* out = static_cast<std::vector<std::uint8_t>*>(context);
  const auto* bytes = static_cast<const std::uint8_t*>(data);
  out->insert(out->end(), bytes, bytes + size);
}

}  // namespace

PixelRect clip_to_framebuffer(PixelRect rect, FramebufferSize framebuffer) {
  const int x0 = std::max(rect.x, 0);
  const int y0 = std::max(rect.y, 0);
  const int x1 = std::min(rect.x + std::max(rect.width, 0), framebuffer.width);
  const int y1 = std::min(rect.y + std::max(rect.height, 0), framebuffer.height);
  if (x1 <= x0 || y1 <= y0) return PixelRect{x0, y0, 0, 0};
  return PixelRect{x0, y0, x1 - x0, y1 - y0};
}

PixelRect ui_rect_to_pixels(float min_x, float min_y, float max_x, float max_y, float scale_x,
                            float scale_y) {
  const int x0 = static_cast<int>(std::floor(min_x * scale_x));
  const int y0 = static_cast<int>(std::floor(min_y * scale_y));
  const int x1 = static_cast<int>(std::ceil(max_x * scale_x));
  const int y1 = static_cast<int>(std::ceil(max_y * scale_y));
  return PixelRect{x0, y0, std::max(x1 - x0, 0), std::max(y1 - y0, 0)};
}

Image read_pixels(FramebufferSize framebuffer, PixelRect rect) {
  const PixelRect r = clip_to_framebuffer(rect, framebuffer);
  Image image;
  if (r.width == 0 || r.height == 0) return image;
  image.width = r.width;
  image.height = r.height;
  const std::size_t row_bytes = static_cast<std::size_t>(r.width) * 4;
  image.rgba.resize(row_bytes * static_cast<std::size_t>(r.height));

  GLint bound_framebuffer = 0;
  GLint old_alignment = 4;
  glGetIntegerv(GL_READ_FRAMEBUFFER_BINDING, &bound_framebuffer);
  glGetIntegerv(GL_PACK_ALIGNMENT, &old_alignment);
  glReadBuffer(bound_framebuffer == 0 ? GL_BACK : GL_COLOR_ATTACHMENT0);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);  // rows of width × 4 bytes, no padding to assume
  // GL counts rows from the bottom: the rectangle's top row y is GL row height − y − h.
  glReadPixels(r.x, framebuffer.height - r.y - r.height, r.width, r.height, GL_RGBA,
               GL_UNSIGNED_BYTE, image.rgba.data());
  glPixelStorei(GL_PACK_ALIGNMENT, old_alignment);

  // Bottom-up to top-down.
  std::vector<std::uint8_t> row(row_bytes);
  for (std::size_t top = 0, bottom = static_cast<std::size_t>(r.height) - 1; top < bottom;
       ++top, --bottom) {
    std::uint8_t* a = image.rgba.data() + top * row_bytes;
    std::uint8_t* b = image.rgba.data() + bottom * row_bytes;
    std::memcpy(row.data(), a, row_bytes);
    std::memcpy(a, b, row_bytes);
    std::memcpy(b, row.data(), row_bytes);
  }
  // The window is opaque, but a framebuffer's alpha channel is not: blending leaves < 1 where
  // translucent widgets were drawn, and a visual without alpha bits reads back anything. A PNG
  // viewer would show either as see-through.
  for (std::size_t i = 3; i < image.rgba.size(); i += 4) image.rgba[i] = 255;
  return image;
}

Image read_framebuffer(FramebufferSize framebuffer) {
  return read_pixels(framebuffer, PixelRect{0, 0, framebuffer.width, framebuffer.height});
}

std::vector<std::uint8_t> encode_png(const Image& image) {
  std::vector<std::uint8_t> png;
  const auto width = static_cast<std::size_t>(std::max(image.width, 0));
  const auto height = static_cast<std::size_t>(std::max(image.height, 0));
  if (width * height == 0 || image.rgba.size() != width * height * 4) return png;
  if (stbi_write_png_to_func(append_bytes, &png, image.width, image.height, 4, image.rgba.data(), image.width * 4) == 0)
    png.clear();
  return png;
}

}  // namespace ll::app::platform
