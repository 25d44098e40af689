// The conditions of a routing rule (the `when` map of rules/routing.yaml):
// their typed form, how they are read from the file, and which of them
// hold for every case. The evaluation of conditions against a case is in
// routing_eval.hpp; the rules around them in routing_rules.hpp.
//
// Rule source: store setting (local practice; the language is described in
// docs/routing.md).
//
// Conditions (`when`, every one must hold; a rule without `when` matches
// every case):
//   category: [codes]   the case's category is one of them (vocab/ codes)
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
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <vector>

#include "area.hpp"
#include "record_reader.hpp"
#include "value.hpp"
#include "vocab.hpp"

namespace mediate {

/// What a routing condition looks at (one key of `when`).
enum class RoutingCondKind {
  kCategory,
  kSource,
  kRisk,
  kAmount,
  kParties,
  kReferral,
  kPeople,
  kStreet,
  kCommunity,
  kGrid,
  kLevel,
  kKeywords,
  kAny,
  kAll,
  kNot
};

/// One checked condition of a routing rule.
struct RoutingCondition {
  RoutingCondKind kind = RoutingCondKind::kCategory;
  /// category / source / risk / referral / place / level codes, or keywords.
  std::vector<std::string> codes;
  std::int64_t min_fen = -1;  ///< amount (fen) or people; -1 = open end
  std::int64_t max_fen = -1;  ///< amount (fen) or people; -1 = open end
  bool all_parties = false;   ///< parties: all_organisations (else any_organisation)
  bool any_referral = false;  ///< referral: any (codes then hold every referral kind)
  /// any / all: each item a conjunction; not: exactly one conjunction.
  std::vector<std::vector<RoutingCondition>> groups;
};

/// Reports, through `r`, every key of `map` not in `known` as an error at
/// that key's value ("unknown field \"x\" in <where>; known fields: …"): a
/// typo in a policy must not silently change what it does. `path` is the
/// map's path in the file ("rules[0].when").
void RejectUnknownFields(RecordReader& r, const Value& map, const std::string& path,
                         const char* where, std::initializer_list<const char*> known);

/// True when `s` is one of `names` (exact, case-sensitive): a rule file's
/// keys and organisation kinds are compared this way.
bool IsOneOf(const std::string& s, std::initializer_list<const char*> names);

/// Reads the condition map `when` at `path` ("rules[2].when") and appends
/// one RoutingCondition per valid key to `out`, in file order. `vocab`
/// gives the known category/source/risk/level codes; `areas`, when not
/// null, the street/community/grid codes. A null `when` adds nothing.
/// Every problem is reported through `r` at the offending value's
/// file:line:column (unknown key or code — a Chinese label is answered
/// with its code —, empty list, malformed amount or min above max, unknown
/// `parties` value, a source that is not a referral, an empty `not`), and
/// the condition is left out. `where` names the map in messages.
void ReadRoutingConditions(RecordReader& r, const Value& when, const std::string& path,
                           const Vocabulary& vocab, const AreaRegistry* areas,
                           std::vector<RoutingCondition>* out, const char* where = "when");

/// True when every condition of the conjunction `conds` holds for every
/// case whatever its facts (an empty list included): a rule after such a
/// rule is never reached (first match wins).
bool RoutingConditionsAlwaysHold(const std::vector<RoutingCondition>& conds);

}  // namespace mediate
