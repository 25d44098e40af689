// The derived index: a cache of every case's CaseSummary under the git
// directory, so reading commands (list, stats, due, alerts, review) answer
// without re-parsing YAML. Never the source of truth: safe to delete at any
// time, and a record edited by hand is seen by the next command. This is
// the scan that walks the case files and serves, refreshes and rewrites
// the index; the segment file format is index_segment.hpp. Store::ScanCases
// (store.hpp) is defined here.
//
// Layout: `<git dir>/mediate/index/` holds one segment per case directory
// (`cases/2026/03` → `2026_03.seg`), so a change to one month rewrites one
// small file, not a million entries.
//
// An entry is used only when its file's stat key is unchanged and the file
// was last changed at least kRacyMarginNs before the scan that wrote the
// entry began (git's "racily clean" rule: an edit within the same clock
// tick as the read, with the same size, would otherwise go unseen). Every
// other file is parsed (in parallel) and its segment rewritten (temporary
// file + rename, so readers see the old or the new segment). A segment
// with another version, settings fingerprint, directory or a bad checksum
// is ignored as a whole. Unreadable files are never cached. Failing to
// write the index never fails a command: it is a cache.
//
// Freshness with Watchman (watchman.hpp; off with `git config
// mediate.watchman false`): a scan first asks Watchman which month folders
// changed since the clock stored in the index folder (index_watch.hpp,
// taken when the previous scan began). A folder with no reported change
// whose segment is the very one that state vouches for (by checksum) is
// served from the segment without listing or stat'ing its files; every
// other folder goes through the list-and-stat path above. Year and month
// folders are always listed, so new and removed folders are seen. No
// stored clock, a fresh-instance answer, another store root, or any error
// of Watchman means one full walk, as without it. docs/architecture.md
// says more.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_set>
#include <vector>

#include "case_summary.hpp"
#include "index_segment.hpp"
#include "status.hpp"
#include "store.hpp"

namespace mediate {

/// An entry whose file changed less than this before its scan began is
/// re-parsed next time (timestamp granularity and clock skew between the
/// file system and this process).
inline constexpr std::int64_t kRacyMarginNs = 2'000'000'000;

/// The index directory of `store`: "<git dir>/mediate/index" (the git dir
/// is `.git`, or what a `.git` file names). Empty when there is no git dir,
/// in which case the index is never read or written.
std::string CaseIndexDir(const Store& store);

/// Summaries of every case, sorted by id, served from the index where its
/// entries are fresh and parsed (on `options.threads` threads) where not;
/// changed segments are then rewritten atomically. Equal to a cold
/// `Store::ScanCases({.use_index = false})` in every field. Falls back to
/// parsing when the index is missing, outdated or corrupt; never fails
/// because of the index.
CaseScan ScanWithIndex(const Store& store, const ScanOptions& options);

/// What ScanImportFingerprints found.
struct FingerprintScan {
  /// import.fingerprint of every readable case file that has one.
  std::unordered_set<std::string> fingerprints;
  std::size_t unreadable = 0;        ///< case files that cannot be parsed
  std::vector<Diagnostic> problems;  ///< their parse errors
};

/// The import fingerprints of every case, as ScanWithIndex would find them
/// (fresh entries from the index, the other files parsed on `threads`
/// threads, 0 = all cores, and their segments rewritten), but reading just
/// each fresh entry's fingerprint, never decoding its summary unless its
/// segment is rewritten. What `mediate import` recognises earlier rows by
/// (ledger_import.hpp).
FingerprintScan ScanImportFingerprints(const Store& store, unsigned threads = 0);

/// One index entry that disagrees with a fresh parse of its file.
struct IndexMismatch {
  std::string path;   ///< the case file
  std::string field;  ///< first differing CaseSummary field ("status")
};

/// What `CheckIndex` found.
struct IndexStatus {
  std::string dir;                        ///< the index directory ("" when no git dir)
  std::size_t segments = 0;               ///< segment files present
  std::size_t bad_segments = 0;           ///< of those: unreadable, corrupt, or written for
                                          ///< another version, settings or directory
  std::vector<std::string> bad_reasons;   ///< one line per bad segment
  std::size_t files = 0;                  ///< case files in the store
  std::size_t entries = 0;                ///< entries in the good segments
  std::size_t fresh = 0;                  ///< entries a command would use as they are
  std::size_t stale = 0;                  ///< entries whose file changed (or changed too
                                          ///< recently to trust): re-parsed next time
  std::size_t orphaned = 0;               ///< entries whose file is gone
  std::size_t unindexed = 0;              ///< files without an entry (unreadable files never
                                          ///< have one)
  std::size_t unreadable = 0;             ///< files that cannot be parsed
  std::vector<IndexMismatch> mismatches;  ///< fresh entries that differ from a parse
  /// Ok when every fresh entry equals a fresh parse of its file.
  bool ok() const { return mismatches.empty(); }
};

/// Compares the index with a fresh parse of every case file (on `threads`
/// threads, 0 = all cores), without writing anything. Stale, orphaned and
/// missing entries are normal (the next command refreshes them); a fresh
/// entry that differs from its file's parse is a mismatch.
Result<IndexStatus> CheckIndex(const Store& store, unsigned threads = 0);

/// Deletes the index; the next command parses every file. Ok when there
/// was none. kIo when it exists but cannot be removed.
Status DropIndex(const Store& store);

/// Drops the index and builds it anew from a parse of every case file.
/// Returns that scan. kIo when the index cannot be written (unlike
/// ScanWithIndex, which ignores that), kNotFound when there is no git dir.
Result<CaseScan> RebuildIndex(const Store& store, unsigned threads = 0);

/// Tests only: sets the racy margin used by later scans (kRacyMarginNs by
/// default), so a test can have files it just wrote served from the index.
void SetRacyMarginForTesting(std::int64_t ns);

}  // namespace mediate
