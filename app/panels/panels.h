#pragma once
// One function per panel, each its own ImGui window (imgui_demo.cpp's ShowXxxWindow shape):
// it returns early when collapsed, and draws the state it is given.
#include "model/app_state.h"

namespace ll::app {
struct PanelCaches;  // panels/panel_caches.h
struct ChainMeasure;
}

namespace ll::app {

void ShowControlsPanel(AppState& state);     // panels/controls_panel.cpp
void ShowDataPanel(AppState& state, PanelCaches& caches);        // panels/data_panel.cpp
void ShowActivationPanel(AppState& state, PanelCaches& caches);  // panels/activation_panel.cpp
// Its log-loss explorer (state.log_loss_explorer): the two branches of −log against ŷ, the batch
// at θ on them, a ŷ to drag (state.log_loss_y_hat) with its losses and gradients.
void ShowLogLossExplorer(AppState& state, const Params& theta, Activation activation,
                         const std::vector<std::size_t>& batch, float height);  // panels/log_loss_plot.cpp
void ShowLossPanel(AppState& state, PanelCaches& caches); // panels/loss_panel.cpp
void ShowLandscapePanel(AppState& state, PanelCaches& caches);   // panels/landscape_panel.cpp
void ShowChainPanel(AppState& state, ChainMeasure& measure);        // panels/chain_panel.cpp
// Practice mode's question in the chain panel's place (state.practice.question).
void DrawPracticeSheet(AppState& state, ChainMeasure& measure);     // panels/practice_sheet.cpp
// The Practice menu: practice on/off (Q), the level, auto level-up, Ask and Reveal, the score.
void PracticeMenuItems(AppState& state);     // panels/practice_sheet.cpp
void ShowStatusBar(AppState& state);         // panels/status_bar.cpp
void ShowHelpWindow(AppState& state);        // panels/help_window.cpp
void ShowPresentationBar(AppState& state);   // panels/presentation_bar.cpp
// A dialog when a step would drop later steps (state.confirm_discard).
void ShowDiscardDialog(AppState& state);     // panels/discard_dialog.cpp
void ShowEditDialog(AppState& state);        // the same file: "restart with the edited points?"
// A lesson's checkpoint, while one is open (state.lesson).
void ShowCheckpointWindow(AppState& state);  // panels/checkpoint_window.cpp
// The file dialog for state.path_dialog (CSV, scenario, screenshot folder).
void ShowPathDialog(AppState& state);        // panels/path_dialog.cpp
// A panel's right-click menu (Save PNG at 1× / 2×); call right after its Begin.
void PanelContextMenu(AppState& state, const char* window, const char* panel);  // panels/panel_menu.cpp
// Asks the frame loop to save `window` (nullptr: the whole window) as PNG; `panel` names it in the
// file name.
void RequestPng(AppState& state, const char* window, const char* panel, int scale);
// File ▸ Export's items (the step as Markdown / LaTeX, the history as CSV).
void ExportMenuItems(AppState& state);       // panels/export_menu.cpp
// The slider over the history, `width` pixels wide, inside the current window.
void ShowTimeline(AppState& state, float width);  // panels/timeline.cpp

// Window names, shared by the layout and per-panel screenshots.
inline constexpr const char* kControlsWindow = "Controls";
inline constexpr const char* kDataWindow = "Data and decision boundary";
inline constexpr const char* kActivationWindow = "Activation";
inline constexpr const char* kLossWindow = "Loss";
inline constexpr const char* kLandscapeWindow = "Loss landscape";
inline constexpr const char* kChainWindow = "Derivative chain";
inline constexpr const char* kStatusWindow = "##status";
inline constexpr const char* kPresentationBarWindow = "##presentation bar";

}  // namespace ll::app
