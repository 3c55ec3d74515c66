#include "cli/manual.h"

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace ll::app {
namespace {

// Text as roff reads it: a backslash is \e, a hyphen \-, a line starting with . or ' escaped.
std::string roff(const std::string& text) {
  std::string out;
  bool line_start = true;
  for (char c : text) {
    if (line_start && (c == '.' || c == '\'')) out += "\\&";
    if (c == '\\') out += "\\e";
    else if (c == '-') out += "\\-";
    else out += c;
    line_start = c == '\n';
  }
  return out;
}

// The options a command shows in --help, in its order (hidden ones have no group).
std::vector<const CLI::Option*> shown_options(const CLI::App& command) {
  return command.get_options([](const CLI::Option* o) { return !o->get_group().empty() && o->nonpositional(); });
}

std::vector<const CLI::App*> commands(const CLI::App& app) {
  return app.get_subcommands([](const CLI::App*) { return true; });
}

// "--data TEXT", "--standardize", "-h, --help".
std::string option_heading(const CLI::Option& o) {
  std::string names;
  for (const std::string& s : o.get_snames()) names += (names.empty() ? "\\fB\\-" : ", \\fB\\-") + roff(s) + "\\fR";
  for (const std::string& l : o.get_lnames()) names += (names.empty() ? "\\fB\\-\\-" : ", \\fB\\-\\-") + roff(l) + "\\fR";
  if (o.get_items_expected_max() > 0 && !o.get_type_name().empty())
    names += " \\fI" + roff(o.get_type_name()) + "\\fR";
  return names;
}

void options_section(std::string& out, const std::string& title, const CLI::App& command) {
  out += ".SH " + title + "\n";
  for (const CLI::Option* o : shown_options(command))
    out += ".TP\n" + option_heading(*o) + "\n" + roff(o->get_description()) + "\n";
}

}  // namespace

std::string man_page(const CLI::App& app, const std::string& version) {
  std::string out = ".TH LOGISTIC\\-LAB 1 \"\" \"" + roff(version) + "\" \"User Commands\"\n";
  out += ".SH NAME\nlogistic\\-lab \\- logistic regression by gradient descent, one step at a time\n";
  out += ".SH SYNOPSIS\n.B logistic\\-lab\n[\\fIFILE\\fR] [\\fB\\-\\-scenario\\fR \\fIFILE\\fR]\n";
  for (const CLI::App* c : commands(app))
    out += ".br\n.B logistic\\-lab " + roff(c->get_name()) + "\n[\\fIoptions\\fR]\n";
  out += ".SH DESCRIPTION\n" + roff(app.get_description()) +
         "\n.PP\nFILE is a lesson (a scenario file, *.lesson.json or *.json) or a CSV file, opened in the "
         "window as a file manager passes it.\n";
  out += ".SH COMMANDS\n";
  for (const CLI::App* c : commands(app))
    out += ".TP\n.B " + roff(c->get_name()) + "\n" + roff(c->get_description()) + "\n";
  options_section(out, "OPTIONS", app);
  for (const CLI::App* c : commands(app)) options_section(out, "OPTIONS OF " + roff(c->get_name()), *c);
  out += ".SH FILES\n.TP\n.I /usr/share/logistic\\-lab\nThe fonts, the iris data and the lesson scenarios "
         "(share/logistic\\-lab beside the program's folder).\n"
         ".TP\n.I $XDG_CONFIG_HOME/logistic\\-lab/settings.json\nThe window's settings (theme, text size, panels, "
         "recent files).\n";
  out += ".SH ENVIRONMENT\n.TP\n.B LOGISTIC_LAB_ASSETS\nThe folder with fonts/, data/ and scenarios/, instead of "
         "the one beside the program.\n.TP\n.B LL_THREADS\nThreads for the full\\-data pass (default: all cores).\n";
  out += ".SH EXIT STATUS\n.TP\n0\nDone.\n.TP\n2\nA bad option, file or setting (the message says which), or "
         "output that could not be written.\n.TP\n3\ntrace: a step was refused or diverged.\n.TP\n4\n"
         "screenshot \\-\\-check\\-layout: a panel needs scrolling.\n";
  return out;
}

std::string bash_completion(const CLI::App& app) {
  const auto words = [](const CLI::App& command) {
    std::string w;
    for (const CLI::Option* o : shown_options(command))
      for (const std::string& l : o->get_lnames()) w += (w.empty() ? "--" : " --") + l;
    return w;
  };
  std::string names;
  for (const CLI::App* c : commands(app)) names += (names.empty() ? "" : " ") + c->get_name();
  std::string out = "# bash completion for logistic-lab, written by `logistic-lab --write-bash-completion`\n"
                    "_logistic_lab() {\n"
                    "  local cur=${COMP_WORDS[COMP_CWORD]} command=\"\" word opts\n"
                    "  for word in \"${COMP_WORDS[@]:1:COMP_CWORD-1}\"; do\n"
                    "    case $word in " + [&] {
                      std::string alternatives;
                      for (const CLI::App* c : commands(app)) alternatives += (alternatives.empty() ? "" : "|") + c->get_name();
                      return alternatives;
                    }() + ") command=$word; break ;; esac\n"
                    "  done\n"
                    "  case $command in\n";
  for (const CLI::App* c : commands(app)) out += "    " + c->get_name() + ") opts=\"" + words(*c) + "\" ;;\n";
  out += "    *) opts=\"" + names + " " + words(app) + "\" ;;\n"
         "  esac\n"
         "  if [[ $cur == -* || -z $command && $cur != */* ]]; then\n"
         "    mapfile -t COMPREPLY < <(compgen -W \"$opts\" -- \"$cur\")\n"
         "  fi\n"
         "}\n"
         "complete -o default -o bashdefault -F _logistic_lab logistic-lab\n";
  return out;
}

}  // namespace ll::app
