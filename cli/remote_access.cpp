#include "remote_access.hpp"

#include <cstdlib>
#include <string>

#include "environment.hpp"

namespace mediate::cli {

RemoteAccess RemoteAccessFromEnvironment() {
  RemoteAccess access;
  access.token = EnvironmentVariable("MEDIATE_GIT_TOKEN");
  access.user = EnvironmentVariable("MEDIATE_GIT_USER");
  if (std::string key = EnvironmentVariable("MEDIATE_SSH_KEY"); !key.empty())
    access.ssh_keys.push_back(key);
  if (std::string home = EnvironmentVariable("HOME"); !home.empty())
    for (const char* k : {"id_ed25519", "id_ecdsa", "id_rsa"})
      access.ssh_keys.push_back(home + "/.ssh/" + k);
  return access;
}

}  // namespace mediate::cli
