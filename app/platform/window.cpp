// The window, its GL context and Dear ImGui's setup and teardown. See window.h.
//
// [SECTION] GLFW error text
// [SECTION] Sanitizer builds: keep Mesa's driver loaded
// [SECTION] Opening
// [SECTION] The frame
// [SECTION] Closing
#include "platform/window.h"

#include <glad/gl.h>  // before GLFW, which then includes no GL header of its own
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <dlfcn.h>
#include <imgui.h>

#include "platform/input_events.h"

#include <algorithm>
#include <cfloat>
#include <cstdio>
#include <cstdlib>

namespace ll::app::platform {

//-----------------------------------------------------------------------------
// [SECTION] GLFW error text
//-----------------------------------------------------------------------------

namespace {

// GLFW's error callback has no user pointer, so the text lives here; it is only read to add
// detail to our own messages.
std::string g_last_glfw_error;
bool g_window_open = false;
ImVec4 g_clear_color(0.06f, 0.06f, 0.06f, 1.0f);  // the panels' background, drawn by glClear

void keep_glfw_error(int code, const char* description) {
  char buffer[512];
  std::snprintf(buffer, sizeof buffer, "GLFW error 0x%X: %s", static_cast<unsigned>(code),
                description != nullptr ? description : "(no description)");
  g_last_glfw_error = buffer;
}

bool env_set(const char* name) {
  const char* value = std::getenv(name);
  return value != nullptr && value[0] != '\0';
}

//-----------------------------------------------------------------------------
// [SECTION] Sanitizer builds: keep Mesa's driver loaded
//-----------------------------------------------------------------------------

#if defined(__SANITIZE_ADDRESS__)
#define LL_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define LL_ASAN 1
#endif
#endif

// Under Xvfb (no DRI3), libGLX_mesa loads Mesa's software rasterizer, llvmpipe, from
// /usr/lib/x86_64-linux-gnu/dri/swrast_dri.so (Mesa 22's "megadriver": on Debian every *_dri.so
// there is a hard link to the same file), and dlcloses it when GLFW and ImGui's GL loader
// release libGL at exit. The driver's globals are what kept its allocations reachable, so once it
// is unmapped LeakSanitizer reports them as leaks from "<unknown module>", which no suppression
// can name. Loading the driver first with RTLD_NODELETE keeps it mapped to the end, and then
// LeakSanitizer reports nothing. glibc identifies a loaded object by inode as well as by name, so
// GLX's own dlopen of the full path (or of a hard-linked name) gets this same copy. Pinning
// libGLX_mesa.so.0 as well was tried and is not needed. Only sanitizer builds need any of this.
void pin_gl_driver() {
#if defined(LL_ASAN)
  // Mesa's loader uses RTLD_NOW | RTLD_GLOBAL too; the handle is never dlclose'd.
  const int flags = RTLD_NOW | RTLD_GLOBAL | RTLD_NODELETE;
  std::string dirs = env_set("LIBGL_DRIVERS_PATH") ? std::getenv("LIBGL_DRIVERS_PATH") : "";
  if (!dirs.empty()) dirs += ':';
  dirs += "/usr/lib/x86_64-linux-gnu/dri:/usr/lib64/dri:/usr/lib/dri";
  std::size_t start = 0;
  while (start <= dirs.size()) {
    std::size_t end = dirs.find(':', start);
    if (end == std::string::npos) end = dirs.size();
    const std::string path = dirs.substr(start, end - start) + "/swrast_dri.so";
    if (dlopen(path.c_str(), flags) != nullptr) return;
    start = end + 1;
  }
#endif
}

//-----------------------------------------------------------------------------
// [SECTION] Opening
//-----------------------------------------------------------------------------

constexpr const char* kXvfbHint =
    "Run it under a desktop session, or headless with: xvfb-run -s \"-screen 0 1600x900x24\" "
    "logistic-lab …";

std::unique_ptr<Window> fail(WindowError* error, WindowErrorKind kind, std::string message) {
  if (error != nullptr) *error = WindowError{kind, "logistic-lab: " + std::move(message), 2};
  return nullptr;
}

}  // namespace

std::string last_glfw_error() { return g_last_glfw_error; }

std::unique_ptr<Window> open_window(const WindowOptions& options, WindowError* error) {
  if (g_window_open) {
    return fail(error, WindowErrorKind::already_open, "only one window can be open at a time");
  }
  glfwSetErrorCallback(keep_glfw_error);
  // GLFW's X11 backend would report "X11: The DISPLAY environment variable is missing"; say
  // what to do instead.
  if (!env_set("DISPLAY") && !env_set("WAYLAND_DISPLAY")) {
    return fail(error, WindowErrorKind::no_display,
                std::string("no display to open the window on (DISPLAY is not set). ") + kXvfbHint);
  }
  pin_gl_driver();
  if (glfwInit() != GLFW_TRUE) {
    const char* display = std::getenv("DISPLAY");
    const std::string which = display != nullptr && display[0] != '\0'
                                  ? std::string("cannot connect to DISPLAY=\"") + display + "\""
                                  : std::string("cannot connect to the display");
    return fail(error, WindowErrorKind::no_display,
                "no display to open the window on (" + which + "). " + kXvfbHint);
  }

  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);  // macOS requires it for 3.2+ core
  glfwWindowHint(GLFW_RESIZABLE, options.visible ? GLFW_TRUE : GLFW_FALSE);
  glfwWindowHint(GLFW_VISIBLE, options.visible ? GLFW_TRUE : GLFW_FALSE);
  // No multisampling: screenshots must not depend on the driver's resolve.
  glfwWindowHint(GLFW_SAMPLES, 0);

