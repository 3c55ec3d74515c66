// Worksheets and answer keys (run/step_export.h: worksheet; `trace --format worksheet|answer-key`,
// `--fade`, `--latex`): the slides' batch step against checked-in golden files, every number of
// the answer key graded right by the grader (ll/grader.h), and the fading levels' blanks counted.
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "approx.h"
#include "golden_files.h"
#include "cli_runner.h"
#include "ll/dataset.h"
#include "ll/grader.h"
#include "ll/trainer.h"
#include "model/app_state.h"
#include "model/export_actions.h"
#include "run/step_export.h"

using namespace ll;

namespace {

StepRecord slides_batch_step() {
  Trainer t(std::make_shared<const Dataset>(make_iris4()), Settings{}, Params::row({0.1, 0.5, -0.1}));
  return t.step(true, true);
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
  return n;
}

// The numbers written in bold (**…**), in order, read back as numbers ("−" as a minus).
std::vector<double> bold_numbers(const std::string& text) {
  std::vector<double> out;
  for (std::size_t at = text.find("**"); at != std::string::npos;) {
    const std::size_t end = text.find("**", at + 2);
    if (end == std::string::npos) break;
    std::string number = text.substr(at + 2, end - at - 2);
    if (number.rfind("−", 0) == 0) number = "-" + number.substr(std::string("−").size());
    out.push_back(std::stod(number));
    at = text.find("**", end + 2);
  }
  return out;
}

}  // namespace

TEST_CASE("the slides' batch step as a worksheet and an answer key equals the golden files") {
  const StepRecord r = slides_batch_step();
  const Dataset iris4 = make_iris4();
  CHECK(app::worksheet(r, iris4, kMostFade, false, false) == read_text(kGolden / "iris4_batch_step1_worksheet.md"));
  CHECK(app::worksheet(r, iris4, kMostFade, true, false) == read_text(kGolden / "iris4_batch_step1_answer-key.md"));
  CHECK(app::worksheet(r, iris4, kMostFade, false, true) == read_text(kGolden / "iris4_batch_step1_worksheet.tex"));
  CHECK(app::worksheet(r, iris4, kMostFade, true, true) == read_text(kGolden / "iris4_batch_step1_answer-key.tex"));
  // trace prints the same sheets.
  for (const char* format : {"worksheet", "answer-key"}) {
    const CliResult md = run_cli(std::string("trace --format ") + format);
    CHECK(md.exit_code == 0);
    CHECK(md.out == read_text(kGolden / ("iris4_batch_step1_" + std::string(format) + ".md")));
    const CliResult tex = run_cli(std::string("trace --latex --format ") + format);
    CHECK(tex.exit_code == 0);
    CHECK(tex.out == read_text(kGolden / ("iris4_batch_step1_" + std::string(format) + ".tex")));
  }
}

TEST_CASE("every number of the answer key is graded right, in the sheet's order") {
  const StepRecord r = slides_batch_step();
  const std::vector<double> key = bold_numbers(app::worksheet(r, make_iris4(), kMostFade, true, false));
  // 4 samples × 6 chain values, then ∂L/∂θ and θ after (3 entries each), then the loss after.
  REQUIRE(key.size() == 4 * 6 + 3 + 3 + 1);
  std::size_t at = 0;
  for (std::size_t row = 0; row < 4; ++row)
    for (Field f : {Field::Z, Field::YHat, Field::Loss, Field::DLDYhat, Field::DYhatDz, Field::DLDz}) {
      Answer a;
      a.field = f;
      a.row = row;
      a.value = key[at++];
      CHECK_MESSAGE(grade(r, a).right, field_name(f) << " of sample " << row + 1);
    }
  for (Field f : {Field::Gradient, Field::ThetaAfter})
    for (std::size_t k = 0; k < 3; ++k) {
      Answer a;
      a.field = f;
      a.index = k;
      a.value = key[at++];
      CHECK_MESSAGE(grade(r, a).right, field_name(f) << " entry " << k + 1);
    }
  Answer loss;
  loss.field = Field::LossAfter;
  loss.value = key[at];
  CHECK(grade(r, loss).right);
  CHECK(key[at] == doctest::Approx(0.667943).epsilon(1e-4));   // worked-examples §1: 0.667943
}

