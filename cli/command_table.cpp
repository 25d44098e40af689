// The one command table: name, summary, what the dispatcher sets up.
#include "command.hpp"

namespace mediate::cli {

std::unique_ptr<Command> MakeInitCommand();
std::unique_ptr<Command> MakeIntakeCommand();
std::unique_ptr<Command> MakeImportCommand();
std::unique_ptr<Command> MakeRouteCommand();
std::unique_ptr<Command> MakeShowCommand();
std::unique_ptr<Command> MakeListCommand();
std::unique_ptr<Command> MakeStatsCommand();
std::unique_ptr<Command> MakeValidateCommand();
std::unique_ptr<Command> MakeHistoryCommand();
std::unique_ptr<Command> MakeRecoverCommand();
std::unique_ptr<Command> MakeIndexCommand();

const std::vector<CommandSpec>& CommandTable() {
  static const std::vector<CommandSpec> kTable = {
      {"init", "create a store from a SETUP folder", Needs::kNothing, MakeInitCommand},
      {"intake", "register one case (统一受理) from flags, a YAML file or stdin", Needs::kRegistries,
       MakeIntakeCommand},
      {"import", "register a whole ledger (CSV) in one commit", Needs::kRegistries,
       MakeImportCommand},
      {"route", "route cases (分流) by rules/routing.yaml; --explain ID shows why",
       Needs::kRegistries, MakeRouteCommand},
      {"show", "show one case file", Needs::kRegistries, MakeShowCommand},
      {"list", "list cases matching a filter", Needs::kRegistries, MakeListCommand},
      {"stats", "count cases by dimensions", Needs::kRegistries, MakeStatsCommand},
      {"validate", "check records: schema, references, check characters, timeline",
       Needs::kStore, MakeValidateCommand},
      {"history", "the git history of a case, with the fields each change made",
       Needs::kStore, MakeHistoryCommand},
      {"recover", "roll back an unfinished write left by a crash", Needs::kStore,
       MakeRecoverCommand},
      {"index", "rebuild, check or drop the derived index of case summaries", Needs::kStore, MakeIndexCommand},
  };
  return kTable;
}

}  // namespace mediate::cli
