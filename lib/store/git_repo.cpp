#include "git_repo.hpp"

#include "disk.hpp"
#include "fault.hpp"

#include <errno.h>
#include <fcntl.h>
#include <git2.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <mutex>
#include <set>
#include <string_view>
#include <thread>

#include <git2/sys/mempack.h>
#include <git2/sys/odb_backend.h>

#include "git_handles.hpp"
#include "git_index.hpp"
#include "git_pack.hpp"
#include "i18n.hpp"

namespace mediate {

using namespace git_internal;

namespace {

using OdbPtr = GitPtr<git_odb, git_odb_free>;

}  // namespace

// ---------------------------------------------------------------- GitRepo

struct GitRepo::Impl {
  RepoPtr repo;
  std::string git_dir;
};

GitRepo::~GitRepo() = default;
GitRepo::GitRepo(GitRepo&&) noexcept = default;
GitRepo& GitRepo::operator=(GitRepo&&) noexcept = default;

Result<GitRepo> GitRepo::Init(const std::string& workdir) {
  InitLibgit2();
  git_repository_init_options opts;
  git_repository_init_options_init(&opts, GIT_REPOSITORY_INIT_OPTIONS_VERSION);
  opts.flags = GIT_REPOSITORY_INIT_MKPATH | GIT_REPOSITORY_INIT_NO_REINIT;
  opts.initial_head = "main";
  git_repository* raw = nullptr;
  int rc = git_repository_init_ext(&raw, workdir.c_str(), &opts);
  if (rc == GIT_EEXISTS) return Status::Io(Tr("{0} is already a git repository", workdir));
  if (rc < 0) return GitIo(Tr("cannot create a git repository at {0}", workdir));
  GitRepo r;
  r.impl_ = std::make_unique<Impl>();
  r.impl_->repo.reset(raw);
  r.impl_->git_dir = StripTrailingSlash(git_repository_path(raw));
  r.workdir_ = StripTrailingSlash(workdir);
  return r;
}

Result<GitRepo> GitRepo::Open(const std::string& workdir) {
  InitLibgit2();
  git_repository* raw = nullptr;
  int rc = git_repository_open_ext(&raw, workdir.c_str(), GIT_REPOSITORY_OPEN_NO_SEARCH, nullptr);
  if (rc < 0) return GitOpenError(rc, workdir);
  RepoPtr repo(raw);
  if (git_repository_is_bare(raw))
    return Status::NotFound(Tr("{0} is a bare git repository", workdir));
  GitRepo r;
  r.impl_ = std::make_unique<Impl>();
  r.impl_->git_dir = StripTrailingSlash(git_repository_path(raw));
  r.impl_->repo = std::move(repo);
  r.workdir_ = StripTrailingSlash(workdir);
  return r;
}

std::string GitRepo::git_dir() const { return impl_->git_dir; }

Result<std::string> GitRepo::HeadId() const {
  git_oid id;
  bool unborn = false;
  MEDIATE_RETURN_IF_ERROR(ResolveHead(impl_->repo.get(), id, unborn));
  if (unborn) return std::string();
  return OidHex(&id);
}

std::optional<std::string> GitRepo::ConfigString(const std::string& key) const {
  git_config* raw = nullptr;
  if (git_repository_config_snapshot(&raw, impl_->repo.get()) < 0) return std::nullopt;
  ConfigPtr cfg(raw);
  const char* v = nullptr;
  if (git_config_get_string(&v, raw, key.c_str()) < 0 || v == nullptr) return std::nullopt;
  return std::string(v);
}

std::optional<std::string> GitRepo::LocalConfigString(const std::string& key) const {
  git_config* raw = nullptr;
  if (git_repository_config_snapshot(&raw, impl_->repo.get()) < 0) return std::nullopt;
  ConfigPtr all(raw);
  git_config* local_raw = nullptr;
  if (git_config_open_level(&local_raw, raw, GIT_CONFIG_LEVEL_LOCAL) < 0) return std::nullopt;
  ConfigPtr local(local_raw);
  const char* v = nullptr;
  if (git_config_get_string(&v, local_raw, key.c_str()) < 0 || v == nullptr) return std::nullopt;
  return std::string(v);
}

Status GitRepo::SetLocalConfigString(const std::string& key, const std::string& value) {
  git_config* raw = nullptr;
  if (git_repository_config(&raw, impl_->repo.get()) < 0)
    return GitIo(_("cannot open the git config"));
  ConfigPtr all(raw);
  git_config* local_raw = nullptr;
  if (git_config_open_level(&local_raw, raw, GIT_CONFIG_LEVEL_LOCAL) < 0)
    return GitIo(_("cannot open .git/config"));
  ConfigPtr local(local_raw);
  if (git_config_set_string(local_raw, key.c_str(), value.c_str()) < 0)
    return GitIo(Tr("cannot set {0} in .git/config", key));
  return Status::Ok();
}

std::string GitRepo::UnfinishedOperation() const {
  switch (git_repository_state(impl_->repo.get())) {
    case GIT_REPOSITORY_STATE_MERGE:
      return "merge";
    case GIT_REPOSITORY_STATE_REVERT:
    case GIT_REPOSITORY_STATE_REVERT_SEQUENCE:
      return "revert";
    case GIT_REPOSITORY_STATE_CHERRYPICK:
    case GIT_REPOSITORY_STATE_CHERRYPICK_SEQUENCE:
      return "cherry-pick";
    case GIT_REPOSITORY_STATE_BISECT:
      return "bisect";
    case GIT_REPOSITORY_STATE_REBASE:
    case GIT_REPOSITORY_STATE_REBASE_INTERACTIVE:
    case GIT_REPOSITORY_STATE_REBASE_MERGE:
      return "rebase";
    case GIT_REPOSITORY_STATE_APPLY_MAILBOX:
      return "am";
    case GIT_REPOSITORY_STATE_APPLY_MAILBOX_OR_REBASE:
      return "am or rebase";
    default:
      return "";
  }
}

Status GitRepo::CheckNoIndexLock() const {
  if (IndexLockExists(impl_->git_dir)) return IndexLockBusy();
  return Status::Ok();
}

Result<std::string> GitRepo::CommitPaths(const std::vector<std::string>& paths_in,
                                         const std::string& expected_head, const Signature& author,
                                         const std::string& message,
                                         const std::string& merge_parent) {
  git_repository* repo = impl_->repo.get();
  MEDIATE_RETURN_IF_ERROR(CheckPaths(paths_in));
  MEDIATE_RETURN_IF_ERROR(CheckAuthor(author));
  std::vector<std::string> paths = paths_in;
  std::sort(paths.begin(), paths.end());
  paths.erase(std::unique(paths.begin(), paths.end()), paths.end());

  // 1. Nothing may move HEAD while git itself is busy with the index.
  MEDIATE_RETURN_IF_ERROR(CheckNoIndexLock());

  // 2. HEAD must still be what the caller built the change on.
  git_reference* head_raw = nullptr;
  if (git_reference_lookup(&head_raw, repo, "HEAD") < 0) return GitIo(_("cannot read HEAD"));
  RefPtr head_ref(head_raw);
  std::string branch = git_reference_type(head_raw) == GIT_REFERENCE_SYMBOLIC
                           ? git_reference_symbolic_target(head_raw)
                           : "HEAD";
  git_oid head_id;
  bool unborn = false;
  MEDIATE_RETURN_IF_ERROR(ResolveHead(repo, head_id, unborn));
  std::string current = unborn ? "" : OidHex(&head_id);
  if (current != expected_head) return HeadMovedSince(expected_head, current);

  // The batch's objects go to an in-memory object database (a mempack
  // backend on a second handle of the repository, so this handle never
  // writes there), then into one pack (WriteBatchPack).
  git_repository* batch_raw = nullptr;
  if (git_repository_open_ext(&batch_raw, workdir_.c_str(), GIT_REPOSITORY_OPEN_NO_SEARCH,
                              nullptr) < 0)
    return GitIo(Tr("cannot open the git repository at {0}", workdir_));
  RepoPtr batch_repo(batch_raw);
  git_odb_backend* mempack = nullptr;
  {
    git_odb* odb_raw = nullptr;
    if (git_repository_odb(&odb_raw, batch_raw) < 0)
      return GitIo(_("cannot open the object store"));
    OdbPtr odb(odb_raw);
    if (git_mempack_new(&mempack) < 0) return GitIo(_("cannot make an in-memory object store"));
    // The odb owns the backend from here; priority above the loose (1) and
    // pack (2) backends, so every new object is written to memory.
    if (git_odb_add_backend(odb_raw, mempack, 1000) < 0) {
      mempack->free(mempack);
      return GitIo(_("cannot make an in-memory object store"));
    }
  }

  CommitPtr parent, second;
  TreePtr base_tree;
  if (!merge_parent.empty()) {
    git_oid id;
    git_commit* c = nullptr;
    if (git_oid_fromstr(&id, merge_parent.c_str()) < 0 || git_commit_lookup(&c, batch_raw, &id) < 0)
      return GitIo(Tr("cannot read the commit {0} to merge", ShortHex(merge_parent)));
    second.reset(c);
  }
  if (!unborn) {
    git_commit* c = nullptr;
    if (git_commit_lookup(&c, batch_raw, &head_id) < 0)
      return GitIo(_("cannot read the HEAD commit"));
    parent.reset(c);
    git_tree* t = nullptr;
    if (git_commit_tree(&t, c) < 0) return GitIo(_("cannot read the HEAD tree"));
    base_tree.reset(t);
  }

  // 3. Blobs for the paths' work-tree contents, and the tree updates.
  std::vector<git_tree_update> updates;
  std::vector<IndexUpdate> index_updates;
  updates.reserve(paths.size());
  index_updates.reserve(paths.size());
  WorkFile wf;
  for (const auto& p : paths) {
    MEDIATE_RETURN_IF_ERROR(LoadWorkFile(workdir_, p, wf));
    IndexUpdate iu;
    iu.path = p;
    if (wf.exists) {
      git_oid blob_id;
      if (git_blob_create_from_buffer(&blob_id, batch_raw, wf.content.data(), wf.content.size()) <
          0)
        return GitIo(Tr("cannot store {0}", p));
      iu.present = true;
      iu.id = blob_id;
      iu.mode = wf.mode;
      iu.have_stat = true;
      iu.st = wf.st;
    } else {
      bool found = false;
      git_oid old_id;
      git_filemode_t old_mode = GIT_FILEMODE_BLOB;
      MEDIATE_RETURN_IF_ERROR(EntryAt(base_tree.get(), p, found, old_id, old_mode));
      index_updates.push_back(std::move(iu));
      if (!found) continue;  // absent before and after: nothing to change in the tree
      git_tree_update u{};
      u.action = GIT_TREE_UPDATE_REMOVE;
      u.path = p.c_str();
      updates.push_back(u);
      continue;
    }
    git_tree_update u{};
    u.action = GIT_TREE_UPDATE_UPSERT;
    u.id = iu.id;
    u.filemode = iu.mode;
    u.path = p.c_str();
    updates.push_back(u);
    index_updates.push_back(std::move(iu));
  }

  git_oid tree_id;
  if (git_tree_create_updated(&tree_id, batch_raw, base_tree.get(), updates.size(),
                              updates.data()) < 0)
    return GitIo(_("cannot build the new tree"));
  git_tree* nt = nullptr;
  if (git_tree_lookup(&nt, batch_raw, &tree_id) < 0) return GitIo(_("cannot read the new tree"));
  TreePtr new_tree(nt);

  // 4. The commit object: the author is also the committer, now, local offset.
  git_signature* sig_raw = nullptr;
  if (git_signature_now(&sig_raw, author.name.c_str(), author.email.c_str()) < 0)
    return Status::Usage(Tr("invalid commit author '{0}': {1}", author.ToString(), GitErrorText()));
  SigPtr sig(sig_raw);
  git_buf msg = GIT_BUF_INIT;
  if (git_message_prettify(&msg, message.c_str(), 0, '#') < 0)
    return GitIo(_("bad commit message"));
  std::string clean_msg(msg.ptr ? msg.ptr : "", msg.size);
  git_buf_dispose(&msg);
  if (clean_msg.empty()) clean_msg = "(no message)\n";
  const git_commit* parents[2] = {parent.get(), second.get()};
  const size_t parent_count = !parent ? 0 : second ? 2 : 1;
  git_oid commit_id;
  if (git_commit_create(&commit_id, batch_raw, nullptr, sig.get(), sig.get(), nullptr,
                        clean_msg.c_str(), new_tree.get(), parent_count, parents) < 0)
    return GitIo(_("cannot create the commit"));

  // 5. Objects durable before the ref points at them: one pack and its
  // index, fsynced with the pack directory.
  std::vector<git_oid> new_objects;
  new_objects.reserve(index_updates.size() + 64);
  for (const auto& iu : index_updates)
    if (iu.present) new_objects.push_back(iu.id);
  {
    // The trees along each path are new objects too.
    std::set<std::string> dirs;
    for (const auto& p : paths)
      for (size_t s = p.find('/'); s != std::string::npos; s = p.find('/', s + 1))
        dirs.insert(p.substr(0, s));
    for (const auto& d : dirs) {
      bool found = false;
      git_oid id;
      git_filemode_t mode = GIT_FILEMODE_BLOB;
      MEDIATE_RETURN_IF_ERROR(EntryAt(new_tree.get(), d, found, id, mode));
      if (found && mode == GIT_FILEMODE_TREE) new_objects.push_back(id);
    }
  }
  new_objects.push_back(tree_id);
  new_objects.push_back(commit_id);
  MEDIATE_RETURN_IF_ERROR(WriteBatchPack(batch_raw, new_objects, impl_->git_dir));
  new_tree.reset();
  parent.reset();
  second.reset();
  base_tree.reset();
  batch_repo.reset();

  FaultPoint("after-objects");

  // 6. Move the branch by compare-and-swap on its old id.
  std::string summary = clean_msg.substr(0, clean_msg.find('\n'));
  std::string reflog = (unborn   ? "commit (initial): "
                        : second ? "commit (merge): "
                                 : "commit: ") +
                       summary;
  git_reference* out_ref = nullptr;
  int rc = unborn
               ? git_reference_create(&out_ref, repo, branch.c_str(), &commit_id, 0, reflog.c_str())
               : git_reference_create_matching(&out_ref, repo, branch.c_str(), &commit_id, 1,
                                               &head_id, reflog.c_str());
  RefPtr new_ref(out_ref);
  if (rc == GIT_EMODIFIED || rc == GIT_EEXISTS || rc == GIT_ELOCKED)
    return HeadMovedDuring(branch, /*committing=*/true);
  if (rc < 0) return GitIo(Tr("cannot update {0}", branch));
  std::string commit_hex = OidHex(&commit_id);
  std::string ref_path = impl_->git_dir + "/" + branch;
  (void)CurrentDisk().Sync(ref_path, false);
  (void)CurrentDisk().Sync(ref_path.substr(0, ref_path.rfind('/')), true);
  FaultPoint("after-ref");

  // 7. The real index follows, so `git status` is clean for these paths.
  MEDIATE_RETURN_IF_ERROR(SyncIndexEntries(repo, index_updates, commit_hex));
  return commit_hex;
}

Result<std::vector<std::string>> GitRepo::DirtyPaths() const {
  git_status_options opts;
  git_status_options_init(&opts, GIT_STATUS_OPTIONS_VERSION);
  opts.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR;
  opts.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS;
  git_status_list* raw = nullptr;
  if (git_status_list_new(&raw, impl_->repo.get(), &opts) < 0)
    return GitIo(_("cannot compute the status"));
  StatusListPtr list(raw);
  std::vector<std::string> out;
  size_t n = git_status_list_entrycount(raw);
  for (size_t i = 0; i < n; ++i) {
    const git_status_entry* e = git_status_byindex(raw, i);
    if (!e || e->status == GIT_STATUS_CURRENT || (e->status & GIT_STATUS_IGNORED)) continue;
    const git_diff_delta* d = e->index_to_workdir ? e->index_to_workdir : e->head_to_index;
    if (!d) continue;
    const char* p = d->new_file.path ? d->new_file.path : d->old_file.path;
    if (p) out.emplace_back(p);
    if (e->head_to_index && e->head_to_index->old_file.path &&
        std::strcmp(e->head_to_index->old_file.path, p ? p : "") != 0)
      out.emplace_back(e->head_to_index->old_file.path);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

Result<std::vector<CommitInfo>> GitRepo::Log(const std::string& path) const {
  git_repository* repo = impl_->repo.get();
  std::vector<CommitInfo> out;
  git_oid head;
  bool unborn = false;
  MEDIATE_RETURN_IF_ERROR(ResolveHead(repo, head, unborn));
  if (unborn) return out;
  git_revwalk* w = nullptr;
  if (git_revwalk_new(&w, repo) < 0) return GitIo(_("cannot walk the history"));
  WalkPtr walk(w);
  git_revwalk_sorting(w, GIT_SORT_TOPOLOGICAL | GIT_SORT_TIME);
  if (git_revwalk_push(w, &head) < 0) return GitIo(_("cannot walk the history"));
  git_oid id;
  for (;;) {
    int rc = git_revwalk_next(&id, w);
    if (rc == GIT_ITEROVER) break;
    if (rc < 0) return GitIo(_("cannot walk the history"));
    git_commit* c = nullptr;
    if (git_commit_lookup(&c, repo, &id) < 0)
      return GitIo(Tr("cannot read commit {0}", OidHex(&id)));
    CommitPtr commit(c);
    if (!path.empty()) {
      git_tree* t = nullptr;
      if (git_commit_tree(&t, c) < 0) return GitIo(Tr("cannot read commit {0}", OidHex(&id)));
      TreePtr tree(t);
      bool here = false;
      git_oid here_id;
      git_filemode_t mode = GIT_FILEMODE_BLOB;
      MEDIATE_RETURN_IF_ERROR(EntryAt(t, path, here, here_id, mode));
      bool before = false;
      git_oid before_id;
      if (git_commit_parentcount(c) > 0) {
        git_commit* pc = nullptr;
        if (git_commit_parent(&pc, c, 0) < 0)
          return GitIo(Tr("cannot read a parent of {0}", OidHex(&id)));
        CommitPtr pcommit(pc);
        git_tree* ptr = nullptr;
        if (git_commit_tree(&ptr, pc) < 0)
          return GitIo(Tr("cannot read a parent of {0}", OidHex(&id)));
        TreePtr ptree(ptr);
        MEDIATE_RETURN_IF_ERROR(EntryAt(ptr, path, before, before_id, mode));
      }
      bool changed = here != before || (here && !git_oid_equal(&here_id, &before_id));
      if (!changed) continue;
    }
    CommitInfo info;
    info.id = OidHex(&id);
    info.short_id = ShortHex(info.id);
    const git_signature* a = git_commit_author(c);
    info.author = FromGit(a);
    if (a) {
      info.time = static_cast<std::int64_t>(a->when.time);
      info.offset_minutes = a->when.offset;
    }
    const char* m = git_commit_message(c);
    info.message = m ? m : "";
    const char* s = git_commit_summary(c);
    info.summary = s ? s : "";
    out.push_back(std::move(info));
  }
  return out;
}

Result<std::optional<std::string>> GitRepo::ReadAt(const std::string& commit_id,
                                                   const std::string& path) const {
  git_repository* repo = impl_->repo.get();
  git_object* obj = nullptr;
  int rc = git_revparse_single(&obj, repo, commit_id.c_str());
  if (rc == GIT_ENOTFOUND || rc == GIT_EAMBIGUOUS || rc == GIT_EINVALIDSPEC)
    return Status::NotFound(Tr("no commit {0}", commit_id));
  if (rc < 0) return GitIo(Tr("cannot find commit {0}", commit_id));
  ObjectPtr object(obj);
  git_object* peeled = nullptr;
  if (git_object_peel(&peeled, obj, GIT_OBJECT_COMMIT) < 0)
    return Status::NotFound(Tr("{0} is not a commit", commit_id));
  ObjectPtr commit_obj(peeled);
  git_tree* t = nullptr;
  if (git_commit_tree(&t, reinterpret_cast<git_commit*>(peeled)) < 0)
    return GitIo(Tr("cannot read commit {0}", commit_id));
  TreePtr tree(t);
  std::optional<std::string> out;
  MEDIATE_RETURN_IF_ERROR(BlobContent(repo, t, path, ShortHex(commit_id), out));
  return out;
}

Result<std::vector<std::string>> GitRepo::ChangedPaths(const std::string& commit_id) const {
  git_repository* repo = impl_->repo.get();
  git_object* obj = nullptr;
  if (git_revparse_single(&obj, repo, commit_id.c_str()) < 0)
    return Status::NotFound(Tr("no commit {0}", commit_id));
  ObjectPtr o(obj);
  git_commit* c = nullptr;
  if (git_commit_lookup(&c, repo, git_object_id(obj)) < 0)
    return Status::NotFound(Tr("{0} is not a commit", commit_id));
  CommitPtr commit(c);
  git_tree *t = nullptr, *pt = nullptr;
  if (git_commit_tree(&t, c) < 0) return GitIo(Tr("cannot read the tree of {0}", commit_id));
  TreePtr tree(t);
  TreePtr parent_tree;
  if (git_commit_parentcount(c) > 0) {
    git_commit* p = nullptr;
    if (git_commit_parent(&p, c, 0) < 0 || git_commit_tree(&pt, p) < 0) {
      git_commit_free(p);
      return GitIo(Tr("cannot read the parent of {0}", commit_id));
    }
    git_commit_free(p);
    parent_tree.reset(pt);
  }
  git_diff* d = nullptr;
  if (git_diff_tree_to_tree(&d, repo, parent_tree.get(), t, nullptr) < 0)
    return GitIo(Tr("cannot compare {0} with its parent", commit_id));
  std::vector<std::string> out;
  for (std::size_t i = 0; i < git_diff_num_deltas(d); ++i) {
    const git_diff_delta* delta = git_diff_get_delta(d, i);
    out.push_back(delta->status == GIT_DELTA_DELETED ? delta->old_file.path : delta->new_file.path);
  }
  git_diff_free(d);
  std::sort(out.begin(), out.end());
  return out;
}

Result<std::optional<std::string>> GitRepo::ReadHead(const std::string& path) const {
  TreePtr tree;
  MEDIATE_RETURN_IF_ERROR(HeadTree(impl_->repo.get(), tree));
  std::optional<std::string> out;
  MEDIATE_RETURN_IF_ERROR(BlobContent(impl_->repo.get(), tree.get(), path, "HEAD", out));
  return out;
}

Result<std::vector<std::string>> GitRepo::ChangedFromHead(
    const std::vector<std::string>& paths) const {
  TreePtr tree;
  MEDIATE_RETURN_IF_ERROR(HeadTree(impl_->repo.get(), tree));
  std::vector<std::string> out;
  WorkFile wf;
  for (const auto& p : paths) {
    if (!IsStoreRelativePath(p)) return Status::Rejected(Tr("invalid path '{0}'", p));
    bool found = false;
    git_oid head_id;
    git_filemode_t mode = GIT_FILEMODE_BLOB;
    MEDIATE_RETURN_IF_ERROR(EntryAt(tree.get(), p, found, head_id, mode));
    Status st = LoadWorkFile(workdir_, p, wf);
    if (!st.ok()) {
      out.push_back(p);  // a directory or unreadable: certainly not HEAD's file
      continue;
    }
    if (found != wf.exists) {
      out.push_back(p);
      continue;
    }
    if (!found) continue;
    git_oid work_id;
    if (git_odb_hash(&work_id, wf.content.data(), wf.content.size(), GIT_OBJECT_BLOB) < 0)
      return GitIo(Tr("cannot hash {0}", p));
    if (!git_oid_equal(&work_id, &head_id)) out.push_back(p);
  }
  return out;
}

Status GitRepo::FastForward(const std::vector<std::string>& paths, const std::string& expected_head,
                            const std::string& target) {
  git_repository* repo = impl_->repo.get();
  MEDIATE_RETURN_IF_ERROR(CheckPaths(paths));
  MEDIATE_RETURN_IF_ERROR(CheckNoIndexLock());
  git_reference* head_raw = nullptr;
  if (git_reference_lookup(&head_raw, repo, "HEAD") < 0) return GitIo(_("cannot read HEAD"));
  RefPtr head_ref(head_raw);
  if (git_reference_type(head_raw) != GIT_REFERENCE_SYMBOLIC)
    return Status::Rejected(_("HEAD is detached: check out the store's branch first"));
  const std::string branch = git_reference_symbolic_target(head_raw);
  git_oid old_id, new_id;
  if (git_oid_fromstr(&old_id, expected_head.c_str()) < 0 ||
      git_oid_fromstr(&new_id, target.c_str()) < 0)
    return Status::Internal("fast-forward from '" + expected_head + "' to '" + target + "'");
  git_reference* out = nullptr;
  int rc = git_reference_create_matching(&out, repo, branch.c_str(), &new_id, 1, &old_id,
                                         "merge: fast-forward");
  RefPtr moved(out);
  if (rc == GIT_EMODIFIED || rc == GIT_EEXISTS || rc == GIT_ELOCKED)
    return HeadMovedDuring(branch, /*committing=*/false);
  if (rc < 0) return GitIo(Tr("cannot update {0}", branch));
  std::string ref_path = impl_->git_dir + "/" + branch;
  (void)CurrentDisk().Sync(ref_path, false);
  (void)CurrentDisk().Sync(ref_path.substr(0, ref_path.rfind('/')), true);
  FaultPoint("after-ref");
  return SyncIndex(paths);
}

Status GitRepo::SyncIndex(const std::vector<std::string>& paths) {
  MEDIATE_RETURN_IF_ERROR(CheckPaths(paths));
  MEDIATE_RETURN_IF_ERROR(CheckNoIndexLock());
  TreePtr tree;
  MEDIATE_RETURN_IF_ERROR(HeadTree(impl_->repo.get(), tree));
  std::vector<IndexUpdate> updates;
  WorkFile wf;
  for (const auto& p : paths) {
    IndexUpdate u;
    u.path = p;
    git_filemode_t mode = GIT_FILEMODE_BLOB;
    MEDIATE_RETURN_IF_ERROR(EntryAt(tree.get(), p, u.present, u.id, mode));
    if (u.present && mode == GIT_FILEMODE_TREE) continue;  // not a file: leave it
    u.mode = mode;
    if (u.present && LoadWorkFile(workdir_, p, wf).ok() && wf.exists) {
      git_oid work_id;
      if (git_odb_hash(&work_id, wf.content.data(), wf.content.size(), GIT_OBJECT_BLOB) == 0 &&
          git_oid_equal(&work_id, &u.id)) {
        u.have_stat = true;
        u.st = wf.st;
      }
    }
    updates.push_back(std::move(u));
  }
  return SyncIndexEntries(impl_->repo.get(), updates, "");
}

}  // namespace mediate
