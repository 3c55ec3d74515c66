#pragma once
// Data sets: numeric features (stored column by column, for the full-data pass) and class labels.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace ll {

struct Dataset {
  std::string name;                          // "iris4", "blobs", or the file's name
  std::vector<std::string> feature_names;    // d names
  std::vector<std::string> class_names;      // K ≥ 2 names; label k names class_names[k]
  std::vector<std::vector<double>> columns;  // d columns of rows() values each
  std::vector<int> labels;                   // class index 0 … K−1 per sample
  std::vector<std::string> notices;          // what the CSV reader noticed (data_notices says them)

  // z-score standardization, if applied: x' = (x − mean) / stddev per feature.
  bool standardized = false;
  std::vector<double> feature_mean, feature_stddev;

  std::size_t rows() const { return labels.size(); }
  std::size_t features() const { return columns.size(); }
  std::size_t classes() const { return class_names.size(); }
  double x(std::size_t i, std::size_t j) const { return columns[j][i]; }
  // The augmented input [1, x1, …, xd] of sample i.
  std::vector<double> augmented(std::size_t i) const;
  void augmented(std::size_t i, std::vector<double>& x) const;   // into x, reusing its storage
};

// What to load, as the command line and the window state it. Numbers are 1-based, as people count.
struct DataOptions {
  std::string source = "iris4";      // iris4 | iris6 | iris | blobs | a path to a .csv file
  std::size_t blobs_n = 200;         // blobs: number of samples
  double blobs_separation = 3.0;     // blobs: distance between the two centres, in standard deviations
  std::uint64_t blobs_seed = 1;      // blobs: random seed
  std::vector<std::size_t> features; // 1-based feature columns to keep (empty: the set's default)
  std::vector<std::size_t> classes;  // 1-based classes to keep, relabelled 0, 1, … (empty: all)
  std::string label_column;          // CSV: the label column's header name or 1-based number (empty: the last)
  std::vector<std::string> ignore_columns;  // CSV: columns to leave out, by header name or 1-based number
  bool standardize = false;
  double test_fraction = 0.0;        // held out for testing (ll/held_out.h); 0: none
  // An edited data set (points moved in the window, a scenario's "points", ll/data_edit.h): used
  // as it is, in place of source, features and classes (standardize and test_fraction still apply).
  std::shared_ptr<const Dataset> points;
  std::uint64_t split_seed = 1;      // the split's random seed (the run's --seed)
};

// Loads and selects a data set, every sample of it (test_fraction is load_train_test's,
// ll/held_out.h). Throws InputError with a message naming the setting, or the
// file, line and column, and what is wrong.
Dataset load_dataset(const DataOptions& options);

// The built-ins.
Dataset make_iris4();   // the slides' four flowers: petal length, petal width; 0 = setosa, 1 = versicolor
Dataset make_iris6();   // the slides' six flowers: petal length only
Dataset load_iris();    // Fisher's 150 flowers from assets/data/iris.csv: 4 features, 3 species
// The most blobs samples (16 bytes each and their label): checked before anything is allocated.
constexpr std::size_t kMostBlobs = 10'000'000;
Dataset make_blobs(std::size_t n, double separation, std::uint64_t seed);

// The CSV reader's limits, stated in its messages. They keep a wrong file (a log, a dump) from
// filling memory before the first line can be judged.
constexpr std::size_t kCsvMaxLineBytes = 64 * 1024;                 // one line, without its line end
constexpr std::uint64_t kCsvMaxFileBytes = 256ull * 1024 * 1024;    // the whole file

// Which columns of a CSV file are read (--label, --ignore, --features).
struct CsvColumns {
  std::string label;                  // header name or 1-based column number; empty: the last column
  std::vector<std::string> ignore;    // columns left out as if absent: header names or 1-based numbers
  std::vector<std::size_t> features;  // 1-based among the other columns; empty: all of them. A column
                                      // not chosen may hold text (an ID, a name); it is skipped.
};

// Reads a CSV file: UTF-8 (a byte order mark is skipped), LF, CRLF or CR line ends, fields separated by
// ',' ';' or tab (guessed from the first lines, outside quotes), "quoted" fields. The first row is
// a header if one of its would-be feature cells is not a number; otherwise the columns are named
// x1, x2, … and "label". Every column but the label (and --ignore's) is a numeric feature, or
// with `features` the chosen ones are. A quote inside an unquoted cell is a character. `label_column` is a
// header name or a 1-based column number; empty means the last column. Labels may be 0/1, −1/+1
// or class names (classes are ordered by value if all labels are integers, else alphabetically).
// Throws InputError naming file:line:column and what is wrong.
Dataset read_csv_file(const std::string& path, const std::string& label_column = "");
Dataset read_csv_file(const std::string& path, const CsvColumns& columns);
// Same, from text already in memory; `file_name` is used in messages.
Dataset read_csv_text(const std::string& text, const std::string& file_name,
                      const std::string& label_column = "");
Dataset read_csv_text(const std::string& text, const std::string& file_name, const CsvColumns& columns);

// Keeps the given 1-based feature columns and classes (relabelled 0, 1, … in the order given).
Dataset select(const Dataset& data, const std::vector<std::size_t>& features,
               const std::vector<std::size_t>& classes);

// z-score each feature: x' = (x − mean) / stddev (population stddev). Throws InputError for a
// feature with zero variance.
void standardize(Dataset& data);
// z-scores with given means and spreads: x' = (x − mean_j) / stddev_j (a test part scaled as its
// training part was).
void standardize_with(Dataset& data, const std::vector<double>& mean, const std::vector<double>& stddev);


// Plain-language notices about a loaded data set that training cannot fix but should not stop:
// every sample has the same features (no boundary can separate them), or one feature has the
// same value in every sample. Empty when there is nothing to say.
std::vector<std::string> data_notices(const Dataset& data);

}  // namespace ll
