#include "panels/widgets.h"

#include <imgui.h>

#include <cfloat>
#include <vector>

namespace ll::app {

namespace {
bool g_clean_render = false;
int g_live_widgets = 0;
}  // namespace

void SetCleanRender(bool clean) { g_clean_render = clean; }
bool CleanRender() { return g_clean_render; }
int LiveWidgetsDrawn() { return g_live_widgets; }
void ResetLiveWidgetsDrawn() { g_live_widgets = 0; }

bool PanelCheckbox(const char* label, bool* value) {
  if (g_clean_render) return false;
  ++g_live_widgets;
  return ImGui::Checkbox(label, value);
}

void HelpMarker(const char* text) {
  if (g_clean_render) {
    ImGui::Dummy(ImVec2(0.0f, ImGui::GetTextLineHeight()));
    return;
  }
  ++g_live_widgets;
  ImGui::TextDisabled("(?)");
  if (ImGui::IsItemHovered()) {
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30.0f);
    ImGui::TextUnformatted(text);
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
  }
}

void TooltipEvenIfDisabled(const std::string& why) {
  if (why.empty() || !ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) return;
  ImGui::BeginTooltip();
  ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30.0f);
  ImGui::TextUnformatted(why.c_str());
  ImGui::PopTextWrapPos();
  ImGui::EndTooltip();
}

bool BeginForm(const char* id, const char* widest_label, const char* widest_widget) {
  const ImGuiStyle& style = ImGui::GetStyle();
  // Label + " (?)" must fit, so that every form of the panel has the same label column.
  const float label_w = ImGui::CalcTextSize(widest_label).x + ImGui::CalcTextSize("(?)").x +
                        style.ItemSpacing.x;
  // A combo showing `widest_widget` whole: text, padding and the arrow button.
  const float widget_w = ImGui::CalcTextSize(widest_widget).x + style.FramePadding.x * 2.0f +
                         ImGui::GetFrameHeight();
  // Decided as if the vertical scrollbar were there, so that the form does not flip between the
  // two arrangements when a section opens or a data set adds rows.
  const float scrollbar = ImGui::GetScrollMaxY() > 0.0f ? 0.0f : style.ScrollbarSize;
  const float avail = ImGui::GetContentRegionAvail().x - scrollbar;
  const bool stacked = label_w + style.CellPadding.x * 2.0f + widget_w > avail;
  if (!ImGui::BeginTable(id, stacked ? 1 : 2, ImGuiTableFlags_SizingFixedFit)) return false;
  if (!stacked) ImGui::TableSetupColumn("label", ImGuiTableColumnFlags_WidthFixed, label_w);
  ImGui::TableSetupColumn("widget", ImGuiTableColumnFlags_WidthStretch);
  return true;
}

void EndForm() { ImGui::EndTable(); }

void FormRow(const char* label, const char* help) {
  const bool stacked = ImGui::TableGetColumnCount() == 1;  // label above the widget
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  if (!stacked) ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(label);
  if (help != nullptr) {
    ImGui::SameLine();
    HelpMarker(help);
  }
  if (!stacked) ImGui::TableNextColumn();
  ImGui::SetNextItemWidth(-FLT_MIN);
}

bool FormCheckbox(const char* label, const char* help, bool* value) {
  if (ImGui::TableGetColumnCount() != 1) {
    FormRow(label, help);
    ImGui::PushID(label);
    const bool changed = ImGui::Checkbox("##box", value);
    ImGui::PopID();
    return changed;
  }
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  const bool changed = ImGui::Checkbox(label, value);
  if (help != nullptr) {
    ImGui::SameLine();
    HelpMarker(help);
  }
  return changed;
}

std::vector<std::string> LinesAtSpaces(const std::string& text, float width) {
  // Greedy line breaking at spaces and '\n'.
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line;
    for (std::size_t word = start; word < end;) {
      std::size_t space = text.find(' ', word);
      if (space == std::string::npos || space > end) space = end;
      const std::string next = text.substr(word, space - word);
      const std::string longer = line.empty() ? next : line + " " + next;
      if (!line.empty() && ImGui::CalcTextSize(longer.c_str()).x > width) {
        lines.push_back(line);
        line = next;
      } else {
        line = longer;
      }
      word = space + 1;
    }
    lines.push_back(line);
    start = end + 1;
  }
  return lines;
}

bool TextWrappedAtSpaces(const std::string& text, int max_lines, int min_lines) {
  const float width = ImGui::GetContentRegionAvail().x;
  std::vector<std::string> lines = LinesAtSpaces(text, width);
  const bool cut = max_lines > 0 && lines.size() > static_cast<std::size_t>(max_lines);
  if (cut) {
    lines.resize(static_cast<std::size_t>(max_lines));
    std::string& last = lines.back();
    while (!last.empty() && ImGui::CalcTextSize((last + "…").c_str()).x > width) {
      do last.pop_back();
      while (!last.empty() && (static_cast<unsigned char>(last.back()) & 0xC0) == 0x80);
    }
    last += "…";
  }
  for (const std::string& line : lines) ImGui::TextUnformatted(line.c_str());
  for (int k = static_cast<int>(lines.size()); k < min_lines; ++k) ImGui::TextUnformatted("");
  return cut;
}

std::size_t ShownEntries(std::size_t n) { return n <= kMostTableEntries ? n : kMostTableEntries - 1; }

std::string MoreEntries(std::size_t n, std::size_t shown) { return "+" + std::to_string(n - shown); }

}  // namespace ll::app
