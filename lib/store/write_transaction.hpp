// Writing the store safely: one lock, all-or-nothing file
// changes, exactly one git commit.
//
//   auto tx = WriteTransaction::Begin(root, options);   // 1. lock (+ recover)
//   ... load and validate what the change touches ...    // 2. (caller)
//   tx->Put("cases/2026/03/WBL-2026-000042.yaml", text);
//   auto commit = tx->Commit(author, message);           // 3.-5.
//
// The lock is `.git/mediate/lock`, created with O_EXCL and holding the
// holder text, pid, host and start time. A second writer polls (50 ms) up to
// lock_timeout, then fails kBusy naming the holder. A lock whose pid is dead
// on this host is stale and taken over (under a flock on
// `.git/mediate/lock.takeover`, so two takers cannot both win).
//
// Commit(): checks that HEAD is still the one Begin() saw and that no staged
// path has uncommitted changes (each file hashed against HEAD's blob, not a
// status scan), then records the plan in `.git/mediate/journal` (written to
// a temporary file, fsynced, renamed): the HEAD id at the start, the writer's
// pid and every path with whether it existed in HEAD. The old contents need
// not be copied: every path is clean, so HEAD holds them. Then it writes each
// file to `<dir>/.<name>.tmp-<pid>` beside it (no fsync), renames into place
// (removals unlink, and empty directories go; the directories of removals
// are fsynced), commits those paths through GitRepo::CommitPaths (the new
// objects as one fsynced pack, then the ref, fsynced), appends the written
// paths to `.git/mediate/unsynced-<boot id>` (fsynced) and deletes the
// journal. If anything fails after the journal was written, the journal is
// replayed at once: the paths go back to HEAD's contents (or are removed
// when absent from HEAD) and leftover temporary files are deleted. A
// process killed at any moment leaves the journal behind; the next Begin()
// (or RecoverStore) does the same rollback — or, when HEAD has moved (the
// commit was made), brings the journalled paths to HEAD's contents where
// they differ and syncs the index — so the store shows the old state or the
// new one, never a mix.
//
// The work-tree files are not fsynced one by one: until the machine
// reboots the kernel holds them, and the first Begin() (or RecoverStore)
// after a reboot finds the record of the earlier boot and rewrites from
// HEAD, durably, each listed file HEAD holds that a power cut lost or tore.
// Without a boot id (/proc/sys/kernel/random/boot_id) every file and
// directory is fsynced instead.
//
// Every file operation goes through the library's disk (lib/store/disk.hpp), and
// each durable step is a named fault point (lib/store/fault.hpp): for the crash
// tests the CLI installs a FaultyDisk when MEDIATE_FAULT names a point
// (`after-journal`, `after-temp`, `after-rename:N` after the N-th rename,
// `after-commit`, `kill-at:N`, …), which sends the process SIGKILL there;
// `fail-commit` makes the commit step fail (kIo) instead, so the in-process
// rollback after the renames can be tested.
//
// options.lock_timeout is how long a second writer waits; the CLI sets it
// from MEDIATE_LOCK_WAIT (whole seconds, 0-3600), the library reads no
// environment variable.
#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "git_repo.hpp"
#include "signature.hpp"
#include "status.hpp"
#include "write_options.hpp"

namespace mediate {

// RecoverStore and HasUnfinishedWrite (store_write.hpp) are built on it.
class WriteTransaction {
 public:
  ~WriteTransaction();  // releases the lock; uncommitted changes were never written
  WriteTransaction(WriteTransaction&&) noexcept;
  WriteTransaction& operator=(WriteTransaction&&) noexcept;

  /// Takes the store's write lock (`.git/mediate/lock`, waiting up to
  /// options.lock_timeout; kBusy naming the holder after that), rolls back
  /// an unfinished journal, checks `.git/index.lock` (kBusy) and that no
  /// git merge, rebase, cherry-pick, revert, am or bisect is unfinished
  /// (kBusy saying how to finish or abort it: unfinished_operation.hpp), and
  /// remembers HEAD. `root` is the store's work tree.
  static Result<WriteTransaction> Begin(const std::string& root, const WriteOptions& options);

  /// The repository (open while the transaction lives).
  GitRepo& repo();
  const std::string& root() const;
  /// True when Begin() rolled back an unfinished write (a crash's journal):
  /// worth telling the operator.
  bool recovered() const;

  /// Stages `content` to be written at `path` (relative, '/'-separated).
  void Put(const std::string& path, std::string content);
  /// Stages the removal of `path`.
  void Remove(const std::string& path);
  /// Staged content at `path` (nullptr when not staged or staged as removed).
  const std::string* Staged(const std::string& path) const;
  std::size_t size() const;

  /// Makes the commit a merge: `commit` (full hex id, in the object store)
  /// becomes its second parent (GitRepo::CommitPaths); the commit may then
  /// change no file (the two sides' changes were the same). For `mediate
  /// sync`.
  void SetMergeParent(const std::string& commit);
  /// Makes Commit() a fast-forward to `commit` (full hex id; a descendant of
  /// HEAD whose tree is HEAD's with the staged changes) instead of a new
  /// commit: the files are written under the journal as for a commit, then
  /// the branch moves to `commit` (GitRepo::FastForward); the author and
  /// message are unused. For `mediate sync`.
  void SetFastForward(const std::string& commit);

  /// Writes everything staged and makes one commit. Returns the commit id.
  /// kBusy when HEAD moved, the index is locked or a git operation is
  /// unfinished (nothing written);
  /// kRejected when a staged path has uncommitted changes in the work tree
  /// (nothing written) or is not a valid relative path; kUsage when the
  /// author lacks a name or email (nothing written); kIo when a write or
  /// the commit failed (previous contents restored). Committing an empty
  /// transaction, or committing twice, is kInternal.
  Result<std::string> Commit(const Signature& author, const std::string& message);

 private:
  WriteTransaction() = default;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace mediate
