// Bad CSV input: every file of the corpus tests/data/malformed/ gives the exact message that
// EXPECTED.tsv states, from the library and from `logistic-lab trace` (exit 2, nothing on stdout);
// and the cases a small file cannot hold: a folder, a missing path, a pipe, the size and line limits.
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "approx.h"
#include "cli_runner.h"
#include "ll/dataset.h"
#include "ll/error.h"

namespace {

namespace fs = std::filesystem;
const fs::path kCorpus = fs::path(LL_TEST_DATA_DIR) / "malformed";

struct Expectation {
  std::string file, label, message;  // message: what follows the file's path
};

std::vector<Expectation> read_expectations() {
  std::vector<Expectation> out;
  std::ifstream in(kCorpus / "EXPECTED.tsv", std::ios::binary);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const std::size_t tab1 = line.find('\t'), tab2 = line.find('\t', tab1 + 1);
    REQUIRE(tab2 != std::string::npos);
    out.push_back({line.substr(0, tab1), line.substr(tab1 + 1, tab2 - tab1 - 1), line.substr(tab2 + 1)});
  }
  return out;
}

// The message of the InputError that read_csv_file throws ("" if none).
std::string file_error(const std::string& path, const std::string& label = "") {
  try {
    ll::read_csv_file(path, label);
  } catch (const ll::InputError& e) {
    return e.what();
  }
  return "";
}

std::string first_line(const std::string& text) { return text.substr(0, text.find('\n')); }

// `trace --data path` fails with exit code 2, nothing on stdout, and `message` as stderr's first line.
void check_cli_refuses(const std::string& path, const std::string& label, const std::string& message) {
  const CliResult r = run_cli("trace --data '" + path + "'" + (label.empty() ? "" : " --label " + label));
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  CHECK(first_line(r.err) == "logistic-lab trace: " + message);
}

struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() / ("ll_csv_tests_" + std::to_string(std::random_device{}()));
    fs::create_directories(path);
  }
  ~TempDir() { fs::remove_all(path); }
  std::string write(const std::string& name, const std::string& text) const {
    std::ofstream(path / name, std::ios::binary) << text;
    return (path / name).string();
  }
};

}  // namespace

TEST_CASE("the malformed corpus has at least 25 files, each with exactly one expectation") {
  std::set<std::string> files, expected;
  for (const auto& entry : fs::directory_iterator(kCorpus))
    if (entry.path().extension() == ".csv") files.insert(entry.path().filename().string());
  for (const Expectation& e : read_expectations()) {
    CAPTURE(e.file);
    CHECK(expected.insert(e.file).second);
  }
  CHECK(files.size() >= 25);
  CHECK(files == expected);
}

TEST_CASE("read_csv_file gives each malformed file's expected message") {
  for (const Expectation& e : read_expectations()) {
    CAPTURE(e.file);
    const std::string path = (kCorpus / e.file).string();
    CHECK(file_error(path, e.label) == path + e.message);
  }
}

TEST_CASE("trace exits 2 with each malformed file's expected message") {
  for (const Expectation& e : read_expectations()) {
    CAPTURE(e.file);
    const std::string path = (kCorpus / e.file).string();
    check_cli_refuses(path, e.label, path + e.message);
  }
}

TEST_CASE("a folder, a missing path and a pipe are refused by name, without blocking") {
  TempDir dir;
  const std::string folder = (dir.path / "folder.csv").string();
  fs::create_directory(folder);
  CHECK(file_error(folder) == folder + ": is a folder, not a CSV file");
  check_cli_refuses(folder, "", folder + ": is a folder, not a CSV file");

  const std::string missing = (dir.path / "missing.csv").string();
  CHECK(file_error(missing) == missing + ": cannot open (No such file or directory)");
  check_cli_refuses(missing, "", missing + ": cannot open (No such file or directory)");

  // Opening a pipe with no writer would block forever; the reader refuses it before opening.
  const std::string pipe = (dir.path / "pipe.csv").string();
  REQUIRE(::mkfifo(pipe.c_str(), 0600) == 0);
  CHECK(file_error(pipe) == pipe + ": is not a regular file (a device or a pipe?)");
  check_cli_refuses(pipe, "", pipe + ": is not a regular file (a device or a pipe?)");
  // An unreadable file cannot be tested here: the tests run as root, who reads a chmod 000 file.
}

TEST_CASE("a --label naming no column lists the first dozen names, not a whole wide header") {
  TempDir dir;
  std::string header, row;
  for (int k = 1; k <= 2000; ++k) {
    header += (k > 1 ? "," : "") + std::string("c") + std::to_string(k);
    row += (k > 1 ? ",1" : "1");
  }
  const std::string wide = dir.write("wide.csv", header + "\n" + row + "\n");
  CHECK(file_error(wide, "species") ==
        wide + ":1: --label: no column is named 'species'; the first row has 'c1', 'c2', 'c3', 'c4', 'c5', "
               "'c6', 'c7', 'c8', 'c9', 'c10', 'c11', 'c12' and 1988 more");
}

TEST_CASE("a file over the size limit is refused before it is read") {
  TempDir dir;
  // A sparse file: its size is over the limit, but it takes no disk space and is never read.
  const std::string big = dir.write("big.csv", "");
  REQUIRE(::truncate(big.c_str(), static_cast<off_t>(ll::kCsvMaxFileBytes + 1)) == 0);
  const std::string message = big + ": the file is 268435457 bytes; the reader's limit is 268435456 bytes (256 MiB)";
  CHECK(file_error(big) == message);
  check_cli_refuses(big, "", message);
}

TEST_CASE("a line over the line limit is refused; a line exactly at it is read") {
  TempDir dir;
  // The label cell fills the line: "1,<label>" is kCsvMaxLineBytes bytes without its line end.
  const std::string at_limit(ll::kCsvMaxLineBytes - 2, 'a');
  const std::string ok = dir.write("ok.csv", "1," + at_limit + "\r\n2,b\r\n");
  CHECK(ll::read_csv_file(ok).rows() == 2);

  const std::string long_line = dir.write("long.csv", "x,label\n1,0\n2," + at_limit + "a\n");
  const std::string message = long_line + ":3:65537: this line is longer than 65536 bytes (64 KiB, the reader's limit per line)";
  CHECK(file_error(long_line) == message);
  check_cli_refuses(long_line, "", message);

  // A quoted field may span lines, each under the limit; the field itself has the same limit.
  const std::string half(ll::kCsvMaxLineBytes / 2 + 1, 'q');
  const std::string long_field = dir.write("field.csv", "x,label\n1,0\n2,\"" + half + "\n" + half + "\"\n");
  // Reported where its record starts (line 3), not where the cell ends.
  CHECK(file_error(long_field) == long_field + ":3:2: a field longer than 65536 bytes (64 KiB, the reader's limit)");
}
