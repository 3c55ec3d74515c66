#pragma once
// The derivative chain window in parts. chain_panel.cpp lays the window out (the step, the
// formulas [chain_formulas.cpp], the gradient, the update, the loss); chain_table.cpp draws the table of samples and
// the softmax Jacobian. Both read a ChainBatch: one batch at θ, with the chains the record kept or,
// for batches too big to keep, each row's chain computed when it is drawn.
#include <imgui.h>

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "model/app_state.h"
#include "run/step_cells.h"

namespace ll::app {
struct ChainMeasure;  // panels/panel_caches.h
}

namespace ll::app::chain {

struct ChainBatch {
  const Dataset* data = nullptr;
  const std::vector<std::size_t>* batch = nullptr;  // 0-based samples, in the step's order
  const std::vector<SampleChain>* kept = nullptr;   // the record's chains; empty: compute them
  Params theta;                                      // θ before the step
  Settings settings;                                 // the step's (its loss, activation, conventions)
  bool may_be_undefined = false;                     // tanh + BCE: ŷ ≤ 0 leaves L undefined

  std::size_t size() const { return batch->size(); }
  bool softmax() const { return settings.activation == Activation::Softmax; }
  // The chain of the row-th sample of the batch (kept, or ll::sample_chain at θ).
  SampleChain chain(std::size_t row) const;
  // The row showing sample `index` (0-based), or −1 if it is not in the batch.
  int row_of(int index) const;
};

// One column of the sample table. Numbers are aligned on their decimal point: `int_w` is the
// widest part before the point, `frac_w` the widest from the point on (pixels, mono font).
struct Column {
  enum class Kind { Index, X, MoreX, Y, Class, Z, YHat, Loss, DLDYhat, DYhatDz, DLDz, Note };  // MoreX: "+k" features
  Kind kind = Kind::Index;
  std::size_t feature = 0;  // Kind::X: 0 is the bias input x₀ = 1
  std::string header, help;
  float int_w = 0, frac_w = 0, width = 0;
};

// Which columns a sample table has: all of them, or (a table too wide for the panel, in pages) the
// forward pass (i, x, y, z, ŷ, L) or the backward one (i, ∂L/∂ŷ, ∂ŷ/∂z, ∂L/∂z); narrower still,
// the forward pass as its inputs (i, x) and its outputs (i, y, z, ŷ, L).
enum class TableColumns { All, Forward, Backward, Inputs, Outputs };

// The columns of a sample table, and the ImGui id of each kind of table (chain_columns.cpp).
std::vector<Column> SampleColumns(const ChainBatch& batch, TableColumns which);
const char* SampleTableId(TableColumns which);
// "₁₂" for 12: the digits as subscripts.
std::string subscript(std::size_t n);

class SampleTable {
 public:
  // Measures the columns from the rows: all of them up to a few hundred, else the first and last
  // rows plus room for wider numbers.
  explicit SampleTable(const ChainBatch& batch, TableColumns which = TableColumns::All);

  // Natural width, padding and borders included, and the scrollbar if `height` needs one.
  float width(float height) const;
  float row_height() const { return row_h_; }  // one sample's row (K lines for softmax)
  float header_height() const { return header_h_; }
  // Draws the table in `height` (it scrolls inside beyond that): one row per sample, the hovered
  // sample's row highlighted; hovering a row sets state.hovered_sample. True if a row is hovered.
  bool draw(AppState& state, float height) const;

 private:
  std::vector<std::string> cell(const SampleChain& c, const Column& col) const;
  void draw_cell(const std::vector<std::string>& lines, const Column& col, ImU32 color) const;

  const ChainBatch& batch_;
  const char* id_;         // the ImGui table's id, one per TableColumns
  ChainStyles styles_;     // each column's number style, from the rows measured
  std::vector<Column> columns_;
  std::size_t lines_ = 1;  // text lines per row: K for softmax
  float width_ = 0, row_h_ = 0, header_h_ = 0;
};

// Softmax: ∂ŷ/∂z is a K×K matrix per sample, too big for a cell: shown for the hovered sample (or
// the batch's first) under the table. The height it needs, and the drawing.
float JacobianHeight(const ChainBatch& batch);
void DrawJacobian(const AppState& state, const ChainBatch& batch);

// ---- The formulas above the table (chain_formulas.cpp) ------------------------------------

// How many of the formula rows show: all of them with room; short of room the two that the
// table's columns compute; shorter still the simplified one alone (the factors on its "(?)").
enum class FormulaRows { All, FactorsAndSimplified, Simplified };
void DrawFormulas(const Settings& settings, FormulaRows rows);

// ---- In pages, when nothing else fits (chain_pages.cpp) ------------------------------------

// The step's parts, as many to a page as fit below a "page 1 of 3" line; state.chain_page is the
// page shown. True if a table row is hovered.
// `draw_head` draws what goes above the table (the first page's first part).
bool DrawChainPages(AppState& state, const StepRecord* record, const ChainBatch& batch, ChainMeasure& measure,
                    const std::function<void()>& draw_head);

// ---- What the step did with the chains (chain_result.cpp) --------------------------------

// ∂L/∂θ in matrix form with its numbers: 1/m Xᵀ(ŷ − y) = 1/4 · Xᵀ · [0.6857, …]ᵀ = [0.2702, …].
void DrawGradient(const StepRecord& record, const ChainBatch& batch);
// One line per parameter: "w1 = 0.5 − η·0.2431 = 0.4976" (with momentum, v's line first);
// `as_matrix` (softmax, short of room): Θ after as a grid, the lines on hover.
void DrawUpdate(const StepRecord& record, const Dataset& data, bool as_matrix = false);
// The batch loss, and the mean loss over the data set before → after.
// `compact` (short of room): the batch loss and the data set's before → after in a line each.
void DrawLoss(const StepRecord& record, const Dataset& data, bool compact = false);

// A refused or diverged step: what happened, in plain words, in a box that stands out.
void DrawFailure(const StepRecord& record);

// ---- Two runs (chain_compare.cpp) ----------------------------------------------------------

// With a second run: "○ run a ○ run b ○ a − b" and `label`, what b changes. Nothing with one run.
void DrawRunSwitch(AppState& state, const std::string& label);
// The a − b table of the step's numbers, in place of the chain (state.chain_shows).
void DrawChainDifferences(AppState& state, ChainMeasure& measure);

// ---- Shared look ---------------------------------------------------------------------------

ImFont* MonoFont();                 // DejaVu Sans Mono if loaded, else the default font
ImVec4 ErrorColor();                // a refused step, undefined values
ImVec4 WarningColor();              // diverged, loss went up
ImVec4 GoodColor();                 // loss went down
ImVec4 MutedColor();                // notes
void SectionHeader(const char* title, const char* help = nullptr);
// The widest of these numbers as they are drawn, in `style` (one style for a grid of them), in
// the current font (at least as wide as "−0.0000").
float WidestNumber(const std::vector<double>& values, const NumberStyle& style);

// The least and the greatest value of a feature column (kept for the columns last asked).
std::pair<double, double> column_range(const std::vector<double>& values);

}  // namespace ll::app::chain
