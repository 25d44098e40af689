// `mediate route` as one library write: every received case a filter
// selects is routed by rules/routing.yaml (routing.hpp) and all routed cases
// are written in one commit through the write path (store_write.hpp).
#pragma once

#include <string>
#include <vector>

#include "case.hpp"
#include "query.hpp"
#include "routing.hpp"
#include "signature.hpp"
#include "status.hpp"
#include "store_write.hpp"
#include "time.hpp"

namespace mediate {

/// One case the rules route, with the decision.
struct RoutedCase {
  Case record;  ///< the case before routing (a dry run) or after it
  RoutingDecision decision;
};

/// One selected case no rule could route: it stays received.
struct UnroutedCase {
  std::string id;
  std::string problem;  ///< why ("no rule matched", "no committee for …")
};

/// What routing a batch did.
struct RouteOutcome {
  std::vector<RoutedCase> routed;      ///< by case id
  std::vector<UnroutedCase> unrouted;  ///< by case id
  /// Ids of routed cases whose rule asks for a mediator on routing
  /// (assign: auto), for AutoAssign after the commit.
  std::vector<std::string> auto_assign;
  std::string commit;  ///< "" for a dry run or when nothing was routed
};

/// Up to this many cases, a batch commit names each in a Mediate-Case trailer.
inline constexpr std::size_t kMaxCaseTrailers = 20;

/// The commit message of a routing batch: "route: 3 cases" with trailers
/// Mediate-Action: route and, for up to kMaxCaseTrailers cases, one
/// Mediate-Case each.
std::string RouteCommitMessage(const std::vector<std::string>& ids);

/// Routes every case of `w`'s store whose status is "received" and that
/// `filter` selects (on `today`): loads the policy (rules/routing.yaml,
/// store setting), decides each case (Route), and unless `w` is a dry run
/// appends the `routed` event by `op` at `now` (ApplyRouting) and writes
/// every routed case in one commit (RouteCommitMessage). No commit when
/// nothing was routed. `on` (a local date; invalid: none) records a late
/// entry: every routed event is dated `on`. Errors: kUsage for `on` after
/// `today`; kNotFound/kRejected for the policy; kRejected when a case file
/// cannot be read (nothing routed), when `on` is before a selected case's
/// date received (every such case named with both dates; step_dates.hpp
/// CheckStepDate, Law Art. 27) or when a routed case would not pass
/// validation (every such file listed, nothing written); kBusy/kIo from
/// the write.
Result<RouteOutcome> RouteCases(StoreWrite& w, const Filter& filter, const Signature& op,
                                Timestamp now, Date today, Date on = Date());

}  // namespace mediate
