// The library's one door to files, in the manner of leveldb's Env and
// ninja's DiskInterface: reading a whole file, writing one (durably when
// asked), renaming, removing, making and syncing directories, listing and
// stat. The store, the derived index, the write transaction, the git layer
// and the audit go through it; nothing else in lib/ calls open/read/fsync.
//
// Two implementations: the real disk (POSIX), and FaultyDisk, which passes
// every call to another disk but injects faults at the named durable steps
// of a write (for the crash tests): the CLI installs one when MEDIATE_FAULT
// is set (UseDisk). The library reads no environment variable.
//
// Errors: kNotFound when the path (or a directory on the way) does not
// exist, kIo otherwise; the message is the system's error text (strerror),
// so callers say which file and what they were doing.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "status.hpp"

namespace mediate {

/// What stat(2) tells of a path (times in seconds and nanoseconds since the
/// epoch; size in bytes).
struct FileStat {
  enum class Type { kRegular, kDirectory, kSymlink, kOther };
  Type type = Type::kOther;
  std::uint32_t mode = 0;  ///< permission and type bits (st_mode)
  std::uint64_t size = 0;
  std::uint64_t dev = 0, ino = 0;
  std::uint32_t uid = 0, gid = 0;
  std::int64_t mtime_sec = 0, mtime_nsec = 0;
  std::int64_t ctime_sec = 0, ctime_nsec = 0;
  bool is_directory() const { return type == Type::kDirectory; }
  bool is_regular() const { return type == Type::kRegular; }
};

/// An advisory lock held on a file (flock); released when destroyed.
class FileLock {
 public:
  virtual ~FileLock() = default;
};

class Disk {
 public:
  virtual ~Disk() = default;

  /// The whole content of `path`. With `stat`, fills it from the open file
  /// (fstat), so content and stat data belong together. `follow_links`
  /// false refuses a symbolic link (kIo, "Too many levels of symbolic links").
  virtual Result<std::string> ReadFile(const std::string& path, FileStat* stat = nullptr,
                                       bool follow_links = true) = 0;
  /// Creates or truncates `path` and writes `data`; with `sync`, fsyncs the
  /// file before it is closed (the data is on disk when this returns).
  virtual Status WriteFile(const std::string& path, std::string_view data, bool sync) = 0;
  /// Appends `data` to `path` (created when missing, O_APPEND); with `sync`,
  /// fsyncs the file before it is closed.
  virtual Status AppendFile(const std::string& path, std::string_view data, bool sync) = 0;
  /// Creates `path` only when it does not exist (O_EXCL) and writes `data`:
  /// kBusy ("File exists") when it does. A lock file's way to be taken.
  virtual Status CreateExclusive(const std::string& path, std::string_view data) = 0;
  /// rename(2): atomic replacement of `to` on one file system.
  virtual Status Rename(const std::string& from, const std::string& to) = 0;
  /// Removes a file (kNotFound when absent).
  virtual Status Remove(const std::string& path) = 0;
  /// Removes an empty directory (kIo when not empty).
  virtual Status RemoveDir(const std::string& path) = 0;
  /// Makes one directory (mode 0777 less the umask); Ok when it exists.
  virtual Status MakeDir(const std::string& path) = 0;
  /// Sets the permission bits of `path` (chmod: 0700 keeps a folder of
  /// personal data to its owner).
  virtual Status SetMode(const std::string& path, std::uint32_t mode) = 0;
  /// fsync of a file or (`directory`) a directory, so its data or its
  /// entries are durable. A path that does not exist is Ok (nothing to sync).
  virtual Status Sync(const std::string& path, bool directory) = 0;
  /// The names in directory `dir` (not "." and ".."), in no order.
  virtual Result<std::vector<std::string>> List(const std::string& dir) = 0;
  /// stat (or, `follow_links` false, lstat) of `path`.
  virtual Result<FileStat> Stat(const std::string& path, bool follow_links = true) = 0;
  /// stat of each of `names` in directory `dir` (nullopt for those that
  /// cannot be stat'ed), in the order of `names`: one open of the directory
  /// for many files.
  virtual std::vector<std::optional<FileStat>> StatMany(const std::string& dir,
                                                        const std::vector<std::string>& names) = 0;
  /// The target of symbolic link `path`.
  virtual Result<std::string> ReadLink(const std::string& path) = 0;
  /// Takes an exclusive flock on `path` (created when missing), waiting for it.
  virtual Result<std::unique_ptr<FileLock>> LockFile(const std::string& path) = 0;

