// Framebuffer read-back and atomic PNG writing. See screenshot.h.
#include "platform/screenshot.h"

#include <glad/gl.h>
#include <stb_image_write.h>  // declarations only: the implementation is in libstb (-lstb)
#include <fcntl.h>
#include <unistd.h>

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

bool fail(std::string* error, const std::string& path, const std::string& reason) {
  if (error != nullptr) *error = "cannot write the screenshot " + path + ": " + reason;
  return false;
}

// write(2) may write less than asked and may be interrupted; loop until all is out.
bool write_all(int fd, const std::vector<std::uint8_t>& bytes) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n == 0) errno = EIO;  // no progress and no reason given
    if (n <= 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return true;
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

bool write_png(const Image& image, const std::string& path, std::string* error) {
  const auto width = static_cast<std::size_t>(std::max(image.width, 0));
  const auto height = static_cast<std::size_t>(std::max(image.height, 0));
  const std::size_t expected = width * height * 4;
  if (expected == 0 || image.rgba.size() != expected) {
    return fail(error, path, "the image is empty");
  }
  std::vector<std::uint8_t> png;
  if (stbi_write_png_to_func(append_bytes, &png, image.width, image.height, 4, image.rgba.data(),
                             image.width * 4) == 0) {
    return fail(error, path, "PNG encoding failed");
  }

  // O_EXCL with our own suffix rather than mkstemp: mkstemp creates mode 0600, and a screenshot
  // should get the usual permissions (0666 minus the umask) like any other file the user saves.
  static unsigned counter = 0;
  std::string temp;
  int fd = -1;
  for (int attempt = 0; attempt < 100 && fd < 0; ++attempt) {
    temp = path + ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(counter++);
    fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0 && errno != EEXIST) break;
  }
  if (fd < 0) return fail(error, path, std::strerror(errno));

  bool ok = write_all(fd, png);
  int saved = errno;
  // fsync before rename: otherwise after a crash the new name can point at an empty file.
  if (ok && ::fsync(fd) != 0) {
    ok = false;
    saved = errno;
  }
  if (::close(fd) != 0 && ok) {
    ok = false;
    saved = errno;
  }
  if (ok && std::rename(temp.c_str(), path.c_str()) != 0) {
    ok = false;
    saved = errno;
  }
  if (!ok) {
    ::unlink(temp.c_str());
    return fail(error, path, std::strerror(saved));
  }
  return true;
}

bool save_screenshot(const Window& window, const std::string& path, std::string* error) {
  return write_png(read_framebuffer(window.framebuffer_size()), path, error);
}

bool save_screenshot(const Window& window, PixelRect rect, const std::string& path,
                     std::string* error) {
  const Image image = read_pixels(window.framebuffer_size(), rect);
  if (image.width == 0) {
    return fail(error, path, "the rectangle is outside the window");
  }
  return write_png(image, path, error);
}

}  // namespace ll::app::platform
