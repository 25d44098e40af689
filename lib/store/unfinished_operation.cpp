#include "unfinished_operation.hpp"

#include "i18n.hpp"

namespace mediate {

std::string UnfinishedOperationMessage(const std::string& op) {
  if (op.empty()) return "";
  std::string how;
  if (op == "merge")
    how =
        _("resolve the conflicts, 'git add' the files and run 'git merge --continue', or give "
          "the merge up with 'git merge --abort'");
  else if (op == "rebase" || op == "cherry-pick" || op == "revert" || op == "am")
    how =
        Tr("resolve the conflicts, 'git add' the files and run 'git {0} --continue', or give it "
           "up with 'git {0} --abort'",
           op);
  else if (op == "bisect")
    how = _("end it with 'git bisect reset'");
  else
    how =
        _("finish it (git status tells how) or abort it ('git rebase --abort', 'git am --abort')");
  return Tr(
      "a git {0} is unfinished in this store: {1}; then run the command again (nothing was "
      "written)",
      op, how);
}

Status CheckNoUnfinishedOperation(const GitRepo& repo) {
  std::string op = repo.UnfinishedOperation();
  if (op.empty()) return Status::Ok();
  return Status::Busy(UnfinishedOperationMessage(op));
}

}  // namespace mediate
