#include "remote_access.hpp"

#include <cstdlib>
#include <string>

namespace mediate::cli {

namespace {

std::string Env(const char* name) {
  const char* v = std::getenv(name);
  return v ? v : "";
}

}  // namespace

RemoteAccess RemoteAccessFromEnvironment() {
  RemoteAccess access;
  access.token = Env("MEDIATE_GIT_TOKEN");
  access.user = Env("MEDIATE_GIT_USER");
  if (std::string key = Env("MEDIATE_SSH_KEY"); !key.empty()) access.ssh_keys.push_back(key);
  if (std::string home = Env("HOME"); !home.empty())
    for (const char* k : {"id_ed25519", "id_ecdsa", "id_rsa"})
      access.ssh_keys.push_back(home + "/.ssh/" + k);
  return access;
}

}  // namespace mediate::cli
