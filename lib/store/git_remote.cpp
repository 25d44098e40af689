#include "git_remote.hpp"

#include <git2.h>

#include <string_view>

#include "git_handles.hpp"

namespace mediate {

using namespace git_internal;

Status CloneRepository(const std::string& url, const std::string& workdir) {
  InitLibgit2();
  git_clone_options opts;
  git_clone_options_init(&opts, GIT_CLONE_OPTIONS_VERSION);
  git_repository* raw = nullptr;
  if (git_clone(&raw, url.c_str(), workdir.c_str(), &opts) < 0) return GitIo("cannot clone " + url);
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

}  // namespace mediate
