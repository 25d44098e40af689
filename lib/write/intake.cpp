#include "intake.hpp"

#include <cctype>

#include "case_record.hpp"
#include "file_number.hpp"
#include "i18n.hpp"
#include "labels.hpp"
#include "lifecycle.hpp"
#include "pii.hpp"
#include "yaml_io.hpp"

namespace mediate {

Result<Case> RegisterCase(Case c, const std::string& id, const Timestamp& now, const Signature& op,
                          const std::string& channel, const CheckContext& ctx,
                          std::vector<Diagnostic>* warnings) {
  c.id = id;
  if (!c.received.valid()) c.received = now;
  if (c.received.unix_seconds > now.unix_seconds)
    return Status::Rejected(
        Tr("received: {0} is in the future (now is {1}): give the time the "
           "dispute was received; nothing was registered",
           c.received.ToString(), now.ToString()));
  for (Party& p : c.parties) {
    // Phones as the rest of the product keeps them: full-width digits,
    // spaces and dashes dropped (13800001234, 0351-6012345).
    if (auto n = NormalizePhone(p.phone)) p.phone = *n;
    for (Agent& a : p.agents)
      if (auto n = NormalizePhone(a.phone)) a.phone = *n;
    if (!p.id_number.empty()) {
      IdNumberCheck chk = CheckCitizenId(p.id_number);
      if (chk.valid) p.id_number = chk.normalized;
    }
    if (!p.credit_code.empty()) {
      for (char& ch : p.credit_code)
        ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    }
  }
  Event received;
  received.at = c.received;
  received.type = "received";
  received.by = op.ToString();
  if (!channel.empty()) received.payload.Set("channel", Value::String(channel));
  c.events.clear();
  c.events.push_back(std::move(received));
  c.state = Replay(c, *ctx.settings).state;

  DiagnosticSink sink;
  CheckCase(c, Value(), _("intake"), ctx, &sink);
  if (warnings)
    for (const auto& d : sink.items())
      if (d.severity == Severity::kWarning) warnings->push_back(d);
  if (sink.has_errors()) {
    std::vector<Diagnostic> errors;
    for (const auto& d : sink.items())
      if (d.severity == Severity::kError) errors.push_back(d);
    // The count is taken before the list is handed over (an argument's
    // order of evaluation is unspecified: the move may come first).
    std::string summary = Tr("{0} error(s); nothing was registered", errors.size());
    return Status::Rejected(std::move(summary), std::move(errors));
  }
  return c;
}

Result<Case> DraftCaseFromYaml(const std::string& text, const std::string& name,
                               const Vocabulary& vocab) {
  auto v = ParseYaml(text, name);
  if (!v.ok()) return v.status();
  DiagnosticSink sink;
  Case c = CaseFromValue(*v, name, vocab, &sink, /*draft=*/true);
  MEDIATE_RETURN_IF_ERROR(
      sink.ToStatus(Tr("{0} error(s) in {1}; nothing was registered", sink.error_count(), name)));
  return c;
}

Result<Case> StageIntake(StoreWrite& w, Case draft, const Signature& op, Timestamp now,
                         const std::string& channel, const std::string& consultation,
                         std::vector<Diagnostic>* warnings) {
  const Store& store = w.store();
  const TimeZone& tz = store.settings().time_zone;
  Timestamp received = draft.received.valid() ? draft.received : now;
  const int year = tz.LocalDate(received).year();
  CheckContext cc{&store.settings(), &store.areas(), &store.orgs(), &store.mediators(), w.today()};
  // Every check first, under a provisional id: a case that is refused (a
  // date in the future among them) takes no number and reserves none.
  auto c = RegisterCase(std::move(draft), FormatCaseId(w.office(), year, 1), now, op, channel, cc,
                        warnings);
  if (!c.ok()) return c.status();
  auto id = w.NextCaseId(year);
  if (!id.ok()) return id.status();
  c->id = *id;
  // Registration is acceptance: the case gets its file number now.
  if (c->file_no.empty()) c->file_no = DerivedFileNumber(c->id, store.offices(), store.settings());
  if (!consultation.empty())
    for (auto& e : c->events)
      if (ParseEventKind(e.type) == EventKind::kReceived)
        e.payload.Set("consultation", Value::String(consultation));
  w.Put(c->PathIn(tz), CaseToValue(*c));
  return c;
}

Result<IntakeOutcome> IntakeCase(StoreWrite& w, Case draft, const Signature& op, Timestamp now,
                                 std::vector<Diagnostic>* warnings) {
  IntakeOutcome out;
  auto c = StageIntake(w, std::move(draft), op, now, "intake", "", warnings);
  if (!c.ok()) return c.status();
  out.record = std::move(c.value());
  out.category_label = LabelOf(w.store(), "category", out.record.category);
  auto commit = w.Commit(op, IntakeCommitMessage(out.record, out.category_label));
  if (!commit.ok()) return commit.status();
  out.commit = *commit;
  return out;
}

std::string IntakeCommitMessage(const Case& c, const std::string& category_label) {
  return "intake: " + c.id + " " + category_label +
         "\n\nMediate-Action: intake\nMediate-Case: " + c.id + "\n";
}

}  // namespace mediate
