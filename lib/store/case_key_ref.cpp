#include "case_key_ref.hpp"

#include <git2.h>

#include <map>
#include <optional>

#include "git_handles.hpp"
#include "i18n.hpp"
#include "number_ref.hpp"

namespace mediate {

using namespace git_internal;

namespace {

using BuilderPtr = GitPtr<git_treebuilder, git_treebuilder_free>;

/// The tree of the commit `ref` names into `tree`; null when there is no
/// such ref.
Status RefTree(git_repository* repo, const std::string& ref, TreePtr& tree) {
  tree.reset();
  git_oid id;
  int rc = git_reference_name_to_id(&id, repo, ref.c_str());
  if (rc == GIT_ENOTFOUND) return Status::Ok();
  git_commit* c = nullptr;
  if (rc < 0 || git_commit_lookup(&c, repo, &id) < 0) return GitIo(Tr("cannot read {0}", ref));
  CommitPtr commit(c);
  git_tree* t = nullptr;
  if (git_commit_tree(&t, c) < 0) return GitIo(Tr("cannot read {0}", ref));
  tree.reset(t);
  return Status::Ok();
}

/// The text of blob `id`.
Result<std::string> BlobText(git_repository* repo, const git_oid* id, const std::string& where) {
  git_blob* b = nullptr;
  if (git_blob_lookup(&b, repo, id) < 0) return GitIo(Tr("cannot read {0}", where));
  BlobPtr blob(b);
  return std::string(static_cast<const char*>(git_blob_rawcontent(b)),
                     static_cast<std::size_t>(git_blob_rawsize(b)));
}

/// The entry of key `name` read from blob `id`.
Result<CaseKeyEntry> EntryOf(git_repository* repo, const git_oid* id, const std::string& name) {
  const std::string where = std::string(kCaseKeysRef) + ":" + CaseKeyPath(name);
  auto text = BlobText(repo, id, where);
  if (!text.ok()) return text.status();
  return ParseCaseKeyEntry(*text, name, where);
}

/// Name → id of every entry of `tree` (null: none).
std::map<std::string, git_oid> Entries(const git_tree* tree) {
  std::map<std::string, git_oid> out;
  if (!tree) return out;
  for (std::size_t i = 0, n = git_tree_entrycount(tree); i < n; ++i) {
    const git_tree_entry* e = git_tree_entry_byindex(tree, i);
    out.emplace(git_tree_entry_name(e), *git_tree_entry_id(e));
  }
  return out;
}

/// Writes a tree of `entries` (name → id), each with `mode`, into `out`.
Status WriteTree(git_repository* repo, const std::map<std::string, git_oid>& entries,
                 git_filemode_t mode, git_oid* out) {
  git_treebuilder* tb = nullptr;
  if (git_treebuilder_new(&tb, repo, nullptr) < 0) return GitIo(_("cannot write the case keys"));
  BuilderPtr builder(tb);
  for (const auto& [name, id] : entries)
    if (git_treebuilder_insert(nullptr, tb, name.c_str(), &id, mode) < 0)
      return GitIo(_("cannot write the case keys"));
  if (git_treebuilder_write(out, tb) < 0) return GitIo(_("cannot write the case keys"));
  return Status::Ok();
}

/// Makes a commit without parents of `tree` and points kCaseKeysRef at it.
Status CommitKeys(const std::string& workdir, git_repository* repo, const git_oid& tree_id,
                  const Signature& author, const std::string& message) {
  git_tree* t = nullptr;
  if (git_tree_lookup(&t, repo, &tree_id) < 0) return GitIo(_("cannot write the case keys"));
  TreePtr tree(t);
  git_signature* sig_raw = nullptr;
  if (git_signature_now(&sig_raw, author.name.c_str(), author.email.c_str()) < 0)
    return GitIo(_("cannot make the commit's signature"));
  SigPtr sig(sig_raw);
  git_oid commit_id;
  if (git_commit_create(&commit_id, repo, nullptr, sig.get(), sig.get(), nullptr, message.c_str(),
                        t, 0, nullptr) < 0)
    return GitIo(_("cannot write the case keys"));
  return PointRef(workdir, kCaseKeysRef, OidHex(&commit_id));
}

}  // namespace

struct CaseKeyReader::Repo {
  RepoPtr repo;
  TreePtr tree;  // the ref's tree when last read; null before, or when there is no ref
};

CaseKeyReader::CaseKeyReader(std::string workdir) : workdir_(std::move(workdir)) {}
CaseKeyReader::~CaseKeyReader() = default;

Result<CaseKeyEntry> CaseKeyReader::Find(const std::string& id) const {
  std::lock_guard<std::mutex> hold(mu_);
  if (!repo_) {
    auto r = std::make_unique<Repo>();
    MEDIATE_RETURN_IF_ERROR(OpenRepo(workdir_, r->repo));
    MEDIATE_RETURN_IF_ERROR(RefTree(r->repo.get(), kCaseKeysRef, r->tree));
    repo_ = std::move(r);
  }
  git_repository* repo = repo_->repo.get();
  bool found = false;
  git_oid blob;
  git_filemode_t mode;
  // The tree read first serves every case of a scan; a key written since (by
  // this process) is looked for in the ref as it is now.
  for (int pass = 0; pass < 2 && !found; ++pass) {
    if (pass == 1) MEDIATE_RETURN_IF_ERROR(RefTree(repo, kCaseKeysRef, repo_->tree));
    if (repo_->tree)
      MEDIATE_RETURN_IF_ERROR(EntryAt(repo_->tree.get(), CaseKeyPath(id), found, blob, mode));
  }
  if (!found)
    return Status::Rejected(
        Tr("the case's key {0} is not among this clone's case keys ({1}): run 'mediate sync' to "
           "fetch the keys of cases registered on other desks",
           id, kCaseKeysRef));
  return EntryOf(repo, &blob, id);
}

Status DropRef(const std::string& workdir, const std::string& ref) {
  RepoPtr repo;
  MEDIATE_RETURN_IF_ERROR(OpenRepo(workdir, repo));
  int rc = git_reference_remove(repo.get(), ref.c_str());
  if (rc < 0 && rc != GIT_ENOTFOUND) return GitIo(Tr("cannot remove {0}", ref));
  return Status::Ok();
}

Result<std::vector<CaseKeyEntry>> ListCaseKeys(const std::string& workdir, const std::string& ref) {
  RepoPtr repo;
  MEDIATE_RETURN_IF_ERROR(OpenRepo(workdir, repo));
  TreePtr root;
  MEDIATE_RETURN_IF_ERROR(RefTree(repo.get(), ref, root));
  std::vector<CaseKeyEntry> out;
  for (const auto& [dir, dir_id] : Entries(root.get())) {
    git_tree* t = nullptr;
    if (git_tree_lookup(&t, repo.get(), &dir_id) < 0) return GitIo(Tr("cannot read {0}", ref));
    TreePtr sub(t);
    for (const auto& [name, id] : Entries(t)) {
      auto e = EntryOf(repo.get(), &id, name);
      if (!e.ok()) return e.status();
      out.push_back(std::move(*e));
    }
  }
  return out;
}

Status EnsureCaseKeys(const std::string& workdir, const Signature& author) {
  RepoPtr repo;
  MEDIATE_RETURN_IF_ERROR(OpenRepo(workdir, repo));
  TreePtr have;
  MEDIATE_RETURN_IF_ERROR(RefTree(repo.get(), kCaseKeysRef, have));
  if (have) return Status::Ok();
  MEDIATE_RETURN_IF_ERROR(CheckAuthor(author));
  git_libgit2_opts(GIT_OPT_ENABLE_FSYNC_GITDIR, 1);
  git_oid empty;
  MEDIATE_RETURN_IF_ERROR(WriteTree(repo.get(), {}, GIT_FILEMODE_BLOB, &empty));
  return CommitKeys(workdir, repo.get(), empty, author,
                    "case keys: none yet\n\nMediate-Action: case-keys\n");
}

Status WriteCaseKeys(const std::string& workdir, const std::vector<CaseKeyEntry>& entries,
                     const Signature& author, const std::string& message) {
  if (entries.empty()) return Status::Ok();
  MEDIATE_RETURN_IF_ERROR(CheckAuthor(author));
  RepoPtr repo;
  MEDIATE_RETURN_IF_ERROR(OpenRepo(workdir, repo));
  git_libgit2_opts(GIT_OPT_ENABLE_FSYNC_GITDIR, 1);
  TreePtr base;
  MEDIATE_RETURN_IF_ERROR(RefTree(repo.get(), kCaseKeysRef, base));
  if (!base)
    return Status::Rejected(
        Tr("{0}, this clone's case keys, is missing: written anew, it would leave every case "
           "sealed here without its key. Restore it — 'mediate sync' takes the server's; from a "
           "backup: git fetch BACKUP {0}:{0} — then try again; nothing was written",
           kCaseKeysRef));
  std::vector<std::string> paths;
  std::vector<git_tree_update> updates(entries.size());
  paths.reserve(entries.size());
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const std::string text = EmitCaseKeyEntry(entries[i]);
    paths.push_back(CaseKeyPath(entries[i].id));
    git_tree_update& u = updates[i];
    u.action = GIT_TREE_UPDATE_UPSERT;
    u.filemode = GIT_FILEMODE_BLOB;
    if (git_blob_create_from_buffer(&u.id, repo.get(), text.data(), text.size()) < 0)
      return GitIo(_("cannot write the case keys"));
  }
  for (std::size_t i = 0; i < entries.size(); ++i) updates[i].path = paths[i].c_str();
  git_oid tree_id;
  if (git_tree_create_updated(&tree_id, repo.get(), base.get(), updates.size(), updates.data()) < 0)
    return GitIo(_("cannot write the case keys"));
  return CommitKeys(workdir, repo.get(), tree_id, author, message);
}

