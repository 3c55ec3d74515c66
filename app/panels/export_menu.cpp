// File ▸ Export: the current step as Markdown or LaTeX, as a worksheet or its answer key (at the
// practice level, Practice ▸ Level), the whole history as CSV, to the
// clipboard or to a file beside the PNGs. The status line says what was copied or where it went.
#include <imgui.h>

#include <string>

#include "model/export_actions.h"
#include "panels/panels.h"

namespace ll::app {
namespace {

void say(AppState& s, const std::string& text, bool error) {
  s.status = text;
  s.status_is_error = error;
}

void to_clipboard(AppState& s, ExportKind kind, const char* what) {
  std::string why;
  const std::string text = export_text(s, kind, &why);
  if (text.empty()) return say(s, why, true);
  ImGui::SetClipboardText(text.c_str());
  say(s, std::string("Copied ") + what + " to the clipboard (" + std::to_string(text.size()) + " characters).", false);
}

void to_file(AppState& s, ExportKind kind, const char* what) {
  std::string error;
  const std::string path = export_to_file(s, kind, output_folder(s), &error);
  if (path.empty()) return say(s, std::string("Not exported: ") + error, true);
  say(s, std::string("Saved ") + what + ": " + path, false);
}

}  // namespace

void ExportMenuItems(AppState& s) {
  const bool has_step = s.trainer->current_step() > 0 || shown_record(s) != nullptr;
  struct Entry {
    ExportKind kind;
    const char* label;
    const char* what;
    bool enabled;
  };
  const Entry entries[] = {
      {ExportKind::Markdown, "Step as Markdown table", "the step as Markdown", has_step},
      {ExportKind::Latex, "Step as LaTeX (align)", "the step as LaTeX", has_step},
      {ExportKind::HistoryCsv, "History as CSV", "the history as CSV", true},
      {ExportKind::WorksheetMarkdown, "Worksheet (Markdown)", "the step as a worksheet", has_step},
      {ExportKind::WorksheetLatex, "Worksheet (LaTeX)", "the step as a worksheet in LaTeX", has_step},
      {ExportKind::AnswerKeyMarkdown, "Answer key (Markdown)", "the worksheet's answer key", has_step},
      {ExportKind::AnswerKeyLatex, "Answer key (LaTeX)", "the answer key in LaTeX", has_step},
  };
  for (const Entry& e : entries) {
    if (!ImGui::BeginMenu(e.label, e.enabled)) continue;
    if (ImGui::MenuItem("Copy to the clipboard")) to_clipboard(s, e.kind, e.what);
    if (ImGui::MenuItem("Save to a file")) to_file(s, e.kind, e.what);
    ImGui::EndMenu();
  }
}

}  // namespace ll::app
