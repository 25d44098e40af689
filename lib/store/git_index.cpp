#include "git_index.hpp"

#include <sys/stat.h>

#include <chrono>
#include <cstring>
#include <set>
#include <thread>

#include "disk.hpp"
#include "git_handles.hpp"

namespace mediate::git_internal {

Status CheckPaths(const std::vector<std::string>& paths) {
  for (const auto& p : paths)
    if (!IsStoreRelativePath(p)) return Status::Rejected("invalid path '" + p + "'");
  return Status::Ok();
}

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

bool IndexLockExists(const std::string& git_dir) {
  return CurrentDisk().Stat(git_dir + "/index.lock", /*follow_links=*/false).ok();
}

Status IndexLockBusy() {
  return Status::Busy(
      "another git process holds .git/index.lock; wait for it to finish (or remove the "
      "file if no git process is running) and try again");
}

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

}  // namespace mediate::git_internal
