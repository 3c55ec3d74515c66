// CSV files users have (issue 11): a text ID column that --features does not choose, --ignore,
// a first line that is not really a header, a cell over two lines, CR-only line ends and a quote
// inside an unquoted cell. Through the library and through `logistic-lab trace`.
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "cli_runner.h"
#include "ll/dataset.h"
#include "ll/error.h"

namespace {

namespace fs = std::filesystem;

// A file in a folder of this test process.
std::string write_file(const std::string& name, const std::string& text) {
  const fs::path folder = fs::temp_directory_path() / ("ll_csv_columns_" + std::to_string(::getpid()));
  fs::create_directories(folder);
  const fs::path path = folder / name;
  std::ofstream(path, std::ios::binary) << text;
  return path.string();
}

std::string load_error(const ll::DataOptions& o) {
  try {
    ll::load_dataset(o);
  } catch (const ll::InputError& e) {
    return e.what();
  }
  return "";
}

const std::string kWithId = "id,a,b,label\nS1001,1.4,0.2,0\nS1002,1.5,0.2,0\nS1003,3.0,1.1,1\nS1004,4.1,1.3,1\n";

}  // namespace

TEST_CASE("a text ID column need not be numbers when --features leaves it out") {
  ll::DataOptions o;
  o.source = write_file("with_id.csv", kWithId);
  // All columns as features: the ID stops it, and the message says how to leave it out.
  CHECK(load_error(o) == o.source + ":2:1: 'S1001' in column 'id' is not a number (leave a text column out "
                                    "with --ignore id, or choose the features with --features)");
  o.features = {2, 3};
  const ll::Dataset d = ll::load_dataset(o);
  CHECK(d.feature_names == std::vector<std::string>{"a", "b"});
  CHECK(d.columns == std::vector<std::vector<double>>{{1.4, 1.5, 3.0, 4.1}, {0.2, 0.2, 1.1, 1.3}});
  CHECK(d.labels == std::vector<int>{0, 0, 1, 1});
  // A chosen column must still be all numbers.
  o.features = {1, 2};
  CHECK(load_error(o) == o.source + ":2:1: 'S1001' in column 'id' is not a number");

  const CliResult r = run_cli("trace --data " + o.source + " --features 2,3 --steps 1 --format json --no-samples");
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("\"step\":1") != std::string::npos);
}

TEST_CASE("--ignore leaves columns out by name or number, as if they were not in the file") {
  ll::DataOptions o;
  o.source = write_file("ignore.csv", kWithId);
  for (const std::string& id : {std::string("id"), std::string("1")}) {
    o.ignore_columns = {id};
    const ll::Dataset d = ll::load_dataset(o);
    CHECK(d.feature_names == std::vector<std::string>{"a", "b"});
    CHECK(d.columns[1] == std::vector<double>{0.2, 0.2, 1.1, 1.3});
  }
  // The features are counted without the ignored column.
  o.ignore_columns = {"id"};
  o.features = {2};
  CHECK(ll::load_dataset(o).feature_names == std::vector<std::string>{"b"});
  o.features.clear();
  o.ignore_columns = {"name"};
  CHECK(load_error(o) == o.source + ":1: --ignore: there is no column 'name'; the first row has 4 columns");
  o.ignore_columns = {"label"};
  CHECK(load_error(o) == o.source + ":1: --ignore label: that is the label column");
  ll::DataOptions builtin;
  builtin.ignore_columns = {"1"};
  CHECK(load_error(builtin) == "--ignore: 'iris4' is a built-in data set; --ignore is for CSV files");

  const CliResult r = run_cli("trace --data " + o.source + " --ignore id --steps 1 --format json --no-samples");
  CHECK(r.exit_code == 0);
  const CliResult bad = run_cli("trace --data " + o.source + " --ignore 9");
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("--ignore: there is no column '9'") != std::string::npos);
}

TEST_CASE("a header-less file with a text ID column: the ID does not make the first line a header") {
  ll::DataOptions o;
  o.source = write_file("no_header_id.csv", "S1,1.4,0.2,0\nS2,1.5,0.2,0\nS3,3.0,1.1,1\nS4,4.1,1.3,1\n");
  o.ignore_columns = {"1"};
  const ll::Dataset d = ll::load_dataset(o);
  CHECK(d.rows() == 4);
  CHECK(d.feature_names == std::vector<std::string>{"x1", "x2"});
}

