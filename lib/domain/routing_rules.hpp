// The routing policy (分流): the district's rules in rules/routing.yaml —
// ordered rules, first match wins — in typed form, and the reader that
// loads and checks them. Applying the rules to a case is routing.hpp.
//
// Rule source: the routing policy is a store setting (local practice). The
// national texts fix only the escalation path between levels (MoJ 2002
// Several Provisions on People's Mediation Work Art. 21: difficult or
// cross-area disputes go to the township/street committee); which
// organisation receives which dispute first is each district's decision
// ("unified intake, central sorting, routed handling"), so it is kept in
// the store, never in code.
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
// Conditions (`when`): routing_conditions.hpp.
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
#include <memory>
#include <string>
#include <vector>

#include "area.hpp"
#include "organisation.hpp"
#include "routing_conditions.hpp"
#include "status.hpp"
#include "vocab.hpp"

namespace mediate {

/// The schema tag rules/routing.yaml carries.
inline constexpr const char* kRoutingSchema = "routing/1";

/// Where a rule sends a case (the `to` map).
enum class RoutingTargetKind {
  kOrg,                 ///< a named organisation (RoutingRule::org)
  kCommunityCommittee,  ///< the community committee of the case's place
  kStreetCommittee,     ///< the street committee of the case's place
  kDistrictCentre,      ///< the district's active district_centre
  kSpecialist           ///< the nearest organisation specialised in the case's category
};

/// One checked rule of the policy.
struct RoutingRule {
  std::string name;                    ///< unique in the policy
  std::string note;                    ///< for people; "" when not given
  Location where;                      ///< the rule's map in the file
  std::vector<RoutingCondition> when;  ///< all must hold; empty = every case
  RoutingTargetKind target = RoutingTargetKind::kOrg;
  std::string org;           ///< the organisation id (target kOrg)
  std::string min_level;     ///< community, street, district or "" (none)
  int deadline_days = 0;     ///< conclude-by limit in days from acceptance; 0 = the store's
  int mediator_grade = 0;    ///< grade requirement (grade number ≤ this); 0 = none
  bool auto_assign = false;  ///< assign a mediator on routing
};

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
  /// The rules in file order (empty for a moved-from policy).
  const std::vector<RoutingRule>& rules() const;

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

/// True for the organisation kinds that refer or confirm cases but do not
/// mediate them (court, police, petition_office): a rule may not route to
/// them. People's Mediation Law Art. 18 (courts and police refer disputes
/// to mediation committees).
bool IsNonMediatingKind(const std::string& org_kind);

}  // namespace mediate
