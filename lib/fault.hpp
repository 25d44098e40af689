// Fault injection for crash tests (like leveldb's fault-injection Env, but
// through the environment so end-to-end tests can kill a real process).
//
// Every durable step of a write (lock taken, journal written, each temporary
// file written, each rename, directories synced, git objects synced, branch
// moved, index written, journal deleted) calls FaultPoint(name). When the
// environment variable MEDIATE_FAULT is
//   - exactly `name` (`after-journal`, `after-temp`, `after-rename:N`,
//     `after-commit`, …), or
//   - `kill-at:N` and this is the N-th fault point the process reaches
//     (1-based, counted over all names),
// the process sends itself SIGKILL there, as a `kill -9` or a power cut
// would stop it. Unset (the normal case) it costs one getenv per step.
#pragma once

#include <string>

namespace mediate {

/// Marks a durable step called `name`; may not return (SIGKILL) when
/// MEDIATE_FAULT asks for it (see above). Not thread-safe: writes happen on
/// one thread.
void FaultPoint(const std::string& name);

/// How many fault points this process has passed (for tests).
int FaultPointsPassed();

}  // namespace mediate
