#include "cli/optimum_command.h"

#include <iostream>

#include "cli/run_options.h"
#include "ll/error.h"
#include "ll/formulas.h"
#include "ll/number_format.h"
#include "ll/optimum.h"
#include "run/params_json.h"
#include "run/step_export.h"

namespace ll::app {

void add_optimum_options(CLI::App& cmd, OptimumOptions& o) {
  add_run_options(cmd, o.run);
  add_scenario_option(cmd, o.scenario);
  add_decimals_option(cmd, o.decimals);
  cmd.add_option("--format", o.format, "text (default) or json (θ* at full precision)")
      ->check(CLI::IsMember({"text", "json"}));
}

int run_optimum(const OptimumOptions& o) {
  if (o.format != "text" && o.format != "json")
    throw InputError("--format: unknown format '" + o.format + "' (choose text or json)");
  if (o.decimals) set_display_decimals(*o.decimals);
  const Run run = make_run(o.run);
  const Optimum best = find_optimum(*run.data, run.settings, run.theta0);
  const bool ok = best.status == OptimumStatus::Ok;
  if (o.format == "json") {
    nlohmann::ordered_json j;
    j["status"] = std::string(name(best.status));
    j["theta"] = ok ? params_json(best.theta) : nlohmann::ordered_json(nullptr);
    j["loss"] = ok ? nlohmann::ordered_json(best.loss) : nlohmann::ordered_json(nullptr);
    j["iterations"] = best.iterations;
    j["method"] = best.newton ? "newton" : "descent";
    j["gradient_norm"] = best.gradient_norm;
    if (best.status == OptimumStatus::Separable) j["direction"] = params_json(best.direction);
    j["message"] = best.message;
    std::cout << j.dump() << "\n";
  } else {
    std::cout << "optimum: " << name(best.status) << "\n";
    if (ok) {
      std::cout << (best.theta.rows > 1 ? "Θ* = " : "θ* = ") << format_params(best.theta) << "\n";
      std::cout << "loss " << format_number(best.loss) << "   ("
                << reduced_over(run.settings.reduction, "all " + format_count(run.data->rows()))
                << (run.settings.l2 != 0.0 ? ", + penalty" : "") << ")\n";
    } else if (best.status == OptimumStatus::Separable) {
      std::cout << "direction " << format_params(best.direction) << "\n";
    }
    std::cout << best.message << "\n";
    std::cout << "conventions: " << conventions_stamp(run.settings, *run.data) << "\n";
  }
  return ok ? 0 : 3;
}

}  // namespace ll::app
