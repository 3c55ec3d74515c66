#pragma once
// The default layout: where each panel goes in a window of a given size. No ImGui here, so it can
// be tested: no two panels overlap and all of them fit, from 1280×720 up, with any panels hidden
// and in presentation mode.
#include "run/run_spec.h"   // PanelsShown

namespace ll::app {

struct Rect {
  float x = 0, y = 0, w = 0, h = 0;
  bool empty() const { return w <= 0.0f || h <= 0.0f; }
  bool operator==(const Rect& o) const { return x == o.x && y == o.y && w == o.w && h == o.h; }
};

struct Layout {
  Rect bar;          // presentation mode: the slim bar of run buttons and the big counter
  Rect controls;     // left column, full height (hidden in presentation mode: the bar stands in)
  Rect data;         // top row: data and decision boundary
  Rect activation;   // top row: σ(z) with the batch
  Rect loss;         // top row: loss curve
  Rect landscape;    // top row, when shown: the loss landscape
  Rect chain;        // bottom: the derivative chain of the last step
  Rect status;       // one line at the very bottom
  // The plots of the top row that were shown but had to give way to the chain, which needed the
  // whole height to show its step (see `chain_needed_h`); the status line says so, and
  // `plots_instead` shows them in the chain's place.
  bool plots_dropped = false;
  bool controls_dropped = false;  // the controls column gave way to the bar, for the chain's width
  bool chain_untitled = false;    // the chain needs more than its room: its title bar's line too
  bool bar_compact = false;       // the bar is one row of buttons, the counter in body text, for
                                  // a chain that needs the height of the big counter's line
  bool operator==(const Layout& o) const {
    return bar == o.bar && controls == o.controls && data == o.data && activation == o.activation &&
           loss == o.loss && landscape == o.landscape && chain == o.chain && status == o.status && plots_dropped == o.plots_dropped &&
           controls_dropped == o.controls_dropped && bar_compact == o.bar_compact &&
           chain_untitled == o.chain_untitled;
  }
  bool operator!=(const Layout& o) const { return !(*this == o); }
};
// A hidden panel gets an empty Rect; the shown ones share its room.

// `top`: height taken by the menu bar; `font_px`: the font size (panels grow with it).
// `chain.height`: the height the chain panel needs to show all of its step in its width, as it
// measured itself (0: unknown). The chain gets at least half the height, more when it needs it and
// the plots keep room for their axes and keys (about 14 lines); when they would not, the plots
// give way and the chain takes the height (plots_dropped). `plots_instead` (a key away) shows the
// plots in the whole height and the chain not.
// `chain_needed_w`: the width that shows the chain's table and results side by side; when the
// controls column leaves less, the controls give way to the slim bar of run buttons
// (controls_dropped), as in presentation mode.
struct ChainNeeds {
  float height = 0.0f, width = 0.0f;   // 0: unknown
};
Layout default_layout(float width, float height, float top, float font_px,
                      const PanelsShown& shown = {}, bool presentation = false, ChainNeeds chain = {},
                      bool plots_instead = false);

// Presentation mode's text size for a screen `screen_height_px` tall: body text about 4 % of the
// height (43 px at 1080p, for the back of a room), in quarter steps, from 1× to 3× of the 17 px
// base: 1.5× at 720p, 2.5× at 1080p, 3× at 2160p.
float presentation_text_scale(float screen_height_px);

// The least height a top-row plot needs: its title, a plot of 8 lines, its key.
float min_plot_height(float font_px);

// The height of the presentation bar at a font size: room for one row of buttons and a counter
// at twice the font size.
float presentation_bar_height(float font_px);
// The bar as one row of buttons, the counter in body text (Layout::bar_compact).
float compact_bar_height(float font_px);

}  // namespace ll::app
