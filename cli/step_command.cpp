#include "step_command.hpp"

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "i18n.hpp"
#include "step_context.hpp"
#include "timeline_labels.hpp"

namespace mediate::cli {

void StepOptions::Declare(CLI::App& app) {
  app.add_option("id", id, _("case id, e.g. WBL-2026-000042"))->required()->type_name(_("TEXT"));
  app.add_flag("--dry-run", dry_run, _("check the step and show it; write nothing"));
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
  // English names the command and the codes; Chinese the step and the labels.
  const std::string what = TranslationOn() ? ShownEvent(step) : verb;
  const std::string status = ShownStatus(d.state.status);
  std::string where = d.state.level.empty() ? "" : " · " + ShownCode("level", d.state.level);
  const std::string& shown = done->step.shown.empty() ? done->step.subject : done->step.shown;
  std::string subject = shown.empty() ? "" : " " + shown;
  if (options.dry_run)
    fmt::print(ctx.out, "{}\n",
               Tr("{0}: {1}{2}; would be {3}{4} (dry run: nothing written)", what, options.id,
                  subject, status, where));
  else
    fmt::print(ctx.out, "{}\n",
               Tr("{0}: {1}{2}; now {3}{4} ({5})", what, options.id, subject, status, where,
                  done->commit.substr(0, 7)));
  for (const auto& note : done->step.notes) fmt::print(ctx.out, "{}\n", Tr("note: {0}", note));
  return Status::Ok();
}

}  // namespace mediate::cli
