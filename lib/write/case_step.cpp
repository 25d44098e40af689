#include "case_step.hpp"

#include <optional>

#include "case_checks.hpp"
#include "case_record.hpp"
#include "i18n.hpp"
#include "store_write.hpp"
#include "timeline_labels.hpp"

namespace mediate {

std::string StepCommitMessage(const std::string& verb, const std::string& id,
                              const std::string& subject) {
  std::string line = subject;
  for (char& ch : line)
    if (ch == '\n' || ch == '\r') ch = ' ';
  if (line.size() > 120) {
    std::size_t cut = 117;  // back to the start of a UTF-8 character
    while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
    line = line.substr(0, cut) + "...";
  }
  return verb + ": " + id + (line.empty() ? "" : " " + line) + "\n\nMediate-Action: " + verb +
         "\nMediate-Case: " + id + "\n";
}

Result<StepOutcome> RecordStep(StoreWrite& w, const Signature& op, Timestamp now, Date today,
                               const StepRequest& request, const StepBuilder& build) {
  // 1. The lock was taken by StoreWrite::Begin (none for a dry run).
  const Store& store = w.store();
  // 2. The case and its replay.
  auto loaded = store.LoadCase(request.id);
  if (!loaded.ok()) return loaded.status();
  Case c = std::move(loaded->record);
  const Settings& settings = store.settings();
  Derived before = Replay(c, settings);
  // 3. The state machine.
  MEDIATE_RETURN_IF_ERROR(CheckStep(c, before, request.step));
  // 4. The inputs.
  StepContext ctx{&settings, &store.areas(), &store.orgs(), &store.mediators(), today, op.name};
  DiagnosticSink sink;
  Step step = build(c, before, ctx, &sink);
  if (step.event.type != request.step)
    return Status::Internal(request.verb + " made a \"" + step.event.type + "\" event, not \"" +
                            request.step + "\"");
  // The command in English ("agree refused"), the step's label in Chinese.
  const std::string what = TranslationOn() ? ShownEvent(request.step) : request.verb;
  MEDIATE_RETURN_IF_ERROR(
      sink.ToStatus(Tr("{0} problem(s); {1} refused, nothing written", sink.error_count(), what)));
  // 5. Append, replay, check the whole case.
  step.event.at = settings.time_zone.ToLocal(now);
  step.event.by = op.ToString();
  c.events.push_back(step.event);
  c.state = Replay(c, settings).state;
  DiagnosticSink checks;
  CheckContext cc{&settings, &store.areas(), &store.orgs(), &store.mediators(), today};
  CheckCase(c, Value(), loaded->path, cc, &checks);
  std::vector<Diagnostic> errors;
  for (const auto& dgn : checks.items())
    if (dgn.severity == Severity::kError) errors.push_back(dgn);
  if (!errors.empty()) {
    // The count is taken before the list is handed over (an argument's
    // order of evaluation is unspecified: the move may come first).
    std::string summary =
        Tr("{0} problem(s) in {1} after {2}; nothing written", errors.size(), request.id, what);
    return Status::Rejected(std::move(summary), std::move(errors));
  }
  StepOutcome out;
  for (const auto& dgn : sink.items())
    if (dgn.severity == Severity::kWarning) out.warnings.push_back(dgn);
  out.derived = Replay(c, settings);
  // 6. Validate, write and commit (a dry run only validates).
  w.Put(loaded->path, CaseToValue(c));
  auto commit = w.Commit(op, StepCommitMessage(request.verb, c.id, step.subject));
  if (!commit.ok()) return commit.status();
  out.commit = *commit;
  out.record = std::move(c);
  out.step = std::move(step);
  return out;
}

}  // namespace mediate
