// The derivative chain's table: one row per sample of the batch with every factor of its chain
// (i, x, y, z, ŷ, L, ∂L/∂ŷ, ∂ŷ/∂z, ∂L/∂z), numbers aligned on their decimal point; for softmax, one
// line per class in each row and the K×K Jacobian ∂ŷ/∂z of one sample under the table.
#include <imgui.h>

#include <algorithm>
#include <optional>

#include "ll/number_format.h"
#include "ll/formulas.h"
#include "panels/chain_parts.h"
#include "panels/widgets.h"

namespace ll::app::chain {
namespace {

using Kind = Column::Kind;

constexpr std::size_t kMeasureAll = 256;  // up to this many rows, every row is measured
constexpr std::size_t kMeasureEnds = 64;  // beyond, the first and the last 64

void lines_of(const std::vector<double>& v, const NumberStyle& style, std::vector<std::string>& out) {
  for (double x : v) out.push_back(format_in(x, style));
}

// The width of the part before the decimal point: where the text starts in an aligned column.
float int_width(const std::string& s) {
  const std::size_t point = s.find('.');
  const std::string head = point == std::string::npos ? s : s.substr(0, point);
  return ImGui::CalcTextSize(head.c_str()).x;
}

bool is_number_column(Kind k) { return k != Kind::Note && k != Kind::MoreX; }

std::string undefined_reason(const ChainBatch& b, const SampleChain& c) {
  if (b.settings.activation == Activation::Tanh && b.settings.loss == Loss::BCE && !(c.y_hat[0] > 0.0))
    return "L undefined: log ŷ needs ŷ > 0";
  return "undefined";
}

// Numbers need air between columns to be read at a glance from the back of a classroom.
ImVec2 cell_padding() { return ImVec2(0.4f * ImGui::GetFontSize(), ImGui::GetStyle().CellPadding.y); }

// A cell's text is drawn line by line at exact positions (one text line per class for softmax),
// so that every row has the same height and the list clipper can skip the rows out of view.
void draw_text(ImDrawList* dl, ImVec2 pos, ImU32 color, const std::string& s) {
  dl->AddText(pos, color, s.c_str(), s.c_str() + s.size());
}

}  // namespace

// ---- ChainBatch ----------------------------------------------------------------------------

SampleChain ChainBatch::chain(std::size_t row) const {
  if (kept != nullptr && row < kept->size()) return (*kept)[row];
  return sample_chain(*data, (*batch)[row], theta, settings);
}

int ChainBatch::row_of(int index) const {
  if (index < 0) return -1;
  const auto it = std::find(batch->begin(), batch->end(), static_cast<std::size_t>(index));
  return it == batch->end() ? -1 : static_cast<int>(it - batch->begin());
}

// ---- SampleTable ---------------------------------------------------------------------------

SampleTable::SampleTable(const ChainBatch& batch, TableColumns which)
    : batch_(batch),
      id_(SampleTableId(which)),
      columns_(SampleColumns(batch, which)) {
  const ImVec2 pad = cell_padding();
  lines_ = batch.softmax() ? batch.data->classes() : 1;
  const std::size_t n = batch.size();
  const bool all = n <= kMeasureAll;
  ImGui::PushFont(MonoFont());
  const float line_h = ImGui::GetTextLineHeight();
  auto measure = [this](const SampleChain& c) {
    for (Column& col : columns_)
      for (const std::string& s : cell(c, col)) {
        if (!is_number_column(col.kind)) {
          col.int_w = std::max(col.int_w, ImGui::CalcTextSize(s.c_str()).x);
          continue;
        }
        const float iw = int_width(s);
        col.int_w = std::max(col.int_w, iw);
        col.frac_w = std::max(col.frac_w, ImGui::CalcTextSize(s.c_str()).x - iw);
      }
  };
  std::vector<SampleChain> measured;
  for (std::size_t r = 0; r < n; ++r) {
    if (!all && r == kMeasureEnds) r = n - kMeasureEnds;
    measured.push_back(batch.chain(r));
  }
  styles_ = chain_styles(measured, batch.softmax());
  for (const SampleChain& c : measured) measure(c);
  if (!all) {  // rows not measured may hold wider numbers
    const std::string index_max = std::to_string(batch.data->rows());
    const float frac = ImGui::CalcTextSize(".0000").x;
    for (Column& col : columns_) {
      std::vector<std::string> widest;  // what the rows not measured could hold at most
      switch (col.kind) {
        case Kind::Index: widest = {index_max}; break;
        case Kind::X:
          if (col.feature > 0) {
            const auto [lo, hi] = column_range(batch.data->columns[col.feature - 1]);
            widest = {format_number(lo), format_number(hi)};
          }
          break;
        case Kind::YHat:
        case Kind::DYhatDz: widest = {"−0.0000"}; break;  // |ŷ| ≤ 1
        case Kind::Z:
        case Kind::Loss:
        case Kind::DLDYhat:
        case Kind::DLDz: widest = {"−00.0000"}; break;
        default: break;
      }
      for (const std::string& w : widest) {
        const float iw = int_width(w);
        col.int_w = std::max(col.int_w, iw);
        if (col.kind != Kind::Index) col.frac_w = std::max({col.frac_w, frac, ImGui::CalcTextSize(w.c_str()).x - iw});
      }
    }
  }
  ImGui::PopFont();
  // A note column with nothing to say (every sample's loss is defined) is not drawn: an empty
  // column still takes ImGui's least width, which would make the table scroll sideways.
  columns_.erase(std::remove_if(columns_.begin(), columns_.end(),
                                [](const Column& c) { return c.kind == Kind::Note && c.int_w <= 0.0f; }),
                 columns_.end());
  width_ = 2.0f;  // the outer borders
  for (Column& col : columns_) {
    col.width = std::max(col.int_w + col.frac_w, ImGui::CalcTextSize(col.header.c_str()).x);
    width_ += col.width + 2.0f * pad.x + 1.0f;
  }
  row_h_ = static_cast<float>(lines_) * line_h + 2.0f * pad.y;
  header_h_ = ImGui::GetTextLineHeight() + 2.0f * pad.y;
}

std::vector<std::string> SampleTable::cell(const SampleChain& c, const Column& col) const {
  std::vector<std::string> out;
  const bool binary = !batch_.softmax();
  switch (col.kind) {
    case Kind::Index: out.push_back(std::to_string(c.index + 1)); break;
    case Kind::X:
      out.push_back(format_in(c.x[col.feature], col.feature < styles_.x.size() ? styles_.x[col.feature] : styles_.x_all));
      break;
    case Kind::Class:
      for (std::size_t k = 0; k < lines_; ++k) out.push_back(std::to_string(k));
      break;
    case Kind::Y:
      if (binary) out.push_back(label_text(c.y, c.labels));
      else
        for (std::size_t k = 0; k < lines_; ++k) out.push_back(static_cast<int>(k) == c.y ? "1" : "0");
      break;
    case Kind::Z: lines_of(c.z, styles_.z, out); break;
    case Kind::YHat: lines_of(c.y_hat, styles_.y_hat, out); break;
    case Kind::Loss: out.push_back(c.defined ? format_in(c.loss, styles_.loss) : "—"); break;
    case Kind::DLDYhat:
      if (c.defined) lines_of(c.dL_dyhat, styles_.dL_dyhat, out); else out.push_back("—");
      break;
    case Kind::DYhatDz:
      out.push_back(format_in(c.dyhat_dz[0], styles_.dyhat_dz));  // the activation's: defined even where L is not
      break;
    case Kind::DLDz:
      if (c.defined) lines_of(c.dL_dz, styles_.dL_dz, out); else out.push_back("—");
      break;
    case Kind::Note:
      if (!c.defined) out.push_back(undefined_reason(batch_, c));
      break;
    case Kind::MoreX: out.push_back("…"); break;
  }
  return out;
}

namespace {

// The practice field a column shows (none for i, x, y and notes).
std::optional<Field> asked_field(Column::Kind kind) {
  switch (kind) {
    case Column::Kind::Z: return Field::Z;
    case Column::Kind::YHat: return Field::YHat;
    case Column::Kind::Loss: return Field::Loss;
    case Column::Kind::DLDYhat: return Field::DLDYhat;
    case Column::Kind::DYhatDz: return Field::DYhatDz;
    case Column::Kind::DLDz: return Field::DLDz;
    default: return std::nullopt;
  }
}

// A hidden cell: a "?" on the accent colour, the cell's size.
void draw_asked(const Column& col, std::size_t lines) {
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const float h = static_cast<float>(lines) * ImGui::GetTextLineHeight();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec4 accent = WarningColor();
  dl->AddRectFilled(pos, ImVec2(pos.x + col.width, pos.y + h), ImGui::GetColorU32(ImVec4(accent.x, accent.y, accent.z, 0.25f)));
  const ImVec2 mark = ImGui::CalcTextSize("?");
  dl->AddText(ImVec2(pos.x + 0.5f * (col.width - mark.x), pos.y + 0.5f * (h - mark.y)), ImGui::GetColorU32(accent), "?");
  ImGui::Dummy(ImVec2(col.width, h));
}

}  // namespace

void SampleTable::draw_cell(const std::vector<std::string>& lines, const Column& col, ImU32 color) const {
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const float line_h = ImGui::GetTextLineHeight();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  // Right-aligned block of int_w + frac_w; inside it each number starts so that its point lines up.
  const float block_x = pos.x + col.width - (col.int_w + col.frac_w);
  for (std::size_t k = 0; k < lines.size(); ++k) {
    const float x = is_number_column(col.kind) ? block_x + col.int_w - int_width(lines[k]) : pos.x;
    draw_text(dl, ImVec2(x, pos.y + static_cast<float>(k) * line_h), color, lines[k]);
  }
  ImGui::Dummy(ImVec2(col.width, static_cast<float>(lines_) * line_h));
}

float SampleTable::width(float height) const {
  const float content_h = header_h_ + static_cast<float>(batch_.size()) * row_h_;
  return width_ + (content_h > height ? ImGui::GetStyle().ScrollbarSize : 0.0f);
}

bool SampleTable::draw(AppState& state, float height) const {
  const int n_cols = static_cast<int>(columns_.size());
  const float avail_w = ImGui::GetContentRegionAvail().x;
  ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                          ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_NoHostExtendY;
  const float width = this->width(height);
  const bool scroll_x = width > avail_w + 1.0f;   // not for the rounding of a child's width
  if (scroll_x) flags |= ImGuiTableFlags_ScrollX;
  ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, cell_padding());
  if (!ImGui::BeginTable(id_, n_cols, flags, ImVec2(scroll_x ? avail_w : width, height))) {
    ImGui::PopStyleVar();
    return false;
  }
  for (const Column& col : columns_)
    ImGui::TableSetupColumn(col.header.empty() ? "##note" : col.header.c_str(), ImGuiTableColumnFlags_WidthFixed,
                            col.width);
  ImGui::TableSetupScrollFreeze(1, 1);

