#include "unfinished_operation.hpp"

namespace mediate {

std::string UnfinishedOperationMessage(const std::string& op) {
  if (op.empty()) return "";
  std::string how;
  if (op == "merge")
    how =
        "resolve the conflicts, 'git add' the files and run 'git merge --continue', or give the "
        "merge up with 'git merge --abort'";
  else if (op == "rebase" || op == "cherry-pick" || op == "revert" || op == "am")
    how = "resolve the conflicts, 'git add' the files and run 'git " + op +
          " --continue', or give it up with 'git " + op + " --abort'";
  else if (op == "bisect")
    how = "end it with 'git bisect reset'";
  else
    how = "finish it (git status tells how) or abort it ('git rebase --abort', 'git am --abort')";
  return "a git " + op + " is unfinished in this store: " + how +
         "; then run the command again (nothing was written)";
}

Status CheckNoUnfinishedOperation(const GitRepo& repo) {
  std::string op = repo.UnfinishedOperation();
  if (op.empty()) return Status::Ok();
  return Status::Busy(UnfinishedOperationMessage(op));
}

}  // namespace mediate
