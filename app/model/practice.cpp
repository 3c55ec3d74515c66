#include "model/practice.h"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "ll/error.h"
#include "model/app_state.h"

namespace ll::app {
namespace {

void say(AppState& s, std::string text, bool error = false) {
  s.status = std::move(text);
  s.status_is_error = error;
}

// How many entries a field has in this step: K for a softmax sample's vectors, θ's for the
// gradient and θ after, 1 otherwise.
std::size_t entries(const StepRecord& r, Field f) {
  if (f == Field::Gradient || f == Field::ThetaAfter) return r.theta_before.size();
  if (f == Field::LossAfter || f == Field::Loss) return 1;
  return r.samples.empty() ? 1 : r.samples[0].z.size();
}

// The answers the student has given so far, as the grader takes them (for "consistent with").
std::vector<Answer> given_answers(const Practice& p) {
  std::vector<Answer> out;
  for (const PracticeBlank& b : p.blanks)
    if (const std::optional<double> v = parse_answer(b.typed)) {
      Answer a = b.asked;
      a.value = *v;
      out.push_back(a);
    }
  return out;
}

// The question was answered: the streak, and with auto level-up one level more.
void finish(AppState& s) {
  Practice& p = s.practice;
  const bool all_right = std::all_of(p.blanks.begin(), p.blanks.end(),
                                     [](const PracticeBlank& b) { return b.mark == PracticeBlank::Mark::Right; });
  const std::string step = "Step " + std::to_string(p.question->step);
  if (!all_right) {
    p.streak = 0;
    return say(s, step + " done. Space shows it.");
  }
  ++p.streak;
  if (p.auto_level_up && p.level < kMostFade && p.streak >= p.level_up_after) {
    ++p.level;
    p.streak = 0;
    return say(s, step + ": all right. Level up: " + fade_name(p.level) + ". Space shows the step.");
  }
  say(s, step + ": all right. Space shows the step.");
}

}  // namespace

std::optional<double> parse_answer(std::string_view text) {
  std::string t;
  for (std::size_t k = 0; k < text.size(); ++k) {
    if (text.compare(k, 3, "−") == 0) { t += '-'; k += 2; continue; }   // U+2212, 3 bytes
    if (text[k] == ',') { t += '.'; continue; }
    if (text[k] != ' ' && text[k] != '\t') t += text[k];
  }
  if (t.empty()) return std::nullopt;
  if (t[0] == '+') t.erase(0, 1);
  double value = 0.0;
  const auto [end, error] = std::from_chars(t.data(), t.data() + t.size(), value);
  if (error != std::errc() || end != t.data() + t.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

std::string score_line(const PracticeScore& sc) {
  return std::to_string(sc.answered) + " answered · " + std::to_string(sc.right) + " right · " +
         std::to_string(sc.hints) + (sc.hints == 1 ? " hint" : " hints");
}

void reset_practice_score(AppState& s) {
  s.practice.score = {};
  s.practice.streak = 0;
  say(s, "Practice score reset.");
}

void ask_question(Practice& p, const StepRecord& r) {
  p.question = r;
  p.blanks.clear();
  p.rows_left_out = r.samples.size() > kPracticeRowsUpTo;
  // In the order a hand calculation fills them in (and Tab moves): each sample's chain, row by
  // row, then ∂L/∂θ, θ after and the loss after.
  auto add = [&](Field f, std::size_t row) {
    for (std::size_t k = 0; k < entries(r, f); ++k) {
      PracticeBlank b;
      b.asked.field = f;
      b.asked.row = row;
      b.asked.index = k;
      p.blanks.push_back(b);
    }
  };
  const std::size_t rows = p.rows_left_out ? 0 : r.samples.size();
  for (std::size_t row = 0; row < rows; ++row)
    for (Field f : kChainOrder)
      if (per_sample(f) && faded(f, p.level)) add(f, row);
  for (Field f : {Field::Gradient, Field::ThetaAfter, Field::LossAfter})
    if (faded(f, p.level) && (f != Field::LossAfter || r.loss_after)) add(f, 0);
  p.focus = p.blanks.empty() ? -1 : 0;
}

bool practice_done(const Practice& p) {
  return std::all_of(p.blanks.begin(), p.blanks.end(), [](const PracticeBlank& b) {
    return b.mark == PracticeBlank::Mark::Right || b.mark == PracticeBlank::Mark::Revealed;
  });
}

bool practice_asking(AppState& s) {
  Practice& p = s.practice;
  if (p.question && (p.question_run != s.run_serial || s.trainer->current_step() + 1 != p.question->step || !p.on)) {
    p.question.reset();
    p.blanks.clear();
  }
  return p.question.has_value();
}

void toggle_practice(AppState& s) {
  Practice& p = s.practice;
  p.on = !p.on;
  s.playing = false;
  practice_asking(s);   // off: the open question goes
  say(s, p.on ? "Practice on (Q): Step asks the next step's numbers before it shows them · level " + fade_name(p.level)
              : "Practice off: steps are shown at once.");
}

bool practice_step(AppState& s) {
  Practice& p = s.practice;
  if (practice_asking(s)) {
    if (!practice_done(p)) {
      reveal_practice(s);
      say(s, "Revealed what was still open. Space shows step " + std::to_string(p.question->step) + ".");
      return false;
    }
    p.question.reset();
    p.blanks.clear();
    return take_next_step(s);   // the history replays the step that was asked
  }
  if (!take_next_step(s)) return false;
  const StepRecord* r = shown_record(s);
  // A failed step, or one whose chains were not kept, is shown as it is.
  if (r == nullptr || r->status != StepStatus::Ok || r->samples.size() != r->m) return true;
  const StepRecord question = *r;
  step_back(s);
  ask_question(p, question);
  p.question_run = s.run_serial;
  if (p.blanks.empty()) {   // level 0: nothing to ask
    p.question.reset();
    return take_next_step(s);
  }
  say(s, "Practice, step " + std::to_string(question.step) + ": fill in the blanks (Tab or Enter moves on), then Check.");
  return true;
}

void check_practice(AppState& s) {
  Practice& p = s.practice;
  if (!practice_asking(s)) return;
  const std::vector<Answer> earlier = given_answers(p);
  int right = 0, wrong = 0;
  for (PracticeBlank& b : p.blanks) {
    if (b.mark == PracticeBlank::Mark::Right || b.mark == PracticeBlank::Mark::Revealed) continue;
    const std::optional<double> value = parse_answer(b.typed);
    if (!value) {
      if (!b.typed.empty()) {
        b.mark = PracticeBlank::Mark::Wrong;
        b.hint = "not a number";
      }
      continue;
    }
    b.asked.value = *value;
    std::vector<Answer> others;
    for (const Answer& a : earlier)
      if (!(a.field == b.asked.field && a.row == b.asked.row && a.index == b.asked.index)) others.push_back(a);
    const Grade g = grade(*p.question, b.asked, others);
    b.mark = g.right ? PracticeBlank::Mark::Right : PracticeBlank::Mark::Wrong;
    if (!b.counted) {
      b.counted = true;
      ++p.score.answered;
      if (g.right) ++p.score.right;
    }
    if (!g.right && !g.hint.empty() && g.hint != b.hint) ++p.score.hints;
    b.hint = g.hint;
    (g.right ? right : wrong) += 1;
  }
  if (practice_done(p)) return finish(s);
  const auto open = std::count_if(p.blanks.begin(), p.blanks.end(),
                                  [](const PracticeBlank& b) { return b.mark == PracticeBlank::Mark::Open; });
  say(s, std::to_string(right) + " right, " + std::to_string(wrong) + " wrong" +
             (open > 0 ? ", " + std::to_string(open) + " still blank" : "") + ". Fix the red ones, or Reveal.");
}

void reveal_practice(AppState& s, int index) {
  Practice& p = s.practice;
  if (!practice_asking(s)) return;
  for (std::size_t k = 0; k < p.blanks.size(); ++k) {
    PracticeBlank& b = p.blanks[k];
    if ((index >= 0 && static_cast<std::size_t>(index) != k) || b.mark == PracticeBlank::Mark::Right ||
        b.mark == PracticeBlank::Mark::Revealed)
      continue;
    b.mark = PracticeBlank::Mark::Revealed;
    ++p.score.hints;
  }
  if (practice_done(p)) finish(s);
}

void start_practice(AppState& s, int level, const std::string& answers) {
  Practice& p = s.practice;
  p.on = true;
  p.level = std::clamp(level, 0, kMostFade);
  if (!practice_step(s) || !practice_asking(s)) return;
  std::size_t k = 0;
  for (std::size_t at = 0; at < answers.size() && k < p.blanks.size();) {
    const std::size_t start = answers.find_first_not_of(' ', at);
    if (start == std::string::npos) break;
    const std::size_t end = std::min(answers.find(' ', start), answers.size());
    const std::string word = answers.substr(start, end - start);
    if (word != "_") p.blanks[k].typed = word;
    ++k;
    at = end;
  }
  if (!answers.empty()) check_practice(s);
  p.focus = -1;
}

bool cell_asked(const AppState& s, Field f, std::size_t row, std::size_t index) {
  if (s.practice.revealed_step == s.trainer->current_step()) return false;
  for (const Answer& a : s.practice.asked)
    if (a.field == f && a.row == row && a.index == index) return true;
  return false;
}

void toggle_asked(AppState& s, Field f, std::size_t row, std::size_t index) {
  std::vector<Answer>& asked = s.practice.asked;
  const auto it = std::find_if(asked.begin(), asked.end(), [&](const Answer& a) {
    return a.field == f && a.row == row && a.index == index;
  });
  if (it != asked.end()) {
    asked.erase(it);
    return;
  }
  Answer a;
  a.field = f;
  a.row = row;
  a.index = index;
  asked.push_back(a);
  s.practice.revealed_step = static_cast<std::size_t>(-1);
  say(s, std::string("Ask: ") + field_symbol(f) + " of row " + std::to_string(row + 1) +
             " is hidden at every step; Reveal shows it.");
}

void ask_cells(AppState& s, const std::string& list) {
  for (std::size_t at = 0; at < list.size();) {
    const std::size_t end = std::min(list.find(',', at), list.size());
    const std::string item = list.substr(at, end - at);
    at = end + 1;
    const std::size_t colon = item.find(':');
    const std::optional<Field> f = parse_field(item.substr(0, colon));
    const double row = colon == std::string::npos ? 0.0 : parse_answer(item.substr(colon + 1)).value_or(0.0);
    if (!f || !per_sample(*f) || row < 1 || row > 1e6 || row != std::floor(row))
      throw InputError("--ask '" + item + "': expected FIELD:ROW with FIELD one of z, yhat, loss, dL_dyhat, "
                       "dyhat_dz, dL_dz and ROW the 1-based row in the batch, e.g. yhat:3");
    const auto r = static_cast<std::size_t>(row) - 1;
    if (!cell_asked(s, *f, r, 0)) toggle_asked(s, *f, r, 0);
  }
}

void reveal_asked(AppState& s) {
  s.practice.revealed_step = s.trainer->current_step();
  say(s, "Revealed. The asked cells hide again at the next step.");
}

}  // namespace ll::app
