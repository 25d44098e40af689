// Where the record of reserved numbers (number_blocks.hpp) lives in git:
// the file `numbers.yaml` of the district server's branch `mediate/numbers`,
// which a fetch brings to `refs/remotes/<remote>/mediate/numbers`. That
// branch is apart from the store's own history: it holds no records, the
// merge driver never sees it, and a desk changes it only by a push that the
// server takes as a compare-and-swap (number_reserve.hpp). This file reads
// it, writes a new commit of it, and keeps the desk's own name and copy.
#pragma once

#include <string>

#include "number_blocks.hpp"
#include "signature.hpp"
#include "status.hpp"

namespace mediate {

/// The server's branch holding the record: "mediate/numbers".
inline constexpr char kNumbersBranch[] = "mediate/numbers";
/// The record's file in that branch.
inline constexpr char kNumbersFile[] = "numbers.yaml";

/// "refs/remotes/<remote>/mediate/numbers": where a fetch of `remote`
/// leaves the server's record.
std::string NumbersTrackingRef(const std::string& remote);

/// This desk's own copy of the record: the last one it read whole from the
/// server or pushed there. Numbers are handed out from it, so a record
/// broken on the server (edited by hand) stops reservations, not the desk.
inline constexpr char kNumbersLocalRef[] = "refs/mediate/numbers";

/// The record at a commit, and that commit.
struct NumberRecordAt {
  NumberBlocks record;  ///< empty when the ref does not exist yet
  std::string commit;   ///< full hex id; "" when the ref does not exist yet
};

/// Reads the record from the commit `ref` names in the repository of
/// `workdir`. An absent ref is an empty record. kRejected when the
/// record does not read (ParseNumberBlocks); kIo on git errors.
Result<NumberRecordAt> ReadNumberBlocks(const std::string& workdir, const std::string& ref);

/// Writes a commit whose tree holds just `text` as numbers.yaml, with
/// `parent` (full hex, "" for none) as its parent and `author` as author
/// and committer, and points the local ref `ref` at it (created or moved;
/// fsynced). Returns the commit's id. kUsage for an author without name
/// or email; kIo on git errors.
Result<std::string> CommitNumberBlocks(const std::string& workdir, const std::string& ref,
                                       const std::string& parent, const std::string& text,
                                       const Signature& author, const std::string& message);

/// Points the ref `ref` at the commit `commit` (full hex), creating it;
/// kIo on git errors. Used to move the remote-tracking ref after a push,
/// as git does.
Status PointRef(const std::string& workdir, const std::string& ref, const std::string& commit);

/// This clone's desk name (`git config mediate.desk`, e.g. "d-3f9a2c71b0e4"),
/// "" when it has none yet.
std::string DeskName(const std::string& workdir);

/// This clone's desk name, first giving it one when it has none: "d-" and
/// twelve random hex digits, set in the clone's own .git/config. Every
/// clone is a desk of its own; a copy of a clone's folder would share the
/// name, so desks are made with `mediate clone` (docs/offices.md). kIo when
/// the config cannot be written.
Result<std::string> EnsureDeskName(const std::string& workdir);

}  // namespace mediate