  /// Marks the durable step `name` of a write ("after-journal",
  /// "after-rename:2", …; lib/store/fault.hpp lists them). The real disk does
  /// nothing; a FaultyDisk may kill the process here.
  virtual void Point(const std::string& name) = 0;
  /// True when the step `name` ("commit") is to fail instead of running (a
  /// FaultyDisk's `fail-commit`); always false on the real disk.
  virtual bool ShouldFail(const std::string& name) = 0;
};

/// The real file system (POSIX calls). Thread-safe.
Disk& RealDisk();

/// A disk that passes every call to `base` and injects the fault `spec`
/// names (the value of MEDIATE_FAULT, given by the CLI):
///   - a step name (`after-journal`, `after-temp`, `after-rename:N`,
///     `after-commit`, …): the process sends itself SIGKILL at that Point,
///     as a `kill -9` or a power cut would stop it;
///   - `kill-at:N`: SIGKILL at the N-th Point the process reaches (1-based,
///     counted over all names);
///   - `fail-commit`: ShouldFail("commit") is true, so the commit step fails
///     (kIo) and the in-process rollback runs.
/// Other values inject nothing.
class FaultyDisk : public Disk {
 public:
  FaultyDisk(Disk& base, std::string spec);

  Result<std::string> ReadFile(const std::string& path, FileStat* stat, bool follow_links) override;
  Status WriteFile(const std::string& path, std::string_view data, bool sync) override;
  Status AppendFile(const std::string& path, std::string_view data, bool sync) override;
  Status CreateExclusive(const std::string& path, std::string_view data) override;
  Status Rename(const std::string& from, const std::string& to) override;
  Status Remove(const std::string& path) override;
  Status RemoveDir(const std::string& path) override;
  Status MakeDir(const std::string& path) override;
  Status SetMode(const std::string& path, std::uint32_t mode) override;
  Status Sync(const std::string& path, bool directory) override;
  Result<std::vector<std::string>> List(const std::string& dir) override;
  Result<FileStat> Stat(const std::string& path, bool follow_links) override;
  std::vector<std::optional<FileStat>> StatMany(const std::string& dir,
                                                const std::vector<std::string>& names) override;
  Result<std::string> ReadLink(const std::string& path) override;
  Result<std::unique_ptr<FileLock>> LockFile(const std::string& path) override;
  void Point(const std::string& name) override;
  bool ShouldFail(const std::string& name) override;

  /// How many Points this disk has passed.
  int points() const { return points_; }

 protected:
  /// What happens at a Point the spec names: SIGKILL (tests may override).
  virtual void Kill();

 private:
  Disk& base_;
  std::string spec_;
  int points_ = 0;
};

/// True when `p` is a path relative to the store's work tree that is safe
/// to write and to hand to git: not empty, no leading or trailing '/', no
/// NUL or newline, no empty, "." or ".." component, not inside ".git".
bool IsStoreRelativePath(const std::string& p);

/// The disk the library uses: RealDisk() unless UseDisk() installed another.
Disk& CurrentDisk();
/// Makes `disk` the library's disk (nullptr: the real one again). The CLI
/// installs a FaultyDisk for MEDIATE_FAULT before any command runs. Not
/// thread-safe: call it before starting work.
void UseDisk(Disk* disk);

}  // namespace mediate
