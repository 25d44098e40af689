// Case ids held by more than one file. Two clones without distinct offices
// that both register a case offline hand out the same id; when the two
// cases were received in different months, `git pull` brings both files
// in without a conflict (cases/2026/03/WBL-2026-000001.yaml and
// cases/2026/04/WBL-2026-000001.yaml). Reading commands would then count,
// list or change one case for the other; they refuse until `mediate
// renumber ID` gives one of them a new id (docs/robustness.md).
//
// Found from the file names a scan lists anyway: no file is parsed for it.
// A file whose `id:` differs from its name is `validate`'s error (the
// case's path must match its id and month), not this one's.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "status.hpp"

namespace mediate {

/// One case id held by two or more case files.
struct DuplicateCaseId {
  std::string id;                  ///< "WBL-2026-000001"
  std::vector<std::string> paths;  ///< relative, sorted: "cases/2026/03/WBL-2026-000001.yaml", …
};

/// Tallies the case file names of a scan, folder by folder, and tells which
/// ids more than one file holds. Memory: two bytes per sequence number up
/// to at most twice the highest seen, per office and year (2-4 MB for a
/// million ids), plus the names that are no case id. Add is thread-safe.
class CaseIdTally {
 public:
  /// Counts the files `names` ("WBL-2026-000001.yaml") of the case folder
  /// `dir` (relative, "cases/2026/03").
  void Add(const std::string& dir, const std::vector<std::string>& names);
  /// The ids seen more than once, sorted, each with its files.
  std::vector<DuplicateCaseId> Duplicates() const;

 private:
  /// Notes `name` (an id, or a name that is none) seen in folder `folder`.
  void Saw(std::uint16_t* first, const std::string& name, std::uint16_t folder);

  mutable std::mutex mu_;
  std::vector<std::string> dirs_;  ///< the folders added; an ordinal + 1 stands for one
  std::map<std::string, std::vector<std::uint16_t>> seen_;  ///< "WBL-2026" → folder per sequence
  std::map<std::string, std::uint16_t> others_;             ///< names that are no case id
  std::map<std::string, std::vector<std::uint16_t>> repeated_;  ///< name → its folders
};

/// "case id WBL-2026-000001 is held by 2 files: A and B; give one a new id
/// with 'mediate renumber WBL-2026-000001'".
std::string DuplicateCaseIdMessage(const DuplicateCaseId& duplicate);

/// Ok when `duplicates` is empty; otherwise kRejected whose message names
/// the first duplicated id with its files and the renumber that fixes it
/// (and how many other ids are duplicated), with one diagnostic per file
/// naming the other files. What every reading command returns when the
/// store holds a duplicate id.
Status RefuseDuplicateCaseIds(const std::vector<DuplicateCaseId>& duplicates);

}  // namespace mediate
