#pragma once
// Runs the real logistic-lab executable and captures its exit code, stdout and stderr.
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

struct CliResult {
  int exit_code = -1;
  std::string out, err;
};

// `shell_first`: shell commands before the program, e.g. "ulimit -v 300000; ".
inline CliResult run_cli(const std::string& args, const std::string& shell_first = "") {
  const std::string err_file = "/tmp/ll_cli_test_" + std::to_string(::getpid()) + ".err";
  const std::string command = shell_first + std::string(LL_EXECUTABLE) + " " + args + " 2>" + err_file;
  CliResult result;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) return result;
  std::array<char, 4096> buffer{};
  std::size_t n;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) result.out.append(buffer.data(), n);
  const int status = ::pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream err(err_file);
  std::stringstream ss;
  ss << err.rdbuf();
  result.err = ss.str();
  std::remove(err_file.c_str());
  return result;
}
