// Writes wait for git: while a `git merge`, `rebase`, `cherry-pick`,
// `revert`, `am` or `bisect` is unfinished in the store, no mediate command
// commits. A commit then would land on the half-merged HEAD with only its
// own paths, leave the conflicted files and MERGE_HEAD behind, and make the
// merge that is finished later carry a change nobody merged.
#pragma once

#include <string>

#include "git_repo.hpp"
#include "status.hpp"

namespace mediate {

/// Ok when no git operation is unfinished in `repo` (GitRepo::
/// UnfinishedOperation); otherwise kBusy (exit 4, as a held lock or
/// `.git/index.lock`) naming the operation and the git commands that finish
/// it or give it up ("git merge --continue" after resolving the conflicts,
/// "git merge --abort"), saying that nothing was written.
Status CheckNoUnfinishedOperation(const GitRepo& repo);

/// The message of CheckNoUnfinishedOperation for `operation` (a name
/// UnfinishedOperation gives). Empty for "".
std::string UnfinishedOperationMessage(const std::string& operation);

}  // namespace mediate
