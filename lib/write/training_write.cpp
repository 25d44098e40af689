#include "training_write.hpp"

#include "number_blocks.hpp"

#include <fmt/format.h>

#include <set>

#include "i18n.hpp"
#include "team_commit.hpp"

namespace mediate {

Result<TrainingWriteOutcome> AddTraining(StoreWrite& w, const Signature& op,
                                         const AddTrainingRequest& request) {
  const Store& store = w.store();
  auto existing = LoadTrainings(store);
  if (!existing.ok()) return existing.status();
  DiagnosticSink sink;
  Location here{_("training add"), 0, 0};
  TrainingWriteOutcome out;
  Training& t = out.training;
  if (auto d = Date::Parse(request.date)) {
    t.date = *d;
  } else {
    sink.Error(here, "--date", Tr("\"{0}\" is not a date (YYYY-MM-DD)", request.date));
  }
  const VocabList& kinds = store.vocab().Get("training_kind");
  if (const Term* k = kinds.Resolve(request.kind)) {
    t.kind = k->code;
  } else {
    sink.Error(here, "--kind",
               Tr("unknown training kind \"{0}\"; known: {1}", request.kind, kinds.KnownValues()));
  }
  t.title = request.title;
  if (!request.level.empty()) {
    if (const Term* l = store.vocab().level().Resolve(request.level)) {
      t.level = l->code;
    } else {
      sink.Error(here, "--level",
                 Tr("unknown level \"{0}\"; known: {1}", request.level,
                    store.vocab().level().KnownValues()));
    }
  }
  if (auto h = ParseHoursTenths(request.hours)) {
    t.hours_tenths = *h;
  } else {
    sink.Error(here, "--hours", Tr("\"{0}\" is not a number of hours (6, 1.5)", request.hours));
  }
  t.lecturer = request.lecturer;
  t.lecturer_name = request.lecturer_name;
  t.attendees = request.attendees;
  std::set<std::string> once;
  for (const auto& a : t.attendees)
    if (!once.insert(a).second) sink.Error(here, "--attendees", Tr("{0} is listed twice", a));
  CheckTrainingReferences(t, store.mediators(), here, &sink);
  if (t.date.valid() && !request.id.empty()) t.id = request.id;
  if (t.date.valid() && request.id.empty()) {
    const std::string prefix = "T-" + std::to_string(t.date.year()) + "-";
    std::vector<std::string> ids;
    for (const auto& other : *existing) ids.push_back(other.id);
    auto n = w.TakeNumbers(TrainingSeries(t.date.year()), NumbersAfter(ids, prefix), 1);
    if (!n.ok()) return n.status();
    t.id = SeriesId(TrainingSeries(t.date.year()), n->front());
  }
  for (const auto& other : *existing)
    if (other.id == t.id) sink.Error(here, "--id", Tr("{0} is already recorded", t.id));
  MEDIATE_RETURN_IF_ERROR(
      sink.ToStatus(Tr("{0} error(s); nothing was written", sink.error_count())));
  if (w.dry_run()) return out;
  w.Put(t.Path(), t.ToValue());
  auto commit = w.Commit(op, fmt::format("training add: {} {}", t.id, t.title) +
                                 Trailers("training-add", {"Mediate-Training: " + t.id}));
  if (!commit.ok()) return commit.status();
  out.commit = *commit;
  return out;
}

Result<TrainingWriteOutcome> ImportTrainings(StoreWrite& w, const Signature& op,
                                             const std::string& text,
                                             const std::string& file_name) {
  const Store& store = w.store();
  auto incoming = ReadTrainingsCsv(text, file_name, store.vocab(), store.mediators());
  if (!incoming.ok()) {
    auto st = incoming.status();
    return Status::Rejected(Tr("{0}; nothing was imported", st.message()), st.diagnostics());
  }
  auto existing = LoadTrainings(store);
  if (!existing.ok()) return existing.status();
  TrainingWriteOutcome out;
  TrainingImportPlan& plan = out.plan;
  plan = PlanTrainingImport(*existing, *incoming);
  if (w.dry_run() || plan.added.size() + plan.updated.size() == 0) return out;
  for (const auto& p : plan.moved_from) w.Remove(p);
  for (const auto* list : {&plan.added, &plan.updated})
    for (const auto& t : *list) w.Put(t.Path(), t.ToValue());
  std::string message =
      fmt::format("training import: {} sessions from {}", plan.added.size(), file_name) +
      Trailers("training-import", {"Mediate-Source: " + file_name});
  auto commit = w.Commit(op, message);
  if (!commit.ok()) return commit.status();
  out.commit = *commit;
  return out;
}

}  // namespace mediate
