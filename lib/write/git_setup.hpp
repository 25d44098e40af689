// Registering the merge driver for records in a clone (docs/offices.md).
//
// Git runs an external merge driver named in `.gitattributes` (committed:
// the same in every clone) and defined in the repository's own config (not
// committed: each clone says which program runs it). `init` and `clone` do
// both; `mediate setup-git` does it for a clone made with git itself or
// before the driver existed.
#pragma once

#include <string>

#include "signature.hpp"
#include "status.hpp"
#include "store_write.hpp"

namespace mediate {

/// Sets the repository config of the store at `root` so that git merges
/// the record files with `exe` (the absolute path of the mediate program):
/// merge.mediate.name and merge.mediate.driver = "'EXE' merge-file %O %A
/// %B %P". kIo when the config cannot be written.
Status RegisterMergeDriver(const std::string& root, const std::string& exe);

/// What `setup-git` did.
struct SetupGitOutcome {
  std::string
      commit;  ///< the commit adding the driver's lines to .gitattributes; "" when none was needed
};

/// `mediate setup-git`: registers the driver (RegisterMergeDriver) and,
/// when the store's .gitattributes lacks a line of GitAttributesText
/// (store_merge.hpp), adds the missing lines after what it holds, in one
/// commit (Mediate-Action: setup-git). Errors: those of RegisterMergeDriver
/// and StoreWrite::Commit.
Result<SetupGitOutcome> SetUpGit(StoreWrite& w, const Signature& op, const std::string& exe);

}  // namespace mediate
