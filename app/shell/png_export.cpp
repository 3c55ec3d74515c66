#include "shell/png_export.h"

#include <string>

#include "shell/frame.h"
#include "model/screenshot_names.h"
#include "model/user_settings.h"
#include "io/atomic_file.h"
#include "platform/offscreen.h"
#include "platform/screenshot.h"

namespace ll::app {

void serve_png_request(platform::Window& window, AppState& s, PanelCaches& caches) {
  if (!s.png_request.pending) return;
  const AppState::PngRequest request = s.png_request;
  s.png_request = {};

  const std::string folder =
      s.screenshot_folder.empty() ? default_screenshot_folder(Environment::from_process()) : s.screenshot_folder;
  std::string error;
  if (!io::make_folders(folder, &error)) {
    s.status = "Not saved: " + error;
    s.status_is_error = true;
    return;
  }
  const Settings& settings = s.trainer->settings();
  const std::string name =
      screenshot_name(s.data().name, std::string(ll::name(settings.loss)), std::string(ll::name(settings.activation)),
                      std::string(ll::name(settings.mode)), s.trainer->current_step(), request.panel, s.png_scale);
  const std::string path = unique_path(folder, name);
  if (path.empty()) {
    s.status = "Not saved: too many files named like " + name + " in " + folder;
    s.status_is_error = true;
    return;
  }

  platform::CaptureRequest capture;
  capture.scale = s.png_scale;
  capture.font_scale = s.font_scale;
  capture.panel = request.window;
  // The capture frame draws the UI once more; what it asks for (keys held down, menus) is not
  // acted on twice.
  const platform::Image image = platform::capture_offscreen(window, capture, [&] { DrawFrame(s, caches); }, &error);
  if (image.rgba.empty() || !platform::write_png(image, path, &error)) {
    s.status = "Not saved: " + error;
    s.status_is_error = true;
    return;
  }
  s.status = "Saved " + std::to_string(image.width) + "×" + std::to_string(image.height) + " PNG: " + path;
  s.status_is_error = false;
}

}  // namespace ll::app
