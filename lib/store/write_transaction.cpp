#include "write_transaction.hpp"

#include "i18n.hpp"

#include "disk.hpp"
#include "fault.hpp"
#include "store_lock.hpp"
#include "unfinished_operation.hpp"
#include "write_journal.hpp"

#include <errno.h>
#include <signal.h>
#include <unistd.h>

#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <set>
#include <sstream>
#include <thread>
#include <vector>

namespace mediate {

namespace {

/// The prefix of a record of work-tree files whose data may not be on disk
/// yet: `unsynced-<boot id>` in `.git/mediate`.
constexpr const char* kUnsyncedPrefix = "unsynced-";
/// A record of this boot larger than this is settled (its files fsynced,
/// then the record dropped) before it grows further.
constexpr std::uint64_t kUnsyncedLimit = std::uint64_t{8} << 20;

/// Sends ourselves SIGKILL at a named point when MEDIATE_FAULT asks for it.
void MaybeFault(const std::string& point) { FaultPoint(point); }

std::string ParentOf(const std::string& path) {
  size_t s = path.rfind('/');
  return s == std::string::npos ? "." : path.substr(0, s);
}

/// "<dir>/.<name>.tmp-<pid>" for the work-tree path `full`.
std::string TempPathFor(const std::string& full, long pid) {
  size_t s = full.rfind('/');
  std::string dir = s == std::string::npos ? "" : full.substr(0, s + 1);
  std::string name = s == std::string::npos ? full : full.substr(s + 1);
  return dir + "." + name + ".tmp-" + std::to_string(pid);
}

Disk& D() { return CurrentDisk(); }

/// The kernel's id of the current boot (Linux: /proc/sys/kernel/random/
/// boot_id), or "" when the system does not tell. Files written in this
/// boot are still in the page cache even when not fsynced: only a reboot
/// (a power cut, a kernel crash) can lose them.
std::string BootId() {
  auto read = D().ReadFile("/proc/sys/kernel/random/boot_id");
  if (!read.ok()) return "";
  std::string id = *read;
  while (!id.empty() && (id.back() == '\n' || id.back() == ' ')) id.pop_back();
  if (id.empty() || id.size() > 64) return "";
  for (char c : id)
    if (!std::isxdigit(static_cast<unsigned char>(c)) && c != '-') return "";
  return id;
}

/// Writes `data` to `path` (created or truncated), fsyncing when asked.
Status WriteFileAt(const std::string& path, const std::string& data, bool sync) {
  Status st = D().WriteFile(path, data, sync);
  if (!st.ok()) return Status::Io(Tr("cannot write {0}: {1}", path, st.message()));
  return Status::Ok();
}

/// fsync of directory `dir`, as a Status naming it.
Status SyncDir(const std::string& dir) {
  Status st = D().Sync(dir, true);
  if (!st.ok()) return Status::Io(Tr("cannot sync {0}: {1}", dir, st.message()));
  return Status::Ok();
}

/// mkdir -p of `dir` (absolute); records each directory it created.
Status MakeDirs(const std::string& dir, std::vector<std::string>& created) {
  if (auto st = D().Stat(dir); st.ok()) {
    if (st->is_directory()) return Status::Ok();
    return Status::Io(Tr("cannot create directory {0}: a file is in the way", dir));
  }
  std::string parent = ParentOf(dir);
  if (parent != dir && parent != "." && !parent.empty())
    MEDIATE_RETURN_IF_ERROR(MakeDirs(parent, created));
  if (Status st = D().MakeDir(dir); !st.ok())
    return Status::Io(Tr("cannot create directory {0}: {1}", dir, st.message()));
  created.push_back(dir);
  return Status::Ok();
}

/// Removes now-empty directories from `rel`'s parent up to (not including)
/// the work tree.
void RemoveEmptyParents(const std::string& root, const std::string& rel) {
  std::string d = rel;
  for (size_t s = d.rfind('/'); s != std::string::npos; s = d.rfind('/')) {
    d.resize(s);
    if (!D().RemoveDir(root + "/" + d).ok()) break;
  }
}

// ---------------------------------------------------------------- journal

/// Writes the journal durably: temporary file, fsync, rename, fsync of the dir.
Status WriteJournal(const std::string& dir, const Journal& j) {
  std::string tmp = dir + "/journal.tmp";
  MEDIATE_RETURN_IF_ERROR(WriteFileAt(tmp, JournalText(j), true));
  if (Status st = D().Rename(tmp, dir + "/journal"); !st.ok()) {
    (void)D().Remove(tmp);
    return Status::Io(Tr("cannot write the journal {0}/journal: {1}", dir, st.message()));
  }
  return SyncDir(dir);
}

Status DeleteJournal(const std::string& dir) {
  std::string path = dir + "/journal";
  if (Status st = D().Remove(path); !st.ok() && st.kind() != ErrorKind::kNotFound)
    return Status::Io(Tr("cannot delete the journal {0}: {1}", path, st.message()));
  return SyncDir(dir);
}

/// The paths of the record `text` (one a line; a last line without its
/// newline, cut by a crash, and invalid paths are left out), without repeats.
std::vector<std::string> UnsyncedPaths(const std::string& text) {
  std::set<std::string> seen;
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t nl = text.find('\n'); nl != std::string::npos; nl = text.find('\n', start)) {
    std::string p = text.substr(start, nl - start);
    start = nl + 1;
    if (IsStoreRelativePath(p) && seen.insert(p).second) out.push_back(std::move(p));
  }
  return out;
}

/// fsync of every file the record at `path` names, and of their
/// directories: they are durable, the record may go.
Status SettleUnsynced(const std::string& root, const std::string& path) {
  auto text = D().ReadFile(path);
  if (!text.ok()) return Status::Io(Tr("cannot read {0}: {1}", path, text.status().message()));
  std::set<std::string> dirs;
  for (const auto& p : UnsyncedPaths(*text)) {
    std::string full = root + "/" + p;
    if (Status st = D().Sync(full, false); !st.ok())
      return Status::Io(Tr("cannot sync {0}: {1}", full, st.message()));
    dirs.insert(ParentOf(full));
  }
  for (const auto& d : dirs)
    if (Status st = SyncDir(d); !st.ok()) return st;
  if (Status st = D().Remove(path); !st.ok() && st.kind() != ErrorKind::kNotFound)
    return Status::Io(Tr("cannot delete {0}: {1}", path, st.message()));
  return Status::Ok();
}

/// Adds `paths` (just committed, their data perhaps not on disk yet) to the
/// record of boot `boot` in `dir`, durably (append + fsync; fsync of `dir`
/// when the record is new). A record past kUnsyncedLimit is settled first.
Status RecordUnsynced(const std::string& root, const std::string& dir, const std::string& boot,
                      const std::vector<std::string>& paths) {
  const std::string path = dir + "/" + kUnsyncedPrefix + boot;
  auto st = D().Stat(path);
  bool existed = st.ok();
  if (existed && st->size > kUnsyncedLimit) {
    MEDIATE_RETURN_IF_ERROR(SettleUnsynced(root, path));
    existed = false;
  }
  std::string text;
  for (const auto& p : paths) text += p + "\n";
  if (Status w = D().AppendFile(path, text, true); !w.ok())
    return Status::Io(Tr("cannot write {0}: {1}", path, w.message()));
  if (!existed) return SyncDir(dir);
  return Status::Ok();
}

/// Writes `content` at work-tree path `p` (relative) durably: temporary file
/// beside it (fsynced), rename; the parent directories it had to create are
/// added to `dirs` (with the parent itself) for a directory fsync.
Status RestoreFile(const std::string& root, const std::string& p, const std::string& content,
                   std::set<std::string>& dirs) {
  std::string full = root + "/" + p;
  std::vector<std::string> created;
  MEDIATE_RETURN_IF_ERROR(MakeDirs(ParentOf(full), created));
  std::string tmp = TempPathFor(full, ::getpid());
  MEDIATE_RETURN_IF_ERROR(WriteFileAt(tmp, content, true));
  if (Status st = D().Rename(tmp, full); !st.ok()) {
    (void)D().Remove(tmp);
    return Status::Io(Tr("cannot restore {0}: {1}", p, st.message()));
  }
  for (const auto& c : created) dirs.insert(ParentOf(c));
  dirs.insert(ParentOf(full));
  return Status::Ok();
}

/// Replays the journal in `dir` if there is one (the lock must be held).
/// Sets `rolled_back` when the work tree was put back to HEAD.
Status RecoverJournal(GitRepo& repo, const std::string& dir, bool& rolled_back) {
  rolled_back = false;
  (void)D().Remove(dir + "/journal.tmp");  // a journal never completed: nothing was touched
  std::string path = dir + "/journal";
  auto read = D().ReadFile(path);
  if (!read.ok()) {
    if (read.status().kind() == ErrorKind::kNotFound) return Status::Ok();
    return Status::Io(Tr("cannot read the journal {0}: {1}", path, read.status().message()));
  }
  const std::string& text = *read;
  Journal j;
  if (!ParseJournal(text, j))
    return Status::Io(
        Tr("the journal {0} of an unfinished write is unreadable; check `git "
           "status`, restore the store with `git checkout`, then delete the file",
           path));
  const std::string& root = repo.workdir();
  std::vector<std::string> paths;
  paths.reserve(j.paths.size());
  for (const auto& [p, existed] : j.paths) {
    if (!IsStoreRelativePath(p))
      return Status::Io(Tr("the journal {0} names an invalid path", path));
    paths.push_back(p);
  }
  auto head = repo.HeadId();
  if (!head.ok()) return head.status();
  auto changed = repo.ChangedFromHead(paths);
  if (!changed.ok()) return changed.status();

  // Temporary files of the interrupted writer go in any case, and with them
  // directories made for new files that were never moved into place.
  for (const auto& [p, existed] : j.paths) {
    if (D().Remove(TempPathFor(root + "/" + p, j.pid)).ok() && !existed)
      RemoveEmptyParents(root, p);
  }

  if (*head != j.head) {
    // The commit was made. Its files may not have been recorded as written
    // without an fsync (RecordUnsynced) before the writer died: record them
    // now, or fsync them when this system has no boot id.
    const std::string boot = BootId();
    Status recorded =
        boot.empty() ? Status::Io("no boot id") : RecordUnsynced(root, dir, boot, paths);
    if (!recorded.ok())
      for (const auto& p : paths) (void)D().Sync(root + "/" + p, false);
  }
  if (*head != j.head && changed->empty()) {
    // Only the index may lag behind.
    MEDIATE_RETURN_IF_ERROR(repo.SyncIndex(paths));
    return DeleteJournal(dir);
  }

  // Every journalled path to HEAD's content, or away: a roll back when the
  // commit was not made, a roll forward (the work tree catches up with the
  // commit, whose objects and ref were durable) when it was.
  std::set<std::string> dirs;
  for (const auto& p : *changed) {
    std::string full = root + "/" + p;
    auto old = repo.ReadHead(p);
    if (!old.ok()) return old.status();
    if (old->has_value()) {
      MEDIATE_RETURN_IF_ERROR(RestoreFile(root, p, **old, dirs));
    } else {
      if (Status st = D().Remove(full); !st.ok() && st.kind() != ErrorKind::kNotFound)
        return Status::Io(Tr("cannot remove {0}: {1}", p, st.message()));
      RemoveEmptyParents(root, p);
      dirs.insert(ParentOf(full));
    }
  }
  for (const auto& d : dirs) (void)D().Sync(d, true);
  if (*head != j.head) MEDIATE_RETURN_IF_ERROR(repo.SyncIndex(paths));
  MEDIATE_RETURN_IF_ERROR(DeleteJournal(dir));
  rolled_back = true;
  return Status::Ok();
}

/// After a reboot: the records `unsynced-<id>` of earlier boots name the
/// files committed without an fsync of their data. Each of those that is
/// in HEAD but differs from it on disk (lost or torn by the power cut) is
/// written again from HEAD, durably; then the index entries follow and the
/// record goes. A path absent from HEAD is left alone (a later write or the
/// user removed it; removals are made durable when written). Sets
/// `restored` when a file was written. The lock must be held.
Status RestoreUnsynced(GitRepo& repo, const std::string& dir, bool& restored) {
  const std::string boot = BootId();
  if (boot.empty()) return Status::Ok();  // no record is written without a boot id
  auto names = D().List(dir);
  if (!names.ok()) return Status::Ok();
  const std::string root = repo.workdir();
  for (const auto& name : *names) {
    if (name.rfind(kUnsyncedPrefix, 0) != 0 || name == kUnsyncedPrefix + boot) continue;
    const std::string path = dir + "/" + name;
    auto text = D().ReadFile(path);
    if (!text.ok()) return Status::Io(Tr("cannot read {0}: {1}", path, text.status().message()));
    std::vector<std::string> paths = UnsyncedPaths(*text);
    auto changed = repo.ChangedFromHead(paths);
    if (!changed.ok()) return changed.status();
    std::set<std::string> dirs;
    std::vector<std::string> written;
    for (const auto& p : *changed) {
      auto head = repo.ReadHead(p);
      if (!head.ok()) return head.status();
      if (!head->has_value()) continue;
      MEDIATE_RETURN_IF_ERROR(RestoreFile(root, p, **head, dirs));
      written.push_back(p);
    }
    for (const auto& d : dirs) (void)D().Sync(d, true);
    if (!written.empty()) {
      MEDIATE_RETURN_IF_ERROR(repo.SyncIndex(written));
      restored = true;
    }
    if (Status st = D().Remove(path); !st.ok() && st.kind() != ErrorKind::kNotFound)
      return Status::Io(Tr("cannot delete {0}: {1}", path, st.message()));
    MEDIATE_RETURN_IF_ERROR(SyncDir(dir));
  }
  return Status::Ok();
}

/// Brings the work tree back to a commit after a crash (the lock must be
/// held): the journal of an unfinished write (RecoverJournal), then the
/// files of earlier boots' committed writes (RestoreUnsynced). Sets
/// `rolled_back` when either changed a file.
Status Recover(GitRepo& repo, const std::string& dir, bool& rolled_back) {
  MEDIATE_RETURN_IF_ERROR(RecoverJournal(repo, dir, rolled_back));
  bool restored = false;
  MEDIATE_RETURN_IF_ERROR(RestoreUnsynced(repo, dir, restored));
  rolled_back = rolled_back || restored;
  return Status::Ok();
}

Status EnsureDir(const std::string& dir) {
  if (Status st = D().MakeDir(dir); !st.ok())
    return Status::Io(Tr("cannot create {0}: {1}", dir, st.message()));
  return Status::Ok();
}

}  // namespace

