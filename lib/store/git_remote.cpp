#include "git_remote.hpp"

#include <git2.h>

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

}  // namespace mediate
