// The merge driver's merge of the keys record keys/district.yaml
// (key_record.hpp; docs/offices.md, "Merging desks' work"): by office and
// by epoch, never as text.
//
//   - offices: the union of both sides; an office on both sides keeps its
//     public key (two different keys for one code are a conflict); a
//     revocation on either side wins (ours when both revoked it);
//   - epochs: by number; an epoch on one side only is taken; one on both
//     sides must be the same epoch (same `started` and `by`) and its
//     `sealed` map is the union by office (one office sealed two different
//     secrets is a conflict); two different epochs with one number (two
//     desks revoked at once) are a conflict;
//   - nothing is ever removed: the base is only read to check it.
//
// A conflict is an error (kRejected naming the file, the office or epoch
// and what to do): the driver keeps ours and git reports the file as
// conflicted, since a keys record cannot hold a conflict block — a wrong
// key would lock an office out.
#pragma once

#include <string>

#include "key_record.hpp"
#include "status.hpp"

namespace mediate {

/// Merges the records `ours` and `theirs` (`base` is only read for
/// errors; absent when nullptr). `path` names the file in messages.
Result<KeyRecord> MergeKeyRecords(const KeyRecord* base, const KeyRecord& ours,
                                  const KeyRecord& theirs, const std::string& path);

/// MergeKeyRecords over the three texts of the file (`base` "" when new on
/// both sides), giving the merged text. kRejected when a version does not
/// read as a keys record, or on a conflict.
Result<std::string> MergeKeyRecordFile(const std::string& base, const std::string& ours,
                                       const std::string& theirs, const std::string& path);

}  // namespace mediate
