#include "routing_targets.hpp"

#include <algorithm>

#include "i18n.hpp"
#include "vocab.hpp"

namespace mediate {

namespace {

/// A level code as messages show it (VocabList::Shown: 街道/乡镇 in Chinese).
std::string LevelShown(const std::string& level) {
  return Vocabulary::Builtin().level().Shown(level);
}

/// "orgs/ has no active community_committee with community "CODE" (NAME)",
/// or the street's, for the committee `code` lacks.
std::string NoCommittee(bool community, const std::string& code, const std::string& name) {
  const bool named = !name.empty() && name != code;
  if (community)
    return named ? Tr("orgs/ has no active community_committee with community \"{0}\" ({1})", code,
                      name)
                 : Tr("orgs/ has no active community_committee with community \"{0}\"", code);
  return named ? Tr("orgs/ has no active street_committee with street \"{0}\" ({1})", code, name)
               : Tr("orgs/ has no active street_committee with street \"{0}\"", code);
}

/// The first active organisation of `kind` whose `field` is `code`.
const Organisation* FindCommittee(const OrgRegistry& orgs, const std::string& kind,
                                  const std::string& code, bool community) {
  for (const auto& [id, o] : orgs) {
    if (o.kind != kind || o.status != "active") continue;
    if ((community ? o.community : o.street) == code) return &o;
  }
  return nullptr;
}

const Organisation* FindCentre(const OrgRegistry& orgs) {
  for (const auto& [id, o] : orgs)
    if (o.kind == "district_centre" && o.status == "active") return &o;
  return nullptr;
}

/// The place's organisation at `level` for facts `f`.
const Organisation* PlaceOrg(const RoutingPlace& f, const std::string& level,
                             const AreaRegistry& areas, const OrgRegistry& orgs,
                             std::string* problem) {
  if (level == "district") {
    const Organisation* o = FindCentre(orgs);
    if (!o) *problem = _("orgs/ has no active district_centre");
    return o;
  }
  const bool community = level == "community";
  if (!community && level != "street") {
    *problem = Tr("no organisation of the case's place is at level {0}", LevelShown(level));
    return nullptr;
  }
  const std::string& code = community ? f.community : f.street;
  if (code.empty()) {
    *problem = community ? _("the case has no community (place.community)")
                         : _("the case has no street (place.street)");
    return nullptr;
  }
  const Organisation* o =
      FindCommittee(orgs, community ? "community_committee" : "street_committee", code, community);
  if (!o) *problem = NoCommittee(community, code, areas.NameOf(code));
  return o;
}

/// Organisation kinds that mediate (not a referrer, confirmer or association).
bool Mediates(const Organisation& o) {
  return o.status == "active" && !IsNonMediatingKind(o.kind) && o.kind != "association";
}

/// Distance of an organisation from the case's place: 0 same community, 1
/// same street, 2 district-wide, 3 city, 4 another street.
int Distance(const Organisation& o, const RoutingPlace& f) {
  if (!o.community.empty()) return o.community == f.community ? 0 : 4;
  if (!o.street.empty()) return o.street == f.street ? 1 : 4;
  if (o.level == "city") return 3;
  return 2;
}

}  // namespace

RoutingPlace CompletePlace(const Case& c, const AreaRegistry& areas) {
  RoutingPlace f{c.place.street, c.place.community, c.place.grid};
  if (f.community.empty() && !f.grid.empty())
    if (const Community* cm = areas.CommunityOfGrid(f.grid)) f.community = cm->code;
  if (f.street.empty() && !f.community.empty())
    if (const Street* st = areas.StreetOfCommunity(f.community)) f.street = st->code;
  return f;
}

RoutingTarget ResolveTarget(const RoutingRule& rule, const Case& c, const RoutingPlace& f,
                            const std::string& at_least, const AreaRegistry& areas,
                            const OrgRegistry& orgs) {
  RoutingTarget out;
  const Organisation* target = nullptr;
  std::string problem;
  switch (rule.target) {
    case RoutingTargetKind::kOrg: {
      auto it = orgs.find(rule.org);
      if (it == orgs.end()) {
        out.problem =
            Tr("rule \"{0}\" names organisation {1}, which is not in orgs/", rule.name, rule.org);
        return out;
      }
      target = &it->second;
      break;
    }
    case RoutingTargetKind::kCommunityCommittee:
    case RoutingTargetKind::kStreetCommittee: {
      bool community = rule.target == RoutingTargetKind::kCommunityCommittee;
      const std::string& code = community ? f.community : f.street;
      const char* what = community ? "community" : "street";
      if (code.empty()) {
        out.problem = community ? Tr("rule \"{0}\" routes to the community committee of the "
                                     "case's place, but the case has no community "
                                     "(place.community)",
                                     rule.name)
                                : Tr("rule \"{0}\" routes to the street committee of the case's "
                                     "place, but the case has no street (place.street)",
                                     rule.name);
        return out;
      }
      target = PlaceOrg(f, what, areas, orgs, &problem);
      if (!target) {
        std::string name = areas.NameOf(code);
        const std::string place = name.empty() || name == code ? code : code + " " + name;
        out.problem = community ? Tr("rule \"{0}\" routes to the community committee of {1}, "
                                     "but orgs/ has no active community_committee with community "
                                     "\"{2}\"",
                                     rule.name, place, code)
                                : Tr("rule \"{0}\" routes to the street committee of {1}, but "
                                     "orgs/ has no active street_committee with street \"{2}\"",
                                     rule.name, place, code);
        return out;
      }
      break;
    }
    case RoutingTargetKind::kDistrictCentre:
      target = FindCentre(orgs);
      if (!target) problem = _("orgs/ has no active district_centre");
      break;
    case RoutingTargetKind::kSpecialist: {
      int best = 1 << 30;
      for (const auto& [id, o] : orgs) {
        if (!Mediates(o)) continue;
        if (std::find(o.specialties.begin(), o.specialties.end(), c.category) ==
            o.specialties.end())
          continue;
        int dist = Distance(o, f);
        if (dist < best) {  // ties: the first by id (orgs are sorted)
          best = dist;
          target = &o;
        }
      }
      if (target) {
        static const char* kWhere[] = {N_("same community"), N_("same street"), N_("district-wide"),
                                       N_("city"), N_("another street")};
        out.note = Tr("specialist in {0}, nearest ({1})",
                      Vocabulary::Builtin().category().Shown(c.category), _(kWhere[best]));
      } else {
        problem = c.category.empty()
                      ? _("no active organisation lists the case's category among its "
                          "specialties")
                      : Tr("no active organisation lists {0} among its specialties",
                           Vocabulary::Builtin().category().Shown(c.category));
      }
      break;
    }
  }
  if (!target) {
    out.problem = Tr("rule \"{0}\" matches, but {1}", rule.name, problem);
    return out;
  }
  // min_level and escalation: never below the level asked for.
  std::string floor = rule.min_level;
  if (LevelRank(at_least) > LevelRank(floor)) floor = at_least;
  if (!floor.empty() && LevelRank(target->level) < LevelRank(floor)) {
    std::string lift_problem;
    const Organisation* lifted = PlaceOrg(f, floor, areas, orgs, &lift_problem);
    if (!lifted) {
      out.problem =
          Tr("rule \"{0}\" matches and {1} is at {2} level, below {3}, but {4}", rule.name,
             target->id, LevelShown(target->level), LevelShown(floor), lift_problem);
      return out;
    }
    const std::string why = at_least == floor && rule.min_level != floor
                                ? Tr("escalated to {0}", LevelShown(floor))
                                : Tr("min_level {0}", LevelShown(floor));
    if (!out.note.empty()) out.note += _("; ");
    out.note += Tr("{0}: {1} is at {2} level", why, target->id, LevelShown(target->level));
    target = lifted;
  }
  out.org = target;
  return out;
}

const Organisation* PlaceOrganisation(const Case& c, const std::string& level,
                                      const AreaRegistry& areas, const OrgRegistry& orgs,
                                      std::string* problem) {
  return PlaceOrg(CompletePlace(c, areas), level, areas, orgs, problem);
}

int LevelRank(const std::string& level) {
  if (level == "grid") return 0;
  if (level == "community") return 1;
  if (level == "street") return 2;
  if (level == "district") return 3;
  if (level == "city") return 4;
  return -1;
}

}  // namespace mediate
