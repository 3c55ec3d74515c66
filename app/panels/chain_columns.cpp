// The sample table's columns (chain_table.cpp draws them): i, x₀ … x_d (at most a dozen, then "+k"), (k,) y, z, ŷ, L, ∂L/∂ŷ,
// (∂ŷ/∂z,) ∂L/∂z, each with its header and what it means, all of them or a part (TableColumns).
#include <algorithm>
#include <string>
#include <vector>

#include "ll/formulas.h"
#include "panels/chain_parts.h"
#include "panels/widgets.h"

namespace ll::app::chain {

std::string subscript(std::size_t n) {
  static const char* const digits[] = {"₀", "₁", "₂", "₃", "₄", "₅", "₆", "₇", "₈", "₉"};
  std::string s;
  for (char c : std::to_string(n)) s += digits[c - '0'];
  return s;
}

namespace {

using Kind = Column::Kind;

bool in_part(Kind k, TableColumns which) {
  switch (which) {
    case TableColumns::Inputs: return k == Kind::Index || k == Kind::X || k == Kind::MoreX;
    case TableColumns::Outputs: return k == Kind::Index || k == Kind::Class || k == Kind::Y || k == Kind::Z ||
                                       k == Kind::YHat || k == Kind::Loss;
    case TableColumns::Forward: return k != Kind::DLDYhat && k != Kind::DYhatDz && k != Kind::DLDz && k != Kind::Note;
    case TableColumns::Backward: return k == Kind::Index || k == Kind::Class || k == Kind::DLDYhat ||
                                        k == Kind::DYhatDz || k == Kind::DLDz || k == Kind::Note;
    case TableColumns::All: break;
  }
  return true;
}

}  // namespace

const char* SampleTableId(TableColumns which) {
  switch (which) {
    case TableColumns::Forward: return "##samples_forward";
    case TableColumns::Backward: return "##samples_backward";
    case TableColumns::Inputs: return "##samples_inputs";
    case TableColumns::Outputs: return "##samples_outputs";
    case TableColumns::All: break;
  }
  return "##samples";
}

std::vector<Column> SampleColumns(const ChainBatch& b, TableColumns which) {
  const Dataset& data = *b.data;
  const Formulas f = formulas(b.settings);
  std::vector<Column> cols;
  auto add = [&cols](Kind kind, std::string header, std::string help, std::size_t feature = 0) {
    Column c;
    c.kind = kind;
    c.header = std::move(header);
    c.help = std::move(help);
    c.feature = feature;
    cols.push_back(std::move(c));
  };
  add(Kind::Index, "i", "The sample's number in the data set (counting from 1).");
  add(Kind::X, "x" + subscript(0),
      "x₀ = 1 for every sample: it multiplies the bias b. The row x = [1, x₁, …] is also ∂z/∂θ, the "
      "last factor of the chain, since z = θᵀx.");
  const std::size_t shown = ShownEntries(data.features());
  for (std::size_t j = 1; j <= shown; ++j)
    add(Kind::X, "x" + subscript(j),
        "Feature " + std::to_string(j) + ": " + data.feature_names[j - 1] + ". Also ∂z/∂w" +
            subscript(j) + " = x" + subscript(j) + ".",
        j);
  if (shown < data.features())
    add(Kind::MoreX, MoreEntries(data.features(), shown),
        std::to_string(data.features() - shown) + " more features, x" + subscript(shown + 1) + " … x" +
            subscript(data.features()) + ", are in z but not shown here: `trace` and the exports list them all.");
  std::string classes;
  for (std::size_t k = 0; k < data.classes(); ++k)
    classes += (k ? ", " : "") + label_text(static_cast<int>(k), b.settings.labels) + " = " + data.class_names[k];
  if (b.softmax()) {
    add(Kind::Class, "k", "One line per class k (" + classes + ").");
    add(Kind::Y, "y", "The label as a one-hot column: 1 on the line of the sample's class, 0 elsewhere.");
    add(Kind::Z, "z", "z_k = θ_kᵀx: one score per class.");
  } else {
    add(Kind::Y, "y", "The label (" + classes + ").");
    add(Kind::Z, "z", "z = θᵀx = b + w₁x₁ + …");
  }
  add(Kind::YHat, "ŷ", f.y_hat);
  add(Kind::Loss, "L", f.loss);
  add(Kind::DLDYhat, "∂L/∂ŷ", f.dL_dyhat + ": how the loss changes with ŷ.");
  if (!b.softmax()) add(Kind::DYhatDz, "∂ŷ/∂z", f.dyhat_dz + ": the slope of the activation at z.");
  add(Kind::DLDz, "∂L/∂z",
      f.dL_dz + (b.softmax() ? ": Jᵀ ∂L/∂ŷ, with J the Jacobian shown below the table."
                             : ": the product ∂L/∂ŷ · ∂ŷ/∂z of the two columns before."));
  if (b.may_be_undefined) add(Kind::Note, "", "Why this sample's loss is undefined.");
  cols.erase(std::remove_if(cols.begin(), cols.end(), [which](const Column& c) { return !in_part(c.kind, which); }),
             cols.end());
  return cols;
}

// The least and the greatest of a feature column, kept for the last columns asked: the table is
// made every frame, and a column of 1,000,000 values is 8 MB to go over. Known by the column's
// storage, its size and its ends (a column edited or loaded anew differs in one of them; should
// one slip through, only a width estimate for rows not measured is off).
std::pair<double, double> column_range(const std::vector<double>& values) {
  struct Known {
    const double* data = nullptr;
    std::size_t size = 0;
    double first = 0.0, last = 0.0, lo = 0.0, hi = 0.0;
  };
  static Known known[8];
  static std::size_t next = 0;
  if (values.empty()) return {0.0, 0.0};
  for (const Known& k : known)
    if (k.data == values.data() && k.size == values.size() && k.first == values.front() && k.last == values.back())
      return {k.lo, k.hi};
  const auto [lo, hi] = std::minmax_element(values.begin(), values.end());
  known[next] = {values.data(), values.size(), values.front(), values.back(), *lo, *hi};
  next = (next + 1) % 8;
  return {*lo, *hi};
}

}  // namespace ll::app::chain
