#pragma once
// GLFW events that ImGui 1.86's backend loses or does not handle, queued between frames:
//  - quick key taps: the backend only sets io.KeysDown[key] on press and clears it on release,
//    so a key pressed and released between two frames (xdotool, a fast typist on a slow frame)
//    never shows as down, and IsKeyPressed misses it;
//  - files dropped on the window (glfwSetDropCallback), for the data panel to load.
// The callbacks are installed before ImGui's, which chains to them.
#include <string>
#include <vector>

struct GLFWwindow;
struct ImGuiIO;

namespace ll::app::platform {

// Installs the key and drop callbacks on `window`. Call before ImGui_ImplGlfw_InitForOpenGL.
void install_input_callbacks(GLFWwindow* window);

// After the backend's NewFrame, before ImGui::NewFrame: a key tapped and already released since
// the last frame is shown as down for this one frame (and released on the next), so that
// IsKeyPressed sees every tap. Further taps of the same key wait for the following frames.
void apply_quick_taps(GLFWwindow* window, ImGuiIO& io);

// The paths dropped on the window since the last call, oldest first.
std::vector<std::string> take_dropped_paths();

// Clears the queues (the window closes).
void clear_input_events();

}  // namespace ll::app::platform
