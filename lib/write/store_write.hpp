// The one write path of the store: every command that changes records goes
// through a StoreWrite.
//
//   auto w = StoreWrite::Begin(store, options, today);  // lock, recover, registries
//   ... the domain function reads w.store() and stages records ...
//   w.Put("cases/2026/03/WBL-2026-000042.yaml", CaseToValue(c));
//   auto commit = w.Commit(op, message);  // validate all, write, fsync, commit
//
// Begin() takes the store's write lock (WriteTransaction: waits up to
// options.lock_timeout, rolls back a crash's journal) and only then loads the
// registries (areas, organisations, mediators), so a change is checked
// against the records as they are under the lock. Commit() checks every
// staged record as `mediate validate` would (CheckRecordText: strict YAML,
// schema, vocabularies, references, the case checks of CheckCase) and
// refuses the whole change when any staged file has an error, listing every
// such file with its diagnostics (file:line:column, field, rule); nothing is
// written then. Otherwise the files are written durably and committed once
// with the operator as author (write_transaction.hpp).
//
// A dry run (DryRun()) takes no lock and writes nothing; Commit() still
// checks every staged record and returns "" when all pass.
//
// Numbers for new records — case IDs and with them file numbers,
// consultation, mediator and training IDs — are handed out here and nowhere
// else (TakeNumbers), per series, skipping those already handed out in this
// write; in a clone, from the desk's reserved blocks.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "case_key.hpp"
#include "number_reserve.hpp"
#include "signature.hpp"
#include "status.hpp"
#include "store.hpp"
#include "time.hpp"
#include "value.hpp"
#include "write_options.hpp"

namespace mediate {

class StoreWrite {
 public:
  ~StoreWrite();
  StoreWrite(StoreWrite&&) noexcept;
  StoreWrite& operator=(StoreWrite&&) noexcept;

  /// Takes the write lock of `store` (kBusy naming the holder after
  /// options.lock_timeout; an unfinished journal is rolled back), then loads
  /// its registries (kRejected when they cannot be read) and chooses the
  /// office the write is made as (Store::WritingOffice with
  /// options.office: kUsage when the clone has none or it is not a
  /// registered office; the lock is let go and nothing is written). `today` is the
  /// local date the records are checked against (dates in the future are
  /// refused). `store` must outlive the StoreWrite.
  static Result<StoreWrite> Begin(Store& store, const WriteOptions& options, Date today);
  /// A write that takes no lock and writes nothing (--dry-run); loads the
  /// registries of `store` when not yet loaded and chooses the office as
  /// Begin does (kUsage the same way).
  static Result<StoreWrite> DryRun(Store& store, Date today, const WriteOptions& options = {});

  /// The store, registries loaded (read under the lock unless dry run).
  const Store& store() const;
  bool dry_run() const;
  /// The local date records are checked against.
  Date today() const;
  /// The office code that allocates IDs (Store::WritingOffice).
  const std::string& office() const;

  /// Stages `record` to be written at `path` (relative, '/'-separated) as
  /// YAML. A later Put of the same path replaces it.
  void Put(const std::string& path, Value record);
  /// Stages `text` to be written at `path` as it is: for the store's files
  /// that are not records (.gitattributes); Commit leaves it unchecked.
  void PutText(const std::string& path, std::string text);
  /// Stages the removal of `path`.
  void Remove(const std::string& path);
  /// How many paths are staged.
  std::size_t size() const;
  /// Lets Commit write case files that still hold conflicts a merge
  /// recorded (`resolve` settles one of several). Without it Commit refuses
  /// such a case (kRejected naming it and `mediate resolve`): a case with a
  /// conflict takes no other write.
  void AllowConflicts();

  /// The next free case ID of the write's office (office()) for the
  /// local `year` received ("WBL-2026-000043"), never one already handed
  /// out by this StoreWrite: TakeNumbers of the office's case series.
  Result<std::string> NextCaseId(int year);
  /// `count` free case IDs of the write's office for `year` (an import of
  /// a ledger), ascending. Errors as TakeNumbers.
  Result<std::vector<std::string>> NextCaseIds(int year, std::size_t count);

