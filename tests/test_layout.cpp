// The default layout (app/model/layout.cpp): every panel inside the window, none overlapping, none
// too small to read, for window sizes from 1280×720 to 3840×2160 and fonts from 13 to 40 px.
#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <string>
#include <utility>
#include <vector>

#include "model/layout.h"

namespace {

using ll::app::Layout;
using ll::app::Rect;

std::array<std::pair<const char*, Rect>, 8> panels(const Layout& l) {
  return {{{"bar", l.bar},
           {"controls", l.controls},
           {"data", l.data},
           {"activation", l.activation},
           {"loss", l.loss},
           {"landscape", l.landscape},
           {"chain", l.chain},
           {"status", l.status}}};
}

std::string describe(const Rect& r) {
  return "(x " + std::to_string(r.x) + ", y " + std::to_string(r.y) + ", w " + std::to_string(r.w) +
         ", h " + std::to_string(r.h) + ")";
}

// Half-open rectangles: sharing an edge is not an overlap.
bool overlap(const Rect& a, const Rect& b) {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

struct WindowCase {
  float width, height;
};

constexpr WindowCase kWindows[] = {{1280, 720},  {1366, 768},  {1440, 900},  {1600, 900},
                                   {1920, 1080}, {2560, 1440}, {3840, 2160}, {1280, 1024},
                                   {2560, 1080}};
constexpr float kFonts[] = {13, 15, 17, 20, 24, 26, 30, 34, 40};

}  // namespace

TEST_CASE("the default layout keeps every panel inside the window, below the menu bar") {
  for (const WindowCase& w : kWindows)
    for (float font : kFonts) {
      const float top = font + 6.0f;  // ImGui's menu bar: the font plus FramePadding.y × 2
      const Layout l = ll::app::default_layout(w.width, w.height, top, font);
      for (const auto& [name, r] : panels(l)) {
        if (r.empty()) continue;  // the presentation bar
        INFO(std::string(name) << " " << describe(r) << " in " << w.width << "×" << w.height << " at " << font << " px");
        CHECK(r.x >= 0.0f);
        CHECK(r.y >= top);
        CHECK(r.x + r.w <= w.width);
        CHECK(r.y + r.h <= w.height);
      }
    }
}

TEST_CASE("no two panels of the default layout overlap") {
  for (const WindowCase& w : kWindows)
    for (float font : kFonts) {
      const Layout l = ll::app::default_layout(w.width, w.height, font + 6.0f, font);
      const auto all = panels(l);
      for (std::size_t a = 0; a < all.size(); ++a)
        for (std::size_t b = a + 1; b < all.size(); ++b) {
          INFO(std::string(all[a].first) << " " << describe(all[a].second) << " and " << std::string(all[b].first) << " "
                            << describe(all[b].second) << " in " << w.width << "×" << w.height << " at "
                            << font << " px");
          CHECK_FALSE(overlap(all[a].second, all[b].second));
        }
    }
}

TEST_CASE("the default layout fills the window: no gap between the panels and the edges") {
  for (const WindowCase& w : kWindows)
    for (float font : kFonts) {
      const float top = font + 6.0f;
      const Layout l = ll::app::default_layout(w.width, w.height, top, font);
      double area = 0.0;
      for (const auto& [name, r] : panels(l)) area += static_cast<double>(r.w) * static_cast<double>(r.h);
      INFO(w.width << "×" << w.height << " at " << font << " px");
      // Panels do not overlap (above), so their areas add up to the window's below the menu bar.
      CHECK(area == doctest::Approx(static_cast<double>(w.width) * (w.height - top)).epsilon(1e-6));
    }
}

TEST_CASE("every panel of the default layout is big enough to read") {
  for (const WindowCase& w : kWindows)
    for (float font : kFonts) {
      const Layout l = ll::app::default_layout(w.width, w.height, font + 6.0f, font);
      INFO(w.width << "×" << w.height << " at " << font << " px");
      // The status bar holds one line of text; the controls a label and a widget side by side.
      CHECK(l.status.h >= font + 8.0f);
      CHECK(l.status.w == w.width);
      CHECK(l.controls.w >= 18.0f * std::min(font, 20.0f));
      CHECK(l.bar.empty());  // only in presentation mode
      for (const auto& [name, r] : panels(l)) {
        // (The landscape is off by default: the test with every combination covers it.)
        if (std::string(name) == "status" || std::string(name) == "bar" || std::string(name) == "landscape") continue;
        INFO(std::string(name) << " " << describe(r));
        // A plot needs room for its title, tick labels and axis labels. The tightest case, a
        // 40 px font in a 1280 px wide window, leaves each top-row plot about 7 font sizes wide.
        CHECK(r.w >= 6.5f * font);
        CHECK(r.h >= 6.0f * font);
      }
    }
}

namespace {

// Every combination of shown panels (2⁶), in and out of presentation mode.
std::vector<std::pair<ll::app::PanelsShown, bool>> all_views() {
  std::vector<std::pair<ll::app::PanelsShown, bool>> views;
  for (int bits = 0; bits < 64; ++bits)
    for (bool presentation : {false, true}) {
      ll::app::PanelsShown p;
      p.controls = bits & 1;
      p.data = bits & 2;
      p.activation = bits & 4;
      p.loss = bits & 8;
      p.chain = bits & 16;
      p.landscape = bits & 32;
      views.push_back({p, presentation});
    }
  return views;
}

std::string describe(const ll::app::PanelsShown& p, bool presentation) {
  return std::string(presentation ? "presentation" : "normal") + (p.controls ? " controls" : "") +
         (p.data ? " data" : "") + (p.activation ? " activation" : "") + (p.loss ? " loss" : "") +
         (p.chain ? " chain" : "") + (p.landscape ? " landscape" : "");
}

}  // namespace

TEST_CASE("with any panels hidden, in or out of presentation mode, the shown ones fill the window") {
  for (const WindowCase& w : {WindowCase{1280, 720}, WindowCase{1600, 900}, WindowCase{3840, 2160}})
    for (float font : {13.0f, 17.0f, 30.0f, 51.0f})
      for (const auto& [shown, presentation] : all_views()) {
        const float top = font + 6.0f;
        const Layout l = ll::app::default_layout(w.width, w.height, top, font, shown, presentation);
        INFO(describe(shown, presentation) << " in " << w.width << "×" << w.height << " at " << font << " px");
        // Hidden panels get no room; the controls column gives way to the bar in presentation mode.
        CHECK(l.controls.empty() == (!shown.controls || presentation));
        CHECK(l.data.empty() == !shown.data);
        CHECK(l.activation.empty() == !shown.activation);
        CHECK(l.loss.empty() == !shown.loss);
        CHECK(l.chain.empty() == !shown.chain);
        CHECK(l.landscape.empty() == !shown.landscape);
        CHECK(l.bar.empty() == !presentation);
        const auto all = panels(l);
        double area = 0.0;
        for (std::size_t a = 0; a < all.size(); ++a) {
          const Rect& r = all[a].second;
          if (r.empty()) continue;
          INFO(all[a].first << " " << describe(r));
          CHECK(r.x >= 0.0f);
          CHECK(r.y >= top);
          CHECK(r.x + r.w <= w.width);
          CHECK(r.y + r.h <= w.height);
          area += static_cast<double>(r.w) * static_cast<double>(r.h);
          for (std::size_t b = a + 1; b < all.size(); ++b)
            if (!all[b].second.empty()) CHECK_FALSE(overlap(r, all[b].second));
        }
        // Shown panels and the bar cover the window below the menu bar, except where no panel at
        // all is shown to the right of the controls.
        const bool right_empty = !shown.data && !shown.activation && !shown.loss && !shown.chain && !shown.landscape;
        if (!right_empty)
          CHECK(area == doctest::Approx(static_cast<double>(w.width) * (w.height - top)).epsilon(1e-6));
      }
}

TEST_CASE("the presentation bar has room for a counter at twice the font size") {
  for (float font : {17.0f, 30.0f, 51.0f}) {
    const Layout l = ll::app::default_layout(1600, 900, font + 6.0f, font, {}, true);
    CHECK(l.bar.h >= 2.0f * font + 16.0f);
    CHECK(l.bar.w == 1600.0f);
    CHECK(l.bar.y == font + 6.0f);
    CHECK(l.data.y == l.bar.y + l.bar.h);
  }
}

TEST_CASE("a chain that needs more than the window's height gets the big counter's line and its title bar's") {
  const float font = 34.0f, top = font + 6.0f;
  const float body_full = 720.0f - (font + 10.0f) - top - ll::app::presentation_bar_height(font);
  for (bool presentation : {false, true}) {
    INFO(std::string(presentation ? "presentation" : "normal"));
    // Needs the body under the full bar: the full bar, the chain titled.
    const Layout fits = ll::app::default_layout(1280, 720, top, font, {}, presentation, {body_full, 5000.0f});
    CHECK(fits.plots_dropped);
    CHECK_FALSE(fits.bar_compact);
    CHECK_FALSE(fits.chain_untitled);
    CHECK(fits.bar.h == ll::app::presentation_bar_height(font));
    // Needs a pixel more: the bar shrinks to one row and the chain takes the room it gave.
    const float bar_saved = ll::app::presentation_bar_height(font) - ll::app::compact_bar_height(font);
    const Layout more = ll::app::default_layout(1280, 720, top, font, {}, presentation, {body_full + 1.0f, 5000.0f});
    CHECK(more.bar_compact);
    CHECK_FALSE(more.chain_untitled);
    CHECK(more.bar.h == ll::app::compact_bar_height(font));
    CHECK(more.bar.h >= font + 16.0f);   // a row of buttons: the font and the frame's padding
    CHECK(more.chain.y == more.bar.y + more.bar.h);
    CHECK(more.chain.h == doctest::Approx(body_full + bar_saved));
    // More than that too: the chain goes without its title bar.
    const Layout most =
        ll::app::default_layout(1280, 720, top, font, {}, presentation, {body_full + bar_saved + 1.0f, 5000.0f});
    CHECK(most.bar_compact);
    CHECK(most.chain_untitled);
  }
  // The plots shown instead of the chain (V): the bar keeps its counter.
  const Layout plots = ll::app::default_layout(1280, 720, top, font, {}, true, {5000.0f, 5000.0f}, true);
  CHECK_FALSE(plots.bar_compact);
  CHECK_FALSE(plots.chain_untitled);
}
