#include "disk.hpp"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <cstring>

namespace mediate {
namespace {

/// The error of the last system call as a Status: kNotFound for a missing
/// path, kIo otherwise; the message is strerror.
Status Errno(int err) {
  if (err == ENOENT || err == ENOTDIR) return Status::NotFound(std::strerror(err));
  return Status::Io(std::strerror(err));
}

FileStat FromStat(const struct stat& st) {
  FileStat f;
  if (S_ISREG(st.st_mode))
    f.type = FileStat::Type::kRegular;
  else if (S_ISDIR(st.st_mode))
    f.type = FileStat::Type::kDirectory;
  else if (S_ISLNK(st.st_mode))
    f.type = FileStat::Type::kSymlink;
  f.mode = static_cast<std::uint32_t>(st.st_mode);
  f.size = static_cast<std::uint64_t>(st.st_size);
  f.dev = static_cast<std::uint64_t>(st.st_dev);
  f.ino = static_cast<std::uint64_t>(st.st_ino);
  f.uid = static_cast<std::uint32_t>(st.st_uid);
  f.gid = static_cast<std::uint32_t>(st.st_gid);
  f.mtime_sec = st.st_mtim.tv_sec;
  f.mtime_nsec = st.st_mtim.tv_nsec;
  f.ctime_sec = st.st_ctim.tv_sec;
  f.ctime_nsec = st.st_ctim.tv_nsec;
  return f;
}

bool WriteAll(int fd, std::string_view data) {
  std::size_t off = 0;
  while (off < data.size()) {
    ssize_t n = ::write(fd, data.data() + off, data.size() - off);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    off += static_cast<std::size_t>(n);
  }
  return true;
}

class PosixLock : public FileLock {
 public:
  explicit PosixLock(int fd) : fd_(fd) {}
  ~PosixLock() override {
    ::flock(fd_, LOCK_UN);
    ::close(fd_);
  }

 private:
  int fd_;
};

class PosixDisk : public Disk {
 public:
  Result<std::string> ReadFile(const std::string& path, FileStat* stat,
                               bool follow_links) override {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | (follow_links ? 0 : O_NOFOLLOW));
    if (fd < 0) return Errno(errno);
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
      int err = errno;
      ::close(fd);
      return Errno(err);
    }
    // Read straight into the string (index segments are megabytes), then
    // through a small buffer whatever the file grew by since fstat.
    std::string out(static_cast<std::size_t>(st.st_size), '\0');
    std::size_t got = 0;
    char more[4096];
    for (;;) {
      const bool in_place = got < out.size();
      ssize_t n =
          in_place ? ::read(fd, out.data() + got, out.size() - got) : ::read(fd, more, sizeof more);
      if (n < 0) {
        if (errno == EINTR) continue;
        int err = errno;
        ::close(fd);
        return Errno(err);
      }
      if (n == 0) break;
      if (!in_place) out.append(more, static_cast<std::size_t>(n));
      got += static_cast<std::size_t>(n);
    }
    ::close(fd);
    out.resize(got);
    if (stat) *stat = FromStat(st);
    return out;
  }

  Status WriteFile(const std::string& path, std::string_view data, bool sync) override {
    return Write(path, data, sync, O_TRUNC);
  }

  Status AppendFile(const std::string& path, std::string_view data, bool sync) override {
    return Write(path, data, sync, O_APPEND);
  }

  /// Opens `path` (created when missing) with `mode_flag` (O_TRUNC or
  /// O_APPEND), writes `data`, fsyncs when asked, closes.
  static Status Write(const std::string& path, std::string_view data, bool sync, int mode_flag) {
    int fd = ::open(path.c_str(), O_CREAT | mode_flag | O_WRONLY | O_CLOEXEC, 0666);
    if (fd < 0) return Errno(errno);
    bool ok = WriteAll(fd, data) && (!sync || ::fsync(fd) == 0);
    int err = ok ? 0 : errno;
    if (::close(fd) != 0 && ok) {
      ok = false;
      err = errno;
    }
    return ok ? Status::Ok() : Errno(err);
  }

  Status CreateExclusive(const std::string& path, std::string_view data) override {
    int fd = ::open(path.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0644);
    if (fd < 0) {
      if (errno == EEXIST) return Status::Busy(std::strerror(errno));
      return Errno(errno);
    }
    bool ok = WriteAll(fd, data);
    int err = errno;
    ::close(fd);
    if (!ok) {
      ::unlink(path.c_str());
      return Errno(err);
    }
    return Status::Ok();
  }

  Status Rename(const std::string& from, const std::string& to) override {
    if (::rename(from.c_str(), to.c_str()) != 0) return Errno(errno);
    return Status::Ok();
  }

  Status Remove(const std::string& path) override {
    if (::unlink(path.c_str()) != 0) return Errno(errno);
    return Status::Ok();
  }

  Status RemoveDir(const std::string& path) override {
    if (::rmdir(path.c_str()) != 0) return Errno(errno);
    return Status::Ok();
  }

  Status MakeDir(const std::string& path) override {
    if (::mkdir(path.c_str(), 0777) != 0 && errno != EEXIST) return Errno(errno);
    return Status::Ok();
  }

  Status SetMode(const std::string& path, std::uint32_t mode) override {
    if (::chmod(path.c_str(), static_cast<mode_t>(mode)) != 0) return Errno(errno);
    return Status::Ok();
  }

