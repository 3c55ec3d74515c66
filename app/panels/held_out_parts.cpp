// The held-out part in the data panel (panels/held_out_parts.h).
#include "panels/held_out_parts.h"

#include <imgui.h>

#include <algorithm>
#include <string>

#include "ll/number_format.h"
#include "model/held_out_view.h"
#include "panels/widgets.h"
#include "plot/plot.h"

namespace ll::app {
namespace {

// "test part, 30 samples" or "training data, 100 samples": what the matrix counts.
std::string counted(const AppState& s) {
  const HeldOutNow& now = held_out_now(s);
  const std::size_t n = now.of_test ? s.test_data->rows() : s.data().rows();
  return std::string(now.of_test ? "test part, " : "training data, ") + format_count(n) + " samples";
}

// Above this many test samples they are not drawn: hollow markers would cover the training cloud.
constexpr std::size_t kMostTestMarkers = 5000;

std::string matrix_title(const AppState& s) { return "Confusion matrix: " + counted(s) + ", θ now"; }

void matrix_table(const AppState& s) {
  const HeldOutNow& now = held_out_now(s);
  const Dataset& d = s.data();
  const std::size_t k = d.classes();
  TextWrappedAtSpaces(matrix_title(s));
  const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_NoHostExtendX;
  if (!ImGui::BeginTable("##confusion", static_cast<int>(k) + 1, flags)) return;
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  ImGui::TextDisabled("true ↓ predicted →");
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

void TakeInTestSamples(const AppState& s, DataView& view, DataView& test_view) {
  if (!has_test_part(s)) return;
  UpdateDataView(test_view, s.test_data, s.trainer->theta(), s.settings().activation);
  view.home_x = {std::min(view.home_x.Min, test_view.home_x.Min), std::max(view.home_x.Max, test_view.home_x.Max)};
  view.home_y = {std::min(view.home_y.Min, test_view.home_y.Min), std::max(view.home_y.Max, test_view.home_y.Max)};
}

void PlotTestSamples(const AppState& s, const DataView& view) {
  if (!has_test_part(s) || s.test_data->rows() > kMostTestMarkers) return;
  // A ring a little larger than a filled marker, its line thick enough to read as hollow.
  const float radius = 0.32f * ImGui::GetFontSize(), weight = std::max(2.0f, 0.14f * ImGui::GetFontSize());
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
  const std::size_t n = s.test_data->rows();
  if (n > kMostTestMarkers)
    return {"", ImGui::GetColorU32(ImGuiCol_TextDisabled),
            format_count(n) + " test samples held out (not drawn above " + format_count(kMostTestMarkers) + ")", true};
  return {"○", ImGui::GetColorU32(ImGuiCol_Text), "test part (" + format_count(n) + ", held out)"};
}

namespace {

float matrix_height(const AppState& s) {
  const ImGuiStyle& style = ImGui::GetStyle();
  const float row = ImGui::GetTextLineHeight() + 2.0f * style.CellPadding.y + 1.0f;
  const std::size_t title = LinesAtSpaces(matrix_title(s), ImGui::GetContentRegionAvail().x).size();
  return static_cast<float>(title) * ImGui::GetTextLineHeightWithSpacing() +
         static_cast<float>(s.data().classes() + 1) * row + style.ItemSpacing.y;
}

// "Confusion matrix (hover): 90% right", the matrix in a tooltip.
void matrix_line(const AppState& s) {
  const HeldOutNow& now = held_out_now(s);
  std::size_t right = 0, all = 0;
  const std::size_t k = s.data().classes();
  for (std::size_t t = 0; t < k; ++t)
    for (std::size_t p = 0; p < k; ++p) (t == p ? right : all) += now.counts[t * k + p];
  all += right;
  ImGui::TextDisabled("Confusion matrix (hover): %s right",
                      all == 0 ? "none" : format_percent(static_cast<double>(right) / static_cast<double>(all)).c_str());
  if (!ImGui::IsItemHovered()) return;
  ImGui::BeginTooltip();
  matrix_table(s);
  ImGui::EndTooltip();
}

}  // namespace

// The matrix's width: the corner column and K columns of the widest of the class's name and the
// widest cell ("140,060 (93.4%)"), with the cells' padding and borders.
float matrix_width(const AppState& s) {
  const HeldOutNow& now = held_out_now(s);
  const Dataset& d = s.data();
  const float pad = 2.0f * ImGui::GetStyle().CellPadding.x + 1.0f;
  std::size_t most = 0;
  for (std::size_t c : now.counts) most = std::max(most, c);
  const float cell = ImGui::CalcTextSize((format_count(most) + " (100%)").c_str()).x;
  float w = ImGui::CalcTextSize("true ↓ predicted →").x + pad;
  for (const std::string& name : d.class_names) w += std::max(cell, ImGui::CalcTextSize(name.c_str()).x) + pad;
  return w;
}

ConfusionFit FitConfusion(const AppState& s, float room) {
  if (!s.trainer || !(has_test_part(s) || s.show_confusion)) return ConfusionFit::None;
  const float width = ImGui::GetContentRegionAvail().x;
  if (room >= matrix_height(s) && matrix_width(s) <= width) return ConfusionFit::Whole;
  const bool line_fits = ImGui::CalcTextSize("Confusion matrix (hover): 100% right").x <= width;
  return line_fits && room >= ImGui::GetTextLineHeightWithSpacing() ? ConfusionFit::Line : ConfusionFit::None;
}

float ConfusionFitHeight(const AppState& s, ConfusionFit fit) {
  return fit == ConfusionFit::Whole ? matrix_height(s) : fit == ConfusionFit::Line ? ImGui::GetTextLineHeightWithSpacing() : 0.0f;
}

void ShowConfusion(const AppState& s, ConfusionFit fit) {
  if (fit == ConfusionFit::Whole) matrix_table(s);
  if (fit == ConfusionFit::Line) matrix_line(s);
}

}  // namespace ll::app
