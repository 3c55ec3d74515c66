#pragma once
// The checked-in golden files (tests/golden/) and reading a whole file, for the tests that
// compare an export with one.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

inline const std::filesystem::path kGolden = std::filesystem::path(LL_TEST_DATA_DIR).parent_path() / "golden";

inline std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE_MESSAGE(in, "cannot read " << path.string());
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}
