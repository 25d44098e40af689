#include "routing_targets.hpp"

#include <algorithm>

namespace mediate {

namespace {

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
    if (!o) *problem = "orgs/ has no active district_centre";
    return o;
  }
  const bool community = level == "community";
  if (!community && level != "street") {
    *problem = "no organisation of the case's place is at level " + level;
    return nullptr;
  }
  const std::string& code = community ? f.community : f.street;
  const char* what = community ? "community" : "street";
  if (code.empty()) {
    *problem = std::string("the case has no ") + what + " (place." + what + ")";
    return nullptr;
  }
  const Organisation* o =
      FindCommittee(orgs, community ? "community_committee" : "street_committee", code, community);
  if (!o) {
    std::string name = areas.NameOf(code);
    *problem =
        std::string("orgs/ has no active ") +
        (community ? "community_committee with community \"" : "street_committee with street \"") +
        code + "\"" + (name.empty() || name == code ? "" : " (" + name + ")");
  }
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
            "rule \"" + rule.name + "\" names organisation " + rule.org + ", which is not in orgs/";
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
        out.problem = "rule \"" + rule.name + "\" routes to the " + what +
                      " committee of the case's place, but the case has no " + what + " (place." +
                      what + ")";
        return out;
      }
      target = PlaceOrg(f, what, areas, orgs, &problem);
      if (!target) {
        std::string name = areas.NameOf(code);
        out.problem = "rule \"" + rule.name + "\" routes to the " + what + " committee of " + code +
                      (name.empty() || name == code ? "" : " " + name) +
                      ", but orgs/ has no active " +
                      (community ? "community_committee with community \""
                                 : "street_committee with street \"") +
                      code + "\"";
        return out;
      }
      break;
    }
    case RoutingTargetKind::kDistrictCentre:
      target = FindCentre(orgs);
      if (!target) problem = "orgs/ has no active district_centre";
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
        static const char* kWhere[] = {"same community", "same street", "district-wide", "city",
                                       "another street"};
        out.note = "specialist in " + c.category + ", nearest (" + kWhere[best] + ")";
      } else {
        problem = "no active organisation lists " +
                  (c.category.empty() ? std::string("the case's category") : c.category) +
                  " among its specialties";
      }
      break;
    }
  }
  if (!target) {
    out.problem = "rule \"" + rule.name + "\" matches, but " + problem;
    return out;
  }
  // min_level and escalation: never below the level asked for.
  std::string floor = rule.min_level;
  if (LevelRank(at_least) > LevelRank(floor)) floor = at_least;
  if (!floor.empty() && LevelRank(target->level) < LevelRank(floor)) {
    std::string lift_problem;
    const Organisation* lifted = PlaceOrg(f, floor, areas, orgs, &lift_problem);
    if (!lifted) {
      out.problem = "rule \"" + rule.name + "\" matches and " + target->id + " is at " +
                    target->level + " level, below " + floor + ", but " + lift_problem;
      return out;
    }
    std::string why = at_least == floor && rule.min_level != floor ? "escalated to " + floor
                                                                   : "min_level " + floor;
    out.note = (out.note.empty() ? "" : out.note + "; ") + why + ": " + target->id + " is at " +
               target->level + " level";
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