  // An interactive window opens no larger than the monitor's work area (the screen less its panels
  // and docks): a 1600×900 window on a 1280×720 projector would put the loss and the status line
  // off the screen. Off-screen renders (screenshots) keep the size asked for.
  int width = options.width, height = options.height;
  if (options.visible) {
    if (GLFWmonitor* monitor = glfwGetPrimaryMonitor()) {
      int area_x = 0, area_y = 0, area_w = 0, area_h = 0;
      glfwGetMonitorWorkarea(monitor, &area_x, &area_y, &area_w, &area_h);
      if (area_w >= kMinWidth && area_h >= kMinHeight) {
        width = std::min(width, area_w);
        height = std::min(height, area_h);
      }
    }
  }
  GLFWwindow* handle = glfwCreateWindow(width, height, options.title.c_str(), nullptr, nullptr);
  if (handle == nullptr) {
    const std::string detail = g_last_glfw_error;
    glfwTerminate();
    return fail(error, WindowErrorKind::no_context,
                "cannot create a window with an OpenGL 3.3 core context (" + detail + ")");
  }
  // From here on, Window::close() undoes whatever has been set up.
  std::unique_ptr<Window> window(new Window(handle, options));
  g_window_open = true;

  if (options.visible) {
    glfwSetWindowSizeLimits(handle, kMinWidth, kMinHeight, GLFW_DONT_CARE, GLFW_DONT_CARE);
  }
  glfwMakeContextCurrent(handle);
  glfwSwapInterval(options.visible && options.vsync ? 1 : 0);

  const int gl_version = gladLoadGL(glfwGetProcAddress);
  if (gl_version == 0 || GLAD_VERSION_MAJOR(gl_version) < 3 ||
      (GLAD_VERSION_MAJOR(gl_version) == 3 && GLAD_VERSION_MINOR(gl_version) < 3)) {
    window->close();
    return fail(error, WindowErrorKind::no_gl_loader, "cannot load the OpenGL 3.3 functions");
  }

  IMGUI_CHECKVERSION();
  window->imgui_ = ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  // The app has its own default layout; an imgui.ini in the working folder would override it
  // from one run to the next (and screenshots would depend on it).
  io.IniFilename = nullptr;
  io.LogFilename = nullptr;
  ImGui::StyleColorsDark();  // the app applies its theme (gui/theme.h) before the first frame
  use_clear_for_window_background();

  install_input_callbacks(handle);  // before ImGui's, which chain to them
  window->imgui_glfw_ = ImGui_ImplGlfw_InitForOpenGL(handle, true);
  window->imgui_opengl3_ = window->imgui_glfw_ && ImGui_ImplOpenGL3_Init("#version 330 core");
  if (!window->imgui_opengl3_) {
    window->close();
    return fail(error, WindowErrorKind::no_context,
                "cannot start Dear ImGui's GLFW/OpenGL3 backends");
  }
  if (error != nullptr) *error = WindowError{};
  return window;
}

