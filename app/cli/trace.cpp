#include "cli/trace.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <memory>
#include <vector>

#include "cli/run_options.h"
#include "ll/number_format.h"
#include "run/step_export.h"
#include "run/step_output.h"
#include "ll/error.h"
#include "ll/grader.h"

namespace ll::app {
namespace {

const std::vector<std::string> kFormats = {"text",        "csv",       "json",      "markdown",
                                           "latex",       "history-csv", "worksheet", "answer-key"};

}  // namespace

void add_trace_options(CLI::App& cmd, TraceOptions& o) {
  add_run_options(cmd, o.run);
  add_scenario_option(cmd, o.scenario);
  add_decimals_option(cmd, o.decimals);
  cmd.add_option("--every", o.every, "Print every k-th step and the last (default 1)")->check(whole_number(1));
  cmd.add_flag("--no-samples", o.no_samples, "Leave the per-sample part out");
  cmd.add_option("--format", o.format,
                 "text (default), csv (one row per printed step), json (one object per line), markdown, "
                 "latex, history-csv (θ and the losses of every step, printed at the end), worksheet (the step "
                 "with blanks to work out by hand) or answer-key (the worksheet filled in)")
      ->check(CLI::IsMember(kFormats));
  cmd.add_option("--fade", o.fade,
                 "worksheet, answer-key: which numbers are blanks, 0 (none) to " + std::to_string(kMostFade) +
                     " (every computed number, the default); each level leaves one more of z, ŷ, L, ∂L/∂ŷ, ∂ŷ/∂z, "
                     "∂L/∂z, ∂L/∂θ, θ after, the loss after to the student, from the end")
      ->check(CLI::Range(0, kMostFade));
  cmd.add_flag("--latex", o.latex, "worksheet, answer-key: in LaTeX (amsmath) instead of Markdown");
  add_compare_option(cmd, o.compare);
}

namespace {

// The output could not be written (a full disk, /dev/full): said on stderr, so that a script
// does not take a cut-off trace for a whole one.
bool output_lost() {
  // errno right after the write that failed says why (ENOSPC); a later successful call may not.
  const int first = errno;
  std::cout.flush();
  const bool flush_failed = std::fflush(stdout) != 0;
  int err = flush_failed ? errno : first;
  const bool lost = flush_failed || std::ferror(stdout) != 0 || std::cout.fail();
  if (!lost) return false;
  if (!flush_failed) {
    // The write that failed was earlier and its errno is gone: one byte more says why (the
    // output is cut off already; a full disk refuses it again).
    std::clearerr(stdout);
    std::fputc('\n', stdout);
    if (std::fflush(stdout) != 0) err = errno;
  }
  std::cerr << "logistic-lab trace: cannot write the output: " << std::strerror(err != 0 ? err : EIO) << "\n";
  return true;
}

}  // namespace

int run_trace(const TraceOptions& o) {
  if (std::find(kFormats.begin(), kFormats.end(), o.format) == kFormats.end())
    throw InputError("--format: unknown format '" + o.format +
                     "' (choose text, csv, json, markdown, latex, history-csv, worksheet or answer-key)");
  const bool sheet = o.format == "worksheet" || o.format == "answer-key";
  if ((o.fade || o.latex) && !sheet)
    throw InputError(std::string(o.fade ? "--fade" : "--latex") + " goes with --format worksheet or --format answer-key");
  if (o.fade && (*o.fade < 0 || *o.fade > kMostFade))
    throw InputError("--fade: a level from 0 to " + std::to_string(kMostFade));
  if (o.every == 0) throw InputError("--every must be at least 1");
  if (o.decimals) set_display_decimals(*o.decimals);
  // The runs: a, and with --compare b beside it.
  RunSpec spec_a = o.run;
  apply_compare_option(spec_a, o.compare);
  if (spec_a.compare && o.format != "text" && o.format != "json")
    throw InputError("--compare prints text or json (--format text or --format json)");
  std::vector<RunSpec> specs = {spec_a};
  if (spec_a.compare) specs.push_back(second_run(spec_a));
  std::vector<Run> runs;
  std::vector<std::unique_ptr<Trainer>> trainers;
  for (const RunSpec& spec : specs) {
    runs.push_back(make_run(spec));
    trainers.push_back(std::make_unique<Trainer>(runs.back().data, runs.back().settings, runs.back().theta0));
    if (!runs.back().first_batch.empty()) trainers.back()->set_next_batch(runs.back().first_batch);
  }
  const Run& run = runs[0];
  Trainer& trainer = *trainers[0];
  const bool compare = runs.size() > 1;
  const bool history = o.format == "history-csv";
  const bool samples = (!o.no_samples || sheet) && !history;   // a worksheet is its samples

  if (o.format == "csv") write_csv_header(stdout, run.theta0);
  bool first = true;
  std::size_t run_index = 0;   // the run being printed
  auto print = [&](const StepRecord& r) {
    const char* run_name = run_index == 0 ? "a" : "b";
    const Run& printed = runs[run_index];
    if (o.format == "json") {
      nlohmann::ordered_json j = nlohmann::ordered_json::object();
      if (compare) j["run"] = run_name;
      j.update(step_json(r, samples));
      j.update(score_json(r, *printed.data, printed.test_data.get()));
      std::cout << j.dump() << "\n";
    } else if (o.format == "csv") { std::cout.flush(); write_csv_row(stdout, r); std::fflush(stdout); }
    else if (o.format == "markdown") std::cout << (first ? "" : "\n") << step_markdown(r, *run.data, samples);
    else if (o.format == "latex") std::cout << (first ? "" : "\n") << step_latex(r, *run.data, samples);
    else if (sheet)
      std::cout << (first ? "" : "\n") << worksheet(r, *run.data, o.fade.value_or(kMostFade), o.format == "answer-key", o.latex);
    else if (!history) {
      if (compare) std::cout << "── run " << run_name << (run_index == 0 || o.compare.empty() ? "" : ": " + o.compare) << " ──\n";
      write_step_text(std::cout, r, *printed.data, printed.test_data.get(), samples);
    }
    first = false;
  };
  // Notices (the data, the run) go to stderr once, as notes: the run goes on and exits as usual.
  for (const std::string& note : data_notices(*run.data)) std::cerr << "logistic-lab trace: note: " << note << "\n";
  StepRecord r;
  for (std::size_t k = 1; k <= o.run.steps; ++k) {
    const bool shown = !history && (k % o.every == 0 || k == o.run.steps);
    for (run_index = 0; run_index < trainers.size(); ++run_index) {
      Trainer& t = *trainers[run_index];
      const std::string who = compare ? std::string("run ") + (run_index == 0 ? "a" : "b") + ": " : "";
      // Chains are computed only for the steps that are printed (a million-step run stays fast).
      // The data-set loss too: a stochastic step on a big data set leaves it out (one pass each).
      t.step(r, shown && samples, shown || history);   // r's storage is reused: no allocation per step
      if (!r.notice.empty()) std::cerr << "logistic-lab trace: note: " << who << "step " << r.step << ": " << r.notice << "\n";
      if (r.status != StepStatus::Ok) {
        if (!shown) r = t.step(samples, true);  // the same failure, with its samples and losses
        print(r);
        if (history) std::cout << history_csv(trainer, run.test_data.get());  // the steps before it
        if (output_lost()) return 2;
        std::cerr << "logistic-lab trace: " << who << r.message << "\n";
        return 3;
      }
      if (shown) {
        errno = 0;
        print(r);
        if ((std::cout.fail() || std::ferror(stdout) != 0) && output_lost()) return 2;  // no use running on
      }
    }
  }
  if (history) std::cout << history_csv(trainer, run.test_data.get());
  return output_lost() ? 2 : 0;
}

}  // namespace ll::app
