// Controls panel, "Data" section: the built-in data set, for iris (or a CSV file with more
// columns) which features and classes, for blobs the size and separation; standardize.
// Any change here starts a new run on the new data (the old run stays if the new one is refused).
#include <imgui.h>

#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "ll/error.h"
#include "ll/number_format.h"
#include "panels/controls_sections.h"
#include "panels/widgets.h"

namespace ll::app {
namespace {

struct Builtin {
  const char* source;
  const char* label;
};
constexpr std::array<Builtin, 4> kBuiltins = {{{"iris4", "iris4: 4 flowers"},
                                               {"iris6", "iris6: 6 flowers"},
                                               {"iris", "iris: 150 flowers"},
                                               {"blobs", "blobs: 2 clouds"}}};
constexpr std::array<std::size_t, 6> kBlobSizes = {20, 200, 1'000, 10'000, 100'000, 1'000'000};


// "data.csv  (…/lessons)": the file's name first, then the end of its folder.
std::string file_label(const std::string& path) {
  const auto slash = path.find_last_of('/');
  if (slash == std::string::npos) return path;
  std::string folder = path.substr(0, slash);
  if (folder.size() > 24) folder = "…" + folder.substr(folder.size() - 22);
  return path.substr(slash + 1) + "  (" + folder + ")";
}

void data_set_combo(AppState& s) {
  FormRow("Data set", "iris4: the slides' 4 flowers, 2 features (petal length, width).\n"
                      "iris6: the slides' 6 flowers, 1 feature (petal length).\n"
                      "iris: Fisher's 150 flowers, 4 features, 3 species: pick two features, and the "
                      "classes.\nblobs: two Gaussian clouds of any size, 2 features.\n"
                      "Or a CSV file of your own: header row optional, the label in the last column "
                      "(0/1, −1/+1 or class names). Drop a file on the window to open it.");
  const std::string& current = s.spec.data.source;
  std::string preview = s.data().name + " (CSV)";
  for (const Builtin& b : kBuiltins)
    if (current == b.source) preview = b.label;
  if (!ImGui::BeginCombo("##data", preview.c_str())) return;
  for (const Builtin& b : kBuiltins) {
    if (ImGui::Selectable(b.label, current == b.source) && current != b.source) choose_builtin(s, b.source);
  }
  ImGui::Separator();
  // Recent CSV files (a copy: opening one reorders the list).
  const std::vector<std::string> recent = s.recent_files;
  for (const std::string& path : recent) {
    const std::string label = file_label(path);
    if (ImGui::Selectable(label.c_str(), current == path) && current != path) open_csv_file(s, path);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", path.c_str());
  }
  if (ImGui::Selectable("Open a CSV file…")) {
    s.path_dialog.kind = AppState::PathDialog::Kind::OpenCsv;
    s.path_dialog.error.clear();
    if (s.path_dialog.path.empty() && !recent.empty()) s.path_dialog.path = recent.front();
  }
  ImGui::EndCombo();
}

// Two combos, x₁ and x₂ (x₂ may be "none": one feature), from the source's feature names.
void feature_pickers(AppState& s, const Dataset& source) {
  std::vector<std::size_t> picked = picked_features(s);
  if (picked.empty() || std::count(picked.begin(), picked.end(), 0u) > 0) return;
  const std::size_t x1 = picked[0], x2 = picked.size() > 1 ? picked[1] : 0;
  auto pick = [&](std::size_t a, std::size_t b) { pick_features(s, a, b); };
  for (int axis = 0; axis < 2; ++axis) {
    const std::size_t mine = axis == 0 ? x1 : x2, other = axis == 0 ? x2 : x1;
    FormRow(axis == 0 ? "Feature x₁" : "Feature x₂",
            axis == 0 ? "The horizontal axis of the data plot: w₁ multiplies it."
                      : "The vertical axis of the data plot: w₂ multiplies it. \"none\" leaves one feature.");
    const char* preview = mine == 0 ? "none" : source.feature_names[mine - 1].c_str();
    ImGui::PushID(axis);
    if (ImGui::BeginCombo("##feature", preview)) {
      if (axis == 1 && ImGui::Selectable("none", mine == 0) && mine != 0) pick(x1, 0);
      for (std::size_t f = 1; f <= source.features(); ++f) {
        const bool taken = f == other;
        ImGui::BeginDisabled(taken);
        if (ImGui::Selectable(source.feature_names[f - 1].c_str(), f == mine) && f != mine)
          axis == 0 ? pick(f, x2) : pick(x1, f);
        ImGui::EndDisabled();
        if (taken) TooltipEvenIfDisabled(std::string("Already ") + (axis == 0 ? "x₂" : "x₁"));
      }
      ImGui::EndCombo();
    }
    ImGui::PopID();
  }
}

// sigmoid / tanh: which class is y = 0 and which y = 1. softmax: a check box per class (≥ 2).
void class_pickers(AppState& s, const Dataset& source) {
  const std::vector<std::size_t> picked = picked_classes(s);
  if (picked.size() < 2 || std::count(picked.begin(), picked.end(), 0u) > 0) return;
  auto use = [&](const std::vector<std::size_t>& classes) { pick_classes(s, classes); };
  if (s.settings().activation == Activation::Softmax) {
    FormRow("Classes", "softmax gives one probability per class: pick at least two.");
    std::vector<std::size_t> next;
    bool changed = false;
    // Stacked under their label, indented so that they do not read as the check boxes after them.
    const bool stacked = ImGui::TableGetColumnCount() == 1;
    if (stacked) ImGui::Indent();
    for (std::size_t c = 1; c <= source.classes(); ++c) {
      bool on = std::find(picked.begin(), picked.end(), c) != picked.end();
      const bool locked = on && picked.size() <= 2;
      ImGui::BeginDisabled(locked);
      if (ImGui::Checkbox(source.class_names[c - 1].c_str(), &on)) changed = true;
      ImGui::EndDisabled();
      if (locked) TooltipEvenIfDisabled("A classifier needs at least two classes");
      if (on) next.push_back(c);
    }
    if (stacked) ImGui::Unindent();
    if (changed) use(next);
    return;
  }
  for (int label = 0; label < 2; ++label) {
    const std::size_t mine = picked[static_cast<std::size_t>(label)], other = picked[label == 0 ? 1u : 0u];
    FormRow(label == 0 ? "Class y = 0" : "Class y = 1",
            label == 0 ? "The class the model should give a low ŷ." : "The class the model should give a high ŷ.");
    ImGui::PushID(label);
    if (ImGui::BeginCombo("##class", source.class_names[mine - 1].c_str())) {
      for (std::size_t c = 1; c <= source.classes(); ++c) {
        ImGui::BeginDisabled(c == other);
        if (ImGui::Selectable(source.class_names[c - 1].c_str(), c == mine) && c != mine)
          use(label == 0 ? std::vector<std::size_t>{c, other} : std::vector<std::size_t>{other, c});
        ImGui::EndDisabled();
        if (c == other) TooltipEvenIfDisabled(std::string("Already y = ") + (label == 0 ? "1" : "0"));
      }
      ImGui::EndCombo();
    }
    ImGui::PopID();
  }
}

void blobs_controls(AppState& s) {
  FormRow("Samples n", "How many points: half in each cloud. Large n shows how the cost of a full "
                       "pass grows while a mini-batch step stays cheap.");
  const std::size_t n = s.spec.data.blobs_n;
  if (ImGui::BeginCombo("##n", format_count(n).c_str())) {
    for (std::size_t size : kBlobSizes)
      if (ImGui::Selectable(format_count(size).c_str(), size == n) && size != n) {
        RunSpec o = s.spec;
        o.data.blobs_n = size;
        restart_run(s, o, s.settings());
      }
    ImGui::EndCombo();
  }
  FormRow("Separation", "Distance between the two centres, in standard deviations: below about 2 "
                        "the clouds overlap and no line separates them.");
  // The slider edits the run spec in place; the data is made again when the drag ends.
  const double lo = 0.0, hi = 8.0;
  ImGui::SliderScalar("##separation", ImGuiDataType_Double, &s.spec.data.blobs_separation, &lo, &hi, "%.1f σ");
  if (ImGui::IsItemDeactivatedAfterEdit()) restart_run(s, s.spec, s.settings());
}

// The share of each class held out for testing (DataOptions::test_fraction), from the run's seed.
void test_fraction_combo(AppState& s) {
  FormRow("Test part", "Hold out this share of each class: the steps never see those samples (drawn "
                       "hollow); the loss panel shows their loss beside the training loss, and the "
                       "confusion matrix counts them. Chosen from the seed, the same every time.");
  const double now = s.spec.data.test_fraction;
  auto text = [](double f) { return f == 0.0 ? std::string("none") : format_percent(f); };
  if (!ImGui::BeginCombo("##test fraction", text(now).c_str())) return;
  for (double f : {0.0, 0.1, 0.2, 0.25, 0.3, 0.4, 0.5})
    if (ImGui::Selectable(text(f).c_str(), f == now) && f != now) {
      RunSpec o = s.spec;
      o.data.test_fraction = f;
      restart_run(s, o, s.settings());
    }
  ImGui::EndCombo();
}

// The class a Shift-click in the data plot adds (model/data_edits.h).
void add_class_combo(AppState& s) {
  FormRow("Shift-click adds", "In the data plot: drag a sample to move it, Shift-click to add a sample "
                              "of this class, right-click a sample to delete it or change its class. The "
                              "run starts over with the edited data; Ctrl+Z undoes, File ▸ Save the data "
                              "as CSV keeps it.");
  const Dataset& d = s.data();
  s.edits.add_class = std::clamp(s.edits.add_class, 0, static_cast<int>(d.classes()) - 1);
  if (!ImGui::BeginCombo("##add class", d.class_names[static_cast<std::size_t>(s.edits.add_class)].c_str())) return;
  for (std::size_t k = 0; k < d.classes(); ++k)
    if (ImGui::Selectable(d.class_names[k].c_str(), static_cast<int>(k) == s.edits.add_class))
      s.edits.add_class = static_cast<int>(k);
  ImGui::EndCombo();
}

}  // namespace

void ShowDataSection(AppState& s) {
  if (!ImGui::CollapsingHeader("Data", ImGuiTreeNodeFlags_DefaultOpen)) return;
  if (!BeginForm("data", kWidestLabel, kWidestWidget)) return;
  data_set_combo(s);
  if (const Dataset* source = source_data(s)) {
    if (source->features() > 2) feature_pickers(s, *source);
    if (source->classes() > 2) class_pickers(s, *source);
  }
  if (s.spec.data.source == "blobs") blobs_controls(s);
  bool standardize = s.spec.data.standardize;
  if (FormCheckbox("Standardize", "z-score each feature: x′ = (x − mean) / standard deviation. Gradient "
                                  "descent then needs no tiny η for features with large values.",
                   &standardize)) {
    RunSpec o = s.spec;
    o.data.standardize = standardize;
    restart_run(s, o, s.settings());
  }
  test_fraction_combo(s);
  add_class_combo(s);
  EndForm();
  ImGui::Spacing();
}

}  // namespace ll::app
