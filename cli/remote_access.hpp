// Credentials for the district's server, from the environment and the
// user's home (docs/offices.md, "Credentials"): MEDIATE_GIT_TOKEN and
// MEDIATE_GIT_USER for https; MEDIATE_SSH_KEY, then ~/.ssh/id_ed25519,
// id_ecdsa and id_rsa for ssh (after ssh-agent, which libgit2 asks first).
#pragma once

#include "sync.hpp"

namespace mediate::cli {

/// The RemoteAccess the environment gives; git config's mediate.token and
/// mediate.user are read by the library when these are empty.
RemoteAccess RemoteAccessFromEnvironment();

}  // namespace mediate::cli
