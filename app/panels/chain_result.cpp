// What a step does with its chains, as the slides write it: the gradient in matrix form with its
// numbers, one update line per parameter, and the loss before → after.
#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "ll/number_format.h"
#include "run/step_cells.h"
#include "run/step_output.h"
#include "ll/formulas.h"
#include "panels/chain_parts.h"
#include "panels/widgets.h"

namespace ll::app::chain {
namespace {

// The column of ∂L/∂z over the batch, "[0.6857, 0.6964, −0.1839, −0.1171]", its middle left out
// ("[0.6857, 0.6964, …, −0.1171]") until it fits in `max_w`.
std::string dL_dz_column(const ChainBatch& b, float max_w) {
  const std::size_t m = b.size();
  // The column's style over the rows that can be shown (the first 8 and the last).
  std::vector<double> shown_values;
  for (std::size_t r = 0; r < m; r = (r + 1 == 8 && m > 9) ? m - 1 : r + 1) {
    const SampleChain c = b.chain(r);
    if (c.defined) shown_values.push_back(c.dL_dz[0]);
  }
  const NumberStyle style = style_for(shown_values);
  auto value = [&b, &style](std::size_t row) {
    const SampleChain c = b.chain(row);
    return c.defined ? format_in(c.dL_dz[0], style) : std::string("—");
  };
  for (std::size_t shown = std::min<std::size_t>(m, 8);; --shown) {
    std::string s = "[";
    if (shown >= m) {
      for (std::size_t r = 0; r < m; ++r) s += (r ? ", " : "") + value(r);
    } else {
      for (std::size_t r = 0; r + 1 < shown; ++r) s += value(r) + ", ";
      s += "…, " + value(m - 1);
    }
    s += "]ᵀ";
    if (shown <= 2 || ImGui::CalcTextSize(s.c_str()).x <= max_w) return s;
  }
}

// θ-shaped numbers as a grid: one row per class, one column per parameter (softmax); wide data
// shows the first rows and columns, then "+k".
void params_grid(const char* id, const Params& p, const Dataset& data) {
  ImGui::PushFont(MonoFont());
  const NumberStyle style = style_for(p.values);   // one style for the whole matrix
  const float cell_w = WidestNumber(p.values, style);
  const std::size_t rows = ShownEntries(p.rows), cols = ShownEntries(p.cols);
  const bool more_rows = rows < p.rows, more_cols = cols < p.cols;
  // Class names when they fit, else the class numbers alone.
  float names_w = 0.0f;
  for (std::size_t r = 0; r < rows && r < data.classes(); ++r)
    names_w = std::max(names_w, ImGui::CalcTextSize(("0 " + data.class_names[r]).c_str()).x);
  const float pad = 0.3f * ImGui::GetFontSize() + 1.0f;
  const bool names = names_w + static_cast<float>(cols) * (cell_w + pad) + pad <= ImGui::GetContentRegionAvail().x;
  const auto right_aligned = [cell_w](const std::string& text) {
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + cell_w - ImGui::CalcTextSize(text.c_str()).x);
    ImGui::TextUnformatted(text.c_str());
  };
  // A sixth of a font size each side of a number: the numbers of neighbouring cells do not touch.
  ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, ImVec2(0.15f * ImGui::GetFontSize(), ImGui::GetStyle().CellPadding.y));
  const bool open = ImGui::BeginTable(id, static_cast<int>(cols + (more_cols ? 2 : 1)),
                                      ImGuiTableFlags_Borders | ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_NoHostExtendX);
  ImGui::PopStyleVar();
  if (open) {
    ImGui::TableSetupColumn("##class");
    for (std::size_t c = 0; c < cols; ++c) ImGui::TableSetupColumn("##p", ImGuiTableColumnFlags_WidthFixed, cell_w);
    if (more_cols) ImGui::TableSetupColumn("##more");
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    for (std::size_t c = 0; c < cols; ++c) {
      ImGui::TableSetColumnIndex(static_cast<int>(c) + 1);
      right_aligned(c == 0 ? "b" : "w" + std::to_string(c));
    }
    if (more_cols) {
      ImGui::TableSetColumnIndex(static_cast<int>(cols) + 1);
      ImGui::TextUnformatted(MoreEntries(p.cols, cols).c_str());
    }
    for (std::size_t r = 0; r < rows; ++r) {
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      ImGui::Text("%zu %s", r, names && r < data.classes() ? data.class_names[r].c_str() : "");
      for (std::size_t c = 0; c < cols; ++c) {
        ImGui::TableSetColumnIndex(static_cast<int>(c) + 1);
        right_aligned(format_in(p.at(r, c), style));
      }
    }
    if (more_rows) {
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      ImGui::TextUnformatted((MoreEntries(p.rows, rows) + " classes").c_str());
    }
    ImGui::EndTable();
  }
  ImGui::PopFont();
}

