// Fault injection for crash tests (like leveldb's fault-injection Env):
// the durable steps of a write are named, and the library's disk
// (lib/store/disk.hpp) decides what happens at each. The real disk does nothing;
// a FaultyDisk, which the CLI installs when the environment variable
// MEDIATE_FAULT is set, kills the process where it names.
//
// Every durable step of a write (lock taken, journal written, each temporary
// file written, each rename, directories synced, git objects synced, branch
// moved, index written, journal deleted) calls FaultPoint(name). When the
// fault (MEDIATE_FAULT, given to the FaultyDisk) is
//   - exactly `name` (`after-journal`, `after-temp`, `after-rename:N`,
//     `after-commit`, …), or
//   - `kill-at:N` and this is the N-th fault point the process reaches
//     (1-based, counted over all names),
// the process sends itself SIGKILL there, as a `kill -9` or a power cut
// would stop it; `fail-commit` makes the commit step fail instead.
#pragma once

#include <string>

namespace mediate {

/// Marks a durable step called `name` on the library's disk
/// (CurrentDisk().Point): may not return (SIGKILL) when a FaultyDisk asks
/// for it (see above). Not thread-safe: writes happen on one thread.
void FaultPoint(const std::string& name);

/// How many fault points this process has passed (for tests).
int FaultPointsPassed();

}  // namespace mediate
