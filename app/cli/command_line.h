#pragma once
// The executable's entry: `logistic-lab [gui] …`, `logistic-lab trace …`,
// `logistic-lab screenshot …`. Exit codes: 0 ok, 2 bad input, 3 a diverged run.
namespace ll::app {

int run_command_line(int argc, char** argv);

}  // namespace ll::app