TEST_CASE("a first line that is not the column names gets a notice or a hint") {
  // scikit-learn's iris.csv starts with its row and column counts and the class names.
  const std::string sklearn = write_file("sklearn_iris.csv",
                                         "4,2,setosa,versicolor,virginica\n"
                                         "1.4,0.2,1.4,0.2,0\n1.5,0.2,1.5,0.2,0\n3.0,1.1,3.0,1.1,1\n4.1,1.3,4.1,1.3,1\n");
  const ll::Dataset d = ll::read_csv_file(sklearn);
  const std::vector<std::string> notes = ll::data_notices(d);
  REQUIRE(!notes.empty());
  CHECK(notes[0] == "The first line of '" + sklearn + "' was read as the column names, but 2 of them are numbers "
                    "('4', '2'): if that line is data or a description (scikit-learn's iris.csv starts with its row "
                    "and column counts), delete it or write the names there.");
  // The notice reaches trace's stderr (and the window's status line, through data_notices).
  const CliResult r = run_cli("trace --data " + sklearn + " --steps 0");
  CHECK(r.exit_code == 0);
  CHECK(r.err.find("note: The first line of") != std::string::npos);
  // A title line shorter than the rows: the row-length error says what to do.
  const std::string titled = write_file("titled.csv", "Flowers,2024\n1.4,0.2,0\n3.0,1.1,1\n");
  CHECK_THROWS_WITH_AS(ll::read_csv_file(titled),
                       (titled + ":2:3: this row has 3 fields but the header has 2 (if the first line is a title "
                                 "or a note, not the column names, delete it)").c_str(),
                       ll::InputError);
  // A header of ordinary names has no notice.
  CHECK(ll::data_notices(ll::read_csv_file(write_file("plain.csv", "a,b,label\n1,2,0\n3,4,1\n"))).empty());
}

TEST_CASE("a problem in a record whose cell spans lines is reported where the record starts") {
  const std::string path = write_file("newlines.csv", "a,b,label\n1,2,0\n\"x\ny\",3,1\n");
  CHECK_THROWS_WITH_AS(ll::read_csv_file(path),
                       (path + ":3:1: 'x\\ny' in column 'a' is not a number (leave a text column out with "
                               "--ignore a, or choose the features with --features)").c_str(),
                       ll::InputError);
}

TEST_CASE("CR-only line ends (old spreadsheet exports) read like LF and CRLF, and lines count right") {
  const ll::Dataset cr = ll::read_csv_text("a,b,label\r1.4,0.2,0\r3.0,1.1,1\r", "cr.csv");
  const ll::Dataset lf = ll::read_csv_text("a,b,label\n1.4,0.2,0\n3.0,1.1,1\n", "lf.csv");
  CHECK(cr.rows() == 2);
  CHECK(cr.columns == lf.columns);
  CHECK(cr.labels == lf.labels);
  CHECK_THROWS_WITH_AS(ll::read_csv_text("a,b,label\r1,2,0\r3,x,1\r", "cr.csv"),
                       "cr.csv:3:2: 'x' in column 'b' is not a number (leave a text column out with --ignore b, "
                       "or choose the features with --features)",
                       ll::InputError);
  // Mixed, as files edited on two systems are: CRLF, CR and LF in one file.
  CHECK(ll::read_csv_text("a,b,label\r\n1.4,0.2,0\r3.0,1.1,1\n", "mixed.csv").columns == lf.columns);
}

TEST_CASE("a quote inside an unquoted cell is a character of a text column") {
  const ll::Dataset d = ll::read_csv_text("a,b,street\n1,2,1 \"Main\" St\n3,4,2 Elm St\n", "streets.csv");
  CHECK(d.class_names == std::vector<std::string>{"1 \"Main\" St", "2 Elm St"});
  // An ID column with one: skipped like any text column that --features leaves out.
  ll::DataOptions o;
  o.source = write_file("quoted_id.csv", "id,a,b,label\nA \"1\",1.4,0.2,0\nB,3.0,1.1,1\n");
  o.features = {2, 3};
  CHECK(ll::load_dataset(o).rows() == 2);
}

TEST_CASE("a scenario's \"ignore\" key leaves columns out as --ignore does") {
  write_file("lesson_data.csv", kWithId);
  const std::string lesson = write_file(
      "ignore_lesson.json",
      R"({"format": "logistic-lab-scenario", "version": 1, "data": "lesson_data.csv", "ignore": ["id"], "steps": 1})");
  const CliResult r = run_cli("trace --scenario " + lesson + " --format json --no-samples");
  CHECK(r.exit_code == 0);
  const CliResult same = run_cli("trace --data " + fs::path(lesson).parent_path().string() +
                                 "/lesson_data.csv --ignore id --steps 1 --format json --no-samples");
  CHECK(r.out == same.out);
  const std::string wrong = write_file(
      "ignore_wrong.json", R"({"format": "logistic-lab-scenario", "version": 1, "data": "lesson_data.csv", "ignore": "id"})");
  const CliResult bad = run_cli("trace --scenario " + wrong);
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("ignore_wrong.json: key 'ignore': expected a list of column names or numbers from 1") !=
        std::string::npos);
}
