// Where this desk's key of personal data is looked for, and how the store
// asks for its passphrase (office_key_file.hpp, Store::Keys). Apart from
// the key file itself so that store.hpp needs no cryptography header.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "status.hpp"

namespace mediate {

/// Where and for how long the desk's unlocked key is kept for a session
/// (key_cache.hpp): the CLI fills it from XDG_RUNTIME_DIR and
/// MEDIATE_KEY_IDLE_MINUTES.
struct KeyCachePlace {
  std::string runtime_dir;  ///< XDG_RUNTIME_DIR; "" (unset): nothing is kept
  int idle_minutes = 15;    ///< 0: nothing is kept
  std::int64_t now = 0;     ///< seconds since the epoch, by the system clock

  bool enabled() const { return !runtime_dir.empty() && idle_minutes > 0; }
};

/// Where key files are looked for: the environment as the CLI read it.
struct KeyPlace {
  std::string key_file;     ///< MEDIATE_KEY_FILE: this desk's key file; "" when unset
  std::string config_home;  ///< XDG_CONFIG_HOME; "" when unset
  std::string home;         ///< HOME; "" when unset
  KeyCachePlace cache{};    ///< where the unlocked key is kept for the session
};

/// What the store asks for the passphrase of its desk's key file
/// (Store::SetPassphraseSource): given the prompt, the passphrase or an error.
using PassphraseProvider = std::function<Result<std::string>(const std::string& prompt)>;

}  // namespace mediate
