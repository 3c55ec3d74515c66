#include "platform/input_events.h"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>

#include <deque>

namespace ll::app::platform {
namespace {

// GLFW's callbacks carry no user pointer of ours (ImGui's backend owns the window's), and at
// most one window is open, so the queues are file-level.
struct Tap {
  int key;
  int mods;                         // GLFW_MOD_* held when it was pressed (Ctrl+= is a tap too)
};
std::deque<Tap> g_taps;             // keys pressed since the last frame, in order
std::vector<int> g_shown_down;      // keys this code set down last frame, to release now
bool g_mods_shown = false;          // this code set io.KeyCtrl/Shift/Alt last frame
std::vector<std::string> g_dropped;

// GLFW's X11 backend reads a release followed within 20 ms by a press of the same key as key
// repeat, so fast taps (xdotool) arrive as PRESS, REPEAT, REPEAT, RELEASE: repeats count as taps
// here, and apply_quick_taps drops them while the key is still held (ImGui repeats it then).
void on_key(GLFWwindow*, int key, int, int action, int mods) {
  if ((action == GLFW_PRESS || action == GLFW_REPEAT) && key >= 0 && key < 512) g_taps.push_back({key, mods});
}

void on_drop(GLFWwindow*, int count, const char** paths) {
  for (int i = 0; i < count; ++i)
    if (paths[i] != nullptr) g_dropped.emplace_back(paths[i]);
}

}  // namespace

void install_input_callbacks(GLFWwindow* window) {
  glfwSetKeyCallback(window, on_key);
  glfwSetDropCallback(window, on_drop);
}

void apply_quick_taps(GLFWwindow* window, ImGuiIO& io) {
  constexpr int kKeys = static_cast<int>(sizeof io.KeysDown / sizeof io.KeysDown[0]);
  // Release what was shown down for a tap last frame, unless the key is really held now.
  std::vector<int> released;
  for (int key : g_shown_down) {
    if (glfwGetKey(window, key) != GLFW_PRESS) io.KeysDown[key] = false;
    released.push_back(key);
  }
  g_shown_down.clear();
  if (g_mods_shown) {  // back to the modifiers really held
    auto held = [window](int a, int b) { return glfwGetKey(window, a) == GLFW_PRESS || glfwGetKey(window, b) == GLFW_PRESS; };
    io.KeyCtrl = held(GLFW_KEY_LEFT_CONTROL, GLFW_KEY_RIGHT_CONTROL);
    io.KeyShift = held(GLFW_KEY_LEFT_SHIFT, GLFW_KEY_RIGHT_SHIFT);
    io.KeyAlt = held(GLFW_KEY_LEFT_ALT, GLFW_KEY_RIGHT_ALT);
    g_mods_shown = false;
  }
  // Each tap of a key needs a frame with the key up before it to count as a new press: keys
  // released just now, and second taps of one key, wait in the queue. A tap's modifiers show
  // with it (Ctrl released within the same frame as '=' would otherwise make it a plain '=').
  std::deque<Tap> later;
  while (!g_taps.empty()) {
    const Tap tap = g_taps.front();
    g_taps.pop_front();
    if (tap.key >= kKeys) continue;
    bool waits = false;
    for (int k : released) waits = waits || k == tap.key;
    for (int k : g_shown_down) waits = waits || k == tap.key;
    if (waits || io.KeysDown[tap.key]) {  // held down: the backend shows it already
      if (waits) later.push_back(tap);
      continue;
    }
    io.KeysDown[tap.key] = true;
    g_shown_down.push_back(tap.key);
    if (tap.mods != 0) {
      io.KeyCtrl = io.KeyCtrl || (tap.mods & GLFW_MOD_CONTROL) != 0;
      io.KeyShift = io.KeyShift || (tap.mods & GLFW_MOD_SHIFT) != 0;
      io.KeyAlt = io.KeyAlt || (tap.mods & GLFW_MOD_ALT) != 0;
      g_mods_shown = true;
    }
  }
  g_taps = std::move(later);
}

std::vector<std::string> take_dropped_paths() {
  std::vector<std::string> paths;
  paths.swap(g_dropped);
  return paths;
}

void clear_input_events() {
  g_taps.clear();
  g_shown_down.clear();
  g_mods_shown = false;
  g_dropped.clear();
}

}  // namespace ll::app::platform
