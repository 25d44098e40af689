// Writing a batch of new git objects durably as one pack: the commit path
// (GitRepo::CommitPaths) packs each write's blobs, trees and commit here.
// Internal to the store layer.
#pragma once

#include <git2.h>

#include <string>
#include <vector>

#include "status.hpp"

namespace mediate::git_internal {

/// Writes the objects `ids` (readable through `repo`) as one pack with its
/// index under `<git_dir>/objects/pack`, then fsyncs the pack, the index
/// and the pack directory: the batch's objects are durable with three
/// fsyncs whatever their number. (Not git_mempack_dump: it packs each
/// commit's whole tree, the whole store.) kIo on failure (the indexer never
/// renames a partial pack into place).
Status WriteBatchPack(git_repository* repo, const std::vector<git_oid>& ids,
                      const std::string& git_dir);

}  // namespace mediate::git_internal
