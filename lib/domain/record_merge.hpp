// Three-way merge of store records, field by field (the merge driver,
// docs/offices.md). Git hands the driver three versions of a file — the
// common ancestor (base), ours and theirs —; records merge by key:
//
//   - a key both sides left as in the base, or changed alike, is taken;
//   - a key changed on one side only is taken from that side (removal too);
//   - a key changed differently on both sides is a **conflict**: ours is
//     kept in the record and both sides are written into its `conflicts:`
//     block, so the file stays a valid record and the rest of the merge
//     completes (never raw conflict markers);
//   - keys this version does not know merge the same way: nothing is lost.
//
// Case files add their own rules on top (case_merge.hpp).
#pragma once

#include <string>
#include <vector>

#include "status.hpp"
#include "time.hpp"
#include "value.hpp"

namespace mediate {

/// One side of a conflict: its value (absent when the side removed the
/// field) and who made the change and when, when known (the latest event
/// the side added).
struct ConflictSide {
  std::optional<Value> value;
  std::string by;
  std::string at;
};

/// A field changed differently on both sides of a merge.
struct FieldConflict {
  std::string field;  ///< top-level key ("amount"), or "events" for the timeline
  ConflictSide ours, theirs;
  /// Why: "changed on both sides", or the timeline rule the union breaks.
  std::string reason;
};

/// Who merges and when: written into each conflict recorded.
struct MergeStamp {
  std::string by;  ///< the operator, "Name <email>"
  Timestamp at;
};

/// The 3-way choice for one value: `ours` when both sides agree or only
/// theirs kept the base, `theirs` when only theirs changed it; nullopt
/// (absent) when the chosen side removed it. `conflict` is set when both
/// changed it differently (ours is returned then). Absent values are
/// nullptr.
std::optional<Value> MergeValue(const Value* base, const Value* ours, const Value* theirs,
                                bool* conflict);

/// Merges the top-level keys of three record maps (base may be nullptr:
/// both sides added the file) except those in `skip`, in ours' key order
/// then theirs' new keys. Conflicts are appended to `conflicts` (ours
/// kept). `sets` names keys merged as sets (tags: what either side added is
/// kept, what either removed goes).
Value MergeRecordMaps(const Value* base, const Value& ours, const Value& theirs,
                      const std::vector<std::string>& skip, const std::vector<std::string>& sets,
                      std::vector<FieldConflict>* conflicts);

/// The `conflicts:` block of a record: the entries of both sides' blocks
/// (an entry in both once) followed by `added`, each written as
/// {field, reason, ours: {value, by, at}, theirs: {…}, merged_by,
/// merged_at}. An empty sequence when there are none.
Value ConflictBlock(const Value* ours_block, const Value* theirs_block,
                    const std::vector<FieldConflict>& added, const MergeStamp& stamp);

/// Merges a record file of the registries (orgs/, mediators/, offices/,
/// trainings/, reviews/, consultations/) by key (MergeRecordMaps), conflicts
/// recorded in its `conflicts:` block. `base` is "" when the file is new on
/// both sides. kRejected when a version is not a YAML map (naming
/// `path`); the caller keeps ours then and reports a conflict.
Result<Value> MergeRegistryRecord(const std::string& base, const std::string& ours,
                                  const std::string& theirs, const std::string& path,
                                  const MergeStamp& stamp, std::size_t* conflict_count);

}  // namespace mediate
