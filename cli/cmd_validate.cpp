// mediate validate [PATH...]: check records; exit 1 when any error.
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "command.hpp"
#include "committee_checks.hpp"
#include "i18n.hpp"
#include "reading.hpp"
#include "validate.hpp"

namespace mediate::cli {
namespace {

class ValidateCommand : public Command {
 public:
  void Declare(CLI::App& app) override {
    app.add_option("paths", paths_, _("files or folders to check (default: the whole store)"))
        ->type_name(_("TEXT"));
    app.add_flag("-q,--quiet", quiet_, _("print errors only, not warnings"));
    app.add_flag("-v,--verbose", verbose_,
                 _("list every staffing-norm warning (by default they are counted in one line)"));
    app.footer(
        _("Exit status: 0 when no errors (warnings allowed), 1 when any record has errors.\n"
          "Organisations below the full-time staffing norm (store setting staffing.full_time,\n"
          "local practice) are counted in one line; -v lists them.\n"
          "Example:\n  mediate validate cases/2026/03/WBL-2026-000042.yaml"));
  }

  Status Run(Context& ctx) override {
    // A registry that cannot be read is reported file by file below.
    bool registries_ok = ctx.st().LoadRegistries().ok();
    ValidationReport report = ValidateStore(ctx.st(), registries_ok, paths_, ctx.Today());
    std::size_t staffing = 0;
    for (const auto& d : report.diagnostics) {
      if (quiet_ && d.severity == Severity::kWarning) continue;
      if (!verbose_ && IsStaffingNormWarning(d)) {
        ++staffing;
        continue;
      }
      fmt::print(ctx.out, "{}\n", d.ToString());
    }
    if (staffing > 0)
      fmt::print(ctx.out, "{}\n",
                 TrN("warning: {0} organisation is below the full-time staffing norm (store "
                     "setting staffing.full_time, local practice); add -v to list them",
                     "warning: {0} organisations are below the full-time staffing norm (store "
                     "setting staffing.full_time, local practice); add -v to list them",
                     staffing, staffing));
    // Sealed values are read masked (no key is asked for): their own checks
    // ran when each was written (docs/personal-data.md).
    if (ctx.st().Encrypted())
      fmt::print(ctx.out, "{}\n",
                 _("note: personal data is sealed in this store: the checks of the values "
                   "themselves (ID number check characters, sex and birth date against the ID "
                   "number, phone shapes) were skipped; they ran when each value was written"));
    std::size_t errors = report.error_count(), warnings = report.warning_count();
    if (errors == 0) {
      fmt::print(ctx.out, "{}\n",
                 warnings ? Tr("{0} files checked: no errors, {1} warnings", report.files, warnings)
                          : Tr("{0} files checked: no errors", report.files));
      return Status::Ok();
    }
    const std::size_t bad = report.files_with_errors();
    const std::string in_files = TrN("{0} error in {1}", "{0} errors in {1}", errors, errors,
                                     TrN("{0} file", "{0} files", bad, bad));
    return Status::CheckFailed(Tr("{0} ({1} files checked).", in_files, report.files));
  }

 private:
  std::vector<std::string> paths_;
  bool quiet_ = false;
  bool verbose_ = false;
};

}  // namespace

std::unique_ptr<Command> MakeValidateCommand() { return std::make_unique<ValidateCommand>(); }

}  // namespace mediate::cli
