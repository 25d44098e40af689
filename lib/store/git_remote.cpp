#include "git_remote.hpp"

#include <git2.h>

#include <string_view>

#include "disk.hpp"
#include "git_handles.hpp"
#include "i18n.hpp"

namespace mediate {

using namespace git_internal;

namespace {

using RemotePtr = GitPtr<git_remote, git_remote_free>;

/// What the libgit2 callbacks of one fetch or push share.
struct Session {
  const RemoteAccess* access = nullptr;
  const ProgressFn* progress = nullptr;
  bool agent_tried = false;
  std::size_t next_key = 0;
  bool token_tried = false;
  std::vector<std::string> rejected;  ///< "ref: reason" from push_update_reference
};

int Credentials(git_credential** out, const char* /*url*/, const char* url_user,
                unsigned int allowed, void* payload) {
  auto& s = *static_cast<Session*>(payload);
  const RemoteAccess& a = *s.access;
  if (allowed & GIT_CREDENTIAL_SSH_KEY) {
    const char* user = url_user ? url_user : "git";
    if (!s.agent_tried) {
      s.agent_tried = true;
      if (git_credential_ssh_key_from_agent(out, user) == 0) return 0;
    }
    while (s.next_key < a.ssh_keys.size()) {
      const std::string& key = a.ssh_keys[s.next_key++];
      if (!CurrentDisk().Stat(key).ok()) continue;
      std::string pub = key + ".pub";
      bool has_pub = CurrentDisk().Stat(pub).ok();
      return git_credential_ssh_key_new(out, user, has_pub ? pub.c_str() : nullptr, key.c_str(),
                                        nullptr);
    }
    git_error_set_str(GIT_ERROR_SSH,
                      _("the server accepted neither ssh-agent's keys nor the key files "
                        "(~/.ssh/id_ed25519, id_ecdsa, id_rsa, or MEDIATE_SSH_KEY)"));
    return GIT_EAUTH;
  }
  if (allowed & GIT_CREDENTIAL_USERPASS_PLAINTEXT) {
    if (a.token.empty() || s.token_tried) {
      git_error_set_str(GIT_ERROR_HTTP,
                        a.token.empty() ? _("the server asks for a login and no token was given "
                                            "(MEDIATE_GIT_TOKEN, or git config mediate.token)")
                                        : _("the server refused the token"));
      return GIT_EAUTH;
    }
    s.token_tried = true;
    std::string user = !a.user.empty() ? a.user : url_user && *url_user ? url_user : "mediate";
    return git_credential_userpass_plaintext_new(out, user.c_str(), a.token.c_str());
  }
  if (allowed & GIT_CREDENTIAL_USERNAME)
    return git_credential_username_new(out, url_user ? url_user : "git");
  return GIT_PASSTHROUGH;
}

int FetchProgress(const git_indexer_progress* p, void* payload) {
  auto& s = *static_cast<Session*>(payload);
  if (s.progress && *s.progress)
    (*s.progress)(TransferProgress{TransferProgress::Phase::kReceiving, p->received_objects,
                                   p->total_objects, p->received_bytes});
  return 0;
}

int PushProgress(unsigned int current, unsigned int total, size_t bytes, void* payload) {
  auto& s = *static_cast<Session*>(payload);
  if (s.progress && *s.progress)
    (*s.progress)(TransferProgress{TransferProgress::Phase::kSending, current, total, bytes});
  return 0;
}

int PushUpdate(const char* ref, const char* status, void* payload) {
  if (status) static_cast<Session*>(payload)->rejected.push_back(std::string(ref) + ": " + status);
  return 0;
}

git_remote_callbacks Callbacks(Session& s) {
  git_remote_callbacks cb;
  git_remote_init_callbacks(&cb, GIT_REMOTE_CALLBACKS_VERSION);
  cb.credentials = Credentials;
  cb.transfer_progress = FetchProgress;
  cb.push_transfer_progress = PushProgress;
  cb.push_update_reference = PushUpdate;
  cb.payload = &s;
  return cb;
}

Status LookupRemote(git_repository* repo, const SyncTarget& t, RemotePtr& remote) {
  git_remote* r = nullptr;
  if (git_remote_lookup(&r, repo, t.remote.c_str()) < 0)
    return GitIo(Tr("cannot read the remote '{0}'", t.remote));
  remote.reset(r);
  return Status::Ok();
}

}  // namespace

Status CloneRepository(const std::string& url, const std::string& workdir) {
  InitLibgit2();
  git_clone_options opts;
  git_clone_options_init(&opts, GIT_CLONE_OPTIONS_VERSION);
  git_repository* raw = nullptr;
  if (git_clone(&raw, url.c_str(), workdir.c_str(), &opts) < 0)
    return GitIo(Tr("cannot clone {0}", url));
  RepoPtr repo(raw);
  return Status::Ok();
}

bool HasRemote(const std::string& workdir) {
  InitLibgit2();
  git_repository* r = nullptr;
  if (git_repository_open_ext(&r, workdir.c_str(), GIT_REPOSITORY_OPEN_NO_SEARCH, nullptr) < 0)
    return false;
  RepoPtr repo(r);
  // A config walk without a pattern: libgit2's regex iterator
  // (git_remote_list) leaks its PCRE2 match data.
  git_config* raw = nullptr;
  if (git_repository_config_snapshot(&raw, r) < 0) return false;
  ConfigPtr cfg(raw);
  git_config_iterator* it = nullptr;
  if (git_config_iterator_new(&it, raw) < 0) return false;
  bool any = false;
  git_config_entry* entry = nullptr;
  while (!any && git_config_next(&entry, it) == 0) {
    std::string_view name(entry->name);
    any = name.size() > 11 && name.substr(0, 7) == "remote." &&
          name.substr(name.size() - 4) == ".url";
  }
  git_config_iterator_free(it);
  return any;
}

Result<SyncTarget> FindSyncTarget(const std::string& workdir) {
  RepoPtr repo;
  MEDIATE_RETURN_IF_ERROR(OpenRepo(workdir, repo));
  git_reference* head = nullptr;
  if (git_reference_lookup(&head, repo.get(), "HEAD") < 0) return GitIo(_("cannot read HEAD"));
  RefPtr head_ref(head);
  if (git_reference_type(head) != GIT_REFERENCE_SYMBOLIC)
    return Status::Rejected(
        _("HEAD is detached: check out the store's branch (git checkout main)"));
  SyncTarget t;
  t.branch = git_reference_symbolic_target(head);
  const std::string shortname = t.branch.substr(t.branch.rfind('/') + 1);
  git_config* raw = nullptr;
  if (git_repository_config_snapshot(&raw, repo.get()) < 0)
    return GitIo(_("cannot read git config"));
  ConfigPtr cfg(raw);
  auto get = [&](const std::string& key) -> std::string {
    git_config_entry* e = nullptr;
    if (git_config_get_entry(&e, raw, key.c_str()) < 0) return "";
    std::string v = e->value ? e->value : "";
    git_config_entry_free(e);
    return v;
  };
  t.remote = get("branch." + shortname + ".remote");
  if (t.remote.empty() || t.remote == ".") t.remote = "origin";
  t.upstream = get("branch." + shortname + ".merge");
  if (t.upstream.empty()) t.upstream = t.branch;
  t.url = get("remote." + t.remote + ".url");
  if (t.url.empty())
    return Status::Rejected(
        Tr("this store has no remote '{0}' to sync with: make desks with 'mediate clone URL DIR "
           "--office CODE', or add the district's server with 'git remote add {0} URL'",
           t.remote));
  t.tracking = "refs/remotes/" + t.remote + "/" + t.upstream.substr(t.upstream.rfind('/') + 1);
  return t;
}

Status FetchRemote(const std::string& workdir, const SyncTarget& target, const RemoteAccess& access,
                   const ProgressFn& progress, const std::vector<std::string>& refspecs) {
  RepoPtr repo;
  MEDIATE_RETURN_IF_ERROR(OpenRepo(workdir, repo));
  RemotePtr remote;
  MEDIATE_RETURN_IF_ERROR(LookupRemote(repo.get(), target, remote));
  // Fetched packs and the refs that name them are durable before a merge
  // commit can point at them.
  git_libgit2_opts(GIT_OPT_ENABLE_FSYNC_GITDIR, 1);
  Session s;
  s.access = &access;
  s.progress = &progress;
  git_fetch_options opts;
  git_fetch_options_init(&opts, GIT_FETCH_OPTIONS_VERSION);
  opts.callbacks = Callbacks(s);
  opts.prune = GIT_FETCH_NO_PRUNE;
  opts.download_tags = GIT_REMOTE_DOWNLOAD_TAGS_NONE;
  std::vector<char*> specs;
  for (const auto& r : refspecs) specs.push_back(const_cast<char*>(r.c_str()));
  git_strarray given{specs.data(), specs.size()};
  if (git_remote_fetch(remote.get(), refspecs.empty() ? nullptr : &given, &opts,
                       "fetch (mediate sync)") < 0)
    return GitIo(Tr("cannot fetch from {0}", target.url));
  return Status::Ok();
}

Result<std::string> RefTarget(const std::string& workdir, const std::string& name) {
  RepoPtr repo;
  MEDIATE_RETURN_IF_ERROR(OpenRepo(workdir, repo));
  git_oid id;
  int rc = git_reference_name_to_id(&id, repo.get(), name.c_str());
  if (rc == GIT_ENOTFOUND) return std::string();
  if (rc < 0) return GitIo(Tr("cannot read {0}", name));
  return OidHex(&id);
}

Result<PushOutcome> PushBranch(const std::string& workdir, const SyncTarget& target,
                               const RemoteAccess& access, const ProgressFn& progress) {
  return PushRef(workdir, target, target.branch, target.upstream, access, progress);
}

Result<PushOutcome> PushRef(const std::string& workdir, const SyncTarget& target,
                            const std::string& local, const std::string& remote_ref,
                            const RemoteAccess& access, const ProgressFn& progress, bool forced) {
  RepoPtr repo;
  MEDIATE_RETURN_IF_ERROR(OpenRepo(workdir, repo));
  RemotePtr remote;
  MEDIATE_RETURN_IF_ERROR(LookupRemote(repo.get(), target, remote));
  git_libgit2_opts(GIT_OPT_ENABLE_FSYNC_GITDIR, 1);
  Session s;
  s.access = &access;
  s.progress = &progress;
  git_push_options opts;
  git_push_options_init(&opts, GIT_PUSH_OPTIONS_VERSION);
  opts.callbacks = Callbacks(s);
  std::string spec = (forced ? "+" : "") + local + ":" + remote_ref;
  char* specs[] = {spec.data()};
  git_strarray refspecs{specs, 1};
  int rc = git_remote_push(remote.get(), &refspecs, &opts);
  PushOutcome out;
  if (rc == GIT_ENONFASTFORWARD) {
    out.rejected = true;
    out.reason = GitErrorText();
    return out;
  }
  if (rc < 0) return GitIo(Tr("cannot push to {0}", target.url));
  if (!s.rejected.empty()) {
    out.rejected = true;
    out.reason = s.rejected.front();
  }
  return out;
}

}  // namespace mediate
