// The one command table: name, summary, what the dispatcher sets up.
#include "command.hpp"

namespace mediate::cli {

std::unique_ptr<Command> MakeInitCommand();
std::unique_ptr<Command> MakeCloneCommand();
std::unique_ptr<Command> MakeSyncCommand();
std::unique_ptr<Command> MakeAmendCommand();
std::unique_ptr<Command> MakeEditCommand();
std::unique_ptr<Command> MakeAdoptCommand();
std::unique_ptr<Command> MakeOfficeCommand();
std::unique_ptr<Command> MakeSetupGitCommand();
std::unique_ptr<Command> MakeMergeFileCommand();
std::unique_ptr<Command> MakeConflictsCommand();
std::unique_ptr<Command> MakeResolveCommand();
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
std::unique_ptr<Command> MakeAssignCommand();
std::unique_ptr<Command> MakeSessionCommand();
std::unique_ptr<Command> MakeEscalateCommand();
std::unique_ptr<Command> MakeExtendCommand();
std::unique_ptr<Command> MakeAgreeCommand();
std::unique_ptr<Command> MakeTerminateCommand();
std::unique_ptr<Command> MakeWithdrawCommand();
std::unique_ptr<Command> MakeRefuseCommand();
std::unique_ptr<Command> MakeConfirmCommand();
std::unique_ptr<Command> MakePerformCommand();
std::unique_ptr<Command> MakeVisitCommand();
std::unique_ptr<Command> MakeCloseCommand();
std::unique_ptr<Command> MakeDueCommand();
std::unique_ptr<Command> MakeDocCommand();
std::unique_ptr<Command> MakeOrgCommand();
std::unique_ptr<Command> MakeMediatorCommand();
std::unique_ptr<Command> MakeTrainingCommand();
std::unique_ptr<Command> MakeReviewCommand();
std::unique_ptr<Command> MakeFilingCommand();
std::unique_ptr<Command> MakeAuditCommand();
std::unique_ptr<Command> MakeTagCommand();
std::unique_ptr<Command> MakeUntagCommand();
std::unique_ptr<Command> MakeExemplaryCommand();
std::unique_ptr<Command> MakeExportCommand();
std::unique_ptr<Command> MakeReportCommand();
std::unique_ptr<Command> MakeConsultCommand();
std::unique_ptr<Command> MakeAlertsCommand();
std::unique_ptr<Command> MakeRenumberCommand();

const std::vector<CommandSpec>& CommandTable() {
  static const std::vector<CommandSpec> kTable = {
      {"init", "create a store from a SETUP folder", Needs::kNothing, MakeInitCommand},
      {"clone", "a desk's copy of the district store, writing as one office", Needs::kNothing,
       MakeCloneCommand},
      {"sync", "exchange this desk's work with the district's git server", Needs::kStore,
       MakeSyncCommand},
      {"intake", "register one case (统一受理) from flags, a YAML file or stdin",
       Needs::kRegistries, MakeIntakeCommand},
      {"import", "register a whole ledger (CSV) in one commit", Needs::kRegistries,
       MakeImportCommand},
      {"amend", "correct or complete a case (fields, parties) with a reason: an amended event",
       Needs::kRegistries, MakeAmendCommand},
      {"edit", "open a case file in $EDITOR; checked on save, one commit with an amended event",
       Needs::kRegistries, MakeEditCommand},
      {"adopt", "take on hand edits committed with git: checked, recorded, audit clean again",
       Needs::kRegistries, MakeAdoptCommand},
      {"route", "route cases (分流) by rules/routing.yaml; --explain ID shows why",
       Needs::kRegistries, MakeRouteCommand},
      {"show", "show one case file", Needs::kRegistries, MakeShowCommand},
      {"list", "list cases matching a filter", Needs::kRegistries, MakeListCommand},
      {"stats", "count cases by dimensions", Needs::kRegistries, MakeStatsCommand},
      {"validate", "check records: schema, references, check characters, timeline", Needs::kStore,
       MakeValidateCommand},
      {"history", "the git history of a case, with the fields each change made", Needs::kStore,
       MakeHistoryCommand},
      {"recover", "roll back an unfinished write left by a crash", Needs::kStore,
       MakeRecoverCommand},
      {"index", "rebuild, check or drop the derived index of case summaries", Needs::kStore,
       MakeIndexCommand},
      {"assign", "assign mediators (Law Art. 19), or a grid worker at grid level",
       Needs::kRegistries, MakeAssignCommand},
      {"session", "record a mediation session", Needs::kRegistries, MakeSessionCommand},
      {"escalate", "move a case up a level: grid, community, street, district (2002 Art. 21)",
       Needs::kRegistries, MakeEscalateCommand},
      {"extend", "extend the time limit with both parties' consent", Needs::kRegistries,
       MakeExtendCommand},
      {"agree", "record the mediation agreement (Law Arts. 28-30)", Needs::kRegistries,
       MakeAgreeCommand},
      {"terminate", "end a failed mediation (Law Art. 26)", Needs::kRegistries,
       MakeTerminateCommand},
      {"withdraw", "record that the applicant withdrew", Needs::kRegistries, MakeWithdrawCommand},
      {"refuse", "refuse a case (不予受理, 2002 Art. 22) with where to go instead",
       Needs::kRegistries, MakeRefuseCommand},
      {"confirm", "record judicial confirmation: applied, confirmed, rejected (Law Art. 33)",
       Needs::kRegistries, MakeConfirmCommand},
      {"perform", "record performance of the agreement: full, instalment, none", Needs::kRegistries,
       MakePerformCommand},
      {"visit", "record the return visit (Law Art. 31), or --none with a reason",
       Needs::kRegistries, MakeVisitCommand},
      {"close", "close the case file (归档)", Needs::kRegistries, MakeCloseCommand},
      {"due", "what is due or overdue: conclusion, judicial confirmation, return visits",
       Needs::kRegistries, MakeDueCommand},
      {"doc", "the documents of a case file (卷宗): one by --kind, or all of them with --all",
       Needs::kRegistries, MakeDocCommand},
      {"office", "offices that register cases: list, add", Needs::kRegistries, MakeOfficeCommand},
      {"conflicts", "conflicts merges recorded in case files (exit 1 when any)", Needs::kRegistries,
       MakeConflictsCommand},
      {"resolve", "settle a conflict a merge recorded: --take ours|theirs", Needs::kRegistries,
       MakeResolveCommand},
      {"setup-git", "register the merge driver for records in this clone", Needs::kRegistries,
       MakeSetupGitCommand},
      {"merge-file", "the merge driver git runs for record files (not by hand)", Needs::kStore,
       MakeMergeFileCommand},
      {"org", "mediation organisations: list, show, add, edit, retire", Needs::kRegistries,
       MakeOrgCommand},
      {"mediator",
       "the mediator roster: list, show, add, edit, retire, import, rate, stats, eligible",
       Needs::kRegistries, MakeMediatorCommand},
      {"training", "training sessions and attendance: import, add, list, show, stats, due",
       Needs::kRegistries, MakeTrainingCommand},
      {"review", "case-quality review (案件质量评查): check, sample, add, list, stats",
       Needs::kRegistries, MakeReviewCommand},
      {"filing", "the year's filing list of committees and mediators (Law Art. 10)",
       Needs::kRegistries, MakeFilingCommand},
      {"audit", "integrity of the store: uncommitted, torn or hand-edited files, foreign commits",
       Needs::kStore, MakeAuditCommand},
      {"tag", "tag a case, e.g. exemplary (a typical case, 优秀调解案例)", Needs::kRegistries,
       MakeTagCommand},
      {"untag", "remove tags from a case", Needs::kRegistries, MakeUntagCommand},
      {"exemplary", "typical cases: export a case library with personal data removed",
       Needs::kRegistries, MakeExemplaryCommand},
      {"export", "the cases as CSV, JSONL or XLSX rows of a stable schema (masked unless --reveal)",
       Needs::kRegistries, MakeExportCommand},
      {"report", "the annual or quarterly report (HTML with charts, Markdown, JSON)",
       Needs::kRegistries, MakeReportCommand},
      {"consult", "front-desk consultations (前台咨询): record, list, --to-case makes an intake",
       Needs::kRegistries, MakeConsultCommand},
      {"alerts", "early warnings: high risk, deadlines, repeated and mass disputes",
       Needs::kRegistries, MakeAlertsCommand},
      {"renumber", "give one of two cases with the same id a new id from this office",
       Needs::kRegistries, MakeRenumberCommand},
  };
  return kTable;
}

}  // namespace mediate::cli
