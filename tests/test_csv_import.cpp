// CSV import: every accepted form (delimiters, quotes, BOM, CRLF, with or without a header, the
// label column by name or position, −1/+1 and class names, many features) reads to the same
// numbers, in the library and through `logistic-lab trace`.
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "approx.h"
#include "cli_runner.h"
#include "ll/dataset.h"
#include "ll/error.h"

namespace {

namespace fs = std::filesystem;
using Column = std::vector<double>;

// The reference: two features, labels 0 0 1 1, as the simple comma form writes them.
const std::vector<Column> kColumns = {{1.4, 1.5, 3.0, 4.1}, {0.2, 0.2, 1.1, 1.3}};
const std::vector<int> kLabels = {0, 0, 1, 1};

void check_reference(const ll::Dataset& d, const std::vector<std::string>& classes = {"0", "1"}) {
  CHECK(d.columns == kColumns);
  CHECK(d.labels == kLabels);
  CHECK(d.class_names == classes);
}

ll::Dataset read(const std::string& text, const std::string& label = "") {
  return ll::read_csv_text(text, "t.csv", label);
}

struct TempFile {
  std::string path;
  TempFile(const std::string& name, const std::string& text)
      : path((fs::temp_directory_path() / (std::to_string(std::random_device{}()) + name)).string()) {
    std::ofstream(path, std::ios::binary) << text;
  }
  ~TempFile() { fs::remove(path); }
};

}  // namespace

TEST_CASE("comma, semicolon and tab delimited files read the same") {
  const ll::Dataset comma = read("len,wid,label\n1.4,0.2,0\n1.5,0.2,0\n3.0,1.1,1\n4.1,1.3,1\n");
  check_reference(comma);
  CHECK(comma.feature_names == std::vector<std::string>{"len", "wid"});
  check_reference(read("len;wid;label\n1.4;0.2;0\n1.5;0.2;0\n3.0;1.1;1\n4.1;1.3;1\n"));
  const ll::Dataset tab = read("len\twid\tlabel\n1.4\t0.2\t0\n1.5\t0.2\t0\n3.0\t1.1\t1\n4.1\t1.3\t1\n");
  check_reference(tab);
  CHECK(tab.feature_names == std::vector<std::string>{"len", "wid"});
}

TEST_CASE("the delimiter is guessed outside quotes, and quoted fields may hold it") {
  // Commas inside quotes would suggest ',' if quotes were ignored; ';' is the one outside them.
  const ll::Dataset d = read("\"len, cm\";\"wid, cm\";\"class\"\n1.4;\"0.2\";0\n1.5;0.2;0\n3.0;1.1;1\n4.1;1.3;1\n");
  check_reference(d);
  CHECK(d.feature_names == std::vector<std::string>{"len, cm", "wid, cm"});
  const ll::Dataset names = read("a,b,species\n1.4,0.2,\"setosa, small\"\n1.5,0.2,\"setosa, small\"\n"
                                 "3.0,1.1,\"say \"\"versi\"\"\"\n4.1,1.3,\"say \"\"versi\"\"\"\n");
  CHECK(names.columns == kColumns);
  CHECK(names.class_names == std::vector<std::string>{"say \"versi\"", "setosa, small"});
  CHECK(names.labels == std::vector<int>{1, 1, 0, 0});
}

TEST_CASE("a UTF-8 byte order mark, CRLF line ends, blank lines and a last line without a line end are read") {
  const ll::Dataset d = read("\xEF\xBB\xBFl\xC3\xA4nge,wid,label\r\n1.4,0.2,0\r\n\r\n1.5,0.2,0\r\n3.0,1.1,1\r\n4.1,1.3,1");
  check_reference(d);
  CHECK(d.feature_names == std::vector<std::string>{"l\xC3\xA4nge", "wid"});  // the BOM is not part of the name
}

TEST_CASE("without a header the columns are named x1, x2, … and label") {
  const ll::Dataset d = read("1.4,0.2,0\n1.5,0.2,0\n3.0,1.1,1\n4.1,1.3,1\n");
  check_reference(d);
  CHECK(d.feature_names == std::vector<std::string>{"x1", "x2"});
  // Class names in the label column do not make the first row a header; only feature cells do.
  const ll::Dataset named = read("1.4,0.2,cat\n1.5,0.2,cat\n3.0,1.1,dog\n4.1,1.3,dog\n");
  check_reference(named, {"cat", "dog"});
  // The label first, by position: its name is 'label' and the features are x1, x2.
  const ll::Dataset first = read("0,1.4,0.2\n0,1.5,0.2\n1,3.0,1.1\n1,4.1,1.3\n", "1");
  check_reference(first);
  CHECK(first.feature_names == std::vector<std::string>{"x1", "x2"});
}

