#pragma once
// Small widgets the panels share: imgui_demo.cpp's HelpMarker, a tooltip that also shows on a
// greyed-out item, and a two-column form (label left, widget right, same widths in every section).
#include <cstddef>
#include <string>
#include <vector>

namespace ll::app {

// A picture for a slide (saved PNGs, `screenshot --slide`): no "(?)" markers, no check boxes in
// the plots' panels, no title-bar arrows (the frame's part). On for the frames that draw one.
void SetCleanRender(bool clean);
bool CleanRender();
// What a clean render would have left out but this frame drew: "(?)" markers and panel check
// boxes (`screenshot --check-layout` reports it; 0 in a clean render).
int LiveWidgetsDrawn();
void ResetLiveWidgetsDrawn();

// "(?)" in grey; hovering it shows `text` (where a formula's meaning goes). In a clean render an
// empty item of no width (what follows a SameLine still starts a new line).
void HelpMarker(const char* text);
// A plot panel's check box (log scale, the derivative's curve): none in a clean render.
bool PanelCheckbox(const char* label, bool* value);

// After a possibly disabled item: shows `why` when the item is hovered, even while disabled.
void TooltipEvenIfDisabled(const std::string& why);

// A form: rows of "label (?)" | widget. The label column has the same width in every form of the
// panel (it fits `widest_label`), so sections line up. When the panel is too narrow for the label
// and `widest_widget` side by side (big text, small window), each label goes above its widget.
bool BeginForm(const char* id, const char* widest_label, const char* widest_widget);
void EndForm();
// Starts a row: writes the label (and a help marker if `help` is given), then moves to the widget
// cell and makes the next item fill it.
void FormRow(const char* label, const char* help = nullptr);
// A row with a check box: label | box, or when stacked "box label (?)" on one line.
bool FormCheckbox(const char* label, const char* help, bool* value);

// Wide data (a CSV with 100 features, softmax with 100 classes): a table shows at most this many
// features or classes, the rest counted in a "+k" column (or row). ImGui allows 64 columns in a
// table, and a screen's width holds about a dozen numbers anyway; trace and exports have them all.
constexpr std::size_t kMostTableEntries = 12;
// How many of `n` features or classes a table shows: all of them up to kMostTableEntries, else
// kMostTableEntries − 1 and the "+k" column.
std::size_t ShownEntries(std::size_t n);
// "+k": what the "+k" column or row says for `n` entries of which `shown` are drawn.
std::string MoreEntries(std::size_t n, std::size_t shown);

// Wrapped text that breaks lines only at spaces (ImGui's TextWrapped also breaks after '.', which
// splits numbers: "loss 1." / "0614").
// At most `max_lines` lines (0: no limit), the last ending in "…" if the text is longer, and at
// least `min_lines` (blank ones added), so that what follows does not move as the text changes.
// Returns true if the text was cut.
bool TextWrappedAtSpaces(const std::string& text, int max_lines = 0, int min_lines = 0);
// The lines TextWrappedAtSpaces would draw in `width` (for sizing a box before drawing it).
std::vector<std::string> LinesAtSpaces(const std::string& text, float width);

}  // namespace ll::app
