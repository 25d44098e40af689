// The store's write lock, `.git/mediate/lock` (write_transaction.hpp tells
// how a write uses it): created with O_EXCL and holding the holder text, pid,
// host and start time. A second writer polls (50 ms) up to the lock timeout,
// then fails kBusy naming the holder. A lock whose pid is dead on this host
// (or left half-written for over 10 s) is stale and taken over, under a
// flock on `.git/mediate/lock.takeover` so two takers cannot both win.
#pragma once

#include <sys/types.h>

#include <string>

#include "status.hpp"
#include "write_options.hpp"

namespace mediate {

class StoreLock {
 public:
  StoreLock() = default;
  StoreLock(const StoreLock&) = delete;
  StoreLock& operator=(const StoreLock&) = delete;
  ~StoreLock() { Release(); }  ///< releases the lock when held

  /// Takes the lock in directory `dir` (`<git dir>/mediate`), waiting up to
  /// options.lock_timeout; options.holder names the holder (first line). kBusy
  /// naming the holder when it stays taken; kIo when it cannot be created.
  /// Passes the fault point `after-lock` (fault.hpp).
  Status Acquire(const std::string& dir, const WriteOptions& options);
  /// Removes the lock file when this process holds it.
  void Release();

 private:
  /// Removes a stale lock whose content is still `stale_raw`; a flock keeps
  /// two processes from both taking over (the second would remove the first
  /// one's fresh lock).
  void TakeOver(const std::string& dir, const std::string& stale_raw);

  std::string path_;
  pid_t owner_ = 0;
  bool held_ = false;
};

}  // namespace mediate
