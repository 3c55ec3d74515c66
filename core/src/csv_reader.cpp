// CSV import: libcsv does the tokenizing (quotes, CR/LF, the delimiter csv_sniff.cpp guessed);
// this file feeds it one line at a time, so that every problem can be reported as
// file:line:column, decides whether the first row is a header, and turns cells into a Dataset.
// The first problem stops the reading and becomes the InputError's message.
#include <csv.h>

#include <algorithm>
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

struct Reader {
  std::string file;
  std::string label_option;
  char delimiter = ',';
  std::size_t line = 0;        // 1-based line being fed to the parser
  std::size_t field = 0;       // fields seen so far in the current row
  bool first_row_done = false;
  std::vector<std::string> first_row;   // kept until we know whether it is a header
  std::size_t width = 0;                // fields per row
  std::size_t label_at = 0;             // 0-based column of the label
  std::vector<std::string> names;       // column names, from the header or x1, x2, …, "label"
  bool has_header = false;
  std::size_t header_line = 0, first_data_line = 0;
  std::vector<std::vector<double>> columns;  // the feature columns, in file order
  std::size_t expected_rows = 0, text_size = 0;
  csv::LabelIndex labels;
  std::string error;  // the first problem; the reading stops after it

  void fail(std::size_t column, const std::string& what) {
    if (!error.empty()) return;
    error = file + ":" + std::to_string(line) + (column ? ":" + std::to_string(column) : "") +
            ": " + what;
  }

  std::string column_name(std::size_t column) const { return "column " + csv::quote_cell(names[column - 1]); }

  void on_cell(std::size_t column, std::string_view cell) {
    if (column > width) return;  // counted at the row's end
    if (column - 1 == label_at) {
      if (cell.empty()) fail(column, "the label (" + column_name(column) + ") is empty");
      else labels.add(cell);
      return;
    }
    std::vector<double>& values = columns[column - 1 < label_at ? column - 1 : column - 2];
    double v = 0.0;
    switch (csv::parse_number(cell, v)) {
      case csv::Number::ok: break;
      case csv::Number::not_a_number:
        if (cell.empty())
          fail(column, "empty cell in " + column_name(column) + " (every feature must be a number)");
        else
          fail(column, csv::quote_cell(cell) + " in " + column_name(column) + " is not a number" +
                           (cell.find(',') != std::string_view::npos && delimiter != ','
                                ? " (write decimals with a point: 1.5, not 1,5)" : ""));
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
    if (!error.empty()) return;
    if (size > kCsvMaxLineBytes) {
      fail(field, "a field longer than " + std::to_string(kCsvMaxLineBytes) +
                      " bytes (64 KiB, the reader's limit)");
      return;
    }
    if (!first_row_done) first_row.emplace_back(text ? text : "", size);
    else on_cell(field, std::string_view(text ? text : "", size));
  }

  // The first row is a header if a would-be feature cell is not a number, or --label names a column.
  void decide_header() {
    width = first_row.size();
    header_line = line;
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
    for (std::size_t k = 0; k < width && !has_header; ++k) {
      double v = 0.0;
      has_header = k != label_at && csv::parse_number(first_row[k], v) == csv::Number::not_a_number;
    }
    columns.assign(width - 1, {});
    // A row takes at least `width` bytes (fields and delimiters), which bounds the guess.
    for (auto& c : columns) c.reserve(std::min(expected_rows, text_size / width + 1));
    if (has_header) {
      for (std::size_t k = 0; k < width; ++k)
        names.push_back(first_row[k].empty() ? "x" + std::to_string(k + 1) : first_row[k]);
    } else {
      for (std::size_t k = 0; k + 1 < width; ++k) names.push_back("x" + std::to_string(k + 1));
      names.insert(names.begin() + static_cast<std::ptrdiff_t>(label_at), "label");
      first_data_line = line;
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
      if (first_data_line == 0) first_data_line = line;
      if (field != width)
        fail(std::min(field, width) + 1, "this row has " + std::to_string(field) + " fields but the " +
                                             (has_header ? "header" : "first row") + " has " +
                                             std::to_string(width));
    }
    field = 0;
  }
};

extern "C" void on_csv_field(void* text, std::size_t size, void* reader) {
  static_cast<Reader*>(reader)->on_field(static_cast<const char*>(text), size);
}
extern "C" void on_csv_row(int, void* reader) { static_cast<Reader*>(reader)->on_row_end(); }

// libcsv trims spaces and tabs around unquoted fields; with tab as the delimiter, only spaces.
extern "C" int is_space_only(unsigned char c) { return c == ' '; }

std::string parse_error(int code) {
  if (code == CSV_EPARSE)
    return "a stray quote: a quoted field must end with a quote right before the delimiter or the "
           "line end, and a quote inside it is written twice (\"\")";
  return std::string("the CSV parser failed: ") + csv_strerror(code);
}

}  // namespace

Dataset read_csv_text(const std::string& text, const std::string& file_name,
                      const std::string& label_column) {
  Reader reader;
  reader.file = file_name;
  reader.label_option = label_column;
  std::size_t start = text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;  // UTF-8 byte order mark
  if (text.compare(0, 2, "\xFF\xFE") == 0 || text.compare(0, 2, "\xFE\xFF") == 0)
    throw InputError(file_name + ":1:1: this file is UTF-16 text; save it as UTF-8");
  reader.delimiter = csv::sniff_delimiter(std::string_view(text).substr(start));
  // A guess for reserve(): rows are about as long as the first one.
  const std::size_t first_line = std::min(text.find('\n', start), text.size()) - start + 1;
  reader.expected_rows = text.size() / first_line + 16;
  reader.text_size = text.size();

  csv_parser parser;
  if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
    throw InputError(file_name + ": cannot start the CSV parser (out of memory)");
  const std::unique_ptr<csv_parser, void (*)(csv_parser*)> owner(&parser, csv_free);
  csv_set_delim(&parser, static_cast<unsigned char>(reader.delimiter));
  if (reader.delimiter == '\t') csv_set_space_func(&parser, is_space_only);

  // One line at a time, so the callbacks know the line; a quoted field may span lines, and an
  // unterminated one is reported where it opened.
  std::size_t quote_line = 0, quote_field = 0;
  while (start < text.size() && reader.error.empty()) {
    const char* newline =
        static_cast<const char*>(std::memchr(text.data() + start, '\n', text.size() - start));
    const std::size_t end = newline ? static_cast<std::size_t>(newline - text.data()) + 1 : text.size();
    ++reader.line;
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
  if (reader.error.empty() && csv_fini(&parser, on_csv_field, on_csv_row, &reader) != 0) {
    if (quote_line == 0) { quote_line = reader.line; quote_field = reader.field + 1; }
    reader.line = quote_line;
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
    if (k != reader.label_at) data.feature_names.push_back(reader.names[k]);
  data.columns = std::move(reader.columns);
  const std::string where = file_name + ":" + std::to_string(reader.first_data_line) + ":" +
                            std::to_string(reader.label_at + 1) + ": ";
  reader.labels.finish(
      data, where + "every label in column " + csv::quote_cell(reader.names[reader.label_at]) + " is ");
  return data;
}

Dataset read_csv_file(const std::string& path, const std::string& label_column) {
  return read_csv_text(read_regular_file(path, kCsvMaxFileBytes, "a CSV file"), path, label_column);
}

}  // namespace ll
