// Merging the fetched branch into HEAD in memory, for `mediate sync`:
// libgit2's merge of the two commits (no rename detection: a record's file
// name is its id), with the store's merge driver registered in-process
// under the name `.gitattributes` gives the record files ("mediate"). The
// driver's decision is the caller's (a FileMergeFn: the domain's
// MergeStoreFile), so this layer knows git, not records. Nothing in the
// work tree, the index or the refs changes here: the result is a list of
// path changes for the write transaction (write_transaction.hpp).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "git_repo.hpp"
#include "status.hpp"

namespace mediate {

/// How HEAD and the fetched commit relate.
enum class MergeKind {
  kUpToDate,     ///< the same commit, or theirs is already in HEAD's history
  kFastForward,  ///< HEAD is in theirs' history: take theirs as it is
  kMerge,        ///< both moved on: a merge commit with both as parents
};

/// One file the driver could not merge (it keeps the conflict; the merge
/// is refused as a whole), or a path git itself could not merge.
struct UnmergedPath {
  std::string path;
  std::string reason;  ///< the driver's error, or "both sides changed it as text"
};

/// What merging `theirs` into HEAD gives.
struct TreeMerge {
  MergeKind kind = MergeKind::kUpToDate;
  /// The result's differences from HEAD's tree: each path's new content,
  /// or nullopt when the result removes it. Empty for kUpToDate.
  std::vector<PathChange> changes;
  std::vector<UnmergedPath> unmerged;  ///< non-empty: no merge result
  /// With unmerged paths: the merge base ("" when none) and the paths
  /// theirs changed since it (so a caller can tell what the server holds).
  std::string base;
  std::vector<std::string> theirs_changed;
};

/// The store's merge of one file changed on both sides: `path`
/// (relative), the common ancestor's content ("" when added on both
/// sides), ours and theirs; gives the merged content, or an error that
/// leaves the file unmerged. Called only for the paths `.gitattributes`
/// gives to the driver "mediate".
using FileMergeFn =
    std::function<Result<std::string>(const std::string& path, const std::string& base,
                                      const std::string& ours, const std::string& theirs)>;

/// Merges commit `theirs` (full hex id, in the object store) into `head`
/// (HEAD's id) in the repository at `workdir`, calling `merge_file` for
/// the files changed on both sides that the driver "mediate" owns; other
/// files changed on both sides are merged by git's text merge. New blobs
/// and trees go to the object store (unreferenced until a commit uses
/// them). kIo on git errors; unmergeable files are listed in the result.
Result<TreeMerge> MergeIntoHead(const std::string& workdir, const std::string& head,
                                const std::string& theirs, const FileMergeFn& merge_file);

}  // namespace mediate
