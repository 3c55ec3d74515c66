// The simple CSV form: a header row, numeric feature columns, the class label in the last column.
// libcsv does the tokenizing (quotes, CR/LF); this file turns fields into a Dataset and reports
// the first problem as file:line:column.
#include <csv.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <sstream>
#include <sys/stat.h>

#include "ll/dataset.h"
#include "ll/error.h"

namespace ll {
namespace {

struct Reader {
  std::string file;
  std::size_t line = 0;                 // 1-based line being fed to the parser
  std::size_t field = 0;                // fields seen so far in the current row
  bool header_done = false;
  std::vector<std::string> header;
  std::vector<std::vector<double>> columns;
  std::vector<std::string> label_text;
  std::string error;                    // the first problem found; parsing stops caring after it

  void fail(std::size_t column, const std::string& what) {
    if (!error.empty()) return;
    error = file + ":" + std::to_string(line) + (column ? ":" + std::to_string(column) : "") +
            ": " + what;
  }

  void on_field(const char* text, std::size_t size) {
    const std::string cell(text ? text : "", size);
    const std::size_t column = ++field;
    if (!header_done) {
      header.push_back(cell.empty() ? "x" + std::to_string(column) : cell);
      return;
    }
    if (column > header.size()) return;  // counted at the row's end
    const std::string& column_name = header[column - 1];
    if (column == header.size()) {
      if (cell.empty()) fail(column, "the label (column '" + column_name + "') is empty");
      label_text.push_back(cell);
      return;
    }
    if (cell.empty()) {
      fail(column, "empty cell in column '" + column_name + "' (every feature must be a number)");
      columns[column - 1].push_back(0.0);
      return;
    }
    char* end = nullptr;
    errno = 0;
    const double v = std::strtod(cell.c_str(), &end);
    if (end != cell.c_str() + cell.size())
      fail(column, "'" + cell + "' in column '" + column_name + "' is not a number");
    else if (errno == ERANGE && std::fabs(v) > 1.0)
      fail(column, "'" + cell + "' in column '" + column_name + "' is out of the range of a double");
    else if (!std::isfinite(v))
      fail(column, "'" + cell + "' in column '" + column_name + "' is not a finite number");
    columns[column - 1].push_back(v);
  }

  void on_row_end() {
    if (!header_done) {
      header_done = true;
      if (header.size() < 2)
        fail(0, "the header names " + std::to_string(header.size()) +
                    " column; need at least one feature and the label (last column)");
      columns.assign(header.size() > 0 ? header.size() - 1 : 0, {});
    } else if (field != header.size()) {
      fail(std::min(field, header.size()) + 1,
           "this row has " + std::to_string(field) + " fields but the header has " +
               std::to_string(header.size()));
    }
    field = 0;
  }
};

extern "C" void on_csv_field(void* text, std::size_t size, void* reader) {
  static_cast<Reader*>(reader)->on_field(static_cast<const char*>(text), size);
}
extern "C" void on_csv_row(int, void* reader) { static_cast<Reader*>(reader)->on_row_end(); }

// Labels that are all integers are ordered by value (0/1 → 0, 1; −1/+1 → 0, 1); names are
// ordered alphabetically. Class k is the k-th in that order.
void set_labels(Dataset& data, const std::vector<std::string>& text, const std::string& file) {
  bool all_integers = true;
  for (const std::string& t : text) {
    char* end = nullptr;
    std::strtol(t.c_str(), &end, 10);
    if (t.empty() || end != t.c_str() + t.size()) { all_integers = false; break; }
  }
  std::vector<std::string> names(text.begin(), text.end());
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  if (all_integers)
    std::sort(names.begin(), names.end(), [](const std::string& a, const std::string& b) {
      return std::strtol(a.c_str(), nullptr, 10) < std::strtol(b.c_str(), nullptr, 10);
    });
  if (names.size() < 2)
    throw InputError(file + ": every label is '" + (names.empty() ? "" : names[0]) +
                     "': a classifier needs at least two classes");
  std::map<std::string, int> index;
  for (std::size_t k = 0; k < names.size(); ++k) index[names[k]] = static_cast<int>(k);
  data.class_names = names;
  data.labels.reserve(text.size());
  for (const std::string& t : text) data.labels.push_back(index[t]);
}

}  // namespace

Dataset read_csv_text(const std::string& text, const std::string& file_name) {
  Reader reader;
  reader.file = file_name;
  csv_parser parser;
  if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
    throw InputError(file_name + ": cannot start the CSV parser");
  std::size_t start = text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;  // UTF-8 byte order mark
  // Feed one line at a time so the callbacks know which line they are on.
  while (start < text.size() && reader.error.empty()) {
    std::size_t end = text.find('\n', start);
    end = end == std::string::npos ? text.size() : end + 1;
    ++reader.line;
    if (csv_parse(&parser, text.data() + start, end - start, on_csv_field, on_csv_row, &reader) !=
        end - start)
      reader.fail(0, std::string("malformed CSV: ") + csv_strerror(csv_error(&parser)));
    start = end;
  }
  if (reader.error.empty() && csv_fini(&parser, on_csv_field, on_csv_row, &reader) != 0)
    reader.fail(0, std::string("malformed CSV: ") + csv_strerror(csv_error(&parser)));
  csv_free(&parser);
  if (!reader.error.empty()) throw InputError(reader.error);
  if (reader.header.empty()) throw InputError(file_name + ": the file is empty (expected a header row)");
  if (reader.label_text.empty()) throw InputError(file_name + ": there are no data rows after the header");

  Dataset data;
  const std::string::size_type slash = file_name.find_last_of('/');
  data.name = slash == std::string::npos ? file_name : file_name.substr(slash + 1);
  data.feature_names.assign(reader.header.begin(), reader.header.end() - 1);
  data.columns = std::move(reader.columns);
  set_labels(data, reader.label_text, file_name);
  return data;
}

Dataset read_csv_file(const std::string& path) {
  struct stat info {};
  if (stat(path.c_str(), &info) != 0)
    throw InputError(path + ": cannot open (" + std::string(std::strerror(errno)) + ")");
  if (S_ISDIR(info.st_mode)) throw InputError(path + ": is a folder, not a CSV file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path + ": cannot open for reading");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return read_csv_text(buffer.str(), path);
}

}  // namespace ll
