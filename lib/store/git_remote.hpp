// Talking to other copies of the store: cloning the district's repository
// (libgit2; file paths, file://, ssh and https URLs as libgit2 supports
// them). Kept apart from GitRepo, which works on one local repository.
#pragma once

#include <string>

#include "status.hpp"

namespace mediate {

/// Clones the repository at `url` into `workdir` (created; it must not
/// exist or be empty) with its default branch checked out. kIo naming the
/// URL and libgit2's reason when it fails; `workdir` may then hold a partial
/// clone, which the caller removes.
Status CloneRepository(const std::string& url, const std::string& workdir);

/// True when the repository whose work tree is `workdir` has at least one
/// remote (a `remote.<name>.url` in its config: it is a clone, or a remote
/// was added): one desk among several. False when there is no repository.
bool HasRemote(const std::string& workdir);

}  // namespace mediate
