// Data sets: the built-ins, selection, blobs, standardization and the CSV reader's messages
// (every accepted form: test_csv_import.cpp; the malformed corpus: test_csv_malformed.cpp).
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "approx.h"
#include "ll/dataset.h"
#include "ll/error.h"

namespace {

double mean(const std::vector<double>& v) {
  double s = 0.0;
  for (double x : v) s += x;
  return s / static_cast<double>(v.size());
}

double population_stddev(const std::vector<double>& v) {
  const double m = mean(v);
  double s = 0.0;
  for (double x : v) s += (x - m) * (x - m);
  return std::sqrt(s / static_cast<double>(v.size()));
}

// The message of the InputError that reading `text` as bad.csv throws ("" if none).
std::string csv_error(const std::string& text) {
  try {
    ll::read_csv_text(text, "bad.csv");
  } catch (const ll::InputError& e) {
    return e.what();
  }
  return "";
}

// A file in a fresh temporary folder, removed with it.
struct TempDir {
  std::filesystem::path path;
  TempDir() {
    path = std::filesystem::temp_directory_path() / ("ll_tests_" + std::to_string(std::random_device{}()));
    std::filesystem::create_directories(path);
  }
  ~TempDir() { std::filesystem::remove_all(path); }
  std::string write(const std::string& name, const std::string& text) const {
    std::ofstream(path / name, std::ios::binary) << text;
    return (path / name).string();
  }
};

}  // namespace

TEST_CASE("iris4 holds the slides' four flowers exactly") {
  const ll::Dataset d = ll::make_iris4();
  CHECK(d.rows() == 4);
  CHECK(d.features() == 2);
  CHECK(d.classes() == 2);
  CHECK(d.columns[0] == std::vector<double>{1.4, 1.5, 3.0, 4.1});  // petal length
  CHECK(d.columns[1] == std::vector<double>{0.2, 0.2, 1.1, 1.3});  // petal width
  CHECK(d.labels == std::vector<int>{0, 0, 1, 1});
  CHECK(d.augmented(2) == std::vector<double>{1.0, 3.0, 1.1});
}

TEST_CASE("iris6 holds the slides' six petal lengths exactly") {
  const ll::Dataset d = ll::make_iris6();
  CHECK(d.features() == 1);
  CHECK(d.classes() == 2);
  CHECK(d.columns[0] == std::vector<double>{1.4, 1.0, 1.5, 3.0, 3.8, 4.1});
  CHECK(d.labels == std::vector<int>{0, 0, 0, 1, 1, 1});
}

TEST_CASE("iris has 150 rows, 4 features and 3 classes of 50, with Fisher's column means") {
  const ll::Dataset d = ll::load_iris();
  REQUIRE(d.rows() == 150);
  REQUIRE(d.features() == 4);
  REQUIRE(d.classes() == 3);
  CHECK(d.class_names == std::vector<std::string>{"setosa", "versicolor", "virginica"});
  for (int k = 0; k < 3; ++k) CHECK(std::count(d.labels.begin(), d.labels.end(), k) == 50);
  // The published means: 5.843333, 3.057333, 3.758000, 1.199333 cm.
  const double expected[4] = {5.843333, 3.057333, 3.758, 1.199333};
  for (std::size_t j = 0; j < 4; ++j) CHECK_NEAR(mean(d.columns[j]), expected[j], 5e-7);
}

