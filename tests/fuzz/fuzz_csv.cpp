// libFuzzer target: any bytes as a CSV file. read_csv_text must return a Dataset that keeps its
// promises or throw InputError with a one-line UTF-8 message naming the file; never crash, hang,
// leak, or touch memory it does not own (ASan + UBSan watch that). Each input is read three
// ways: the label last, first (--label 1), and by the name "label".
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "csv_sniff.h"  // check_bytes: the message must be valid UTF-8
#include "ll/dataset.h"
#include "ll/error.h"

namespace {

void require(bool ok, const char* what) {
  if (ok) return;
  std::fprintf(stderr, "fuzz_csv: broken promise: %s\n", what);
  std::abort();
}

void check(const ll::Dataset& d) {
  require(d.features() >= 1 && d.feature_names.size() == d.features(), "one name per feature column");
  require(d.rows() >= 1, "at least one row");
  require(d.classes() >= 2, "at least two classes");
  for (const auto& column : d.columns) {
    require(column.size() == d.rows(), "every column has a value per row");
    for (double v : column) require(std::isfinite(v), "every value is finite");
  }
  for (int label : d.labels) require(label >= 0 && static_cast<std::size_t>(label) < d.classes(), "labels index classes");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  for (const char* label : {"", "1", "label"}) {
    try {
      check(ll::read_csv_text(text, "fuzz.csv", label));
    } catch (const ll::InputError& e) {
      const std::string message = e.what();
      require(message.rfind("fuzz.csv", 0) == 0, "the message starts with the file name");
      require(message.find('\n') == std::string::npos, "the message is one line");
      require(ll::csv::check_bytes(message).column == 0, "the message is valid UTF-8");
    }
  }
  return 0;
}
