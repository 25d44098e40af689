#include "org_write.hpp"

#include "i18n.hpp"
#include "org_roster.hpp"
#include "team_commit.hpp"

namespace mediate {
namespace {

/// Checks `o` against the register with `o` in it; errors refuse.
Status Check(const Store& store, const Organisation& o) {
  OrgRegistry orgs = store.orgs();
  orgs[o.id] = o;
  DiagnosticSink sink;
  CheckOrganisation(o, store.vocab(), orgs, store.areas(), {o.id, 0, 0}, &sink);
  return sink.ToStatus(Tr("{0} error(s); nothing was written", sink.error_count()));
}

/// Stages `out->org` and commits it with `out->subject` (unless dry run).
Status Write(StoreWrite& w, const Signature& op, const std::string& action, OrgWriteOutcome* out) {
  if (w.dry_run()) return Status::Ok();
  w.Put(out->org.Path(), out->org.ToValue());
  auto commit = w.Commit(op, out->subject + Trailers(action, {"Mediate-Org: " + out->org.id}));
  if (!commit.ok()) return commit.status();
  out->commit = *commit;
  return Status::Ok();
}

}  // namespace

Result<OrgWriteOutcome> AddOrg(StoreWrite& w, const Signature& op,
                               const OrgFieldsRequest& request) {
  const Store& store = w.store();
  if (store.orgs().count(request.id))
    return Status::Rejected(Tr("{0} is already registered; use 'mediate org edit'", request.id));
  OrgWriteOutcome out;
  Organisation& o = out.org;
  o.id = request.id;
  MEDIATE_RETURN_IF_ERROR(ApplyOrgFields(&o, request.fields, store.vocab(), store.areas()));
  MEDIATE_RETURN_IF_ERROR(Check(store, o));
  out.subject = "org add: " + o.id + " " + o.name;
  MEDIATE_RETURN_IF_ERROR(Write(w, op, "org-add", &out));
  return out;
}

Result<OrgWriteOutcome> EditOrg(StoreWrite& w, const Signature& op,
                                const OrgFieldsRequest& request) {
  if (request.fields.empty())
    return Status::Usage(_("give the fields to change, e.g. --name … (see --help)"));
  const Store& store = w.store();
  auto it = store.orgs().find(request.id);
  if (it == store.orgs().end())
    return Status::NotFound(Tr("no organisation {0} (see 'mediate org list')", request.id));
  OrgWriteOutcome out;
  Organisation& o = out.org;
  o = it->second;
  MEDIATE_RETURN_IF_ERROR(ApplyOrgFields(&o, request.fields, store.vocab(), store.areas()));
  MEDIATE_RETURN_IF_ERROR(Check(store, o));
  if (o.ToValue().SameAs(it->second.ToValue())) {
    out.unchanged = true;
    return out;
  }
  std::string list;
  for (const auto& [f, v] : request.fields) list += (list.empty() ? "" : ", ") + f;
  out.subject = "org edit: " + o.id + " " + list;
  MEDIATE_RETURN_IF_ERROR(Write(w, op, "org-edit", &out));
  return out;
}

Result<OrgWriteOutcome> RetireOrganisation(StoreWrite& w, const Signature& op,
                                           const std::string& id) {
  const Store& store = w.store();
  auto it = store.orgs().find(id);
  if (it == store.orgs().end())
    return Status::NotFound(Tr("no organisation {0} (see 'mediate org list')", id));
  OrgWriteOutcome out;
  out.org = it->second;
  MEDIATE_RETURN_IF_ERROR(RetireOrg(&out.org, store.orgs(), store.mediators()));
  out.subject = "org retire: " + out.org.id + " " + out.org.name;
  MEDIATE_RETURN_IF_ERROR(Write(w, op, "org-retire", &out));
  return out;
}

}  // namespace mediate
