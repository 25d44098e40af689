// Routing (分流) a case: the district's policy (routing_rules.hpp) applied
// to one case — rules in order, first match wins — with an explanation of
// every rule tried (routing_eval.hpp) and the organisation its target
// resolves to (routing_targets.hpp); and recording the decision on the
// case as its `routed` event. Pure functions; no I/O.
//
// Rule source: the routing policy is a store setting (local practice);
// escalation re-routes one level up under MoJ 2002 Several Provisions on
// People's Mediation Work Art. 21; the rules language is in docs/routing.md.
#pragma once

#include <string>
#include <vector>

#include "area.hpp"
#include "case.hpp"
#include "organisation.hpp"
#include "routing_rules.hpp"
#include "status.hpp"

namespace mediate {

struct Settings;

/// Why one rule did or did not match.
struct RuleTrace {
  std::string rule;  ///< the rule's name
  bool matched = false;
  /// No match: the first condition that fails, as the case's fact and what
  /// the rule wants ("risk is orange; the rule wants red"). Match: the facts
  /// that made every condition hold, joined with "; " ("category is
  /// labour"), or "no conditions: every case matches".
  std::string because;
};

/// The outcome of routing one case.
struct RoutingDecision {
  bool routed = false;   ///< false when no rule matched or the target could not be resolved
  std::string rule;      ///< name of the rule that matched ("" when none)
  std::string org;       ///< target organisation id (when routed)
  std::string org_name;  ///< its name ("万柏林区劳动争议人民调解委员会")
  std::string level;     ///< that organisation's level (community, street, district, city)
  std::string problem;   ///< why not routed (no rule matched / no committee for the place)
  /// How the target was found beyond the rule's own words ("min_level
  /// street: C-… is below it", "specialist: nearest with labour"); "" when plain.
  std::string target_note;
  int deadline_days = 0;         ///< the rule's conclude-by limit in days; 0 = the store's
  int mediator_grade = 0;        ///< the rule's grade requirement (grade number ≤ this); 0 = none
  bool auto_assign = false;      ///< the rule asks for a mediator to be assigned on routing
  std::vector<RuleTrace> trace;  ///< every rule tried, in order, up to and including the match
  /// Rules after the matching one, which were not reached (first match
  /// wins); empty when no rule matched.
  std::vector<std::string> not_reached;
};

/// Applies `policy` to `c`: rules in order, the first whose conditions all
/// hold wins; its target is resolved to an organisation of `orgs` (a named
/// one, or the active community/street committee of the case's place; a
/// place given only by its grid or community is completed from `areas`).
/// Never fails: a case no rule matches, or whose committee does not exist,
/// gives routed = false with `problem` saying why. Rule source: store
/// setting (local practice).
RoutingDecision Route(const RoutingPolicy& policy, const Case& c, const AreaRegistry& areas,
                      const OrgRegistry& orgs);

/// How a routing is asked for: at first routing (defaults) or at
/// escalation, where `level` is the level the case goes up to — the `level`
/// condition sees it, and a target below it is replaced by the place's
/// organisation at that level (MoJ 2002 Provisions Art. 21: difficult
/// disputes go up, never down).
struct RouteOptions {
  std::string level;  ///< "" = the case's current level (first routing: none)
};

/// Route with options (escalation re-routes with the same rules).
RoutingDecision Route(const RoutingPolicy& policy, const Case& c, const AreaRegistry& areas,
                      const OrgRegistry& orgs, const RouteOptions& options);

/// Records a routing decision on case `c`: appends the `routed` event
/// {at, type: "routed", by, org, level, rule} (payload keys in that order;
/// then deadline_days and mediator_grade when the rule set them)
/// and sets `c->state` from a replay of the timeline (lifecycle.hpp), so
/// the stored state fields equal the replay. `by` is the operator ("Name
/// <email>"), `at` the time of routing.
///
/// kRejected, leaving `c` unchanged, when `d` is not routed (its problem is
/// the message) or when the state machine does not allow routing the case
/// now (it is no longer "received"; MoJ 2002 Provisions Art. 22 governs the
/// alternative, refusal). Re-routing an open case one level up is
/// escalation (Art. 21), a different event, not this one.
///
/// `on` (a local date; invalid: none) records a late entry: the payload
/// gets `date`, and a date before the step it follows (the date received)
/// is kRejected naming both dates (step_dates.hpp CheckStepDate).
Status ApplyRouting(const RoutingDecision& d, Timestamp at, const std::string& by,
                    const Settings& settings, Case* c, Date on = Date());

}  // namespace mediate
