#include "app_tree.hpp"

#include <CLI/CLI.hpp>

namespace mediate::cli {

std::vector<const CLI::App*> VisibleSubcommands(const CLI::App& app) {
  std::vector<const CLI::App*> out;
  for (const CLI::App* sub : app.get_subcommands({}))
    if (!sub->get_group().empty() && !sub->get_name().empty()) out.push_back(sub);
  return out;
}

std::vector<const CLI::Option*> VisibleOptions(const CLI::App& app) {
  std::vector<const CLI::Option*> out;
  for (const CLI::Option* opt : app.get_options({}))
    if (!opt->get_group().empty()) out.push_back(opt);
  for (const CLI::App* sub : app.get_subcommands({}))
    if (sub->get_name().empty())
      for (const CLI::Option* opt : VisibleOptions(*sub)) out.push_back(opt);
  return out;
}

}  // namespace mediate::cli