// A continuation line of an equation: starts under the first line's "=", and wraps at spaces
// (never inside a number) where the column is too narrow, each line under the "=".
void continued(float equals_x, const std::string& text) {
  const float width = ImGui::GetContentRegionAvail().x + ImGui::GetCursorPosX() - equals_x;
  for (const std::string& line : LinesAtSpaces(text, width)) {
    ImGui::SetCursorPosX(equals_x);
    ImGui::TextUnformatted(line.c_str());
  }
}

}  // namespace

void DrawGradient(const StepRecord& r, const ChainBatch& b) {
  const Settings& s = b.settings;
  const Formulas f = formulas(s);
  const bool mean = s.reduction == Reduction::Mean;
  const bool penalty = s.l2 != 0.0 && !r.penalty_gradient.values.empty();
  std::string help = mean ? "The batch gradient is the mean of the samples' gradients ∂L/∂z · x. With the batch's "
                            "x as the rows of X, that mean is 1/m Xᵀ times the column of ∂L/∂z (the table's "
                            "last column)."
                          : "The batch gradient is the sum of the samples' gradients ∂L/∂z · x (the loss is "
                            "summed over the batch, not averaged): Xᵀ times the column of ∂L/∂z (the table's "
                            "last column).";
  if (penalty) help += "\n\nL2: the penalty (λ/2)‖w‖² adds λw, λ = " + format_number(s.l2) + "; " + f.penalty.substr(f.penalty.find("(") + 1);
  SectionHeader("Gradient", help.c_str());
  const std::string m = std::to_string(b.size());
  const std::string plus_penalty = penalty ? " " + f.penalty.substr(0, f.penalty.find("  ")) : "";
  const float x0 = ImGui::GetCursorPosX();
  const std::size_t eq = f.gradient.find(" = ");
  const float equals_x = x0 + ImGui::CalcTextSize(f.gradient.substr(0, eq + 1).c_str()).x;
  TextWrappedAtSpaces(f.gradient);
  if (!b.softmax()) {
    // ∂L/∂z already holds the 2 of MSE and the factors that did not cancel: said in one line.
    if (!(s.activation == Activation::Sigmoid && s.loss == Loss::BCE))
      continued(equals_x, std::string(mean ? "= 1/m Xᵀ · ∂L/∂z" : "= Xᵀ · ∂L/∂z") + plus_penalty +
                              "   (∂L/∂z: the table's last column)");
    const std::string head = mean ? "= 1/" + m + " · Xᵀ · " : "= Xᵀ · ";
    const float room = ImGui::GetContentRegionAvail().x - (equals_x - x0) -
                       ImGui::CalcTextSize((head + plus_penalty).c_str()).x;
    continued(equals_x, head + dL_dz_column(b, room) + plus_penalty);
    if (penalty)  // the data term and the penalty's, then their sum
      continued(equals_x, "= " + format_params(r.data_gradient, kMostTableEntries) + " + " +
                              format_params(r.penalty_gradient, kMostTableEntries));
    continued(equals_x, "= " + format_params(r.gradient, kMostTableEntries));
    return;
  }
  continued(equals_x, (mean ? "= 1/" + m + " · (∂L/∂Z)ᵀ · X" : std::string("= (∂L/∂Z)ᵀ · X")) + plus_penalty + " =");
  params_grid("##gradient", r.gradient, *b.data);  // not indented: the grid needs the width
}

