// Evaluating routing conditions (routing_conditions.hpp) against one case:
// whether a rule's `when` holds, and the `because` text that explains it
// ("risk is orange; the rule wants red"). Pure functions; no I/O.
//
// Rule source: store setting (the conditions are the district's routing
// policy, rules/routing.yaml; docs/routing.md).
#pragma once

#include <string>
#include <vector>

#include "case.hpp"
#include "routing_conditions.hpp"
#include "routing_targets.hpp"

namespace mediate {

/// Whether conditions hold for a case, and why.
struct ConditionCheck {
  bool holds = false;
  /// Does not hold: the first condition that fails, as the case's fact and
  /// what the rule wants ("risk is orange; the rule wants red"). Holds: the
  /// facts that made every condition hold, joined with "; " ("category is
  /// labour"), or "no conditions: every case matches". Amounts are grouped
  /// yuan with two decimals ("3,500.50 yuan").
  std::string because;
};

/// Evaluates the conjunction `conds` for case `c` at `place` (its place
/// completed from areas/, CompletePlace) and `level` (the level the case is
/// at, or goes up to at escalation; "" at first routing). Conditions are
/// tried in order; the first failing one is the reason. An empty list
/// holds. Never fails.
ConditionCheck EvaluateConditions(const std::vector<RoutingCondition>& conds, const Case& c,
                                  const RoutingPlace& place, const std::string& level);

}  // namespace mediate
