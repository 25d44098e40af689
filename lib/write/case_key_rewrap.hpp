// `mediate key rewrap`: wraps every case key anew with the current epoch's
// key (docs/personal-data.md, "Revoking a key"). After `key revoke`, data
// written before stays open to the revoked key, as its epochs were sealed
// to it; once the keys are rewrapped, every clone has synced and git's
// garbage collection has run, no copy of the store that a revoked key
// opens is left but those made before (a clone the revoked desk kept, a
// backup). Rule: PIPL Art. 51.
#pragma once

#include <cstddef>
#include <map>

#include "signature.hpp"
#include "status.hpp"
#include "store_write.hpp"

namespace mediate {

/// What a rewrap did.
struct RewrapOutcome {
  int epoch = 0;                        ///< the current epoch, that now wraps them
  std::size_t rewrapped = 0;            ///< keys wrapped anew
  std::size_t current = 0;              ///< keys already of the current epoch
  std::size_t erased = 0;               ///< tombstones, left as they are
  std::map<int, std::size_t> unopened;  ///< epoch → keys this office cannot unwrap, left
};

/// Rewraps every live key of this clone's case keys (refs/mediate/keys)
/// that an older epoch wraps, under the lock `w` holds, as `op`: one new
/// commit of the ref. Keys of an epoch this office does not hold are left
/// and counted (an office that holds it runs rewrap). kRejected when this
/// office's key was revoked (it opens no current epoch); errors of
/// Store::Keys and of reading and writing the keys.
Result<RewrapOutcome> RewrapCaseKeys(StoreWrite& w, const Signature& op);

}  // namespace mediate