  Status Sync(const std::string& path, bool directory) override {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | (directory ? O_DIRECTORY : 0));
    if (fd < 0) return errno == ENOENT ? Status::Ok() : Errno(errno);
    bool ok = ::fsync(fd) == 0;
    int err = errno;
    ::close(fd);
    return ok ? Status::Ok() : Errno(err);
  }

  Result<std::vector<std::string>> List(const std::string& dir) override {
    DIR* d = ::opendir(dir.c_str());
    if (!d) return Errno(errno);
    std::vector<std::string> names;
    while (dirent* e = ::readdir(d)) {
      std::string name = e->d_name;
      if (name != "." && name != "..") names.push_back(std::move(name));
    }
    ::closedir(d);
    return names;
  }

  Result<FileStat> Stat(const std::string& path, bool follow_links) override {
    struct stat st {};
    int rc = follow_links ? ::stat(path.c_str(), &st) : ::lstat(path.c_str(), &st);
    if (rc != 0) return Errno(errno);
    return FromStat(st);
  }

  std::vector<std::optional<FileStat>> StatMany(const std::string& dir,
                                                const std::vector<std::string>& names) override {
    std::vector<std::optional<FileStat>> out(names.size());
    int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd < 0) return out;
    for (std::size_t i = 0; i < names.size(); ++i) {
      struct stat st {};
      if (::fstatat(dfd, names[i].c_str(), &st, 0) == 0) out[i] = FromStat(st);
    }
    ::close(dfd);
    return out;
  }

  Result<std::string> ReadLink(const std::string& path) override {
    std::string target(4096, '\0');
    ssize_t n = ::readlink(path.c_str(), target.data(), target.size());
    if (n < 0) return Errno(errno);
    target.resize(static_cast<std::size_t>(n));
    return target;
  }

  Result<std::unique_ptr<FileLock>> LockFile(const std::string& path) override {
    int fd = ::open(path.c_str(), O_CREAT | O_RDWR | O_CLOEXEC, 0644);
    if (fd < 0) return Errno(errno);
    if (::flock(fd, LOCK_EX) != 0) {
      int err = errno;
      ::close(fd);
      return Errno(err);
    }
    return std::unique_ptr<FileLock>(new PosixLock(fd));
  }

  void Point(const std::string&) override {}
  bool ShouldFail(const std::string&) override { return false; }
};

Disk* g_disk = nullptr;

}  // namespace

Disk& RealDisk() {
  static PosixDisk disk;
  return disk;
}

Disk& CurrentDisk() { return g_disk ? *g_disk : RealDisk(); }

void UseDisk(Disk* disk) { g_disk = disk; }

// ----------------------------------------------------------------- FaultyDisk

FaultyDisk::FaultyDisk(Disk& base, std::string spec) : base_(base), spec_(std::move(spec)) {}

Result<std::string> FaultyDisk::ReadFile(const std::string& path, FileStat* stat,
                                         bool follow_links) {
  return base_.ReadFile(path, stat, follow_links);
}
Status FaultyDisk::WriteFile(const std::string& path, std::string_view data, bool sync) {
  return base_.WriteFile(path, data, sync);
}
Status FaultyDisk::AppendFile(const std::string& path, std::string_view data, bool sync) {
  return base_.AppendFile(path, data, sync);
}
Status FaultyDisk::CreateExclusive(const std::string& path, std::string_view data) {
  return base_.CreateExclusive(path, data);
}
Status FaultyDisk::Rename(const std::string& from, const std::string& to) {
  return base_.Rename(from, to);
}
Status FaultyDisk::Remove(const std::string& path) { return base_.Remove(path); }
Status FaultyDisk::RemoveDir(const std::string& path) { return base_.RemoveDir(path); }
Status FaultyDisk::MakeDir(const std::string& path) { return base_.MakeDir(path); }
Status FaultyDisk::SetMode(const std::string& path, std::uint32_t mode) {
  return base_.SetMode(path, mode);
}
Status FaultyDisk::Sync(const std::string& path, bool directory) {
  return base_.Sync(path, directory);
}
Result<std::vector<std::string>> FaultyDisk::List(const std::string& dir) {
  return base_.List(dir);
}
Result<FileStat> FaultyDisk::Stat(const std::string& path, bool follow_links) {
  return base_.Stat(path, follow_links);
}
std::vector<std::optional<FileStat>> FaultyDisk::StatMany(const std::string& dir,
                                                          const std::vector<std::string>& names) {
  return base_.StatMany(dir, names);
}
Result<std::string> FaultyDisk::ReadLink(const std::string& path) { return base_.ReadLink(path); }
Result<std::unique_ptr<FileLock>> FaultyDisk::LockFile(const std::string& path) {
  return base_.LockFile(path);
}

void FaultyDisk::Point(const std::string& name) {
  ++points_;
  base_.Point(name);
  if (spec_.empty()) return;
  if (name == spec_) Kill();
  if (spec_.rfind("kill-at:", 0) == 0) {
    char* end = nullptr;
    long n = std::strtol(spec_.c_str() + 8, &end, 10);
    if (end && *end == '\0' && n == points_) Kill();
  }
}

bool FaultyDisk::ShouldFail(const std::string& name) {
  return spec_ == "fail-" + name || base_.ShouldFail(name);
}

void FaultyDisk::Kill() { ::raise(SIGKILL); }

bool IsStoreRelativePath(const std::string& p) {
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

}  // namespace mediate
