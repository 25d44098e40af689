// `mediate adopt`: hand edits already committed with git (a commit without
// mediate's `Mediate-Action:` trailer — `audit` calls it a foreign commit)
// taken on by the store: the files they changed are checked as validate
// checks them, every case file among them gets an `amended` event listing
// what the hand edits changed (who made them and in which commits, in the
// reason), and one commit names each adopted commit in a `Mediate-Adopts:
// <id>` trailer, after which `audit` no longer reports those commits — and
// only those. A case file added by hand without a file number gets it then
// (DerivedFileNumber, file_number.hpp: adoption is its acceptance).
#pragma once

#include <string>
#include <vector>

#include "signature.hpp"
#include "status.hpp"
#include "store_write.hpp"
#include "time.hpp"

namespace mediate {

/// One hand commit adopted.
struct AdoptedCommit {
  std::string id;       ///< full id
  std::string summary;  ///< first line of its message
  Signature author;
  std::vector<std::string> paths;  ///< what it changed
};

/// What adopting did.
struct AdoptOutcome {
  std::vector<AdoptedCommit> commits;  ///< oldest first
  std::vector<std::string> cases;      ///< case ids given an `amended` event
  std::string commit;                  ///< "" for a dry run
};

/// Adopts the hand commits reachable from HEAD that no commit adopts yet —
/// every one, or those `only` names (full or abbreviated ids) — as `op` at
/// `now`, with `reason` ("" → "hand edits adopted") in each event. Merges
/// are not adopted (`audit` judges them by the merge driver). Errors,
/// nothing written: kRejected when there is nothing to adopt, or when a
/// changed record has errors now (each listed: mend it with `mediate edit`
/// or git first); kUsage for an id in `only` that is no hand commit
/// waiting; kBusy/kIo from the write.
Result<AdoptOutcome> AdoptHandCommits(StoreWrite& w, const Signature& op,
                                      const std::vector<std::string>& only,
                                      const std::string& reason, Timestamp now);

}  // namespace mediate
