#include "model/app_state.h"

#include <chrono>
#include <cmath>
#include <new>

#include "ll/error.h"
#include "ll/number_format.h"
#include "ll/predict.h"
#include "model/compare_run.h"
#include "run/step_cells.h"

namespace ll::app {
namespace {

// Per-sample chains are kept for the current step only, and only for batches up to this size;
// bigger batches are shown row by row on demand (ll::sample_chain).
bool keep_chains(const Trainer& t) { return batch_size_of(t.settings(), t.data()) <= kChainsShownUpTo; }
bool keep_chains(const AppState& s) { return keep_chains(*s.trainer); }

// The panels index the batch by row; a full-batch record made without chains does not list it.
StepRecord listed(StepRecord r) {
  if (r.full_batch && r.batch.empty()) {
    r.batch.resize(r.m);
    for (std::size_t i = 0; i < r.m; ++i) r.batch[i] = i;
  }
  return r;
}

std::string loss_text(const std::optional<double>& v) { return v ? format_number(*v) : "undefined"; }

// A new trainer: what was shown of the old one no longer holds.
// A second run (model/compare_run.h) starts over beside it.
void install(AppState& s, std::unique_ptr<Trainer> trainer) {
  s.trainer = std::move(trainer);
  s.run_serial = ++s.serials;
  s.queued_steps = 0;   // queued for the run this one replaces
  build_second_run(s);
}

// Keeps the record the trainer just returned as the one shown, so that it is not computed again.
void keep_shown(const AppState& s, StepRecord record) {
  RunViewCache& c = s.view_cache;
  c.run = s.run_serial;
  c.step = s.trainer->current_step();
  c.failure = record.status != StepStatus::Ok;
  c.record = listed(std::move(record));
}

void say(AppState& s, std::string text, bool error = false) {
  s.status = std::move(text);
  s.status_is_error = error;
}

}  // namespace

const StepRecord* shown_record_of(const Trainer& t, std::uint64_t serial, RunViewCache& c) {
  const bool failure = t.failure().has_value();
  if (c.run != serial || c.step != t.current_step() || c.failure != failure) {
    c.run = serial;
    c.step = t.current_step();
    c.failure = failure;
    if (failure) c.record = listed(*t.failure());
    else if (c.step == 0) c.record.reset();
    else c.record = listed(t.record(c.step, keep_chains(t)));
  }
  return c.record ? &*c.record : nullptr;
}

const StepRecord* shown_record(const AppState& s) { return shown_record_of(*s.trainer, s.run_serial, s.view_cache); }

std::uint64_t shown_step_key(const AppState& s) {
  const std::uint64_t step = s.trainer ? s.trainer->current_step() : 0;
  const bool failure = s.trainer && s.trainer->failure().has_value();
  return (s.run_serial * 0x9E3779B97F4A7C15ull + step) * 2 + (failure ? 1 : 0);
}

double accuracy_now(const AppState& s) {
  RunViewCache& c = s.view_cache;
  const Params theta = s.trainer->theta();
  const Activation a = s.settings().activation;
  if (c.accuracy_run != s.run_serial || c.accuracy_activation != a || !(c.accuracy_theta == theta)) {
    c.accuracy_run = s.run_serial;
    c.accuracy_activation = a;
    c.accuracy_theta = theta;
    c.accuracy = accuracy(s.data(), theta, a);
  }
  return c.accuracy;
}

RunSpec current_spec(const AppState& s) {
  RunSpec spec = s.spec;
  spec.settings = s.settings();
  spec.theta0 = s.theta0();
  spec.steps = s.trainer->current_step();
  spec.first_batch.clear();  // a first batch picked by hand is part of the history, not of the settings
  ViewSpec view;
  view.title = s.lesson_title;
  view.description = s.lesson_description;
  view.theme = s.light_theme ? Theme::Light : Theme::Dark;
  view.font_scale = s.presentation ? s.normal_font_scale : s.font_scale;
  view.panels = s.panels;
  view.checkpoints = s.lesson.checkpoints;
  spec.view = view;
  return spec;
}

std::string settings_caption(const AppState& s) {
  const Settings& settings = s.trainer->settings();
  std::string text = s.data().name + " · " + std::string(name(settings.activation)) + " + " +
                     std::string(long_name(settings.loss)) + " · " + std::string(name(settings.mode)) +
                     " (m = " + format_count(batch_size_of(settings, s.data())) + ") · " + rates_text(settings);
  return text + " · step " + std::to_string(s.trainer->current_step());
}

std::string ready_status(const AppState& s) {
  std::string ready = "Ready: " + s.data().name + ", " + format_count(s.data().rows()) + " samples. Press Space to step.";
  for (const std::string& note : data_notices(s.data())) ready += " Note: " + note;
  if (s.second) ready += " Run b beside it: " + second_run_label(s) + ".";
  return ready;
}

bool start_run(AppState& s, const RunSpec& spec) {
  Run run;
  std::unique_ptr<Trainer> trainer;
  try {
    run = make_run(spec);
    trainer = std::make_unique<Trainer>(run.data, run.settings, run.theta0);
  } catch (const InputError& e) {
    say(s, e.what(), true);
    return false;
  }
  s.spec = spec;
  s.test_data = run.test_data;
  install(s, std::move(trainer));
  s.picked = run.first_batch;
  s.hovered_sample = -1;
  s.playing = false;
  say(s, ready_status(s));
  if (spec.steps > 0) run_steps(s, spec.steps);
  return true;
}

void reset_run(AppState& s) {
  try {
    install(s, std::make_unique<Trainer>(s.data_ptr(), s.settings(), s.theta0()));
  } catch (const InputError& e) {
    say(s, e.what(), true);
    return;
  }
  s.spec.settings = s.settings();
  s.picked.clear();
  s.playing = false;
  say(s, "Reset to θ₀.");
}

void change_settings(AppState& s, const Settings& settings) {
  if (settings == s.settings()) return;
  const Params new_shape = zero_params(settings, s.data());
  if (new_shape.rows != s.trainer->theta().rows || new_shape.cols != s.trainer->theta().cols) {
    try {
      validate(settings, s.data());
      install(s, std::make_unique<Trainer>(s.data_ptr(), settings, default_theta(s.data(), settings)));
    } catch (const InputError& e) {
      say(s, e.what(), true);
      return;
    }
    s.spec.settings = settings;
    s.spec.theta0.reset();
    s.spec.first_batch.clear();
    s.spec.steps = 0;
    s.picked.clear();
    say(s, std::string("θ now has ") + (settings.activation == Activation::Softmax ? "one row per class" : "one row") +
               ", so the run starts over from θ₀.");
    return;
  }
  try {
    s.trainer->set_settings(settings);
  } catch (const InputError& e) {
    say(s, e.what(), true);
    return;
  }
  say(s, "New settings apply from the next step.");
}

void change_theta0(AppState& s, const Params& theta0) {
  try {
    install(s, std::make_unique<Trainer>(s.data_ptr(), s.settings(), theta0));
  } catch (const InputError& e) {
    say(s, e.what(), true);
    return;
  }
  s.spec.settings = s.settings();
  s.spec.theta0 = theta0;
  s.picked.clear();
  say(s, "Starting over from the new θ₀.");
}

// Takes one step; `chains` asks for the per-sample chains in the record kept for display. A run
// notice (not an error, e.g. separable data) goes to `notice`; the caller says it after its last
// step, so that the step line does not hide it.
static bool take_step(AppState& s, bool chains, std::string& notice) {
  Trainer& t = *s.trainer;
  if (steps_dropped_by_next_step(s) > 0 && !s.discard_allowed) {
    s.playing = false;
    s.confirm_discard = true;
    return false;
  }
  s.discard_allowed = false;
  s.confirm_discard = false;
  const std::vector<std::size_t> batch = s.picked;   // the second run takes the same batch
  if (!s.picked.empty()) {
    try {
      t.set_next_batch(s.picked);
    } catch (const InputError& e) {
      say(s, e.what(), true);
      s.picked.clear();
      return false;
    }
  }
  // The data-set loss only for a step that is shown (a fast run on big data skips its passes).
  StepRecord rec;
  try {
    rec = t.step(chains && keep_chains(s), chains);
  } catch (const std::bad_alloc&) {  // the trainer's history is as it was before the step
    s.playing = false;
    s.queued_steps = 0;
    say(s, "Out of memory at step " + format_count(t.current_step() + 1) + ": the history of " +
               format_count(t.history_size()) + " steps is kept; Reset to start over.", true);
    return false;
  }
  if (rec.status != StepStatus::Ok) {
    s.playing = false;
    say(s, rec.message, true);
    keep_shown(s, std::move(rec));  // the chain panel shows which sample broke it
    return false;
  }
  s.picked.clear();
  step_second_run(s, batch, chains);
  if (!rec.notice.empty()) notice = rec.notice;
  if (chains) {
    say(s, "Step " + std::to_string(rec.step) + " · epoch " + std::to_string(rec.epoch) + " · loss " +
               loss_text(rec.loss_before) + " → " + loss_text(rec.loss_after));
    keep_shown(s, std::move(rec));
  }
  return true;
}

bool step_forward(AppState& s) {
  if (s.practice.on) return practice_step(s);
  return take_next_step(s);
}

bool take_next_step(AppState& s) {
  std::string notice;
  const bool ok = take_step(s, true, notice);
  if (!notice.empty()) say(s, notice);
  return ok;
}

std::size_t steps_dropped_by_next_step(const AppState& s) {
  const Trainer& t = *s.trainer;
  const std::size_t later = t.history_size() - t.current_step();
  if (later == 0) return 0;
  // A picked batch becomes the trainer's next batch only when the step is taken.
  return s.picked.empty() && t.next_step_keeps_future() ? 0 : later;
}

void confirm_discard_and_step(AppState& s) {
  const std::size_t dropped = steps_dropped_by_next_step(s);
  s.discard_allowed = true;
  if (step_forward(s) && dropped > 0)
    say(s, s.status + " (a new branch: the " + std::to_string(dropped) + " later steps were dropped)");
  s.discard_allowed = false;
}

void cancel_discard(AppState& s) {
  s.confirm_discard = false;
  say(s, "Nothing dropped: the later steps are kept (the timeline reaches them).");
}

void run_steps(AppState& s, std::size_t n) {
  if (s.work_in_slices && n > 1) {
    s.queued_steps = s.queued_total = n;
    s.playing = false;
    return;
  }
  std::string notice;
  for (std::size_t k = 0; k < n; ++k)   // a lesson's checkpoint stops the run at its step
    if (!take_step(s, k + 1 == n, notice) || checkpoint_due(s)) break;
  if (!notice.empty() && !s.status_is_error) say(s, notice);
}

void advance_queued_steps(AppState& s, double seconds) {
  if (s.queued_steps == 0) return;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  std::string notice;
  bool ok = true;
  // Steps in small groups between looks at the clock; only the slice's last step is shown (its
  // chains and data-set loss), so a fast run on big data skips the passes it would not show.
  while (ok && s.queued_steps > 0) {
    const bool last = s.queued_steps == 1 || std::chrono::steady_clock::now() > deadline;
    ok = take_step(s, last, notice);
    --s.queued_steps;
    if (ok && checkpoint_due(s)) s.queued_steps = 0;
    if (last || s.queued_steps == 0) break;
  }
  if (!ok) s.queued_steps = 0;  // refused, diverged, or waiting for "drop the later steps?"
  if (!notice.empty() && !s.status_is_error) say(s, notice);
}

void cancel_queued_steps(AppState& s) {
  if (s.queued_steps == 0) return;
  const std::size_t taken = s.queued_total - s.queued_steps;
  s.queued_steps = 0;
  say(s, "Stopped after " + format_count(taken) + " of " + format_count(s.queued_total) + " steps, at step " +
             format_count(s.trainer->current_step()) + ".");
}

void step_back(AppState& s) {
  if (!s.trainer->step_back()) return;
  follow_first_run(s);
  s.playing = false;
  say(s, "Back at step " + std::to_string(s.trainer->current_step()) + " (Space replays the same steps).");
}

void seek(AppState& s, std::size_t step) {
  s.trainer->seek(step);
  follow_first_run(s);
}

void advance_play(AppState& s, double seconds) {
  if (!s.playing) return;
  if (s.practice.on) {   // each step waits for the student's answers
    s.playing = false;
    say(s, "Practice: Play is off; Step (Space) asks the next step.");
    return;
  }
  s.play_credit += seconds * s.steps_per_second;
  const auto owed = static_cast<std::size_t>(std::floor(s.play_credit));
  if (owed == 0) return;
  s.play_credit -= static_cast<double>(owed);
  // At most ~12 ms of stepping per frame; what does not fit is dropped, not carried over, so a
  // slow frame never snowballs.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(12);
  std::string notice;
  for (std::size_t k = 0; k < owed && s.playing; ++k) {
    const bool last = k + 1 == owed || std::chrono::steady_clock::now() > deadline;
    if (!take_step(s, last, notice) || last || checkpoint_due(s)) break;
  }
  if (!notice.empty() && !s.status_is_error) {  // pause, or the next frame's step line would hide it
    s.playing = false;
    say(s, notice + " Play paused.");
  }
}

Params current_theta(const AppState& s) { return s.trainer->theta(); }

std::vector<Params> recent_thetas(const AppState& s, int count) {
  std::vector<Params> out;
  const std::size_t c = s.trainer->current_step();
  const std::size_t first = c > static_cast<std::size_t>(count) ? c - static_cast<std::size_t>(count) : 0;
  for (std::size_t k = first; k < c; ++k) out.push_back(s.trainer->theta_at(k));
  return out;
}

}  // namespace ll::app
