// `mediate resolve ID --take ours|theirs [--field F] [--reason R]`: settles
// one conflict a merge recorded in a case file (case_conflicts.hpp), in one
// commit:
//
//   resolve: <id> <field> (took theirs)\n\nMediate-Action: resolve\nMediate-Case: <id>\n
//
// The case gets a `resolved` event (field, took, reason, merged_at) and its
// state is re-derived. docs/offices.md.
#pragma once

#include <string>

#include "case.hpp"
#include "signature.hpp"
#include "status.hpp"
#include "store_write.hpp"
#include "time.hpp"

namespace mediate {

/// What to settle.
struct ResolveRequest {
  std::string id;
  std::string field;  ///< "" when the case holds exactly one conflict
  bool take_theirs = false;
  std::string reason;
};

/// What resolve did.
struct ResolveOutcome {
  std::string commit;    ///< "" for a dry run
  std::string field;     ///< the field settled
  std::size_t left = 0;  ///< conflicts the case still holds
};

/// Settles one conflict of case `request.id` (SettleConflict) at `now`.
/// Errors: kNotFound for an unknown case, those of SettleConflict (nothing
/// written), of the record checks (kRejected), and of StoreWrite::Commit.
Result<ResolveOutcome> ResolveConflict(StoreWrite& w, const Signature& op, Timestamp now,
                                       const ResolveRequest& request);

}  // namespace mediate
