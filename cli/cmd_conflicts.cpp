// mediate conflicts | resolve ID --take ours|theirs [--field F] [--reason R]:
// the conflicts a merge of two clones recorded in case files, and settling
// them one commit at a time (docs/offices.md).
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "case_conflicts.hpp"
#include "command.hpp"
#include "conflict_resolve.hpp"
#include "i18n.hpp"
#include "reading.hpp"

namespace mediate::cli {
namespace {

class ConflictsCommand : public Command {
 public:
  void Declare(CLI::App& app) override {
    out_.Declare(&app);
    app.footer(
        _("Exit 1 when any conflict is recorded. Settle each with\n"
          "  mediate resolve ID --take ours|theirs [--field F] [--reason R]"));
  }

  Status Run(Context& ctx) override {
    std::vector<ConflictRow> rows = ListConflicts(ctx.st());
    Table t;
    t.columns = {
        {"id", "案件编号", ColumnKind::kCode},      {"field", "字段", ColumnKind::kCode},
        {"ours", "本方", ColumnKind::kText},        {"theirs", "对方", ColumnKind::kText},
        {"ours_by", "本方经办", ColumnKind::kText}, {"theirs_by", "对方经办", ColumnKind::kText},
        {"reason", "原因", ColumnKind::kText},      {"merged_at", "合并时间", ColumnKind::kText}};
    // The reason is stored in English in the case file (the same on every
    // desk); the Chinese table shows it translated where the catalogue has it.
    t.columns[6].shown = ColumnShown::kCodeOfLabel;
    t.columns.push_back({"reason_label", "原因", ColumnKind::kText, ColumnShown::kLabelOnly});
    for (const auto& r : rows)
      t.rows.push_back({r.id, r.field, r.ours, r.theirs, r.ours_by, r.theirs_by, r.reason,
                        r.merged_at, std::string(r.reason.empty() ? "" : _(r.reason.c_str()))});
    MEDIATE_RETURN_IF_ERROR(out_.Output(ctx, t, "conflicts"));
    if (rows.empty()) return Status::Ok();
    return Status::CheckFailed(
        TrN("{0} conflict(s) recorded by merges; settle each with 'mediate resolve ID --take "
            "ours|theirs'",
            "{0} conflict(s) recorded by merges; settle each with 'mediate resolve ID --take "
            "ours|theirs'",
            rows.size(), rows.size()));
  }

 private:
  OutputOptions out_;
};

class ResolveCommand : public Command {
 public:
  void Declare(CLI::App& app) override {
    app.add_option("id", request_.id, _("case id"))->required();
    app.add_option("--take", take_, _("ours/本方 (keep what this clone had) or theirs/对方"))
        ->required();
    app.add_option("--field", request_.field,
                   _("the field in conflict, when the case holds several"));
    app.add_option("--reason", request_.reason, _("why (kept in the resolved event)"));
    app.add_flag("--dry-run", dry_run_, _("check; write nothing"));
    app.footer(
        _("Example:\n  mediate resolve WBL-2026-000042 --take theirs --field amount --reason "
          "以协议书为准"));
  }

  std::optional<std::string> Writes() const override {
    if (dry_run_) return std::nullopt;
    return std::string("mediate resolve");
  }

  Status Run(Context& ctx) override {
    if (take_ == "本方") take_ = "ours";
    if (take_ == "对方") take_ = "theirs";
    if (take_ != "ours" && take_ != "theirs")
      return Status::Usage(Tr("--take is ours (本方) or theirs (对方), not \"{0}\"", take_));
    request_.take_theirs = take_ == "theirs";
    auto op = ctx.Operator();
    if (!op.ok()) return op.status();
    auto w = ctx.Writer();
    if (!w.ok()) return w.status();
    auto done = ResolveConflict(**w, *op, ctx.Now(), request_);
    if (!done.ok()) return done.status();
    if ((*w)->dry_run()) {
      fmt::print(ctx.out, "{}\n",
                 take_ == "theirs" ? Tr("would settle {0} of {1} taking theirs; nothing written",
                                        done->field, request_.id)
                                   : Tr("would settle {0} of {1} taking ours; nothing written",
                                        done->field, request_.id));
      return Status::Ok();
    }
    fmt::print(ctx.out, "{}\n",
               take_ == "theirs"
                   ? TrN("resolve: {0} {1} (took theirs; {2} conflict(s) left) ({3})",
                         "resolve: {0} {1} (took theirs; {2} conflict(s) left) ({3})", done->left,
                         request_.id, done->field, done->left, done->commit.substr(0, 7))
                   : TrN("resolve: {0} {1} (took ours; {2} conflict(s) left) ({3})",
                         "resolve: {0} {1} (took ours; {2} conflict(s) left) ({3})", done->left,
                         request_.id, done->field, done->left, done->commit.substr(0, 7)));
    return Status::Ok();
  }

 private:
  ResolveRequest request_;
  std::string take_;
  bool dry_run_ = false;
};

}  // namespace

std::unique_ptr<Command> MakeConflictsCommand() { return std::make_unique<ConflictsCommand>(); }
std::unique_ptr<Command> MakeResolveCommand() { return std::make_unique<ResolveCommand>(); }

}  // namespace mediate::cli
