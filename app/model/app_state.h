#pragma once
// Everything the window shows and edits, in one object: the run (data + Trainer), the settings
// the controls edit, and the view state the panels share (hovered sample, picked batch, play).
// No ImGui here: the actions below are plain functions, used by the panels and the keyboard.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "ll/dataset.h"
#include "ll/trainer.h"
#include "model/data_edits.h"
#include "model/held_out_view.h"
#include "model/layout.h"
#include "model/lesson.h"
#include "model/practice.h"
#include "run/run_spec.h"

namespace ll::app {

// The loss curve's series, read from the trainer's summaries as steps are taken. It keeps what it
// draws, not every step: up to kMostCurvePoints points a series, each point `stride` steps apart
// (stride doubles as the history grows), the batch loss as its low and high over those steps.
// Exact values of any one step come from the trainer (loss_at, summary).
constexpr std::size_t kMostCurvePoints = 1u << 16;
struct LossCurve {
  std::size_t steps = 0;              // the steps read so far
  std::size_t stride = 1;             // steps per point
  std::vector<double> mean_loss;      // [i] = mean loss over the data set after i·stride steps (NaN:
                                      // undefined, or left out by a fast run on big data: Trainer::step)
  std::vector<double> data_loss;      // [i]: mean_loss[i]'s data term, without the L2 penalty
  std::vector<double> batch_low, batch_high;  // [i]: over steps i·stride + 1 … (i + 1)·stride
  double pending_low = INFINITY, pending_high = -INFINITY;   // the bucket being filled
  // Once a step left the loss out: the steps whose loss is known and their losses (undefined: NaN,
  // which breaks the line), so that the curve joins the points it has rather than breaking at
  // every gap. Empty while every step has its loss.
  std::vector<double> known_steps, known_loss;
  std::vector<double> epoch_starts;   // steps at which a new epoch began (the first kMostCurvePoints)
  std::vector<double> setting_marks;  // steps at which the settings changed
  std::size_t last_epoch = 0, last_settings = 0;   // of the last step read
};

// What the panels show of the run, derived from the trainer and kept until it changes (see
// shown_record and loss_curve). Only app_state.cpp writes it.
struct RunViewCache {
  std::uint64_t run = 0;              // AppState::run_serial it was made for
  std::size_t step = 0;               // the trainer's current step it was made for
  bool failure = false;               // made for the trainer's failed step
  std::optional<StepRecord> record;
  std::uint64_t curve_run = 0;
  std::size_t curve_branches = 0;     // Trainer::branches() when the curve was read
  LossCurve curve;
  std::uint64_t accuracy_run = 0;     // the accuracy of θ now, for this run, θ and activation
  Params accuracy_theta;
  Activation accuracy_activation = Activation::Sigmoid;
  double accuracy = 0.0;
};

// The second run of a side-by-side comparison (RunSpec::compare): a trainer of its own on the same
// data (standardized as its spec says), from the first run's θ₀ with its seed, stepping with the
// first run (model/compare_run.h). Its view cache is its own.
struct SecondRun {
  CompareSpec spec;
  std::unique_ptr<Trainer> trainer;
  std::uint64_t serial = 0;           // as AppState::run_serial (one counter for both)
  mutable RunViewCache view_cache;
};

// The largest batch whose per-sample chains are kept for display (a bigger one shows its sums).
constexpr std::size_t kChainsShownUpTo = 5000;

struct AppState {
  // What defines the run: the spec it started from (data and its options, θ₀ as given, the first
  // batch, the steps, a lesson's view). The trainer owns the data, the settings in force and the
  // history; the accessors below read them there.
  RunSpec spec;
  std::unique_ptr<Trainer> trainer;
  std::shared_ptr<const Dataset> test_data;   // the held-out part (--test-fraction); none: no split
  mutable HeldOutCache held_out;              // what the panels show of it (model/held_out_view.h)
  DataEdits edits;                            // points moved in the data panel (model/data_edits.h)
  Practice practice;                          // practice mode and Ask (model/practice.h)
  Lesson lesson;                              // a scenario's checkpoints (model/lesson.h)
  // The data plot's area in the window's pixels and the range it shows (the GUI tests' trace).
  struct PlotFrame {
    float left = 0, top = 0, right = 0, bottom = 0;
    double x_min = 0, x_max = 0, y_min = 0, y_max = 0;
    bool operator==(const PlotFrame& o) const {
      return std::tie(left, top, right, bottom, x_min, x_max, y_min, y_max) ==
             std::tie(o.left, o.top, o.right, o.bottom, o.x_min, o.x_max, o.y_min, o.y_max);
    }
  } data_plot, traced_plot;
  std::uint64_t run_serial = 0;       // a new trainer, a new number (for the caches)
  std::uint64_t serials = 0;          // the numbers given so far (the second run's too)
  std::unique_ptr<SecondRun> second;  // run b beside this one (none: one run)
  // What the chain panel shows while there are two runs: run a's step, run b's, or a table of
  // the differences of their numbers.
  enum class ChainShows { RunA, RunB, Differences } chain_shows = ChainShows::RunA;
  const Dataset& data() const { return trainer->data(); }
  std::shared_ptr<const Dataset> data_ptr() const { return trainer->data_ptr(); }
  const Settings& settings() const { return trainer->settings(); }   // what the next step uses
  Params theta0() const { return trainer->theta_at(0); }
  mutable RunViewCache view_cache;

