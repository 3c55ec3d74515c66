#include "model/compare_run.h"

#include <algorithm>
#include <cmath>
#include <new>
#include <utility>

#include "ll/error.h"
#include "ll/number_format.h"
#include "run/step_cells.h"

namespace ll::app {
namespace {

// The comparison ends: b goes, and the spec no longer holds it.
void end_comparison(AppState& s) {
  s.second.reset();
  s.spec.compare.reset();
  s.chain_shows = AppState::ChainShows::RunA;
}

void say_error(AppState& s, const std::string& text) {
  s.status = text;
  s.status_is_error = true;
}

// b beside a's trainer, from a's θ₀: its data are a's unless it standardizes otherwise.
std::unique_ptr<SecondRun> make_second_run(const AppState& s, const CompareSpec& spec) {
  auto b = std::make_unique<SecondRun>();
  b->spec = spec;
  std::shared_ptr<const Dataset> data = s.data_ptr();
  if (spec.standardize != s.spec.data.standardize) {
    RunSpec first = s.spec;
    first.compare = spec;
    data = make_run(second_run(first)).data;   // the same source, standardized as b says
  }
  validate(spec.settings, *data);
  b->trainer = std::make_unique<Trainer>(data, spec.settings, s.theta0());
  return b;
}


}  // namespace

bool build_second_run(AppState& s) {
  if (!s.spec.compare) {
    s.second.reset();
    return true;
  }
  try {
    s.second = make_second_run(s, *s.spec.compare);
  } catch (const InputError& e) {
    end_comparison(s);
    say_error(s, std::string("Run b is left out: ") + e.what());
    return false;
  }
  s.second->serial = ++s.serials;
  return true;
}

void step_second_run(AppState& s, const std::vector<std::size_t>& batch, bool chains) {
  if (!s.second) return;
  Trainer& b = *s.second->trainer;
  if (b.current_step() + 1 != s.trainer->current_step()) return;   // b stopped before
  try {
    if (!batch.empty()) b.set_next_batch(batch);
    // Its chains only where a's are kept for display (a fast run leaves both out).
    b.step(chains && batch_size_of(b.settings(), b.data()) <= kChainsShownUpTo, chains);
  } catch (const InputError& e) {
    say_error(s, std::string("Run b: ") + e.what());
  } catch (const std::bad_alloc&) {
    say_error(s, "Out of memory in run b at step " + format_count(b.current_step() + 1) +
                     ": run b stops there; run a goes on.");
  }
}

void follow_first_run(AppState& s) {
  if (!s.second) return;
  Trainer& b = *s.second->trainer;
  b.seek(std::min(s.trainer->current_step(), b.history_size()));
}

bool change_second_run(AppState& s, const std::optional<CompareSpec>& spec) {
  if (!spec) {
    end_comparison(s);
    s.status = "One run again.";
    s.status_is_error = false;
    return true;
  }
  std::unique_ptr<SecondRun> b;
  try {
    b = make_second_run(s, *spec);
  } catch (const InputError& e) {
    say_error(s, std::string("Run b: ") + e.what());   // the comparison as it was stays
    return false;
  }
  b->serial = ++s.serials;
  // b takes the steps a has taken (its own sampler: the same order from the same seed).
  for (std::size_t k = 0; k < s.trainer->current_step(); ++k)
    if (b->trainer->step(false, false).status != StepStatus::Ok) break;
  s.second = std::move(b);
  s.spec.compare = spec;
  s.status = "Run b beside it: " + second_run_label(s) + ".";
  s.status_is_error = false;
  return true;
}

const StepRecord* second_shown_record(const AppState& s) {
  if (!s.second) return nullptr;
  return shown_record_of(*s.second->trainer, s.second->serial, s.second->view_cache);
}

const LossCurve* second_loss_curve(const AppState& s) {
  if (!s.second) return nullptr;
  return &loss_curve_of(*s.second->trainer, s.second->serial, s.second->view_cache);
}

double second_mean_loss_at(const AppState& s, std::size_t step) {
  if (!s.second || step > s.second->trainer->history_size()) return NAN;
  return s.second->trainer->loss_at(step).value_or(NAN);
}

bool second_run_drawable(const AppState& s) {
  if (!s.second) return false;
  const Params a = s.trainer->theta(), b = s.second->trainer->theta();
  return a.rows == b.rows && a.cols == b.cols && s.second->spec.standardize == s.spec.data.standardize;
}

std::string second_run_label(const AppState& s) {
  if (!s.second) return "";
  const Settings& a = s.settings();
  const Settings& b = s.second->spec.settings;
  std::vector<std::string> parts;
  if (b.activation != a.activation) parts.emplace_back(name(b.activation));
  if (b.loss != a.loss) parts.emplace_back(long_name(b.loss));
  if (b.mode != a.mode || batch_size_of(b, s.data()) != batch_size_of(a, s.data()))
    parts.push_back(std::string(name(b.mode)) + " (m = " + format_count(batch_size_of(b, s.data())) + ")");
  if (b.order != a.order) parts.emplace_back(name(b.order));
  if (b.learning_rate != a.learning_rate || b.momentum != a.momentum || b.l2 != a.l2) parts.push_back(rates_text(b));
  if (s.second->spec.standardize != s.spec.data.standardize)
    parts.emplace_back(s.second->spec.standardize ? "standardized" : "raw features");
  if (b.labels != a.labels) parts.push_back(std::string("labels ") + std::string(name(b.labels)));
  if (b.reduction != a.reduction) parts.push_back(std::string(name(b.reduction)) + " over the batch");
  if (b.squared_error != a.squared_error) parts.emplace_back(b.squared_error == SquaredError::Half ? "½ squared error" : "full squared error");
  if (b.momentum_form != a.momentum_form) parts.push_back(std::string("momentum ") + std::string(name(b.momentum_form)));
  if (parts.empty()) return "the same settings";
  std::string text = parts[0];
  for (std::size_t i = 1; i < parts.size(); ++i) text += ", " + parts[i];
  return text;
}

std::string second_run_stop_note(const AppState& s) {
  if (!s.second) return "";
  const Trainer& b = *s.second->trainer;
  if (b.current_step() >= s.trainer->current_step()) return "";
  std::string note = "run b stopped at step " + format_count(b.current_step());
  if (b.failure()) note += ": " + b.failure()->message;
  return note;
}

SecondRunInView::SecondRunInView(AppState& state, bool when) : state_(state), active_(when && state.second != nullptr) {
  if (active_) swap_runs();
}

SecondRunInView::~SecondRunInView() {
  if (active_) swap_runs();
}

void SecondRunInView::swap_runs() {
  std::swap(state_.trainer, state_.second->trainer);
  std::swap(state_.run_serial, state_.second->serial);
  std::swap(state_.view_cache, state_.second->view_cache);
}

}  // namespace ll::app
