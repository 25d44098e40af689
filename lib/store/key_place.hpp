// Where this desk's key of personal data is looked for, and how the store
// asks for its passphrase (office_key_file.hpp, Store::Keys). Apart from
// the key file itself so that store.hpp needs no cryptography header.
#pragma once

#include <functional>
#include <string>

#include "status.hpp"

namespace mediate {

/// Where key files are looked for: the environment as the CLI read it.
struct KeyPlace {
  std::string key_file;     ///< MEDIATE_KEY_FILE: this desk's key file; "" when unset
  std::string config_home;  ///< XDG_CONFIG_HOME; "" when unset
  std::string home;         ///< HOME; "" when unset
};

/// What the store asks for the passphrase of its desk's key file
/// (Store::SetPassphraseSource): given the prompt, the passphrase or an error.
using PassphraseProvider = std::function<Result<std::string>(const std::string& prompt)>;

}  // namespace mediate
