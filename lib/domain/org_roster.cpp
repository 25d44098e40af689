#include "org_roster.hpp"

#include <algorithm>
#include <set>

#include "csv_table.hpp"
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
               "unknown " + list.name() + " \"" + text + "\"; known: " + list.CodeList());
    return std::string();
  };
  for (const auto& [field, value] : fields) {
    if (std::find(known.begin(), known.end(), field) == known.end()) {
      std::string list;
      for (const auto& k : known) list += (list.empty() ? "" : ", ") + k;
      return Status::Usage("no organisation field \"" + field + "\"; fields: " + list);
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
                   value + " names " + std::to_string(named.size()) +
                       " communities; give the 12-digit code");
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
  return sink.ToStatus(std::to_string(sink.error_count()) + " error" +
                       (sink.error_count() == 1 ? "" : "s") + "; nothing was written");
}

void CheckOrganisation(const Organisation& o, const Vocabulary& vocab, const OrgRegistry& orgs,
                       const AreaRegistry& areas, const Location& where, DiagnosticSink* sink) {
  if (o.id.empty()) sink->Error(where, "id", "an organisation needs an id");
  for (char c : o.id)
    if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
          c == '_')) {
      sink->Error(where, "id", "id \"" + o.id + "\" may hold letters, digits, - and _ only");
      break;
    }
  if (o.name.empty()) sink->Error(where, "name", "an organisation needs a name");
  if (!vocab.Get("org_kind").Has(o.kind))
    sink->Error(
        where, "kind",
        "unknown organisation kind \"" + o.kind + "\"; known: " + vocab.Get("org_kind").CodeList());
  if (!vocab.level().Has(o.level))
    sink->Error(where, "level",
                "unknown level \"" + o.level + "\"; known: " + vocab.level().CodeList());
  for (const auto& c : o.specialties)
    if (!vocab.category().Has(c))
      sink->Error(where, "specialties", "unknown category \"" + c + "\"");
  if (!o.street.empty() && !areas.FindStreet(o.street))
    sink->Error(where, "street", "unknown street " + o.street + " (not in areas/)");
  if (!o.community.empty()) {
    if (!areas.FindCommunity(o.community)) {
      sink->Error(where, "community", "unknown community " + o.community + " (not in areas/)");
    } else if (const Street* s = areas.StreetOfCommunity(o.community);
               s && !o.street.empty() && s->code != o.street) {
      sink->Error(
          where, "community",
          o.community + " is in " + s->name + " (" + s->code + "), not in street " + o.street);
    }
  }
  if (!o.parent.empty()) {
    if (o.parent == o.id) {
      sink->Error(where, "parent", "an organisation cannot be its own parent");
    } else if (!orgs.count(o.parent)) {
      sink->Error(where, "parent", "unknown parent organisation " + o.parent);
    } else {
      std::set<std::string> seen{o.id};
      for (std::string p = o.parent; !p.empty();) {
        if (!seen.insert(p).second) {
          sink->Error(where, "parent", "parent " + o.parent + " leads back to " + o.id);
          break;
        }
        auto it = orgs.find(p);
        p = it == orgs.end() ? std::string() : it->second.parent;
      }
    }
  }
}

Status RetireOrg(Organisation* o, const OrgRegistry& orgs, const MediatorRegistry& mediators) {
  if (o->status == "retired") return Status::Rejected(o->id + " is already retired");
  int members = MembershipOf(o->id, mediators).members;
  std::vector<std::string> children;
  for (const auto& [id, other] : orgs)
    if (other.parent == o->id && other.status == "active") children.push_back(id);
  if (members > 0 || !children.empty()) {
    std::string msg = o->id + " cannot be retired while ";
    if (members > 0)
      msg += std::to_string(members) + " active mediator" + (members == 1 ? "" : "s") +
             " belong to it (move them with 'mediate mediator edit ID --org …' or retire them)";
    if (members > 0 && !children.empty()) msg += " and ";
    if (!children.empty())
      msg += std::to_string(children.size()) + " active organisation" +
             (children.size() == 1 ? " names" : "s name") + " it as parent (" + children.front() +
             (children.size() > 1 ? ", …" : "") + ")";
    return Status::Rejected(msg);
  }
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
