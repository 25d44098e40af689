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
// The file (rules/routing.yaml):
//
//   schema: "routing/1"
//   note: "…"                                  # optional, for people
//   rules:
//     - name: "red-to-centre"                  # required, unique
//       note: "红色风险：区非诉讼纠纷调解中心统一处置"   # optional, for people
//       when: {risk: ["red"]}                  # optional; all conditions must hold
//       to: {org: "WBL-CENTRE"}                # required
//     - name: "commerce"
//       when: {category: ["contract", "business"], parties: "all_organisations"}
//       to: {org: "WBL-CHAMBER"}
//     - name: "default-community"
//       to: {committee: "community"}
//
// Conditions (`when`, every one must hold; a rule without `when` matches
// every case):
//   category: [codes]   the case's category is one of them (DOMAIN §3 codes)
//   source:   [codes]   the case's source is one of them
//   risk:     [codes]   the case's risk colour is one of them (a case with
//                       no risk recorded matches none)
//                       (a single code may be written without the list)
//   amount: {min: "5000", max: "100000"}
//                       yuan, at most two decimals, held exactly in fen;
//                       both ends inclusive, either may be left out; a case
//                       with no amount matches no amount condition
//   parties: all_organisations | any_organisation
//                       every party / at least one party is an organisation
//                       (party kind "organisation")
// Targets (`to`, exactly one of):
//   org: "<org id>"     a named organisation of orgs/ (active; not a court,
//                       police station or petition office)
//   committee: community | street
//                       the community (or street) committee of the case's
//                       own place: the active organisation of kind
//                       community_committee whose community is the case's
//                       place.community (street_committee / place.street)
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
/// level; a rule that can never be reached because an earlier rule has no
/// conditions.
Result<RoutingPolicy> LoadRoutingRules(const std::string& text, const std::string& file,
                                       const Vocabulary& vocab, const OrgRegistry& orgs);

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
  bool routed = false;           ///< false when no rule matched or the target could not be resolved
  std::string rule;              ///< name of the rule that matched ("" when none)
  std::string org;               ///< target organisation id (when routed)
  std::string org_name;          ///< its name ("万柏林区劳动争议人民调解委员会")
  std::string level;             ///< that organisation's level (community, street, district, city)
  std::string problem;           ///< why not routed (no rule matched / no committee for the place)
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

/// Records a routing decision on case `c`: appends the `routed` event
/// {at, type: "routed", by, org, level, rule} (payload keys in that order)
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
/// (the form used in `because` texts).
std::string FormatYuanGrouped(std::int64_t fen);

}  // namespace mediate
