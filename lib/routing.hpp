// Routing (分流): the district's policy in rules/routing.yaml — ordered
// rules, first match wins — applied to a case, with an explanation of
// every rule tried. Pure functions; no I/O.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "area.hpp"
#include "case.hpp"
#include "organisation.hpp"
#include "status.hpp"
#include "vocab.hpp"

namespace mediate {

/// A loaded, checked routing policy.
class RoutingPolicy {
 public:
  RoutingPolicy();
  ~RoutingPolicy();
  RoutingPolicy(RoutingPolicy&&) noexcept;
  RoutingPolicy& operator=(RoutingPolicy&&) noexcept;

  /// Names of the rules in order.
  std::vector<std::string> RuleNames() const;
  struct Impl;
  std::unique_ptr<Impl> impl;
};

/// Parses and checks rules/routing.yaml `text`. kRejected with the rule's
/// file:line:column for: an unknown field, an unknown category/source/risk
/// code, an unknown organisation, a malformed condition or target.
Result<RoutingPolicy> LoadRoutingRules(const std::string& text, const std::string& file,
                                       const Vocabulary& vocab, const OrgRegistry& orgs);

/// Why one rule did or did not match.
struct RuleTrace {
  std::string rule;     ///< the rule's name
  bool matched = false;
  std::string because;  ///< "risk is orange; the rule wants red" / "category is labour"
};

/// The outcome of routing one case.
struct RoutingDecision {
  bool routed = false;   ///< false when no rule matched or the target could not be resolved
  std::string rule;      ///< name of the rule that matched
  std::string org;       ///< target organisation id
  std::string level;     ///< that organisation's level
  std::string problem;   ///< why not routed (no rule matched / no committee for the place)
  std::vector<RuleTrace> trace;  ///< every rule tried, in order, up to and including the match
};

/// Applies `policy` to `c`: rules in order, the first whose conditions all
/// hold wins; its target is resolved to an organisation (a named one, or
/// the community/street committee of the case's place).
RoutingDecision Route(const RoutingPolicy& policy, const Case& c, const AreaRegistry& areas,
                      const OrgRegistry& orgs);

}  // namespace mediate
