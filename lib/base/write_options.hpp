// How a write takes the store's lock: filled by the caller (the CLI reads
// MEDIATE_LOCK_WAIT into lock_timeout), used by WriteTransaction and the
// write path (store_write.hpp).
#pragma once

#include <chrono>
#include <string>

namespace mediate {

struct WriteOptions {
  /// How long to wait for another writer's lock before failing kBusy.
  std::chrono::milliseconds lock_timeout{10000};
  /// Who holds the lock, written into the lock file and named to a second
  /// writer that gives up ("mediate import by 王某 <w@x>, pid 123"). One
  /// line; empty means "mediate (pid N)".
  std::string holder;
  /// The office this write is made as when set (MEDIATE_OFFICE; "" = the
  /// clone's: git config mediate.office, else mediate.yaml without a remote).
  std::string office;
};

}  // namespace mediate
