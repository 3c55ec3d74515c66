#include "model/layout.h"

#include <algorithm>
#include <cmath>

namespace ll::app {

float presentation_bar_height(float font_px) { return std::floor(2.0f * font_px + 22.0f); }

Layout default_layout(float width, float height, float top, float font_px, const PanelsShown& shown,
                      bool presentation) {
  Layout l;
  const float status_h = font_px + 10.0f;
  l.status = {0, std::max(top, height - status_h), width, status_h};
  float body_y = top;
  if (presentation) {
    l.bar = {0, top, width, presentation_bar_height(font_px)};
    body_y += l.bar.h;
  }
  const float body_h = std::max(0.0f, l.status.y - body_y);

  // The controls column is about 21 font sizes wide: room for "Learning rate η" and its slider.
  float controls_w = 0.0f;
  if (shown.controls && !presentation) {
    controls_w = std::min(std::max(21.0f * font_px, 300.0f), width * 0.32f);
    l.controls = {0, body_y, controls_w, body_h};
  }
  const float right_x = controls_w, right_w = std::max(0.0f, width - controls_w);

  // The top row's plots share its width in the proportions 36 : 32 : 32 (the data plot has a
  // key below it); the chain panel takes the lower half, or everything when the row is empty.
  Rect* row[] = {&l.data, &l.activation, &l.loss};
  const bool in_row[] = {shown.data, shown.activation, shown.loss};
  const float weight[] = {0.36f, 0.32f, 0.32f};
  float total = 0.0f;
  for (int i = 0; i < 3; ++i) total += in_row[i] ? weight[i] : 0.0f;
  const float row_h = total == 0.0f ? 0.0f : shown.chain ? std::floor(body_h * 0.5f) : body_h;
  float x = right_x;
  int last = -1;
  for (int i = 0; i < 3; ++i)
    if (in_row[i]) last = i;
  for (int i = 0; i < 3; ++i) {
    if (!in_row[i]) continue;
    // The last plot takes what rounding left, so the row ends exactly at the window's edge.
    const float w = i == last ? right_x + right_w - x : std::floor(right_w * weight[i] / total);
    *row[i] = {x, body_y, w, row_h};
    x += w;
  }
  if (shown.chain) l.chain = {right_x, body_y + row_h, right_w, body_h - row_h};
  return l;
}

}  // namespace ll::app