  // The header row: right-aligned like the numbers under it, each with its formula as a tooltip.
  ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
  for (int k = 0; k < n_cols; ++k) {
    const Column& col = columns_[static_cast<std::size_t>(k)];
    if (!ImGui::TableSetColumnIndex(k)) continue;
    const float w = ImGui::CalcTextSize(col.header.c_str()).x;
    if (is_number_column(col.kind)) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + col.width - w);
    ImGui::TextUnformatted(col.header.c_str());
    if (ImGui::IsItemHovered() && !col.help.empty()) {
      ImGui::BeginTooltip();
      ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30.0f);
      ImGui::TextUnformatted(col.help.c_str());
      ImGui::PopTextWrapPos();
      ImGui::EndTooltip();
    }
  }

  // The sample hovered in another panel: scroll its row into view if it is out of it.
  const int hovered_row = batch_.row_of(state.hovered_sample);
  if (hovered_row >= 0 && !ImGui::IsWindowHovered(ImGuiHoveredFlags_RootAndChildWindows)) {
    const float top = static_cast<float>(hovered_row) * row_h_, view = ImGui::GetWindowHeight() - header_h_;
    if (top < ImGui::GetScrollY() || top + row_h_ > ImGui::GetScrollY() + view)
      ImGui::SetScrollY(top - 0.5f * (view - row_h_));
  }

  ImGui::PushFont(MonoFont());
  const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text), error = ImGui::GetColorU32(ErrorColor());
  const ImU32 undefined_bg = ImGui::GetColorU32(ImVec4(ErrorColor().x, ErrorColor().y, ErrorColor().z, 0.18f));
  const float content_h = static_cast<float>(lines_) * ImGui::GetTextLineHeight();
  bool row_hovered = false;
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(batch_.size()), row_h_);
  while (clipper.Step()) {
    for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
      const SampleChain c = batch_.chain(static_cast<std::size_t>(r));
      ImGui::TableNextRow(0, row_h_);
      if (!c.defined) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, undefined_bg);
      ImGui::TableSetColumnIndex(0);
      // The row's hover target, spanning every column; the sample hovered anywhere is "selected".
      const ImVec2 start = ImGui::GetCursorPos();
      ImGui::PushID(r);
      ImGui::Selectable("##row", static_cast<int>(c.index) == state.hovered_sample,
                        ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap,
                        ImVec2(0, content_h));
      ImGui::PopID();
      if (ImGui::IsItemHovered()) {
        state.hovered_sample = static_cast<int>(c.index);
        row_hovered = true;
      }
      ImGui::SetCursorPos(start);
      for (int k = 0; k < n_cols; ++k) {
        const Column& col = columns_[static_cast<std::size_t>(k)];
        if (k > 0 && !ImGui::TableSetColumnIndex(k)) continue;
        const bool undefined_cell = !c.defined && col.kind >= Kind::Loss;
        // Ask (the Practice menu): a cell the teacher hid for the class is a "?" until Reveal.
        const std::optional<Field> field = asked_field(col.kind);
        const auto row = static_cast<std::size_t>(r);
        if (field && cell_asked(state, *field, row, 0)) draw_asked(col, lines_);
        else draw_cell(cell(c, col), col, undefined_cell ? error : text);
        if (field && state.practice.ask && ImGui::IsItemClicked()) toggle_asked(state, *field, row, 0);
      }
    }
  }
  ImGui::PopFont();
  ImGui::EndTable();
  ImGui::PopStyleVar();
  return row_hovered;
}

