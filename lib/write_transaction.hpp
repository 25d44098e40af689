// Writing the store safely (DESIGN §3): one lock, all-or-nothing file
// changes, exactly one git commit.
//
//   auto tx = WriteTransaction::Begin(root, options);   // 1. lock (+ recover)
//   ... load and validate what the change touches ...    // 2. (caller)
//   tx->Put("cases/2026/03/WBL-2026-000042.yaml", text);
//   auto commit = tx->Commit(author, message);           // 3.-5.
//
// Commit(): records the plan in a journal under .git/mediate/ (old contents
// of every path), writes each file to a temporary file beside it, makes the
// batch durable (fsync of the files, or one syncfs for large batches, and
// of the directories), renames into place, commits those paths through
// GitRepo::CommitPaths, then deletes the journal. If anything fails after
// the first rename, the previous contents are restored from the journal and
// the command fails with nothing changed. A process killed at any moment
// leaves the journal behind; the next Begin() (or RecoverStore) rolls the
// work tree back to HEAD's contents for the journalled paths — or, when the
// commit had already been made, just discards the journal — so the store
// shows the old state or the new one, never a mix.
#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "git_repo.hpp"
#include "status.hpp"

namespace mediate {

struct WriteOptions {
  /// How long to wait for another writer's lock before failing kBusy.
  std::chrono::milliseconds lock_timeout{10000};
  /// Who holds the lock, written into the lock file and named to a second
  /// writer that gives up ("mediate import by 王某 <w@x>, pid 123").
  std::string holder;
};

class WriteTransaction {
 public:
  ~WriteTransaction();  // releases the lock; uncommitted changes were never written
  WriteTransaction(WriteTransaction&&) noexcept;
  WriteTransaction& operator=(WriteTransaction&&) noexcept;

  /// Takes the store's write lock (`.git/mediate/lock`, waiting up to
  /// options.lock_timeout; kBusy naming the holder after that), rolls back
  /// an unfinished journal, checks `.git/index.lock` (kBusy) and remembers
  /// HEAD. `root` is the store's work tree.
  static Result<WriteTransaction> Begin(const std::string& root, const WriteOptions& options);

  /// The repository (open while the transaction lives).
  GitRepo& repo();
  const std::string& root() const;

  /// Stages `content` to be written at `path` (relative, '/'-separated).
  void Put(const std::string& path, std::string content);
  /// Stages the removal of `path`.
  void Remove(const std::string& path);
  /// Staged content at `path` (nullopt when not staged or staged as removed).
  const std::string* Staged(const std::string& path) const;
  std::size_t size() const;

  /// Writes everything staged and makes one commit. Returns the commit id.
  /// kBusy when HEAD moved or the index is locked (nothing written); kIo when
  /// a write or the commit failed (previous contents restored). Committing an
  /// empty transaction is kInternal.
  Result<std::string> Commit(const Signature& author, const std::string& message);

 private:
  WriteTransaction() = default;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// Rolls back an unfinished write (journal left by a crash) in the store at
/// `root`. Returns true when something was rolled back. Takes the lock.
Result<bool> RecoverStore(const std::string& root, const WriteOptions& options);

}  // namespace mediate
