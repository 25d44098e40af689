// Exchanging case keys with the district's server (case_key_ref.hpp;
// docs/personal-data.md, "Where the case keys live"). `sync` runs it after
// fetching the branch, under the store's write lock: a case fetched then
// was pushed by a desk that had pushed its key first, so its key is on the
// server by now. `clone` runs it to take the keys the clone needs.
#pragma once

#include <string>

#include "git_remote.hpp"
#include "signature.hpp"
#include "status.hpp"

namespace mediate {

/// What an exchange did.
struct CaseKeyExchange {
  std::size_t taken = 0;  ///< keys and tombstones taken from the server
  bool pushed = false;    ///< the server's keys were replaced by the union
};

/// Fetches the server's refs/mediate/keys, unites it with this clone's
/// (UniteCaseKeys: by key, an erasure winning) and, when the union holds
/// what the server lacks, replaces the server's with it (a forced push of
/// a ref that is no branch), then fetches again to check, up to
/// `max_rounds` times (another desk may replace it in between: a push the
/// server refuses because its keys changed since they were fetched starts
/// the next round). The clone at `root` must have a remote. `author`
/// commits the union. kIo when the server cannot be reached, or still
/// refuses the push after `max_rounds` (its reason); kBusy after
/// `max_rounds` otherwise; errors of UniteCaseKeys.
Result<CaseKeyExchange> ExchangeCaseKeys(const std::string& root, const SyncTarget& target,
                                         const RemoteAccess& access, const ProgressFn& progress,
                                         const Signature& author, int max_rounds = 5);

}  // namespace mediate
