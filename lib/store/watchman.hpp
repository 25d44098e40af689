// Asking Watchman (https://facebook.github.io/watchman/) which case files
// changed, so a read of a large store lists and stats only the case
// folders that changed instead of every file (case_index.hpp decides what
// to do with the answer; docs/architecture.md, "Freshness"). There is no
// C++ client library: a command runs the `watchman` CLI, `watchman -j
// --no-pretty`, with the JSON command on its stdin and the JSON answer on
// its stdout, or — once the CLI has told us the server's socket
// (get-sockname) — goes straight to that socket in Watchman's JSON
// protocol (one JSON value and a newline each way), which saves starting a
// process (~10 ms) on every read. The child inherits this process's
// environment (later watchman versions read WATCHMAN_SOCK from it; 4.9
// ignores it and uses the user's default socket); the library itself reads
// no environment variable. Everything here is an optimisation: a caller
// treats every error as "ask the disk instead".
#pragma once

#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "status.hpp"

namespace mediate {

/// One connection to a Watchman server, one command at a time. Faked in
/// unit tests (watchman_test.cpp).
class WatchmanClient {
 public:
  virtual ~WatchmanClient() = default;
  /// Sends `command` (a JSON array such as ["clock", "/srv/store"]) and
  /// gives the answer object as the server sent it; an answer holding an
  /// "error" member is still a value here (the Parse* functions below turn
  /// it into an error). kNotFound when watchman is not installed, kIo when
  /// it cannot be run, times out, or answers something that is not a JSON
  /// object.
  virtual Result<nlohmann::json> Call(const nlohmann::json& command) = 0;
};

/// Runs `watchman -j --no-pretty` (found on PATH, through RunProcess,
/// no shell) for each call: the command on stdin, the answer read from
/// stdout, stderr discarded. The watchman CLI starts a server when none is
/// running. A call that has not answered after `timeout_ms` milliseconds
/// is killed and fails with kIo.
class ProcessWatchmanClient : public WatchmanClient {
 public:
  explicit ProcessWatchmanClient(int timeout_ms = 5'000) : timeout_ms_(timeout_ms) {}
  /// See WatchmanClient::Call.
  Result<nlohmann::json> Call(const nlohmann::json& command) override;

 private:
  int timeout_ms_;
};

/// Talks to the Watchman server listening on the Unix socket `sockname` (as
/// `watchman get-sockname` gives it) in the JSON protocol: the command and a
/// newline written, one line read back. The connection is made at the first
/// call and kept. kNotFound when nothing listens there (no such socket, the
/// server stopped: ask through the CLI, which starts one); kIo when the
/// server does not answer within `timeout_ms` milliseconds, closes the
/// connection, or answers something that is not a JSON object.
class SocketWatchmanClient : public WatchmanClient {
 public:
  explicit SocketWatchmanClient(std::string sockname, int timeout_ms = 5'000)
      : sockname_(std::move(sockname)), timeout_ms_(timeout_ms) {}
  ~SocketWatchmanClient() override;
  SocketWatchmanClient(const SocketWatchmanClient&) = delete;
  SocketWatchmanClient& operator=(const SocketWatchmanClient&) = delete;
  /// See WatchmanClient::Call.
  Result<nlohmann::json> Call(const nlohmann::json& command) override;

 private:
  std::string sockname_;
  int timeout_ms_;
  int fd_ = -1;
};

/// The client scans use: a SocketWatchmanClient when `sockname` is given,
/// else a ProcessWatchmanClient; or, whatever `sockname`, what the factory
/// set by SetWatchmanClientFactoryForTesting makes.
std::unique_ptr<WatchmanClient> MakeWatchmanClient(const std::string& sockname = "");

/// Tests only: makes MakeWatchmanClient call `factory` (an empty function
/// restores the real client).
void SetWatchmanClientFactoryForTesting(std::function<std::unique_ptr<WatchmanClient>()> factory);

/// What `watch-project` answered: the directory Watchman watches, and
/// where the asked directory lies in it ("" when it is the watched root
/// itself; "srv/store" when a parent project is watched).
struct WatchRoot {
  std::string root;           ///< absolute path of the watched directory
  std::string relative_path;  ///< the asked directory relative to `root`, "" if the same
};

/// The answer to ["watch-project", dir]. kIo when it is an error object or
/// has no "watch" string (the error's text in the message).
Result<WatchRoot> ParseWatchProject(const nlohmann::json& answer);

/// The answer to ["clock", root, ...]: the clock string ("c:…"). kIo when
/// it is an error object or has no "clock" string.
Result<std::string> ParseClock(const nlohmann::json& answer);

/// What a `since` query under cases/ answered.
struct WatchmanChanges {
  std::string clock;            ///< the server's clock when it answered
  bool fresh_instance = false;  ///< the asked clock means nothing to the server
                                ///< (restarted, root re-watched): everything may have changed
  /// Month folders relative to cases/ ("2026/03") in which or below which
  /// something was reported (created, changed or deleted). Changes of a
  /// year folder itself ("2026") are left out: a caller lists year and
  /// month folders anyway.
  std::set<std::string> changed;
};

/// The answer to a `query` whose relative_root is the store's cases/
/// folder and whose fields include "name": the folders that changed and
/// the new clock. kIo when it is an error object, has no "clock" string,
/// or a file entry without a "name" string (never guessed around).
Result<WatchmanChanges> ParseChanges(const nlohmann::json& answer);

/// The server's socket path, asked with ["get-sockname"] (the CLI answers it
/// itself: {"sockname": "/tmp/user-state/sock"}). kIo when the answer is an
/// error object or has no "sockname" string.
Result<std::string> SocketName(WatchmanClient& client);

/// Asks `client` to watch `dir` (an absolute path, the store root) and
/// gives the watched root ["watch-project", dir]. Errors as Call and
/// ParseWatchProject.
Result<WatchRoot> WatchProject(WatchmanClient& client, const std::string& dir);

/// The current clock of `root`, after Watchman has caught up with the
/// file system (["clock", root, {"sync_timeout": …}]). Errors as Call and
/// ParseClock.
Result<std::string> CurrentClock(WatchmanClient& client, const WatchRoot& root);

/// The month folders under `<root>/<relative_path>/cases` changed since
/// `since` (a clock from CurrentClock or an earlier ChangedCaseFolders),
/// and the clock to ask from next time: ["query", root, {"since": since,
/// "relative_root": …/cases, "fields": ["name", "exists", "type"],
/// "empty_on_fresh_instance": true}]. Errors as Call and ParseChanges.
Result<WatchmanChanges> ChangedCaseFolders(WatchmanClient& client, const WatchRoot& root,
                                           const std::string& since);

}  // namespace mediate
