#pragma once
// The app's fonts: DejaVu Sans for the UI and DejaVu Sans Mono for numbers, both with the glyphs
// the formulas need (Greek, ŷ, ∂ ∇ · ² − ᵀ × ≤ ≥ → ← ∞ ‖ Σ, sub/superscripts, arrows, ✓).
// Loading and rebuilding happen between frames: before the first begin_frame, or after
// render()/present() and before the next begin_frame, never inside a frame.
#include <string>

struct ImFont;

namespace ll::app::platform {

inline constexpr float kBaseFontPixels = 17.0f;  // at font scale 1
inline constexpr float kMinFontScale = 0.5f;
inline constexpr float kMaxFontScale = 3.0f;
inline constexpr float kBigFontRatio = 2.0f;

struct Fonts {
  ImFont* ui = nullptr;    // the default font (ImGui's first), DejaVu Sans
  ImFont* mono = nullptr;  // DejaVu Sans Mono, missing glyphs filled from DejaVu Sans
  ImFont* big = nullptr;   // DejaVu Sans at kBigFontRatio × the size: the presentation counter
  float scale = 1.0f;      // the font scale the atlas was built for
  float pixels = kBaseFontPixels;
  bool fallback = false;   // true: a font file was missing and ImGui's built-in font stands in
};

// The folder with DejaVuSans.ttf and DejaVuSansMono.ttf (the shell sets <assets>/fonts before the
// first load; "fonts" until then).
void set_fonts_folder(const std::string& folder);
const std::string& fonts_folder();

// The pixel size for a font scale: round(17 × scale), scale clamped to [0.5, 3].
float font_pixels(float scale);

// Builds ImGui's font atlas for `scale` from fonts_folder(). A missing or unreadable font file
// is a warning on stderr and ImGui's default font instead, never a crash. Needs a current ImGui
// context; the GL texture is made by the OpenGL3 backend on the next frame.
// `raster_scale` > 1 rasterizes the glyphs that many times larger, for an off-screen frame at that
// scale (with io.FontGlobalScale = 1 / raster_scale the layout stays the same, the text sharp).
Fonts load_fonts(float scale, float raster_scale = 1.0f);

// Ctrl+= / Ctrl+−: builds the atlas again at a new scale and, if the backend has already uploaded
// the old one, re-uploads the texture. Needs the window's GL context current. The caller scales
// ImGui's style if it wants spacing to follow.
Fonts rebuild_fonts(float scale, float raster_scale = 1.0f);

// The fonts the atlas holds now (all null before load_fonts).
const Fonts& current_fonts();

}  // namespace ll::app::platform
