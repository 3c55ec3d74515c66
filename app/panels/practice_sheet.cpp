// Practice mode's sheet in the chain panel: the step being asked, its given numbers, and a text
// field for each blank (model/practice.h), marked right (green), wrong (red, with the grader's
// hint) or revealed. Tab moves to the next field, Enter too (and checks on the last one).
#include <imgui.h>
#include <imgui_stdlib.h>  // InputText on a std::string (built into Debian's libimgui)

#include <algorithm>
#include <string>
#include <vector>

#include "ll/number_format.h"
#include "model/practice.h"
#include "panels/chain_parts.h"
#include "panels/panel_caches.h"
#include "panels/panels.h"
#include "run/step_cells.h"
#include "run/step_export.h"

namespace ll::app {
namespace {

using Mark = PracticeBlank::Mark;

// The blank asking (field, row, index), or −1 if that number is given.
int blank_at(const Practice& p, Field f, std::size_t row, std::size_t index) {
  for (std::size_t k = 0; k < p.blanks.size(); ++k) {
    const Answer& a = p.blanks[k].asked;
    if (a.field == f && a.index == index && (!per_sample(f) || a.row == row)) return static_cast<int>(k);
  }
  return -1;
}

double value_of(const StepRecord& r, Field f, std::size_t row, std::size_t index) {
  Answer a;
  a.field = f;
  a.row = row;
  a.index = index;
  return expected_value(r, a);   // the grader's: one home for "which number is it"
}

// One blank: its text field framed in its mark's colour, the answer once revealed, the hint on hover.
void draw_blank(AppState& s, int k, float width) {
  Practice& p = s.practice;
  PracticeBlank& b = p.blanks[static_cast<std::size_t>(k)];
  if (b.mark == Mark::Revealed) {
    ImGui::TextColored(chain::WarningColor(), "%s", format_number(value_of(*p.question, b.asked.field, b.asked.row, b.asked.index)).c_str());
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Revealed: the answer");
    return;
  }
  const ImVec4 frame = b.mark == Mark::Right ? chain::GoodColor() : b.mark == Mark::Wrong ? chain::ErrorColor() : ImVec4(0, 0, 0, 0);
  ImGui::PushStyleColor(ImGuiCol_Border, frame);
  ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, b.mark == Mark::Open ? 0.0f : 2.0f);
  ImGui::SetNextItemWidth(width);
  if (p.focus == k) {
    ImGui::SetKeyboardFocusHere();
    p.focus = -1;
  }
  const std::string id = "##blank" + std::to_string(k);
  const ImGuiInputTextFlags flags = ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_AutoSelectAll |
                                    (b.mark == Mark::Right ? ImGuiInputTextFlags_ReadOnly : 0);
  if (ImGui::InputText(id.c_str(), &b.typed, flags)) {
    // Enter: on to the next open blank, or Check after the last.
    int next = -1;
    for (std::size_t j = static_cast<std::size_t>(k) + 1; j < p.blanks.size() && next < 0; ++j)
      if (p.blanks[j].mark != Mark::Right && p.blanks[j].mark != Mark::Revealed) next = static_cast<int>(j);
    if (next >= 0) p.focus = next;
    else check_practice(s);
  }
  if (ImGui::IsItemActive()) p.typing = k;
  if (b.mark == Mark::Wrong && b.typed.empty()) b.mark = Mark::Open;
  ImGui::PopStyleVar();
  ImGui::PopStyleColor();
  if (ImGui::IsItemHovered() && b.mark == Mark::Wrong)
    ImGui::SetTooltip("%s", b.hint.empty() ? "Not this: work it again from the formula" : b.hint.c_str());
}

// A number of the step: given as text, or a blank.
void draw_number(AppState& s, Field f, std::size_t row, std::size_t index, float width) {
  const int k = blank_at(s.practice, f, row, index);
  if (k >= 0) return draw_blank(s, k, width);
  ImGui::TextUnformatted(format_number(value_of(*s.practice.question, f, row, index)).c_str());
}

// The sample table's columns `columns` (indices into sample_heads: 0 i, 1 x, 2 y, 3 z, …, 8 ∂L/∂z).
void draw_sample_table(AppState& s, float width, const std::vector<std::size_t>& columns, const char* id) {
  const StepRecord& r = *s.practice.question;
  const bool softmax = r.settings.activation == Activation::Softmax;
  const std::vector<std::string> heads = sample_heads(softmax);
  const ChainStyles styles = chain_styles(r.samples, softmax);
  const std::size_t K = r.samples.front().z.size();
  if (!ImGui::BeginTable(id, static_cast<int>(columns.size()),
                         ImGuiTableFlags_Borders | ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_RowBg))
    return;
  for (std::size_t c : columns) ImGui::TableSetupColumn(heads[c].c_str());
  ImGui::TableHeadersRow();
  for (std::size_t row = 0; row < r.samples.size(); ++row) {
    const std::vector<std::string> cells = sample_cells(r.samples[row], softmax, styles);
    ImGui::TableNextRow();
    for (std::size_t at = 0; at < columns.size(); ++at) {
      const std::size_t c = columns[at];
      ImGui::TableSetColumnIndex(static_cast<int>(at));
      if (c < 3) {
        ImGui::TextUnformatted(cells[c].c_str());
        continue;
      }
      const Field f = kChainOrder[c - 3];
      const std::size_t n = f == Field::Loss ? 1 : K;
      for (std::size_t k = 0; k < n; ++k) {
        ImGui::PushID(static_cast<int>((row * 16 + c) * 16 + k));
        draw_number(s, f, row, k, width);
        ImGui::PopID();
      }
    }
  }
  ImGui::EndTable();
}

// The whole table if it fits across, else the forward pass (i, x, y, z, ŷ, L) above the backward
// one (i, ∂L/∂ŷ, ∂ŷ/∂z, ∂L/∂z).
void draw_samples(AppState& s, float width) {
  const StepRecord& r = *s.practice.question;
  const bool softmax = r.settings.activation == Activation::Softmax;
  const ChainStyles styles = chain_styles(r.samples, softmax);
  float x_w = 0.0f;
  for (const SampleChain& c : r.samples) x_w = std::max(x_w, ImGui::CalcTextSize(sample_cells(c, softmax, styles)[1].c_str()).x);
  const float pad = ImGui::GetStyle().CellPadding.x * 2.0f + 2.0f;
  const float digit = ImGui::CalcTextSize("0").x;
  const float full = x_w + 2.0f * (digit * 3.0f) + 6.0f * width + 9.0f * pad;
  if (full <= ImGui::GetContentRegionAvail().x) return draw_sample_table(s, width, {0, 1, 2, 3, 4, 5, 6, 7, 8}, "##practice all");
  draw_sample_table(s, width, {0, 1, 2, 3, 4, 5}, "##practice forward");
  draw_sample_table(s, width, {0, 6, 7, 8}, "##practice backward");
}

// ∂L/∂θ and θ after, one column per entry of θ.
void draw_parameter_table(AppState& s, float width) {
  const StepRecord& r = *s.practice.question;
  const Params& shape = r.theta_before;
  if (!ImGui::BeginTable("##practice theta", static_cast<int>(shape.size() + 1),
                         ImGuiTableFlags_Borders | ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_RowBg))
    return;
  ImGui::TableSetupColumn("");
  for (std::size_t k = 0; k < shape.size(); ++k) ImGui::TableSetupColumn(parameter_name(shape, k).c_str());
  ImGui::TableHeadersRow();
  const bool momentum = r.settings.momentum != 0.0;
  const struct {
    Field field;
    const char* label;
  } rows[] = {{Field::Gradient, "∂L/∂θ"}, {Field::ThetaAfter, momentum ? "θ − η·v" : "θ − η·∂L/∂θ"}};
  for (const auto& row : rows) {
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    ImGui::TextUnformatted(row.label);
    for (std::size_t k = 0; k < shape.size(); ++k) {
      ImGui::TableSetColumnIndex(static_cast<int>(k + 1));
      ImGui::PushID(static_cast<int>(1000 + static_cast<int>(row.field) * 100 + static_cast<int>(k)));
      draw_number(s, row.field, 0, k, width);
      ImGui::PopID();
    }
  }
  // The loss after the step, J over the whole data set, in the first column.
  ImGui::TableNextRow();
  ImGui::TableSetColumnIndex(0);
  ImGui::TextUnformatted("J after");
  ImGui::TableSetColumnIndex(1);
  if (r.loss_after) draw_number(s, Field::LossAfter, 0, 0, width);
  else ImGui::TextUnformatted("undefined");
  ImGui::EndTable();
}

// The hints of the wrong answers, each named, so that they are readable without hovering.
void draw_hints(const Practice& p) {
  for (const PracticeBlank& b : p.blanks) {
    if (b.mark != Mark::Wrong || b.hint.empty()) continue;
    std::string where = field_symbol(b.asked.field);
    if (per_sample(b.asked.field)) where += " of sample " + std::to_string(p.question->samples[b.asked.row].index + 1);
    else if (b.asked.field != Field::LossAfter) where += " (" + parameter_name(p.question->theta_before, b.asked.index) + ")";
    ImGui::PushStyleColor(ImGuiCol_Text, chain::ErrorColor());
    ImGui::TextWrapped("%s: %s", where.c_str(), b.hint.c_str());
    ImGui::PopStyleColor();
  }
}

}  // namespace

