// Where the keys of personal data and their passphrases come from on this
// machine (docs/personal-data.md, "Keys"): the environment, read here and
// nowhere in the library, and the terminal, asked with echo off.
#pragma once

#include "office_key_file.hpp"
#include "store.hpp"

namespace mediate::cli {

/// MEDIATE_KEY_FILE, XDG_CONFIG_HOME and HOME as the environment gives them.
KeyPlace KeyPlaceFromEnvironment();

/// The passphrase of a key file: MEDIATE_KEY_PASSPHRASE, else the first
/// line of MEDIATE_KEY_PASSPHRASE_FILE, else the terminal (stdin must be
/// one: otherwise a clear kUsage naming the variables).
PassphraseSource KeyPassphraseSource();

/// The recovery passphrase of `key export-recovery`:
/// MEDIATE_RECOVERY_PASSPHRASE, else its _FILE, else the terminal.
PassphraseSource RecoveryPassphraseSource();

/// Tells `store` where this desk's key file is, which office the desk is
/// (`office_env`, MEDIATE_OFFICE) and how to ask the key file's passphrase.
void SetUpStoreKeys(Store& store, const std::string& office_env);

}  // namespace mediate::cli