  /// `count` numbers of `series` (number_blocks.hpp: "case/XJY/2026",
  /// "mediator" …) for new records, ascending, none in `used` (the numbers
  /// the store already holds) nor handed out before by this StoreWrite.
  ///
  /// In a store with no remote (one desk) they follow the highest number
  /// used. In a clone — one desk among several — they come from the blocks
  /// this desk reserved from the district's server (docs/offices.md,
  /// "Numbers that never collide"), so no other desk can hand them out even
  /// offline. When the desk's blocks hold fewer free numbers, the
  /// reserver (SetNumberReserver) is asked for the rest — online, under
  /// this write's lock — and without one, or when it fails (the server out
  /// of reach), the result is kRejected saying how many are left, the
  /// reserver's reason, and to run `mediate sync` while connected. A dry
  /// run reserves nothing: its numbers past the desk's blocks are a
  /// preview. kIo when the record of blocks cannot be read.
  Result<std::vector<int>> TakeNumbers(const std::string& series, const std::set<int>& used,
                                       std::size_t count);

  /// What TakeNumbers asks when the desk's blocks run short
  /// (number_reserve.hpp, OnlineReserver); none by default.
  void SetNumberReserver(NumberReserver reserver);

  /// After a Commit, starts the next change of the same command (route,
  /// then the assignment its rules ask for): lets the lock go and takes it
  /// again with `holder` (a waiting writer may go first), re-reading HEAD.
  /// Nothing to do for a dry run. kBusy as Begin.
  Status Renew(const std::string& holder);

  /// Stages a case key (case_key.hpp) to be written into this clone's case
  /// keys (refs/mediate/keys) by Commit: a tombstone (`erase`), a key
  /// wrapped anew (`key rewrap`). A later one of the same name replaces it.
  void PutCaseKey(CaseKeyEntry entry);

  /// Checks every staged record (CheckRecordText), seals the personal
  /// values of case files in an encrypted store (SealStaged: the desk's key
  /// is asked for only when a value is plain), writes the case keys made
  /// or staged (PutCaseKey) into refs/mediate/keys — before the records, so
  /// a record never names a key the clone lacks; a crash between leaves a
  /// key no record names, which nothing reads —, then writes the records and makes
  /// one commit authored by `op` with `message`. Returns the commit
  /// id, "" for a dry run. Errors: kRejected when a staged record fails a
  /// check — the message names every such file, the diagnostics give each
  /// problem; nothing is written —, kBusy/kIo/kUsage from the transaction
  /// (nothing written, or the previous contents restored).
  Result<std::string> Commit(const Signature& op, const std::string& message);

 private:
  StoreWrite() = default;
  /// Seals the personal values of every staged case and consultation file of an encrypted
  /// store (SealCaseRecord), unlocking the desk's keys (Store::Keys) when
  /// one is plain. kRejected naming the file when they cannot be had.
  Status SealStaged();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// A value of the git config of the store at `root` ("user.name"), or
/// nullopt when unset or there is no repository.
std::optional<std::string> StoreConfigString(const std::string& root, const std::string& key);

/// Rolls back an unfinished write (journal left by a crash) in the store at
/// `root`, and after a reboot rewrites from HEAD the files of earlier
/// writes that the power cut lost (write_transaction.hpp). Returns true when
/// a file was rolled back or rewritten; false when there was nothing to do,
/// or when the journal's commit had been made and the files agree with it
/// (the journal is then just discarded). Takes the lock.
Result<bool> RecoverStore(const std::string& root, const WriteOptions& options);

/// True when the store at `root` has a write journal (`.git/mediate/journal`):
/// a write is in progress or was cut off by a crash; or a record of files
/// written without an fsync in an earlier boot (`.git/mediate/unsynced-*`). Reading commands call
/// RecoverStore first (it waits for a live writer's lock), so they never
/// read a half-renamed batch.
bool HasUnfinishedWrite(const std::string& root);

}  // namespace mediate
