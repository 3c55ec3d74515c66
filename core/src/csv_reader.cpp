// CSV import: libcsv does the tokenizing (quotes, CR/LF, the delimiter csv_sniff.cpp guessed);
// this file feeds it one line at a time, so that every problem can be reported as
// file:line:column, decides whether the first row is a header, and turns cells into a Dataset.
// The first problem stops the reading and becomes the InputError's message.
#include <csv.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <memory>
#include <string_view>

#include "csv_labels.h"
#include "csv_sniff.h"
#include "ll/dataset.h"
#include "ll/error.h"
#include "ll/file_reading.h"

namespace ll {
namespace {

// --label as a 1-based column number, or 0 when it is a name (or empty).
std::size_t label_position(const std::string& option) {
  if (option.empty() || option.size() > 9 ||
      !std::all_of(option.begin(), option.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return 0;
  return static_cast<std::size_t>(std::stoul(option));
}

// A column given as a 1-based number ("3") or a header name, as --label and --ignore take it.
std::size_t column_named(const std::vector<std::string>& first_row, const std::string& option) {
  if (const std::size_t position = label_position(option)) return position;
  const auto it = std::find(first_row.begin(), first_row.end(), option);
  return it == first_row.end() ? 0 : static_cast<std::size_t>(it - first_row.begin()) + 1;
}

constexpr std::size_t kNotAFeature = static_cast<std::size_t>(-1);

struct Reader {
  std::string file;
  CsvColumns options;
  char delimiter = ',';
  std::size_t line = 0;        // 1-based line being fed to the parser
  std::size_t record_line = 0; // the line the current record started on (a quoted cell may span lines)
  std::size_t field = 0;       // fields seen so far in the current row
  bool first_row_done = false;
  std::vector<std::string> first_row;   // kept until we know whether it is a header
  std::size_t width = 0;                // fields per row
  std::size_t label_at = 0;             // 0-based column of the label
  std::vector<std::string> names;       // column names, from the header or x1, x2, …, "label"
  bool has_header = false;
  std::size_t header_line = 0, first_data_line = 0;
  std::vector<std::vector<double>> columns;  // the feature columns, in file order
  std::vector<std::size_t> feature_of;       // per file column: its feature index, or kNotAFeature
  std::vector<char> needed;                  // per feature: chosen by --features (all when none is)
  std::vector<char> text_column;             // per feature not needed: a cell was not a number
  std::vector<std::string> notices;
  std::size_t expected_rows = 0, text_size = 0;
  csv::LabelIndex labels;
  std::string error;  // the first problem; the reading stops after it

  void fail(std::size_t column, const std::string& what) {
    if (!error.empty()) return;
    error = file + ":" + std::to_string(record_line ? record_line : line) + (column ? ":" + std::to_string(column) : "") +
            ": " + what;
  }

  // How --ignore would name the column: its header name if that is one word, else its number.
  std::string option_name(std::size_t column) const {
    const std::string& n = names[column - 1];
    const bool word = has_header && !n.empty() && n.size() <= 40 &&
                      std::all_of(n.begin(), n.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.'; });
    return word ? n : std::to_string(column);
  }

  std::string column_name(std::size_t column) const { return "column " + csv::quote_cell(names[column - 1]); }

  void on_cell(std::size_t column, std::string_view cell) {
    if (column > width) return;  // counted at the row's end
    if (column - 1 == label_at) {
      if (cell.empty()) fail(column, "the label (" + column_name(column) + ") is empty");
      else labels.add(cell);
      return;
    }
    const std::size_t feature = feature_of[column - 1];
    if (feature == kNotAFeature) return;  // --ignore
    std::vector<double>& values = columns[feature];
    double v = 0.0;
    const csv::Number number = text_column[feature] ? csv::Number::ok : csv::parse_number(cell, v);
    if (number != csv::Number::ok && !needed[feature]) {
      // A column --features did not choose (an ID, a name): it may hold text. Its cells are not
      // kept; select() leaves it out.
      text_column[feature] = 1;
      values.clear();
      values.shrink_to_fit();
      return;
    }
    if (text_column[feature]) return;
    switch (number) {
      case csv::Number::ok: break;
      case csv::Number::not_a_number:
        if (cell.empty())
          fail(column, "empty cell in " + column_name(column) + " (every feature must be a number)");
        else if (cell.find(',') != std::string_view::npos && delimiter != ',')
          fail(column, csv::quote_cell(cell) + " in " + column_name(column) +
                           " is not a number (write decimals with a point: 1.5, not 1,5)");
        else
          fail(column, csv::quote_cell(cell) + " in " + column_name(column) + " is not a number" +
                           (options.features.empty() ? " (leave a text column out with --ignore " +
                                                           option_name(column) + ", or choose the features with --features)"
                                                     : ""));
        break;
      case csv::Number::out_of_range:
        fail(column, csv::quote_cell(cell) + " in " + column_name(column) +
                         " is out of the range of a double (about ±1.8e308)");
        break;
      case csv::Number::not_finite:
        fail(column, csv::quote_cell(cell) + " in " + column_name(column) +
                         " is not a finite number (NaN and infinity cannot be learned from)");
        break;
    }
    values.push_back(v);
  }

  void on_field(const char* text, std::size_t size) {
    ++field;
    if (field > width && first_row_done && size > 0) extra_text = true;
    if (!error.empty()) return;
    if (size > kCsvMaxLineBytes) {
      fail(field, "a field longer than " + std::to_string(kCsvMaxLineBytes) +
                      " bytes (64 KiB, the reader's limit)");
      return;
    }
    if (!first_row_done) first_row.emplace_back(text ? text : "", size);
    else on_cell(field, std::string_view(text ? text : "", size));
  }

  std::size_t features_in_file = 0;
  bool extra_text = false;   // this row has a non-empty field past the header's width

  // Which file columns are features (all but the label and --ignore's), and which of those
  // --features chose. False (and the error set) if --ignore names no column or the label.
  bool choose_columns() {
    std::vector<char> ignored(width, 0);
    for (const std::string& option : options.ignore) {
      const std::size_t k = column_named(first_row, option);
      if (k == 0 || k > width) {
        fail(0, "--ignore: there is no column " + csv::quote_cell(option) + "; the first row has " +
                    std::to_string(width) + " columns");
        return false;
      }
      if (k - 1 == label_at) {
        fail(0, "--ignore " + option + ": that is the label column");
        return false;
      }
      ignored[k - 1] = 1;
    }
    feature_of.assign(width, kNotAFeature);
    for (std::size_t k = 0; k < width; ++k)
      if (k != label_at && !ignored[k]) feature_of[k] = features_in_file++;
    needed.assign(features_in_file, options.features.empty() ? 1 : 0);
    for (std::size_t f : options.features)
      if (f >= 1 && f <= features_in_file) needed[f - 1] = 1;
    text_column.assign(features_in_file, 0);
    return true;
  }

  // The first row is a header if a would-be feature cell is not a number, or --label names a column.
  void decide_header() {
    const std::string& label_option = options.label;
    width = first_row.size();
    header_line = record_line;
    const std::size_t position = label_position(label_option);
    if (width < 2) {
      fail(0, "the first row has " + std::to_string(width) + " column (delimiter '" +
                  (delimiter == '\t' ? std::string("tab") : std::string(1, delimiter)) +
                  "'); need at least one feature and the label");
      return;
    }
    if (label_option == "0") return fail(0, "--label 0: columns are counted from 1");
    if (position > width)
      return fail(0, "--label " + label_option + ": there is no column " + label_option +
                         "; the first row has " + std::to_string(width) + " columns");
    label_at = position > 0 ? position - 1 : width - 1;
    if (!label_option.empty() && position == 0) {
      const auto it = std::find(first_row.begin(), first_row.end(), label_option);
      if (it == first_row.end()) {
        std::string all;  // the first names, enough to spot a typo; a message stays a line
        constexpr std::size_t kNamesShown = 12;
        for (std::size_t k = 0; k < first_row.size() && k < kNamesShown; ++k)
          all += (k ? ", " : "") + csv::quote_cell(first_row[k]);
        if (first_row.size() > kNamesShown) all += " and " + std::to_string(first_row.size() - kNamesShown) + " more";
        return fail(0, "--label: no column is named " + csv::quote_cell(label_option) +
                           "; the first row has " + all);
      }
      if (std::find(it + 1, first_row.end(), label_option) != first_row.end())
        return fail(0, "--label: two columns are named " + csv::quote_cell(label_option) +
                           "; give its number instead");
      label_at = static_cast<std::size_t>(it - first_row.begin());
      has_header = true;
    }
    if (!choose_columns()) return;
    // Only the columns that must hold numbers decide (an ID column of text is no header).
    std::vector<std::string> numbers;
    for (std::size_t k = 0; k < width; ++k) {
      double v = 0.0;
      if (k == label_at || feature_of[k] == kNotAFeature) continue;
      const bool number = csv::parse_number(first_row[k], v) == csv::Number::ok;
      if (number) numbers.push_back(csv::quote_cell(first_row[k]));
      if (!number && needed[feature_of[k]]) has_header = true;
    }
    if (has_header && !numbers.empty()) {
      std::string list;
      for (std::size_t k = 0; k < numbers.size() && k < 3; ++k) list += (k ? ", " : "") + numbers[k];
      notices.push_back("The first line of '" + file + "' was read as the column names, but " +
                        std::to_string(numbers.size()) + " of them " + (numbers.size() == 1 ? "is a number (" : "are numbers (") +
                        list + (numbers.size() > 3 ? ", …" : "") +
                        "): if that line is data or a description (scikit-learn's iris.csv starts with its "
                        "row and column counts), delete it or write the names there.");
    }
    columns.assign(features_in_file, {});
    // A row takes at least `width` bytes (fields and delimiters), which bounds the guess.
    for (auto& c : columns) c.reserve(std::min(expected_rows, text_size / width + 1));
    if (has_header) {
      for (std::size_t k = 0; k < width; ++k)
        names.push_back(first_row[k].empty() ? "x" + std::to_string(k + 1) : first_row[k]);
    } else {
      for (std::size_t k = 0; k < width; ++k)
        names.push_back(k == label_at ? "label" : feature_of[k] == kNotAFeature ? "column " + std::to_string(k + 1)
                                                                                 : "x" + std::to_string(feature_of[k] + 1));
      first_data_line = record_line;
      for (std::size_t k = 0; k < width; ++k) on_cell(k + 1, first_row[k]);
    }
    first_row.clear();
  }

  void on_row_end() {
    if (!error.empty()) return;
    if (!first_row_done) {
      first_row_done = true;
      decide_header();
    } else {
      if (first_data_line == 0) first_data_line = record_line;
      // A first line shorter than the rest is often a title or a description above the data.
      // (An empty one past it is a trailing delimiter, not a longer row.)
      const bool longer_than_first = field > width && extra_text && first_data_line == record_line && has_header;
      if (field != width)
        fail(std::min(field, width) + 1, "this row has " + std::to_string(field) + " fields but the " +
                                             (has_header ? "header" : "first row") + " has " +
                                             std::to_string(width) +
                                             (longer_than_first ? " (if the first line is a title or a note, not "
                                                                  "the column names, delete it)" : ""));
    }
    field = 0;
    extra_text = false;
  }
};

extern "C" void on_csv_field(void* text, std::size_t size, void* reader) {
  static_cast<Reader*>(reader)->on_field(static_cast<const char*>(text), size);
}
extern "C" void on_csv_row(int, void* reader) { static_cast<Reader*>(reader)->on_row_end(); }

// libcsv trims spaces and tabs around unquoted fields; with tab as the delimiter, only spaces.
extern "C" int is_space_only(unsigned char c) { return c == ' '; }

std::string parse_error(int code) {
  return std::string("the CSV parser failed: ") + csv_strerror(code);
}

}  // namespace

Dataset read_csv_text(const std::string& text, const std::string& file_name, const CsvColumns& columns) {
  Reader reader;
  reader.file = file_name;
  reader.options = columns;
  std::size_t start = text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;  // UTF-8 byte order mark
  if (text.compare(0, 2, "\xFF\xFE") == 0 || text.compare(0, 2, "\xFE\xFF") == 0)
    throw InputError(file_name + ":1:1: this file is UTF-16 text; save it as UTF-8");
  reader.delimiter = csv::sniff_delimiter(std::string_view(text).substr(start));
  // A guess for reserve(): rows are about as long as the first one.
  const std::size_t first_line = std::min(text.find_first_of("\r\n", start), text.size()) - start + 1;
  reader.expected_rows = text.size() / first_line + 16;
  reader.text_size = text.size();

  csv_parser parser;
  // Not CSV_STRICT: a quote inside an unquoted field (1 "Main" St) is kept as a character, as
  // common readers do; an unterminated quoted field is still an error (strict at csv_fini).
  if (csv_init(&parser, CSV_APPEND_NULL) != 0)
    throw InputError(file_name + ": cannot start the CSV parser (out of memory)");
  const std::unique_ptr<csv_parser, void (*)(csv_parser*)> owner(&parser, csv_free);
  csv_set_delim(&parser, static_cast<unsigned char>(reader.delimiter));
  if (reader.delimiter == '\t') csv_set_space_func(&parser, is_space_only);

  // One line at a time, so the callbacks know the line; a line ends at LF, CRLF or a lone CR
  // (old spreadsheet exports). A quoted field may span lines: a problem in its record is
  // reported where the record starts, an unterminated one where it opened.
  std::size_t quote_line = 0, quote_field = 0;
  while (start < text.size() && reader.error.empty()) {
    std::size_t end = text.find_first_of("\r\n", start);
    const bool newline = end != std::string::npos;
    if (!newline) end = text.size();
    else end += text.compare(end, 2, "\r\n") == 0 ? 2 : 1;
    ++reader.line;
    if (!parser.quoted) reader.record_line = reader.line;
    std::string_view content(text.data() + start, end - start);
    while (!content.empty() && (content.back() == '\n' || content.back() == '\r')) content.remove_suffix(1);
    if (content.size() > kCsvMaxLineBytes) {
      reader.fail(kCsvMaxLineBytes + 1, "this line is longer than " + std::to_string(kCsvMaxLineBytes) +
                         " bytes (64 KiB, the reader's limit per line)");
      break;
    }
    if (const csv::ByteProblem p = csv::check_bytes(content); p.column) {
      reader.fail(p.column, p.what);
      break;
    }
    const std::size_t fed =
        csv_parse(&parser, text.data() + start, end - start, on_csv_field, on_csv_row, &reader);
    if (fed != end - start)
      reader.fail(reader.field + 1, parse_error(csv_error(&parser)));
    if (!parser.quoted || !newline) quote_line = 0;
    else if (quote_line == 0) { quote_line = reader.line; quote_field = reader.field + 1; }
    start = end;
  }
  // Strict for the end alone: an unterminated quoted field fails csv_fini only in strict mode.
  csv_set_opts(&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL);
  if (reader.error.empty() && csv_fini(&parser, on_csv_field, on_csv_row, &reader) != 0) {
    if (quote_line == 0) { quote_line = reader.line; quote_field = reader.field + 1; }
    reader.line = quote_line;
    reader.record_line = 0;
    reader.fail(quote_field, "a quote opens here and never closes (unterminated quoted field)");
  }
  if (!reader.error.empty()) throw InputError(reader.error);
  if (!reader.first_row_done) throw InputError(file_name + ": the file is empty (no header, no data rows)");
  if (reader.labels.rows() == 0)
    throw InputError(file_name + ":" + std::to_string(reader.header_line) +
                     ": there is a header but no data rows after it");

  Dataset data;
  const std::string::size_type slash = file_name.find_last_of('/');
  data.name = slash == std::string::npos ? file_name : file_name.substr(slash + 1);
  for (std::size_t k = 0; k < reader.width; ++k)
    if (reader.feature_of.empty() ? k != reader.label_at : reader.feature_of[k] != kNotAFeature)
      data.feature_names.push_back(reader.names[k]);
  data.columns = std::move(reader.columns);
  const std::string where = file_name + ":" + std::to_string(reader.first_data_line) + ":" +
                            std::to_string(reader.label_at + 1) + ": ";
  reader.labels.finish(
      data, where + "every label in column " + csv::quote_cell(reader.names[reader.label_at]) + " is ");
  data.notices = std::move(reader.notices);
  // The chosen features alone: a column left out may hold text (its cells were not kept).
  return columns.features.empty() ? data : select(data, columns.features, {});
}

Dataset read_csv_text(const std::string& text, const std::string& file_name, const std::string& label_column) {
  return read_csv_text(text, file_name, CsvColumns{label_column, {}, {}});
}

Dataset read_csv_file(const std::string& path, const CsvColumns& columns) {
  return read_csv_text(read_regular_file(path, kCsvMaxFileBytes, "a CSV file"), path, columns);
}

Dataset read_csv_file(const std::string& path, const std::string& label_column) {
  return read_csv_file(path, CsvColumns{label_column, {}, {}});
}

}  // namespace ll
