// Font loading for the UI. See fonts.h.
//
// [SECTION] Glyph ranges
// [SECTION] Reading a font file
// [SECTION] Building the atlas
#include "platform/fonts.h"

#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <set>
#include <vector>

namespace ll::app::platform {

namespace {

//-----------------------------------------------------------------------------
// [SECTION] Glyph ranges
//-----------------------------------------------------------------------------

// Whole Unicode blocks rather than single characters, so that a formula added later with, say,
// ∑ or ≈ or ₖ just works. About 1,000 glyphs: a small atlas even at 3× scale.
constexpr ImWchar kBlocks[] = {
    0x0020, 0x00FF,  // Basic Latin + Latin-1 (· U+00B7, ² U+00B2, × U+00D7)
    0x0100, 0x017F,  // Latin Extended-A (ŷ U+0177)
    0x0300, 0x036F,  // combining diacritics (y + U+0302 as another spelling of ŷ)
    0x0370, 0x03FF,  // Greek (θ σ η Σ)
    0x1D00, 0x1DBF,  // phonetic extensions (ᵀ U+1D40, modifier letters for superscripts)
    0x2000, 0x206F,  // general punctuation (′ U+2032, ‖ U+2016, … U+2026, – —)
    0x2070, 0x209F,  // superscripts and subscripts
    0x2190, 0x21FF,  // arrows (← ↑ → ↓ for the keyboard help, ⇒)
    0x2200, 0x22FF,  // mathematical operators (∂ ∇ − ∞ ≤ ≥ Σ-like ∑ ≈)
    0x25A0, 0x25FF,  // geometric shapes (▶ ▼ ● for buttons and markers)
    0x2713, 0x2717,  // ✓ ✗
    0xFFFD, 0xFFFD,  // �: ImGui's fallback glyph, so a missing glyph is visible as such
};

// ImFontConfig keeps a pointer to the ranges and uses it on every rebuild, so they live as long
// as the program: built once, never freed before exit.
const ImWchar* glyph_ranges() {
  static const std::vector<ImWchar> ranges = [] {
    ImFontGlyphRangesBuilder builder;
    for (std::size_t i = 0; i + 1 < std::size(kBlocks); i += 2) {
      for (unsigned c = kBlocks[i]; c <= kBlocks[i + 1]; ++c) {
        builder.AddChar(static_cast<ImWchar>(c));
      }
    }
    ImVector<ImWchar> built;
    builder.BuildRanges(&built);  // zero-terminated
    return std::vector<ImWchar>(built.begin(), built.end());
  }();
  return ranges.data();
}

//-----------------------------------------------------------------------------
// [SECTION] Reading a font file
//-----------------------------------------------------------------------------

struct FontFile {
  void* data = nullptr;  // ImGui::MemAlloc'd: the atlas frees it (FontDataOwnedByAtlas)
  int size = 0;
  std::string problem;   // why it cannot be used; empty if it can
};

// ImGui's own AddFontFromFileTTF asserts (aborts, in Debian's build) on a missing file, and
// stb_truetype asserts on data that is not a font, so both are checked here first.
FontFile read_font_file(const std::string& path) {
  FontFile file;
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) {
    file.problem = "cannot open it";
    return file;
  }
  const std::streamoff length = in.tellg();
  if (length < 12 || length > (std::streamoff{1} << 28)) {
    file.problem = "it is not a TrueType font (size " + std::to_string(length) + " bytes)";
    return file;
  }
  std::vector<char> bytes(static_cast<std::size_t>(length));
  in.seekg(0);
  if (!in.read(bytes.data(), length)) {
    file.problem = "cannot read it";
    return file;
  }
  // sfnt version: 0x00010000 or "true" for TrueType outlines ("OTTO", CFF, stb cannot draw).
  const bool truetype = std::memcmp(bytes.data(), "\x00\x01\x00\x00", 4) == 0 ||
                        std::memcmp(bytes.data(), "true", 4) == 0;
  if (!truetype) {
    file.problem = "it is not a TrueType font";
    return file;
  }
  file.size = static_cast<int>(length);
  file.data = ImGui::MemAlloc(bytes.size());
  std::memcpy(file.data, bytes.data(), bytes.size());
  return file;
}

// Once per file and problem: Ctrl+= rebuilds the atlas, and the terminal need not hear it again.
void warn(const std::string& path, const std::string& problem, const char* consequence) {
  static std::set<std::string> warned;
  if (!warned.insert(path + '\n' + problem).second) return;
  std::fprintf(stderr, "logistic-lab: warning: font %s: %s; %s\n", path.c_str(), problem.c_str(),
               consequence);
}

ImFontConfig font_config(const char* name, float pixels) {
  ImFontConfig config;
  config.SizePixels = pixels;
  std::snprintf(config.Name, sizeof config.Name, "%s, %.0fpx", name, static_cast<double>(pixels));
  return config;
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Building the atlas
//-----------------------------------------------------------------------------

namespace {
Fonts g_fonts;  // the fonts of the current atlas
std::string g_fonts_folder = "fonts";
}  // namespace

void set_fonts_folder(const std::string& folder) { g_fonts_folder = folder; }
const std::string& fonts_folder() { return g_fonts_folder; }

float font_pixels(float scale) {
  const float finite = std::isfinite(scale) ? scale : 1.0f;
  const float clamped = std::clamp(finite, kMinFontScale, kMaxFontScale);
  return std::round(kBaseFontPixels * clamped);
}

Fonts load_fonts(float scale, float raster_scale) {
  ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
  atlas.Clear();
  Fonts fonts;
  fonts.pixels = font_pixels(scale) * std::clamp(raster_scale, 1.0f, 4.0f);
  ImGui::GetIO().FontGlobalScale = 1.0f / std::clamp(raster_scale, 1.0f, 4.0f);
  fonts.scale = font_pixels(scale) / kBaseFontPixels;

  const std::string folder = fonts_folder() + "/";
  const std::string sans_path = folder + "DejaVuSans.ttf";
  const std::string mono_path = folder + "DejaVuSansMono.ttf";
  FontFile sans = read_font_file(sans_path);
  FontFile mono = read_font_file(mono_path);

  if (!sans.problem.empty()) {
    warn(sans_path, sans.problem,
         "using ImGui's built-in font (Greek and math symbols will show as '?'); set "
         "LOGISTIC_LAB_ASSETS to the assets folder");
    if (mono.data != nullptr) ImGui::MemFree(mono.data);
    // ProggyClean is a 13 px bitmap font: scale from that, not from 17.
    ImFontConfig config;
    config.SizePixels = fonts.pixels = std::round(13.0f * fonts.scale * std::clamp(raster_scale, 1.0f, 4.0f));
    fonts.ui = fonts.mono = atlas.AddFontDefault(&config);
    fonts.fallback = true;
    fonts.big = fonts.ui;
    atlas.Build();
    g_fonts = fonts;
    return fonts;
  }

  ImFontConfig sans_config = font_config("DejaVu Sans", fonts.pixels);
  fonts.ui = atlas.AddFontFromMemoryTTF(sans.data, sans.size, fonts.pixels, &sans_config,
                                        glyph_ranges());
  if (mono.problem.empty()) {
    ImFontConfig mono_config = font_config("DejaVu Sans Mono", fonts.pixels);
    fonts.mono = atlas.AddFontFromMemoryTTF(mono.data, mono.size, fonts.pixels, &mono_config,
                                            glyph_ranges());
    // The mono face lacks a few math glyphs; take those from Sans (a merged font never replaces
    // glyphs it already has). The Sans bytes are owned by the first config; share them.
    ImFontConfig merge = font_config("DejaVu Sans (merged)", fonts.pixels);
    merge.MergeMode = true;
    merge.FontDataOwnedByAtlas = false;
    atlas.AddFontFromMemoryTTF(sans.data, sans.size, fonts.pixels, &merge, glyph_ranges());
  } else {
    warn(mono_path, mono.problem, "numbers use DejaVu Sans instead");
    fonts.mono = fonts.ui;
    fonts.fallback = true;
  }
  // The presentation counter: Sans at kBigFontRatio × the size, digits and a few letters only.
  static const ImWchar kCounterRanges[] = {0x0020, 0x007E, 0x00B7, 0x00B7, 0x2014, 0x2014, 0};
  ImFontConfig big_config = font_config("DejaVu Sans (big)", fonts.pixels * kBigFontRatio);
  big_config.FontDataOwnedByAtlas = false;
  fonts.big = atlas.AddFontFromMemoryTTF(sans.data, sans.size, std::round(fonts.pixels * kBigFontRatio),
                                         &big_config, kCounterRanges);
  ImGui::GetIO().FontDefault = fonts.ui;
  atlas.Build();  // now rather than at the first frame, so that rebuild_fonts can upload it
  g_fonts = fonts;
  return fonts;
}

const Fonts& current_fonts() { return g_fonts; }

Fonts rebuild_fonts(float scale, float raster_scale) {
  // A texture id means the OpenGL3 backend has uploaded the atlas; otherwise its first NewFrame
  // will, and uploading here too would leave one texture orphaned.
  const bool uploaded = ImGui::GetIO().Fonts->TexID != nullptr;
  if (uploaded) ImGui_ImplOpenGL3_DestroyFontsTexture();
  Fonts fonts = load_fonts(scale, raster_scale);
  if (uploaded) ImGui_ImplOpenGL3_CreateFontsTexture();
  return fonts;
}

}  // namespace ll::app::platform
