#pragma once
// A small RGBA8 texture for ImGui::Image and plot::PlotImage (e.g. the P(y = 1 | x) shading):
//
//   platform::Texture shading;
//   shading.update(rgba.data(), width, height);   // 4 bytes per pixel: R, G, B, A; row 0 on top
//   plot::PlotImage("##shading", shading.id(), lower_left, upper_right);
//
// The GL texture is made on the first update (and remade when the size changes). It is freed by
// the destructor or, at the latest, when the ImGui context shuts down — Window::close() destroys
// the ImGui context before the GL context, so no texture outlives the context that owns it, and
// a Texture that outlives both (a static) frees nothing twice: it simply starts over empty.
// Every call needs the window's GL context current, and must be made between frames or while
// building a frame (never from another thread).
#include <imgui.h>

namespace ll::app::platform {

class Texture {
 public:
  enum class Filter { Linear, Nearest };

  Texture() = default;
  explicit Texture(Filter filter) : filter_(filter) {}
  ~Texture() { destroy(); }
  Texture(const Texture&) = delete;
  Texture& operator=(const Texture&) = delete;
  Texture(Texture&& other) noexcept;
  Texture& operator=(Texture&& other) noexcept;

  // Uploads width × height pixels (4 bytes each, rows top to bottom). False, with nothing
  // changed, if the size is not positive or the GL texture could not be made.
  bool update(const unsigned char* rgba, int width, int height);
  // Frees the GL texture (the next update makes a new one).
  void destroy();

  // For ImGui: null until the first successful update, and after destroy() or the context's end.
  ImTextureID id() const;
  bool valid() const { return id() != nullptr; }
  int width() const { return valid() ? width_ : 0; }
  int height() const { return valid() ? height_ : 0; }

 private:
  unsigned gl_name_ = 0;          // the GL texture name; 0: none
  unsigned long generation_ = 0;  // the context lifetime gl_name_ belongs to (see texture.cpp)
  int width_ = 0, height_ = 0;
  Filter filter_ = Filter::Linear;
};

// Frees every live texture now (the owners see id() == null). Called by the ImGui context's
// shutdown hook; callable directly before destroying a GL context by other means.
void destroy_all_textures();

}  // namespace ll::app::platform
