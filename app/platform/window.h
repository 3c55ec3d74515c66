#pragma once
// The one application window: GLFW window + OpenGL 3.3 core context + Dear ImGui (GLFW and
// OpenGL3 backends). GLFW and ImGui both keep global state, so at most one Window is open at a
// time. The frame loop reads:
//
//   while (!window->should_close()) {
//     window->begin_frame();           // poll events, backends' NewFrame, ImGui::NewFrame
//     ShowXxxWindow(state);            // build the UI
//     window->render();                // ImGui::Render, clear, draw into the back buffer
//     window->present();               // swap (a screenshot goes between render and present)
//   }
#include <functional>
#include <memory>
#include <string>
#include <utility>

struct GLFWwindow;
struct ImGuiContext;
struct ImGuiIO;

namespace ll::app::platform {

struct WindowOptions {
  int width = 1600;                 // window size in screen coordinates
  int height = 900;
  std::string title = "Logistic Lab";
  // false: a hidden window of exactly width × height, for the screenshot command. A visible
  // window is resizable down to kMinWidth × kMinHeight; a hidden one has no limits so that
  // small per-panel captures are possible.
  bool visible = true;
  // Same input, same pixels: a fixed io.DeltaTime (so io.Time, cursor blink and animations
  // advance the same way on every run), and in a hidden window no mouse, whatever the pointer of
  // the X server does. Render a few frames before capturing so that the layout settles.
  bool deterministic = false;
  bool vsync = true;                // ignored for hidden windows (nothing to pace)
};

// Call after changing the style's colours: moves ImGuiCol_WindowBg into the clear colour.
void use_clear_for_window_background();

inline constexpr int kMinWidth = 1280;
inline constexpr int kMinHeight = 720;
inline constexpr float kDeterministicDeltaTime = 1.0f / 60.0f;

enum class WindowErrorKind {
  none,
  no_display,    // DISPLAY / WAYLAND_DISPLAY unset, or glfwInit cannot reach the server
  no_context,    // the window or the OpenGL 3.3 core context could not be created
  no_gl_loader,  // glad could not load the GL functions
  already_open,  // a second Window while one is open
};

struct WindowError {
  WindowErrorKind kind = WindowErrorKind::none;
  std::string message;  // a whole line for stderr, starting with "logistic-lab: "
  int exit_code = 0;    // 2 for every kind (the environment cannot run the window)
};

struct FramebufferSize {
  int width = 0;   // pixels (differs from the window size on HiDPI screens)
  int height = 0;
};

class Window {
 public:
  ~Window();
  Window(const Window&) = delete;
  Window& operator=(const Window&) = delete;

  // Ends ImGui (backends, then context), destroys the window and terminates GLFW. Idempotent;
  // the destructor calls it.
  void close();

  bool should_close() const;
  void request_close();

  // `adjust_input` runs after the backends have filled ImGuiIO and before ImGui::NewFrame: the
  // place for GUI tests to inject mouse and keys into a deterministic, hidden window.
  void begin_frame(const std::function<void(ImGuiIO&)>& adjust_input = {});
  // Clears to the style's window background (see use_clear_for_window_background), then draws.
  void render();
  // The same into whatever framebuffer is bound, of `width` × `height` pixels (an off-screen
  // capture at a larger scale; see offscreen.h).
  void render_to(int width, int height);
  void present();

  FramebufferSize framebuffer_size() const;
  // The window's size in screen coordinates (what WindowOptions asks for).
  FramebufferSize window_size() const;
  // Full screen on the primary monitor, or back to the window's last size and place. Ignored for
  // a hidden window (screenshots keep their asked size).
  void set_fullscreen(bool fullscreen);
  bool deterministic() const { return options_.deterministic; }
  const WindowOptions& options() const { return options_; }
  GLFWwindow* glfw() const { return handle_; }

 private:
  friend std::unique_ptr<Window> open_window(const WindowOptions&, WindowError*);
  Window(GLFWwindow* handle, WindowOptions options)
      : handle_(handle), options_(std::move(options)) {}

  GLFWwindow* handle_ = nullptr;
  WindowOptions options_;
  ImGuiContext* imgui_ = nullptr;  // which parts close() must undo
  bool imgui_glfw_ = false;
  bool imgui_opengl3_ = false;
  int windowed_[4] = {0, 0, 0, 0};  // x, y, width, height before going full screen
};

// Opens the window, makes its context current, loads GL with glad and starts ImGui (no
// imgui.ini: the app lays itself out). Fonts are not loaded here (see fonts.h); load them before
// the first begin_frame. On failure returns nullptr and fills *error (if given); GLFW's own error
// text is never the whole message.
std::unique_ptr<Window> open_window(const WindowOptions& options, WindowError* error);

// The last error GLFW reported since the program started, "" if none; for detail in messages.
std::string last_glfw_error();

}  // namespace ll::app::platform