// ------------------------------------------------------------ transaction

struct WriteTransaction::Impl {
  std::string root;
  std::string dir;  ///< <git dir>/mediate
  std::optional<GitRepo> repo;
  std::string start_head;
  std::map<std::string, std::optional<std::string>> staged;
  StoreLock lock;
  std::string merge_parent;  ///< SetMergeParent
  std::string fast_forward;  ///< SetFastForward
  bool committed = false;
  bool recovered = false;
};

WriteTransaction::~WriteTransaction() = default;
WriteTransaction::WriteTransaction(WriteTransaction&&) noexcept = default;
WriteTransaction& WriteTransaction::operator=(WriteTransaction&&) noexcept = default;

Result<WriteTransaction> WriteTransaction::Begin(const std::string& root,
                                                 const WriteOptions& options) {
  auto repo = GitRepo::Open(root);
  if (!repo.ok()) return repo.status();
  WriteTransaction tx;
  tx.impl_ = std::make_unique<Impl>();
  Impl& im = *tx.impl_;
  im.repo.emplace(std::move(repo).value());
  im.root = im.repo->workdir();
  im.dir = im.repo->git_dir() + "/mediate";
  MEDIATE_RETURN_IF_ERROR(EnsureDir(im.dir));
  MEDIATE_RETURN_IF_ERROR(im.lock.Acquire(im.dir, options));
  MEDIATE_RETURN_IF_ERROR(Recover(*im.repo, im.dir, im.recovered));
  MEDIATE_RETURN_IF_ERROR(im.repo->CheckNoIndexLock());
  MEDIATE_RETURN_IF_ERROR(CheckNoUnfinishedOperation(*im.repo));
  auto head = im.repo->HeadId();
  if (!head.ok()) return head.status();
  im.start_head = *head;
  return tx;
}