  // Shared view state.
  int hovered_sample = -1;            // 0-based, set by whichever panel the mouse is over
  std::vector<std::size_t> picked;    // samples clicked in the data plot: the next step's batch
  bool playing = false;
  double steps_per_second = 10.0;     // Play speed, 1 … 5000
  double play_credit = 0.0;           // fractional steps owed by Play
  std::size_t run_n = 100;            // "Run N steps"
  // The window takes long work (Run N, a lesson's steps) a slice per frame, so that it keeps
  // answering, with a progress bar and Cancel; screenshots and tests take it at once.
  bool work_in_slices = false;
  std::size_t queued_steps = 0;       // steps still to take
  std::size_t queued_total = 0;       // how many were asked for (the progress bar)
  std::string status;                 // the last message, in plain words
  bool status_is_error = false;

  // Window and view options.
  float font_scale = 1.0f;
  int decimals = 4;                   // the most decimals numbers are written with (ll/number_format.h)
  bool reset_layout = true;           // apply the default layout on the next frame
  float layout_size[2] = {0, 0};      // the window size the layout was last applied to
  Layout last_layout;                 // the default layout last computed (a change re-applies it)
  bool plots_instead = false;         // V: the plots in the chain's place, when they gave way to it
  int chain_page = 0;                 // the chain in pages (too small a panel): the page shown
  bool show_derivative = false;       // σ′(z) curve in the activation plot
  bool log_loss_explorer = false;     // the activation panel shows −log ŷ and −log(1 − ŷ) against ŷ
  double log_loss_y_hat = 0.1;        // … and the ŷ dragged along it
  bool log_loss = false;              // log-y loss plot
  // The loss landscape panel: which two entries of θ are its axes (−1: the default pair), which
  // surface (the run's loss, or the other of BCE/CCE and squared error), and what its range fits.
  struct LandscapeView {
    int a = -1, b = -1;
    bool other_surface = false;
    bool fit_optimum = false;         // the range takes in θ* (else the path alone)
    bool refit = true;                // fit the range on the next frame
    double range[4] = {-1, 1, -1, 1};  // the fitted range: x min, x max, y min, y max
    Params pending_theta0;            // a click asked to start over from here (empty: none)
  } landscape;
  bool show_shading = true;           // P(y = 1 | x) behind the data
  bool show_confusion = false;        // the confusion matrix under the data plot (always with a test part)
  bool show_help = false;
  bool light_theme = false;           // the light, high-contrast theme (projectors, slides)
  bool presentation = false;          // F11: full screen, the slim bar, a big step counter
  float normal_font_scale = 1.0f;     // the font scale to go back to when presentation ends
  bool size_text_for_screen = false;  // presentation began: size the text once full screen
  int frames_since_presentation = 0;
  PanelsShown panels;                 // which panels are shown (View menu)

  // PNG saving: F12 (the window) and each panel's right-click menu (that panel alone) ask here;
  // the frame loop renders the capture between frames (gui/png_export.h).
  struct PngRequest {
    bool pending = false;
    std::string window;               // ImGui window name; "" for the whole window
    std::string panel;                // the short name in the file name ("chain"); "" for the window
  } png_request;
  int png_scale = 1;                  // 1, or 2 for print
  // A picture for a slide: no menu bar, controls, "(?)" markers, check boxes or title-bar arrows
  // (saved PNGs while they are drawn; `screenshot --slide` throughout), and, if `slide_caption`,
  // a line that stamps the settings (settings_caption).
  bool slide = false;
  bool slide_caption = false;
  bool slide_conventions = false;     // View ▸ Conventions on saved PNGs; `screenshot --conventions`         // View ▸ Caption on saved PNGs; `screenshot --caption`
  std::string screenshot_folder;      // where PNGs go; "" = the XDG pictures folder/logistic-lab
  std::vector<std::string> recent_files;      // CSV files opened, most recent first
  std::vector<std::string> recent_scenarios;  // scenario files opened or saved
  std::string lesson_title;           // from a scenario file: shown above the run buttons
  std::string lesson_description;
  bool rebuild_fonts = false;         // the font scale changed outside the keys (a scenario opened)

  // The file dialog (a path field with the recent files), for one purpose at a time.
  struct PathDialog {
    enum class Kind { None, OpenCsv, OpenScenario, SaveScenario, SaveDataCsv, ScreenshotFolder } kind = Kind::None;
    std::string path;                 // the text field
    std::string error;                // why the last try failed, shown in the dialog
  } path_dialog;

