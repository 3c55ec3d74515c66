// The held-out part in the data panel (panels/held_out_parts.h).
#include "panels/held_out_parts.h"

#include <imgui.h>

#include <algorithm>
#include <string>

#include "ll/number_format.h"
#include "model/held_out_view.h"
#include "plot/plot.h"

namespace ll::app {
namespace {

// "test part, 30 samples" or "training data, 100 samples": what the matrix counts.
std::string counted(const AppState& s) {
  const HeldOutNow& now = held_out_now(s);
  const std::size_t n = now.of_test ? s.test_data->rows() : s.data().rows();
  return std::string(now.of_test ? "test part, " : "training data, ") + format_count(n) + " samples";
}

void matrix_table(const AppState& s) {
  const HeldOutNow& now = held_out_now(s);
  const Dataset& d = s.data();
  const std::size_t k = d.classes();
  ImGui::Text("Confusion matrix (%s): rows true, columns predicted", counted(s).c_str());
  const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_NoHostExtendX;
  if (!ImGui::BeginTable("##confusion", static_cast<int>(k) + 1, flags)) return;
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  ImGui::TextDisabled("true \\ predicted");
  for (std::size_t p = 0; p < k; ++p) {
    ImGui::TableNextColumn();
    ImGui::TextColored(plot::ClassColor(static_cast<int>(p)), "%s", d.class_names[p].c_str());
  }
  for (std::size_t t = 0; t < k; ++t) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextColored(plot::ClassColor(static_cast<int>(t)), "%s", d.class_names[t].c_str());
    std::size_t row = 0;
    for (std::size_t p = 0; p < k; ++p) row += now.counts[t * k + p];
    for (std::size_t p = 0; p < k; ++p) {
      ImGui::TableNextColumn();
      const std::size_t n = now.counts[t * k + p];
      // The share of the true class: the diagonal is each class's recall.
      const std::string cell = format_count(n) + (row == 0 ? "" : " (" + format_percent(static_cast<double>(n) / static_cast<double>(row)) + ")");
      if (t == p) ImGui::TextUnformatted(cell.c_str());
      else ImGui::TextDisabled("%s", cell.c_str());
    }
  }
  ImGui::EndTable();
}

}  // namespace

void PlotTestSamples(const AppState& s, DataView& view) {
  if (!has_test_part(s)) return;
  UpdateDataView(view, s.test_data, s.trainer->theta(), s.settings().activation);
  // A ring a little larger than a filled marker, its line thick enough to read as hollow.
  const float radius = 0.26f * ImGui::GetFontSize(), weight = std::max(2.0f, 0.14f * ImGui::GetFontSize());
  for (std::size_t k = 0; k < view.classes.size(); ++k) {
    const ClassSeries& c = view.classes[k];
    if (c.x.empty()) continue;
    const int ki = static_cast<int>(k);
    plot::SetNextMarkerStyle(plot::ClassMarker(ki), radius, ImVec4(0, 0, 0, 0), weight, plot::ClassColor(ki));
    const std::string label = "##test" + std::to_string(k);
    plot::PlotScatter(label.c_str(), c.x.data(), c.y.data(), static_cast<int>(c.x.size()));
    const int hovered = plot::GetLastItemHoveredIndex();
    if (hovered < 0) continue;
    const std::size_t i = c.sample[static_cast<std::size_t>(hovered)];
    ImGui::BeginTooltip();
    ImGui::Text("Held-out sample %zu of %zu: %s", i + 1, s.test_data->rows(),
                ClassLabel(*s.test_data, s.test_data->labels[i]).c_str());
    ImGui::TextDisabled("The steps never see it; it scores θ (test loss, confusion matrix).");
    ImGui::EndTooltip();
  }
}

KeyEntry TestSamplesKeyEntry(const AppState& s) {
  return {"○", ImGui::GetColorU32(ImGuiCol_Text), "hollow: test samples (" + format_count(s.test_data->rows()) + ", held out)"};
}

bool ConfusionShown(const AppState& s) { return s.trainer && (has_test_part(s) || s.show_confusion); }

float ConfusionHeight(const AppState& s) {
  const ImGuiStyle& style = ImGui::GetStyle();
  const float row = ImGui::GetTextLineHeight() + 2.0f * style.CellPadding.y + 1.0f;
  return ImGui::GetTextLineHeightWithSpacing() + static_cast<float>(s.data().classes() + 1) * row + style.ItemSpacing.y;
}

void ShowConfusion(const AppState& s) { matrix_table(s); }

void ShowConfusionLine(const AppState& s) {
  const HeldOutNow& now = held_out_now(s);
  std::size_t right = 0, all = 0;
  const std::size_t k = s.data().classes();
  for (std::size_t t = 0; t < k; ++t)
    for (std::size_t p = 0; p < k; ++p) (t == p ? right : all) += now.counts[t * k + p];
  all += right;
  ImGui::TextDisabled("Confusion matrix (%s, hover): %s right", counted(s).c_str(),
                      all == 0 ? "none" : format_percent(static_cast<double>(right) / static_cast<double>(all)).c_str());
  if (!ImGui::IsItemHovered()) return;
  ImGui::BeginTooltip();
  matrix_table(s);
  ImGui::EndTooltip();
}

}  // namespace ll::app
