// mediate audit: the integrity of the whole store — uncommitted, torn or
// hand-edited files, unfinished writes, and commits made outside mediate.
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "audit.hpp"
#include "command.hpp"
#include "i18n.hpp"
#include "reading.hpp"
#include "store_merge.hpp"

namespace mediate::cli {
namespace {

class AuditCommand : public Command {
 public:
  void Declare(CLI::App& app) override {
    out_.Declare(&app);
    app.footer(
        _("Exit 0 when the store is clean, 1 when anything was found. Kinds:\n"
          "  uncommitted     a file no commit holds\n"
          "  hand-edited     a tracked file that differs from the last commit\n"
          "  deleted         a tracked file missing from the work tree\n"
          "  torn            a record that does not parse, or a temporary file of a cut-off write\n"
          "  unfinished      a write journal left by a crash (mediate recover rolls it back)\n"
          "  foreign-commit  a commit without mediate's Mediate-Action trailer\n"
          "audit reads only: it never rolls back or changes anything.\n"
          "Examples:\n"
          "  mediate audit --format csv\n"
          "  mediate audit --format xlsx -o audit.xlsx   (the findings, for a spreadsheet)"));
  }

  Status Run(Context& ctx) override {
    auto format = out_.ParsedFormat();
    if (!format.ok()) return format.status();
    if (*format == Format::kXlsx && out_.output.empty())
      return Status::Usage(_("--format xlsx needs an output file: -o FILE.xlsx"));
    const Settings& settings = ctx.st().settings();
    auto report =
        AuditStore(ctx.st().root(), [&settings](const std::string& path, const std::string& base,
                                                const std::string& ours, const std::string& theirs,
                                                const std::string& merged) {
          return IsDriverMerge(path, base, ours, theirs, merged, settings);
        });
    if (!report.ok()) return report.status();
    Table t;
    t.columns = {{"kind", "kind", ColumnKind::kCode, ColumnShown::kCodeOfLabel},
                 {"kind_label", "类型", ColumnKind::kText, ColumnShown::kLabelOnly},
                 {"subject", _("file or commit"), ColumnKind::kText},
                 {"detail", _("what is wrong"), ColumnKind::kText}};
    for (const auto& f : report->findings)
      t.rows.push_back({f.kind, FindingKindLabel(f.kind), f.subject, f.detail});
    if (report->clean()) {
      // A file asked for is written even when clean: its header says so.
      if (!out_.output.empty()) MEDIATE_RETURN_IF_ERROR(out_.Output(ctx, t, "audit"));
      fmt::print(ctx.out, "{}\n",
                 Tr("audit: clean ({0} records, {1} commits, all made by mediate)", report->files,
                    report->commits));
      return Status::Ok();
    }
    MEDIATE_RETURN_IF_ERROR(out_.Output(ctx, t, "audit"));
    return Status::CheckFailed(Tr("audit: {0} finding(s) in {1} records and {2} commits",
                                  report->findings.size(), report->files, report->commits));
  }

 private:
  OutputOptions out_;
};

}  // namespace

std::unique_ptr<Command> MakeAuditCommand() { return std::make_unique<AuditCommand>(); }

}  // namespace mediate::cli