  // Branches. A step from a past step with other settings or a picked batch would drop the
  // later steps; the window asks first. The step is not taken and `confirm_discard` is set; the
  // user's "yes" sets `discard_allowed` and steps again.
  bool confirm_discard = false;
  bool discard_allowed = false;
  int boundary_trail = 5;             // faded boundaries of the last steps

  // The data set before picking features and classes (the controls' pickers), loaded once per
  // source: see source_data in model/data_choice.h.
  std::shared_ptr<const Dataset> source_data;
  std::size_t traced_step = static_cast<std::size_t>(-1);  // LOGISTIC_LAB_TRACE_STEPS: last printed
  const Dataset* traced_data = nullptr;
  std::string traced_status;
};

// Builds the run from `spec` (data, settings, θ₀, the first step's batch) and takes its steps. On
// bad input it returns false with the message in state.status and keeps the run it had.
bool start_run(AppState& state, const RunSpec& spec);
// "Ready: iris, 150 samples. Press Space to step." and what the data's notices say.
std::string ready_status(const AppState& state);
// The settings a picture was taken with, for its caption: "iris4 · sigmoid + binary cross-entropy
// · batch (m = 4) · η = 0.01 · step 1" (β when not 0).
std::string settings_caption(const AppState& state);
// Starts over from θ₀ with the current settings (the history goes).
void reset_run(AppState& state);
// New settings from the next step; the history is kept and the loss curve marks the change.
// Switching to or from softmax changes θ's shape, so it starts a new run (said in the status).
void change_settings(AppState& state, const Settings& settings);
// θ₀ edited: starts over from it.
void change_theta0(AppState& state, const Params& theta0);

// How many later steps the next step would drop (0: it replays them, or is at the end).
std::size_t steps_dropped_by_next_step(const AppState& state);
// The user's answer to "drop the later steps?": yes takes the step, no keeps everything.
void confirm_discard_and_step(AppState& state);
void cancel_discard(AppState& state);

// One step (the picked samples, if any, form its batch). False if refused or diverged, or if it
// would drop later steps the user has not agreed to drop (see confirm_discard). In practice mode
// the step is asked first (practice_step).
bool step_forward(AppState& state);
// The step itself, never asked (what practice_step takes).
bool take_next_step(AppState& state);
void step_back(AppState& state);
void seek(AppState& state, std::size_t step);
// Up to n steps; stops at a refusal or divergence. With work_in_slices they are queued instead
// (advance_queued_steps takes them).
void run_steps(AppState& state, std::size_t n);
// Takes queued steps for about `seconds` (at least one); the last one taken is shown.
void advance_queued_steps(AppState& state, double seconds);
// Drops the queued steps; the steps taken stay, and the status says how far it got.
void cancel_queued_steps(AppState& state);
// Play: takes the steps owed after `seconds` of wall time, within a time budget per frame.
void advance_play(AppState& state, double seconds);

// The step on show: the trainer's failed step if the latest step failed (which sample broke it),
// else the current step's record (with its per-sample chains for batches up to kChainsShownUpTo); none
// at step 0.
const StepRecord* shown_record(const AppState& state);
// Which step is on show, as one number: it changes with the run, the step and a failed step
// (what shown_record depends on), for caches that must not compare a whole record every frame.
std::uint64_t shown_step_key(const AppState& state);
// The loss curve of the kept history.
const LossCurve& loss_curve(const AppState& state);
// The same two for any trainer, with its own serial and cache (the second run's).
const StepRecord* shown_record_of(const Trainer& trainer, std::uint64_t serial, RunViewCache& cache);
const LossCurve& loss_curve_of(const Trainer& trainer, std::uint64_t serial, RunViewCache& cache);
// One step's losses, exactly: the mean over the data set after `step` steps (NaN: undefined) and
// the batch loss of step `step` (none at step 0). A step the curve decimated, or one before the
// history's tail, is recomputed.
double mean_loss_at(const AppState& state, std::size_t step);
double data_loss_at(const AppState& state, std::size_t step);    // its data term (λ > 0)
std::optional<double> batch_loss_at(const AppState& state, std::size_t step);

// The fraction of samples θ now classifies right. One pass over the data, so it is kept until the
// run, θ or the activation change (1,000,000 blobs would cost milliseconds every frame).
double accuracy_now(const AppState& state);

// The spec of the run as it is now: the settings in force, θ₀, the current step as the number of
// steps, no hand-picked first batch (that is part of the history), the window's view.
RunSpec current_spec(const AppState& state);

// θ now, and after the last few steps (oldest first) for the fading boundary trail.
Params current_theta(const AppState& state);
std::vector<Params> recent_thetas(const AppState& state, int count);

}  // namespace ll::app
