// The one command table: name, summary, what the dispatcher sets up. The
// summaries are marked with N_() and translated where --help shows them.
#include "command.hpp"
#include "i18n.hpp"

namespace mediate::cli {

std::unique_ptr<Command> MakeInitCommand();
std::unique_ptr<Command> MakeCloneCommand();
std::unique_ptr<Command> MakeSyncCommand();
std::unique_ptr<Command> MakeAmendCommand();
std::unique_ptr<Command> MakeEditCommand();
std::unique_ptr<Command> MakeAdoptCommand();
std::unique_ptr<Command> MakeOfficeCommand();
std::unique_ptr<Command> MakeKeyCommand();
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
std::unique_ptr<Command> MakeEraseCommand();
std::unique_ptr<Command> MakeFileNumbersCommand();
std::unique_ptr<Command> MakeEncryptCommand();
std::unique_ptr<Command> MakeHelpCommand();
std::unique_ptr<Command> MakeCompleteCommand();

const std::vector<CommandSpec>& CommandTable() {
  static const std::vector<CommandSpec> kTable = {
      {"init", N_("create a store from a SETUP folder"), Needs::kNothing, MakeInitCommand},
      {"clone", N_("a desk's copy of the district store, writing as one office"), Needs::kNothing,
       MakeCloneCommand},
      {"sync", N_("exchange this desk's work with the district's git server"), Needs::kStore,
       MakeSyncCommand},
      {"intake", N_("register one case (统一受理) from flags, a YAML file or stdin"),
       Needs::kRegistries, MakeIntakeCommand},
      {"import", N_("register a whole ledger (CSV) in one commit"), Needs::kRegistries,
       MakeImportCommand},
      {"amend", N_("correct or complete a case (fields, parties) with a reason: an amended event"),
       Needs::kRegistries, MakeAmendCommand},
      {"edit", N_("open a case file in $EDITOR; checked on save, one commit with an amended event"),
       Needs::kRegistries, MakeEditCommand},
      {"adopt", N_("take on hand edits committed with git: checked, recorded, audit clean again"),
       Needs::kRegistries, MakeAdoptCommand},
      {"route", N_("route cases (分流) by rules/routing.yaml; --explain ID shows why"),
       Needs::kRegistries, MakeRouteCommand},
      {"show", N_("show one case file"), Needs::kRegistries, MakeShowCommand},
      {"list", N_("list cases matching a filter"), Needs::kRegistries, MakeListCommand},
      {"stats", N_("count cases by dimensions"), Needs::kRegistries, MakeStatsCommand},
      {"validate", N_("check records: schema, references, check characters, timeline"),
       Needs::kStore, MakeValidateCommand},
      {"history", N_("the git history of a case, with the fields each change made"), Needs::kStore,
       MakeHistoryCommand},
      {"recover", N_("roll back an unfinished write left by a crash"), Needs::kStore,
       MakeRecoverCommand},
      {"index", N_("rebuild, check or drop the derived index of case summaries"), Needs::kStore,
       MakeIndexCommand},
      {"assign", N_("assign mediators (Law Art. 19), or a grid worker at grid level"),
       Needs::kRegistries, MakeAssignCommand},
      {"session", N_("record a mediation session"), Needs::kRegistries, MakeSessionCommand},
      {"escalate", N_("move a case up a level: grid, community, street, district (2002 Art. 21)"),
       Needs::kRegistries, MakeEscalateCommand},
      {"extend", N_("extend the time limit with both parties' consent"), Needs::kRegistries,
       MakeExtendCommand},
      {"agree", N_("record the mediation agreement (Law Arts. 28-30)"), Needs::kRegistries,
       MakeAgreeCommand},
      {"terminate", N_("end a failed mediation (Law Art. 26)"), Needs::kRegistries,
       MakeTerminateCommand},
      {"withdraw", N_("record that the applicant withdrew"), Needs::kRegistries,
       MakeWithdrawCommand},
      {"refuse", N_("refuse a case (不予受理, 2002 Art. 22) with where to go instead"),
       Needs::kRegistries, MakeRefuseCommand},
      {"confirm", N_("record judicial confirmation: applied, confirmed, rejected (Law Art. 33)"),
       Needs::kRegistries, MakeConfirmCommand},
      {"perform", N_("record performance of the agreement: full, instalment, none"),
       Needs::kRegistries, MakePerformCommand},
      {"visit", N_("record the return visit (Law Art. 31), or --none with a reason"),
       Needs::kRegistries, MakeVisitCommand},
      {"close", N_("close the case file (归档)"), Needs::kRegistries, MakeCloseCommand},
      {"due", N_("what is due or overdue: conclusion, judicial confirmation, return visits"),
       Needs::kRegistries, MakeDueCommand},
      {"doc", N_("the documents of a case file (卷宗): one by --kind, or all of them with --all"),
       Needs::kRegistries, MakeDocCommand},
      {"office", N_("offices that register cases: list, add"), Needs::kRegistries,
       MakeOfficeCommand},
      {"key",
       N_("keys of the personal data: init, list, add-office, revoke, rewrap, export-recovery"),
       Needs::kRegistries, MakeKeyCommand},
      {"conflicts", N_("conflicts merges recorded in case files (exit 1 when any)"),
       Needs::kRegistries, MakeConflictsCommand},
      {"resolve", N_("settle a conflict a merge recorded: --take ours|theirs"), Needs::kRegistries,
       MakeResolveCommand},
      {"setup-git", N_("register the merge driver for records in this clone"), Needs::kRegistries,
       MakeSetupGitCommand},
      {"merge-file", N_("the merge driver git runs for record files (not by hand)"), Needs::kStore,
       MakeMergeFileCommand},
      {"org", N_("mediation organisations: list, show, add, edit, retire"), Needs::kRegistries,
       MakeOrgCommand},
      {"mediator",
       N_("the mediator roster: list, show, add, edit, retire, import, rate, stats, eligible"),
       Needs::kRegistries, MakeMediatorCommand},
      {"training", N_("training sessions and attendance: import, add, list, show, stats, due"),
       Needs::kRegistries, MakeTrainingCommand},
      {"review", N_("case-quality review (案件质量评查): check, sample, add, list, stats"),
       Needs::kRegistries, MakeReviewCommand},
      {"filing", N_("the year's filing list of committees and mediators (Law Art. 10)"),
       Needs::kRegistries, MakeFilingCommand},
      {"audit",
       N_("integrity of the store: uncommitted, torn or hand-edited files, foreign commits"),
       Needs::kStore, MakeAuditCommand},
      {"tag", N_("tag a case, e.g. exemplary (a typical case, 优秀调解案例)"), Needs::kRegistries,
       MakeTagCommand},
      {"untag", N_("remove tags from a case"), Needs::kRegistries, MakeUntagCommand},
      {"exemplary", N_("typical cases: export a case library with personal data removed"),
       Needs::kRegistries, MakeExemplaryCommand},
      {"export",
       N_("the cases as CSV, JSONL or XLSX rows of a stable schema (masked unless --reveal)"),
       Needs::kRegistries, MakeExportCommand},
      {"report", N_("the annual or quarterly report (HTML with charts, Markdown, JSON)"),
       Needs::kRegistries, MakeReportCommand},
      {"consult",
       N_("front-desk consultations (前台咨询): record, list, --to-case makes an intake"),
       Needs::kRegistries, MakeConsultCommand},
      {"alerts", N_("early warnings: high risk, deadlines, repeated and mass disputes"),
       Needs::kRegistries, MakeAlertsCommand},
      {"renumber", N_("give one of two cases with the same id a new id from this office"),
       Needs::kRegistries, MakeRenumberCommand},
      {"file-numbers",
       N_("store the file number (卷号) in every case that lacks one, in one commit"),
       Needs::kRegistries, MakeFileNumbersCommand},
      {"encrypt", N_("seal the personal data a plain store holds, in one commit"),
       Needs::kRegistries, MakeEncryptCommand},
      {"erase", N_("erase a case's personal data by destroying its key (PIPL Art. 47)"),
       Needs::kRegistries, MakeEraseCommand},
      {"help", N_("the help of the program or of one command (--man: the manual pages)"),
       Needs::kNothing, MakeHelpCommand},
      {"__complete", N_("complete a command line (for the shell completion scripts)"),
       Needs::kNothing, MakeCompleteCommand},
  };
  return kTable;
}

}  // namespace mediate::cli
