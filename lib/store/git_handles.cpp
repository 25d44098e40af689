#include "git_handles.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include <mutex>

#include "i18n.hpp"

namespace mediate::git_internal {

void InitLibgit2() {
  static std::once_flag once;
  std::call_once(once, [] {
    git_libgit2_init();  // never shut down
    // libgit2 caches trees of up to 4 KiB only; a month directory of a large
    // store (cases/2026/03: thousands of entries) is bigger, so every lookup
    // of a path in it would inflate and parse the whole tree again. 8 MiB
    // holds a month of a 10^6-case store; the cache's total stays bounded
    // (GIT_OPT_SET_CACHE_MAX_SIZE, 256 MiB by default).
    git_libgit2_opts(GIT_OPT_SET_CACHE_OBJECT_LIMIT, GIT_OBJECT_TREE, static_cast<size_t>(8) << 20);
  });
}

std::string GitErrorText() {
  const git_error* e = git_error_last();
  std::string m = (e && e->message) ? e->message : _("unknown libgit2 error");
  if (!m.empty() && m[0] >= 'A' && m[0] <= 'Z' && !(m.size() > 1 && m[1] >= 'A' && m[1] <= 'Z'))
    m[0] = static_cast<char>(m[0] - 'A' + 'a');
  return m;
}

Status GitIo(const std::string& what) { return Status::Io(Tr("{0}: {1}", what, GitErrorText())); }

namespace {

/// The owner of `dir`'s repository when it is not the user running this
/// process (git's ownership check then refuses it), else nullopt.
std::optional<uid_t> ForeignOwner(const std::string& dir) {
  const uid_t me = ::geteuid();
  for (const std::string& p : {dir + "/.git", dir}) {
    struct stat st {};
    if (::stat(p.c_str(), &st) == 0 && st.st_uid != me) return st.st_uid;
  }
  return std::nullopt;
}

}  // namespace

Status OpenRepo(const std::string& workdir, RepoPtr& repo) {
  InitLibgit2();
  git_repository* r = nullptr;
  if (int rc = git_repository_open_ext(&r, workdir.c_str(), GIT_REPOSITORY_OPEN_NO_SEARCH, nullptr);
      rc < 0)
    return GitOpenError(rc, workdir);
  repo.reset(r);
  return Status::Ok();
}

Status GitOpenError(int rc, const std::string& dir) {
  // libgit2 1.5 reports the ownership check as GIT_ENOTFOUND ("config value
  // 'safe.directory' was not found"), later versions as GIT_EOWNER.
  std::optional<uid_t> owner;
  if (rc == GIT_EOWNER || rc == GIT_ENOTFOUND) {
    std::error_code ec;
    if (rc == GIT_EOWNER || std::filesystem::exists(dir + "/.git", ec)) owner = ForeignOwner(dir);
  }
  if (!owner) {
    if (rc == GIT_ENOTFOUND || rc == GIT_EOWNER)
      return Status::NotFound(Tr("no git repository at {0}", dir));
    return GitIo(Tr("cannot open the git repository at {0}", dir));
  }
  std::error_code ec;
  std::string abs = std::filesystem::absolute(dir, ec).lexically_normal().string();
  if (ec || abs.empty()) abs = dir;
  abs = StripTrailingSlash(abs);
  return Status::Rejected(
      Tr("the store at {0} belongs to system user {1}, not to you (user {2}), and git's "
         "ownership check (safe.directory) refuses a repository another user owns. If this "
         "store is meant to be shared, trust it once:\n  git config --global --add "
         "safe.directory {0}\nor give the folder to the user who runs mediate (chown -R).",
         abs, *owner, ::geteuid()));
}

std::string OidHex(const git_oid* oid) {
  char buf[GIT_OID_HEXSZ + 1];
  git_oid_tostr(buf, sizeof buf, oid);
  return buf;
}

std::string ShortHex(const std::string& hex) { return hex.substr(0, 7); }

Status CheckAuthor(const Signature& author) {
  if (!author.name.empty() && !author.email.empty()) return Status::Ok();
  return Status::Usage(
      Tr("the commit author needs a name and an email (\"Name <email>\"): got '{0}'",
         author.ToString()));
}

Status HeadMovedSince(const std::string& expected, const std::string& current) {
  auto shown = [](const std::string& h) {
    return h.empty() ? std::string(_("an empty history")) : ShortHex(h);
  };
  return Status::Busy(
      Tr("HEAD moved from {0} to {1} since the change was prepared (another commit was made); "
         "try again",
         shown(expected), shown(current)));
}

Status HeadMovedDuring(const std::string& branch, bool committing) {
  if (committing)
    return Status::Busy(
        Tr("HEAD moved while committing (another commit was made, or {0} is locked); nothing "
           "was committed; try again",
           branch));
  return Status::Busy(
      Tr("HEAD moved while fast-forwarding (another commit was made, or {0} is locked); "
         "nothing was changed; try again",
         branch));
}

std::string StripTrailingSlash(std::string s) {
  while (s.size() > 1 && s.back() == '/') s.pop_back();
  return s;
}

Signature FromGit(const git_signature* s) {
  Signature out;
  if (s) {
    out.name = s->name ? s->name : "";
    out.email = s->email ? s->email : "";
  }
  return out;
}

Status ResolveHead(git_repository* repo, git_oid& out, bool& unborn) {
  unborn = false;
  int rc = git_reference_name_to_id(&out, repo, "HEAD");
  if (rc == GIT_ENOTFOUND || rc == GIT_EUNBORNBRANCH) {
    unborn = true;
    return Status::Ok();
  }
  if (rc < 0) return GitIo(_("cannot read HEAD"));
  return Status::Ok();
}

Status HeadTree(git_repository* repo, TreePtr& tree) {
  git_oid id;
  bool unborn = false;
  MEDIATE_RETURN_IF_ERROR(ResolveHead(repo, id, unborn));
  tree.reset();
  if (unborn) return Status::Ok();
  git_commit* c = nullptr;
  if (git_commit_lookup(&c, repo, &id) < 0) return GitIo(_("cannot read the HEAD commit"));
  CommitPtr commit(c);
  git_tree* t = nullptr;
  if (git_commit_tree(&t, c) < 0) return GitIo(_("cannot read the HEAD tree"));
  tree.reset(t);
  return Status::Ok();
}

Status EntryAt(git_tree* tree, const std::string& path, bool& found, git_oid& id,
               git_filemode_t& mode) {
  found = false;
  if (!tree) return Status::Ok();
  git_tree_entry* e = nullptr;
  int rc = git_tree_entry_bypath(&e, tree, path.c_str());
  if (rc == GIT_ENOTFOUND) return Status::Ok();
  if (rc < 0) return GitIo(Tr("cannot look up {0}", path));
  EntryPtr entry(e);
  found = true;
  git_oid_cpy(&id, git_tree_entry_id(e));
  mode = git_tree_entry_filemode(e);
  return Status::Ok();
}

Status BlobContent(git_repository* repo, git_tree* tree, const std::string& path,
                   const std::string& where, std::optional<std::string>& out) {
  out.reset();
  if (!tree) return Status::Ok();
  git_tree_entry* e = nullptr;
  int rc = git_tree_entry_bypath(&e, tree, path.c_str());
  if (rc == GIT_ENOTFOUND) return Status::Ok();
  if (rc < 0) return GitIo(Tr("cannot look up {0} in {1}", path, where));
  EntryPtr entry(e);
  if (git_tree_entry_type(e) != GIT_OBJECT_BLOB)
    return Status::Io(Tr("{0} is not a file in {1}", path, where));
  git_blob* b = nullptr;
  if (git_blob_lookup(&b, repo, git_tree_entry_id(e)) < 0)
    return GitIo(Tr("cannot read {0} in {1}", path, where));
  BlobPtr blob(b);
  out.emplace(static_cast<const char*>(git_blob_rawcontent(b)),
              static_cast<size_t>(git_blob_rawsize(b)));
  return Status::Ok();
}

}  // namespace mediate::git_internal
