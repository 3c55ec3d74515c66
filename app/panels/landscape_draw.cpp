// The loss landscape's pictures (panels/landscape_parts.h): the surface as an image in a
// perceptual colour map, hatched where the loss is undefined, its labelled contour lines, and
// the colour bar.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>

#include "ll/number_format.h"
#include "panels/landscape_parts.h"
#include "plot/plot.h"

namespace ll::app {
namespace {

// Viridis (matplotlib's default map, perceptually even and readable in grey), nine stops.
constexpr float kViridis[9][3] = {{0.267f, 0.005f, 0.329f}, {0.283f, 0.141f, 0.458f}, {0.254f, 0.265f, 0.530f},
                                  {0.207f, 0.372f, 0.553f}, {0.164f, 0.471f, 0.558f}, {0.128f, 0.567f, 0.551f},
                                  {0.135f, 0.659f, 0.518f}, {0.267f, 0.749f, 0.441f}, {0.993f, 0.906f, 0.144f}};

}  // namespace

ImVec4 LandscapeColor(double t) {
  t = std::clamp(t, 0.0, 1.0) * 8.0;
  const int k = std::min(static_cast<int>(t), 7);
  const float f = static_cast<float>(t - k);
  float c[3];
  for (int i = 0; i < 3; ++i) c[i] = kViridis[k][i] + f * (kViridis[k + 1][i] - kViridis[k][i]);
  return ImVec4(c[0], c[1], c[2], 1.0f);
}

double LandscapeShade(const LandscapeGrid& g, double loss) {
  // log(J − low + δ): the floor of a bowl and its walls both get their share of the colours.
  const double delta = std::max(1e-3 * (g.high - g.low), 1e-12);
  return (std::log(loss - g.low + delta) - std::log(delta)) / (std::log(g.high - g.low + delta) - std::log(delta));
}

void LandscapeImage::update(const LandscapeGrid& g) {
  std::string key = g.request.key();
  if (key == made_for_ && texture_.valid()) return;
  made_for_ = std::move(key);
  const int n = g.request.cells, scale = 4;   // 4 pixels a cell: room for the hatching's stripes
  const int side = n * scale;
  rgba_.assign(static_cast<std::size_t>(side) * side * 4, 0);
  for (int py = 0; py < side; ++py)
    for (int px = 0; px < side; ++px) {
      const double v = g.loss[static_cast<std::size_t>(py / scale) * n + px / scale];
      unsigned char* p = &rgba_[(static_cast<std::size_t>(py) * side + px) * 4];
      if (!std::isfinite(v)) {   // undefined: grey hatching, never a colour of the map
        const bool stripe = (px + py) % 8 < 3;
        p[0] = p[1] = p[2] = stripe ? 150 : 60;
        p[3] = 255;
        continue;
      }
      const ImVec4 c = LandscapeColor(LandscapeShade(g, v));
      p[0] = static_cast<unsigned char>(c.x * 255.0f);
      p[1] = static_cast<unsigned char>(c.y * 255.0f);
      p[2] = static_cast<unsigned char>(c.z * 255.0f);
      p[3] = 255;
    }
  texture_.update(rgba_.data(), side, side);
}

void PlotLandscapeImage(LandscapeImage& image, const LandscapeGrid& g) {
  image.update(g);
  if (!image.valid()) return;
  const LandscapeRequest& r = g.request;
  plot::PlotImage("##surface", image.id(), plot::Point{r.x_min, r.y_min}, plot::Point{r.x_max, r.y_max});
}

void PlotContours(const LandscapeGrid& g, const std::vector<double>& levels) {
  ImDrawList* dl = plot::GetPlotDrawList();
  const float weight = std::max(1.0f, 0.08f * ImGui::GetFontSize());
  const ImU32 line = IM_COL32(255, 255, 255, 150);
  const ImVec2 lo = plot::GetPlotPos(), size_plot = plot::GetPlotSize();
  std::vector<ImVec4> placed;   // the labels drawn so far (x0, y0, x1, y1): the next avoids them
  for (double level : levels) {
    const std::vector<double> seg = contour_segments(g, level);
    if (seg.empty()) continue;
    std::vector<std::pair<float, ImVec2>> candidates;   // (score, where): nearest the top-right first
    for (std::size_t k = 0; k + 3 < seg.size(); k += 4) {
      const ImVec2 p = plot::PlotToPixels(seg[k], seg[k + 1]);
      dl->AddLine(p, plot::PlotToPixels(seg[k + 2], seg[k + 3]), line, weight);
      candidates.emplace_back(p.y - p.x, p);
    }
    std::sort(candidates.begin(), candidates.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    const std::string text = format_number(level);
    const ImVec2 size = ImGui::CalcTextSize(text.c_str());
    for (const auto& candidate : candidates) {
      ImVec2 p = candidate.second;
      p.x = std::clamp(p.x - 0.5f * size.x, lo.x + 2.0f, lo.x + size_plot.x - size.x - 2.0f);
      p.y = std::clamp(p.y - 0.5f * size.y, lo.y + 2.0f, lo.y + size_plot.y - size.y - 2.0f);
      const ImVec4 box(p.x - 4.0f, p.y - 2.0f, p.x + size.x + 4.0f, p.y + size.y + 2.0f);
      bool free = true;
      for (const ImVec4& b : placed) free = free && (box.z < b.x || box.x > b.z || box.w < b.y || box.y > b.w);
      if (!free) continue;
      placed.push_back(box);
      dl->AddRectFilled(ImVec2(p.x - 2.0f, p.y), ImVec2(p.x + size.x + 2.0f, p.y + size.y), IM_COL32(0, 0, 0, 170), 3.0f);
      dl->AddText(p, IM_COL32(255, 255, 255, 255), text.c_str());
      break;
    }
  }
}

float ColourBarWidth() {
  return ImGui::CalcTextSize("0.0000").x + 1.6f * ImGui::GetFontSize();
}

void DrawColourBar(const LandscapeGrid& g, const std::vector<double>& levels, float height) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const float fs = ImGui::GetFontSize();
  const float bar_w = 0.8f * fs, top = at.y + 0.5f * fs, bottom = at.y + height - 2.0f * fs;
  constexpr int kSteps = 64;
  for (int k = 0; k < kSteps; ++k) {   // the map from high (top) to low (bottom)
    const float f0 = static_cast<float>(k) / kSteps, f1 = static_cast<float>(k + 1) / kSteps;
    const float y0 = top + (bottom - top) * f0, y1 = top + (bottom - top) * f1;
    const ImVec4 c = LandscapeColor(1.0 - (k + 0.5) / kSteps);
    dl->AddRectFilled(ImVec2(at.x, y0), ImVec2(at.x + bar_w, y1 + 1.0f), ImGui::GetColorU32(c));
  }
  dl->AddRect(ImVec2(at.x, top), ImVec2(at.x + bar_w, bottom), ImGui::GetColorU32(ImGuiCol_Text, 0.5f));
  // Ticks: the ends and the contour levels that have room.
  std::vector<double> ticks = {g.high};
  for (auto it = levels.rbegin(); it != levels.rend(); ++it) ticks.push_back(*it);
  ticks.push_back(g.low);
  float last_y = -INFINITY;
  for (double v : ticks) {
    const double t = LandscapeShade(g, v);
    const float y = bottom - static_cast<float>(t) * (bottom - top);
    if (y - last_y < 1.1f * fs && v != g.low) continue;
    if (v == g.low && y - last_y < 1.1f * fs) continue;
    last_y = y;
    dl->AddLine(ImVec2(at.x + bar_w, y), ImVec2(at.x + bar_w + 0.3f * fs, y), ImGui::GetColorU32(ImGuiCol_Text));
    dl->AddText(ImVec2(at.x + bar_w + 0.4f * fs, y - 0.5f * fs), ImGui::GetColorU32(ImGuiCol_Text),
                format_number(v).c_str());
  }
  if (g.any_undefined) {   // the hatching's key
    const float y = bottom + 0.4f * fs;
    for (float x = 0; x < bar_w; x += 4.0f)
      dl->AddLine(ImVec2(at.x + x, y + fs), ImVec2(at.x + x + 0.5f * fs, y), IM_COL32(150, 150, 150, 255), 1.5f);
    dl->AddText(ImVec2(at.x + bar_w + 0.4f * fs, y), ImGui::GetColorU32(ImGuiCol_Text), "undef.");
  }
  ImGui::Dummy(ImVec2(ColourBarWidth(), height));
}

}  // namespace ll::app
