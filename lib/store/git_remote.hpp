// Talking to other copies of the store: cloning the district's repository,
// fetching from it and pushing to it (libgit2; file paths, file://, git://,
// ssh and https URLs as libgit2 supports them). Kept apart from GitRepo,
// which works on one local repository.
//
// Credentials (docs/offices.md, "Credentials"): ssh first asks ssh-agent,
// then tries the key files RemoteAccess names; the server's host key is
// checked against ~/.ssh/known_hosts by libgit2 itself (an unknown or
// changed key fails the connection). https takes a token as the password
// (libgit2 does not run git's credential helpers); certificates are
// checked against the system's store.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "status.hpp"

namespace mediate {

/// How to authenticate to a remote. The CLI fills it from the environment
/// and git config; the library reads neither.
struct RemoteAccess {
  std::string token;  ///< https: the token sent as the password; "" for none
  std::string user;   ///< https: user name with the token ("" → the URL's, else "mediate")
  /// ssh: private key files tried, in order, after ssh-agent (each with its
  /// ".pub" beside it when present). Missing files are skipped.
  std::vector<std::string> ssh_keys;
};

/// How far a fetch or push has come, for a progress line.
struct TransferProgress {
  enum class Phase { kReceiving, kSending };
  Phase phase = Phase::kReceiving;
  std::size_t done = 0;     ///< objects received (or sent)
  std::size_t total = 0;    ///< objects in all; 0 while unknown
  std::uint64_t bytes = 0;  ///< bytes received (or sent)
};

/// Called as a transfer advances (often: throttle what is shown).
using ProgressFn = std::function<void(const TransferProgress&)>;

/// Clones the repository at `url` into `workdir` (created; it must not
/// exist or be empty) with its default branch checked out. kIo naming the
/// URL and libgit2's reason when it fails; `workdir` may then hold a partial
/// clone, which the caller removes.
Status CloneRepository(const std::string& url, const std::string& workdir);

/// True when the repository whose work tree is `workdir` has at least one
/// remote (a `remote.<name>.url` in its config: it is a clone, or a remote
/// was added): one desk among several. False when there is no repository.
bool HasRemote(const std::string& workdir);

/// Where the current branch of the repository at `workdir` syncs: the
/// remote's name and URL, the branch's ref here and there, and the
/// remote-tracking ref a fetch updates.
struct SyncTarget {
  std::string remote;    ///< branch.<b>.remote, else "origin"
  std::string url;       ///< remote.<remote>.url
  std::string branch;    ///< "refs/heads/main"
  std::string upstream;  ///< branch.<b>.merge, else the same name: "refs/heads/main"
  std::string tracking;  ///< "refs/remotes/origin/main"
};

/// The SyncTarget of the branch HEAD names. kRejected for a detached HEAD
/// or a remote that is not configured (naming it and saying to clone with
/// `mediate clone` or to add one with `git remote add origin URL`).
Result<SyncTarget> FindSyncTarget(const std::string& workdir);

/// Fetches `target.remote` with its configured refspecs, or with
/// `refspecs` when given ("+refs/heads/x:refs/remotes/origin/x"; a ref the
/// server lacks is no error): remote-tracking refs move, nothing else does.
/// Object files and refs are fsynced. kIo naming the URL and libgit2's
/// reason (an authentication failure says which credentials were tried).
Status FetchRemote(const std::string& workdir, const SyncTarget& target, const RemoteAccess& access,
                   const ProgressFn& progress, const std::vector<std::string>& refspecs = {});

/// The id (hex) the ref `name` points at, or "" when there is no such ref.
Result<std::string> RefTarget(const std::string& workdir, const std::string& name);

/// What a push did.
struct PushOutcome {
  bool rejected = false;  ///< the server (or the fast-forward check) refused the update
  std::string reason;     ///< the server's or libgit2's words when rejected
};

/// Pushes `target.branch` to `target.upstream` on the remote, never forced.
/// A refusal because the remote moved on (not a fast-forward, the server's
/// ref changed meanwhile) is a PushOutcome with `rejected`; other failures
/// are kIo naming the URL.
Result<PushOutcome> PushBranch(const std::string& workdir, const SyncTarget& target,
                               const RemoteAccess& access, const ProgressFn& progress);

/// Pushes the local ref `local` to `remote_ref` on `target.remote`. Not
/// `forced`: the server takes it only as a fast-forward of what it holds,
/// checked against its ref's current value (a compare-and-swap). `forced`:
/// it replaces what the server holds (a ref outside refs/heads/, which a
/// server's receive.denyNonFastForwards does not guard). Outcome and
/// errors as PushBranch.
Result<PushOutcome> PushRef(const std::string& workdir, const SyncTarget& target,
                            const std::string& local, const std::string& remote_ref,
                            const RemoteAccess& access, const ProgressFn& progress,
                            bool forced = false);

}  // namespace mediate