TEST_CASE("select keeps the chosen features and relabels the chosen classes 0, 1, … in the order given") {
  const ll::Dataset iris = ll::load_iris();
  const ll::Dataset petals = ll::select(iris, {3, 4}, {2, 3});
  CHECK(petals.rows() == 100);
  CHECK(petals.feature_names == std::vector<std::string>{"petal length", "petal width"});
  CHECK(petals.class_names == std::vector<std::string>{"versicolor", "virginica"});
  CHECK(petals.x(0, 0) == 4.7);  // row 51 of the file: 7.0, 3.2, 4.7, 1.4, versicolor
  CHECK(petals.x(0, 1) == 1.4);
  CHECK(petals.labels.front() == 0);
  CHECK(petals.labels.back() == 1);

  const ll::Dataset swapped = ll::select(ll::make_iris4(), {2}, {2, 1});
  CHECK(swapped.labels == std::vector<int>{1, 1, 0, 0});
  CHECK(swapped.class_names == std::vector<std::string>{"versicolor", "setosa"});
  CHECK(swapped.columns == std::vector<std::vector<double>>{{0.2, 0.2, 1.1, 1.3}});

  CHECK_THROWS_WITH_AS(ll::select(iris, {5}, {}), doctest::Contains("column 5"), ll::InputError);
  CHECK_THROWS_WITH_AS(ll::select(iris, {1, 1}, {}), doctest::Contains("twice"), ll::InputError);
  CHECK_THROWS_WITH_AS(ll::select(iris, {1}, {2}), doctest::Contains("two classes"), ll::InputError);
  CHECK_THROWS_WITH_AS(ll::select(iris, {1}, {1, 4}), doctest::Contains("class 4"), ll::InputError);
}

TEST_CASE("blobs are seeded and reproducible, with n samples of two alternating classes") {
  const ll::Dataset a = ll::make_blobs(101, 3.0, 7), b = ll::make_blobs(101, 3.0, 7), c = ll::make_blobs(101, 3.0, 8);
  CHECK(a.columns == b.columns);
  CHECK(a.labels == b.labels);
  CHECK(a.columns != c.columns);
  CHECK(a.rows() == 101);
  CHECK(a.features() == 2);
  CHECK(a.classes() == 2);
  CHECK(std::count(a.labels.begin(), a.labels.end(), 0) == 51);
  CHECK(std::count(a.labels.begin(), a.labels.end(), 1) == 50);
  CHECK(ll::make_blobs(2, 1.0, 1).rows() == 2);
  CHECK_THROWS_AS(ll::make_blobs(1, 1.0, 1), ll::InputError);
  CHECK_THROWS_AS(ll::make_blobs(10, -1.0, 1), ll::InputError);
}

TEST_CASE("blobs' class means are `separation` apart and each cloud has unit variance") {
  const std::size_t n = 40000;  // 20,000 per class: the means' sampling error is about 0.01
  for (double separation : {0.0, 1.0, 3.0, 6.0}) {
    INFO("separation ", separation);
    const ll::Dataset d = ll::make_blobs(n, separation, 11);
    std::vector<double> by_class[2][2];  // [class][feature]
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t j = 0; j < 2; ++j) by_class[d.labels[i]][j].push_back(d.x(i, j));
    const double dx = mean(by_class[1][0]) - mean(by_class[0][0]);
    const double dy = mean(by_class[1][1]) - mean(by_class[0][1]);
    CHECK_NEAR(std::hypot(dx, dy), separation, 0.05);
    for (int k = 0; k < 2; ++k)
      for (std::size_t j = 0; j < 2; ++j) CHECK_NEAR(population_stddev(by_class[k][j]), 1.0, 0.03);
  }
}

TEST_CASE("standardize gives every feature mean 0 and standard deviation 1, and keeps the originals") {
  ll::Dataset d = ll::make_iris4();
  ll::standardize(d);
  CHECK(d.standardized);
  for (std::size_t j = 0; j < 2; ++j) {
    CHECK_NEAR(mean(d.columns[j]), 0.0, 1e-15);
    CHECK_NEAR(population_stddev(d.columns[j]), 1.0, 1e-14);
  }
  // Petal length: mean 2.5, population stddev sqrt(((−1.1)² + (−1)² + 0.5² + 1.6²)/4) = sqrt(1.255).
  CHECK_NEAR(d.feature_mean[0], 2.5, 1e-15);
  CHECK_NEAR(d.feature_stddev[0], std::sqrt(1.255), 1e-15);
  CHECK_NEAR(d.x(3, 0), 1.6 / std::sqrt(1.255), 1e-14);
}

