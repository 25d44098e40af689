// `mediate encrypt`: the one-time conversion of a plain store into an
// encrypted one (docs/personal-data.md): every case file's personal values
// sealed, and the import fingerprints made keyed, in one commit through the
// write path (store_write.hpp). Older commits keep the plain values.
#pragma once

#include <string>
#include <vector>

#include "signature.hpp"
#include "status.hpp"
#include "store_write.hpp"

namespace mediate {

/// What the conversion did (or, for a dry run, would do).
struct EncryptOutcome {
  std::vector<std::string> sealed;      ///< ids of the cases whose values were sealed
  std::vector<std::string> conflicted;  ///< ids skipped: they hold a recorded conflict
  std::string commit;                   ///< "" for a dry run or when there was nothing to do
};

/// The commit message: "encrypt: 3 cases" with the trailer Mediate-Action:
/// encrypt and, for up to kMaxCaseTrailers cases, one Mediate-Case each.
std::string EncryptCommitMessage(const std::vector<std::string>& ids);

/// Seals the personal values of every case of `w`'s store that holds one in
/// plain, and gives each imported case its keyed fingerprint
/// (KeyedImportFingerprint), in one commit by `op`; no commit when nothing
/// is plain (an empty store: exit 0). A case holding a recorded conflict is
/// skipped and named. Errors, nothing written: kRejected when the store has
/// no keys yet (`mediate key init` first) or the desk's key cannot be had;
/// kRejected naming every case file that cannot be read, or an id two files
/// hold; kBusy/kIo from the write. PIPL Art. 51 (encryption).
Result<EncryptOutcome> EncryptStore(StoreWrite& w, const Signature& op);

}  // namespace mediate