TEST_CASE("each fading level leaves one more of the chain's quantities blank, from the end") {
  const StepRecord r = slides_batch_step();
  const Dataset iris4 = make_iris4();
  // Blanks per field: 4 (one a sample) for the chain, 3 (one an entry of θ) for ∂L/∂θ and θ
  // after, 1 for the loss after; level k hides the last k fields of the slides' order.
  const std::size_t per_field[kFieldCount] = {4, 4, 4, 4, 4, 4, 3, 3, 1};
  std::size_t expected = 0;
  for (int level = 0; level <= kMostFade; ++level) {
    if (level > 0) expected += per_field[kFieldCount - level];
    const std::string sheet = app::worksheet(r, iris4, level, false, false);
    CHECK_MESSAGE(count(sheet, "____") == expected, "level " << level);
    // The answer key fills exactly those blanks.
    CHECK(bold_numbers(app::worksheet(r, iris4, level, true, false)).size() == expected);
  }
  CHECK(faded(Field::LossAfter, 1));
  CHECK_FALSE(faded(Field::ThetaAfter, 1));
  CHECK(fade_name(0) == "0 · everything shown");
  CHECK(fade_name(3) == "3 · from ∂L/∂θ on hidden");
  CHECK(fade_name(kMostFade) == "9 · everything hidden");
  // The command line's levels are the same.
  CHECK(count(run_cli("trace --format worksheet --fade 1").out, "____") == 1);
  CHECK(count(run_cli("trace --format worksheet --fade 3").out, "____") == 7);
}

TEST_CASE("a worksheet states what is given, momentum's velocity and softmax's rows included") {
  const CliResult md = run_cli("trace --format worksheet --momentum 0.9 --steps 2 --every 2");
  REQUIRE(md.exit_code == 0);
  CHECK_CONTAINS(md.out, "### Worksheet · Step 2");
  CHECK_CONTAINS(md.out, "θ = [b, w1, w2]");                     // the conventions
  CHECK_CONTAINS(md.out, "η = 0.01 · β = 0.9");
  CHECK_CONTAINS(md.out, "v = [0.2702, 0.2431, −0.0195] before the step");   // step 1's gradient
  CHECK_CONTAINS(md.out, "θ after = θ − η·v");
  const CliResult softmax = run_cli("trace --format answer-key --data iris --activation softmax --loss cce "
                                    "--mode minibatch --batch-size 3 --fade 2");
  REQUIRE(softmax.exit_code == 0);
  CHECK_CONTAINS(softmax.out, "| Θ after = Θ − η·∂L/∂Θ, class 2 | **");
  CHECK(softmax.out.find("nan") == std::string::npos);
  // The options belong to the sheets, and the levels are 0 … 9.
  CHECK(run_cli("trace --fade 2").exit_code == 2);
  CHECK(run_cli("trace --latex --format markdown").exit_code == 2);
  CHECK(run_cli("trace --format worksheet --fade 10").exit_code == 2);
}

TEST_CASE("File ▸ Export writes the worksheet and the answer key at the practice level") {
  app::AppState s;
  app::RunSpec spec;   // the slides' batch example, one step
  spec.steps = 1;
  REQUIRE(app::start_run(s, spec));
  s.practice.level = 3;
  std::string why;
  const std::string sheet = app::export_text(s, app::ExportKind::WorksheetMarkdown, &why);
  CHECK(sheet == app::worksheet(s.trainer->record(1, true), s.data(), 3, false, false));
  CHECK(count(sheet, "____") == 7);   // ∂L/∂θ and θ after (3 each) and the loss after
  CHECK_CONTAINS(app::export_text(s, app::ExportKind::AnswerKeyLatex, &why), "\\mathbf{0.0973}");
  const std::filesystem::path folder = std::filesystem::temp_directory_path() / ("ll-worksheet-" + std::to_string(::getpid()));
  std::string error;
  const std::string path = app::export_to_file(s, app::ExportKind::AnswerKeyMarkdown, folder.string(), &error);
  REQUIRE_MESSAGE(!path.empty(), error);
  CHECK_CONTAINS(path, "_answer-key.md");
  CHECK(read_text(path) == app::export_text(s, app::ExportKind::AnswerKeyMarkdown, &why));
  std::filesystem::remove_all(folder);
  // Before the first step there is nothing to export, and it says so.
  app::AppState fresh;
  spec.steps = 0;
  REQUIRE(app::start_run(fresh, spec));
  CHECK(app::export_text(fresh, app::ExportKind::WorksheetMarkdown, &why).empty());
  CHECK_CONTAINS(why, "No step to export yet");
}
