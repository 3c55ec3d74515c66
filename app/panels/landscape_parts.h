#pragma once
// The loss landscape panel's drawing pieces (panels/landscape_draw.cpp), used by
// panels/landscape_panel.cpp.
#include <imgui.h>

#include <string>
#include <vector>

#include "model/landscape.h"
#include "platform/texture.h"

namespace ll::app {

// The colour map, t in [0, 1]: low loss dark purple, high loss yellow (viridis).
ImVec4 LandscapeColor(double t);
// Where a loss sits on the map: log-spaced between the grid's low and high.
double LandscapeShade(const LandscapeGrid& grid, double loss);

// The surface as a texture, remade when the grid changes.
class LandscapeImage {
 public:
  void update(const LandscapeGrid& grid);
  bool valid() const { return texture_.valid(); }
  ImTextureID id() const { return texture_.id(); }

 private:
  platform::Texture texture_{platform::Texture::Filter::Nearest};
  std::string made_for_;   // the grid's request key
  std::vector<unsigned char> rgba_;
};

// Between plot::BeginPlot and EndPlot: the surface, and its contour lines with their values.
void PlotLandscapeImage(LandscapeImage& image, const LandscapeGrid& grid);
void PlotContours(const LandscapeGrid& grid, const std::vector<double>& levels);
// The colour bar beside the plot, `height` tall, with the ends and the levels as ticks.
float ColourBarWidth();
void DrawColourBar(const LandscapeGrid& grid, const std::vector<double>& levels, float height);

}  // namespace ll::app