// ---- Softmax Jacobian ----------------------------------------------------------------------

float JacobianHeight(const ChainBatch& batch) {
  if (!batch.softmax() || batch.size() == 0) return 0.0f;
  const ImGuiStyle& style = ImGui::GetStyle();
  const float row = ImGui::GetTextLineHeight() + 2.0f * style.CellPadding.y;
  const std::size_t k = batch.data->classes(), shown = ShownEntries(k);
  const std::size_t rows = shown + 1 + (shown < k ? 1 : 0);   // the header, the classes, "+k"
  return ImGui::GetFrameHeightWithSpacing() + static_cast<float>(rows) * row +
         style.ItemSpacing.y * 2.0f;
}

void DrawJacobian(const AppState& state, const ChainBatch& batch) {
  if (!batch.softmax() || batch.size() == 0) return;
  const int hovered = batch.row_of(state.hovered_sample);
  const SampleChain c = batch.chain(hovered >= 0 ? static_cast<std::size_t>(hovered) : 0);
  const NumberStyle jacobian_style = style_for(c.dyhat_dz);   // one style for the K×K matrix
  const std::size_t k = c.y_hat.size();
  ImGui::AlignTextToFramePadding();
  ImGui::Text("∂ŷ/∂z for sample %zu%s", c.index + 1, hovered >= 0 ? "" : " (hover a row for another)");
  ImGui::SameLine();
  ImGui::TextDisabled("(?)");
  if (ImGui::IsItemHovered()) {
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30.0f);
    ImGui::TextUnformatted(
        "With softmax every ŷ_a depends on every z_b, so ∂ŷ/∂z is a K×K matrix J (one per sample): "
        "J_ab = ŷ_a(δ_ab − ŷ_b), that is ŷ_a(1 − ŷ_a) on the diagonal and −ŷ_a·ŷ_b off it. "
        "∂L/∂z = Jᵀ ∂L/∂ŷ; with cross-entropy this product simplifies to ŷ − y.");
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
  }
  ImGui::PushFont(MonoFont());
  const float cell_w = WidestNumber(c.dyhat_dz, jacobian_style);
  const std::size_t shown = ShownEntries(k);   // wide: the first classes, then "+k"
  const bool more = shown < k;
  const auto right_aligned = [cell_w](const std::string& text) {
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + cell_w - ImGui::CalcTextSize(text.c_str()).x);
    ImGui::TextUnformatted(text.c_str());
  };
  if (ImGui::BeginTable("##jacobian", static_cast<int>(shown + (more ? 2 : 1)),
                        ImGuiTableFlags_Borders | ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_NoHostExtendX)) {
    ImGui::TableSetupColumn("##a", ImGuiTableColumnFlags_WidthFixed, ImGui::CalcTextSize("ŷ00").x);
    for (std::size_t b = 0; b < shown; ++b) ImGui::TableSetupColumn("##b", ImGuiTableColumnFlags_WidthFixed, cell_w);
    if (more) ImGui::TableSetupColumn("##more");
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    for (std::size_t b = 0; b < shown; ++b) {
      ImGui::TableSetColumnIndex(static_cast<int>(b) + 1);
      right_aligned("z" + subscript(b));
    }
    if (more) {
      ImGui::TableSetColumnIndex(static_cast<int>(shown) + 1);
      ImGui::TextUnformatted(MoreEntries(k, shown).c_str());
    }
    for (std::size_t a = 0; a < shown; ++a) {
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      ImGui::TextUnformatted(("ŷ" + subscript(a)).c_str());
      for (std::size_t b = 0; b < shown; ++b) {
        ImGui::TableSetColumnIndex(static_cast<int>(b) + 1);
        right_aligned(format_in(c.dyhat_dz[a * k + b], jacobian_style));
      }
    }
    if (more) {
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      ImGui::TextUnformatted(MoreEntries(k, shown).c_str());
    }
    ImGui::EndTable();
  }
  ImGui::PopFont();
}

}  // namespace ll::app::chain
