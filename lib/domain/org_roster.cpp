#include "org_roster.hpp"

#include <algorithm>
#include <set>

#include "csv_table.hpp"
#include "i18n.hpp"
#include "vocab.hpp"

namespace mediate {

const std::vector<std::string>& OrgEditableFields() {
  static const std::vector<std::string> kFields = {"name",      "kind",        "level", "street",
                                                   "community", "specialties", "parent"};
  return kFields;
}

Status ApplyOrgFields(Organisation* o, const std::map<std::string, std::string>& fields,
                      const Vocabulary& vocab, const AreaRegistry& areas) {
  const auto& known = OrgEditableFields();
  DiagnosticSink sink;
  Location here{o->id.empty() ? "org" : o->id, 0, 0};
  auto code = [&](const VocabList& list, const std::string& field, const std::string& text) {
    if (text.empty()) return std::string();
    if (const Term* t = list.Resolve(text)) return t->code;
    sink.Error(here, field,
               Tr("unknown {0} \"{1}\"; known: {2}", VocabNoun(list), text, list.KnownValues()));
    return std::string();
  };
  for (const auto& [field, value] : fields) {
    if (std::find(known.begin(), known.end(), field) == known.end()) {
      std::string list;
      for (const auto& k : known) list += (list.empty() ? "" : ", ") + k;
      return Status::Usage(Tr("no organisation field \"{0}\"; fields: {1}", field, list));
    }
    if (field == "name") {
      o->name = value;
    } else if (field == "kind") {
      o->kind = code(vocab.Get("org_kind"), field, value);
    } else if (field == "level") {
      o->level = code(vocab.level(), field, value);
    } else if (field == "street") {
      const Street* s = areas.StreetByName(value);
      o->street = s ? s->code : value;
    } else if (field == "community") {
      auto named = areas.CommunitiesByName(value);
      o->community = named.size() == 1 ? named.front()->code : value;
      if (named.size() > 1)
        sink.Error(here, field,
                   Tr("{0} names {1} communities; give the 12-digit code", value, named.size()));
    } else if (field == "specialties") {
      o->specialties.clear();
      for (const auto& item : SplitTypedList(value)) {
        std::string c = code(vocab.category(), field, item);
        if (!c.empty()) o->specialties.push_back(c);
      }
    } else if (field == "parent") {
      o->parent = value;
    }
  }
  const std::size_t n = sink.error_count();
  return sink.ToStatus(
      TrN("{0} error; nothing was written", "{0} errors; nothing was written", n, n));
}

void CheckOrganisation(const Organisation& o, const Vocabulary& vocab, const OrgRegistry& orgs,
                       const AreaRegistry& areas, const Location& where, DiagnosticSink* sink) {
  if (o.id.empty()) sink->Error(where, "id", _("an organisation needs an id"));
  for (char c : o.id)
    if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
          c == '_')) {
      sink->Error(where, "id", Tr("id \"{0}\" may hold letters, digits, - and _ only", o.id));
      break;
    }
  if (o.name.empty()) sink->Error(where, "name", _("an organisation needs a name"));
  if (!vocab.Get("org_kind").Has(o.kind))
    sink->Error(where, "kind",
                Tr("unknown organisation kind \"{0}\"; known: {1}", o.kind,
                   vocab.Get("org_kind").KnownValues()));
  if (!vocab.level().Has(o.level))
    sink->Error(where, "level",
                Tr("unknown level \"{0}\"; known: {1}", o.level, vocab.level().KnownValues()));
  for (const auto& c : o.specialties)
    if (!vocab.category().Has(c))
      sink->Error(where, "specialties", Tr("unknown category \"{0}\"", c));
  if (!o.street.empty() && !areas.FindStreet(o.street))
    sink->Error(where, "street", Tr("unknown street {0} (not in areas/)", o.street));
  if (!o.community.empty()) {
    if (!areas.FindCommunity(o.community)) {
      sink->Error(where, "community", Tr("unknown community {0} (not in areas/)", o.community));
    } else if (const Street* s = areas.StreetOfCommunity(o.community);
               s && !o.street.empty() && s->code != o.street) {
      sink->Error(
          where, "community",
          Tr("{0} is in {1} ({2}), not in street {3}", o.community, s->name, s->code, o.street));
    }
  }
  if (!o.parent.empty()) {
    if (o.parent == o.id) {
      sink->Error(where, "parent", _("an organisation cannot be its own parent"));
    } else if (!orgs.count(o.parent)) {
      sink->Error(where, "parent", Tr("unknown parent organisation {0}", o.parent));
    } else {
      std::set<std::string> seen{o.id};
      for (std::string p = o.parent; !p.empty();) {
        if (!seen.insert(p).second) {
          sink->Error(where, "parent", Tr("parent {0} leads back to {1}", o.parent, o.id));
          break;
        }
        auto it = orgs.find(p);
        p = it == orgs.end() ? std::string() : it->second.parent;
      }
    }
  }
}

Status RetireOrg(Organisation* o, const OrgRegistry& orgs, const MediatorRegistry& mediators) {
  if (o->status == "retired") return Status::Rejected(Tr("{0} is already retired", o->id));
  int members = MembershipOf(o->id, mediators).members;
  std::vector<std::string> children;
  for (const auto& [id, other] : orgs)
    if (other.parent == o->id && other.status == "active") children.push_back(id);
  const std::size_t n = children.size();
  const std::string first = n == 0 ? std::string() : children.front() + (n > 1 ? ", …" : "");
  if (members > 0 && n > 0)
    return Status::Rejected(
        Tr("{0} cannot be retired while {1} active mediator(s) belong to it (move them with "
           "'mediate mediator edit ID --org …' or retire them) and {2} active organisation(s) "
           "name it as parent ({3})",
           o->id, members, n, first));
  if (members > 0)
    return Status::Rejected(TrN(
        "{0} cannot be retired while {1} active mediator belong to it (move them with 'mediate "
        "mediator edit ID --org …' or retire them)",
        "{0} cannot be retired while {1} active mediators belong to it (move them with 'mediate "
        "mediator edit ID --org …' or retire them)",
        static_cast<unsigned long>(members), o->id, members));
  if (n > 0)
    return Status::Rejected(
        TrN("{0} cannot be retired while {1} active organisation names it as "
            "parent ({2})",
            "{0} cannot be retired while {1} active organisations name it as "
            "parent ({2})",
            n, o->id, n, first));
  o->status = "retired";
  return Status::Ok();
}

OrgMembers OrgMembersOf(const Organisation& o, const MediatorRegistry& mediators,
                        const TeamSettings& team) {
  OrgMembers out;
  out.membership = MembershipOf(o.id, mediators);
  std::vector<const Mediator*> list;
  for (const auto& [id, med] : mediators)
    if (med.status == "active" && med.org == o.id) list.push_back(&med);
  std::stable_sort(list.begin(), list.end(), [](const Mediator* a, const Mediator* b) {
    return (a->role == "chair") > (b->role == "chair");
  });
  for (const Mediator* med : list) out.members.push_back(med->id);
  out.problems = CommitteeProblems(o, out.membership, team);
  return out;
}

}  // namespace mediate
