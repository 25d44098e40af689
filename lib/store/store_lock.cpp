#include "store_lock.hpp"

#include "i18n.hpp"

#include <errno.h>
#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <sstream>
#include <thread>

#include "disk.hpp"
#include "fault.hpp"

namespace mediate {
namespace {

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

/// How long to wait for the lock: options.lock_timeout (the CLI sets it
/// from MEDIATE_LOCK_WAIT).
std::chrono::milliseconds LockTimeout(const WriteOptions& options) { return options.lock_timeout; }

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

/// True when the lock at `path` described by `info` is stale: its holder is
/// a dead process of this host, or it was left half-written over 10 s ago.
bool IsStale(const LockInfo& info, const std::string& path) {
  if (info.complete) {
    if (info.host != Hostname()) return false;  // cannot tell for another machine
    return ::kill(static_cast<pid_t>(info.pid), 0) != 0 && errno == ESRCH;
  }
  // A writer that died between creating the file and filling it in.
  auto st = CurrentDisk().Stat(path);
  if (!st.ok()) return false;
  return std::time(nullptr) - st->mtime_sec > 10;
}

}  // namespace

Status StoreLock::Acquire(const std::string& dir, const WriteOptions& options) {
  path_ = dir + "/lock";
  std::string holder = options.holder;
  if (auto nl = holder.find('\n'); nl != std::string::npos) holder.resize(nl);
  if (holder.empty()) holder = "mediate (pid " + std::to_string(::getpid()) + ")";
  std::string content = holder + "\npid " + std::to_string(::getpid()) + "\nhost " + Hostname() +
                        "\nsince " + LocalTimeNow() + "\n";
  auto deadline = std::chrono::steady_clock::now() + LockTimeout(options);
  for (;;) {
    Status created = CurrentDisk().CreateExclusive(path_, content);
    if (created.ok()) {
      held_ = true;
      owner_ = ::getpid();
      FaultPoint("after-lock");
      return Status::Ok();
    }
    if (created.kind() != ErrorKind::kBusy)
      return Status::Io(Tr("cannot create the store lock {0}: {1}", path_, created.message()));
    std::string raw;
    if (auto read = CurrentDisk().ReadFile(path_); read.ok()) {
      raw = std::move(read.value());
    } else if (read.status().kind() == ErrorKind::kNotFound) {
      continue;  // released meanwhile: try again at once
    }            // unreadable: wait as for any holder
    LockInfo info = ParseLock(raw);
    if (IsStale(info, path_)) {
      TakeOver(dir, raw);
      continue;
    }
    if (std::chrono::steady_clock::now() >= deadline) {
      std::string who = info.holder.empty()
                            ? (info.pid > 0 ? "pid " + std::to_string(info.pid) : _("unknown"))
                            : info.holder;
      return Status::Busy(Tr("the store is busy: {0}; try again later", who));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

void StoreLock::Release() {
  if (held_ && owner_ == ::getpid()) (void)CurrentDisk().Remove(path_);
  held_ = false;
}

void StoreLock::TakeOver(const std::string& dir, const std::string& stale_raw) {
  auto guard = CurrentDisk().LockFile(dir + "/lock.takeover");
  if (!guard.ok()) return;
  auto now = CurrentDisk().ReadFile(path_);
  if (now.ok() && *now == stale_raw && IsStale(ParseLock(*now), path_))
    (void)CurrentDisk().Remove(path_);
}

}  // namespace mediate
