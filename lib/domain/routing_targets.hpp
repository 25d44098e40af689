// Routing targets: which organisation of orgs/ a routing rule sends a case
// to — a named organisation, the committee of the case's own place, the
// district centre or the nearest specialist — and the floor a target may
// not be below (a rule's min_level, or the level of an escalation).
//
// Rule source: store setting (the rules, routing_rules.hpp); "never below
// the level asked for" is MoJ 2002 Provisions Art. 21 (difficult disputes
// go up to the township/street committee, never down).
#pragma once

#include <string>

#include "area.hpp"
#include "case.hpp"
#include "organisation.hpp"
#include "routing_rules.hpp"

namespace mediate {

/// A case's place codes completed from areas/: a grid gives its
/// community, a community its street. Codes are "" when unknown.
struct RoutingPlace {
  std::string street;
  std::string community;
  std::string grid;
};

/// The place of `c` (c.place) completed from `areas`.
RoutingPlace CompletePlace(const Case& c, const AreaRegistry& areas);

/// Where a rule's target resolved to.
struct RoutingTarget {
  /// The organisation the case goes to; nullptr when it could not be
  /// resolved (then `problem` says why).
  const Organisation* org = nullptr;
  /// How the target was found beyond the rule's own words ("specialist in
  /// labour, nearest (same street)", "min_level street: C-… is at community
  /// level"); may be set even when `org` is nullptr.
  std::string note;
  /// Why there is no target, naming the rule ("rule \"x\" matches, but …").
  std::string problem;
};

/// Resolves `rule`'s target for case `c` at `place` (CompletePlace) against
/// `orgs` (areas/ names places in messages). `at_least` is the level the
/// target may not be below besides the rule's min_level ("" = none; at
/// escalation the level the case goes up to): a target below the floor is
/// replaced by the place's organisation at that level (PlaceOrganisation).
/// Never fails: an unresolvable target gives org = nullptr with `problem`.
RoutingTarget ResolveTarget(const RoutingRule& rule, const Case& c, const RoutingPlace& place,
                            const std::string& at_least, const AreaRegistry& areas,
                            const OrgRegistry& orgs);

/// The active organisation at `level` (community, street or district) for
/// the case's place: its community committee, its street committee, or the
/// district centre; nullptr with `problem` set when there is none.
const Organisation* PlaceOrganisation(const Case& c, const std::string& level,
                                      const AreaRegistry& areas, const OrgRegistry& orgs,
                                      std::string* problem);

/// Rank of a level code, lowest first: grid 0, community 1, street 2,
/// district 3, city 4; -1 when unknown.
int LevelRank(const std::string& level);

}  // namespace mediate
