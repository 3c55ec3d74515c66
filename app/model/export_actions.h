#pragma once
// The window's exports of the current step (Markdown, LaTeX) and of the whole history (CSV):
// the text for the clipboard, or a file in the screenshot folder named like the PNGs
// (iris4_bce_sigmoid_batch_step001.md), written atomically. No ImGui here.
#include <string>

#include "model/app_state.h"

namespace ll::app {

// The worksheet kinds: the current step as a worksheet or its answer key (run/step_export.h:
// worksheet) at the practice level (model/practice.h), in Markdown or LaTeX.
enum class ExportKind { Markdown, Latex, HistoryCsv, WorksheetMarkdown, WorksheetLatex, AnswerKeyMarkdown, AnswerKeyLatex };

// The text of the export; "" with a reason in *why when there is nothing to export (no step yet
// for Markdown and LaTeX).
std::string export_text(const AppState& state, ExportKind kind, std::string* why);

// Writes the export into `folder` (made if missing); returns the path, or "" with the reason in
// *error. Says nothing in the status: the caller does.
std::string export_to_file(const AppState& state, ExportKind kind, const std::string& folder, std::string* error);

// The folder PNGs and exports go to: the one chosen, else the XDG pictures folder/logistic-lab.
std::string output_folder(const AppState& state);

}  // namespace ll::app
