// The store's git repository, through libgit2: init, one commit of chosen
// paths, status, and the log of a path with each version's content.
//
// DESIGN §5 facts honoured here: commits are built through an in-memory
// index made from HEAD's tree (the worktree index is then synced to it);
// an existing `.git/index.lock` is detected *before* HEAD moves; a HEAD
// moved by another process fails safely (kBusy); libgit2 runs no hooks.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "status.hpp"

namespace mediate {

/// A commit author/committer: "Name <email>" as people write it.
struct Signature {
  std::string name;
  std::string email;
  /// Parses "Name <email>"; a bare name gets `fallback_email`.
  static std::optional<Signature> Parse(const std::string& text,
                                        const std::string& fallback_email = "");
  std::string ToString() const;  ///< "Name <email>"
};

/// One commit touching a path, newest first in GitRepo::Log.
struct CommitInfo {
  std::string id;           ///< full hex object id
  std::string short_id;     ///< 7 hex digits
  std::int64_t time = 0;    ///< author time, seconds since the epoch
  int offset_minutes = 0;   ///< author's UTC offset
  Signature author;
  std::string message;      ///< full message
  std::string summary;      ///< first line
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
  /// "main"). kIo when it fails.
  static Result<GitRepo> Init(const std::string& workdir);
  /// Opens the repository whose work tree is `workdir`. kNotFound when none.
  static Result<GitRepo> Open(const std::string& workdir);

  const std::string& workdir() const { return workdir_; }
  /// "<workdir>/.git".
  std::string git_dir() const;

  /// The current HEAD commit id, or "" for an unborn branch.
  Result<std::string> HeadId() const;

  /// A value from git config (e.g. "user.name"), or nullopt.
  std::optional<std::string> ConfigString(const std::string& key) const;

  /// Fails (kBusy) when `.git/index.lock` exists: another git process is
  /// working and a commit now would fail after HEAD moved.
  Status CheckNoIndexLock() const;

  /// Commits the files at `paths` exactly as they are in the work tree
  /// (deleted files are removed from the tree) on top of `expected_head`
  /// (the id HeadId() gave before the files were written; "" for the first
  /// commit). Only those paths change in the new tree. Fails kBusy when
  /// HEAD is no longer `expected_head` or the index is locked; kIo on other
  /// git errors. Returns the new commit id.
  Result<std::string> CommitPaths(const std::vector<std::string>& paths,
                                  const std::string& expected_head, const Signature& author,
                                  const std::string& message);

  /// Paths (relative) whose work-tree content differs from HEAD, plus
  /// untracked files not ignored, like `git status --porcelain`.
  Result<std::vector<std::string>> DirtyPaths() const;

  /// Commits that changed `path`, newest first (follows no renames).
  Result<std::vector<CommitInfo>> Log(const std::string& path) const;

  /// The content of `path` in commit `commit_id`, or nullopt when absent there.
  Result<std::optional<std::string>> ReadAt(const std::string& commit_id,
                                            const std::string& path) const;

  /// The content of `path` in HEAD, or nullopt when absent.
  Result<std::optional<std::string>> ReadHead(const std::string& path) const;

 private:
  GitRepo() = default;
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::string workdir_;
};

}  // namespace mediate
