#include "git_merge.hpp"

#include <git2.h>
#include <git2/sys/merge.h>

#include <mutex>
#include <optional>

#include "git_handles.hpp"
#include "i18n.hpp"

namespace mediate {

using namespace git_internal;

namespace {

using DiffPtr = GitPtr<git_diff, git_diff_free>;

/// The merge in progress on this thread: the caller's file merge, and the
/// files it refused.
struct DriverCall {
  const FileMergeFn* merge_file = nullptr;
  std::vector<UnmergedPath>* refused = nullptr;
};
thread_local DriverCall g_call;

/// The bytes of blob `id`, or nullopt when it cannot be read.
std::optional<std::string> BlobText(git_repository* repo, const git_oid& id) {
  git_blob* b = nullptr;
  if (git_blob_lookup(&b, repo, &id) < 0) return std::nullopt;
  BlobPtr blob(b);
  return std::string(static_cast<const char*>(git_blob_rawcontent(b)),
                     static_cast<std::size_t>(git_blob_rawsize(b)));
}

/// libgit2's driver "mediate": reads the three versions and hands them to
/// the thread's FileMergeFn. Outside MergeIntoHead it passes the file to
/// git's text merge.
int ApplyDriver(git_merge_driver*, const char** path_out, std::uint32_t* mode_out,
                git_buf* merged_out, const char*, const git_merge_driver_source* src) {
  if (!g_call.merge_file) return GIT_PASSTHROUGH;
  git_repository* repo = git_merge_driver_source_repo(src);
  const git_index_entry* anc = git_merge_driver_source_ancestor(src);
  const git_index_entry* ours = git_merge_driver_source_ours(src);
  const git_index_entry* theirs = git_merge_driver_source_theirs(src);
  if (!ours || !theirs) return GIT_EMERGECONFLICT;  // removed on one side: git's conflict
  auto o = BlobText(repo, ours->id), t = BlobText(repo, theirs->id);
  std::optional<std::string> b = anc ? BlobText(repo, anc->id) : std::string();
  if (!o || !t || !b) return GIT_EMERGECONFLICT;
  auto merged = (*g_call.merge_file)(ours->path, *b, *o, *t);
  if (!merged.ok()) {
    g_call.refused->push_back({ours->path, merged.status().message()});
    return GIT_EMERGECONFLICT;
  }
  if (git_buf_set(merged_out, merged->data(), merged->size()) < 0) return -1;
  *path_out = ours->path;
  *mode_out = ours->mode;
  return 0;
}

git_merge_driver g_driver = {GIT_MERGE_DRIVER_VERSION, nullptr, nullptr, ApplyDriver};

/// Registers the driver once per process (libgit2's registry is not
/// thread-safe: this runs before any merge).
Status RegisterDriver() {
  static std::once_flag once;
  static int rc = 0;
  std::call_once(once, [] {
    InitLibgit2();
    rc = git_merge_driver_register("mediate", &g_driver);
    if (rc == GIT_EEXISTS) rc = 0;
  });
  if (rc < 0) return GitIo(_("cannot register the merge driver"));
  return Status::Ok();
}

Status LookupCommit(git_repository* repo, const std::string& hex, CommitPtr& out) {
  git_oid id;
  git_commit* c = nullptr;
  if (git_oid_fromstr(&id, hex.c_str()) < 0 || git_commit_lookup(&c, repo, &id) < 0)
    return GitIo(Tr("cannot read the commit {0}", ShortHex(hex)));
  out.reset(c);
  return Status::Ok();
}

/// The changes that turn tree `from` into tree `to`, with contents.
Status ChangesBetween(git_repository* repo, git_tree* from, git_tree* to,
                      std::vector<PathChange>& out) {
  git_diff_options opts;
  git_diff_options_init(&opts, GIT_DIFF_OPTIONS_VERSION);
  git_diff* d = nullptr;
  if (git_diff_tree_to_tree(&d, repo, from, to, &opts) < 0)
    return GitIo(_("cannot compare the trees"));
  DiffPtr diff(d);
  const std::size_t n = git_diff_num_deltas(d);
  out.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    const git_diff_delta* delta = git_diff_get_delta(d, i);
    if (delta->status == GIT_DELTA_DELETED) {
      out.push_back({delta->old_file.path, std::nullopt});
      continue;
    }
    auto text = BlobText(repo, delta->new_file.id);
    if (!text) return GitIo(Tr("cannot read {0}", delta->new_file.path));
    out.push_back({delta->new_file.path, std::move(*text)});
  }
  return Status::Ok();
}

}  // namespace

