// The derivative chain in pages, for a panel too small for its step even with everything folded
// (text 3× on a 1280×720 projector, softmax's grids at 2×): the step's parts one after another —
// the table (or, wider than the panel, its forward and its backward columns as two tables), the
// Jacobian, the gradient, the update lines, the loss — as many to a page as fit, never one cut.
// Page Down / Page Up (or the arrows beside "page 1 of 3") turn the pages.
#include <imgui.h>

#include <algorithm>
#include <string>
#include <vector>

#include "panels/chain_parts.h"
#include "panels/panel_caches.h"
#include "panels/widgets.h"

namespace ll::app::chain {
namespace {

using Part = ChainMeasure::Part;

// The table as one part, or split by columns into as few parts as fit `width`.
std::vector<Part> table_parts(const ChainBatch& batch, float width) {
  auto fits = [&](TableColumns which) {
    const SampleTable t(batch, which);
    return t.width(t.header_height() + t.row_height()) <= width;
  };
  if (fits(TableColumns::All)) return {Part::Table};
  if (fits(TableColumns::Forward)) return {Part::Forward, Part::Backward};
  return {Part::Inputs, Part::Outputs, Part::Backward};
}

TableColumns columns_of(Part p) {
  switch (p) {
    case Part::Forward: return TableColumns::Forward;
    case Part::Backward: return TableColumns::Backward;
    case Part::Inputs: return TableColumns::Inputs;
    case Part::Outputs: return TableColumns::Outputs;
    default: return TableColumns::All;
  }
}

bool is_table(Part p) {
  return p == Part::Table || p == Part::Forward || p == Part::Backward || p == Part::Inputs || p == Part::Outputs;
}

// The parts of this step in order: what is above the table, the table (whole or split), the
// Jacobian, the gradient, the update, the loss.
std::vector<Part> parts_of(const StepRecord* r, const ChainBatch& batch, float width) {
  std::vector<Part> parts{Part::Head};
  for (const Part p : table_parts(batch, width)) parts.push_back(p);
  if (batch.softmax()) parts.push_back(Part::Jacobian);
  if (r == nullptr) return parts;
  if (r->status != StepStatus::Refused) {
    parts.push_back(Part::Gradient);
    parts.push_back(Part::Update);
  }
  parts.push_back(Part::Loss);
  return parts;
}

// Each part's height this frame, and the least a table may show (each table measured once):
// a table's and the Jacobian's heights worked out, the others as last drawn (on a page, or in the
// whole panel before it went to pages), else four lines. The least: all of a batch up to 8
// samples; of a longer one (which scrolls) 4 rows, or with softmax one sample's K rows (as the
// layout check asks).
struct PartSizes {
  float height[static_cast<int>(Part::Count)] = {};
  float least[static_cast<int>(Part::Count)] = {};
};

PartSizes sizes_of(const std::vector<Part>& parts, const ChainBatch& batch, const ChainMeasure& m, float room) {
  PartSizes sizes;
  for (const Part p : parts) {
    const int i = static_cast<int>(p);
    if (is_table(p)) {
      const SampleTable t(batch, columns_of(p));
      const float rows = batch.size() <= 8 ? static_cast<float>(batch.size()) : batch.softmax() ? 1.0f : 4.0f;
      sizes.height[i] = std::min(t.header_height() + static_cast<float>(batch.size()) * t.row_height() + 2.0f, room);
      sizes.least[i] = std::min(t.header_height() + rows * t.row_height() + 2.0f, room);
      continue;
    }
    float h = p == Part::Jacobian ? JacobianHeight(batch) : m.part_h[i];
    if (h <= 0.0f && p == Part::Gradient) h = m.gradient_h;
    if (h <= 0.0f && p == Part::Update) h = m.update_h;
    if (h <= 0.0f && p == Part::Loss) h = m.loss_short_h;
    sizes.height[i] = h > 0.0f ? h : 4.0f * ImGui::GetTextLineHeightWithSpacing();
  }
  return sizes;
}

// Greedy: each page takes the parts that fit in `room`, in order; a long table that scrolls takes
// what is left of a page if that shows its least; a part taller than a page has one to itself.
std::vector<std::vector<Part>> paginate(const std::vector<Part>& parts, const PartSizes& sizes, float room) {
  std::vector<std::vector<Part>> pages(1);
  float used = 0.0f;
  for (const Part p : parts) {
    const float h = sizes.height[static_cast<int>(p)];
    if (!pages.back().empty() && used + h > room && is_table(p) && used + sizes.least[static_cast<int>(p)] <= room) {
      pages.back().push_back(p);   // the rest of this page, scrolling
      used = room;
      continue;
    }
    if (!pages.back().empty() && used + h > room) {
      pages.emplace_back();
      used = 0.0f;
    }
    pages.back().push_back(p);
    used += h + ImGui::GetStyle().ItemSpacing.y;
  }
  return pages;
}

const char* part_name(Part p) {
  switch (p) {
    case Part::Head: return "the step";
    case Part::Table: return "the samples";
    case Part::Forward: return "the samples forward";
    case Part::Inputs: return "the samples' inputs";
    case Part::Outputs: return "their outputs";
    case Part::Backward: return "their derivatives";
    case Part::Count: break;
    case Part::Jacobian: return "the Jacobian";
    case Part::Gradient: return "the gradient";
    case Part::Update: return "the update";
    case Part::Loss: return "the loss";
  }
  return "";
}

}  // namespace

bool DrawChainPages(AppState& state, const StepRecord* r, const ChainBatch& batch, ChainMeasure& m,
                    const std::function<void()>& draw_head) {
  // What the pages have under the "page 1 of 3" line (its height as last drawn: it can wrap).
  const float title_h = m.page_title_h > 0.0f ? m.page_title_h : ImGui::GetTextLineHeightWithSpacing();
  const float room = ImGui::GetContentRegionAvail().y - title_h - ImGui::GetStyle().ItemSpacing.y;
  const std::vector<Part> parts = parts_of(r, batch, ImGui::GetContentRegionAvail().x);
  const PartSizes sizes = sizes_of(parts, batch, m, room);
  const std::vector<std::vector<Part>> pages = paginate(parts, sizes, room);
  m.pages = static_cast<int>(pages.size());
  state.chain_page = std::clamp(state.chain_page, 0, m.pages - 1);
  const std::vector<Part>& page = pages[static_cast<std::size_t>(state.chain_page)];

  // "page 1 of 3: the samples, their derivatives · Page Down ▸"
  std::string title = "page " + std::to_string(state.chain_page + 1) + " of " + std::to_string(m.pages) + ": ";
  for (std::size_t k = 0; k < page.size(); ++k) title += (k ? ", " : "") + std::string(part_name(page[k]));
  const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  const float title_top = ImGui::GetCursorPosY();
  if (!CleanRender()) {
    // Arrows no taller than the text: the line costs the pages nothing more.
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(ImGui::GetStyle().FramePadding.x, 0.0f));
    ImGui::BeginDisabled(state.chain_page == 0);
    if (ImGui::ArrowButton("##page_back", ImGuiDir_Left)) --state.chain_page;
    ImGui::EndDisabled();
    TooltipEvenIfDisabled("The page before (Page Up)");
    ImGui::SameLine();
    ImGui::BeginDisabled(state.chain_page + 1 >= m.pages);
    if (ImGui::ArrowButton("##page_on", ImGuiDir_Right)) ++state.chain_page;
    ImGui::EndDisabled();
    TooltipEvenIfDisabled("The next page (Page Down)");
    ImGui::PopStyleVar();
    ImGui::SameLine();
  }
  TextWrappedAtSpaces(title);
  const std::string keys = "(Page Down / Page Up)";
  if (!CleanRender() && ImGui::GetItemRectMax().x + ImGui::CalcTextSize(keys.c_str()).x + 10.0f <= right) {
    ImGui::SameLine();
    ImGui::TextDisabled("%s", keys.c_str());
  }

