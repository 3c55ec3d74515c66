#pragma once
// The two themes: dark (the default, for a screen) and light (high contrast, for a projector in a
// lit room and for pasting into slides). Apply one between frames; panels read their accent
// colours from panels/accents.h, which follows the theme applied here.
#include <imgui.h>

#include "run/run_spec.h"   // Theme

namespace ll::app {

// Sets ImGui's colours, the plot layer's class palette and the clear colour that paints the
// panels' background (platform::use_clear_for_window_background).
void ApplyTheme(Theme theme);
Theme CurrentTheme();

}  // namespace ll::app
