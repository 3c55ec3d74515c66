#include "shell/png_export.h"

#include <imgui.h>
#include <imgui_internal.h>   // the windows' places and title bars, kept across the capture frame

#include <algorithm>
#include <string>
#include <vector>

#include "shell/frame.h"
#include "model/screenshot_names.h"
#include "model/user_settings.h"
#include "panels/panels.h"
#include "run/step_export.h"
#include "io/atomic_file.h"
#include "platform/offscreen.h"
#include "platform/screenshot.h"

namespace ll::app {
namespace {

// Where every window was: the capture frame lays them out as a slide, the next frame as before.
struct WindowPlaces {
  struct Place {
    ImGuiWindow* window;
    ImVec2 pos, size, size_full;
  };
  std::vector<Place> places;
  WindowPlaces() {
    for (ImGuiWindow* w : ImGui::GetCurrentContext()->Windows) places.push_back({w, w->Pos, w->Size, w->SizeFull});
  }
  void restore() const {
    for (const Place& p : places) {
      p.window->Pos = p.pos;
      p.window->Size = p.size;
      p.window->SizeFull = p.size_full;
    }
  }
};

// The settings caption right-aligned in `window`'s title bar, after its name (fitted to the room),
// in its first `width` units when the picture is cropped to them (0: the whole bar).
void caption_in_title_bar(const AppState& s, const std::string& window, float width) {
  const ImGuiWindow* w = ImGui::FindWindowByName(window.c_str());
  if (w == nullptr || (w->Flags & ImGuiWindowFlags_NoTitleBar) != 0) return;
  ImRect bar = w->TitleBarRect();
  if (width > 0.0f) bar.Max.x = std::min(bar.Max.x, bar.Min.x + width);
  const ImGuiStyle& style = ImGui::GetStyle();
  const float name_w = ImGui::CalcTextSize(window.c_str(), nullptr, true).x;
  const float room = bar.GetWidth() - name_w - 2.0f * style.FramePadding.x - 2.0f * ImGui::GetFontSize();
  // The parts "iris4 · sigmoid + … · batch (m = 4) · η = 0.01 · step 1": those before the step
  // go from the last one first until the rest fits.
  std::vector<std::string> parts;
  const std::string caption = settings_caption(s);
  for (std::size_t from = 0;;) {
    const std::size_t at = caption.find(" · ", from);
    parts.push_back(caption.substr(from, at == std::string::npos ? std::string::npos : at - from));
    if (at == std::string::npos) break;
    from = at + 3;
  }
  std::string text;
  for (;;) {
    text.clear();
    for (const std::string& part : parts) text += (text.empty() ? "" : " · ") + part;
    if (ImGui::CalcTextSize(text.c_str()).x <= room) break;
    if (parts.size() <= 1) return;
    parts.erase(parts.end() - (parts.size() >= 2 ? 2 : 1));
  }
  const ImVec2 size = ImGui::CalcTextSize(text.c_str());
  ImGui::GetForegroundDrawList()->AddText(
      ImVec2(bar.Max.x - style.FramePadding.x - size.x, bar.Min.y + 0.5f * (bar.GetHeight() - size.y)),
      ImGui::GetColorU32(ImGuiCol_Text), text.c_str());
}


}  // namespace

bool write_png(const platform::Image& image, const std::string& path, std::string* error) {
  const std::vector<std::uint8_t> png = platform::encode_png(image);
  if (png.empty()) {
    if (error != nullptr) *error = "cannot write " + path + ": the image is empty or could not be encoded";
    return false;
  }
  return io::write_file_atomically(path, std::string(png.begin(), png.end()), error);
}

// The conventions stamp (run/step_export.h) in a band along the foot of `window` (or of the whole
// picture), fitted to its first `width` units when it is cropped to them (0: all of it).
void StampConventions(const AppState& s, const std::string& window, float width) {
  ImRect area(ImVec2(0, 0), ImGui::GetIO().DisplaySize);
  if (!window.empty()) {
    const ImGuiWindow* w = ImGui::FindWindowByName(window.c_str());
    if (w == nullptr) return;
    area = w->Rect();
  }
  if (width > 0.0f) area.Max.x = std::min(area.Max.x, area.Min.x + width);
  const ImGuiStyle& style = ImGui::GetStyle();
  const std::string text =
      plot::FitText(conventions_stamp(s.settings(), s.data()), area.GetWidth() - 2.0f * style.WindowPadding.x);
  // Over the whole picture, the status line's height (it takes its place); in a panel, one line.
  const float h = window.empty() ? ImGui::GetFontSize() + 10.0f : ImGui::GetTextLineHeight() + 2.0f * style.FramePadding.y;
  ImDrawList* dl = ImGui::GetForegroundDrawList();
  ImVec4 bg = ImGui::GetStyleColorVec4(ImGuiCol_WindowBg);
  bg.w = 1.0f;   // opaque: over the whole picture it takes the status line's place
  dl->AddRectFilled(ImVec2(area.Min.x, area.Max.y - h), area.Max, ImGui::GetColorU32(bg));
  dl->AddLine(ImVec2(area.Min.x, area.Max.y - h), ImVec2(area.Max.x, area.Max.y - h), ImGui::GetColorU32(ImGuiCol_Border));
  dl->AddText(ImVec2(area.Min.x + style.WindowPadding.x, area.Max.y - h + style.FramePadding.y),
              ImGui::GetColorU32(ImGuiCol_TextDisabled), text.c_str());
}

platform::Image capture_slide(platform::Window& window, AppState& s, PanelCaches& caches,
                              const std::string& panel_window, int scale, std::string* error) {
  const WindowPlaces places;
  const Layout layout = s.last_layout;
  const ChainMeasure chain = caches.chain;
  const bool was_slide = s.slide;
  platform::CaptureRequest capture;
  capture.scale = scale;
  capture.font_scale = s.font_scale;
  capture.panel = panel_window;
  // The chain panel as far as its step goes (ChainMeasure: the width and height that show it).
  if (panel_window == kChainWindow) {
    capture.crop_w = caches.chain.needed_w;
    capture.crop_h = caches.chain.needed_h;
  }
  s.slide = true;
  const platform::Image image = platform::capture_offscreen(window, capture, [&] {
    DrawFrame(s, caches);
    if (s.slide_caption && !panel_window.empty()) caption_in_title_bar(s, panel_window, capture.crop_w);
    if (s.slide_conventions) StampConventions(s, panel_window, capture.crop_w);
  }, error);
  s.slide = was_slide;
  if (!was_slide) {
    places.restore();
    s.last_layout = layout;
    caches.chain = chain;
  }
  return image;
}

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

  // The capture frame draws the UI once more; what it asks for (keys held down, menus) is not
  // acted on twice.
  const platform::Image image = capture_slide(window, s, caches, request.window, s.png_scale, &error);
  if (image.rgba.empty() || !write_png(image, path, &error)) {
    s.status = "Not saved: " + error;
    s.status_is_error = true;
    return;
  }
  s.status = "Saved " + std::to_string(image.width) + "×" + std::to_string(image.height) + " PNG: " + path;
  s.status_is_error = false;
}

}  // namespace ll::app