void DrawUpdate(const StepRecord& r, const Dataset& data, bool as_matrix) {
  const Settings& s = r.settings;
  const bool momentum = s.momentum != 0.0;
  const bool taken = r.status == StepStatus::Ok;
  // The rates beside the rule when they fit (the window's first line has them too).
  const bool softmax = r.theta_before.rows > 1;   // Θ: one row per class
  std::string velocity = formulas(s).velocity;     // "v = β·v + ∂L/∂θ" → "v ← β·v + ∂L/∂θ"
  velocity.replace(velocity.find(" = "), 3, " ← ");
  const std::string rule = momentum  ? "Update  " + velocity + (softmax ? ",  Θ ← Θ − η·V" : ",  θ ← θ − η·v")
                           : softmax ? "Update  Θ ← Θ − η·∂L/∂Θ"
                                     : "Update  θ ← θ − η·∂L/∂θ";
  const std::string rates = "η = " + format_number(s.learning_rate) + (momentum ? ", β = " + format_number(s.momentum) : "");
  const std::string title = rule + ",  " + rates;
  const float room = ImGui::GetContentRegionAvail().x - ImGui::CalcTextSize(" (?)").x;
  const bool fits = ImGui::CalcTextSize(title.c_str()).x <= room;
  SectionHeader(fits ? title.c_str() : rule.c_str(),
                momentum ? s.momentum_form == MomentumForm::Ema
                               ? "Momentum (the moving-average form): v is an exponentially weighted average "
                                 "of past gradients, the newest weighted 1 − β, each older one by one more "
                                 "factor β, and θ moves a step of size η along v."
                               : "Momentum: v keeps a running sum of past gradients, each older one weighted "
                                 "by one more factor β, and θ moves a step of size η along v. With β = 0 this "
                                 "is plain gradient descent."
                         : "Gradient descent moves each parameter a step of size η against its "
                           "gradient: downhill on the loss.");
  if (!taken) ImGui::TextColored(WarningColor(), "what the update would be: not taken");
  const std::vector<UpdateLine> lines = update_lines(r);
  if (as_matrix && r.theta_after.rows > 1) {
    // Softmax short of room: Θ after as a grid beside the gradient's (one line per entry, K·(d+1)
    // of them, on hover), so that Θ − η·∂L/∂Θ is checked entry by entry from the two grids.
    ImGui::TextUnformatted("Θ after =");
    params_grid("##theta_after", r.theta_after, data);
    if (ImGui::IsItemHovered()) {
      ImGui::BeginTooltip();
      for (std::size_t k = 0; k < ShownEntries(lines.size()); ++k)
        ImGui::Text("%s %s", lines[k].name.c_str(), lines[k].text().c_str());
      if (ShownEntries(lines.size()) < lines.size()) ImGui::TextUnformatted(MoreEntries(lines.size(), ShownEntries(lines.size())).c_str());
      ImGui::EndTooltip();
    }
    return;
  }
  const std::size_t n = ShownEntries(lines.size());   // wide data: the first parameters, then "+k"
  std::vector<std::string> names(n), updates(n), velocities(momentum ? n : 0);
  float widths[3] = {0, 0, 0};
  for (std::size_t k = 0; k < n; ++k) {
    names[k] = lines[k].name;
    updates[k] = lines[k].text();
    if (momentum) {
      velocities[k] = lines[k].velocity;
      widths[2] = std::max(widths[2], ImGui::CalcTextSize(velocities[k].c_str()).x);
    }
    widths[0] = std::max(widths[0], ImGui::CalcTextSize(names[k].c_str()).x);
    widths[1] = std::max(widths[1], ImGui::CalcTextSize(updates[k].c_str()).x);
  }
  // Wider gaps than the style's: the v column must not read as part of the update line. When it
  // does not fit beside the update, v's line goes under it.
  const float pad = 0.5f * ImGui::GetFontSize();
  const bool v_beside = momentum && widths[0] + widths[1] + widths[2] + 6.0f * pad <= ImGui::GetContentRegionAvail().x;
  ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, ImVec2(pad, ImGui::GetStyle().CellPadding.y));
  const bool open = ImGui::BeginTable("##update", v_beside ? 3 : 2, ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_NoHostExtendX);
  ImGui::PopStyleVar();
  if (!open) return;
  for (std::size_t k = 0; k < n; ++k) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(names[k].c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(updates[k].c_str());
    if (!momentum) continue;
    if (v_beside) ImGui::TableNextColumn();
    ImGui::TextDisabled("%s", velocities[k].c_str());
  }
  if (n < lines.size()) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(MoreEntries(lines.size(), n).c_str());
    ImGui::TableNextColumn();
    ImGui::TextDisabled("more parameters: trace and the exports list every one");
  }
  ImGui::EndTable();
}

