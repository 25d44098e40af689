// The store's git repository, through libgit2: init, one commit of chosen
// paths, status, and the log of a path with each version's content.
//
// Facts honoured here (docs/robustness.md): commits are built through an in-memory
// index made from HEAD's tree (the worktree index is then synced to it);
// an existing `.git/index.lock` is detected *before* HEAD moves; a HEAD
// moved by another process fails safely (kBusy); libgit2 runs no hooks.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "signature.hpp"
#include "status.hpp"

namespace mediate {

/// One commit touching a path, newest first in GitRepo::Log.
struct CommitInfo {
  std::string id;          ///< full hex object id
  std::string short_id;    ///< 7 hex digits
  std::int64_t time = 0;   ///< author time, seconds since the epoch
  int offset_minutes = 0;  ///< author's UTC offset
  Signature author;
  std::string message;  ///< full message
  std::string summary;  ///< first line
};

/// One change to stage: write `content` at `path`, or delete it when
/// `content` is nullopt. Paths are relative to the work tree, '/'-separated.
struct PathChange {
  std::string path;
  std::optional<std::string> content;
};

class GitRepo {
 public:
  ~GitRepo();
  GitRepo(GitRepo&&) noexcept;
  GitRepo& operator=(GitRepo&&) noexcept;

  /// Creates a new repository with an empty history at `workdir` (branch
  /// "main"; the directory is created when missing). kIo when it fails or
  /// `workdir` already holds a repository.
  static Result<GitRepo> Init(const std::string& workdir);
  /// Opens the repository whose work tree is `workdir` (no search upwards).
  /// kNotFound when none.
  static Result<GitRepo> Open(const std::string& workdir);

  const std::string& workdir() const { return workdir_; }
  /// The git directory, normally "<workdir>/.git" (no trailing slash).
  std::string git_dir() const;

  /// The current HEAD commit id, or "" for an unborn branch.
  Result<std::string> HeadId() const;

  /// A value from git config (e.g. "user.name"), or nullopt.
  std::optional<std::string> ConfigString(const std::string& key) const;

  /// A value from the repository's own config only (.git/config and the
  /// files it includes; not the global or system config), or nullopt.
  std::optional<std::string> LocalConfigString(const std::string& key) const;

  /// Sets `key` in the repository's own config (.git/config). kIo on failure.
  Status SetLocalConfigString(const std::string& key, const std::string& value);

  /// Fails (kBusy) when `.git/index.lock` exists: another git process is
  /// working and a commit now would fail after HEAD moved.
  Status CheckNoIndexLock() const;

  /// The git operation left unfinished in the work tree, by git's name for
  /// it: "merge", "rebase", "cherry-pick", "revert", "bisect", "am" or
  /// "am or rebase" (libgit2's git_repository_state: MERGE_HEAD,
  /// rebase-merge/, CHERRY_PICK_HEAD, … in the git directory); "" when none.
  std::string UnfinishedOperation() const;

  /// Commits the files at `paths` exactly as they are in the work tree
  /// (deleted files are removed from the tree) on top of `expected_head`
  /// (the id HeadId() gave before the files were written; "" for the first
  /// commit). Only those paths change in the new tree. Fails kBusy when
  /// HEAD is no longer `expected_head` or the index is locked; kIo on other
  /// git errors. Returns the new commit id.
  ///
  /// The new tree is HEAD's tree updated at just those paths
  /// (git_tree_create_updated: cost follows the paths, not the store's
  /// size); the new objects are written to memory, then as one pack with
  /// its index under objects/pack, fsynced with that directory, before the
  /// branch HEAD names moves by compare-and-swap on its old id; the ref is
  /// fsynced after it moves; then
  /// the real index gets those paths' entries (with stat data) so that
  /// `git status` is clean. The author is also the committer, at the current
  /// time and local UTC offset. A message is cleaned up like git's (trailing
  /// newline). An author without name or email is kUsage. If the index
  /// update fails after the ref moved, the result is kIo with a message
  /// that says the commit was made.
  ///
  /// With `merge_parent` (a full hex commit id already in the object store,
  /// e.g. fetched), the commit is a merge: HEAD first, `merge_parent`
  /// second (kIo when it cannot be read).
  Result<std::string> CommitPaths(const std::vector<std::string>& paths,
                                  const std::string& expected_head, const Signature& author,
                                  const std::string& message, const std::string& merge_parent = "");

  /// A fast-forward: moves the branch HEAD names from `expected_head` to
  /// `target` (full hex ids; `target` a descendant whose tree is HEAD's with
  /// `paths` as the work tree now holds them) by compare-and-swap, fsyncs
  /// the ref, then brings the index entries of `paths` to the new HEAD
  /// (SyncIndex). kBusy when HEAD moved or the index is locked; kRejected
  /// for a detached HEAD; kIo on other git errors.
  Status FastForward(const std::vector<std::string>& paths, const std::string& expected_head,
                     const std::string& target);

  /// Paths (relative) whose work-tree content differs from HEAD, plus
  /// untracked files not ignored, like `git status --porcelain`.
  Result<std::vector<std::string>> DirtyPaths() const;

  /// Commits that changed `path`, newest first (follows no renames): walks
  /// from HEAD in time order and keeps a commit when the entry at `path`
  /// differs from its first parent's (or the commit has no parent and the
  /// path exists). An empty `path` lists every commit reachable from HEAD.
  /// Empty for an unborn HEAD.
  Result<std::vector<CommitInfo>> Log(const std::string& path) const;

  /// The content of `path` in commit `commit_id` (any revision git
  /// understands: full or short id, "HEAD~2"), or nullopt when absent
  /// there. kNotFound for an unknown commit, kIo when `path` is a directory.
  Result<std::optional<std::string>> ReadAt(const std::string& commit_id,
                                            const std::string& path) const;

  /// The paths commit `commit_id` (any revision git understands) changed
  /// against its first parent — every path of a root commit — sorted.
  /// kNotFound for an unknown commit; kIo on git errors.
  Result<std::vector<std::string>> ChangedPaths(const std::string& commit_id) const;

  /// The content of `path` in HEAD, or nullopt when absent.
  Result<std::optional<std::string>> ReadHead(const std::string& path) const;

  /// Of `paths`, those whose work-tree content differs from HEAD's (a file
  /// present on one side only counts as different; both absent is equal).
  /// Hashes just those files (git_odb_hash, no filters): cheap in any store.
  Result<std::vector<std::string>> ChangedFromHead(const std::vector<std::string>& paths) const;

  /// Sets the index entries of `paths` to HEAD's version (removing those
  /// absent from HEAD), with the work tree's stat data where the file matches,
  /// so `git status` agrees. Used when recovering from a crash between the
  /// commit and the index update. kBusy when `.git/index.lock` exists.
  Status SyncIndex(const std::vector<std::string>& paths);

 private:
  GitRepo() = default;
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::string workdir_;
};

}  // namespace mediate
