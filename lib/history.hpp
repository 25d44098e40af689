// The history of one record from git: every commit that changed it, with
// the fields each change made (old → new). Git is the audit trail
// (DESIGN §1); this reads it through libgit2.
#pragma once

#include <string>
#include <vector>

#include "git_repo.hpp"
#include "status.hpp"
#include "value.hpp"

namespace mediate {

/// One field that changed between two versions of a record.
struct FieldChange {
  std::string field;   ///< "status", "mediators", "events"
  std::string before;  ///< "–" when absent
  std::string after;   ///< "–" when removed
};

/// One commit that touched the record.
struct HistoryEntry {
  CommitInfo commit;
  std::string action;    ///< from the Mediate-Action trailer, else the subject's first word
  bool created = false;  ///< the record first appears in this commit
  bool deleted = false;
  std::vector<FieldChange> changes;
};

/// Top-level differences between two versions of a record (null = absent).
/// Scalars show their text; lists are shown as [a, b]; for `events`, the
/// appended events are listed by type ("+ routed, assigned").
std::vector<FieldChange> DiffRecords(const Value& before, const Value& after);

/// The history of the record at `path` (relative), newest first. Fields
/// carrying personal data (parties) are summarised, not printed, unless
/// `reveal`. kNotFound when no commit touched the path.
Result<std::vector<HistoryEntry>> RecordHistory(const GitRepo& repo, const std::string& path,
                                                bool reveal);

}  // namespace mediate
