#include "write_transaction.hpp"

#include "disk.hpp"
#include "fault.hpp"

#include <errno.h>
#include <signal.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <ctime>
#include <set>
#include <sstream>
#include <thread>
#include <vector>

namespace mediate {

namespace {

constexpr size_t kSyncfsThreshold = 64;
constexpr const char* kJournalMagic = "mediate journal 1";

std::string Hostname() {
  char buf[256] = {0};
  if (::gethostname(buf, sizeof buf - 1) != 0) return "";
  return buf;
}

std::string LocalTimeNow() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  ::localtime_r(&t, &tm);
  char buf[64];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S%z", &tm);
  return buf;
}

/// Sends ourselves SIGKILL at a named point when MEDIATE_FAULT asks for it.
void MaybeFault(const std::string& point) { FaultPoint(point); }

/// How long to wait for the lock: options.lock_timeout (the CLI sets it
/// from MEDIATE_LOCK_WAIT).
std::chrono::milliseconds LockTimeout(const WriteOptions& options) { return options.lock_timeout; }

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

/// Writes `data` to `path` (created or truncated), fsyncing when asked.
Status WriteFileAt(const std::string& path, const std::string& data, bool sync) {
  Status st = D().WriteFile(path, data, sync);
  if (!st.ok()) return Status::Io("cannot write " + path + ": " + st.message());
  return Status::Ok();
}

/// fsync of directory `dir`, as a Status naming it.
Status SyncDir(const std::string& dir) {
  Status st = D().Sync(dir, true);
  if (!st.ok()) return Status::Io("cannot sync " + dir + ": " + st.message());
  return Status::Ok();
}

/// mkdir -p of `dir` (absolute); records each directory it created.
Status MakeDirs(const std::string& dir, std::vector<std::string>& created) {
  if (auto st = D().Stat(dir); st.ok()) {
    if (st->is_directory()) return Status::Ok();
    return Status::Io("cannot create directory " + dir + ": a file is in the way");
  }
  std::string parent = ParentOf(dir);
  if (parent != dir && parent != "." && !parent.empty())
    MEDIATE_RETURN_IF_ERROR(MakeDirs(parent, created));
  if (Status st = D().MakeDir(dir); !st.ok())
    return Status::Io("cannot create directory " + dir + ": " + st.message());
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

// ------------------------------------------------------------------ lock

struct LockInfo {
  std::string raw;
  std::string holder;
  long pid = 0;
  std::string host;
  bool complete = false;  ///< all fields present (not caught mid-write)
};

LockInfo ParseLock(const std::string& raw) {
  LockInfo info;
  info.raw = raw;
  std::istringstream in(raw);
  std::string line;
  bool first = true, have_pid = false, have_host = false;
  while (std::getline(in, line)) {
    if (first) {
      info.holder = line;
      first = false;
      continue;
    }
    if (line.rfind("pid ", 0) == 0) {
      info.pid = std::strtol(line.c_str() + 4, nullptr, 10);
      have_pid = info.pid > 0;
    } else if (line.rfind("host ", 0) == 0) {
      info.host = line.substr(5);
      have_host = in.good();  // a whole line, ended by '\n'
    }
  }
  info.complete = have_pid && have_host;
  return info;
}

class StoreLock {
 public:
  StoreLock() = default;
  StoreLock(const StoreLock&) = delete;
  StoreLock& operator=(const StoreLock&) = delete;
  ~StoreLock() { Release(); }

  Status Acquire(const std::string& dir, const WriteOptions& options) {
    path_ = dir + "/lock";
    std::string holder = options.holder;
    if (auto nl = holder.find('\n'); nl != std::string::npos) holder.resize(nl);
    if (holder.empty()) holder = "mediate (pid " + std::to_string(::getpid()) + ")";
    std::string content = holder + "\npid " + std::to_string(::getpid()) + "\nhost " + Hostname() +
                          "\nsince " + LocalTimeNow() + "\n";
    auto deadline = std::chrono::steady_clock::now() + LockTimeout(options);
    for (;;) {
      Status created = D().CreateExclusive(path_, content);
      if (created.ok()) {
        held_ = true;
        owner_ = ::getpid();
        MaybeFault("after-lock");
        return Status::Ok();
      }
      if (created.kind() != ErrorKind::kBusy)
        return Status::Io("cannot create the store lock " + path_ + ": " + created.message());
      std::string raw;
      if (auto read = D().ReadFile(path_); read.ok()) {
        raw = std::move(read.value());
      } else if (read.status().kind() == ErrorKind::kNotFound) {
        continue;  // released meanwhile: try again at once
      }            // unreadable: wait as for any holder
      LockInfo info = ParseLock(raw);
      if (IsStale(info)) {
        TakeOver(dir, raw);
        continue;
      }
      if (std::chrono::steady_clock::now() >= deadline) {
        std::string who = info.holder.empty()
                              ? (info.pid > 0 ? "pid " + std::to_string(info.pid) : "unknown")
                              : info.holder;
        return Status::Busy("the store is busy: " + who + "; try again later");
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  }

  void Release() {
    if (held_ && owner_ == ::getpid()) (void)D().Remove(path_);
    held_ = false;
  }

 private:
  bool IsStale(const LockInfo& info) const {
    if (info.complete) {
      if (info.host != Hostname()) return false;  // cannot tell for another machine
      return ::kill(static_cast<pid_t>(info.pid), 0) != 0 && errno == ESRCH;
    }
    // A writer that died between creating the file and filling it in.
    auto st = D().Stat(path_);
    if (!st.ok()) return false;
    return std::time(nullptr) - st->mtime_sec > 10;
  }

  /// Removes a stale lock whose content is still `stale_raw`; a flock keeps
  /// two processes from both taking over (the second would remove the first
  /// one's fresh lock).
  void TakeOver(const std::string& dir, const std::string& stale_raw) {
    auto guard = D().LockFile(dir + "/lock.takeover");
    if (!guard.ok()) return;
    auto now = D().ReadFile(path_);
    if (now.ok() && *now == stale_raw && IsStale(ParseLock(*now))) (void)D().Remove(path_);
  }

  std::string path_;
  pid_t owner_ = 0;
  bool held_ = false;
};

// ---------------------------------------------------------------- journal

struct Journal {
  std::string head;
  long pid = 0;
  std::vector<std::pair<std::string, bool>> paths;  ///< path, existed in HEAD
};

std::string JournalText(const Journal& j) {
  std::string s = std::string(kJournalMagic) + "\nhead " + (j.head.empty() ? "-" : j.head) +
                  "\npid " + std::to_string(j.pid) + "\n";
  for (const auto& [p, existed] : j.paths) s += (existed ? "+ " : "- ") + p + "\n";
  s += "end\n";
  return s;
}

bool ParseJournal(const std::string& text, Journal& j) {
  std::istringstream in(text);
  std::string line;
  if (!std::getline(in, line) || line != kJournalMagic) return false;
  if (!std::getline(in, line) || line.rfind("head ", 0) != 0) return false;
  j.head = line.substr(5);
  if (j.head == "-") j.head.clear();
  if (!std::getline(in, line) || line.rfind("pid ", 0) != 0) return false;
  j.pid = std::strtol(line.c_str() + 4, nullptr, 10);
  bool ended = false;
  while (std::getline(in, line)) {
    if (line == "end") {
      ended = true;
      break;
    }
    if (line.size() < 3 || (line[0] != '+' && line[0] != '-') || line[1] != ' ') return false;
    j.paths.emplace_back(line.substr(2), line[0] == '+');
  }
  return ended && j.pid > 0;
}

/// Writes the journal durably: temporary file, fsync, rename, fsync of the dir.
Status WriteJournal(const std::string& dir, const Journal& j) {
  std::string tmp = dir + "/journal.tmp";
  MEDIATE_RETURN_IF_ERROR(WriteFileAt(tmp, JournalText(j), true));
  if (Status st = D().Rename(tmp, dir + "/journal"); !st.ok()) {
    (void)D().Remove(tmp);
    return Status::Io("cannot write the journal " + dir + "/journal: " + st.message());
  }
  return SyncDir(dir);
}

Status DeleteJournal(const std::string& dir) {
  std::string path = dir + "/journal";
  if (Status st = D().Remove(path); !st.ok() && st.kind() != ErrorKind::kNotFound)
    return Status::Io("cannot delete the journal " + path + ": " + st.message());
  return SyncDir(dir);
}

/// Replays the journal in `dir` if there is one (the lock must be held).
/// Sets `rolled_back` when the work tree was put back to HEAD.
Status Recover(GitRepo& repo, const std::string& dir, bool& rolled_back) {
  rolled_back = false;
  (void)D().Remove(dir + "/journal.tmp");  // a journal never completed: nothing was touched
  std::string path = dir + "/journal";
  auto read = D().ReadFile(path);
  if (!read.ok()) {
    if (read.status().kind() == ErrorKind::kNotFound) return Status::Ok();
    return Status::Io("cannot read the journal " + path + ": " + read.status().message());
  }
  const std::string& text = *read;
  Journal j;
  if (!ParseJournal(text, j))
    return Status::Io("the journal " + path +
                      " of an unfinished write is unreadable; check `git status`, restore the "
                      "store with `git checkout`, then delete the file");
  const std::string& root = repo.workdir();
  std::vector<std::string> paths;
  paths.reserve(j.paths.size());
  for (const auto& [p, existed] : j.paths) {
    if (!IsStoreRelativePath(p)) return Status::Io("the journal " + path + " names an invalid path");
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

  if (*head != j.head && changed->empty()) {
    // The commit was made; only the index may lag behind.
    MEDIATE_RETURN_IF_ERROR(repo.SyncIndex(paths));
    return DeleteJournal(dir);
  }

  // Roll back: every journalled path to HEAD's content, or away.
  std::set<std::string> dirs;
  long my_pid = ::getpid();
  for (const auto& p : *changed) {
    std::string full = root + "/" + p;
    auto old = repo.ReadHead(p);
    if (!old.ok()) return old.status();
    if (old->has_value()) {
      std::vector<std::string> created;
      MEDIATE_RETURN_IF_ERROR(MakeDirs(ParentOf(full), created));
      std::string tmp = TempPathFor(full, my_pid);
      MEDIATE_RETURN_IF_ERROR(WriteFileAt(tmp, **old, true));
      if (Status st = D().Rename(tmp, full); !st.ok()) {
        (void)D().Remove(tmp);
        return Status::Io("cannot restore " + p + ": " + st.message());
      }
      for (const auto& c : created) dirs.insert(ParentOf(c));
    } else {
      if (Status st = D().Remove(full); !st.ok() && st.kind() != ErrorKind::kNotFound)
        return Status::Io("cannot remove " + p + ": " + st.message());
      RemoveEmptyParents(root, p);
    }
    dirs.insert(ParentOf(full));
  }
  for (const auto& d : dirs) (void)D().Sync(d, true);
  MEDIATE_RETURN_IF_ERROR(DeleteJournal(dir));
  rolled_back = true;
  return Status::Ok();
}

Status EnsureDir(const std::string& dir) {
  if (Status st = D().MakeDir(dir); !st.ok())
    return Status::Io("cannot create " + dir + ": " + st.message());
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

Result<std::string> WriteTransaction::Commit(const Signature& author, const std::string& message) {
  Impl& im = *impl_;
  if (im.committed) return Status::Internal("the write transaction was already committed");
  if (im.staged.empty()) return Status::Internal("nothing staged to commit");
  GitRepo& repo = *im.repo;
  const std::string& root = im.root;

  if (author.name.empty() || author.email.empty())
    return Status::Usage("the commit author needs a name and an email (\"Name <email>\"): got '" +
                         author.ToString() + "'");
  std::vector<std::string> paths;
  paths.reserve(im.staged.size());
  for (const auto& [p, c] : im.staged) {
    if (!IsStoreRelativePath(p)) return Status::Rejected("invalid path '" + p + "'");
    paths.push_back(p);
  }

  // Nothing is written unless git is idle, HEAD is the one the caller read,
  // and every path is clean (so HEAD holds what a rollback restores).
  MEDIATE_RETURN_IF_ERROR(repo.CheckNoIndexLock());
  auto head = repo.HeadId();
  if (!head.ok()) return head.status();
  if (*head != im.start_head) {
    auto name = [](const std::string& h) {
      return h.empty() ? std::string("an empty history") : h.substr(0, 7);
    };
    return Status::Busy("HEAD moved from " + name(im.start_head) + " to " + name(*head) +
                        " since the change was prepared (another commit was made); try again");
  }
  auto dirty = repo.ChangedFromHead(paths);
  if (!dirty.ok()) return dirty.status();
  if (!dirty->empty()) {
    std::vector<Diagnostic> diags;
    for (const auto& p : *dirty)
      diags.push_back({Severity::kError, {p, 0, 0}, "", "has uncommitted changes"});
    std::string msg = dirty->front();
    if (size_t more = dirty->size() - 1; more > 0)
      msg +=
          " and " + std::to_string(more) + " other staged path" + (more > 1 ? "s" : "") + " have";
    else
      msg += " has";
    msg += " uncommitted changes; commit or restore them first";
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
                         st.message() + "; rolling back failed too (" + rs.message() +
                             "); the next mediate command will try again",
                         st.diagnostics());
  };

  const bool big = im.staged.size() > kSyncfsThreshold;
  std::set<std::string> dirs;
  for (const auto& [p, content] : im.staged) {
    std::string full = root + "/" + p;
    dirs.insert(ParentOf(full));
    if (!content) {
      // A removal may empty and remove directories: their parents change too.
      for (std::string d = ParentOf(full); d.size() > root.size(); d = ParentOf(d))
        dirs.insert(ParentOf(d));
      continue;
    }
    std::vector<std::string> created;
    Status st = MakeDirs(ParentOf(full), created);
    if (!st.ok()) return fail(st);
    for (const auto& c : created) dirs.insert(ParentOf(c));
    st = WriteFileAt(TempPathFor(full, j.pid), *content, !big);
    if (!st.ok()) return fail(st);
    MaybeFault("after-temp-file");
  }
  if (big)
    if (Status st = D().SyncFileSystem(root); !st.ok())
      return fail(Status::Io("cannot sync the new files: " + st.message()));
  MaybeFault("after-temp");

  int renames = 0;
  for (const auto& [p, content] : im.staged) {
    std::string full = root + "/" + p;
    if (content) {
      if (Status st = D().Rename(TempPathFor(full, j.pid), full); !st.ok())
        return fail(Status::Io("cannot move " + p + " into place: " + st.message()));
      MaybeFault("after-rename:" + std::to_string(++renames));
    } else {
      if (Status st = D().Remove(full); !st.ok() && st.kind() != ErrorKind::kNotFound)
        return fail(Status::Io("cannot remove " + p + ": " + st.message()));
      RemoveEmptyParents(root, p);
    }
  }
  if (big) {
    if (Status st = D().SyncFileSystem(root); !st.ok())
      return fail(Status::Io("cannot sync the work tree: " + st.message()));
  } else {
    for (const auto& d : dirs)
      if (Status st = SyncDir(d); !st.ok()) return fail(st);
  }
  MaybeFault("after-dir-sync");

  if (D().ShouldFail("commit"))
    return fail(Status::Io("cannot create the commit: injected failure (MEDIATE_FAULT)"));
  auto commit = repo.CommitPaths(paths, im.start_head, author, message);
  if (!commit.ok()) return fail(commit.status());
  MaybeFault("after-commit");

  im.committed = true;
  // Should this fail, the commit still stands: the next Begin() sees that it
  // was made and discards the journal.
  (void)DeleteJournal(im.dir);
  MaybeFault("after-journal-delete");
  return std::move(commit).value();
}

bool HasUnfinishedWrite(const std::string& root) {
  return CurrentDisk().Stat(root + "/.git/mediate/journal").ok();
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
