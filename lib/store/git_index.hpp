// Work-tree files as git sees them and the update of the real index
// (.git/index) after a commit, so that `git status` agrees with HEAD.
// Internal to the store layer (git_repo.cpp).
#pragma once

#include <git2.h>

#include <string>
#include <vector>

#include "disk.hpp"
#include "status.hpp"

namespace mediate::git_internal {

/// kRejected "invalid path 'P'" for the first path that is not
/// IsStoreRelativePath() (disk.hpp); Ok otherwise.
Status CheckPaths(const std::vector<std::string>& paths);

/// The blob a work-tree path would become: its bytes, mode and stat data.
struct WorkFile {
  bool exists = false;  ///< false: no such file (deleted)
  std::string content;  ///< the file's bytes, or a symlink's target
  git_filemode_t mode = GIT_FILEMODE_BLOB;
  FileStat st;  ///< stat data of what was read
};

/// Reads `rel` under `workdir` (through CurrentDisk()) into `wf`, without
/// following a symlink. A missing file gives wf.exists false and Ok. kIo
/// for a directory, a special file or a read error.
Status LoadWorkFile(const std::string& workdir, const std::string& rel, WorkFile& wf);

/// Copies the stat data git keeps (times, device, inode, owner, size) from
/// `st` into the index entry `e`.
void FillIndexStat(git_index_entry& e, const FileStat& st);

/// One index update for SyncIndexEntries: set (with oid/mode, and stat data
/// when known to match) or remove.
struct IndexUpdate {
  std::string path;
  bool present = false;  ///< false: remove the path from the index
  git_oid id{};
  git_filemode_t mode = GIT_FILEMODE_BLOB;
  bool have_stat = false;  ///< `st` matches the blob `id`
  FileStat st;
};

/// True when `git_dir`/index.lock exists (another git process is writing).
bool IndexLockExists(const std::string& git_dir);

/// kBusy telling the user another git process holds .git/index.lock.
Status IndexLockBusy();

/// Brings the real index's entries for the paths of `updates` up to date
/// through git's own command line (`git update-index --add --remove
/// --stdin`: git hashes each file still in the work tree and records its
/// stat data, and drops the entries of files gone), retrying a locked index
/// for a while. git reads and writes a large index several times faster
/// than libgit2 1.5 (0.5 s against 2 s at a million entries). `updates`
/// must describe the work tree as it is (each present path's file holds
/// the blob `id`). kNotFound when git is not installed; kIo when it fails,
/// saying, when `committed` names the commit just made, that it stands.
Status SyncIndexWithGit(git_repository* repo, const std::vector<IndexUpdate>& updates,
                        const std::string& committed);

/// Writes `updates` into the repository's real index: through
/// SyncIndexWithGit, or with libgit2 when git is not installed, retrying a
/// locked index for a while. `committed`, when not empty, is the commit
/// just made: a failure then says the commit stands and how to make `git
/// status` agree (kIo).
Status SyncIndexEntries(git_repository* repo, const std::vector<IndexUpdate>& updates,
                        const std::string& committed);

}  // namespace mediate::git_internal
