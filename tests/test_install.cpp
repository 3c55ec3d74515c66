// Installable (issue 14): the program finds its files from where it is, not from a path compiled
// into it; without them it says where it looked; the man page and the bash completion are written
// from the option definitions, so every option of every command is in them; `logistic-lab FILE`
// names a lesson or a CSV file; the version is the CMake project's.
#include <doctest/doctest.h>
#include <unistd.h>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "cli_runner.h"

namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Every "--name" that `logistic-lab [command] --help` lists.
std::set<std::string> options_in_help(const std::string& command) {
  // (No std::regex: GCC 12 warns about its std::function under the sanitizers.)
  const CliResult r = run_cli(command + " --help");
  std::set<std::string> names;
  const std::string& t = r.out;
  for (std::size_t at = t.find("--"); at != std::string::npos; at = t.find("--", at + 2)) {
    const bool starts_word = at == 0 || t[at - 1] == ' ' || t[at - 1] == ',' || t[at - 1] == '\n';
    std::size_t end = at + 2;
    while (end < t.size() && (std::islower(static_cast<unsigned char>(t[end])) || std::isdigit(static_cast<unsigned char>(t[end])) ||
                              t[end] == '-'))
      ++end;
    if (starts_word && end > at + 2 && std::islower(static_cast<unsigned char>(t[at + 2]))) names.insert(t.substr(at, end - at));
  }
  return names;
}

std::string temp_path(const std::string& name) {
  return (std::filesystem::temp_directory_path() / ("ll_install_" + std::to_string(::getpid()) + "_" + name)).string();
}

}  // namespace

TEST_CASE("without its files the program says where it looked and exits 2") {
  const CliResult r = run_cli("trace --steps 1", "LOGISTIC_LAB_ASSETS=/nonexistent/share ");
  CHECK(r.exit_code == 2);
  CHECK(r.err == "logistic-lab: cannot find its files (fonts, data, lessons): looked in /nonexistent/share; set "
                 "LOGISTIC_LAB_ASSETS to the folder that holds fonts/ and data/\n");
  CHECK(r.out.empty());
}

TEST_CASE("the man page and the bash completion have every option of every command, as --help does") {
  const std::string man = temp_path("logistic-lab.1"), completion = temp_path("completion.bash");
  REQUIRE(run_cli("--write-man-page " + man + " --write-bash-completion " + completion).exit_code == 0);
  const std::string page = read_file(man), bash = read_file(completion);
  CHECK(page.rfind(".TH LOGISTIC\\-LAB 1", 0) == 0);
  for (const char* section : {".SH NAME", ".SH SYNOPSIS", ".SH COMMANDS", ".SH OPTIONS OF trace", ".SH OPTIONS OF screenshot",
                              ".SH OPTIONS OF gui", ".SH FILES", ".SH ENVIRONMENT", ".SH EXIT STATUS"})
    CHECK_MESSAGE(page.find(section) != std::string::npos, section);
  for (const std::string command : {"trace", "screenshot", "gui"}) {
    const std::set<std::string> listed = options_in_help(command);
    REQUIRE(listed.size() > 10);
    for (const std::string& option : listed) {
      INFO(command << " " << option);
      std::string in_roff;
      for (char c : option) in_roff += c == '-' ? "\\-" : std::string(1, c);
      CHECK(page.find("\\fB" + in_roff + "\\fR") != std::string::npos);
      if (option != "--help") CHECK(bash.find(option) != std::string::npos);
    }
  }
  CHECK(bash.find("complete -o default -o bashdefault -F _logistic_lab logistic-lab") != std::string::npos);
  CHECK(page.find("--write-man-page") == std::string::npos);   // the build's own options stay hidden
  // bash reads it without a syntax error.
  CHECK(std::system(("bash -n " + completion).c_str()) == 0);
  std::filesystem::remove(man);
  std::filesystem::remove(completion);
}

TEST_CASE("logistic-lab FILE: a file that is not there, and a lesson as well as --scenario, are refused") {
  const CliResult missing = run_cli("/nonexistent/lesson.lesson.json");
  CHECK(missing.exit_code == 2);
  CHECK(missing.err.find("no such file: /nonexistent/lesson.lesson.json") != std::string::npos);
  const std::string lesson = std::string(LL_ASSETS_DIR_FOR_TESTS) + "/scenarios/01-batch.json";
  const CliResult both = run_cli(lesson + " --scenario " + lesson);
  CHECK(both.exit_code == 2);
  CHECK(both.err.find("give one scenario") != std::string::npos);
}

TEST_CASE("--version is the CMake project's version") {
  const CliResult r = run_cli("--version");
  CHECK(r.exit_code == 0);
  CHECK(r.out == "logistic-lab " LL_PROJECT_VERSION "\n");
}
