// `mediate sync`: a desk's clone exchanges its work with the district's
// git server (docs/offices.md, "Syncing").
//
// One round: take the store's write lock (and recover a crashed write);
// refuse an unfinished git operation or uncommitted changes (naming the
// files); fetch; merge the fetched branch into HEAD in memory with the
// store's merge driver (git_merge.hpp: cases as timelines, registry records
// by key, conflicts recorded inside the records); check every record the
// merge changes against the store as it will be (an overlay of the merged
// files: schema, references, timelines); exchange the case keys
// (case_key_sync.hpp); then write the result through the
// write transaction — one merge commit with `Mediate-Action: sync`, or a
// fast-forward — and push. A case this desk registered under an id that
// another desk of its office gave first on the server (both added the file)
// is renumbered first, as `mediate renumber` does, in a commit of its own:
// the next number of the office and year free here and there. A push refused because another desk
// pushed meanwhile starts the next round, up to SyncOptions::max_rounds.
//
// Nothing half-done: the work tree, the index and the branch change only
// in the write transaction (its journal rolls a crash back, or forward once
// the branch moved); a crash before it leaves them as they were (the fetch
// may have moved remote-tracking refs); a crash after it leaves the merged
// state, which the next sync pushes.
#pragma once

#include <string>
#include <vector>

#include "git_remote.hpp"
#include "number_blocks.hpp"
#include "signature.hpp"
#include "status.hpp"
#include "time.hpp"
#include "write_options.hpp"

namespace mediate {

/// What a sync is given.
struct SyncOptions {
  RemoteAccess access;  ///< credentials (git_remote.hpp)
  ProgressFn progress;  ///< transfer progress; may be empty
  int max_rounds = 5;   ///< fetch-merge-push rounds before giving up (kBusy)
  WriteOptions write;   ///< the lock wait and holder
  Signature author;     ///< the operator: the merge commit's author
  Timestamp now;        ///< stamped on conflicts the merge records
  Date today;           ///< the store's today, for the checks of merged records
};

/// What a sync did.
struct SyncOutcome {
  SyncTarget target;             ///< the remote and branches
  int rounds = 0;                ///< rounds run (1 unless a push was refused)
  int merges = 0;                ///< merge commits made
  int fast_forwards = 0;         ///< fast-forwards made
  std::size_t changed = 0;       ///< files changed here by the sync (all rounds)
  std::size_t merged_files = 0;  ///< files both sides had changed, merged by the driver
  /// Files in which this sync recorded conflicts (`mediate conflicts`).
  std::vector<std::string> conflicted;
  /// Cases registered here whose id another desk of the office gave first
  /// on the server, renumbered before the merge: (old id, new id).
  std::vector<std::pair<std::string, std::string>> renumbered;
  /// Blocks of numbers reserved for this desk after the push
  /// (number_reserve.hpp); none when it had enough.
  std::vector<NumberBlock> reserved;
  /// Case keys and erasures taken from the server (case_key_sync.hpp).
  std::size_t case_keys_taken = 0;
  std::string desk;        ///< this clone's desk name ("" when it has no office)
  bool pushed = false;     ///< the server's branch now has this clone's commits
  bool recovered = false;  ///< a crashed write was rolled back first
  std::string head;        ///< HEAD at the end
};

/// Syncs the store whose work tree is `root` with its remote. An https
/// token or user not given is read from git config (`mediate.token`,
/// `mediate.user`). Errors
/// (nothing here changed unless said): kRejected for uncommitted changes
/// (the files named), no remote, a detached HEAD, files the merge cannot
/// merge (named with the reason), or merged records with errors (their
/// diagnostics); kBusy when the lock is held, git is busy or a git
/// operation is unfinished, or when the push was refused max_rounds times
/// (this clone then holds the merged state; run sync again); kIo when the
/// fetch or push fails (the URL and libgit2's reason) — after a merge was
/// committed here, the message says so.
Result<SyncOutcome> SyncStore(const std::string& root, const SyncOptions& options);

}  // namespace mediate
