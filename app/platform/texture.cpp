#include "platform/texture.h"

#include <glad/gl.h>
#include <imgui_internal.h>  // ImGuiContextHook: the ImGui context's shutdown hook

#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

namespace ll::app::platform {
namespace {

// Every live GL texture name, so that all can be freed while the GL context still exists.
std::vector<GLuint> g_live;
// Bumped whenever all textures are freed: a Texture holding an older generation holds nothing.
unsigned long g_generation = 1;
// The ImGui context our shutdown hook is installed in (null: none yet, or it has ended).
ImGuiContext* g_hooked_context = nullptr;

void on_context_shutdown(ImGuiContext*, ImGuiContextHook*) {
  destroy_all_textures();
  g_hooked_context = nullptr;
}

// ImGui::DestroyContext runs its Shutdown hooks before the window (and GL context) goes.
void hook_context_shutdown() {
  ImGuiContext* context = ImGui::GetCurrentContext();
  if (context == nullptr || context == g_hooked_context) return;
  ImGuiContextHook hook;
  hook.Type = ImGuiContextHookType_Shutdown;
  hook.Callback = on_context_shutdown;
  ImGui::AddContextHook(context, &hook);
  g_hooked_context = context;
}

// Restores the GL state an upload touches, so ImGui's renderer finds it as it left it.
class SavedUploadState {
 public:
  SavedUploadState() {
    glGetIntegerv(GL_TEXTURE_BINDING_2D, &texture_);
    glGetIntegerv(GL_UNPACK_ALIGNMENT, &alignment_);
    glGetIntegerv(GL_UNPACK_ROW_LENGTH, &row_length_);
  }
  ~SavedUploadState() {
    glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(texture_));
    glPixelStorei(GL_UNPACK_ALIGNMENT, alignment_);
    glPixelStorei(GL_UNPACK_ROW_LENGTH, row_length_);
  }
  SavedUploadState(const SavedUploadState&) = delete;
  SavedUploadState& operator=(const SavedUploadState&) = delete;

 private:
  GLint texture_ = 0, alignment_ = 4, row_length_ = 0;
};

}  // namespace

Texture::Texture(Texture&& other) noexcept
    : gl_name_(std::exchange(other.gl_name_, 0u)),
      generation_(other.generation_),
      width_(other.width_),
      height_(other.height_),
      filter_(other.filter_) {}

Texture& Texture::operator=(Texture&& other) noexcept {
  if (this != &other) {
    destroy();
    gl_name_ = std::exchange(other.gl_name_, 0u);
    generation_ = other.generation_;
    width_ = other.width_;
    height_ = other.height_;
    filter_ = other.filter_;
  }
  return *this;
}

ImTextureID Texture::id() const {
  if (gl_name_ == 0 || generation_ != g_generation) return nullptr;
  return reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(gl_name_));
}

bool Texture::update(const unsigned char* rgba, int width, int height) {
  if (rgba == nullptr || width <= 0 || height <= 0 || glad_glGenTextures == nullptr) return false;
  const SavedUploadState saved;
  const bool fresh = !valid();
  if (fresh) {
    gl_name_ = 0;
    glGenTextures(1, &gl_name_);
    if (gl_name_ == 0) return false;
    hook_context_shutdown();
    g_live.push_back(gl_name_);
    generation_ = g_generation;
  }
  glBindTexture(GL_TEXTURE_2D, gl_name_);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
  glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
  if (fresh) {
    const GLint filter = filter_ == Filter::Linear ? GL_LINEAR : GL_NEAREST;
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, filter);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, filter);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  }
  if (fresh || width != width_ || height != height_) {
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, rgba);
    width_ = width;
    height_ = height;
  } else {
    glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, rgba);
  }
  return true;
}

void Texture::destroy() {
  if (valid()) {
    glDeleteTextures(1, &gl_name_);
    g_live.erase(std::remove(g_live.begin(), g_live.end(), gl_name_), g_live.end());
  }
  gl_name_ = 0;
  width_ = height_ = 0;
}

void destroy_all_textures() {
  if (!g_live.empty() && glad_glDeleteTextures != nullptr)
    glDeleteTextures(static_cast<GLsizei>(g_live.size()), g_live.data());
  g_live.clear();
  ++g_generation;
}

}  // namespace ll::app::platform
