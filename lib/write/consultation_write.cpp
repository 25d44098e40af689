#include "consultation_write.hpp"

#include "number_blocks.hpp"

#include <algorithm>

#include "i18n.hpp"
#include "intake.hpp"
#include "pii.hpp"
#include "store.hpp"

namespace mediate {

Result<Consultation> RecordConsultation(StoreWrite& w, Consultation draft, const Signature& op,
                                        Timestamp now, std::string* commit) {
  const Store& store = w.store();
  DiagnosticSink sink;
  CheckConsultation(draft, store.vocab(), &sink);
  MEDIATE_RETURN_IF_ERROR(
      sink.ToStatus(Tr("{0} error(s); nothing was recorded", sink.error_count())));
  auto existing = LoadConsultations(store);
  if (!existing.ok()) return existing.status();
  const TimeZone& tz = store.settings().time_zone;
  draft.at = tz.ToLocal(now);
  draft.by = op.ToString();
  if (auto id = CheckCitizenId(draft.id_number); !draft.id_number.empty() && id.valid)
    draft.id_number = id.normalized;
  {
    const int year = tz.LocalDate(now).year();
    const std::string prefix = PaddedNumber(w.office() + "-ZX-", year, 4) + "-";
    std::vector<std::string> ids;
    for (const auto& c : *existing) ids.push_back(c.id);
    auto n = w.TakeNumbers(ConsultationSeries(w.office(), year), NumbersAfter(ids, prefix), 1);
    if (!n.ok()) return n.status();
    draft.id = SeriesId(ConsultationSeries(w.office(), year), n->front());
  }
  if (commit) commit->clear();
  w.Put(draft.PathIn(tz), draft.ToValue());
  auto done =
      w.Commit(op, "consult: " + draft.id + " " + draft.name +
                       "\n\nMediate-Action: consult\nMediate-Consultation: " + draft.id + "\n");
  if (!done.ok()) return done.status();
  if (commit) *commit = *done;
  return draft;
}

Result<ConsultToCaseOutcome> ConsultationToCase(StoreWrite& w, const std::string& id,
                                                const ConsultToCase& in, const Signature& op,
                                                Timestamp now) {
  const Store& store = w.store();
  auto all = LoadConsultations(store);
  if (!all.ok()) return all.status();
  auto it =
      std::find_if(all->begin(), all->end(), [&](const Consultation& c) { return c.id == id; });
  if (it == all->end())
    return Status::NotFound(Tr("no consultation {0} (mediate consult list)", id));
  ConsultToCaseOutcome out;
  out.consultation = *it;
  auto draft = DraftCaseFromConsultation(out.consultation, in, now);
  if (!draft.ok()) return draft.status();
  const TimeZone& tz = store.settings().time_zone;
  // The same intake as `mediate intake` (统一受理), from the front desk.
  auto c = StageIntake(w, std::move(draft.value()), op, now, "front_desk", id, &out.warnings);
  if (!c.ok()) return c.status();
  out.record = std::move(c.value());
  out.consultation.case_id = out.record.id;
  const std::string label = store.vocab().category().Zh(out.record.category);
  w.Put(out.consultation.PathIn(tz), out.consultation.ToValue());
  std::string message = IntakeCommitMessage(out.record, label);
  // The subject names the consultation; the trailers stay.
  auto nl = message.find('\n');
  message = message.substr(0, nl) + " (from " + id + ")" + message.substr(nl) +
            "Mediate-Consultation: " + id + "\n";
  auto done = w.Commit(op, message);
  if (!done.ok()) return done.status();
  out.commit = *done;
  return out;
}

}  // namespace mediate
