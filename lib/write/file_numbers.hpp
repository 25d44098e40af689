// `mediate file-numbers`: the one-time migration that stores a file number
// (卷号) in every case registered before file numbers were stored at
// acceptance (file_number.hpp), in one commit through the write path
// (store_write.hpp), as other batch writes do (route_batch.hpp).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "signature.hpp"
#include "status.hpp"
#include "store_write.hpp"

namespace mediate {

/// What the migration did (or, for a dry run, would do).
struct FileNumbersOutcome {
  /// The cases given a file number, by id: {id, file number}.
  std::vector<std::pair<std::string, std::string>> numbered;
  /// Cases without a file number left as they are because they hold a
  /// conflict a merge recorded (a case with a conflict takes no other write
  /// until `mediate resolve` settles it; docs/offices.md), by id.
  std::vector<std::string> conflicted;
  std::string commit;  ///< "" for a dry run or when there was nothing to do
};

/// The commit message of the migration: "file-numbers: 3 cases" with the
/// trailer Mediate-Action: file-numbers and, for up to kMaxCaseTrailers
/// cases (route_batch.hpp), one Mediate-Case each.
std::string FileNumbersCommitMessage(const std::vector<std::string>& ids);

/// Gives every case of `w`'s store that has no `file_no` the number derived
/// from its id (DerivedFileNumber: the id's year and sequence, the word of
/// its office, else the store's, else 人调字), and unless `w` is a dry run
/// writes them all in one commit by `op` (FileNumbersCommitMessage); no
/// commit when there is nothing to do. A case that already has one is left
/// as it is; a case holding a recorded conflict is skipped and named.
/// Only the case files without a number are read (the derived index says
/// which). Errors, nothing written: kRejected naming an id two files hold
/// (RefuseDuplicateCaseIds) or every case file that cannot be read;
/// kRejected when a numbered case would not pass validation (every such
/// file listed); kBusy/kIo from the write.
Result<FileNumbersOutcome> FillFileNumbers(StoreWrite& w, const Signature& op);

}  // namespace mediate
