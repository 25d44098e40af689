#include "number_ref.hpp"

#include <git2.h>

#include <random>

#include "git_handles.hpp"
#include "git_repo.hpp"
#include "i18n.hpp"

namespace mediate {

using namespace git_internal;

std::string NumbersTrackingRef(const std::string& remote) {
  return "refs/remotes/" + remote + "/" + kNumbersBranch;
}

Result<NumberRecordAt> ReadNumberBlocks(const std::string& workdir, const std::string& ref) {
  RepoPtr repo;
  MEDIATE_RETURN_IF_ERROR(OpenRepo(workdir, repo));
  NumberRecordAt out;
  git_oid id;
  int rc = git_reference_name_to_id(&id, repo.get(), ref.c_str());
  if (rc == GIT_ENOTFOUND) {
    auto empty = ParseNumberBlocks("", kNumbersFile);
    out.record = std::move(*empty);
    return out;
  }
  if (rc < 0) return GitIo(Tr("cannot read {0}", ref));
  out.commit = OidHex(&id);
  git_commit* c = nullptr;
  if (git_commit_lookup(&c, repo.get(), &id) < 0) return GitIo(Tr("cannot read {0}", ref));
  CommitPtr commit(c);
  git_tree* t = nullptr;
  if (git_commit_tree(&t, c) < 0) return GitIo(Tr("cannot read {0}", ref));
  TreePtr tree(t);
  std::string text;
  if (const git_tree_entry* e = git_tree_entry_byname(t, kNumbersFile)) {
    git_blob* b = nullptr;
    if (git_blob_lookup(&b, repo.get(), git_tree_entry_id(e)) < 0)
      return GitIo(Tr("cannot read {0}", ref));
    BlobPtr blob(b);
    text.assign(static_cast<const char*>(git_blob_rawcontent(b)),
                static_cast<std::size_t>(git_blob_rawsize(b)));
  }
  auto record = ParseNumberBlocks(text, std::string(kNumbersBranch) + ":" + kNumbersFile);
  if (!record.ok()) return record.status();
  out.record = std::move(*record);
  return out;
}

Result<std::string> CommitNumberBlocks(const std::string& workdir, const std::string& ref,
                                       const std::string& parent, const std::string& text,
                                       const Signature& author, const std::string& message) {
  MEDIATE_RETURN_IF_ERROR(CheckAuthor(author));
  RepoPtr repo;
  MEDIATE_RETURN_IF_ERROR(OpenRepo(workdir, repo));
  git_libgit2_opts(GIT_OPT_ENABLE_FSYNC_GITDIR, 1);
  git_oid blob_id, tree_id, commit_id;
  if (git_blob_create_from_buffer(&blob_id, repo.get(), text.data(), text.size()) < 0)
    return GitIo(_("cannot write the record of reserved numbers"));
  git_treebuilder* tb_raw = nullptr;
  if (git_treebuilder_new(&tb_raw, repo.get(), nullptr) < 0)
    return GitIo(_("cannot write the record of reserved numbers"));
  GitPtr<git_treebuilder, git_treebuilder_free> tb(tb_raw);
  if (git_treebuilder_insert(nullptr, tb_raw, kNumbersFile, &blob_id, GIT_FILEMODE_BLOB) < 0 ||
      git_treebuilder_write(&tree_id, tb_raw) < 0)
    return GitIo(_("cannot write the record of reserved numbers"));
  git_tree* t = nullptr;
  if (git_tree_lookup(&t, repo.get(), &tree_id) < 0)
    return GitIo(_("cannot write the record of reserved numbers"));
  TreePtr tree(t);
  CommitPtr parent_commit;
  if (!parent.empty()) {
    git_oid pid;
    git_commit* pc = nullptr;
    if (git_oid_fromstr(&pid, parent.c_str()) < 0 || git_commit_lookup(&pc, repo.get(), &pid) < 0)
      return GitIo(Tr("cannot read commit {0}", parent));
    parent_commit.reset(pc);
  }
  git_signature* sig_raw = nullptr;
  if (git_signature_now(&sig_raw, author.name.c_str(), author.email.c_str()) < 0)
    return GitIo(_("cannot make the commit's signature"));
  SigPtr sig(sig_raw);
  const git_commit* parents[] = {parent_commit.get()};
  if (git_commit_create(&commit_id, repo.get(), nullptr, sig.get(), sig.get(), nullptr,
                        message.c_str(), t, parent_commit ? 1 : 0, parents) < 0)
    return GitIo(_("cannot write the record of reserved numbers"));
  const std::string hex = OidHex(&commit_id);
  MEDIATE_RETURN_IF_ERROR(PointRef(workdir, ref, hex));
  return hex;
}

Status PointRef(const std::string& workdir, const std::string& ref, const std::string& commit) {
  RepoPtr repo;
  MEDIATE_RETURN_IF_ERROR(OpenRepo(workdir, repo));
  git_libgit2_opts(GIT_OPT_ENABLE_FSYNC_GITDIR, 1);
  git_oid id;
  if (git_oid_fromstr(&id, commit.c_str()) < 0) return GitIo(Tr("cannot read commit {0}", commit));
  git_reference* r = nullptr;
  if (git_reference_create(&r, repo.get(), ref.c_str(), &id, /*force=*/1, "mediate numbers") < 0)
    return GitIo(Tr("cannot set {0}", ref));
  git_reference_free(r);
  return Status::Ok();
}

std::string DeskName(const std::string& workdir) {
  auto repo = GitRepo::Open(workdir);
  if (!repo.ok()) return "";
  return repo->ConfigString("mediate.desk").value_or("");
}

Result<std::string> EnsureDeskName(const std::string& workdir) {
  auto repo = GitRepo::Open(workdir);
  if (!repo.ok()) return repo.status();
  if (auto have = repo->LocalConfigString("mediate.desk"); have && !have->empty()) return *have;
  std::random_device rd;
  std::uniform_int_distribution<int> digit(0, 15);
  std::string name = "d-";
  for (int i = 0; i < 12; ++i) name += "0123456789abcdef"[digit(rd)];
  MEDIATE_RETURN_IF_ERROR(repo->SetLocalConfigString("mediate.desk", name));
  return name;
}

}  // namespace mediate
