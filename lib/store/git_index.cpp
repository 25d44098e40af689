#include "git_index.hpp"

#include <sys/stat.h>

#include <chrono>
#include <cstring>
#include <set>
#include <thread>

#include "disk.hpp"
#include "git_handles.hpp"
#include "i18n.hpp"
#include "subprocess.hpp"

namespace mediate::git_internal {

Status CheckPaths(const std::vector<std::string>& paths) {
  for (const auto& p : paths)
    if (!IsStoreRelativePath(p)) return Status::Rejected(Tr("invalid path '{0}'", p));
  return Status::Ok();
}

Status LoadWorkFile(const std::string& workdir, const std::string& rel, WorkFile& wf) {
  std::string full = workdir + "/" + rel;
  Disk& disk = CurrentDisk();
  wf = WorkFile{};
  auto lst = disk.Stat(full, /*follow_links=*/false);
  if (!lst.ok()) {
    if (lst.status().kind() == ErrorKind::kNotFound) return Status::Ok();
    return Status::Io(Tr("cannot read {0}: {1}", rel, lst.status().message()));
  }
  if (lst->type == FileStat::Type::kSymlink) {
    auto target = disk.ReadLink(full);
    if (!target.ok())
      return Status::Io(Tr("cannot read link {0}: {1}", rel, target.status().message()));
    wf.exists = true;
    wf.content = std::move(target.value());
    wf.mode = GIT_FILEMODE_LINK;
    wf.st = *lst;
    return Status::Ok();
  }
  if (lst->is_directory()) return Status::Io(Tr("{0} is a directory, not a file", rel));
  if (!lst->is_regular()) return Status::Io(Tr("{0} is not a regular file", rel));
  auto content = disk.ReadFile(full, &wf.st, /*follow_links=*/false);
  if (!content.ok()) {
    // Vanished meanwhile: treat as deleted.
    if (content.status().kind() == ErrorKind::kNotFound) return Status::Ok();
    return Status::Io(Tr("cannot read {0}: {1}", rel, content.status().message()));
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

bool IndexLockExists(const std::string& git_dir) {
  return CurrentDisk().Stat(git_dir + "/index.lock", /*follow_links=*/false).ok();
}

Status IndexLockBusy() {
  return Status::Busy(
      _("another git process holds .git/index.lock; wait for it to finish (or remove the "
        "file if no git process is running) and try again"));
}

namespace {

/// The message of a failed index update: `what` and why, and when a commit
/// was just made, that it stands and how to make `git status` agree.
Status IndexFailure(const std::string& what, const std::string& committed) {
  std::string m = what;
  if (!committed.empty())
    m =
        Tr("committed {0} but could not update .git/index ({1}); run `git reset -q` so that `git "
           "status` agrees",
           ShortHex(committed), m);
  return Status::Io(m);
}

/// The environment variables that would point git at another repository,
/// index or object store than the one named on its command line.
const std::vector<std::string>& GitLocationVariables() {
  static const std::vector<std::string> names = {"GIT_DIR",
                                                 "GIT_WORK_TREE",
                                                 "GIT_INDEX_FILE",
                                                 "GIT_COMMON_DIR",
                                                 "GIT_NAMESPACE",
                                                 "GIT_OBJECT_DIRECTORY",
                                                 "GIT_ALTERNATE_OBJECT_DIRECTORIES"};
  return names;
}

}  // namespace

Status SyncIndexWithGit(git_repository* repo, const std::vector<IndexUpdate>& updates,
                        const std::string& committed) {
  const char* workdir = git_repository_workdir(repo);
  if (!workdir) return Status::Internal("SyncIndexWithGit: a bare repository has no index");
  std::string wd = workdir;
  if (wd.size() > 1 && wd.back() == '/') wd.pop_back();
  std::string gd = git_repository_path(repo);
  if (gd.size() > 1 && gd.back() == '/') gd.pop_back();
  std::string paths;
  for (const auto& u : updates) {
    paths += u.path;
    paths += '\0';
  }
  // git hashes each present path and records its stat data (a path gone
  // from the work tree is removed); an entry replaces its conflict stages.
  // No conversion, and never a split index, which libgit2 cannot read.
  const std::vector<std::string> argv = {"git",
                                         "-C",
                                         wd,
                                         "--git-dir=" + gd,
                                         "--work-tree=" + wd,
                                         "-c",
                                         "core.autocrlf=false",
                                         "-c",
                                         "core.safecrlf=false",
                                         "-c",
                                         "core.splitIndex=false",
                                         "update-index",
                                         "-z",
                                         "--add",
                                         "--remove",
                                         "--stdin"};
  // Another git process may take index.lock at any moment: retry briefly.
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(2);
  for (;;) {
    ProcessOptions options;
    options.unset_env = GitLocationVariables();
    auto run = RunProcess(argv, paths, options);
    if (!run.ok()) return run.status();  // kNotFound: no git; the caller falls back
    if (run->ok()) return Status::Ok();
    if (!IndexLockExists(gd) || std::chrono::steady_clock::now() >= deadline) {
      std::string why = run->err.substr(0, run->err.find('\n'));
      if (why.empty()) why = Tr("exit status {0}", run->exit_code);
      return IndexFailure(Tr("git update-index failed: {0}", why), committed);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

Status SyncIndexEntries(git_repository* repo, const std::vector<IndexUpdate>& updates,
                        const std::string& committed) {
  // git's --remove keeps a path whose file is still there: such a removal
  // (never made by a write, whose removals delete their files first) is
  // left to libgit2, which drops the entry whatever the work tree holds.
  bool removals_gone = true;
  if (const char* wd = git_repository_workdir(repo))
    for (const auto& u : updates)
      if (!u.present && CurrentDisk().Stat(wd + u.path, /*follow_links=*/false).ok())
        removals_gone = false;
  if (removals_gone) {
    Status st = SyncIndexWithGit(repo, updates, committed);
    if (st.ok() || st.kind() != ErrorKind::kNotFound) return st;
  }
  auto fail = [&](const std::string& what) {
    return IndexFailure(Tr("{0}: {1}", what, GitErrorText()), committed);
  };
  // The index file's own time before we rewrite it (for the racy check below).
  std::int64_t old_index_sec = -1;
  {
    std::string index_path = std::string(git_repository_path(repo)) + "index";
    if (auto st = CurrentDisk().Stat(index_path); st.ok()) old_index_sec = st->mtime_sec;
  }
  git_index* raw = nullptr;
  if (git_repository_index(&raw, repo) < 0) return fail(_("cannot open the index"));
  IndexPtr index(raw);
  // git_repository_index read the file when this repository was opened; read
  // it again only if another git process has replaced it since (libgit2
  // compares the file's mtime, size and inode). Forcing a second read of a
  // 10^5-entry index costs as much as writing it.
  if (git_index_read(raw, 0) < 0) return fail(_("cannot read the index"));
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
      if (git_index_add(raw, &e) < 0) return fail(Tr("cannot update the index for {0}", path));
    }
  }
  for (const auto& u : updates) {
    if (!u.present) {
      int rc = git_index_remove_bypath(raw, u.path.c_str());
      if (rc < 0 && rc != GIT_ENOTFOUND) return fail(Tr("cannot update the index for {0}", u.path));
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
    if (git_index_add(raw, &e) < 0) return fail(Tr("cannot update the index for {0}", u.path));
  }
  // Another git process may take index.lock at any moment: retry briefly.
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(2);
  for (;;) {
    int rc = git_index_write(raw);
    if (rc == 0) return Status::Ok();
    if (rc != GIT_ELOCKED || std::chrono::steady_clock::now() >= deadline)
      return fail(_("cannot write the index"));
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

}  // namespace mediate::git_internal
