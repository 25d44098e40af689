#include "roster_write.hpp"

#include "number_blocks.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "committee_checks.hpp"
#include "i18n.hpp"
#include "store_init.hpp"
#include "team_commit.hpp"

namespace mediate {
namespace {

/// Committee problems of `org_id` that `after` has and `before` had not.
std::vector<std::string> NewProblems(const std::string& org_id, const OrgRegistry& orgs,
                                     const MediatorRegistry& before, const MediatorRegistry& after,
                                     const TeamSettings& team) {
  std::vector<std::string> out;
  auto o = orgs.find(org_id);
  if (o == orgs.end()) return out;
  auto old = CommitteeProblems(o->second, MembershipOf(org_id, before), team);
  for (auto& p : CommitteeProblems(o->second, MembershipOf(org_id, after), team))
    if (std::find(old.begin(), old.end(), p) == old.end())
      out.push_back(org_id + " " + o->second.name + " " + p);
  return out;
}

/// Stages `changed`, commits once with `subject` and `trailers` (action
/// first) and fills `commit` and `problems`.
Status Write(StoreWrite& w, const Signature& op, const std::vector<Mediator>& changed,
             const std::string& subject, const std::vector<std::string>& trailers,
             std::string* commit, std::vector<std::string>* problems) {
  const Store& store = w.store();
  MediatorRegistry after = store.mediators();
  std::set<std::string> orgs;
  for (const auto& m : changed) {
    if (auto old = store.mediators().find(m.id); old != store.mediators().end())
      orgs.insert(old->second.org);
    orgs.insert(m.org);
    after[m.id] = m;
    w.Put(m.Path(), m.ToValue());
  }
  auto id =
      w.Commit(op, subject + Trailers(trailers.front(), {trailers.begin() + 1, trailers.end()}));
  if (!id.ok()) return id.status();
  *commit = *id;
  auto team = LoadTeamSettings(store);
  if (team.ok())
    for (const auto& org : orgs)
      for (auto& p : NewProblems(org, store.orgs(), store.mediators(), after, *team))
        problems->push_back(std::move(p));
  return Status::Ok();
}

/// Checks `m` (CheckMediator at `where`): errors refuse, warnings are kept.
Status Check(const StoreWrite& w, const Mediator& m, const std::string& where,
             std::vector<Diagnostic>* warnings) {
  DiagnosticSink sink;
  CheckMediator(m, w.store().vocab(), w.store().orgs(), w.today(), {where, 0, 0}, &sink);
  MEDIATE_RETURN_IF_ERROR(
      sink.ToStatus(Tr("{0} error(s); nothing was written", sink.error_count())));
  for (const auto& d : sink.items())
    if (d.severity == Severity::kWarning) warnings->push_back(d);
  return Status::Ok();
}

Result<const Mediator*> Find(const StoreWrite& w, const std::string& id) {
  auto it = w.store().mediators().find(id);
  if (it == w.store().mediators().end())
    return Status::NotFound(Tr("no mediator {0} (see 'mediate mediator list')", id));
  return &it->second;
}

}  // namespace

Result<RosterWriteOutcome> AddMediator(StoreWrite& w, const Signature& op,
                                       const AddMediatorRequest& request) {
  const Store& store = w.store();
  RosterWriteOutcome out;
  Mediator& m = out.mediator;
  m.id = request.id;
  if (m.id.empty()) {
    std::vector<std::string> ids;
    for (const auto& entry : store.mediators()) ids.push_back(entry.first);
    auto n = w.TakeNumbers(MediatorSeries(), NumbersAfter(ids, "M-"), 1);
    if (!n.ok()) return n.status();
    m.id = SeriesId(MediatorSeries(), n->front());
  }
  if (store.mediators().count(m.id))
    return Status::Rejected(Tr("{0} is already on the roster; use 'mediate mediator edit'", m.id));
  if (!request.fields.count("filed")) m.filed = w.today();
  MEDIATE_RETURN_IF_ERROR(ApplyMediatorFields(&m, request.fields, store.vocab()));
  MEDIATE_RETURN_IF_ERROR(Check(w, m, m.id, &out.warnings));
  out.subject = "mediator add: " + m.id + " " + m.name;
  if (w.dry_run()) return out;
  MEDIATE_RETURN_IF_ERROR(Write(w, op, {m}, out.subject,
                                {"mediator-add", "Mediate-Mediator: " + m.id}, &out.commit,
                                &out.problems));
  return out;
}

Result<RosterWriteOutcome> EditMediator(StoreWrite& w, const Signature& op,
                                        const EditMediatorRequest& request) {
  if (request.fields.empty())
    return Status::Usage(_("give the fields to change, e.g. --phone 13800001234 (see --help)"));
  auto old = Find(w, request.id);
  if (!old.ok()) return old.status();
  RosterWriteOutcome out;
  Mediator& m = out.mediator;
  m = **old;
  MEDIATE_RETURN_IF_ERROR(ApplyMediatorFields(&m, request.fields, w.store().vocab()));
  MEDIATE_RETURN_IF_ERROR(Check(w, m, m.Path(), &out.warnings));
  if (m.ToValue().SameAs((*old)->ToValue())) {
    out.unchanged = true;
    return out;
  }
  std::string list;
  for (const auto& [f, v] : request.fields) list += (list.empty() ? "" : ", ") + f;
  out.subject = "mediator edit: " + m.id + " " + list;
  if (w.dry_run()) return out;
  MEDIATE_RETURN_IF_ERROR(Write(w, op, {m}, out.subject,
                                {"mediator-edit", "Mediate-Mediator: " + m.id}, &out.commit,
                                &out.problems));
  return out;
}

Result<RosterWriteOutcome> RetireMediator(StoreWrite& w, const Signature& op,
                                          const RetireMediatorRequest& request) {
  auto old = Find(w, request.id);
  if (!old.ok()) return old.status();
  if ((*old)->status == "retired")
    return Status::Rejected(Tr("{0} is already retired", request.id));
  RosterWriteOutcome out;
  Mediator& m = out.mediator;
  m = **old;
  m.status = "retired";
  m.retired = request.date;
  out.subject = "mediator retire: " + m.id + " " + m.name;
  if (w.dry_run()) return out;
  MEDIATE_RETURN_IF_ERROR(Write(w, op, {m}, out.subject,
                                {"mediator-retire", "Mediate-Mediator: " + m.id}, &out.commit,
                                &out.problems));
  return out;
}

Result<RosterWriteOutcome> RateMediator(StoreWrite& w, const Signature& op,
                                        const RateMediatorRequest& request) {
  auto old = Find(w, request.id);
  if (!old.ok()) return old.status();
  RosterWriteOutcome out;
  Mediator& m = out.mediator;
  m = **old;
  MEDIATE_RETURN_IF_ERROR(
      ApplyRating(&m, request.grade, request.date, op.ToString(), request.basis));
  out.subject = fmt::format("mediator rate: {} {} grade {}", m.id, m.name, request.grade);
  if (w.dry_run()) return out;
  MEDIATE_RETURN_IF_ERROR(Write(w, op, {m}, out.subject,
                                {"mediator-rate", "Mediate-Mediator: " + m.id}, &out.commit,
                                &out.problems));
  return out;
}

Result<ImportRosterOutcome> ImportRoster(StoreWrite& w, const Signature& op,
                                         const ImportRosterRequest& request) {
  const Store& store = w.store();
  const std::string& name = request.file_name;
  auto incoming = ReadMediatorsCsv(request.text, name, store.vocab(), store.orgs());
  if (!incoming.ok())
    return Status::Rejected(Tr("{0}; nothing was imported", incoming.status().message()),
                            incoming.status().diagnostics());
  ImportRosterOutcome out;
  MediatorImportPlan& plan = out.plan;
  plan = PlanMediatorImport(store.mediators(), *incoming);
  DiagnosticSink sink;
  for (const auto* list : {&plan.added, &plan.updated})
    for (const auto& m : *list)
      CheckMediator(m, store.vocab(), store.orgs(), w.today(), {name + ": " + m.id, 0, 0}, &sink);
  MEDIATE_RETURN_IF_ERROR(
      sink.ToStatus(Tr("{0} error(s) in {1}; nothing was imported", sink.error_count(), name)));
  for (const auto& d : sink.items())
    if (d.severity == Severity::kWarning) out.warnings.push_back(d);
  out.subject = fmt::format("mediator import: {} added, {} updated, {} unchanged from {}",
                            plan.added.size(), plan.updated.size(), plan.unchanged, name);
  if (w.dry_run() || (plan.added.empty() && plan.updated.empty())) return out;
  std::vector<Mediator> changed = plan.added;
  changed.insert(changed.end(), plan.updated.begin(), plan.updated.end());
  MEDIATE_RETURN_IF_ERROR(Write(w, op, changed, out.subject,
                                {"mediator-import", "Mediate-Source: " + name}, &out.commit,
                                &out.problems));
  return out;
}

}  // namespace mediate
