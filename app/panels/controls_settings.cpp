// Controls panel, "Model", "Gradient descent" and "Starting θ₀" sections. A setting changed
// mid-run applies from the next step (change_settings keeps the history and marks the loss
// curve); an edited θ₀ starts the run over from it.
#include <imgui.h>

#include <algorithm>
#include <array>
#include <cfloat>
#include <cmath>
#include <string>
#include <vector>

#include "panels/controls_sections.h"
#include "panels/widgets.h"

namespace ll::app {
namespace {

constexpr std::array<Loss, 3> kLosses = {Loss::BCE, Loss::MSE, Loss::CCE};
constexpr std::array<Activation, 3> kActivations = {Activation::Sigmoid, Activation::Tanh, Activation::Softmax};

const char* loss_label(Loss l) {
  switch (l) {
    case Loss::BCE: return "BCE (cross-entropy)";
    case Loss::MSE: return "MSE (squared error)";
    case Loss::CCE: return "CCE (categorical)";
  }
  return "";
}

const char* activation_label(Activation a) {
  switch (a) {
    case Activation::Sigmoid: return "sigmoid σ";
    case Activation::Tanh: return "tanh";
    case Activation::Softmax: return "softmax";
  }
  return "";
}

void loss_combo(AppState& s) {
  FormRow("Loss", "BCE:  L = −y log ŷ − (1 − y) log(1 − ŷ)\n"
                  "MSE:  L = (ŷ − y)²   (softmax: Σₖ (ŷₖ − yₖ)²)\n"
                  "CCE:  L = −Σₖ yₖ log ŷₖ = −log ŷ of the true class\n"
                  "The step follows the mean over the batch.");
  if (!ImGui::BeginCombo("##loss", loss_label(s.settings().loss))) return;
  for (Loss l : kLosses) {
    const std::string why = why_undefined(l, s.settings().activation);
    ImGui::BeginDisabled(!why.empty());
    if (ImGui::Selectable(loss_label(l), l == s.settings().loss) && l != s.settings().loss) {
      Settings next = s.settings();
      next.loss = l;
      change_settings(s, next);
    }
    ImGui::EndDisabled();
    TooltipEvenIfDisabled(why.empty() ? "" : "Not with " + std::string(name(s.settings().activation)) + ": " + why);
  }
  ImGui::EndCombo();
}

void activation_combo(AppState& s) {
  FormRow("Activation", "sigmoid:  ŷ = σ(z) = 1 / (1 + e^(−z)), z = θᵀx\n"
                        "tanh:  ŷ = tanh(z), a score in (−1, 1); labels y are 0 and 1 as for sigmoid\n"
                        "softmax:  ŷₖ = e^(zₖ) / Σⱼ e^(zⱼ), one row of θ per class");
  if (!ImGui::BeginCombo("##activation", activation_label(s.settings().activation))) return;
  for (Activation a : kActivations) {
    if (ImGui::Selectable(activation_label(a), a == s.settings().activation) && a != s.settings().activation)
      choose_activation(s, a);
    const bool swaps_loss = !is_defined(s.settings().loss, a);
    if (swaps_loss)
      TooltipEvenIfDisabled("The loss becomes " + std::string(a == Activation::Softmax ? "CCE" : "BCE") +
                            ": " + why_undefined(s.settings().loss, a));
  }
  ImGui::EndCombo();
}

void batch_controls(AppState& s) {
  FormRow("Batch mode", "Each step uses a batch of m samples and follows the mean gradient over "
                        "it: ∇L = 1/m Σᵢ ∇Lᵢ.\nbatch: m = N, all samples.\nmini-batch: m as set "
                        "below.\nstochastic: m = 1.\nAn epoch is one pass over the data.");
  const BatchMode modes[] = {BatchMode::Batch, BatchMode::MiniBatch, BatchMode::Stochastic};
  const char* labels[] = {"batch (all N)", "mini-batch", "stochastic (1)"};
  const std::size_t current = static_cast<std::size_t>(s.settings().mode == BatchMode::Batch ? 0
                                                       : s.settings().mode == BatchMode::MiniBatch ? 1 : 2);
  if (ImGui::BeginCombo("##mode", labels[current])) {
    for (std::size_t k = 0; k < 3; ++k)
      if (ImGui::Selectable(labels[k], k == current) && k != current) {
        Settings next = s.settings();
        next.mode = modes[k];
        next.batch_size = std::clamp<std::size_t>(next.batch_size, 1, s.data().rows());
        change_settings(s, next);
      }
    ImGui::EndCombo();
  }

  FormRow("Batch size m", "Samples per step in mini-batch mode (1 to N).");
  const bool mini = s.settings().mode == BatchMode::MiniBatch;
  std::size_t m = batch_size_of(s.settings(), s.data());
  const std::size_t one = 1, ten = 10;
  ImGui::BeginDisabled(!mini);
  if (ImGui::InputScalar("##m", ImGuiDataType_U64, &m, &one, &ten) && mini) {
    Settings next = s.settings();
    next.batch_size = std::clamp<std::size_t>(m, 1, s.data().rows());
    change_settings(s, next);
  }
  ImGui::EndDisabled();
  if (!mini) TooltipEvenIfDisabled("Set by the mode: choose mini-batch to change m");

  FormRow("Order", "in order: samples 1, 2, 3, … every epoch.\nshuffled: a new random order "
                   "every epoch, made from the seed (the same seed gives the same steps).");
  const bool shuffled = s.settings().order == Order::Shuffle;
  if (ImGui::BeginCombo("##order", shuffled ? "shuffled" : "in order")) {
    for (int k = 0; k < 2; ++k)
      if (ImGui::Selectable(k == 0 ? "in order" : "shuffled", (k == 1) == shuffled) && (k == 1) != shuffled) {
        Settings next = s.settings();
        next.order = k == 1 ? Order::Shuffle : Order::Sequential;
        change_settings(s, next);
      }
    ImGui::EndCombo();
  }

  const bool blobs = s.spec.data.source == "blobs";
  FormRow("Seed", "Makes the shuffled order (and for blobs, the points): the same seed gives the "
                  "same run, bit for bit.");
  ImGui::BeginDisabled(!shuffled && !blobs);
  // Blobs: edited in the run spec (the points come from it), made again when the typing ends.
  std::uint64_t shuffle_seed = s.settings().seed;
  std::uint64_t* seed = blobs ? &s.spec.settings.seed : &shuffle_seed;
  if (ImGui::InputScalar("##seed", ImGuiDataType_U64, seed) && !blobs) {
    Settings next = s.settings();
    next.seed = shuffle_seed;
    change_settings(s, next);
  }
  if (blobs && ImGui::IsItemDeactivatedAfterEdit()) {
    Settings next = s.settings();
    next.seed = s.spec.settings.seed;
    restart_run(s, s.spec, next);
  }
  ImGui::EndDisabled();
  if (!shuffled && !blobs) TooltipEvenIfDisabled("Only used when the order is shuffled");
}

void rate_controls(AppState& s) {
  FormRow(kWidestLabel, "θ ← θ − η ∇L: how far each step goes against the gradient.\nDrag on a log "
                        "scale (0.0001 to 10) or type any positive value on the right.");
  const ImGuiStyle& style = ImGui::GetStyle();
  const float typed_w = ImGui::CalcTextSize("0.00001").x + style.FramePadding.x * 2.0f;
  double lr = s.settings().learning_rate;
  const double lo = 1e-4, hi = 10.0;
  ImGui::SetNextItemWidth(std::max(ImGui::GetContentRegionAvail().x - typed_w - style.ItemSpacing.x, 1.0f));
  bool changed = ImGui::SliderScalar("##lr", ImGuiDataType_Double, &lr, &lo, &hi, "%.4g",
                                     ImGuiSliderFlags_Logarithmic | ImGuiSliderFlags_NoRoundToFormat);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(-FLT_MIN);
  changed |= ImGui::InputDouble("##lr_typed", &lr, 0.0, 0.0, "%.6g");
  // A half-typed value ("0.", "0.0") is not a learning rate yet: wait for a positive number.
  if (changed && std::isfinite(lr) && lr > 0.0 && lr != s.settings().learning_rate) {
    Settings next = s.settings();
    next.learning_rate = lr;
    change_settings(s, next);
  }

  FormRow("Momentum β", "v ← β v + ∇L,  θ ← θ − η v: each step keeps a fraction β of the last one.\n"
                        "β = 0: plain gradient descent. Ctrl+click to type a value.");
  double beta = s.settings().momentum;
  const double zero = 0.0, most = 0.99;
  if (ImGui::SliderScalar("##beta", ImGuiDataType_Double, &beta, &zero, &most, "%.2f",
                          ImGuiSliderFlags_AlwaysClamp) &&
      beta != s.settings().momentum) {
    Settings next = s.settings();
    next.momentum = beta;
    change_settings(s, next);
  }
}

std::string weight_name(std::size_t j) {
  static const char* const kSubscripts[] = {"₀", "₁", "₂", "₃", "₄", "₅", "₆", "₇", "₈", "₉"};
  if (j == 0) return "b";
  std::string digits = std::to_string(j), out = "w";
  for (char c : digits) out += kSubscripts[c - '0'];
  return out;
}

// The tooltip of a θ component: what it multiplies.
std::string weight_meaning(const Dataset& data, std::size_t j) {
  if (j == 0) return "The bias: z = b + w₁x₁ + …  (it multiplies the constant input 1)";
  return "The weight of x" + weight_name(j).substr(1) + ", " + data.feature_names[j - 1];
}

}  // namespace

// Labels 0/1 or −1/+1: how y is written (the numbers are the same); the ±1 form is the sigmoid's.
void labels_combo(AppState& s) {
  FormRow("Labels", "0/1:  L = −y log ŷ − (1 − y) log(1 − ŷ), ∂L/∂z = ŷ − y  (the slides' batch example)\n"
                    "−1/+1:  P(y | x) = σ(y·z), L = log(1 + e^(−y·z)), ∂L/∂z = −y·σ(−y·z)  (the first "
                    "lecture note)\nThe same numbers either way, with y′ = (y + 1)/2.");
  const bool sigmoid = s.settings().activation == Activation::Sigmoid;
  const bool pm1 = s.settings().labels == LabelCoding::PlusMinusOne;
  ImGui::BeginDisabled(!sigmoid);
  if (ImGui::BeginCombo("##labels", pm1 ? "−1/+1" : "0/1")) {
    for (LabelCoding c : {LabelCoding::ZeroOne, LabelCoding::PlusMinusOne})
      if (ImGui::Selectable(c == LabelCoding::PlusMinusOne ? "−1/+1" : "0/1", c == s.settings().labels) &&
          c != s.settings().labels) {
        Settings next = s.settings();
        next.labels = c;
        change_settings(s, next);
      }
    ImGui::EndCombo();
  }
  ImGui::EndDisabled();
  if (!sigmoid) TooltipEvenIfDisabled("−1/+1 labels are the sigmoid's form P(y | x) = σ(y·z)");
}

void ShowModelSection(AppState& s) {
  if (control_hidden(s, "activation") && control_hidden(s, "loss") && control_hidden(s, "labels")) return;
  if (!ImGui::CollapsingHeader("Model", ImGuiTreeNodeFlags_DefaultOpen)) return;
  if (!BeginForm("model", kWidestLabel, kWidestWidget)) return;
  LessonControl(s, "activation", [&] { activation_combo(s); });
  LessonControl(s, "loss", [&] { loss_combo(s); });
  LessonControl(s, "labels", [&] { labels_combo(s); });
  EndForm();
  ImGui::Spacing();
}

void ShowDescentSection(AppState& s) {
  if (control_hidden(s, "rates") && control_hidden(s, "batch")) return;
  if (!ImGui::CollapsingHeader("Gradient descent", ImGuiTreeNodeFlags_DefaultOpen)) return;
  if (!BeginForm("descent", kWidestLabel, kWidestWidget)) return;
  LessonControl(s, "rates", [&] { rate_controls(s); });
  LessonControl(s, "batch", [&] { batch_controls(s); });
  EndForm();
  ImGui::Spacing();
}

void ShowThetaSection(AppState& s) {
  if (!ImGui::CollapsingHeader("Starting θ₀", ImGuiTreeNodeFlags_DefaultOpen)) return;
  const Params& theta0 = s.theta0();
  const Dataset& data = s.data();
  auto edit = [&](std::size_t r, std::size_t c) {
    double v = theta0.at(r, c);
    ImGui::PushID(static_cast<int>(r * theta0.cols + c));
    ImGui::SetNextItemWidth(-FLT_MIN);
    if (ImGui::InputDouble("##theta", &v, 0.0, 0.0, "%.4g") && std::isfinite(v) && v != theta0.at(r, c)) {
      Params next = theta0;
      next.at(r, c) = v;
      change_theta0(s, next);
    }
    ImGui::PopID();
  };
  if (theta0.rows == 1) {
    if (BeginForm("theta", kWidestLabel, kWidestWidget)) {
      for (std::size_t j = 0; j < theta0.cols; ++j) {
        FormRow(weight_name(j).c_str());
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", weight_meaning(data, j).c_str());
        ImGui::SetNextItemWidth(-FLT_MIN);
        edit(0, j);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", weight_meaning(data, j).c_str());
      }
      EndForm();
    }
  } else {
    // softmax: one row [b, w₁, …] per class, the class name on its left, or above it when the
    // panel is too narrow for the name and the numbers side by side.
    const ImGuiStyle& style = ImGui::GetStyle();
    float name_w = 0.0f;
    for (const std::string& c : data.class_names) name_w = std::max(name_w, ImGui::CalcTextSize(c.c_str()).x);
    const float number_w = ImGui::CalcTextSize("−0.0000").x + style.FramePadding.x * 2.0f + style.CellPadding.x * 2.0f;
    const bool names_above =
        name_w + static_cast<float>(ShownEntries(theta0.cols)) * number_w > ImGui::GetContentRegionAvail().x;
    // Names above: each class's name, then its row in a table of its own (a name in a cell of
    // the grid would be cut at the first column's edge); the tables' columns line up (same width).
    // Wide data: the first weights of each class (ImGui's tables hold at most 64 columns).
    const std::size_t shown = ShownEntries(theta0.cols);
    const int columns = static_cast<int>(shown) + (names_above ? 0 : 1);
    // (With names above, table 0 holds the column names alone.)
    const std::size_t tables = names_above ? theta0.rows + 1 : 1;
    for (std::size_t t = 0; t < tables; ++t) {
      if (names_above && t > 0) ImGui::TextUnformatted(data.class_names[t - 1].c_str());
      if (!ImGui::BeginTable(("theta_grid" + std::to_string(t)).c_str(), columns, ImGuiTableFlags_SizingStretchSame))
        return;
      if (!names_above) ImGui::TableSetupColumn("class", ImGuiTableColumnFlags_WidthFixed);
      for (std::size_t j = 0; j < shown; ++j) ImGui::TableSetupColumn(weight_name(j).c_str());
      if (t == 0) ImGui::TableHeadersRow();
      // This table's rows: every class, or (names above) class t − 1 alone, and none in table 0.
      std::size_t first = 0, last = theta0.rows;
      if (names_above) {
        first = t == 0 ? 0 : t - 1;
        last = t == 0 ? 0 : t;
      }
      for (std::size_t r = first; r < last; ++r) {
        ImGui::TableNextRow();
        if (!names_above) {
          ImGui::TableNextColumn();
          ImGui::AlignTextToFramePadding();
          ImGui::TextUnformatted(data.class_names[r].c_str());
        }
        for (std::size_t j = 0; j < shown; ++j) {
          ImGui::TableNextColumn();
          edit(r, j);
          if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", weight_meaning(data, j).c_str());
        }
      }
      ImGui::EndTable();
    }
    if (shown < theta0.cols)
      TextWrappedAtSpaces(MoreEntries(theta0.cols, shown) + " weights per class are not shown: set them with "
                          "--theta or a scenario's \"theta\".");
  }
  if (ImGui::Button("Default θ₀")) change_theta0(s, default_theta(data, s.settings()));
  ImGui::SameLine();
  HelpMarker("Editing θ₀ starts the run over from it. The default is the slides' θ for iris4 and "
             "iris6, zeros otherwise.");
  ImGui::Spacing();
}

}  // namespace ll::app
