#include "model/lesson.h"

#include <algorithm>

#include "model/app_state.h"
#include "model/practice.h"

namespace ll::app {
namespace {

void say(AppState& s, std::string text, bool error = false) {
  s.status = std::move(text);
  s.status_is_error = error;
}

bool listed(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

// A new run asks every checkpoint again.
void follow_run(const AppState& s, Lesson& l) {
  if (l.run == s.run_serial) return;
  l.run = s.run_serial;
  l.asked.assign(l.checkpoints.size(), false);
}

int due_index(const AppState& s) {
  const Lesson& l = s.lesson;
  const std::size_t step = s.trainer->current_step();
  for (std::size_t k = 0; k < l.checkpoints.size(); ++k)
    if (l.checkpoints[k].step == step && (l.run != s.run_serial || k >= l.asked.size() || !l.asked[k]))
      return static_cast<int>(k);
  return -1;
}

}  // namespace

void set_checkpoints(AppState& s, const std::vector<Checkpoint>& checkpoints) {
  Lesson& l = s.lesson;
  l = Lesson{};
  l.checkpoints = checkpoints;
  l.run = s.run_serial;
  l.asked.assign(checkpoints.size(), false);
}

bool checkpoint_due(const AppState& s) { return s.lesson.open < 0 && due_index(s) >= 0; }

void update_checkpoints(AppState& s) {
  Lesson& l = s.lesson;
  if (l.checkpoints.empty() || l.open >= 0) return;
  follow_run(s, l);
  const int k = due_index(s);
  if (k < 0) return;
  const Checkpoint& c = l.checkpoints[static_cast<std::size_t>(k)];
  l.asked[static_cast<std::size_t>(k)] = true;
  l.open = k;
  l.choice = -1;
  l.typed.clear();
  l.result = Lesson::Result::None;
  s.playing = false;
  s.queued_steps = 0;
  for (const std::string& name : c.lock)
    if (!listed(l.locked, name)) l.locked.push_back(name);
  for (const std::string& name : c.hide)
    if (!listed(l.hidden, name)) l.hidden.push_back(name);
  say(s, "Checkpoint at step " + std::to_string(c.step) + ": answer the question to go on.");
}

void answer_checkpoint(AppState& s) {
  Lesson& l = s.lesson;
  if (l.open < 0) return;
  const Checkpoint& c = l.checkpoints[static_cast<std::size_t>(l.open)];
  const std::optional<double> number = parse_answer(l.typed);
  if (c.choices.empty() && !number) return say(s, "Type a number, then Check.", true);
  if (!c.choices.empty() && l.choice < 0) return say(s, "Pick an answer, then Check.", true);
  const bool right = checkpoint_right(c, static_cast<std::size_t>(std::max(l.choice, 0)), number.value_or(0.0));
  l.result = right ? Lesson::Result::Right : Lesson::Result::Wrong;
  say(s, right ? "Right." : "Not quite: read the explanation.");
}

void close_checkpoint(AppState& s) {
  Lesson& l = s.lesson;
  if (l.open < 0) return;
  const Checkpoint& c = l.checkpoints[static_cast<std::size_t>(l.open)];
  l.open = -1;
  PanelsShown before = s.panels;
  if (c.opens == "data") s.panels.data = true;
  if (c.opens == "activation" || c.opens == "log-loss") s.panels.activation = true;
  if (c.opens == "log-loss") s.log_loss_explorer = true;
  if (c.opens == "loss") s.panels.loss = true;
  if (c.opens == "chain") s.panels.chain = true;
  if (c.opens == "landscape") s.panels.landscape = true;
  if (c.derivative) s.show_derivative = true;
  if (s.panels != before) s.reset_layout = true;
  say(s, "Go on: Space steps.");
}

bool control_locked(const AppState& s, const std::string& name) { return listed(s.lesson.locked, name); }
bool control_hidden(const AppState& s, const std::string& name) { return listed(s.lesson.hidden, name); }

}  // namespace ll::app