//-----------------------------------------------------------------------------
// [SECTION] The frame
//-----------------------------------------------------------------------------

bool Window::should_close() const {
  return handle_ == nullptr || glfwWindowShouldClose(handle_) != 0;
}

void Window::request_close() {
  if (handle_ != nullptr) glfwSetWindowShouldClose(handle_, GLFW_TRUE);
}

void Window::begin_frame(const std::function<void(ImGuiIO&)>& adjust_input) {
  glfwPollEvents();
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  ImGuiIO& io = ImGui::GetIO();
  apply_quick_taps(handle_, io);
  if (options_.deterministic) {
    // The backend measured wall-clock time since the last frame; replace it so that io.Time is
    // frame_count × 1/60 on every run.
    io.DeltaTime = kDeterministicDeltaTime;
    if (!options_.visible) {
      // A hidden window can still report focus and the X pointer's position; ignore them.
      io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
      for (bool& down : io.MouseDown) down = false;
      io.MouseWheel = 0.0f;
      io.MouseWheelH = 0.0f;
    }
  }
  if (adjust_input) adjust_input(io);
  ImGui::NewFrame();
}

void use_clear_for_window_background() {
  // Under software OpenGL (llvmpipe) the frame time is the fill rate: every full-screen layer
  // costs ~3 ms at 1600×900. The panels tile the window, so their opaque background is drawn by
  // glClear (a memset) instead of one textured quad per window: ImGui skips a fill whose alpha
  // is 0. Windows that float over others (help, popups) set their own opaque background.
  ImVec4& bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
  g_clear_color = bg;
  bg.w = 0.0f;
}

void Window::render() {
  const FramebufferSize size = framebuffer_size();
  render_to(size.width, size.height);
}

void Window::render_to(int width, int height) {
  ImGui::Render();
  glViewport(0, 0, width, height);
  glClearColor(g_clear_color.x, g_clear_color.y, g_clear_color.z, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

void Window::present() {
  if (handle_ != nullptr) glfwSwapBuffers(handle_);
}

void Window::set_fullscreen(bool fullscreen) {
  if (handle_ == nullptr || !options_.visible) return;
  const bool now = glfwGetWindowMonitor(handle_) != nullptr;
  if (fullscreen == now) return;
  if (fullscreen) {
    GLFWmonitor* monitor = glfwGetPrimaryMonitor();
    const GLFWvidmode* mode = monitor != nullptr ? glfwGetVideoMode(monitor) : nullptr;
    if (mode == nullptr) return;  // no monitor to fill: stay a window
    glfwGetWindowPos(handle_, &windowed_[0], &windowed_[1]);
    glfwGetWindowSize(handle_, &windowed_[2], &windowed_[3]);
    glfwSetWindowMonitor(handle_, monitor, 0, 0, mode->width, mode->height, mode->refreshRate);
  } else {
    glfwSetWindowMonitor(handle_, nullptr, windowed_[0], windowed_[1], windowed_[2], windowed_[3], GLFW_DONT_CARE);
  }
}

FramebufferSize Window::window_size() const {
  FramebufferSize size;
  if (handle_ != nullptr) glfwGetWindowSize(handle_, &size.width, &size.height);
  return size;
}

FramebufferSize Window::framebuffer_size() const {
  FramebufferSize size;
  if (handle_ != nullptr) glfwGetFramebufferSize(handle_, &size.width, &size.height);
  return size;
}

//-----------------------------------------------------------------------------
// [SECTION] Closing
//-----------------------------------------------------------------------------

Window::~Window() { close(); }

void Window::close() {
  if (handle_ == nullptr) return;
  // Backends first (they delete GL objects, so the context must still be current), then the
  // ImGui context, then the window and GLFW.
  if (imgui_opengl3_) ImGui_ImplOpenGL3_Shutdown();
  if (imgui_glfw_) ImGui_ImplGlfw_Shutdown();
  if (imgui_ != nullptr) ImGui::DestroyContext(imgui_);
  imgui_ = nullptr;
  imgui_opengl3_ = imgui_glfw_ = false;
  clear_input_events();
  glfwDestroyWindow(handle_);
  handle_ = nullptr;
  glfwTerminate();
  g_window_open = false;
}

}  // namespace ll::app::platform
