#include "platform/offscreen.h"

#include <glad/gl.h>
#include <algorithm>
#include <imgui.h>
#include <imgui_internal.h>  // FindWindowByName: where a panel was drawn this frame

#include "platform/fonts.h"

namespace ll::app::platform {
namespace {

// A framebuffer object with one RGBA8 colour renderbuffer; bound while it lives.
class OffscreenTarget {
 public:
  OffscreenTarget(int width, int height) {
    glGetIntegerv(GL_FRAMEBUFFER_BINDING, &previous_);
    glGenFramebuffers(1, &framebuffer_);
    glGenRenderbuffers(1, &colour_);
    glBindRenderbuffer(GL_RENDERBUFFER, colour_);
    glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, width, height);
    glBindFramebuffer(GL_FRAMEBUFFER, framebuffer_);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, colour_);
    complete_ = glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
  }
  ~OffscreenTarget() {
    glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(previous_));
    glDeleteRenderbuffers(1, &colour_);
    glDeleteFramebuffers(1, &framebuffer_);
  }
  OffscreenTarget(const OffscreenTarget&) = delete;
  OffscreenTarget& operator=(const OffscreenTarget&) = delete;
  bool complete() const { return complete_; }

 private:
  GLint previous_ = 0;
  GLuint framebuffer_ = 0, colour_ = 0;
  bool complete_ = false;
};

}  // namespace

Image capture_offscreen(Window& window, const CaptureRequest& request,
                        const std::function<void()>& build_ui, std::string* error) {
  const int scale = request.scale >= 2 ? 2 : 1;
  const FramebufferSize on_screen = window.framebuffer_size();
  const FramebufferSize size{on_screen.width * scale, on_screen.height * scale};
  GLint max_size = 0;
  glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &max_size);
  if (size.width > max_size || size.height > max_size) {
    if (error != nullptr)
      *error = "the window at " + std::to_string(scale) + "× (" + std::to_string(size.width) + "×" +
               std::to_string(size.height) + ") is larger than OpenGL's limit of " + std::to_string(max_size) + " pixels";
    return {};
  }
  if (scale != 1) rebuild_fonts(request.font_scale, static_cast<float>(scale));
  Image image;
  {
    OffscreenTarget target(size.width, size.height);
    if (!target.complete()) {
      if (error != nullptr) *error = "cannot create an off-screen framebuffer for the capture";
    } else {
      window.begin_frame([&](ImGuiIO& io) {
        // Window coordinates stay as they are; each one is `scale` pixels in this frame.
        io.DisplayFramebufferScale = ImVec2(io.DisplayFramebufferScale.x * static_cast<float>(scale),
                                            io.DisplayFramebufferScale.y * static_cast<float>(scale));
      });
      // No resize grips in a picture for a slide: they are for the mouse, not the reader.
      const ImGuiCol grips[] = {ImGuiCol_ResizeGrip, ImGuiCol_ResizeGripHovered, ImGuiCol_ResizeGripActive};
      for (ImGuiCol c : grips) ImGui::PushStyleColor(c, ImVec4(0, 0, 0, 0));
      build_ui();
      ImGui::PopStyleColor(3);
      const ImVec2 fb_scale = ImGui::GetIO().DisplayFramebufferScale;
      PixelRect rect{0, 0, size.width, size.height};
      bool found = true;
      if (!request.panel.empty()) {
        const ImGuiWindow* panel = ImGui::FindWindowByName(request.panel.c_str());
        found = panel != nullptr && panel->Active && !panel->Collapsed;
        if (found) {
          const float w = request.crop_w > 0.0f ? std::min(request.crop_w, panel->Size.x) : panel->Size.x;
          const float h = request.crop_h > 0.0f ? std::min(request.crop_h, panel->Size.y) : panel->Size.y;
          rect = ui_rect_to_pixels(panel->Pos.x, panel->Pos.y, panel->Pos.x + w, panel->Pos.y + h, fb_scale.x,
                                   fb_scale.y);
        }
      }
      window.render_to(size.width, size.height);
      if (found) image = read_pixels(size, rect);
      else if (error != nullptr) *error = "the panel \"" + request.panel + "\" is not shown";
    }
  }
  if (scale != 1) rebuild_fonts(request.font_scale);
  return image;
}

}  // namespace ll::app::platform