TEST_CASE("standardize throws InputError naming a feature with zero variance") {
  ll::Dataset d = ll::make_iris4();
  d.columns[1] = {0.7, 0.7, 0.7, 0.7};
  CHECK_THROWS_WITH_AS(ll::standardize(d), doctest::Contains("petal width"), ll::InputError);
}

TEST_CASE("standardize scales tiny and huge features like ordinary ones; only a constant one is refused") {
  // The same four petal lengths times 1e-200 (squares underflow) and 1e200 (squares overflow):
  // the standardized values are the ordinary ones (scaling by a power of ten costs a few ulps).
  ll::Dataset plain = ll::make_iris4();
  ll::standardize(plain);
  for (double scale : {1e-200, 1e200, 1e-300}) {
    INFO("scale " << scale);
    ll::Dataset d = ll::make_iris4();
    for (double& v : d.columns[0]) v *= scale;
    REQUIRE_NOTHROW(ll::standardize(d));
    for (std::size_t i = 0; i < 4; ++i) CHECK(d.x(i, 0) == doctest::Approx(plain.x(i, 0)).epsilon(1e-14));
    CHECK(d.feature_stddev[0] == doctest::Approx(std::sqrt(1.255) * scale).epsilon(1e-14));
  }
  // ±1e308: the sum overflows; the mean and the spread are still found.
  ll::Dataset wide = ll::make_iris4();
  wide.columns[0] = {1e308, 1.7e308, -1e308, -1.7e308};
  REQUIRE_NOTHROW(ll::standardize(wide));
  CHECK(wide.feature_mean[0] == 0.0);
  CHECK(wide.x(0, 0) == doctest::Approx(1.0 / std::sqrt((1.0 + 1.7 * 1.7) / 2.0)).epsilon(1e-14));
  // Deviations that do not fit a double (1.7e308 − (−1.7e308)) are said to overflow.
  ll::Dataset overflow = ll::make_iris4();
  overflow.columns[0] = {1.7e308, 1.7e308, 1.7e308, -1.7e308};
  CHECK_THROWS_WITH_AS(ll::standardize(overflow), doctest::Contains("too large to scale"), ll::InputError);
  // A constant column around 1e-200 is still constant.
  ll::Dataset constant = ll::make_iris4();
  constant.columns[0] = {3e-200, 3e-200, 3e-200, 3e-200};
  CHECK_THROWS_WITH_AS(ll::standardize(constant), doctest::Contains("has the same value (3.000e-200)"), ll::InputError);
}

TEST_CASE("read_csv_text reads a header, numeric features and the label in the last column") {
  const ll::Dataset d = ll::read_csv_text("length,width,label\n1.5,2,0\n-3e-1,4.25,1\n0,0,1\n", "data/simple.csv");
  CHECK(d.name == "simple.csv");
  CHECK(d.feature_names == std::vector<std::string>{"length", "width"});
  CHECK(d.columns == std::vector<std::vector<double>>{{1.5, -0.3, 0.0}, {2.0, 4.25, 0.0}});
  CHECK(d.labels == std::vector<int>{0, 1, 1});
  CHECK(d.class_names == std::vector<std::string>{"0", "1"});

  // Names are classes in alphabetical order; CRLF line ends and quoted fields are fine.
  const ll::Dataset named = ll::read_csv_text("x,\"y\",species\r\n1,2,dog\r\n3,\"4\",cat\r\n5,6,dog\r\n", "n.csv");
  CHECK(named.class_names == std::vector<std::string>{"cat", "dog"});
  CHECK(named.labels == std::vector<int>{1, 0, 1});
  CHECK(named.columns[1] == std::vector<double>{2, 4, 6});

  // Integer labels are ordered by value, not as text: −1 < 1, and 9 < 10.
  CHECK(ll::read_csv_text("x,y\n1,1\n2,-1\n", "a.csv").labels == std::vector<int>{1, 0});
  CHECK(ll::read_csv_text("x,y\n1,10\n2,9\n", "b.csv").labels == std::vector<int>{1, 0});
}

