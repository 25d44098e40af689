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
#include <thread>

namespace mediate {

namespace {

void InitLibgit2() {
  static std::once_flag once;
  std::call_once(once, [] {
    git_libgit2_init();  // never shut down
    // libgit2 caches trees of up to 4 KiB only; a month directory of a large
    // store (cases/2026/03: thousands of entries) is bigger, so every lookup
    // of a path in it would inflate and parse the whole tree again. 8 MiB
    // holds a month of a 10^6-case store; the cache's total stays bounded
    // (GIT_OPT_SET_CACHE_MAX_SIZE, 256 MiB by default).
    git_libgit2_opts(GIT_OPT_SET_CACHE_OBJECT_LIMIT, GIT_OBJECT_TREE, static_cast<size_t>(8) << 20);
  });
}

template <typename T, void (*F)(T*)>
struct GitDeleter {
  void operator()(T* p) const {
    if (p) F(p);
  }
};
template <typename T, void (*F)(T*)>
using GitPtr = std::unique_ptr<T, GitDeleter<T, F>>;

using RepoPtr = GitPtr<git_repository, git_repository_free>;
using CommitPtr = GitPtr<git_commit, git_commit_free>;
using TreePtr = GitPtr<git_tree, git_tree_free>;
using EntryPtr = GitPtr<git_tree_entry, git_tree_entry_free>;
using BlobPtr = GitPtr<git_blob, git_blob_free>;
using RefPtr = GitPtr<git_reference, git_reference_free>;
using SigPtr = GitPtr<git_signature, git_signature_free>;
using WalkPtr = GitPtr<git_revwalk, git_revwalk_free>;
using ConfigPtr = GitPtr<git_config, git_config_free>;
using StatusListPtr = GitPtr<git_status_list, git_status_list_free>;
using ObjectPtr = GitPtr<git_object, git_object_free>;
using IndexPtr = GitPtr<git_index, git_index_free>;

/// libgit2's last error message, lowercased at the start like git's.
std::string GitErrorText() {
  const git_error* e = git_error_last();
  std::string m = (e && e->message) ? e->message : "unknown libgit2 error";
  if (!m.empty() && m[0] >= 'A' && m[0] <= 'Z' && !(m.size() > 1 && m[1] >= 'A' && m[1] <= 'Z'))
    m[0] = static_cast<char>(m[0] - 'A' + 'a');
  return m;
}

Status GitIo(const std::string& what) { return Status::Io(what + ": " + GitErrorText()); }

std::string OidHex(const git_oid* oid) {
  char buf[GIT_OID_HEXSZ + 1];
  git_oid_tostr(buf, sizeof buf, oid);
  return buf;
}

std::string ShortHex(const std::string& hex) { return hex.substr(0, 7); }

std::string StripTrailingSlash(std::string s) {
  while (s.size() > 1 && s.back() == '/') s.pop_back();
  return s;
}

/// A path relative to the work tree that is safe to hand to git.
bool ValidRelativePath(const std::string& p) {
  if (p.empty() || p.front() == '/' || p.back() == '/') return false;
  if (p.find('\0') != std::string::npos || p.find('\n') != std::string::npos) return false;
  size_t start = 0;
  while (start <= p.size()) {
    size_t end = p.find('/', start);
    if (end == std::string::npos) end = p.size();
    std::string c = p.substr(start, end - start);
    if (c.empty() || c == "." || c == "..") return false;
    if (start == 0 && c == ".git") return false;
    start = end + 1;
  }
  return true;
}

Status CheckPaths(const std::vector<std::string>& paths) {
  for (const auto& p : paths)
    if (!ValidRelativePath(p)) return Status::Rejected("invalid path '" + p + "'");
  return Status::Ok();
}

/// The blob a work-tree path would become: its bytes, mode and stat data.
struct WorkFile {
  bool exists = false;
  std::string content;
  git_filemode_t mode = GIT_FILEMODE_BLOB;
  FileStat st;
};

Status LoadWorkFile(const std::string& workdir, const std::string& rel, WorkFile& wf) {
  std::string full = workdir + "/" + rel;
  Disk& disk = CurrentDisk();
  wf = WorkFile{};
  auto lst = disk.Stat(full, /*follow_links=*/false);
  if (!lst.ok()) {
    if (lst.status().kind() == ErrorKind::kNotFound) return Status::Ok();
    return Status::Io("cannot read " + rel + ": " + lst.status().message());
  }
  if (lst->type == FileStat::Type::kSymlink) {
    auto target = disk.ReadLink(full);
    if (!target.ok())
      return Status::Io("cannot read link " + rel + ": " + target.status().message());
    wf.exists = true;
    wf.content = std::move(target.value());
    wf.mode = GIT_FILEMODE_LINK;
    wf.st = *lst;
    return Status::Ok();
  }
  if (lst->is_directory()) return Status::Io(rel + " is a directory, not a file");
  if (!lst->is_regular()) return Status::Io(rel + " is not a regular file");
  auto content = disk.ReadFile(full, &wf.st, /*follow_links=*/false);
  if (!content.ok()) {
    // Vanished meanwhile: treat as deleted.
    if (content.status().kind() == ErrorKind::kNotFound) return Status::Ok();
    return Status::Io("cannot read " + rel + ": " + content.status().message());
  }
  wf.content = std::move(content.value());
  wf.exists = true;
  wf.mode = (wf.st.mode & S_IXUSR) ? GIT_FILEMODE_BLOB_EXECUTABLE : GIT_FILEMODE_BLOB;
  return Status::Ok();
}

void FillIndexStat(git_index_entry& e, const FileStat& st) {
  e.ctime.seconds = static_cast<int32_t>(st.ctime_sec);
  e.ctime.nanoseconds = static_cast<uint32_t>(st.ctime_nsec);
  e.mtime.seconds = static_cast<int32_t>(st.mtime_sec);
  e.mtime.nanoseconds = static_cast<uint32_t>(st.mtime_nsec);
  e.dev = static_cast<uint32_t>(st.dev);
  e.ino = static_cast<uint32_t>(st.ino);
  e.uid = static_cast<uint32_t>(st.uid);
  e.gid = static_cast<uint32_t>(st.gid);
  e.file_size = static_cast<uint32_t>(st.size);
}

/// One index update for SyncIndexEntries: set (with oid/mode, and stat data
/// when known to match) or remove.
struct IndexUpdate {
  std::string path;
  bool present = false;
  git_oid id{};
  git_filemode_t mode = GIT_FILEMODE_BLOB;
  bool have_stat = false;
  FileStat st;
};

Signature FromGit(const git_signature* s) {
  Signature out;
  if (s) {
    out.name = s->name ? s->name : "";
    out.email = s->email ? s->email : "";
  }
  return out;
}

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
  if (rc == GIT_EEXISTS) return Status::Io(workdir + " is already a git repository");
  if (rc < 0) return GitIo("cannot create a git repository at " + workdir);
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
  if (rc == GIT_ENOTFOUND) return Status::NotFound("no git repository at " + workdir);
  if (rc < 0) return GitIo("cannot open the git repository at " + workdir);
  RepoPtr repo(raw);
  if (git_repository_is_bare(raw)) return Status::NotFound(workdir + " is a bare git repository");
  GitRepo r;
  r.impl_ = std::make_unique<Impl>();
  r.impl_->git_dir = StripTrailingSlash(git_repository_path(raw));
  r.impl_->repo = std::move(repo);
  r.workdir_ = StripTrailingSlash(workdir);
  return r;
}

std::string GitRepo::git_dir() const { return impl_->git_dir; }

namespace {

/// HEAD's commit id; `unborn` set when HEAD names a branch without commits.
Status ResolveHead(git_repository* repo, git_oid& out, bool& unborn) {
  unborn = false;
  int rc = git_reference_name_to_id(&out, repo, "HEAD");
  if (rc == GIT_ENOTFOUND || rc == GIT_EUNBORNBRANCH) {
    unborn = true;
    return Status::Ok();
  }
  if (rc < 0) return GitIo("cannot read HEAD");
  return Status::Ok();
}

/// HEAD's tree, or null for an unborn HEAD.
Status HeadTree(git_repository* repo, TreePtr& tree) {
  git_oid id;
  bool unborn = false;
  MEDIATE_RETURN_IF_ERROR(ResolveHead(repo, id, unborn));
  tree.reset();
  if (unborn) return Status::Ok();
  git_commit* c = nullptr;
  if (git_commit_lookup(&c, repo, &id) < 0) return GitIo("cannot read the HEAD commit");
  CommitPtr commit(c);
  git_tree* t = nullptr;
  if (git_commit_tree(&t, c) < 0) return GitIo("cannot read the HEAD tree");
  tree.reset(t);
  return Status::Ok();
}

/// The entry at `path` in `tree`: sets `found`, `id` and `mode`.
Status EntryAt(git_tree* tree, const std::string& path, bool& found, git_oid& id,
               git_filemode_t& mode) {
  found = false;
  if (!tree) return Status::Ok();
  git_tree_entry* e = nullptr;
  int rc = git_tree_entry_bypath(&e, tree, path.c_str());
  if (rc == GIT_ENOTFOUND) return Status::Ok();
  if (rc < 0) return GitIo("cannot look up " + path);
  EntryPtr entry(e);
  found = true;
  git_oid_cpy(&id, git_tree_entry_id(e));
  mode = git_tree_entry_filemode(e);
  return Status::Ok();
}

Status BlobContent(git_repository* repo, git_tree* tree, const std::string& path,
                   const std::string& where, std::optional<std::string>& out) {
  out.reset();
  if (!tree) return Status::Ok();
  git_tree_entry* e = nullptr;
  int rc = git_tree_entry_bypath(&e, tree, path.c_str());
  if (rc == GIT_ENOTFOUND) return Status::Ok();
  if (rc < 0) return GitIo("cannot look up " + path + " in " + where);
  EntryPtr entry(e);
  if (git_tree_entry_type(e) != GIT_OBJECT_BLOB)
    return Status::Io(path + " is not a file in " + where);
  git_blob* b = nullptr;
  if (git_blob_lookup(&b, repo, git_tree_entry_id(e)) < 0)
    return GitIo("cannot read " + path + " in " + where);
  BlobPtr blob(b);
  out.emplace(static_cast<const char*>(git_blob_rawcontent(b)),
              static_cast<size_t>(git_blob_rawsize(b)));
  return Status::Ok();
}

bool IndexLockExists(const std::string& git_dir) {
  return CurrentDisk().Stat(git_dir + "/index.lock", /*follow_links=*/false).ok();
}

Status IndexLockBusy() {
  return Status::Busy(
      "another git process holds .git/index.lock; wait for it to finish (or remove the "
      "file if no git process is running) and try again");
}

/// Writes the given entries into the repository's real index.
Status SyncIndexEntries(git_repository* repo, const std::vector<IndexUpdate>& updates,
                        const std::string& committed) {
  auto fail = [&](const std::string& what) {
    std::string m = what + ": " + GitErrorText();
    if (!committed.empty())
      m = "committed " + ShortHex(committed) + " but could not update .git/index (" + m +
          "); run `git reset -q` so that `git status` agrees";
    return Status::Io(m);
  };
  // The index file's own time before we rewrite it (for the racy check below).
  std::int64_t old_index_sec = -1;
  {
    std::string index_path = std::string(git_repository_path(repo)) + "index";
    if (auto st = CurrentDisk().Stat(index_path); st.ok()) old_index_sec = st->mtime_sec;
  }
  git_index* raw = nullptr;
  if (git_repository_index(&raw, repo) < 0) return fail("cannot open the index");
  IndexPtr index(raw);
  // git_repository_index read the file when this repository was opened; read
  // it again only if another git process has replaced it since (libgit2
  // compares the file's mtime, size and inode). Forcing a second read of a
  // 10^5-entry index costs as much as writing it.
  if (git_index_read(raw, 0) < 0) return fail("cannot read the index");
  // Racy git, as git itself handles it: an entry whose file time is not
  // older (in whole seconds: git compares no nanoseconds) than the index file
  // being replaced may have changed after it was recorded without its stat
  // data showing it. Once the new index is written later, git would trust
  // such an entry, so it is "smudged" (size 0) to make git re-hash the file.
  // libgit2 does this only by nanoseconds, which git does not look at.
  if (old_index_sec >= 0) {
    std::set<std::string> ours;
    for (const auto& u : updates) ours.insert(u.path);
    std::vector<std::pair<git_index_entry, std::string>> smudge;
    size_t n = git_index_entrycount(raw);
    for (size_t i = 0; i < n; ++i) {
      const git_index_entry* e = git_index_get_byindex(raw, i);
      if (!e || GIT_INDEX_ENTRY_STAGE(e) != 0 || e->file_size == 0) continue;
      if (e->mtime.seconds < old_index_sec || ours.count(e->path)) continue;
      smudge.emplace_back(*e, e->path);
    }
    for (auto& [e, path] : smudge) {
      e.file_size = 0;
      e.path = path.c_str();
      if (git_index_add(raw, &e) < 0) return fail("cannot update the index for " + path);
    }
  }
  for (const auto& u : updates) {
    if (!u.present) {
      int rc = git_index_remove_bypath(raw, u.path.c_str());
      if (rc < 0 && rc != GIT_ENOTFOUND) return fail("cannot update the index for " + u.path);
      continue;
    }
    git_index_entry e;
    std::memset(&e, 0, sizeof e);
    if (u.have_stat) FillIndexStat(e, u.st);
    e.mode = u.mode;
    git_oid_cpy(&e.id, &u.id);
    e.path = u.path.c_str();
    // An entry for `path` replaces any conflict stages too.
    git_index_conflict_remove(raw, u.path.c_str());
    if (git_index_add(raw, &e) < 0) return fail("cannot update the index for " + u.path);
  }
  // Another git process may take index.lock at any moment: retry briefly.
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(2);
  for (;;) {
    int rc = git_index_write(raw);
    if (rc == 0) return Status::Ok();
    if (rc != GIT_ELOCKED || std::chrono::steady_clock::now() >= deadline)
      return fail("cannot write the index");
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

std::string LooseObjectPath(const std::string& git_dir, const git_oid& id) {
  std::string hex = OidHex(&id);
  return git_dir + "/objects/" + hex.substr(0, 2) + "/" + hex.substr(2);
}

}  // namespace

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

Status GitRepo::CheckNoIndexLock() const {
  if (IndexLockExists(impl_->git_dir)) return IndexLockBusy();
  return Status::Ok();
}

Result<std::string> GitRepo::CommitPaths(const std::vector<std::string>& paths_in,
                                         const std::string& expected_head, const Signature& author,
                                         const std::string& message) {
  git_repository* repo = impl_->repo.get();
  MEDIATE_RETURN_IF_ERROR(CheckPaths(paths_in));
  if (author.name.empty() || author.email.empty())
    return Status::Usage("the commit author needs a name and an email (\"Name <email>\"): got '" +
                         author.ToString() + "'");
  std::vector<std::string> paths = paths_in;
  std::sort(paths.begin(), paths.end());
  paths.erase(std::unique(paths.begin(), paths.end()), paths.end());

  // 1. Nothing may move HEAD while git itself is busy with the index.
  MEDIATE_RETURN_IF_ERROR(CheckNoIndexLock());

  // 2. HEAD must still be what the caller built the change on.
  git_reference* head_raw = nullptr;
  if (git_reference_lookup(&head_raw, repo, "HEAD") < 0) return GitIo("cannot read HEAD");
  RefPtr head_ref(head_raw);
  std::string branch = git_reference_type(head_raw) == GIT_REFERENCE_SYMBOLIC
                           ? git_reference_symbolic_target(head_raw)
                           : "HEAD";
  git_oid head_id;
  bool unborn = false;
  MEDIATE_RETURN_IF_ERROR(ResolveHead(repo, head_id, unborn));
  std::string current = unborn ? "" : OidHex(&head_id);
  if (current != expected_head) {
    return Status::Busy("HEAD moved from " +
                        (expected_head.empty() ? "an empty history" : ShortHex(expected_head)) +
                        " to " + (current.empty() ? "an empty history" : ShortHex(current)) +
                        " since the change was prepared (another commit was made); try again");
  }

  CommitPtr parent;
  TreePtr base_tree;
  if (!unborn) {
    git_commit* c = nullptr;
    if (git_commit_lookup(&c, repo, &head_id) < 0) return GitIo("cannot read the HEAD commit");
    parent.reset(c);
    git_tree* t = nullptr;
    if (git_commit_tree(&t, c) < 0) return GitIo("cannot read the HEAD tree");
    base_tree.reset(t);
  }

  // 3. Blobs for the paths' work-tree contents, and the tree updates.
  std::vector<git_tree_update> updates;
  std::vector<IndexUpdate> index_updates;
  std::vector<git_oid> new_objects;
  updates.reserve(paths.size());
  index_updates.reserve(paths.size());
  WorkFile wf;
  for (const auto& p : paths) {
    MEDIATE_RETURN_IF_ERROR(LoadWorkFile(workdir_, p, wf));
    IndexUpdate iu;
    iu.path = p;
    if (wf.exists) {
      git_oid blob_id;
      if (git_blob_create_from_buffer(&blob_id, repo, wf.content.data(), wf.content.size()) < 0)
        return GitIo("cannot store " + p);
      new_objects.push_back(blob_id);
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
  if (git_tree_create_updated(&tree_id, repo, base_tree.get(), updates.size(), updates.data()) < 0)
    return GitIo("cannot build the new tree");
  git_tree* nt = nullptr;
  if (git_tree_lookup(&nt, repo, &tree_id) < 0) return GitIo("cannot read the new tree");
  TreePtr new_tree(nt);

  // 4. The commit object: the author is also the committer, now, local offset.
  git_signature* sig_raw = nullptr;
  if (git_signature_now(&sig_raw, author.name.c_str(), author.email.c_str()) < 0)
    return Status::Usage("invalid commit author '" + author.ToString() + "': " + GitErrorText());
  SigPtr sig(sig_raw);
  git_buf msg = GIT_BUF_INIT;
  if (git_message_prettify(&msg, message.c_str(), 0, '#') < 0) return GitIo("bad commit message");
  std::string clean_msg(msg.ptr ? msg.ptr : "", msg.size);
  git_buf_dispose(&msg);
  if (clean_msg.empty()) clean_msg = "(no message)\n";
  const git_commit* parents[1] = {parent.get()};
  git_oid commit_id;
  if (git_commit_create(&commit_id, repo, nullptr, sig.get(), sig.get(), nullptr, clean_msg.c_str(),
                        new_tree.get(), parent ? 1 : 0, parents) < 0)
    return GitIo("cannot create the commit");
  new_objects.push_back(commit_id);
  new_objects.push_back(tree_id);

  // 5. Objects durable before the ref points at them.
  if (paths.size() > 64) {
    if (Status st = CurrentDisk().SyncFileSystem(impl_->git_dir); !st.ok())
      return Status::Io("cannot sync the git objects: " + st.message());
  } else {
    // Subtrees along each path are new objects too.
    std::set<std::string> dirs;
    for (const auto& p : paths)
      for (size_t s = p.find('/'); s != std::string::npos; s = p.find('/', s + 1))
        dirs.insert(p.substr(0, s));
    for (const auto& d : dirs) {
      bool found = false;
      git_oid id;
      git_filemode_t mode = GIT_FILEMODE_BLOB;
      MEDIATE_RETURN_IF_ERROR(EntryAt(new_tree.get(), d, found, id, mode));
      if (found) new_objects.push_back(id);
    }
    std::set<std::string> fanouts;
    for (const auto& id : new_objects) {
      std::string f = LooseObjectPath(impl_->git_dir, id);
      if (Status st = CurrentDisk().Sync(f, false); !st.ok())
        return Status::Io("cannot sync " + f + ": " + st.message());
      fanouts.insert(f.substr(0, f.rfind('/')));
    }
    for (const auto& d : fanouts) (void)CurrentDisk().Sync(d, true);
    (void)CurrentDisk().Sync(impl_->git_dir + "/objects", true);
  }

  FaultPoint("after-objects");

  // 6. Move the branch by compare-and-swap on its old id.
  std::string summary = clean_msg.substr(0, clean_msg.find('\n'));
  std::string reflog = (unborn ? "commit (initial): " : "commit: ") + summary;
  git_reference* out_ref = nullptr;
  int rc = unborn
               ? git_reference_create(&out_ref, repo, branch.c_str(), &commit_id, 0, reflog.c_str())
               : git_reference_create_matching(&out_ref, repo, branch.c_str(), &commit_id, 1,
                                               &head_id, reflog.c_str());
  RefPtr new_ref(out_ref);
  if (rc == GIT_EMODIFIED || rc == GIT_EEXISTS || rc == GIT_ELOCKED) {
    return Status::Busy("HEAD moved while committing (another commit was made, or " + branch +
                        " is locked); nothing was committed; try again");
  }
  if (rc < 0) return GitIo("cannot update " + branch);
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
    return GitIo("cannot compute the status");
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
  if (git_revwalk_new(&w, repo) < 0) return GitIo("cannot walk the history");
  WalkPtr walk(w);
  git_revwalk_sorting(w, GIT_SORT_TOPOLOGICAL | GIT_SORT_TIME);
  if (git_revwalk_push(w, &head) < 0) return GitIo("cannot walk the history");
  git_oid id;
  for (;;) {
    int rc = git_revwalk_next(&id, w);
    if (rc == GIT_ITEROVER) break;
    if (rc < 0) return GitIo("cannot walk the history");
    git_commit* c = nullptr;
    if (git_commit_lookup(&c, repo, &id) < 0) return GitIo("cannot read commit " + OidHex(&id));
    CommitPtr commit(c);
    if (!path.empty()) {
      git_tree* t = nullptr;
      if (git_commit_tree(&t, c) < 0) return GitIo("cannot read commit " + OidHex(&id));
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
          return GitIo("cannot read a parent of " + OidHex(&id));
        CommitPtr pcommit(pc);
        git_tree* ptr = nullptr;
        if (git_commit_tree(&ptr, pc) < 0) return GitIo("cannot read a parent of " + OidHex(&id));
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
    return Status::NotFound("no commit " + commit_id);
  if (rc < 0) return GitIo("cannot find commit " + commit_id);
  ObjectPtr object(obj);
  git_object* peeled = nullptr;
  if (git_object_peel(&peeled, obj, GIT_OBJECT_COMMIT) < 0)
    return Status::NotFound(commit_id + " is not a commit");
  ObjectPtr commit_obj(peeled);
  git_tree* t = nullptr;
  if (git_commit_tree(&t, reinterpret_cast<git_commit*>(peeled)) < 0)
    return GitIo("cannot read commit " + commit_id);
  TreePtr tree(t);
  std::optional<std::string> out;
  MEDIATE_RETURN_IF_ERROR(BlobContent(repo, t, path, ShortHex(commit_id), out));
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
    if (!ValidRelativePath(p)) return Status::Rejected("invalid path '" + p + "'");
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
      return GitIo("cannot hash " + p);
    if (!git_oid_equal(&work_id, &head_id)) out.push_back(p);
  }
  return out;
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
