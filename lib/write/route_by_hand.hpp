// `mediate route ID --to ORG`: routing (分流) by a person, for what the
// rules (rules/routing.yaml) cannot decide — a case no rule matches, a
// place without a committee, a dispute the centre assigns as it judges.
// One `routed` event {org, level, reason}: no `rule`, the operator in `by`;
// the state machine allows it where it allows rule routing (the case is
// "received"; Law Art. 17, the organisation accepting the case), one commit.
#pragma once

#include <string>

#include "signature.hpp"
#include "status.hpp"
#include "store_write.hpp"
#include "time.hpp"

namespace mediate {

/// What routing by hand did.
struct RouteByHandOutcome {
  std::string id;        ///< the case
  std::string org;       ///< the organisation's id
  std::string org_name;  ///< and name
  std::string level;     ///< its level
  std::string commit;    ///< "" for a dry run
};

/// Routes case `id` (upper or lower case) to organisation `org` (its id or
/// its exact name) as `op` at `now`, with `reason` (required) kept in the
/// event. Errors, nothing written: kUsage for a missing reason, an unknown
/// or retired organisation (naming what to give), kNotFound for no such
/// case, kRejected when the case is not "received" (CheckStep names the
/// steps allowed; escalation moves a routed case up), kBusy/kIo from the
/// write. `on` (a local date; invalid: none) records a late entry as the
/// event's `date`: kUsage when after today, kRejected when before the date
/// received (naming both; step_dates.hpp CheckStepDate, Law Art. 27).
Result<RouteByHandOutcome> RouteByHand(StoreWrite& w, const Signature& op, const std::string& id,
                                       const std::string& org, const std::string& reason,
                                       Timestamp now, Date on = Date());

}  // namespace mediate