TEST_CASE("each malformed CSV throws InputError naming file:line:column and the problem") {
  const std::string header = "a,b,label\n1,2,0\n";
  CHECK_CONTAINS(csv_error(header + "3,x,1\n"), "bad.csv:3:2");             // not a number
  CHECK_CONTAINS(csv_error(header + "3,x,1\n"), "'x'");
  CHECK_CONTAINS(csv_error(header + "3,,1\n"), "bad.csv:3:2");              // empty cell
  CHECK_CONTAINS(csv_error(header + "3,,1\n"), "empty");
  CHECK_CONTAINS(csv_error(header + "3,4\n"), "bad.csv:3:3");               // a field missing
  CHECK_CONTAINS(csv_error(header + "3,4\n"), "2 fields");
  CHECK_CONTAINS(csv_error(header + "3,4,1,9\n"), "bad.csv:3:4");           // a field too many
  CHECK_CONTAINS(csv_error(header + "3,nan,1\n"), "bad.csv:3:2");           // not finite
  CHECK_CONTAINS(csv_error(header + "inf,4,1\n"), "bad.csv:3:1");
  CHECK_CONTAINS(csv_error(header + "3,1e999,1\n"), "bad.csv:3:2");         // overflows a double
  CHECK_CONTAINS(csv_error(header + "3,1e999,1\n"), "range");
  CHECK_CONTAINS(csv_error(header + "3,4,\n"), "bad.csv:3:3");              // empty label
  CHECK_CONTAINS(csv_error("label\n0\n1\n"), "bad.csv:1");                  // no feature column
  CHECK_CONTAINS(csv_error(header + "3,4,\"open\n"), "bad.csv:3:3");        // unterminated quote
  // Problems of the whole file point at where they show: the first label, the header.
  CHECK_CONTAINS(csv_error(header + "3,4,0\n"), "bad.csv:2:3: every label in column 'label' is '0'");
  CHECK_CONTAINS(csv_error("a,b,label\n"), "bad.csv:1: there is a header but no data rows");
  // An empty text has no line to point at.
  CHECK_CONTAINS(csv_error(""), "bad.csv: the file is empty");                     // empty text
}

TEST_CASE("read_csv_file reads a file, and names a missing path or a folder") {
  TempDir dir;
  const std::string good = dir.write("good.csv", "a,label\n1,yes\n2,no\n");
  const ll::Dataset d = ll::read_csv_file(good);
  CHECK(d.name == "good.csv");
  CHECK(d.labels == std::vector<int>{1, 0});
  const std::string bad = dir.write("bad.csv", "a,label\n1,yes\nz,no\n");
  CHECK_THROWS_WITH_AS(ll::read_csv_file(bad), doctest::Contains("bad.csv:3:1"), ll::InputError);
  const std::string missing = (dir.path / "missing.csv").string();
  CHECK_THROWS_WITH_AS(ll::read_csv_file(missing), doctest::Contains(missing.c_str()), ll::InputError);
  CHECK_THROWS_WITH_AS(ll::read_csv_file(missing), doctest::Contains("cannot open"), ll::InputError);
  CHECK_THROWS_WITH_AS(ll::read_csv_file(dir.path.string()), doctest::Contains("folder"), ll::InputError);
}

TEST_CASE("load_dataset picks the source, iris's default petal features, and names an unknown source") {
  ll::DataOptions o;
  o.source = "iris";
  const ll::Dataset iris = ll::load_dataset(o);
  CHECK(iris.feature_names == std::vector<std::string>{"petal length", "petal width"});
  CHECK(iris.classes() == 3);
  o.classes = {1, 2};
  o.standardize = true;
  const ll::Dataset two = ll::load_dataset(o);
  CHECK(two.rows() == 100);
  CHECK(two.standardized);
  CHECK_NEAR(mean(two.columns[0]), 0.0, 1e-14);
  o = {};
  o.source = "flowers";
  CHECK_THROWS_WITH_AS(ll::load_dataset(o), doctest::Contains("flowers"), ll::InputError);
}
