// mediate validate [PATH...]: check records; exit 1 when any error.
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "command.hpp"
#include "committee_checks.hpp"
#include "validate.hpp"

namespace mediate::cli {
namespace {

class ValidateCommand : public Command {
 public:
  void Declare(CLI::App& app) override {
    app.add_option("paths", paths_, "files or folders to check (default: the whole store)");
    app.add_flag("-q,--quiet", quiet_, "print errors only, not warnings");
    app.add_flag("-v,--verbose", verbose_,
                 "list every staffing-norm warning (by default they are counted in one line)");
    app.footer(
        "Exit status: 0 when no errors (warnings allowed), 1 when any record has errors.\n"
        "Organisations below the full-time staffing norm (store setting staffing.full_time,\n"
        "local practice) are counted in one line; -v lists them.\n"
        "Example:\n  mediate validate cases/2026/03/WBL-2026-000042.yaml");
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
      fmt::print(ctx.out,
                 "warning: {} organisation{} below the full-time staffing norm (store setting "
                 "staffing.full_time, local practice); add -v to list them\n",
                 staffing, staffing == 1 ? " is" : "s are");
    std::size_t errors = report.error_count(), warnings = report.warning_count();
    if (errors == 0) {
      fmt::print(ctx.out, "{} files checked: no errors{}\n", report.files,
                 warnings ? fmt::format(", {} warnings", warnings) : "");
      return Status::Ok();
    }
    return Status::CheckFailed(fmt::format(
        "{} error{} in {} file{} ({} files checked).", errors, errors == 1 ? "" : "s",
        report.files_with_errors(), report.files_with_errors() == 1 ? "" : "s", report.files));
  }

 private:
  std::vector<std::string> paths_;
  bool quiet_ = false;
  bool verbose_ = false;
};

}  // namespace

std::unique_ptr<Command> MakeValidateCommand() { return std::make_unique<ValidateCommand>(); }

}  // namespace mediate::cli
