#pragma once
// The default layout: where each panel goes in a window of a given size. No ImGui here, so it can
// be tested: no two panels overlap and all of them fit, from 1280×720 up, with any panels hidden
// and in presentation mode.
#include "run/run_spec.h"   // PanelsShown

namespace ll::app {

struct Rect {
  float x = 0, y = 0, w = 0, h = 0;
  bool empty() const { return w <= 0.0f || h <= 0.0f; }
};

struct Layout {
  Rect bar;          // presentation mode: the slim bar of run buttons and the big counter
  Rect controls;     // left column, full height (hidden in presentation mode: the bar stands in)
  Rect data;         // top row: data and decision boundary
  Rect activation;   // top row: σ(z) with the batch
  Rect loss;         // top row: loss curve
  Rect chain;        // bottom: the derivative chain of the last step
  Rect status;       // one line at the very bottom
};
// A hidden panel gets an empty Rect; the shown ones share its room.

// `top`: height taken by the menu bar; `font_px`: the font size (panels grow with it).
Layout default_layout(float width, float height, float top, float font_px,
                      const PanelsShown& shown = {}, bool presentation = false);

// The height of the presentation bar at a font size: room for one row of buttons and a counter
// at twice the font size.
float presentation_bar_height(float font_px);

}  // namespace ll::app
