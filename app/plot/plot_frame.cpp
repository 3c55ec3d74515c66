// What surrounds a plot's items: the layout of title, axes and labels; grid, ticks and their
// labels; the legend; the hover ring and tooltip; the pointer readout. plot.cpp calls these.
//
// Index
// [SECTION] Layout
// [SECTION] Grid and axes
// [SECTION] Legend, tooltip, readout
#include <algorithm>
#include <cmath>
#include <string>

#include "plot/plot_internal.h"

namespace ll::plot::detail {

namespace {


// Text rotated 90° counter-clockwise, read bottom to top from `pos` (its bottom-left). ImGui
// has no rotated text, so each glyph's quad is placed with its texture corners turned.
void AddTextVertical(ImDrawList* dl, ImVec2 pos, ImU32 col, const char* begin, const char* end) {
  const ImFont* font = ImGui::GetFont();
  const float scale = ImGui::GetFontSize() / font->FontSize;
  for (const char* s = begin; s < end;) {
    unsigned int c = static_cast<unsigned char>(*s);
    if (c < 0x80)
      ++s;
    else
      s += ImTextCharFromUtf8(&c, s, end);
    if (c == 0) break;
    const ImFontGlyph* g = font->FindGlyph(static_cast<ImWchar>(c));
    if (g == nullptr) continue;
    if (g->Visible) {
      dl->PrimReserve(6, 4);
      dl->PrimQuadUV(pos + ImVec2(g->Y0, -g->X0) * scale, pos + ImVec2(g->Y0, -g->X1) * scale,
                     pos + ImVec2(g->Y1, -g->X1) * scale, pos + ImVec2(g->Y1, -g->X0) * scale,
                     ImVec2(g->U0, g->V0), ImVec2(g->U1, g->V0), ImVec2(g->U1, g->V1),
                     ImVec2(g->U0, g->V1), col);
    }
    pos.y -= g->AdvanceX * scale;
  }
}

}  // namespace

// [SECTION] Layout --------------------------------------------------------------------------------

// Title on top, x tick labels and label below, y label and tick labels on the left. The y axis
// goes first: its label width decides where the plot area starts, and so the x axis's pixels.
void Layout(Plot& p) {
  const float fs = ImGui::GetFontSize(), pad = 0.5f * fs;
  const double target_px = std::max(100.0, 6.0 * fs);  // about one major tick per 100 px
  float top = p.Frame.Min.y + pad + (p.Title.empty() ? 0.0f : fs + pad);
  float bottom = p.Frame.Max.y - pad;
  if (!p.Setup[Axis_X].Label.empty()) bottom -= fs + 0.5f * pad;
  if (!(p.Setup[Axis_X].Flags & AxisFlags_NoTickLabels)) bottom -= fs + 0.5f * pad;
  bottom = std::max(bottom, top + 1.0f);
  p.Y.SetPixelRange(bottom, top);
  p.YTicks = ComputeTicks(p.Y, target_px);
  float label_w = 0.0f;
  if (!(p.Setup[Axis_Y].Flags & AxisFlags_NoTickLabels)) {
    for (const Tick& t : p.YTicks)
      label_w = std::max(label_w, ImGui::CalcTextSize(t.Label.c_str()).x);
  }
  float left = p.Frame.Min.x + pad;
  if (!p.Setup[Axis_Y].Label.empty()) left += fs + pad;
  if (label_w > 0.0f) left += label_w + 0.5f * pad;
  const float right = std::max(p.Frame.Max.x - pad, left + 1.0f);
  p.X.SetPixelRange(left, right);
  // Fewer x ticks while neighbouring labels would come closer than one font size.
  double x_target = target_px;
  for (int attempt = 0; attempt < 4; ++attempt) {
    p.XTicks = ComputeTicks(p.X, x_target);
    float widest = 0.0f;
    double spacing = 1e9, last = std::nan("");
    for (const Tick& t : p.XTicks) {
      if (!t.Major) continue;
      widest = std::max(widest, ImGui::CalcTextSize(t.Label.c_str()).x);
      const double px = p.X.ToPixel(t.Value);
      if (last == last) spacing = std::min(spacing, std::fabs(px - last));
      last = px;
    }
    if (spacing >= widest + fs) break;
    x_target *= 1.6;
  }
  p.Area = ImRect(left, top, right, bottom);
}

// [SECTION] Grid and axes -------------------------------------------------------------------------

void DrawGrid(const Plot& p) {
  ImDrawList* dl = p.DrawList;
  dl->AddRectFilled(p.Area.Min, p.Area.Max, ImGui::GetColorU32(ImGuiCol_FrameBg));
  const ImU32 major = ImGui::GetColorU32(ImGuiCol_Text, 0.15f);
  const ImU32 minor = ImGui::GetColorU32(ImGuiCol_Text, 0.05f);
  if (!(p.Setup[Axis_X].Flags & AxisFlags_NoGridLines)) {
    for (const Tick& t : p.XTicks) {
      const float x = std::floor(static_cast<float>(p.X.ToPixel(t.Value))) + 0.5f;  // crisp 1 px
      if (x > p.Area.Min.x && x < p.Area.Max.x) {
        dl->AddLine({x, p.Area.Min.y}, {x, p.Area.Max.y}, t.Major ? major : minor);
      }
    }
  }
  if (!(p.Setup[Axis_Y].Flags & AxisFlags_NoGridLines)) {
    for (const Tick& t : p.YTicks) {
      const float y = std::floor(static_cast<float>(p.Y.ToPixel(t.Value))) + 0.5f;
      if (y > p.Area.Min.y && y < p.Area.Max.y) {
        dl->AddLine({p.Area.Min.x, y}, {p.Area.Max.x, y}, t.Major ? major : minor);
      }
    }
  }
}

void DrawAxes(const Plot& p) {
  ImDrawList* dl = p.DrawList;
  const float fs = ImGui::GetFontSize(), pad = 0.5f * fs;
  const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
  const ImU32 line = ImGui::GetColorU32(ImGuiCol_Text, 0.5f);
  const ImRect& r = p.Area;
  dl->AddRect(r.Min, r.Max, line);
  for (const Tick& t : p.XTicks) {
    const float x = std::floor(static_cast<float>(p.X.ToPixel(t.Value))) + 0.5f;
    if (!(x >= r.Min.x - 0.5f && x <= r.Max.x + 0.5f)) continue;
    dl->AddLine({x, r.Max.y}, {x, r.Max.y - (t.Major ? Px(5) : Px(3))}, line);
    if (!t.Major || (p.Setup[Axis_X].Flags & AxisFlags_NoTickLabels)) continue;
    const ImVec2 size = ImGui::CalcTextSize(t.Label.c_str());
    const float lx = std::clamp(x - size.x / 2, p.Frame.Min.x, p.Frame.Max.x - size.x);
    dl->AddText({lx, r.Max.y + 0.5f * pad}, text, t.Label.c_str());
  }
  for (const Tick& t : p.YTicks) {
    const float y = std::floor(static_cast<float>(p.Y.ToPixel(t.Value))) + 0.5f;
    if (!(y >= r.Min.y - 0.5f && y <= r.Max.y + 0.5f)) continue;
    dl->AddLine({r.Min.x, y}, {r.Min.x + (t.Major ? Px(5) : Px(3)), y}, line);
    if (!t.Major || (p.Setup[Axis_Y].Flags & AxisFlags_NoTickLabels)) continue;
    const ImVec2 size = ImGui::CalcTextSize(t.Label.c_str());
    // Kept within the area's height, so the corner labels of x and y never overlap.
    const float ly = std::clamp(y - size.y / 2, r.Min.y, std::max(r.Min.y, r.Max.y - size.y));
    dl->AddText({r.Min.x - 0.5f * pad - size.x, ly}, text, t.Label.c_str());
  }
  const std::string& x_label = p.Setup[Axis_X].Label;
  if (!x_label.empty()) {
    const float w = ImGui::CalcTextSize(x_label.c_str()).x;
    dl->AddText({r.GetCenter().x - w / 2, p.Frame.Max.y - pad - fs}, text, x_label.c_str());
  }
  // The y label runs along the plot area's height; a longer one is cut with "…" rather than
  // reach over the text above the plot (big fonts, short plots).
  const std::string y_label = FitText(p.Setup[Axis_Y].Label, r.GetHeight());
  if (!y_label.empty()) {
    const float w = ImGui::CalcTextSize(y_label.c_str()).x;
    AddTextVertical(dl, {p.Frame.Min.x + pad, r.GetCenter().y + w / 2}, text, y_label.c_str(),
                    y_label.c_str() + y_label.size());
  }
  if (!p.Title.empty()) {
    const float w = ImGui::CalcTextSize(p.Title.c_str()).x;
    dl->AddText({p.Frame.GetCenter().x - w / 2, p.Frame.Min.y + pad}, text, p.Title.c_str());
  }
}

// [SECTION] Legend, tooltip, readout --------------------------------------------------------------

namespace {

void DrawLegendIcon(ImDrawList* dl, const Item& it, const ImVec2& c, float fs, bool hidden) {
  const ImU32 col =
      hidden ? (it.Color & ~IM_COL32_A_MASK) | (IM_COL32_A_MASK & 0x40000000u) : it.Color;
  switch (it.Kind) {
    case Icon::Line:
      dl->AddLine(c - ImVec2(0.45f * fs, 0), c + ImVec2(0.45f * fs, 0), col, Px(2.5f));
      break;
    case Icon::Marker:
      DrawMarker(dl, c, it.Mark, 0.3f * fs, col,
                 ImGui::GetColorU32(ImGuiCol_Text, hidden ? 0.2f : 0.8f), Px(1.0f));
      break;
    case Icon::Ring: dl->AddCircle(c, 0.35f * fs, col, 0, Px(2.0f)); break;
    case Icon::Fill:
      dl->AddRectFilled(c - ImVec2(0.35f * fs, 0.35f * fs), c + ImVec2(0.35f * fs, 0.35f * fs),
                        col);
      break;
  }
}

}  // namespace

ImRect LegendRectAt(const Plot& p, Location corner, const ImVec2& size) {
  const float pad = 0.4f * ImGui::GetFontSize();
  const bool west = corner == Location_NorthWest || corner == Location_SouthWest;
  const bool north = corner == Location_NorthWest || corner == Location_NorthEast;
  const ImVec2 min(west ? p.Area.Min.x + pad : p.Area.Max.x - pad - size.x,
                   north ? p.Area.Min.y + pad : p.Area.Max.y - pad - size.y);
  return ImRect(min, min + size);
}

void CountSegmentForLegend(Plot& p, const ImVec2& a, const ImVec2& b) {
  if (p.LegendLocation != Location_Auto) return;
  const ImVec2 d = b - a;
  const float len = std::sqrt(d.x * d.x + d.y * d.y), step = 0.5f * ImGui::GetFontSize();
  const int n = std::clamp(static_cast<int>(len / step), 1, 10000);
  for (int k = 1; k <= n; ++k)
    CountForLegend(p, a + d * (static_cast<float>(k) / static_cast<float>(n)));
}

namespace {

// Location_Auto: the corner with the fewest points under it, preferring the top right; the
// legend moves only when that halves the points it covers, so it does not flicker.
Location AutoCorner(const Plot& p) {
  Location& last = p.State->AutoCorner;
  Location best = last;
  for (Location c :
       {Location_NorthEast, Location_NorthWest, Location_SouthEast, Location_SouthWest}) {
    if (p.CornerHits[c] < p.CornerHits[best]) best = c;
  }
  if (2 * p.CornerHits[best] < p.CornerHits[last]) last = best;
  return last;
}

}  // namespace

void DrawLegend(Plot& p) {
  PlotState& s = *p.State;
  s.LegendEntries.clear();
  s.LegendRect = ImRect();
  float label_w = 0.0f;
  int rows = 0;
  for (const Item& it : p.Items) {
    if (it.Label.empty()) continue;
    label_w = std::max(label_w, ImGui::CalcTextSize(it.Label.c_str()).x);
    ++rows;
  }
  if (rows == 0 || (p.Flags & PlotFlags_NoLegend)) return;
  const float fs = ImGui::GetFontSize(), pad = 0.4f * fs, row_h = 1.25f * fs;
  const ImVec2 size(pad + fs + pad + label_w + pad, 2 * pad + static_cast<float>(rows) * row_h);
  const Location corner = p.LegendLocation == Location_Auto ? AutoCorner(p) : p.LegendLocation;
  s.LegendRect = LegendRectAt(p, corner, size);
  const ImVec2 min = s.LegendRect.Min;
  ImDrawList* dl = p.DrawList;
  dl->AddRectFilled(s.LegendRect.Min, s.LegendRect.Max,
                    ImGui::GetColorU32(ImGuiCol_PopupBg, 0.85f));
  dl->AddRect(s.LegendRect.Min, s.LegendRect.Max, ImGui::GetColorU32(ImGuiCol_Border));
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  float y = min.y + pad;
  for (const Item& it : p.Items) {
    if (it.Label.empty()) continue;
    const ImRect row({min.x, y}, {min.x + size.x, y + row_h});
    if (p.FrameHovered && row.Contains(mouse)) {
      dl->AddRectFilled(row.Min, row.Max, ImGui::GetColorU32(ImGuiCol_HeaderHovered));
    }
    DrawLegendIcon(dl, it, {min.x + pad + 0.5f * fs, y + 0.5f * row_h}, fs, it.Hidden);
    dl->AddText({min.x + 2 * pad + fs, y + 0.5f * (row_h - fs)},
                ImGui::GetColorU32(it.Hidden ? ImGuiCol_TextDisabled : ImGuiCol_Text),
                it.Label.c_str());
    s.LegendEntries.emplace_back(it.Id, row);
    y += row_h;
  }
}

void ShowHover(const Plot& p) {
  const Hover& h = p.Best;
  if (!h.Found || !p.Hovered) return;
  const ImVec2 c = ToPixels(p, h.X, h.Y);
  p.DrawList->AddCircle(c, h.Radius + Px(3.0f), ImGui::GetColorU32(ImGuiCol_Text), 0, Px(1.5f));
  if (p.Flags & PlotFlags_NoTooltip) return;
  const std::string& label = p.Items[static_cast<std::size_t>(h.Item)].Label;
  const std::string& x_name = p.Setup[Axis_X].Label;
  const std::string& y_name = p.Setup[Axis_Y].Label;
  ImGui::BeginTooltip();
  ImGui::Text("%s%s#%zu", label.c_str(), label.empty() ? "" : " ", h.Index);
  ImGui::Text("%s = %s", x_name.empty() ? "x" : x_name.c_str(), FormatValue(h.X).c_str());
  ImGui::Text("%s = %s", y_name.empty() ? "y" : y_name.c_str(), FormatValue(h.Y).c_str());
  ImGui::EndTooltip();
}

void ShowMouseText(const Plot& p) {
  if (!p.Hovered || (p.Flags & (PlotFlags_NoMouseText | PlotFlags_NoInputs))) return;
  const ImVec2 m = ImGui::GetIO().MousePos;
  const std::string text = FormatPixelValue(p.X, m.x) + ", " + FormatPixelValue(p.Y, m.y);
  const ImVec2 size = ImGui::CalcTextSize(text.c_str());
  const float pad = 0.4f * ImGui::GetFontSize();
  // Bottom right, or bottom left when the legend is there.
  ImVec2 pos(p.Area.Max.x - pad - size.x, p.Area.Max.y - pad - size.y);
  if (p.State->LegendRect.Overlaps(ImRect(pos, pos + size))) pos.x = p.Area.Min.x + pad;
  p.DrawList->AddText(pos, ImGui::GetColorU32(ImGuiCol_Text, 0.8f), text.c_str());
}

}  // namespace ll::plot::detail
