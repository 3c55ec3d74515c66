#pragma once
// The classroom check of a rendered frame: which panels (or the tables and children inside them)
// need scrolling to show all they hold, i.e. hide part of the step. Read from ImGui's own windows
// after a frame was drawn; `screenshot --check-layout` prints it and exits 4 when anything
// overflows, and the layout matrix test (tests/gui/test_layout_matrix.sh) runs it everywhere.
#include <string>
#include <vector>

#include "panels/panel_caches.h"

namespace ll::app {

struct Overflow {
  std::string window;    // the panel's title ("Derivative chain"), or "Panel/child" inside it
  float hidden_x = 0.0f, hidden_y = 0.0f;   // pixels that need scrolling to be seen
};

// Every visible window of the last frame that needs scrolling (popups and tooltips aside). The
// chain's table of samples may scroll through a batch too long for any screen, as long as it
// shows the whole batch up to 8 rows and at least 4 rows of a longer one (`chain` says how many
// it showed).
std::vector<Overflow> overflowing_windows(const ChainMeasure& chain);

// Every table cell of the last frame whose content is wider than its column (ImGui clips it):
// "Derivative chain/##chain_right/##update, column 2: 14 px cut".
struct ClippedColumn {
  std::string table;     // the window it is in, and the table's index there
  int column = 0;        // 1-based
  float cut = 0.0f;      // pixels of content past the column's edge
};
std::vector<ClippedColumn> clipped_columns();

// How many windows of the last frame show a title-bar arrow (0 in a picture for a slide).
int collapse_arrows_shown();

}  // namespace ll::app
