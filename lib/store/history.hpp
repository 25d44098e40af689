// The history of one record from git: every commit that changed it, with
// the fields each change made (old → new). Git is the audit trail of the
// store (docs/architecture.md); this reads it through libgit2, opening the
// store's repository itself, so callers need no git header.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "signature.hpp"
#include "status.hpp"
#include "store.hpp"
#include "value.hpp"

namespace mediate {

/// One field that changed between two versions of a record.
struct FieldChange {
  std::string field;   ///< "status", "mediators", "events"
  std::string before;  ///< "–" when absent
  std::string after;   ///< "–" when removed
};

/// The commit of a history entry.
struct HistoryCommit {
  std::string id;          ///< full hex object id
  std::string short_id;    ///< 7 hex digits
  std::int64_t time = 0;   ///< author time, seconds since the epoch (UTC)
  int offset_minutes = 0;  ///< author's UTC offset
  Signature author;
  std::string message;  ///< full message
  std::string summary;  ///< first line
};

/// One commit that touched the record.
struct HistoryEntry {
  HistoryCommit commit;
  std::string action;    ///< from the Mediate-Action trailer, else the subject's first word
  bool created = false;  ///< the record first appears in this commit
  bool deleted = false;
  std::vector<FieldChange> changes;
};

/// Top-level differences between two versions of a record (null = absent).
/// Scalars show their text; lists are shown as [a, b]; for `events`, the
/// appended events are listed by type ("+ routed, assigned").
std::vector<FieldChange> DiffRecords(const Value& before, const Value& after);

/// The field changes that the `amended` events appended between two versions
/// of a case record list (their `changes: [{field, from, to}]`, numbers
/// already masked by amend, edit and adopt), in order; "–" for an empty
/// side. Empty when no amended event was appended.
std::vector<FieldChange> AmendedChanges(const Value& before, const Value& after);

/// The trailer of a `mediate renumber` commit naming the path the record
/// had before (renumber.hpp): its history goes on there.
inline constexpr const char* kRenumberedFromTrailer = "Mediate-Renumbered-From";

/// The history of the record at `path` (relative to the store's root,
/// '/'-separated) in the git repository of `store`, newest first. When the
/// commit that created the path carries a kRenumberedFromTrailer, the
/// history goes on with the older path's commits before that one (the
/// renumber entry then shows the change from the old file: `id`, events). Fields
/// carrying personal data (parties, and recorded conflicts, which hold both
/// sides' values) are summarised, not printed, unless `reveal` (People's
/// Mediation Law Art. 15: no disclosure of a party's privacy). A commit that appended `amended`
/// events lists the fields those events name, each with its old and new value (AmendedChanges), in
/// place of the top-level fields they belong to. kNotFound when no commit touched the path; the
/// errors of opening or reading the repository (kIo, kNotFound when the store is not a git
/// repository).
Result<std::vector<HistoryEntry>> RecordHistory(const Store& store, const std::string& path,
                                                bool reveal);

}  // namespace mediate
