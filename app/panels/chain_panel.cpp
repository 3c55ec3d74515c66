// The derivative chain window: the last step as a worked example, laid out like the slides. The
// chain ∂L/∂θ = ∂L/∂ŷ · ∂ŷ/∂z · ∂z/∂θ for the chosen loss and activation (symbolic, then
// simplified), a table with one row per sample of the batch (chain_table.cpp), and what the step
// did with it: the gradient in matrix form, one update line per parameter, the loss before → after
// (chain_result.cpp). At step 0 it previews the first batch.
//
// Index
// [SECTION] The step and its formulas
// [SECTION] The body: table beside (or above) the results
#include <imgui.h>
#include <imgui_internal.h>   // the width a child window's content took

#include <algorithm>
#include <cmath>

#include "ll/number_format.h"
#include "model/compare_run.h"
#include "panels/accents.h"
#include "ll/formulas.h"
#include "panels/chain_parts.h"
#include "panels/panel_caches.h"
#include "panels/panels.h"
#include "panels/point_editing.h"
#include "panels/widgets.h"

namespace ll::app {

namespace {
using namespace chain;

// [SECTION] The step and its formulas --------------------------------------------------------

// "all 4 samples", "samples 3, 2", "samples 1, 2, 3, …, 100000".
std::string batch_text(const std::vector<std::size_t>& batch, std::size_t rows) {
  bool everything = batch.size() == rows;
  for (std::size_t k = 0; everything && k < batch.size(); ++k) everything = batch[k] == k;
  if (everything) return "all " + format_count(rows) + " samples";
  std::string s = batch.size() == 1 ? "sample " : "samples ";
  const std::size_t shown = batch.size() <= 8 ? batch.size() : 6;
  for (std::size_t k = 0; k < shown; ++k) s += (k ? ", " : "") + std::to_string(batch[k] + 1);
  if (shown < batch.size()) s += ", …, " + std::to_string(batch.back() + 1);
  return s;
}

// `compact`: on the lesson title's line, when room is short: without the activation and loss
// (the formulas under it say them). `tight`: shorter still, without the step and epoch (the
// status line says them).
void draw_header(const AppState& state, const StepRecord* r, const std::vector<std::size_t>& batch,
                 bool compact, bool tight) {
  const Settings& s = r != nullptr ? r->settings : state.settings();
  const Dataset& data = state.data();
  std::string text;
  if (r == nullptr) text = "Step 0: no step taken yet · next batch: ";
  else if (!tight) text = "Step " + std::to_string(r->step) + " · epoch " + std::to_string(r->epoch) + " · ";
  text += batch_text(batch, data.rows()) + " (m = " + std::to_string(batch.size()) + ")";
  if (r != nullptr && r->explicit_batch) text += ", picked by hand";
  if (!compact) text += " · " + std::string(name(s.activation)) + " + " + std::string(long_name(s.loss));
  text += " · " + rates_text(s);
  if (compact) {
    text = "· " + text;
    // Beside the title while it fits in the room right of it (a long title leaves too little).
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    if (ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + ImGui::CalcTextSize(text.c_str()).x <= right)
      ImGui::SameLine();
  }
  TextWrappedAtSpaces(text);
}

// A scenario's title and description, what the lesson asks the student to check: above the step,
// in both modes, the title as a heading and the text in full (wrapped at spaces, never cut).
// When the panel is short of room (`in_full` false), the step's numbers come first: the title
// stays, the text folds behind a "(?)" beside it.
void draw_lesson(const AppState& s, bool in_full) {
  if (s.lesson_title.empty() && s.lesson_description.empty()) return;
  ImGui::PushStyleColor(ImGuiCol_Text, CurrentAccents().heading);
  TextWrappedAtSpaces(s.lesson_title.empty() ? "Lesson" : s.lesson_title);
  ImGui::PopStyleColor();
  if (!s.lesson_description.empty()) {
    if (in_full) {
      TextWrappedAtSpaces(s.lesson_description);
    } else {
      ImGui::SameLine();
      HelpMarker(s.lesson_description.c_str());
    }
  }
  if (in_full) ImGui::Separator();  // folded, the step's line follows on the title's
}


// [SECTION] The body: table beside (or above) the results -------------------------------------

// The width the current window's content took this frame (ImGui's own record of it).
float content_width() {
  const ImGuiWindow* w = ImGui::GetCurrentWindow();
  return w->DC.CursorMaxPos.x - w->DC.CursorStartPos.x;
}

// How many whole rows a table `height` tall shows.
std::size_t rows_in(const SampleTable& table, float height) {
  const float rows = (height - table.header_height()) / table.row_height();
  return rows > 0.0f ? static_cast<std::size_t>(rows + 0.01f) : 0;
}

// The right column's least width, in font sizes: "w1 = 0.5 − η·0.2431 = 0.4976" and the loss
// line; the gradient's column leaves its middle out to fit.
constexpr float kRightColumnFonts = 16.0f;

// The batch step 1 will use: the picked samples, or the sampler's first batch.
std::vector<std::size_t> first_batch(const AppState& state) {
  if (!state.picked.empty()) return state.picked;
  if (!state.trainer->next_batch().empty()) return state.trainer->next_batch();
  const Settings& s = state.settings();
  Sampler sampler;
  return sampler.batch(0, batch_size_of(s, state.data()), state.data().rows(), s.order, s.seed);
}

// The loss section's height: a header and two lines.
float loss_height() { return 3.0f * ImGui::GetTextLineHeightWithSpacing() + 2.0f * ImGui::GetStyle().ItemSpacing.y; }

// Draws `block` and returns its height.
template <typename Draw>
float measured(Draw block) {
  const float y0 = ImGui::GetCursorPosY();
  block();
  return ImGui::GetCursorPosY() - y0;
}

// What the step did, without the loss: the gradient and the update lines (or what stands in for
// them before the first step and for a refused step). Its two parts measured into `m`.
void draw_results(const AppState& state, const StepRecord* r, const ChainBatch& batch, ChainMeasure& m,
                  bool with_update = true) {
  if (r == nullptr) {
    m.update_h = 0.0f;
    m.gradient_h = measured([&] {
      SectionHeader("Next");
      ImGui::TextColored(GoodColor(), "Press Space (or Step) to take the first step.");
      TextWrappedAtSpaces("The table shows the chain of each sample of its batch at θ₀ already; the "
                          "gradient, the update of each parameter and the loss before → after appear "
                          "here once it is taken.");
      const double loss = loss_curve(state).mean_loss.empty() ? NAN : loss_curve(state).mean_loss[0];
      ImGui::Text("θ₀ = %s", format_params(batch.theta, kMostTableEntries).c_str());
      ImGui::Text("mean loss over all %s samples at θ₀: %s", format_count(state.data().rows()).c_str(),
                  format_number(loss).c_str());
    });
    return;
  }
  if (r->status == StepStatus::Refused) {
    m.update_h = 0.0f;
    m.gradient_h = measured([&] {
      SectionHeader("No update");
      TextWrappedAtSpaces("The step was refused, so θ stays " + format_params(r->theta_before, kMostTableEntries) +
                          ". The rows marked in the table are the samples whose loss is undefined.");
    });
    return;
  }
  m.gradient_h = measured([&] { DrawGradient(*r, batch); });
  if (with_update) m.update_h = measured([&] { DrawUpdate(*r, state.data(), !m.roomy); });
}

}  // namespace

void ShowChainPanel(AppState& state, ChainMeasure& m) {
  // Without its title bar when it needs more than its room (the layout says so): its first line
  // says what it shows.
  if (!ImGui::Begin(kChainWindow, nullptr, state.last_layout.chain_untitled ? ImGuiWindowFlags_NoTitleBar : 0)) {
    ImGui::End();
    return;
  }
  PanelContextMenu(state, kChainWindow, "chain");
  ShowDragPreview(state);   // a sample being dragged in the data plot: its chain, live
  if (practice_asking(state)) {   // practice mode: the next step's numbers as blanks
    DrawPracticeSheet(state, m);
    ImGui::End();
    return;
  }
  if (state.second && state.chain_shows == AppState::ChainShows::Differences) {
    DrawChainDifferences(state, m);
    ImGui::End();
    return;
  }
  // Run b's step is drawn as run a's is: the state shows b while the panel draws.
  const std::string run_b_label = second_run_label(state);
  const SecondRunInView run_b_in_view(state, state.chain_shows == AppState::ChainShows::RunB);
  const StepRecord* r = shown_record(state);
  const std::vector<std::size_t> preview = r == nullptr ? first_batch(state) : std::vector<std::size_t>{};
  ChainBatch batch;
  batch.data = &state.data();
  // Before the first step, a sample dragged in the data plot has its row here at the drag's place, live.
  const Dataset dragged = r == nullptr && state.edits.dragged >= 0 ? DataWithDraggedSample(state) : Dataset{};
  if (dragged.rows() > 0) batch.data = &dragged;
  batch.batch = r != nullptr ? &r->batch : &preview;
  batch.kept = r != nullptr ? &r->samples : nullptr;
  batch.theta = r != nullptr ? r->theta_before : current_theta(state);
  const Settings& s = r != nullptr ? r->settings : state.settings();
  batch.settings = s;
  batch.may_be_undefined = s.activation == Activation::Tanh && s.loss == Loss::BCE;

  // What is above the table folds in steps while the panel is shorter than the step needs (the
  // layout is asked for all of it): 0 everything; 1 the formula rows the table's columns compute
  // (factors, simplified); 2 the lesson's text too, behind a "(?)" beside its title; 3 the factors'
  // row too and the header without step · epoch. Each level's height is measured when drawn, and
  // the first level that fits is taken (a level not yet measured is tried once).
  const float window_h = ImGui::GetWindowHeight() + 0.5f;
  const float width = ImGui::GetWindowWidth();
  if (width != m.head_width) {   // the text wraps anew: measure again
    std::fill(std::begin(m.head_at), std::end(m.head_at), 0.0f);
    m.head_width = width;
  }
  int level = 0;
  if (m.paged) {
    level = 3;   // in pages: the pages have the room the head leaves
  } else if (m.needed_h > window_h && m.head_at[0] > 0.0f) {
    level = 3;
    for (int l = 1; l < 3; ++l) {
      // (Folded, the loss block is in its short form too.)
      if (m.head_at[l] <= 0.0f || m.needed_short_h - m.head_at[0] + m.head_at[l] <= window_h) {
        level = l;
        break;
      }
    }
  }
  const bool roomy = level == 0, tight = level == 3;
  m.roomy = roomy;
  m.fold_level = level;
  const bool has_lesson = !state.lesson_title.empty() || !state.lesson_description.empty();
  // What is above the table at this level.
  auto draw_head = [&](int at) {
    DrawRunSwitch(state, run_b_label);
    draw_lesson(state, at <= 1);
    draw_header(state, r, *batch.batch, has_lesson && at >= 2, at == 3);
    if (r != nullptr && r->status != StepStatus::Ok) DrawFailure(*r);
    DrawFormulas(s, at == 0 ? FormulaRows::All : at == 3 ? FormulaRows::Simplified : FormulaRows::FactorsAndSimplified);
  };
  const SampleTable table(batch);
  // In pages (chain_pages.cpp) when the table is wider than the panel, or when even folded all
  // the way the step needs more than it (as measured when last drawn whole); the head is the
  // first page's first part.
  const float whole_table_h = table.header_height() + static_cast<float>(batch.size()) * table.row_height() + 2.0f;
  const bool too_wide = table.width(whole_table_h) > ImGui::GetContentRegionAvail().x + 1.0f;
  const bool too_tall = tight && m.head_at[3] > 0.0f && m.needed_short_h - m.head_at[0] + m.head_at[3] > window_h;
  m.paged = too_wide || too_tall;
  if (m.paged) {
    // The layout is asked for all the window: the whole height, and the width of the table.
    m.needed_h = std::max(m.needed_h, 1e5f);
    m.needed_w = table.width(whole_table_h) + 2.0f * ImGui::GetStyle().WindowPadding.x;
    m.rows = batch.size();
    m.softmax = batch.softmax();
    const bool hovered = DrawChainPages(state, r, batch, m, [&] { draw_head(3); });
    if (!hovered && ImGui::IsWindowHovered(ImGuiHoveredFlags_RootAndChildWindows)) state.hovered_sample = -1;
    ImGui::End();
    return;
  }
  const float head_top = ImGui::GetCursorPosY();
  draw_head(level);
  ImGui::Separator();
  m.head_at[level] = ImGui::GetCursorPosY() - head_top;
  m.pages = 1;
  // With everything above the table (the layout is asked for the room that shows it all).
  const float head_h = m.head_at[0] + ImGui::GetStyle().WindowPadding.y + ImGui::GetFrameHeight();
  // The loss block, shorter when room is short; the layout is asked for its height in full.
  auto draw_loss = [&](const StepRecord& record) {
    const float h = measured([&] { DrawLoss(record, state.data(), !roomy); });
    m.loss_h = h;
    (roomy ? m.loss_full_h : m.loss_short_h) = h;
  };
  const ImGuiStyle& style = ImGui::GetStyle();
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float font = ImGui::GetFontSize();
  const float jacobian_h = JacobianHeight(batch);
  const float natural_h = table.header_height() + static_cast<float>(batch.size()) * table.row_height() + 2.0f;
  const float min_h = table.header_height() + (batch.softmax() ? 1.0f : 3.0f) * table.row_height();
  const bool has_update = r != nullptr && r->status != StepStatus::Refused;
  // The loss block as drawn last frame (for placing it), and in full (what the layout is asked for).
  const float loss_h = r != nullptr ? (m.loss_h > 0.0f ? m.loss_h : loss_height()) : 0.0f;
  const float loss_need = r != nullptr ? std::max(loss_h, m.loss_full_h) : 0.0f;
  // ... and in its short form (what a folded panel draws; as in full until measured).
  const float loss_short = r != nullptr && m.loss_short_h > 0.0f ? m.loss_short_h : loss_need;
  const float grad_h = m.gradient_h, update_h = has_update ? m.update_h : 0.0f;
  // A table taller than the panel scrolls; when the results beside it do not leave room for the
  // loss, the table leaves that room under it.
  const bool loss_under_table = r != nullptr && grad_h + update_h + loss_h > avail.y;
  const float table_h =
      std::min(natural_h, std::max(min_h, avail.y - jacobian_h - (loss_under_table ? loss_h : 0.0f)));
  m.rows = batch.size();
  m.softmax = batch.softmax();
  bool row_hovered = false;
  const float table_w = table.width(table_h);
  const float left_fixed = std::min(natural_h, table_h) + jacobian_h;
  // What the layout is asked for: the whole table up to 8 rows; a longer batch scrolls in a table
  // of 8 rows (the layout check wants at least 4 of them in view); with softmax, whose rows are K
  // lines each, 3 rows, so that the plots keep their room.
  const std::size_t asked_rows = batch.softmax() ? 3 : 8;
  const float asked_table_h = batch.size() <= asked_rows ? natural_h
                                                          : table.header_height() +
                                                                static_cast<float>(asked_rows) * table.row_height() + 2.0f;
  const float natural_left = asked_table_h + jacobian_h;
  // What the layout is asked for counts the update lines in full, even while they are folded into
  // a grid (softmax short of room), so that the two do not take turns.
  const float update_need = has_update ? std::max(update_h, m.update_full_h) : 0.0f;
  // The right column's width: at least kRightColumnFonts, more if what it drew last frame needed
  // it (softmax's grid of the gradient does not wrap).
  const float right_w = std::max(kRightColumnFonts * font, m.right_w);
  m.needed_w = table.width(natural_h) + style.ItemSpacing.x + right_w + 2.0f * style.WindowPadding.x;
  if (avail.x >= table_w + style.ItemSpacing.x + right_w) {
    // Side by side: the table (and Jacobian) on the left, what the step did on the right. What
    // does not fit on the right goes under the table when there is room there: first the loss
    // (its batch loss is the mean of the L column), then the update lines too.
    const bool loss_left = r != nullptr && left_fixed + loss_h <= avail.y;
    const bool update_left =
        has_update && loss_left && grad_h + update_h > avail.y && left_fixed + update_h + loss_h <= avail.y;
    // The height that shows everything, the best of the three placements (for the layout).
    auto needed_body = [&](float loss) {
      return std::min({std::max(natural_left + loss, grad_h + update_need),
                       std::max(natural_left + update_need + loss, grad_h),
                       std::max(natural_left, grad_h + update_need + loss)});
    };
    m.needed_h = head_h + needed_body(loss_need) + style.WindowPadding.y + style.ItemSpacing.y;
    m.needed_short_h = head_h + needed_body(loss_short) + style.WindowPadding.y + style.ItemSpacing.y;
    const bool overflow = table_h + jacobian_h > avail.y;
    ImGui::BeginChild("##chain_left", ImVec2(std::ceil(table_w) + (overflow ? style.ScrollbarSize : 0.0f), avail.y), false);
    row_hovered = table.draw(state, table_h);
    m.rows_shown = rows_in(table, table_h);
    DrawJacobian(state, batch);
    if (update_left) m.update_h = measured([&] { DrawUpdate(*r, state.data(), !m.roomy); });
    if (loss_left) draw_loss(*r);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("##chain_right", ImVec2(0, avail.y), false);
    draw_results(state, r, batch, m, !update_left);
    if (r != nullptr && !loss_left) draw_loss(*r);
    m.right_w = content_width();
    ImGui::EndChild();
  } else {
    // Narrow: the table across (the loss beside it when there is room there), and under it the
    // gradient beside the update lines (each needs about half the width); only when even that is
    // too narrow, one column.
    const float beside_w = avail.x - table_w - style.ItemSpacing.x;
    const bool loss_beside = r != nullptr && beside_w >= 11.0f * font && m.loss_beside_h <= natural_left;
    // Softmax: else beside the Jacobian under the table, when the room there (its width last
    // frame) holds the loss's lines.
    const bool loss_by_jacobian = !loss_beside && r != nullptr && jacobian_h > 0.0f && m.jacobian_w > 0.0f &&
                                  avail.x - m.jacobian_w - style.ItemSpacing.x >= kRightColumnFonts * font &&
                                  m.loss_by_jacobian_h <= jacobian_h;
    const bool two_below = has_update && avail.x >= 2.0f * kRightColumnFonts * font;
    const float rest_h = (loss_beside || loss_by_jacobian ? 0.0f : loss_h);
    const float below_h = two_below ? std::max(grad_h, update_h + rest_h) : grad_h + update_h + rest_h;
    auto below_need = [&](float loss) {
      const float rest = loss_beside || loss_by_jacobian ? 0.0f : loss;
      return two_below ? std::max(grad_h, update_need + rest) : grad_h + update_need + rest;
    };
    m.needed_h = head_h + natural_left + below_need(loss_need) + style.WindowPadding.y + style.ItemSpacing.y;
    m.needed_short_h = head_h + natural_left + below_need(loss_short) + style.WindowPadding.y + style.ItemSpacing.y;
    const float table_max = std::max(min_h, avail.y - jacobian_h - below_h - style.ItemSpacing.y);
    ImGui::BeginGroup();
    row_hovered = table.draw(state, std::min(natural_h, table_max));
    m.rows_shown = rows_in(table, std::min(natural_h, table_max));
    ImGui::BeginGroup();
    DrawJacobian(state, batch);
    ImGui::EndGroup();
    m.jacobian_w = jacobian_h > 0.0f ? ImGui::GetItemRectSize().x : 0.0f;
    if (loss_by_jacobian) {
      ImGui::SameLine(0.0f, 2.0f * font);
      ImGui::BeginChild("##chain_by_jacobian", ImVec2(0, jacobian_h), false);
      m.loss_by_jacobian_h = measured([&] { DrawLoss(*r, state.data(), !m.roomy); });
      ImGui::EndChild();
    }
    ImGui::EndGroup();
    if (loss_beside) {
      ImGui::SameLine();
      ImGui::BeginChild("##chain_beside", ImVec2(0, std::min(natural_h, table_max) + jacobian_h), false);
      m.loss_beside_h = measured([&] { DrawLoss(*r, state.data(), !m.roomy); });
      ImGui::EndChild();
    }
    if (two_below) {
      const float half = std::floor((ImGui::GetContentRegionAvail().x - style.ItemSpacing.x) * 0.5f);
      const float h = std::max(ImGui::GetContentRegionAvail().y, 1.0f);
      ImGui::BeginChild("##chain_below_left", ImVec2(half, h), false);
      draw_results(state, r, batch, m, false);
      ImGui::EndChild();
      ImGui::SameLine();
      ImGui::BeginChild("##chain_below_right", ImVec2(0, h), false);
      m.update_h = measured([&] { DrawUpdate(*r, state.data(), !m.roomy); });
      if (!loss_beside && !loss_by_jacobian) draw_loss(*r);
      ImGui::EndChild();
    } else {
      draw_results(state, r, batch, m);
      if (r != nullptr && !loss_beside && !loss_by_jacobian) draw_loss(*r);
    }
  }
  if (roomy && has_update) m.update_full_h = m.update_h;
  if (!row_hovered && ImGui::IsWindowHovered(ImGuiHoveredFlags_RootAndChildWindows)) state.hovered_sample = -1;
  ImGui::End();
}

}  // namespace ll::app
