// logistic-lab: see app/cli/command_line.cpp for the commands.
#include "cli/command_line.h"

int main(int argc, char** argv) { return ll::app::run_command_line(argc, argv); }
