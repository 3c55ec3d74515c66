// The derivative chain with two runs (model/compare_run.h): a switch between run a's step, run
// b's and a table of their differences, a − b: per sample of the batch ŷ and ∂L/∂z, then the
// gradient, θ after and the mean loss after. The same start and the same batch make each
// difference the effect of what b changed alone.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "ll/number_format.h"
#include "model/compare_run.h"
#include "panels/accents.h"
#include "panels/chain_parts.h"
#include "panels/panel_caches.h"
#include "panels/widgets.h"

namespace ll::app {
namespace {
using namespace chain;

// a − b entry by entry: one number, or [·, ·, ·] for a vector (softmax's K values, θ's entries).
std::string difference_text(const std::vector<double>& a, const std::vector<double>& b) {
  std::vector<double> d(a.size());
  for (std::size_t k = 0; k < a.size(); ++k) d[k] = a[k] - b[k];
  return d.size() == 1 ? format_number(d[0]) : format_vector(d);
}

void muted(const std::string& text) {
  ImGui::PushStyleColor(ImGuiCol_Text, MutedColor());
  TextWrappedAtSpaces(text);
  ImGui::PopStyleColor();
}

// Why there is no table to show (the step, the runs), or "" when there is.
std::string why_no_differences(const AppState& s, const StepRecord* a, const StepRecord* b) {
  if (a == nullptr) return "Step 0: both runs start from θ₀ = " + format_params(s.theta0()) + ". Step to see how they part.";
  if (const std::string stop = second_run_stop_note(s); !stop.empty()) return "No differences to show: " + stop + ".";
  if (b == nullptr) return "Run b has not taken this step.";
  if (a->status != StepStatus::Ok) return "Run a's step " + std::to_string(a->step) + " failed: " + a->message;
  if (b->status != StepStatus::Ok) return "Run b's step " + std::to_string(b->step) + " failed: " + b->message;
  if (a->theta_after.values.size() != b->theta_after.values.size()) return "θ has another shape in run b: no entry-by-entry differences.";
  return "";
}

// The table: a row per sample in both batches (up to `most_rows`), its number, Δŷ, Δ∂L/∂z.
// Returns how many rows it left out.
std::size_t sample_rows(const StepRecord& a, const StepRecord& b, std::size_t most_rows) {
  std::size_t common = 0, shown = 0;
  double largest_yhat = 0.0, largest_dz = 0.0;
  if (!ImGui::BeginTable("##differences", 3, ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingFixedFit)) return 0;
  ImGui::TableSetupColumn("sample");
  ImGui::TableSetupColumn("Δŷ = ŷa − ŷb");
  ImGui::TableSetupColumn("Δ∂L/∂z");
  ImGui::TableHeadersRow();
  for (std::size_t ra = 0; ra < a.samples.size(); ++ra) {
    const SampleChain& ca = a.samples[ra];
    const auto it = std::find_if(b.samples.begin(), b.samples.end(), [&](const SampleChain& c) { return c.index == ca.index; });
    if (it == b.samples.end()) continue;
    ++common;
    for (std::size_t k = 0; k < ca.y_hat.size(); ++k) {
      largest_yhat = std::max(largest_yhat, std::fabs(ca.y_hat[k] - it->y_hat[k]));
      largest_dz = std::max(largest_dz, std::fabs(ca.dL_dz[k] - it->dL_dz[k]));
    }
    if (shown == most_rows) continue;
    ++shown;
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::Text("%zu", ca.index + 1);
    ImGui::PushFont(MonoFont());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(difference_text(ca.y_hat, it->y_hat).c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(difference_text(ca.dL_dz, it->dL_dz).c_str());
    ImGui::PopFont();
  }
  ImGui::EndTable();
  if (common == 0 && !a.samples.empty()) muted("The runs' batches have no sample in common.");
  if (shown < common)
    muted("Samples: " + std::to_string(shown) + " of the " + format_count(common) + " in both batches shown; the largest |Δŷ| " +
          format_number(largest_yhat) + ", |Δ∂L/∂z| " + format_number(largest_dz) + ".");
  return common - shown;
}

}  // namespace

namespace chain {

void DrawRunSwitch(AppState& s, const std::string& label) {
  if (!s.second) return;
  using Shows = AppState::ChainShows;
  const char* names[] = {"run a", "run b", "a − b"};
  if (CleanRender()) {   // a picture for a slide: what it shows, no buttons
    ImGui::TextUnformatted(names[static_cast<int>(s.chain_shows)]);
  } else {
    for (int k = 0; k < 3; ++k) {
      if (k > 0) ImGui::SameLine();
      if (ImGui::RadioButton(names[k], s.chain_shows == static_cast<Shows>(k))) s.chain_shows = static_cast<Shows>(k);
    }
  }
  ImGui::SameLine();
  ImGui::PushStyleColor(ImGuiCol_Text, CurrentAccents().second_run);
  TextWrappedAtSpaces("run b: " + label);
  ImGui::PopStyleColor();
}

void DrawChainDifferences(AppState& s, ChainMeasure& m) {
  const float top = ImGui::GetCursorPosY();
  DrawRunSwitch(s, second_run_label(s));
  ImGui::Separator();
  const StepRecord* a = shown_record(s);
  const StepRecord* b = second_shown_record(s);
  float left_out_h = 0.0f;   // the rows the panel had no room for (the layout is asked for them)
  if (const std::string why = why_no_differences(s, a, b); !why.empty()) {
    TextWrappedAtSpaces(why);
  } else {
    TextWrappedAtSpaces("Step " + std::to_string(a->step) + ": run a − run b, from the same θ₀" + (a->batch == b->batch ? ", with the same batch" : ""));
    if (a->batch != b->batch) muted("The batches differ (run b's mode or size): rows for the samples in both.");
    if (a->samples.empty() || b->samples.empty()) {
      muted("The batch is too big to keep its samples' chains: the sums below.");
    } else {
      // The rows that fit under the table's header and above the lines below it (the four
      // differences, the note on the losses, the note on rows left out).
      const float line = ImGui::GetTextLineHeightWithSpacing(), row = line + 2.0f;
      const float below = (a->settings.loss != b->settings.loss ? 6.0f : 5.0f) * line;
      const float room = ImGui::GetWindowHeight() - ImGui::GetCursorPosY() - below - row;
      const std::size_t fit = static_cast<std::size_t>(std::max(1.0f, std::floor(room / row)));
      // All of them when they fit without the note on rows left out.
      const std::size_t left_out = sample_rows(*a, *b, fit + 1 == a->samples.size() ? fit + 1 : fit);
      if (left_out > 0) left_out_h = static_cast<float>(left_out) * row - line;
    }
    ImGui::PushFont(MonoFont());
    TextWrappedAtSpaces("Δθ before = " + difference_text(a->theta_before.values, b->theta_before.values));
    TextWrappedAtSpaces("Δ∂J/∂θ    = " + difference_text(a->gradient.values, b->gradient.values));
    TextWrappedAtSpaces("Δθ after  = " + difference_text(a->theta_after.values, b->theta_after.values));
    const double ja = a->loss_after.value_or(NAN), jb = b->loss_after.value_or(NAN);
    TextWrappedAtSpaces("ΔJ after  = " + (std::isfinite(ja) && std::isfinite(jb) ? format_number(ja - jb) : std::string("undefined")));
    ImGui::PopFont();
    if (b->settings.loss != a->settings.loss) muted("(J is each run's own loss: a's and b's J measure different things.)");
  }
  // The layout is asked for what this took.
  const float h = ImGui::GetCursorPosY() - top + left_out_h + 2.0f * ImGui::GetStyle().WindowPadding.y;
  m.needed_h = m.needed_short_h = h;
  m.paged = false;
}

}  // namespace chain
}  // namespace ll::app
