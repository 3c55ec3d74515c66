#pragma once
// The default layout: where each panel goes in a window of a given size. No ImGui here, so it can
// be tested: no two panels overlap and all of them fit, from 1280×720 up.
namespace ll::app {

struct Rect {
  float x = 0, y = 0, w = 0, h = 0;
};

struct Layout {
  Rect controls;     // left column, full height
  Rect data;         // top row: data and decision boundary
  Rect activation;   // top row: σ(z) with the batch
  Rect loss;         // top row: loss curve
  Rect chain;        // bottom: the derivative chain of the last step
  Rect status;       // one line at the very bottom
};

// `top`: height taken by the menu bar; `font_px`: the font size (panels grow with it).
Layout default_layout(float width, float height, float top, float font_px);

}  // namespace ll::app
