// libgit2 as the git modules use it: owning handles, error text, object
// ids, and reading HEAD's tree. Internal to the store layer (git_repo.cpp,
// git_index.cpp); nothing outside the store sees libgit2.
#pragma once

#include <git2.h>

#include <memory>
#include <optional>
#include <string>

#include "signature.hpp"
#include "status.hpp"

namespace mediate::git_internal {

/// Initialises libgit2 once per process (never shut down) and lets it cache
/// trees of up to 8 MiB. Safe to call from any thread, any number of times.
void InitLibgit2();

/// Calls F on a libgit2 object when the owning pointer goes.
template <typename T, void (*F)(T*)>
struct GitDeleter {
  void operator()(T* p) const {
    if (p) F(p);
  }
};
/// An owning pointer to a libgit2 object freed by F.
template <typename T, void (*F)(T*)>
using GitPtr = std::unique_ptr<T, GitDeleter<T, F>>;

using RepoPtr = GitPtr<git_repository, git_repository_free>;
using CommitPtr = GitPtr<git_commit, git_commit_free>;
using TreePtr = GitPtr<git_tree, git_tree_free>;
using EntryPtr = GitPtr<git_tree_entry, git_tree_entry_free>;
using BlobPtr = GitPtr<git_blob, git_blob_free>;
using RefPtr = GitPtr<git_reference, git_reference_free>;
using SigPtr = GitPtr<git_signature, git_signature_free>;
using WalkPtr = GitPtr<git_revwalk, git_revwalk_free>;
using ConfigPtr = GitPtr<git_config, git_config_free>;
using StatusListPtr = GitPtr<git_status_list, git_status_list_free>;
using ObjectPtr = GitPtr<git_object, git_object_free>;
using IndexPtr = GitPtr<git_index, git_index_free>;

/// libgit2's last error message, lowercased at the start like git's.
std::string GitErrorText();

/// kIo with "`what`: <libgit2's last error>".
Status GitIo(const std::string& what);

/// The error of opening the repository at `dir` failing with libgit2's
/// return code `rc` (< 0). kRejected when git's ownership check
/// (safe.directory) refused it — GIT_EOWNER, or GIT_ENOTFOUND although
/// `dir`/.git exists, as libgit2 1.5 reports it — and `dir` or its .git
/// belongs to another system user: the message names the owner, the check
/// and the fix (`git config --global --add safe.directory` with DIR's
/// absolute path). kNotFound "no git repository at DIR" for another
/// GIT_ENOTFOUND; kIo with libgit2's message otherwise.
Status GitOpenError(int rc, const std::string& dir);

/// Opens the repository whose work tree (or .git) is `workdir` itself —
/// no search of the folders above — into `repo`. GitOpenError's errors.
Status OpenRepo(const std::string& workdir, RepoPtr& repo);

/// The 40-character hex form of `oid`.
std::string OidHex(const git_oid* oid);

/// The first 7 characters of a hex object id, as git abbreviates it.
std::string ShortHex(const std::string& hex);

/// kUsage when `author` lacks a name or an email (a commit needs both).
Status CheckAuthor(const Signature& author);

/// kBusy: HEAD is `current`, not `expected` (full hex ids, "" for an empty
/// history), since a change was prepared on `expected`.
Status HeadMovedSince(const std::string& expected, const std::string& current);

/// kBusy: the compare-and-swap of `branch` failed while committing
/// (`committing`) or fast-forwarding; nothing was changed.
Status HeadMovedDuring(const std::string& branch, bool committing);

/// `s` without trailing '/' characters (a lone "/" is kept).
std::string StripTrailingSlash(std::string s);

/// The name and email of a libgit2 signature; empty strings for null.
Signature FromGit(const git_signature* s);

/// HEAD's commit id into `out`; `unborn` set when HEAD names a branch
/// without commits. kIo when HEAD cannot be read.
Status ResolveHead(git_repository* repo, git_oid& out, bool& unborn);

/// HEAD's tree into `tree`, or null for an unborn HEAD. kIo on failure.
Status HeadTree(git_repository* repo, TreePtr& tree);

/// The entry at `path` in `tree`: sets `found`, `id` and `mode`. A null
/// tree has no entries. kIo on failure.
Status EntryAt(git_tree* tree, const std::string& path, bool& found, git_oid& id,
               git_filemode_t& mode);

/// The bytes of the file at `path` in `tree` into `out` (reset when the
/// path is absent or the tree null). `where` names the tree in messages
/// ("HEAD", a commit); kIo when the entry is not a file or cannot be read.
Status BlobContent(git_repository* repo, git_tree* tree, const std::string& path,
                   const std::string& where, std::optional<std::string>& out);

}  // namespace mediate::git_internal