TEST_CASE("the label column is chosen by header name or by 1-based position") {
  const std::string text = "species,len,wid\nA,1.4,0.2\nA,1.5,0.2\nB,3.0,1.1\nB,4.1,1.3\n";
  const ll::Dataset by_name = read(text, "species");
  check_reference(by_name, {"A", "B"});
  CHECK(by_name.feature_names == std::vector<std::string>{"len", "wid"});
  check_reference(read(text, "1"), {"A", "B"});
  const ll::Dataset middle = read("len,y,wid\n1.4,0,0.2\n1.5,0,0.2\n3.0,1,1.1\n4.1,1,1.3\n", "2");
  check_reference(middle);
  CHECK(middle.feature_names == std::vector<std::string>{"len", "wid"});
  // Without --label the last column is the label; here it is not a class column but a number,
  // so the result differs: three classes.
  CHECK(read("len,y,wid\n1.4,0,0.2\n1.5,0,0.2\n3.0,1,1.1\n4.1,1,1.3\n").classes() == 3);
}

TEST_CASE("labels −1/+1 are ordered by value, and +1 and 1 are one class") {
  check_reference(read("a,b,y\n1.4,0.2,-1\n1.5,0.2,-1\n3.0,1.1,+1\n4.1,1.3,1\n"), {"-1", "+1"});
  check_reference(read("a,b,y\n1.4,0.2,2\n1.5,0.2,2\n3.0,1.1,10\n4.1,1.3,10\n"), {"2", "10"});
}

TEST_CASE("numbers are read in any spelling a spreadsheet writes, and underflow reads as zero") {
  const ll::Dataset d = read("a,b,label\n +1.5 ,.5,0\n-2E-1,5.,1\n1e-999,-0,1\n");
  CHECK(d.columns[0] == Column{1.5, -0.2, 0.0});
  CHECK(d.columns[1] == Column{0.5, 5.0, 0.0});
}

TEST_CASE("a file with 5 features and the label in the middle trains on the features --features picks") {
  // Columns: f1 f2 label f3 f4 f5; features are counted without the label column.
  const std::string text = "f1,f2,label,f3,f4,f5\n"
                           "9,9,0,1.4,9,0.2\n9,9,0,1.5,9,0.2\n9,9,1,3.0,9,1.1\n9,9,1,4.1,9,1.3\n";
  const ll::Dataset d = read(text, "label");
  CHECK(d.features() == 5);
  CHECK(d.feature_names == std::vector<std::string>{"f1", "f2", "f3", "f4", "f5"});
  ll::DataOptions o;
  const TempFile file("wide.csv", text);
  o.source = file.path;
  o.label_column = "3";
  o.features = {3, 5};
  const ll::Dataset picked = ll::load_dataset(o);
  check_reference(picked);
  CHECK(picked.feature_names == std::vector<std::string>{"f3", "f5"});

  // The same through the command line: the slides' iris4 gradient, as from the simple form.
  const CliResult r = run_cli("trace --format json --theta 0.1,0.5,-0.1 --label label --features 3,5 --data " + file.path);
  REQUIRE(r.exit_code == 0);
  const auto step = nlohmann::json::parse(r.out.substr(0, r.out.find('\n')));
  CHECK(ll_test::near_all(step["gradient"].get<std::vector<double>>(), {0.270249, 0.243133, -0.019540}, 1e-6));
}

TEST_CASE("trace reads semicolon, tab, BOM + CRLF and header-less files with --label like the simple form") {
  const std::string expected = run_cli("trace --format json --theta 0.1,0.5,-0.1 --data iris4").out;
  REQUIRE_FALSE(expected.empty());
  const TempFile semicolon("semi.csv", "len;wid;label\n1.4;0.2;0\n1.5;0.2;0\n3.0;1.1;1\n4.1;1.3;1\n");
  const TempFile tab("tab.csv", "len\twid\tlabel\n1.4\t0.2\t0\n1.5\t0.2\t0\n3.0\t1.1\t1\n4.1\t1.3\t1\n");
  const TempFile bom("bom.csv", "\xEF\xBB\xBF\"len\",\"wid\",\"label\"\r\n1.4,0.2,0\r\n1.5,0.2,0\r\n3.0,1.1,1\r\n4.1,1.3,1\r\n");
  const TempFile bare("bare.csv", "0,1.4,0.2\n0,1.5,0.2\n1,3.0,1.1\n1,4.1,1.3\n");
  for (const std::string& args : {semicolon.path, tab.path, bom.path, bare.path + " --label 1"}) {
    CAPTURE(args);
    const CliResult r = run_cli("trace --format json --theta 0.1,0.5,-0.1 --data " + args);
    CHECK(r.exit_code == 0);
    // Same steps as the built-in iris4, which holds the same four flowers.
    const auto got = nlohmann::json::parse(r.out.substr(0, r.out.find('\n')));
    const auto want = nlohmann::json::parse(expected.substr(0, expected.find('\n')));
    CHECK(got.at("samples") == want.at("samples"));  // x, y, ŷ and the loss of each flower
    CHECK(got.at("gradient") == want.at("gradient"));
    CHECK(got.at("theta_after") == want.at("theta_after"));
  }
}

TEST_CASE("--label on a built-in data set is refused") {
  const CliResult r = run_cli("trace --data iris4 --label 1");
  CHECK(r.exit_code == 2);
  CHECK_CONTAINS(r.err, "--label: 'iris4' is a built-in data set");
}
