// data_edits (model/data_edits.h): points moved, added, deleted or relabelled in the window.
#include "model/data_edits.h"

#include <csv.h>

#include <algorithm>
#include <charconv>
#include <functional>
#include <memory>

#include "io/atomic_file.h"
#include "ll/data_edit.h"
#include "ll/error.h"
#include "ll/number_format.h"
#include "model/app_state.h"

namespace ll::app {
namespace {

void say(AppState& s, std::string text, bool error = false) {
  s.status = std::move(text);
  s.status_is_error = error;
}

// Restarts from step 0 with `data` (the spec's settings, θ₀ and view kept).
void restart_with(AppState& s, const DataOptions& data, const std::string& what, bool undoing) {
  RunSpec o = s.spec;
  const DataOptions before = s.spec.data;
  o.data = data;
  o.theta0 = s.theta0();   // the same start (the default θ₀ could differ for another data set)
  o.steps = 0;
  o.first_batch.clear();
  if (!start_run(s, o)) return;   // the status says why; the run is kept
  if (!undoing) {
    s.edits.undo.push_back(before);
    if (s.edits.undo.size() > kMostUndoneEdits) s.edits.undo.erase(s.edits.undo.begin());
  }
  say(s, (undoing ? "Undone: " : "Edited: ") + what + ". The run starts over from step 0" +
             (undoing ? "." : " (Ctrl+Z undoes it)."));
}

// Asks first when there are steps to drop, as a new branch does.
void request(AppState& s, const DataOptions& data, const std::string& what, bool undoing) {
  if (s.trainer->history_size() == 0) {
    restart_with(s, data, what, undoing);
    return;
  }
  s.edits.pending = DataEdits::Pending{data, what, undoing};
}

// The edited data set in place of the source: the samples as shown (standardized values stay as
// they are drawn, so the picture does not move), no test part (the training data is all there is).
bool request_edited(AppState& s, const std::function<Dataset(const Dataset&)>& edit, const std::string& what) {
  const std::string refusal = edit_refusal(s);
  if (!refusal.empty()) {
    say(s, refusal, true);
    return false;
  }
  DataOptions data;
  try {
    data.points = std::make_shared<const Dataset>(edit(s.data()));
  } catch (const InputError& e) {
    say(s, std::string("Not edited: ") + e.what() + ".", true);
    return false;
  }
  data.source = "edited";
  request(s, data, what, false);
  return true;
}

// Full precision, the shortest text that reads back to the same double.
std::string number_text(double v) {
  char buf[32];
  return std::string(buf, std::to_chars(buf, buf + sizeof buf, v).ptr);
}

// One CSV field, quoted (by libcsv) where it needs it: a comma, a quote, a line break, or space
// at an end.
void put_field(std::string& out, const std::string& text) {
  const bool plain = !text.empty() && text.find_first_of(",\"\r\n") == std::string::npos && text.front() != ' ' &&
                     text.back() != ' ';
  if (plain) {
    out += text;
    return;
  }
  std::string quoted(csv_write(nullptr, 0, text.data(), text.size()), '\0');
  csv_write(quoted.data(), quoted.size(), text.data(), text.size());
  out += quoted;
}

}  // namespace

std::string edit_refusal(const AppState& s) {
  if (!s.trainer) return "There is no data to edit.";
  if (s.test_data && s.test_data->rows() > 0)
    return "Set Data ▸ Test part to none to edit the points (the split would change with them).";
  if (s.data().rows() > kMostEditedPoints)
    return "Points can be edited in data sets of up to " + std::to_string(kMostEditedPoints) + " samples.";
  return "";
}

bool move_sample(AppState& s, std::size_t i, double x1, double x2) {
  const std::vector<double> to = s.data().features() > 1 ? std::vector<double>{x1, x2} : std::vector<double>{x1};
  return request_edited(s, [&](const Dataset& d) { return with_point_moved(d, i, x1, x2); },
                        "moved sample " + std::to_string(i + 1) + " to " + format_vector(to));
}

bool add_sample(AppState& s, double x1, double x2, int label) {
  return request_edited(s, [&](const Dataset& d) { return with_point_added(d, x1, x2, label); },
                        "added a sample of class '" +
                            (label >= 0 && static_cast<std::size_t>(label) < s.data().classes()
                                 ? s.data().class_names[static_cast<std::size_t>(label)] : std::to_string(label)) + "'");
}

bool delete_sample(AppState& s, std::size_t i) {
  return request_edited(s, [&](const Dataset& d) { return with_point_deleted(d, i); },
                        "deleted sample " + std::to_string(i + 1));
}

bool relabel_sample(AppState& s, std::size_t i, int label) {
  return request_edited(s, [&](const Dataset& d) { return with_point_relabelled(d, i, label); },
                        "sample " + std::to_string(i + 1) + " moved to another class");
}

bool undo_edit(AppState& s) {
  if (s.edits.undo.empty()) {
    say(s, "Nothing to undo: the points have not been edited.");
    return false;
  }
  const DataOptions before = s.edits.undo.back();
  s.edits.undo.pop_back();
  request(s, before, "the last edit of the points", true);
  return true;
}

void confirm_edit(AppState& s) {
  if (!s.edits.pending) return;
  const DataEdits::Pending p = *s.edits.pending;
  s.edits.pending.reset();
  restart_with(s, p.data, p.what, p.undoing);
}

void cancel_edit(AppState& s) {
  if (!s.edits.pending) return;
  if (s.edits.pending->undoing) s.edits.undo.push_back(s.edits.pending->data);   // still there to undo
  s.edits.pending.reset();
  say(s, "Not edited: the run and its steps are kept.");
}

std::string data_csv(const Dataset& d) {
  // Names read back in the same order when they are sorted and none is a whole number (the CSV
  // reader sorts text labels and orders numbers by value).
  bool names_keep_order = std::is_sorted(d.class_names.begin(), d.class_names.end()) &&
                          std::adjacent_find(d.class_names.begin(), d.class_names.end()) == d.class_names.end();
  for (const std::string& n : d.class_names) {
    long long v = 0;
    const auto [end, ec] = std::from_chars(n.data(), n.data() + n.size(), v);
    if (ec == std::errc() && end == n.data() + n.size()) names_keep_order = false;
  }
  std::string out;
  for (const std::string& name : d.feature_names) {
    put_field(out, name);
    out += ',';
  }
  out += "class\n";
  for (std::size_t i = 0; i < d.rows(); ++i) {
    for (std::size_t j = 0; j < d.features(); ++j) out += number_text(d.x(i, j)) + ',';
    const auto k = static_cast<std::size_t>(d.labels[i]);
    if (names_keep_order) put_field(out, d.class_names[k]);
    else out += std::to_string(k);
    out += '\n';
  }
  return out;
}

bool save_data_csv(const AppState& s, const std::string& path, std::string* error) {
  return io::write_file_atomically(path, data_csv(s.data()), error);
}

}  // namespace ll::app
