// mediate conflicts | resolve ID --take ours|theirs [--field F] [--reason R]:
// the conflicts a merge of two clones recorded in case files, and settling
// them one commit at a time (docs/offices.md).
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "case_conflicts.hpp"
#include "command.hpp"
#include "conflict_resolve.hpp"
#include "reading.hpp"

namespace mediate::cli {
namespace {

class ConflictsCommand : public Command {
 public:
  void Declare(CLI::App& app) override {
    out_.Declare(&app);
    app.footer(
        "Exit 1 when any conflict is recorded. Settle each with\n"
        "  mediate resolve ID --take ours|theirs [--field F] [--reason R]");
  }

  Status Run(Context& ctx) override {
    std::vector<ConflictRow> rows = ListConflicts(ctx.st());
    Table t;
    t.columns = {
        {"id", "案件编号", ColumnKind::kCode},      {"field", "字段", ColumnKind::kCode},
        {"ours", "本方", ColumnKind::kText},        {"theirs", "对方", ColumnKind::kText},
        {"ours_by", "本方经办", ColumnKind::kText}, {"theirs_by", "对方经办", ColumnKind::kText},
        {"reason", "原因", ColumnKind::kText},      {"merged_at", "合并时间", ColumnKind::kText}};
    for (const auto& r : rows)
      t.rows.push_back(
          {r.id, r.field, r.ours, r.theirs, r.ours_by, r.theirs_by, r.reason, r.merged_at});
    MEDIATE_RETURN_IF_ERROR(out_.Output(ctx, t, "conflicts"));
    if (rows.empty()) return Status::Ok();
    return Status::CheckFailed(std::to_string(rows.size()) +
                               " conflict(s) recorded by merges; settle each with 'mediate "
                               "resolve ID --take ours|theirs'");
  }

 private:
  OutputOptions out_;
};

class ResolveCommand : public Command {
 public:
  void Declare(CLI::App& app) override {
    app.add_option("id", request_.id, "case id")->required();
    app.add_option("--take", take_, "ours/本方 (keep what this clone had) or theirs/对方")
        ->required();
    app.add_option("--field", request_.field, "the field in conflict, when the case holds several");
    app.add_option("--reason", request_.reason, "why (kept in the resolved event)");
    app.add_flag("--dry-run", dry_run_, "check; write nothing");
    app.footer(
        "Example:\n  mediate resolve WBL-2026-000042 --take theirs --field amount --reason "
        "以协议书为准");
  }

  std::optional<std::string> Writes() const override {
    if (dry_run_) return std::nullopt;
    return std::string("mediate resolve");
  }

  Status Run(Context& ctx) override {
    if (take_ == "本方") take_ = "ours";
    if (take_ == "对方") take_ = "theirs";
    if (take_ != "ours" && take_ != "theirs")
      return Status::Usage("--take is ours (本方) or theirs (对方), not \"" + take_ + "\"");
    request_.take_theirs = take_ == "theirs";
    auto op = ctx.Operator();
    if (!op.ok()) return op.status();
    auto w = ctx.Writer();
    if (!w.ok()) return w.status();
    auto done = ResolveConflict(**w, *op, ctx.Now(), request_);
    if (!done.ok()) return done.status();
    if ((*w)->dry_run()) {
      fmt::print(ctx.out, "would settle {} of {} taking {}; nothing written\n", done->field,
                 request_.id, take_);
      return Status::Ok();
    }
    fmt::print(ctx.out, "resolve: {} {} (took {}; {} conflict(s) left) ({})\n", request_.id,
               done->field, take_, done->left, done->commit.substr(0, 7));
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
