#include "model/export_actions.h"

#include "run/step_export.h"
#include "model/screenshot_names.h"
#include "model/user_settings.h"
#include "io/atomic_file.h"

namespace ll::app {
namespace {

const char* extension(ExportKind kind) {
  switch (kind) {
    case ExportKind::Markdown: return ".md";
    case ExportKind::Latex:
    case ExportKind::WorksheetLatex:
    case ExportKind::AnswerKeyLatex: return ".tex";
    case ExportKind::WorksheetMarkdown:
    case ExportKind::AnswerKeyMarkdown: return ".md";
    case ExportKind::HistoryCsv: return ".csv";
  }
  return ".txt";
}

// The step's text in `kind`'s form.
std::string step_text(const AppState& s, const StepRecord& r, ExportKind kind) {
  const bool answers = kind == ExportKind::AnswerKeyMarkdown || kind == ExportKind::AnswerKeyLatex;
  const bool latex = kind == ExportKind::WorksheetLatex || kind == ExportKind::AnswerKeyLatex;
  switch (kind) {
    case ExportKind::Markdown: return step_markdown(r, s.data());
    case ExportKind::Latex: return step_latex(r, s.data());
    default: return worksheet(r, s.data(), s.practice.level, answers, latex);
  }
}

// The file name's tail: "history", "worksheet", "answer-key", or none.
const char* name_tail(ExportKind kind) {
  switch (kind) {
    case ExportKind::HistoryCsv: return "history";
    case ExportKind::WorksheetMarkdown:
    case ExportKind::WorksheetLatex: return "worksheet";
    case ExportKind::AnswerKeyMarkdown:
    case ExportKind::AnswerKeyLatex: return "answer-key";
    default: return "";
  }
}

}  // namespace

std::string output_folder(const AppState& s) {
  return s.screenshot_folder.empty() ? default_screenshot_folder(Environment::from_process()) : s.screenshot_folder;
}

std::string export_text(const AppState& s, ExportKind kind, std::string* why) {
  if (kind == ExportKind::HistoryCsv) return history_csv(*s.trainer, s.test_data.get());
  // A refused or diverged step exports as what it is: which sample broke it, and why.
  if (shown_record(s) && shown_record(s)->status != StepStatus::Ok)
    return step_text(s, *shown_record(s), kind);
  const std::size_t step = s.trainer->current_step();
  if (step == 0) {
    if (why != nullptr) *why = "No step to export yet: take a step first (Space).";
    return "";
  }
  // The record with its samples, recomputed from the kept θ (identical to the step's own).
  const StepRecord record = s.trainer->record(step, true);
  return step_text(s, record, kind);
}

std::string export_to_file(const AppState& s, ExportKind kind, const std::string& folder, std::string* error) {
  const std::string text = export_text(s, kind, error);
  if (text.empty()) return "";
  if (!io::make_folders(folder, error)) return "";
  const Settings& settings = s.trainer->settings();
  std::string name = screenshot_name(s.data().name, std::string(ll::name(settings.loss)),
                                     std::string(ll::name(settings.activation)), std::string(ll::name(settings.mode)),
                                     s.trainer->current_step(), name_tail(kind), 1);
  name = name.substr(0, name.size() - 4) + extension(kind);  // screenshot_name ends in ".png"
  const std::string path = unique_path(folder, name);
  if (path.empty()) {
    if (error != nullptr) *error = "too many files named like " + name + " in " + folder;
    return "";
  }
  if (!io::write_file_atomically(path, text, error)) return "";
  return path;
}

}  // namespace ll::app