void DrawPracticeSheet(AppState& s, ChainMeasure& m) {
  Practice& p = s.practice;
  const StepRecord& r = *p.question;
  const float top = ImGui::GetCursorPosY();
  p.typing = -1;
  ImGui::Text("Practice · step %zu · level %s", r.step, fade_name(p.level).c_str());
  ImGui::TextWrapped("θ = %s · %s · %s", format_params(r.theta_before).c_str(), rates_text(r.settings).c_str(),
                     batch_list(r).c_str());
  // Short of room, fewer formula rows, then none (measured: the sheet's end against the panel's).
  const float panel_h = ImGui::GetWindowHeight();
  if (panel_h != p.fold_height) p.fold = 0, p.fold_height = panel_h;
  if (p.fold < 3)   // 3: no formulas, 4: no formulas and in pages
    chain::DrawFormulas(r.settings, p.fold == 0   ? chain::FormulaRows::All
                                    : p.fold == 1 ? chain::FormulaRows::FactorsAndSimplified
                                                  : chain::FormulaRows::Simplified);
  ImGui::PushFont(chain::MonoFont());
  // Rows as tight as the text: a 4-sample batch fits a 1280×720 panel at twice the text size.
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(ImGui::GetStyle().FramePadding.x, 1.0f));
  const float width = ImGui::CalcTextSize("−0.00000").x + ImGui::GetStyle().FramePadding.x * 2.0f;
  // Shorter still (fold 4): in two pages, the samples and then θ (PgDn / PgUp, and Enter or Tab
  // from the last blank of the first).
  const bool paged = p.fold >= 4 && !p.rows_left_out;
  if (paged && p.focus >= 0) s.chain_page = per_sample(p.blanks[static_cast<std::size_t>(p.focus)].asked.field) ? 0 : 1;
  s.chain_page = std::clamp(s.chain_page, 0, 1);
  if (paged)
    ImGui::TextDisabled("page %d of 2 · %s (PgDn / PgUp)", s.chain_page + 1,
                        s.chain_page == 0 ? "the samples" : "∂L/∂θ, θ after, J after");
  if (p.rows_left_out)
    ImGui::TextWrapped("The batch has %zu samples: the practice asks for ∂L/∂θ, θ after and the loss.", r.samples.size());
  else if (!paged || s.chain_page == 0)
    draw_samples(s, width);
  if (!paged || s.chain_page == 1) draw_parameter_table(s, width);
  ImGui::PopStyleVar();
  ImGui::PopFont();
  if (practice_done(p)) {
    if (ImGui::Button("Show the step (Space)")) practice_step(s);
  } else {
    if (ImGui::Button("Check")) check_practice(s);
    ImGui::SameLine();
    if (ImGui::Button("Reveal")) reveal_practice(s);
  }
  ImGui::SameLine();
  ImGui::TextDisabled("Score: %s", score_line(p.score).c_str());
  // The hints under the buttons; in pages (no room) on hover over the red cells only.
  if (!paged) draw_hints(p);
  // The layout is asked for the whole sheet (its formulas unfolded); short of that, fold them.
  const float h = ImGui::GetCursorPosY() - top + 2.0f * ImGui::GetStyle().WindowPadding.y;
  if (p.fold == 0 || h > p.full_h) p.full_h = h;
  m.needed_h = m.needed_short_h = p.full_h;
  m.paged = false;
  m.fold_level = p.fold;   // a screenshot waits for the fold to settle
  if (ImGui::GetCursorPosY() > panel_h && p.fold < 4) ++p.fold;
}

}  // namespace ll::app