GitRepo& WriteTransaction::repo() { return *impl_->repo; }
const std::string& WriteTransaction::root() const { return impl_->root; }
bool WriteTransaction::recovered() const { return impl_->recovered; }

void WriteTransaction::Put(const std::string& path, std::string content) {
  impl_->staged[path] = std::move(content);
}

void WriteTransaction::Remove(const std::string& path) { impl_->staged[path] = std::nullopt; }

const std::string* WriteTransaction::Staged(const std::string& path) const {
  auto it = impl_->staged.find(path);
  if (it == impl_->staged.end() || !it->second) return nullptr;
  return &*it->second;
}

std::size_t WriteTransaction::size() const { return impl_->staged.size(); }

void WriteTransaction::SetMergeParent(const std::string& commit) { impl_->merge_parent = commit; }

void WriteTransaction::SetFastForward(const std::string& commit) { impl_->fast_forward = commit; }

Result<std::string> WriteTransaction::Commit(const Signature& author, const std::string& message) {
  Impl& im = *impl_;
  if (im.committed) return Status::Internal("the write transaction was already committed");
  if (im.staged.empty() && im.merge_parent.empty())
    return Status::Internal("nothing staged to commit");
  GitRepo& repo = *im.repo;
  const std::string& root = im.root;

  if (author.name.empty() || author.email.empty())
    return Status::Usage(
        Tr("the commit author needs a name and an email (\"Name <email>\"): got "
           "'{0}'",
           author.ToString()));
  std::vector<std::string> paths;
  paths.reserve(im.staged.size());
  for (const auto& [p, c] : im.staged) {
    if (!IsStoreRelativePath(p)) return Status::Rejected(Tr("invalid path '{0}'", p));
    paths.push_back(p);
  }

  // Nothing is written unless git is idle, HEAD is the one the caller read,
  // and every path is clean (so HEAD holds what a rollback restores).
  MEDIATE_RETURN_IF_ERROR(repo.CheckNoIndexLock());
  MEDIATE_RETURN_IF_ERROR(CheckNoUnfinishedOperation(repo));
  auto head = repo.HeadId();
  if (!head.ok()) return head.status();
  if (*head != im.start_head) {
    auto name = [](const std::string& h) {
      return h.empty() ? std::string(_("an empty history")) : h.substr(0, 7);
    };
    return Status::Busy(
        Tr("HEAD moved from {0} to {1} since the change was prepared (another "
           "commit was made); try again",
           name(im.start_head), name(*head)));
  }
  auto dirty = repo.ChangedFromHead(paths);
  if (!dirty.ok()) return dirty.status();
  if (!dirty->empty()) {
    std::vector<Diagnostic> diags;
    for (const auto& p : *dirty)
      diags.push_back({Severity::kError, {p, 0, 0}, "", _("has uncommitted changes")});
    std::string msg;
    if (size_t more = dirty->size() - 1; more > 0)
      msg =
          TrN("{0} and {1} other staged path have uncommitted changes; commit or restore them "
              "first",
              "{0} and {1} other staged paths have uncommitted changes; commit or restore them "
              "first",
              more, dirty->front(), more);
    else
      msg = Tr("{0} has uncommitted changes; commit or restore them first", dirty->front());
    return Status::Rejected(msg, std::move(diags));
  }

  // The journal: clean paths exist in HEAD exactly when they exist on disk.
  Journal j;
  j.head = im.start_head;
  j.pid = ::getpid();
  for (const auto& p : paths) {
    j.paths.emplace_back(p, D().Stat(root + "/" + p, /*follow_links=*/false).ok());
  }
  MEDIATE_RETURN_IF_ERROR(WriteJournal(im.dir, j));
  MaybeFault("after-journal");

  // From here on, any failure replays the journal.
  auto fail = [&](Status st) -> Status {
    bool rolled_back = false;
    Status rs = Recover(repo, im.dir, rolled_back);
    if (rs.ok()) return st;
    return Status::Error(st.kind(),
                         Tr("{0}; rolling back failed too ({1}); the next mediate command will "
                            "try again",
                            st.message(), rs.message()),
                         st.diagnostics());
  };

  // The files' data is not fsynced when the boot is known: until a reboot
  // the page cache holds it, and after one RestoreUnsynced rewrites from the
  // commit whatever was lost. Without a boot id, each file is fsynced.
  const std::string boot = BootId();
  const bool sync_each = boot.empty();
  std::set<std::string> dirs;          // directories whose entries changed
  std::set<std::string> removal_dirs;  // those of removals: always fsynced
  std::set<std::string> present;       // directories known to exist (a batch shares a few)
  for (const auto& [p, content] : im.staged) {
    std::string full = root + "/" + p;
    dirs.insert(ParentOf(full));
    if (!content) {
      // A removal may empty and remove directories: their parents change too.
      removal_dirs.insert(ParentOf(full));
      for (std::string d = ParentOf(full); d.size() > root.size(); d = ParentOf(d))
        removal_dirs.insert(ParentOf(d));
      continue;
    }
    Status st;
    if (std::string parent = ParentOf(full); !present.count(parent)) {
      std::vector<std::string> created;
      st = MakeDirs(parent, created);
      if (!st.ok()) return fail(st);
      for (const auto& c : created) dirs.insert(ParentOf(c));
      present.insert(std::move(parent));
    }
    st = WriteFileAt(TempPathFor(full, j.pid), *content, sync_each);
    if (!st.ok()) return fail(st);
    MaybeFault("after-temp-file");
  }
  MaybeFault("after-temp");

  int renames = 0;
  std::vector<std::string> written;
  for (const auto& [p, content] : im.staged) {
    std::string full = root + "/" + p;
    if (content) {
      if (Status st = D().Rename(TempPathFor(full, j.pid), full); !st.ok())
        return fail(Status::Io(Tr("cannot move {0} into place: {1}", p, st.message())));
      written.push_back(p);
      MaybeFault("after-rename:" + std::to_string(++renames));
    } else {
      if (Status st = D().Remove(full); !st.ok() && st.kind() != ErrorKind::kNotFound)
        return fail(Status::Io(Tr("cannot remove {0}: {1}", p, st.message())));
      RemoveEmptyParents(root, p);
    }
  }
  if (sync_each) dirs.insert(removal_dirs.begin(), removal_dirs.end());
  for (const auto& d : sync_each ? dirs : removal_dirs)
    if (Status st = SyncDir(d); !st.ok()) return fail(st);
  MaybeFault("after-dir-sync");

  if (D().ShouldFail("commit"))
    return fail(Status::Io("cannot create the commit: injected failure (MEDIATE_FAULT)"));
  Result<std::string> commit = im.fast_forward;
  if (im.fast_forward.empty())
    commit = repo.CommitPaths(paths, im.start_head, author, message, im.merge_parent);
  else if (Status st = repo.FastForward(paths, im.start_head, im.fast_forward); !st.ok())
    commit = st;
  if (!commit.ok()) return fail(commit.status());
  MaybeFault("after-commit");

  im.committed = true;
  // The commit (one pack, the ref) is durable; the work-tree files written
  // without an fsync are recorded before the journal goes, so a reboot
  // finds them. Should recording fail, they are fsynced one by one instead.
  if (!sync_each && !written.empty()) {
    if (Status st = RecordUnsynced(root, im.dir, boot, written); !st.ok()) {
      for (const auto& p : written) (void)D().Sync(root + "/" + p, false);
      for (const auto& d : dirs) (void)D().Sync(d, true);
    }
  }
  // Should this fail, the commit still stands: the next Begin() sees that it
  // was made and discards the journal.
  (void)DeleteJournal(im.dir);
  MaybeFault("after-journal-delete");
  return std::move(commit).value();
}

bool HasUnfinishedWrite(const std::string& root) {
  const std::string dir = root + "/.git/mediate";
  if (CurrentDisk().Stat(dir + "/journal").ok()) return true;
  // Files committed in an earlier boot without an fsync: RestoreUnsynced.
  const std::string boot = BootId();
  if (boot.empty()) return false;
  auto names = CurrentDisk().List(dir);
  if (!names.ok()) return false;
  for (const auto& name : *names)
    if (name.rfind(kUnsyncedPrefix, 0) == 0 && name != kUnsyncedPrefix + boot) return true;
  return false;
}

Result<bool> RecoverStore(const std::string& root, const WriteOptions& options) {
  auto repo = GitRepo::Open(root);
  if (!repo.ok()) return repo.status();
  std::string dir = repo->git_dir() + "/mediate";
  MEDIATE_RETURN_IF_ERROR(EnsureDir(dir));
  StoreLock lock;
  MEDIATE_RETURN_IF_ERROR(lock.Acquire(dir, options));
  bool rolled_back = false;
  MEDIATE_RETURN_IF_ERROR(Recover(*repo, dir, rolled_back));
  return rolled_back;
}

}  // namespace mediate