  m.page_title_h = ImGui::GetCursorPosY() - title_top;

  bool row_hovered = false;
  const float page_room = ImGui::GetContentRegionAvail().y;
  for (const Part p : page) {
    const float top = ImGui::GetCursorPosY();
    if (is_table(p)) {
      const SampleTable table(batch, columns_of(p));
      const float natural = table.header_height() + static_cast<float>(batch.size()) * table.row_height() + 2.0f;
      // All of it if the page has the room, else what the page's other parts leave (it scrolls).
      float others = 0.0f;
      for (const Part q : page)
        if (q != p) others += sizes.height[static_cast<int>(q)] + ImGui::GetStyle().ItemSpacing.y;
      const float least = table.header_height() + table.row_height();
      const float height = std::min(natural, std::max(least, page_room - others));
      row_hovered = table.draw(state, height) || row_hovered;
      m.rows_shown = static_cast<std::size_t>((height - table.header_height()) / table.row_height() + 0.01f);
      continue;
    }
    switch (p) {
      case Part::Head: draw_head(); break;
      case Part::Jacobian: DrawJacobian(state, batch); break;
      case Part::Gradient: DrawGradient(*r, batch); break;
      case Part::Update: DrawUpdate(*r, state.data(), batch.softmax()); break;
      case Part::Loss: DrawLoss(*r, state.data(), true); break;
      default: break;
    }
    m.part_h[static_cast<int>(p)] = ImGui::GetCursorPosY() - top;
  }
  return row_hovered;
}

}  // namespace ll::app::chain
