#pragma once
// Screenshot file names (issue 4 part 1): a name says what the picture shows, so a folder of
// screenshots sorts by data set, then settings, then step, and a second F12 never overwrites
// the first. Pure string work, no ImGui.
#include <cstddef>
#include <string>

namespace ll::app {

// "iris4_bce_sigmoid_batch_step001_chain@2x.png":
//   dataset     a data set name or a CSV path; its folder and extension are dropped and it is
//               sanitised to [A-Za-z0-9_-] ("my data.csv" → "my-data"), at most 64 characters;
//   loss, activation, mode   as the controls name them (sanitised the same way; empty: left out);
//   step        zero-padded to at least 3 digits;
//   panel       "" for the whole window, else the panel's name;
//   scale       > 1 adds "@<scale>x" before ".png".
std::string screenshot_name(const std::string& dataset, const std::string& loss, const std::string& activation,
                            const std::string& mode, std::size_t step, const std::string& panel, int scale);

// `text` with every run of '-' and characters outside [A-Za-z0-9_-] turned into one '-', and no
// '-' at either end: safe in a file name on any system, and readable. "" stays "".
std::string sanitise_name_part(const std::string& text);

// `folder`/`name` if no such file exists, else with "-2", "-3", … before the extension (and
// before an "@2x" scale suffix, so "x@2x.png" → "x-2@2x.png" and the scale stays recognisable).
// An empty folder means the current folder. Returns "" if 10 000 candidates all exist.
std::string unique_path(const std::string& folder, const std::string& name);

}  // namespace ll::app
