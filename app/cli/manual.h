#pragma once
// The man page and the bash completion, written from the command line's own option definitions
// (the CLI11 app that parses them), so that neither can drift from --help. The build runs
// `logistic-lab --write-man-page FILE` and `--write-bash-completion FILE`; both are installed.
#include <string>

namespace CLI {
class App;
}

namespace ll::app {

// roff for man(1): NAME, SYNOPSIS, DESCRIPTION, COMMANDS, the options of each command, FILES,
// ENVIRONMENT, EXIT STATUS.
std::string man_page(const CLI::App& app, const std::string& version);
// A bash function completing the commands and each command's options (file names elsewhere).
std::string bash_completion(const CLI::App& app);

}  // namespace ll::app
