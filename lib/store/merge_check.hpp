// What a merge commit did beyond its parents. A clone that pulls makes
// merge commits with git, not mediate, so they carry no `Mediate-Action:`
// trailer; `mediate audit` accepts one when it took every path from one of
// its parents (what git's own merge gives when the two sides changed
// different files, as clones registering different cases do), and names
// it otherwise: a path that differs from every parent was edited by hand
// while merging (a resolved conflict).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "git_handles.hpp"
#include "status.hpp"

namespace mediate {

class MergeCheck {
 public:
  /// Opens the repository whose work tree is `root`. kNotFound when none.
  static Result<MergeCheck> Open(const std::string& root);

  /// For the commit `commit_id` (full hex): nullopt when it has fewer than
  /// two parents (no merge); otherwise the paths, sorted, whose entry in the
  /// merge differs from that path's entry (content and mode, or absence) in
  /// every parent — empty for a merge without edits of its own. Compares
  /// trees only (cost follows what differs from the first parent; renames
  /// are not followed). kIo on git errors.
  Result<std::optional<std::vector<std::string>>> OwnChanges(const std::string& commit_id) const;

  /// The versions of `path` a merge driver saw for the two-parent merge
  /// `commit_id`: at the merge base of the parents ("" when absent or no
  /// base), in the first parent (ours), in the second (theirs), and in the
  /// merge itself. kIo on git errors.
  struct Versions {
    std::string base, ours, theirs, merged;
  };
  Result<Versions> VersionsOf(const std::string& commit_id, const std::string& path) const;

 private:
  git_internal::RepoPtr repo_;
};

}  // namespace mediate