Result<TreeMerge> MergeIntoHead(const std::string& workdir, const std::string& head,
                                const std::string& theirs, const FileMergeFn& merge_file) {
  MEDIATE_RETURN_IF_ERROR(RegisterDriver());
  git_repository* r = nullptr;
  if (int rc = git_repository_open_ext(&r, workdir.c_str(), GIT_REPOSITORY_OPEN_NO_SEARCH, nullptr);
      rc < 0)
    return GitOpenError(rc, workdir);
  RepoPtr repo(r);
  TreeMerge out;
  if (head == theirs) return out;
  CommitPtr ours_c, theirs_c;
  MEDIATE_RETURN_IF_ERROR(LookupCommit(r, head, ours_c));
  MEDIATE_RETURN_IF_ERROR(LookupCommit(r, theirs, theirs_c));
  git_oid base;
  int rc = git_merge_base(&base, r, git_commit_id(ours_c.get()), git_commit_id(theirs_c.get()));
  if (rc < 0 && rc != GIT_ENOTFOUND) return GitIo(_("cannot find the common history"));
  const bool has_base = rc == 0;
  if (has_base && git_oid_equal(&base, git_commit_id(theirs_c.get()))) return out;

  git_tree *ours_t = nullptr, *theirs_t = nullptr;
  if (git_commit_tree(&ours_t, ours_c.get()) < 0) return GitIo(_("cannot read HEAD's tree"));
  TreePtr ours_tree(ours_t);
  if (git_commit_tree(&theirs_t, theirs_c.get()) < 0)
    return GitIo(_("cannot read the fetched tree"));
  TreePtr theirs_tree(theirs_t);
  if (has_base && git_oid_equal(&base, git_commit_id(ours_c.get()))) {
    out.kind = MergeKind::kFastForward;
    MEDIATE_RETURN_IF_ERROR(ChangesBetween(r, ours_t, theirs_t, out.changes));
    return out;
  }

  out.kind = MergeKind::kMerge;
  git_merge_options opts;
  git_merge_options_init(&opts, GIT_MERGE_OPTIONS_VERSION);
  opts.flags = 0;  // no rename detection: a record's name is its id
  g_call = DriverCall{&merge_file, &out.unmerged};
  git_index* idx = nullptr;
  rc = git_merge_commits(&idx, r, ours_c.get(), theirs_c.get(), &opts);
  g_call = DriverCall{};
  if (rc < 0) return GitIo(Tr("cannot merge {0} into {1}", ShortHex(theirs), ShortHex(head)));
  IndexPtr index(idx);
  if (git_index_has_conflicts(idx)) {
    git_index_conflict_iterator* it = nullptr;
    if (git_index_conflict_iterator_new(&it, idx) < 0) return GitIo(_("cannot list the conflicts"));
    const git_index_entry *a, *o, *t;
    while (git_index_conflict_next(&a, &o, &t, it) == 0) {
      const char* p = o ? o->path : t ? t->path : a->path;
      bool listed = false;
      for (const auto& u : out.unmerged) listed = listed || u.path == p;
      if (!listed)
        out.unmerged.push_back({p, !o || !t
                                       ? _("removed on one side, changed on the other")
                                       : _("both sides changed it and git cannot merge them")});
    }
    git_index_conflict_iterator_free(it);
    if (has_base) {
      out.base = OidHex(&base);
      git_commit* bc = nullptr;
      git_tree* bt = nullptr;
      if (git_commit_lookup(&bc, r, &base) < 0) return GitIo(_("cannot read the merge base"));
      CommitPtr base_c(bc);
      if (git_commit_tree(&bt, bc) < 0) return GitIo(_("cannot read the merge base's tree"));
      TreePtr base_tree(bt);
      std::vector<PathChange> theirs_changes;
      MEDIATE_RETURN_IF_ERROR(ChangesBetween(r, bt, theirs_t, theirs_changes));
      for (auto& c : theirs_changes) out.theirs_changed.push_back(std::move(c.path));
    }
    return out;
  }
  out.unmerged.clear();
  git_oid tree_id;
  if (git_index_write_tree_to(&tree_id, idx, r) < 0)
    return GitIo(_("cannot write the merged tree"));
  git_tree* mt = nullptr;
  if (git_tree_lookup(&mt, r, &tree_id) < 0) return GitIo(_("cannot read the merged tree"));
  TreePtr merged_tree(mt);
  MEDIATE_RETURN_IF_ERROR(ChangesBetween(r, ours_t, mt, out.changes));
  return out;
}

}  // namespace mediate
