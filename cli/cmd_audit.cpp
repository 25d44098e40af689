// mediate audit: the integrity of the whole store — uncommitted, torn or
// hand-edited files, unfinished writes, and commits made outside mediate.
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "audit.hpp"
#include "command.hpp"
#include "store_merge.hpp"

namespace mediate::cli {
namespace {

class AuditCommand : public Command {
 public:
  void Declare(CLI::App& app) override {
    app.add_option("--format", format_, "output format: table, csv, json")->type_name("FORMAT");
    app.footer(
        "Exit 0 when the store is clean, 1 when anything was found. Kinds:\n"
        "  uncommitted     a file no commit holds\n"
        "  hand-edited     a tracked file that differs from the last commit\n"
        "  deleted         a tracked file missing from the work tree\n"
        "  torn            a record that does not parse, or a temporary file of a cut-off write\n"
        "  unfinished      a write journal left by a crash (mediate recover rolls it back)\n"
        "  foreign-commit  a commit without mediate's Mediate-Action trailer\n"
        "audit reads only: it never rolls back or changes anything.");
  }

  Status Run(Context& ctx) override {
    auto format = ParseFormat(format_);
    if (!format || *format == Format::kXlsx)
      return Status::Usage("unknown format \"" + format_ + "\"; use table, csv or json");
    const Settings& settings = ctx.st().settings();
    auto report =
        AuditStore(ctx.st().root(), [&settings](const std::string& path, const std::string& base,
                                                const std::string& ours, const std::string& theirs,
                                                const std::string& merged) {
          return IsDriverMerge(path, base, ours, theirs, merged, settings);
        });
    if (!report.ok()) return report.status();
    if (report->clean()) {
      fmt::print(ctx.out, "audit: clean ({} records, {} commits, all made by mediate)\n",
                 report->files, report->commits);
      return Status::Ok();
    }
    Table t;
    t.columns = {{"kind", "kind", ColumnKind::kCode},
                 {"subject", "file or commit", ColumnKind::kText},
                 {"detail", "what is wrong", ColumnKind::kText}};
    for (const auto& f : report->findings) t.rows.push_back({f.kind, f.subject, f.detail});
    MEDIATE_RETURN_IF_ERROR(Emit(ctx, t, *format));
    return Status::CheckFailed(fmt::format("audit: {} finding(s) in {} records and {} commits",
                                           report->findings.size(), report->files,
                                           report->commits));
  }

 private:
  std::string format_ = "table";
};

}  // namespace

std::unique_ptr<Command> MakeAuditCommand() { return std::make_unique<AuditCommand>(); }

}  // namespace mediate::cli
