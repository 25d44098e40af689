// The merge driver's decision for one file of the store: which merge a
// path gets (docs/offices.md). Case files merge as timelines
// (case_merge.hpp); the registries' records (orgs/, mediators/, offices/,
// trainings/, reviews/, consultations/) by key (record_merge.hpp); the keys
// record keys/district.yaml by office and epoch (key_merge.hpp). Every
// other file — mediate.yaml, rules/, areas/ — is not the driver's: git
// merges it as text, and a text conflict there stops the merge naming it.
#pragma once

#include <string>

#include "record_merge.hpp"
#include "settings.hpp"
#include "status.hpp"

namespace mediate {

/// A merged file.
struct StoreFileMerge {
  std::string text;           ///< the merged record, as mediate writes it
  std::size_t conflicts = 0;  ///< conflicts recorded in it by this merge
};

/// True for the paths the merge driver merges (record files of cases and
/// the registries); `.gitattributes` names the same (GitAttributesText).
bool IsMergedByDriver(const std::string& path);

/// The `.gitattributes` lines that give the record files to the merge
/// driver "mediate", after the line keeping YAML files LF-only.
std::string GitAttributesText();

/// Merges the three versions of the store file at `path` (relative;
/// `base` "" when the file is new on both sides). Errors (kRejected naming
/// the path): a path the driver does not merge, or a version that does not
/// read as its record; the driver then keeps ours and reports a conflict.
Result<StoreFileMerge> MergeStoreFile(const std::string& path, const std::string& base,
                                      const std::string& ours, const std::string& theirs,
                                      const Settings& settings, const MergeStamp& stamp);

/// For a store that keeps personal data sealed (docs/personal-data.md): Ok
/// when the merged case file `text` at `path` holds no personal value in
/// plain, else kRejected naming the file and the values, and that a side
/// was written without the keys (by hand, or by a desk not yet encrypting).
/// Other files are not looked at. PIPL Art. 51.
Status RefusePlainPersonalValues(const std::string& path, const std::string& text);

/// True when `merged` is exactly what MergeStoreFile makes of `base`,
/// `ours` and `theirs` at `path` — the merge driver's own result — with the
/// who and when of the conflicts that merge recorded read from `merged`
/// (they are the merge's, not the files'). `audit` accepts such a merge.
bool IsDriverMerge(const std::string& path, const std::string& base, const std::string& ours,
                   const std::string& theirs, const std::string& merged, const Settings& settings);

}  // namespace mediate
