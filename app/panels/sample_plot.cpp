#include "panels/sample_plot.h"

#include <imgui.h>

#include <algorithm>

#include "panels/point_cloud.h"

namespace ll::app {

namespace {

// Above this many points a PointCloud draws them, as one image. Under a software rasterizer
// (llvmpipe) each marker of the draw list costs about 35 µs of fill and triangle setup, so 1,000
// points took 40 ms a frame where the image costs the same for 40 as for 1,000,000 (README's
// figures); up to this many, the draw list's markers cost less than a tenth of a frame.
constexpr std::size_t kCloudAbove = 32;

}  // namespace

PointHit PlotClasses(const Dataset& data, const std::vector<ClassSeries>& classes, PointCloud* cloud,
                     std::uint64_t version) {
  std::size_t total = 0;
  for (const ClassSeries& c : classes)
    total += c.x.size();
  if (cloud != nullptr && total > kCloudAbove) return cloud->Plot(classes, version);
  PointHit hit;
  for (std::size_t k = 0; k < classes.size(); ++k) {
    const ClassSeries& c = classes[k];
    if (c.x.empty()) continue;  // e.g. a batch without this class
    const int ki = static_cast<int>(k);
    const std::string label = (k < data.classes() ? data.class_names[k] : "class " + std::to_string(k)) +
                              "##class" + std::to_string(k);
    // A little transparent, outlined (the plot layer's default): overlapping points both show.
    plot::SetNextMarkerStyle(plot::ClassMarker(ki), -1.0f, plot::ClassColor(ki, 0.85f));
    plot::PlotScatter(label.c_str(), c.x.data(), c.y.data(), static_cast<int>(c.x.size()));
    // Later classes are drawn on top, so their hits win.
    const int hovered = plot::GetLastItemHoveredIndex();
    if (hovered >= 0) hit.hovered = static_cast<int>(c.sample[static_cast<std::size_t>(hovered)]);
    const int clicked = plot::GetLastItemClickedIndex();
    if (clicked >= 0) hit.clicked = static_cast<int>(c.sample[static_cast<std::size_t>(clicked)]);
  }
  return hit;
}

bool FindSample(const std::vector<ClassSeries>& classes, std::size_t i, double& x, double& y) {
  for (const ClassSeries& c : classes) {
    for (std::size_t j = 0; j < c.sample.size(); ++j) {
      if (c.sample[j] != i) continue;
      x = c.x[j];
      y = c.y[j];
      return true;
    }
  }
  return false;
}

void PlotSampleRings(const char* label, const std::vector<ClassSeries>& classes,
                     const std::vector<std::size_t>& samples, const ImVec4& color, float radius_factor,
                     float weight_px) {
  // The samples' positions; a linear search per sample is fine for the few that get rings.
  std::vector<double> xs, ys;
  xs.reserve(samples.size());
  ys.reserve(samples.size());
  if (samples.size() <= 64) {
    for (const std::size_t i : samples) {
      double x = 0, y = 0;
      if (FindSample(classes, i, x, y)) {
        xs.push_back(x);
        ys.push_back(y);
      }
    }
  } else {  // many: one pass over the points with a membership table
    std::size_t n = 0;
    for (const ClassSeries& c : classes)
      for (const std::size_t i : c.sample)
        n = std::max(n, i + 1);
    std::vector<char> wanted(n, 0);
    for (const std::size_t i : samples)
      if (i < n) wanted[i] = 1;
    for (const ClassSeries& c : classes)
      for (std::size_t j = 0; j < c.sample.size(); ++j)
        if (wanted[c.sample[j]]) {
          xs.push_back(c.x[j]);
          ys.push_back(c.y[j]);
        }
  }
  const float marker_px = 3.5f * ImGui::GetFontSize() / 13.0f;  // the plot's default marker radius
  plot::SetNextMarkerStyle(plot::Marker_None, radius_factor * marker_px);
  plot::SetNextLineStyle(color, weight_px * ImGui::GetFontSize() / 13.0f);
  plot::PlotRings(label, xs.data(), ys.data(), static_cast<int>(xs.size()));
}

void ShareHover(AppState& state, const char* plot_key, bool plot_hovered, int sample) {
  ImGuiStorage* storage = ImGui::GetStateStorage();
  const ImGuiID id = ImGui::GetID(plot_key);
  const bool was_hovered = storage->GetBool(id, false);
  if (plot_hovered)
    state.hovered_sample = sample;
  else if (was_hovered)
    state.hovered_sample = -1;
  storage->SetBool(id, plot_hovered);
}

std::string ClassLabel(const Dataset& data, int k) {
  const std::string name = k >= 0 && static_cast<std::size_t>(k) < data.classes()
                               ? data.class_names[static_cast<std::size_t>(k)]
                               : "class " + std::to_string(k);
  return name + " (y = " + std::to_string(k) + ")";
}

ImVec4 PickedColor(float alpha) { return plot::ClassColor(6, alpha); }

std::string MarkerSymbol(plot::Marker marker) {
  switch (marker) {
    case plot::Marker_Circle:
      return "●";
    case plot::Marker_Square:
      return "■";
    case plot::Marker_Triangle:
      return "▲";
    case plot::Marker_Diamond:
      return "◆";
    case plot::Marker_Cross:
      return "✗";
    default:
      return "";
  }
}

namespace {

// An entry's parts and widths, shared by measuring and drawing.
struct EntryLayout {
  float symbol_w = 0, text_w = 0, bar_w = 0, total = 0;
};

float gap() { return 0.3f * ImGui::GetFontSize(); }

EntryLayout layout(const KeyEntry& e) {
  EntryLayout l;
  l.symbol_w = e.symbol.empty() ? 0.0f : ImGui::CalcTextSize(e.symbol.c_str()).x + gap();
  l.text_w = ImGui::CalcTextSize(e.text.c_str()).x;
  if (e.bar_from != 0 || e.bar_to != 0)
    l.bar_w = gap() + ImGui::CalcTextSize("0").x + gap() + 4.0f * ImGui::GetFontSize() + gap() +
              ImGui::CalcTextSize("1").x;
  l.total = l.symbol_w + l.text_w + l.bar_w;
  return l;
}

// The scale "0 ▭ 1": from bar_from at 0, clear at ½, to bar_to at 1, over the plot's background
// as the shading is blended.
void draw_bar(const KeyEntry& e) {
  ImGui::SameLine(0.0f, gap());
  ImGui::TextDisabled("0");
  ImGui::SameLine(0.0f, gap());
  const float fs = ImGui::GetFontSize();
  const ImVec2 cursor = ImGui::GetCursorScreenPos();
  const ImVec2 size(4.0f * fs, 0.8f * fs);
  const ImVec2 a(cursor.x, cursor.y + 0.5f * (ImGui::GetTextLineHeight() - size.y));
  const ImVec2 b(a.x + size.x, a.y + size.y), mid(a.x + 0.5f * size.x, b.y);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImU32 from_clear = e.bar_from & ~IM_COL32_A_MASK, to_clear = e.bar_to & ~IM_COL32_A_MASK;
  dl->AddRectFilled(a, b, ImGui::GetColorU32(ImGuiCol_FrameBg));
  dl->AddRectFilledMultiColor(a, mid, e.bar_from, from_clear, from_clear, e.bar_from);
  dl->AddRectFilledMultiColor(ImVec2(mid.x, a.y), b, to_clear, e.bar_to, e.bar_to, to_clear);
  dl->AddRect(a, b, ImGui::GetColorU32(ImGuiCol_Border));
  ImGui::Dummy(ImVec2(size.x, ImGui::GetTextLineHeight()));
  ImGui::SameLine(0.0f, gap());
  ImGui::TextDisabled("1");
}

}  // namespace

float KeyHeight(const std::vector<KeyEntry>& key, float width) {
  const float space = ImGui::GetFontSize();
  int lines = key.empty() ? 0 : 1;
  float x = 0.0f;
  for (const KeyEntry& e : key) {
    const float w = layout(e).total;
    if (x > 0.0f && x + space + w > width) {
      ++lines;
      x = 0.0f;
    }
    x += (x > 0.0f ? space : 0.0f) + w;
  }
  return static_cast<float>(lines) * ImGui::GetTextLineHeightWithSpacing();
}

void ShowKey(const std::vector<KeyEntry>& key) {
  const float space = ImGui::GetFontSize();
  const float right = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
  bool first = true;
  for (const KeyEntry& e : key) {
    const EntryLayout l = layout(e);
    // Beside the last entry if it fits, else on the next line (decided before SameLine: a
    // NewLine after it would count the gap as content, and the window would scroll across).
    if (!first && ImGui::GetItemRectMax().x + space + l.total <= right) ImGui::SameLine(0.0f, space);
    first = false;
    if (!e.symbol.empty()) {
      ImGui::PushStyleColor(ImGuiCol_Text, e.symbol_color);
      ImGui::TextUnformatted(e.symbol.c_str());
      ImGui::PopStyleColor();
      ImGui::SameLine(0.0f, gap());
    }
    if (e.dim)
      ImGui::TextDisabled("%s", e.text.c_str());
    else
      ImGui::TextUnformatted(e.text.c_str());
    if (l.bar_w > 0.0f) draw_bar(e);
  }
}

}  // namespace ll::app
