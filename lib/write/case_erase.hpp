// `mediate erase ID --reason R [--basis B]`: erases a case's personal data
// by destroying its key (docs/personal-data.md, "Erasure"; PIPL Art. 47).
// The case file stays — its codes, dates and state, so statistics still
// count it — with its personal values sealed under a key no clone keeps
// once every clone has synced and git's garbage collection has run.
//
// One write: the case's key in refs/mediate/keys becomes a tombstone
// (written first), and the case gets an `erased` event (who, when, the
// reason, the basis) in one commit. The keyed hashes of names and numbers
// are taken out of the case file too, so a lookup no longer finds it.
#pragma once

#include <string>

#include "signature.hpp"
#include "status.hpp"
#include "store_write.hpp"
#include "time.hpp"

namespace mediate {

/// What to erase, and why.
struct EraseRequest {
  std::string id;      ///< the case, "XJY-2026-000007"
  std::string reason;  ///< why (required): "保管期限届满"
  std::string basis;   ///< the legal ground, needed for a case open or within its retention
  Timestamp now;       ///< when
};

/// What an erasure did.
struct EraseOutcome {
  std::string id;      ///< the case
  std::string path;    ///< its file
  std::string key;     ///< the name of the key destroyed
  std::string commit;  ///< the commit of the `erased` event
};

/// Erases case `request.id`'s personal data through `w` as `op`; the
/// office's key is unlocked first (Store::Keys): erasing is an office's act.
/// Reason and basis are taken without surrounding white space. Errors
/// (nothing written): kUsage without a reason, or a blank basis; kRejected
/// for a revoked office; errors of Store::Keys; kNotFound for no such case;
/// kRejected when CheckErasure refuses, when the store is not encrypted or
/// the case holds no sealed data (nothing to destroy: its values are
/// plain), or when its key is kept in its own file (sealed by an earlier
/// version, which history keeps); errors of the write.
Result<EraseOutcome> EraseCase(StoreWrite& w, const Signature& op, const EraseRequest& request);

}  // namespace mediate