namespace ll::app {

void PracticeMenuItems(AppState& s) {
  Practice& p = s.practice;
  if (ImGui::MenuItem("Practice: ask the next step's numbers", "Q", p.on)) toggle_practice(s);
  if (ImGui::BeginMenu("Level (numbers left to the student)")) {
    for (int level = 0; level <= kMostFade; ++level)
      if (ImGui::MenuItem(fade_name(level).c_str(), nullptr, p.level == level)) {
        p.level = level;
        p.streak = 0;
      }
    ImGui::EndMenu();
  }
  ImGui::MenuItem("Level up by itself", nullptr, &p.auto_level_up);
  if (ImGui::BeginMenu("… after how many steps all right", p.auto_level_up)) {
    for (int n = 1; n <= kMostLevelUpAfter; ++n)
      if (ImGui::MenuItem(std::to_string(n).c_str(), nullptr, p.level_up_after == n)) p.level_up_after = n;
    ImGui::EndMenu();
  }
  ImGui::Separator();
  ImGui::MenuItem("Ask: click a table cell to hide it for the class", nullptr, &p.ask);
  if (ImGui::MenuItem("Reveal the asked cells", nullptr, false, !p.asked.empty())) reveal_asked(s);
  if (ImGui::MenuItem("Forget the asked cells", nullptr, false, !p.asked.empty())) p.asked.clear();
  ImGui::Separator();
  ImGui::MenuItem(("Score: " + score_line(p.score)).c_str(), nullptr, false, false);
  if (ImGui::MenuItem("Reset the score")) reset_practice_score(s);
}

}  // namespace ll::app
