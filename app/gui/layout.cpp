#include "gui/layout.h"

#include <algorithm>
#include <cmath>

namespace ll::app {

Layout default_layout(float width, float height, float top, float font_px) {
  Layout l;
  const float status_h = font_px + 10.0f;
  const float body_h = std::max(0.0f, height - top - status_h);
  // The controls column is about 21 font sizes wide: room for "Learning rate η" and its slider.
  const float controls_w = std::min(std::max(21.0f * font_px, 300.0f), width * 0.32f);
  l.controls = {0, top, controls_w, body_h};
  const float right_x = controls_w, right_w = std::max(0.0f, width - controls_w);
  const float top_h = std::floor(body_h * 0.5f);
  const float data_w = std::floor(right_w * 0.36f), act_w = std::floor(right_w * 0.32f);
  l.data = {right_x, top, data_w, top_h};
  l.activation = {right_x + data_w, top, act_w, top_h};
  l.loss = {right_x + data_w + act_w, top, right_w - data_w - act_w, top_h};
  l.chain = {right_x, top + top_h, right_w, body_h - top_h};
  l.status = {0, top + body_h, width, status_h};
  return l;
}

}  // namespace ll::app