void DrawLoss(const StepRecord& r, const Dataset& data, bool compact) {
  SectionHeader("Loss", "The batch loss is what this step's gradient goes down: the mean of L over "
                        "the batch at θ before the step. The mean loss over the whole data set, "
                        "before → after, says whether the step helped everyone; with a large η or a "
                        "small batch it can go up.");
  if (compact) ImGui::SameLine(0.0f, ImGui::GetFontSize());   // on the heading's line
  const Settings& s = r.settings;
  const std::string reduced = s.reduction == Reduction::Sum ? "summed" : "mean";
  const bool penalty = s.l2 != 0.0;
  if (r.status != StepStatus::Refused) {
    const std::string value = penalty ? format_number(r.batch_data_loss) + " + " + format_number(r.penalty_before) +
                                            " = " + format_number(r.batch_loss)
                                      : format_number(r.batch_loss);
    TextWrappedAtSpaces((compact ? "batch " : "batch loss ") + value + (compact ? " (" + reduced + " L" : "   (" + reduced + " L of the batch") +
                        (penalty ? " + penalty" : "") + ", m = " + format_count(r.batch.size()) + ")");
  }
  const std::string before = r.loss_before ? format_number(*r.loss_before) : "undefined";
  const std::string after = r.loss_after ? format_number(*r.loss_after) : "undefined";
  TextWrappedAtSpaces((compact ? "all " : reduced + " loss over all ") + format_count(data.rows()) + " samples" +
                      (penalty ? " + penalty" : ""));
  // The change, to its significant digits (format_change): the difference of the rounded numbers
  // can differ from the rounded difference in the last digit, and students subtract what they see.
  const bool both = r.loss_before && r.loss_after && r.status == StepStatus::Ok;
  std::string change = both ? "  (Δ " + format_change(*r.loss_before, *r.loss_after) + ")" : "";
  // The numbers beside the words if they fit, else under them; the change beside the numbers if
  // it fits there, else left out (it is after − before).
  const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  // (As drawn: "0.6693 →", a gap, "0.6679"; the gap before them when beside the words.)
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const float numbers_w =
      gap + ImGui::CalcTextSize((before + " →").c_str()).x + gap + ImGui::CalcTextSize(after.c_str()).x;
  const float change_w = ImGui::CalcTextSize(change.c_str()).x;
  const bool beside = ImGui::GetItemRectMax().x + numbers_w + change_w <= right ||
                      (compact && ImGui::GetItemRectMax().x + numbers_w <= right);
  const float start = beside ? ImGui::GetItemRectMax().x : ImGui::GetCursorScreenPos().x;
  if (start + numbers_w + change_w > right) change.clear();
  if (beside) ImGui::SameLine();
  if (r.status == StepStatus::Refused) {
    ImGui::Text("%s   (the step was not taken)", before.c_str());
  } else if (r.status == StepStatus::Diverged) {
    ImGui::TextColored(WarningColor(), "%s → %s (would be)", before.c_str(),
                       r.loss_after ? after.c_str() : "not finite");
  } else if (both) {
    const bool down = *r.loss_after <= *r.loss_before;
    ImGui::Text("%s →", before.c_str());
    ImGui::SameLine();
    ImGui::TextColored(down ? GoodColor() : WarningColor(), "%s%s", after.c_str(), change.c_str());
  } else {
    ImGui::Text("%s → %s", before.c_str(), after.c_str());
  }
}

// A refused or diverged step: what happened, in plain words, in a box that stands out.
void DrawFailure(const StepRecord& r) {
  const bool refused = r.status == StepStatus::Refused;
  const ImVec4 color = refused ? ErrorColor() : WarningColor();
  ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(color.x, color.y, color.z, 0.12f));
  ImGui::PushStyleColor(ImGuiCol_Border, color);
  const float wrap_w = ImGui::GetContentRegionAvail().x - 2.0f * ImGui::GetStyle().WindowPadding.x;
  const char* word = refused ? "Refused" : "Diverged";  // unless the message starts with it
  const std::string text = r.message.rfind(word, 0) == 0 ? r.message : std::string(word) + ": " + r.message;
  const float h = static_cast<float>(LinesAtSpaces(text, wrap_w).size()) * ImGui::GetTextLineHeightWithSpacing() +
                  2.0f * ImGui::GetStyle().WindowPadding.y + 2.0f;
  ImGui::BeginChild("##failure", ImVec2(0, h), true, ImGuiWindowFlags_NoScrollbar);
  ImGui::PushStyleColor(ImGuiCol_Text, color);
  TextWrappedAtSpaces(text);
  ImGui::PopStyleColor();
  ImGui::EndChild();
  ImGui::PopStyleColor(2);
}

}  // namespace ll::app::chain
