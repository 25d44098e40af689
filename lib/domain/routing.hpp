// Routing (分流): the district's policy in rules/routing.yaml — ordered
// rules, first match wins — applied to a case, with an explanation of
// every rule tried. Pure functions; no I/O.
//
// Rule source: the routing policy is a store setting (local practice). The
// national texts fix only the escalation path between levels (MoJ 2002
// Several Provisions on People's Mediation Work Art. 21: difficult or
// cross-area disputes go to the township/street committee); which
// organisation receives which dispute first is each district's decision
// ("unified intake, central sorting, routed handling", DOMAIN §1), so it is
// kept in the store, never in code.
//
// The file (rules/routing.yaml; schema in schemas/routing.schema.yaml;
// the full language in docs/routing.md):
//
//   schema: "routing/1"
//   note: "…"                                  # optional, for people
//   rules:
//     - name: "red-to-centre"                  # required, unique
//       note: "红色风险：区非诉讼纠纷调解中心统一处置"   # optional, for people
//       when: {risk: ["red"]}                  # optional; all conditions must hold
//       to: {district_centre: true}            # required
//       assign: {grade: 2, auto: true}         # optional: mediator grade 2 or higher,
//                                              # assigned on routing
//     - name: "mass"
//       when: {people_involved: {min: 10}}
//       to: {committee: "community"}
//       min_level: "street"                    # optional: go straight to at least this level
//       deadline_days: 15                      # optional: conclude within 15 days
//     - name: "default-community"
//       to: {committee: "community"}
//
// Conditions (`when`, every one must hold; a rule without `when` matches
// every case):
//   category: [codes]   the case's category is one of them (DOMAIN §3 codes)
//   source:   [codes]   the case's source is one of them
//   referral: [codes] | any
//                       the case was referred (source group "referral") by
//                       one of these kinds (court_delegated, police, …)
//   risk:     [codes]   the case's risk colour is one of them (a case with
//                       no risk recorded matches none)
//                       (a single code may be written without the list)
//   amount: {min: "5000", max: "100000"}
//                       yuan, at most two decimals, held exactly in fen;
//                       both ends inclusive, either may be left out; a case
//                       with no amount matches no amount condition
//   people_involved: {min: 10, max: 100}
//                       people involved (mass disputes), both ends inclusive
//   parties: all_organisations | any_organisation
//                       every party / at least one party is an organisation
//                       (party kind "organisation")
//   street / community / grid: [codes]
//                       the case's place (completed from areas/: a grid
//                       gives its community and street)
//   level: [codes]      the level the case is at: at escalation the level it
//                       goes up to; at first routing it has none
//   keywords: [words]   the summary contains at least one of them
//   any: [{…}, {…}]     at least one of these condition maps holds
//   all: [{…}, {…}]     every one of them holds
//   not: {…}            the conditions of this map do not all hold
// Targets (`to`, exactly one of):
//   org: "<org id>"     a named organisation of orgs/ (active; not a court,
//                       police station or petition office)
//   committee: community | street
//                       the community (or street) committee of the case's
//                       own place: the active organisation of kind
//                       community_committee whose community is the case's
//                       place.community (street_committee / place.street)
//   district_centre: true
//                       the district's active district_centre
//   specialist: true    an active mediating organisation whose specialties
//                       include the case's category, nearest to the case's
//                       place first (same community, same street, district-
//                       wide, city), ties by id
// Rule options: min_level (community | street | district: a target below it
// is replaced by the place's organisation at that level), deadline_days
// (the conclude-by limit in days from acceptance, instead of the store's
// time limit), assign {grade: 1–4 (grade number ≤ grade, "grade N or
// higher"), auto: true (assign a mediator on routing)}.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "area.hpp"
#include "case.hpp"
#include "organisation.hpp"
#include "status.hpp"
#include "vocab.hpp"

namespace mediate {

struct Settings;

/// The schema tag rules/routing.yaml carries.
inline constexpr const char* kRoutingSchema = "routing/1";

/// A loaded, checked routing policy: the rules in file order. Immutable
/// after loading; safe to share between threads. Rule source: store
/// setting (local practice).
class RoutingPolicy {
 public:
  RoutingPolicy();
  ~RoutingPolicy();
  RoutingPolicy(RoutingPolicy&&) noexcept;
  RoutingPolicy& operator=(RoutingPolicy&&) noexcept;

  /// Names of the rules in order.
  std::vector<std::string> RuleNames() const;
  /// Number of rules (at least one in a loaded policy).
  std::size_t size() const;

  struct Impl;
  std::unique_ptr<Impl> impl;
};

/// Parses and checks rules/routing.yaml `text` with the strict YAML loader
/// (ParseYaml: duplicate keys, anchors, tabs… rejected). `file` is used in
/// error locations; `vocab` gives the known category/source/risk codes;
/// `orgs` the organisations a rule may name.
///
/// Gives the policy, or kRejected with one Diagnostic per problem, each at
/// the offending value's file:line:column, for: a YAML error; a missing or
/// wrong `schema`; an unknown field at the top, in a rule, in `when`, in
/// `amount` or in `to`; no rules (missing or empty `rules`); a rule with no
/// name; two rules with the same name ("first at line N"); an unknown
/// category/source/risk code (a Chinese label is answered with its code);
/// an empty code list; a malformed amount or min above max; an unknown
/// `parties` value; a `to` with neither or both of org/committee; an
/// unknown, retired or non-mediating organisation; an unknown committee
/// level; a rule that can never be reached because an earlier rule always
/// matches (no conditions, or conditions that hold for every case); an
/// unknown street/community/grid code (when `areas` is given); a bad
/// min_level, deadline_days or assign. When the reader finds nothing wrong
/// the file is also checked against schemas/routing.schema.yaml.
Result<RoutingPolicy> LoadRoutingRules(const std::string& text, const std::string& file,
                                       const Vocabulary& vocab, const OrgRegistry& orgs,
                                       const AreaRegistry* areas = nullptr);

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

/// The active organisation at `level` (community, street or district) for
/// the case's place: its community committee, its street committee, or the
/// district centre; nullptr with `problem` set when there is none.
const Organisation* PlaceOrganisation(const Case& c, const std::string& level,
                                      const AreaRegistry& areas, const OrgRegistry& orgs,
                                      std::string* problem);

/// Rank of a level code, lowest first: grid 0, community 1, street 2,
/// district 3, city 4; -1 when unknown.
int LevelRank(const std::string& level);

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
Status ApplyRouting(const RoutingDecision& d, Timestamp at, const std::string& by,
                    const Settings& settings, Case* c);

/// Yuan with thousands grouping and two decimals: 350050 → "3,500.50"
/// (the form used in `because` texts; Money::GroupedYuan, money.hpp).
std::string FormatYuanGrouped(std::int64_t fen);

}  // namespace mediate
