#include "model/layout.h"

#include <algorithm>
#include <cmath>

namespace ll::app {

float presentation_bar_height(float font_px) { return std::floor(2.0f * font_px + 22.0f); }

float compact_bar_height(float font_px) { return std::floor(font_px + 28.0f); }

float presentation_text_scale(float screen_height_px) {
  constexpr float kBasePixels = 17.0f, kShareOfHeight = 0.04f;
  return std::clamp(std::floor(kShareOfHeight * screen_height_px / kBasePixels * 4.0f) / 4.0f, 1.0f, 3.0f);
}

float min_plot_height(float font_px) { return 14.0f * (font_px + 4.0f); }

Layout default_layout(float width, float height, float top, float font_px, const PanelsShown& shown_asked,
                      bool presentation, ChainNeeds chain, bool plots_instead) {
  Layout l;
  const float status_h = font_px + 10.0f;
  l.status = {0, std::max(top, height - status_h), width, status_h};
  float body_y = top;
  // The controls column is about 21 font sizes wide: room for "Learning rate η" and its slider.
  const float controls_w_asked = std::min(std::max(21.0f * font_px, 300.0f), width * 0.32f);
  const bool chain_too_narrow = shown_asked.chain && chain.width > width - controls_w_asked;
  l.controls_dropped = shown_asked.controls && !presentation && chain_too_narrow && !plots_instead;
  if (presentation || l.controls_dropped) {
    // The big counter only while the chain has the room it needs below it: a chain that needs
    // the whole height and more gets the counter's line (its own first line says the step too).
    const float full_bar_h = presentation_bar_height(font_px);
    l.bar_compact = shown_asked.chain && !plots_instead && chain.height > l.status.y - top - full_bar_h;
    l.bar = {0, top, width, l.bar_compact ? compact_bar_height(font_px) : full_bar_h};
    body_y += l.bar.h;
  }
  const float body_h = std::max(0.0f, l.status.y - body_y);

  float controls_w = 0.0f;
  if (shown_asked.controls && !presentation && !l.controls_dropped) {
    controls_w = controls_w_asked;
    l.controls = {0, body_y, controls_w, body_h};
  }
  const float right_x = controls_w, right_w = std::max(0.0f, width - controls_w);

  // How the right side's height is shared: the chain at least half, more when it needs it.
  PanelsShown shown = shown_asked;
  const bool any_plot = shown.data || shown.activation || shown.loss || shown.landscape;
  float chain_h = 0.0f;
  if (shown.chain && any_plot) {
    chain_h = std::floor(body_h * 0.5f);
    if (chain.height > chain_h) {
      chain_h = std::min(std::ceil(chain.height), body_h);
      if (body_h - chain_h < min_plot_height(font_px)) {
        l.plots_dropped = true;
        chain_h = body_h;
      }
    }
    if (l.plots_dropped && plots_instead) {
      shown.chain = false;
      chain_h = 0.0f;
    } else if (l.plots_dropped) {
      shown.data = shown.activation = shown.loss = shown.landscape = false;
    }
  } else if (shown.chain) {
    chain_h = body_h;
  }

  // The top row's plots share its width in the proportions 36 : 32 : 32 (: 36 for the landscape,
  // which has a colour bar beside it; the data plot has a key below it); the chain panel takes
  // the lower half, or everything when the row is empty.
  Rect* row[] = {&l.data, &l.activation, &l.loss, &l.landscape};
  const bool in_row[] = {shown.data, shown.activation, shown.loss, shown.landscape};
  const float weight[] = {0.36f, 0.32f, 0.32f, 0.36f};
  constexpr int kRow = 4;
  float total = 0.0f;
  for (int i = 0; i < kRow; ++i) total += in_row[i] ? weight[i] : 0.0f;
  const float row_h = total == 0.0f ? 0.0f : body_h - chain_h;
  float x = right_x;
  int last = -1;
  for (int i = 0; i < kRow; ++i)
    if (in_row[i]) last = i;
  for (int i = 0; i < kRow; ++i) {
    if (!in_row[i]) continue;
    // The last plot takes what rounding left, so the row ends exactly at the window's edge.
    const float w = i == last ? right_x + right_w - x : std::floor(right_w * weight[i] / total);
    *row[i] = {x, body_y, w, row_h};
    x += w;
  }
  if (shown.chain) l.chain = {right_x, body_y + row_h, right_w, body_h - row_h};
  l.chain_untitled = shown.chain && chain.height > l.chain.h;
  return l;
}

}  // namespace ll::app