Result<CaseKeyUnion> UniteCaseKeys(const std::string& workdir, const std::string& other,
                                   const Signature& author) {
  RepoPtr repo;
  MEDIATE_RETURN_IF_ERROR(OpenRepo(workdir, repo));
  git_repository* r = repo.get();
  TreePtr mine, theirs;
  MEDIATE_RETURN_IF_ERROR(RefTree(r, kCaseKeysRef, mine));
  MEDIATE_RETURN_IF_ERROR(RefTree(r, other, theirs));
  CaseKeyUnion out;
  if (!theirs) {
    out.other_lacks = mine != nullptr;
    return out;
  }
  if (mine && git_oid_equal(git_tree_id(mine.get()), git_tree_id(theirs.get()))) return out;
  if (!mine) {  // a new clone: the other's keys as they are
    git_oid id;
    if (git_reference_name_to_id(&id, r, other.c_str()) < 0)
      return GitIo(Tr("cannot read {0}", other));
    for (const auto& [dir, dir_id] : Entries(theirs.get())) {
      git_tree* t = nullptr;
      if (git_tree_lookup(&t, r, &dir_id) < 0) return GitIo(Tr("cannot read {0}", other));
      out.taken += git_tree_entrycount(t);
      git_tree_free(t);
    }
    MEDIATE_RETURN_IF_ERROR(PointRef(workdir, kCaseKeysRef, OidHex(&id)));
    out.local_moved = true;
    return out;
  }
  git_libgit2_opts(GIT_OPT_ENABLE_FSYNC_GITDIR, 1);
  const auto my_dirs = Entries(mine.get());
  const auto their_dirs = Entries(theirs.get());
  std::map<std::string, git_oid> dirs = my_dirs;
  for (const auto& [dir, their_id] : their_dirs) {
    auto m = my_dirs.find(dir);
    if (m == my_dirs.end()) {  // a folder of keys this clone has none of
      git_tree* t = nullptr;
      if (git_tree_lookup(&t, r, &their_id) < 0) return GitIo(Tr("cannot read {0}", other));
      out.taken += git_tree_entrycount(t);
      git_tree_free(t);
      dirs[dir] = their_id;
      continue;
    }
    if (git_oid_equal(&m->second, &their_id)) continue;
    git_tree *a_raw = nullptr, *b_raw = nullptr;
    if (git_tree_lookup(&a_raw, r, &m->second) < 0) return GitIo(_("cannot read the case keys"));
    TreePtr a(a_raw);
    if (git_tree_lookup(&b_raw, r, &their_id) < 0) return GitIo(Tr("cannot read {0}", other));
    TreePtr b(b_raw);
    std::map<std::string, git_oid> keys = Entries(a_raw);
    for (const auto& [name, bid] : Entries(b_raw)) {
      auto k = keys.find(name);
      if (k == keys.end()) {
        keys.emplace(name, bid);
        ++out.taken;
        continue;
      }
      if (git_oid_equal(&k->second, &bid)) continue;
      auto ea = EntryOf(r, &k->second, name);
      if (!ea.ok()) return ea.status();
      auto eb = EntryOf(r, &bid, name);
      if (!eb.ok()) return eb.status();
      const CaseKeyEntry won = MergeCaseKeyEntries(*ea, *eb);
      if (EmitCaseKeyEntry(won) != EmitCaseKeyEntry(*ea)) {
        k->second = bid;
        ++out.taken;
      }
    }
    MEDIATE_RETURN_IF_ERROR(WriteTree(r, keys, GIT_FILEMODE_BLOB, &dirs[dir]));
  }
  git_oid united;
  MEDIATE_RETURN_IF_ERROR(WriteTree(r, dirs, GIT_FILEMODE_TREE, &united));
  out.other_lacks = !git_oid_equal(&united, git_tree_id(theirs.get()));
  if (mine && git_oid_equal(&united, git_tree_id(mine.get()))) return out;
  MEDIATE_RETURN_IF_ERROR(CheckAuthor(author));
  MEDIATE_RETURN_IF_ERROR(
      CommitKeys(workdir, r, united, author,
                 "case keys: united with " + other + "\n\nMediate-Action: case-keys\n"));
  out.local_moved = true;
  return out;
}

}  // namespace mediate
