// Exporting a step as Markdown and LaTeX, and the history as CSV (cli/step_export.h): the slides'
// batch example against checked-in golden files, the command line printing the same text, and
// softmax, refused and diverged steps exported without NaN.
#include <doctest/doctest.h>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "approx.h"
#include "golden_files.h"
#include "run/step_export.h"
#include "cli_runner.h"
#include "ll/dataset.h"
#include "ll/error.h"
#include "ll/formulas.h"
#include "ll/trainer.h"

namespace {

std::shared_ptr<const ll::Dataset> shared(ll::Dataset data) {
  return std::make_shared<const ll::Dataset>(std::move(data));
}

// The slides' main example: iris4, sigmoid + BCE, full batch, θ = [0.1, 0.5, −0.1], η = 0.01.
ll::StepRecord slides_batch_step() {
  ll::Trainer trainer(shared(ll::make_iris4()), ll::Settings{}, ll::Params::row({0.1, 0.5, -0.1}));
  return trainer.step(true);
}

bool says_nan(const std::string& text) {
  std::string lower;
  for (char c : text) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower.find("nan") != std::string::npos;
}

bool ascii_only(const std::string& text) {
  for (unsigned char c : text)
    if (c >= 0x80) return false;
  return true;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

}  // namespace

TEST_CASE("the Markdown export of the slides' batch step equals the golden file") {
  const ll::StepRecord r = slides_batch_step();
  CHECK(ll::app::step_markdown(r, ll::make_iris4()) == read_text(kGolden / "iris4_batch_step1.md"));
}

TEST_CASE("the LaTeX export of the slides' batch step equals the golden file") {
  const ll::StepRecord r = slides_batch_step();
  CHECK(ll::app::step_latex(r, ll::make_iris4()) == read_text(kGolden / "iris4_batch_step1.tex"));
}

TEST_CASE("trace --format markdown and latex print the same text as the exports") {
  const CliResult md = run_cli("trace --format markdown");
  CHECK(md.exit_code == 0);
  CHECK(md.out == read_text(kGolden / "iris4_batch_step1.md"));
  const CliResult tex = run_cli("trace --format latex");
  CHECK(tex.exit_code == 0);
  CHECK(tex.out == read_text(kGolden / "iris4_batch_step1.tex"));
}

TEST_CASE("the Markdown export has the slides' update lines and the loss before and after") {
  const std::string md = ll::app::step_markdown(slides_batch_step(), ll::make_iris4());
  CHECK_CONTAINS(md, "- w1 = 0.5 − η·0.2431 = 0.4976");
  CHECK_CONTAINS(md, "- w2 = −0.1 + η·0.0195 = −0.0998");
  CHECK_CONTAINS(md, "| 1 | [1, 1.4, 0.2] | 0 | 0.78 | 0.6857 | 1.1573 | 3.1815 | 0.2155 | 0.6857 |");
  CHECK_CONTAINS(md, "0.6693 → 0.6679");
}

TEST_CASE("the LaTeX of every loss and activation is plain ASCII with balanced braces") {
  // The formulas are translated symbol by symbol; a symbol left untranslated would break pdflatex.
  for (ll::Loss loss : {ll::Loss::BCE, ll::Loss::MSE, ll::Loss::CCE})
    for (ll::Activation activation : {ll::Activation::Sigmoid, ll::Activation::Tanh, ll::Activation::Softmax}) {
      ll::DataOptions options;
      options.source = activation == ll::Activation::Softmax ? "iris" : "iris4";
      const auto data = shared(ll::load_dataset(options));
      ll::Settings s;
      s.loss = loss;
      s.activation = activation;
      try {
        ll::validate(s, *data);
      } catch (const ll::InputError&) {
        continue;  // e.g. cce with sigmoid: refused at the command line, nothing to export
      }
      ll::Trainer trainer(data, s, ll::zero_params(s, *data));
      const std::string tex = ll::app::step_latex(trainer.step(true), *data);
      INFO(ll::name(loss), " + ", ll::name(activation), "\n", tex);
      CHECK(ascii_only(tex));
      CHECK_FALSE(says_nan(tex));
      int depth = 0;
      for (char c : tex) depth += c == '{' ? 1 : c == '}' ? -1 : 0;
      CHECK(depth == 0);
    }
}

TEST_CASE("a softmax step exports as Markdown and LaTeX with K-vectors and no NaN") {
  ll::DataOptions options;
  options.source = "iris";
  const auto data = shared(ll::load_dataset(options));
  ll::Settings s;
  s.activation = ll::Activation::Softmax;
  s.loss = ll::Loss::CCE;
  ll::Trainer trainer(data, s, ll::zero_params(s, *data));
  const ll::StepRecord r = trainer.step(true);
  REQUIRE(r.status == ll::StepStatus::Ok);
  const std::string md = ll::app::step_markdown(r, *data);
  const std::string tex = ll::app::step_latex(r, *data);
  CHECK_CONTAINS(md, "| 1 | [1, 1.4, 0.2] | 0 | [0, 0, 0] | [0.3333, 0.3333, 0.3333] | 1.0986 |");
  CHECK_CONTAINS(md, "- w1[2] = 0 ");
  CHECK_CONTAINS(md, "… and 50 more samples.");   // 150 samples, 100 listed
  CHECK_CONTAINS(tex, "w_1^{(2)} &= 0 ");
  CHECK_CONTAINS(tex, "\\frac{\\partial L}{\\partial \\Theta}");
  CHECK_FALSE(says_nan(md));
  CHECK_FALSE(says_nan(tex));
}

TEST_CASE("a refused step exports what is defined, the rest as undefined, says why, and has no NaN") {
  ll::Settings s;
  s.activation = ll::Activation::Tanh;
  ll::Trainer trainer(shared(ll::make_iris4()), s, ll::Params::row({-1, 0, 0}));
  const ll::StepRecord r = trainer.step(true);
  REQUIRE(r.status == ll::StepStatus::Refused);
  const std::string md = ll::app::step_markdown(r, trainer.data());
  const std::string tex = ll::app::step_latex(r, trainer.data());
  // Only what needs log ŷ is undefined; ∂ŷ/∂z = 1 − tanh²(−1) = 0.419974 is the activation's.
  CHECK_CONTAINS(md, "| undefined | undefined | 0.4200 | undefined |");
  CHECK_CONTAINS(md, "**Refused:** tanh + binary cross-entropy is undefined");
  CHECK(md.find("η·") == std::string::npos);   // no update lines: nothing changed
  CHECK_CONTAINS(tex, "\\textbf{Refused:}");
  CHECK_CONTAINS(tex, "\\text{undefined}");
  CHECK_FALSE(says_nan(md));
  CHECK_FALSE(says_nan(tex));
}

TEST_CASE("a diverged step exports with ∞ rather than NaN and says it diverged") {
  ll::Settings s;
  s.learning_rate = 1e308;
  ll::Trainer trainer(shared(ll::make_iris4()), s, ll::Params::row({0.1, 0.5, -0.1}));
  const ll::StepRecord r = trainer.step(true);
  REQUIRE(r.status == ll::StepStatus::Diverged);
  const std::string md = ll::app::step_markdown(r, trainer.data());
  const std::string tex = ll::app::step_latex(r, trainer.data());
  CHECK_CONTAINS(md, "**Diverged:**");
  CHECK_CONTAINS(tex, "\\textbf{Diverged:}");
  CHECK_FALSE(says_nan(md));
  CHECK_FALSE(says_nan(tex));
}

TEST_CASE("the history CSV has θ₀ and one row per step, with the slides' θ after step 1") {
  ll::Trainer trainer(shared(ll::make_iris4()), ll::Settings{}, ll::Params::row({0.1, 0.5, -0.1}));
  for (int k = 0; k < 3; ++k) REQUIRE(trainer.step(false).status == ll::StepStatus::Ok);
  const std::vector<std::string> lines = lines_of(ll::app::history_csv(trainer));
  REQUIRE(lines.size() == 6);
  CHECK(lines[0] == "# conventions: θ = [b, w1, w2] · labels 0/1 · mean over the batch · squared error (ŷ − y)² · "
                    "v ← βv + ∇L · raw features · λ = 0");
  CHECK(lines[1] == "step,epoch,batch_loss,loss_before,loss_after,gradient_norm,accuracy,test_loss,test_accuracy,"
                    "theta_b,theta_w1,theta_w2");
  CHECK(lines[2].rfind("0,,,,0.6692", 0) == 0);
  CHECK(lines[2].substr(lines[2].size() - 13) == ",0.1,0.5,-0.1");
  // Step 1: θ after = [0.097298, 0.497569, −0.099805]
  std::vector<double> cells;
  std::istringstream row(lines[3]);
  for (std::string cell; std::getline(row, cell, ',');) cells.push_back(cell.empty() ? NAN : std::stod(cell));
  REQUIRE(cells.size() == 12);
  CHECK(cells[0] == 1);
  CHECK(cells[1] == 1);
  CHECK_NEAR(cells[3], 0.669262, 5e-7);
  CHECK_NEAR(cells[4], 0.667943, 5e-7);
  // θ after step 1 = [0.0973, 0.4976, −0.0998]: z = 0.0973 + 0.4976·x1 − 0.0998·x2 > 0 for every
  // sample (x1 ≥ 1.4, x2 ≤ 1.3), so all four are called class 1, and two of the four are: 50%.
  CHECK(cells[6] == 0.5);
  CHECK(std::isnan(cells[7]));   // no test part: empty cells
  CHECK(std::isnan(cells[8]));
  CHECK_NEAR_ALL(std::vector<double>(cells.begin() + 9, cells.end()),
                 (std::vector<double>{0.097298, 0.497569, -0.099805}), 5e-7);
  CHECK(lines[5].rfind("3,3,", 0) == 0);   // full batch: one epoch per step
}

TEST_CASE("trace --format history-csv prints the history CSV of the run, at the end") {
  const CliResult r = run_cli("trace --format history-csv --steps 4");
  CHECK(r.exit_code == 0);
  ll::Trainer trainer(shared(ll::make_iris4()), ll::Settings{}, ll::Params::row({0.1, 0.5, -0.1}));
  for (int k = 0; k < 4; ++k) trainer.step(false);
  CHECK(r.out == ll::app::history_csv(trainer));
}

TEST_CASE("a softmax history CSV names θ's rows and has no NaN, also when tanh + BCE is undefined") {
  ll::DataOptions options;
  options.source = "iris";
  const auto data = shared(ll::load_dataset(options));
  ll::Settings s;
  s.activation = ll::Activation::Softmax;
  s.loss = ll::Loss::CCE;
  ll::Trainer softmax(data, s, ll::zero_params(s, *data));
  softmax.step(false);
  const std::string csv = ll::app::history_csv(softmax);
  CHECK_CONTAINS(csv, ",theta_b[0],theta_w1[0],theta_w2[0],theta_b[1],");
  CHECK_FALSE(says_nan(csv));

  ll::Settings tanh;
  tanh.activation = ll::Activation::Tanh;
  ll::Trainer undefined(shared(ll::make_iris4()), tanh, ll::Params::row({-1, 0, 0}));
  const std::vector<std::string> lines = lines_of(ll::app::history_csv(undefined));
  REQUIRE(lines.size() == 3);
  // The loss at θ₀ is undefined: an empty cell; z = −1 < 0 calls every sample class 0 (two of four
  // right); no test part: empty test cells.
  CHECK(lines[2] == "0,,,,,,0.5,,,-1,0,0");
}
