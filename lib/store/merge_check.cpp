#include "merge_check.hpp"

#include "i18n.hpp"

#include <algorithm>

namespace mediate {

using namespace git_internal;

namespace {

using DiffPtr = GitPtr<git_diff, git_diff_free>;

/// The commit `commit_id` (full hex) of `repo`. kIo when it cannot be read.
Result<CommitPtr> LookupCommit(git_repository* repo, const std::string& commit_id) {
  git_oid id;
  if (git_oid_fromstr(&id, commit_id.c_str()) < 0) return GitIo(Tr("bad commit id {0}", commit_id));
  git_commit* raw = nullptr;
  if (git_commit_lookup(&raw, repo, &id) < 0) return GitIo(Tr("cannot read commit {0}", commit_id));
  return CommitPtr(raw);
}

}  // namespace

Result<MergeCheck> MergeCheck::Open(const std::string& root) {
  InitLibgit2();
  git_repository* raw = nullptr;
  int rc = git_repository_open_ext(&raw, root.c_str(), GIT_REPOSITORY_OPEN_NO_SEARCH, nullptr);
  if (rc < 0) return GitOpenError(rc, root);
  MergeCheck m;
  m.repo_.reset(raw);
  return m;
}

Result<std::optional<std::vector<std::string>>> MergeCheck::OwnChanges(
    const std::string& commit_id) const {
  git_repository* repo = repo_.get();
  auto looked_up = LookupCommit(repo, commit_id);
  if (!looked_up.ok()) return looked_up.status();
  CommitPtr commit = std::move(looked_up.value());
  git_commit* c_raw = commit.get();
  const unsigned parents = git_commit_parentcount(c_raw);
  if (parents < 2) return std::optional<std::vector<std::string>>();
  git_tree* t_raw = nullptr;
  if (git_commit_tree(&t_raw, c_raw) < 0)
    return GitIo(Tr("cannot read the tree of {0}", commit_id));
  TreePtr tree(t_raw);
  std::vector<TreePtr> parent_trees;
  for (unsigned i = 0; i < parents; ++i) {
    git_commit* p_raw = nullptr;
    if (git_commit_parent(&p_raw, c_raw, i) < 0)
      return GitIo(Tr("cannot read a parent of {0}", commit_id));
    CommitPtr parent(p_raw);
    git_tree* pt = nullptr;
    if (git_commit_tree(&pt, p_raw) < 0) return GitIo(Tr("cannot read a parent of {0}", commit_id));
    parent_trees.emplace_back(pt);
  }
  // What differs from the first parent must equal some other parent.
  git_diff* d_raw = nullptr;
  if (git_diff_tree_to_tree(&d_raw, repo, parent_trees[0].get(), tree.get(), nullptr) < 0)
    return GitIo(Tr("cannot compare {0} with its first parent", commit_id));
  DiffPtr diff(d_raw);
  std::vector<std::string> own;
  for (size_t k = 0; k < git_diff_num_deltas(d_raw); ++k) {
    const git_diff_delta* delta = git_diff_get_delta(d_raw, k);
    const bool removed = delta->status == GIT_DELTA_DELETED;
    const std::string path = removed ? delta->old_file.path : delta->new_file.path;
    bool from_a_parent = false;
    for (unsigned i = 1; i < parents && !from_a_parent; ++i) {
      bool found = false;
      git_oid pid;
      git_filemode_t mode = GIT_FILEMODE_UNREADABLE;
      MEDIATE_RETURN_IF_ERROR(EntryAt(parent_trees[i].get(), path, found, pid, mode));
      from_a_parent = removed ? !found
                              : found && git_oid_equal(&pid, &delta->new_file.id) &&
                                    mode == static_cast<git_filemode_t>(delta->new_file.mode);
    }
    if (!from_a_parent) own.push_back(path);
  }
  std::sort(own.begin(), own.end());
  return std::optional<std::vector<std::string>>(std::move(own));
}

namespace {

/// The content of `path` in the tree of `commit` ("" when absent).
Result<std::string> BlobAt(git_repository* repo, const git_commit* commit,
                           const std::string& path) {
  git_tree* t_raw = nullptr;
  if (git_commit_tree(&t_raw, commit) < 0) return GitIo(_("cannot read a tree"));
  TreePtr tree(t_raw);
  git_tree_entry* e_raw = nullptr;
  if (git_tree_entry_bypath(&e_raw, t_raw, path.c_str()) < 0) return std::string();
  EntryPtr entry(e_raw);
  git_blob* b_raw = nullptr;
  if (git_blob_lookup(&b_raw, repo, git_tree_entry_id(e_raw)) < 0) return std::string();
  BlobPtr blob(b_raw);
  return std::string(static_cast<const char*>(git_blob_rawcontent(b_raw)),
                     static_cast<std::size_t>(git_blob_rawsize(b_raw)));
}

}  // namespace

Result<MergeCheck::Versions> MergeCheck::VersionsOf(const std::string& commit_id,
                                                    const std::string& path) const {
  git_repository* repo = repo_.get();
  auto looked_up = LookupCommit(repo, commit_id);
  if (!looked_up.ok()) return looked_up.status();
  CommitPtr commit = std::move(looked_up.value());
  git_commit* c_raw = commit.get();
  if (git_commit_parentcount(c_raw) < 2) return Status::Internal(commit_id + " is no merge");
  git_commit *p0 = nullptr, *p1 = nullptr;
  if (git_commit_parent(&p0, c_raw, 0) < 0)
    return GitIo(Tr("cannot read a parent of {0}", commit_id));
  CommitPtr ours(p0);
  if (git_commit_parent(&p1, c_raw, 1) < 0)
    return GitIo(Tr("cannot read a parent of {0}", commit_id));
  CommitPtr theirs(p1);
  Versions v;
  auto read = [&](const git_commit* c, std::string* out) -> Status {
    auto text = BlobAt(repo, c, path);
    if (!text.ok()) return text.status();
    *out = std::move(text.value());
    return Status::Ok();
  };
  MEDIATE_RETURN_IF_ERROR(read(c_raw, &v.merged));
  MEDIATE_RETURN_IF_ERROR(read(p0, &v.ours));
  MEDIATE_RETURN_IF_ERROR(read(p1, &v.theirs));
  git_oid base_id;
  if (git_merge_base(&base_id, repo, git_commit_id(p0), git_commit_id(p1)) == 0) {
    git_commit* b_raw = nullptr;
    if (git_commit_lookup(&b_raw, repo, &base_id) < 0) return GitIo(_("cannot read a merge base"));
    CommitPtr base(b_raw);
    MEDIATE_RETURN_IF_ERROR(read(b_raw, &v.base));
  }
  return v;
}

}  // namespace mediate
