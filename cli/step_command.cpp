#include "step_command.hpp"

#include <fmt/format.h>
#include <CLI/CLI.hpp>

namespace mediate::cli {

void StepOptions::Declare(CLI::App& app) {
  app.add_option("id", id, "case id, e.g. WBL-2026-000042")->required();
  app.add_flag("--dry-run", dry_run, "check the step and show it; write nothing");
}

std::optional<std::string> StepOptions::Writes(const std::string& verb) const {
  if (dry_run) return std::nullopt;
  return "mediate " + verb;
}

Status RunStep(Context& ctx, const StepOptions& options, const std::string& verb,
               const std::string& step, const StepBuilder& build) {
  auto op = ctx.Operator();
  if (!op.ok()) return op.status();
  auto w = ctx.Writer();
  if (!w.ok()) return w.status();
  StepRequest request{verb, step, options.id};
  auto done = RecordStep(**w, *op, ctx.Now(), ctx.Today(), request, build);
  if (!done.ok()) return done.status();
  PrintWarnings(ctx.err, done->warnings);
  const Derived& d = done->derived;
  std::string where = d.state.level.empty() ? "" : " · " + d.state.level;
  std::string subject = done->step.subject.empty() ? "" : " " + done->step.subject;
  if (options.dry_run)
    fmt::print(ctx.out, "{}: {}{}; would be {}{} (dry run: nothing written)\n", verb, options.id,
               subject, d.state.status, where);
  else
    fmt::print(ctx.out, "{}: {}{}; now {}{} ({})\n", verb, options.id, subject, d.state.status,
               where, done->commit.substr(0, 7));
  for (const auto& note : done->step.notes) fmt::print(ctx.out, "note: {}\n", note);
  return Status::Ok();
}

}  // namespace mediate::cli
