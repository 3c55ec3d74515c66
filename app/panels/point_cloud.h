#pragma once
// A scatter of more than a few dozen points (up to millions) drawn as one image: the class markers are
// stamped into an RGBA buffer the size of the plot area, which is uploaded again only when the
// points, the view or the plot's size change. A GPU draws many small markers cheaply, but a
// software rasterizer (Mesa's llvmpipe: CI, screenshots, remote desktops) pays for each of their
// triangles; one textured quad costs the same for 100,000 points as for 100.
#include <cstdint>
#include <vector>

#include "panels/sample_plot.h"
#include "platform/texture.h"
#include "plot/plot.h"

namespace ll::app {

class PointCloud {
 public:
  // Between plot::BeginPlot and EndPlot, after the setup: draws each class's points in its colour
  // and marker shape (ClassColor, ClassMarker), outlined as the plot layer's markers up to 5,000
  // points (above, one per cell of a marker's radius, without outlines: a dense cloud does not
  // show them), rings
  // the point under the mouse, and returns it and a click on it, as PlotClasses does.
  // `version`: changes whenever the points do.
  PointHit Plot(const std::vector<ClassSeries>& classes, std::uint64_t version);

 private:
  void stamp(const std::vector<ClassSeries>& classes, const plot::Axis& x, const plot::Axis& y, int width,
             int height, float radius);

  platform::Texture texture_{platform::Texture::Filter::Nearest};
  std::uint64_t version_ = 0;
  plot::Limits view_;
  int width_ = 0, height_ = 0;
  float radius_ = 0.0f;
  std::vector<unsigned char> rgba_;
  std::vector<std::size_t> keep_;  // scratch: the points one marker each can show
};

}  // namespace ll::app
