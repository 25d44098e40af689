// An office's key file: the secret half of the office's key pair, outside
// the store (docs/personal-data.md, "Keys"). Where it is, reading it (a
// file readable by group or others is refused), writing it (mode 0600,
// its folder 0700, never over an existing key file unless asked), and where
// the passphrase that locks it comes from.
//
//   schema: office-key/1
//   office: XJY
//   public_key: "<base64 of 32 bytes>"
//   secret: "<LockWithPassphrase(secret key, passphrase)>"
//
// The library reads no environment variable: the CLI fills KeyPlace and
// the PassphraseSource from MEDIATE_KEY_FILE, XDG_CONFIG_HOME, HOME,
// MEDIATE_KEY_PASSPHRASE and MEDIATE_KEY_PASSPHRASE_FILE.
// Rule: PIPL Art. 51 (encryption, access to personal information).
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "key_place.hpp"
#include "sealing.hpp"
#include "status.hpp"

namespace mediate {

/// The key file's schema.
inline constexpr const char* kOfficeKeySchema = "office-key/1";

/// The key file of office `office` on this machine: `place.key_file` when
/// set (the desk's own office only: `own` true), else
/// `<config_home or home/.config>/mediate/keys/<office>.key`. "" when
/// neither a config folder nor a home is known.
std::string OfficeKeyPath(const KeyPlace& place, const std::string& office, bool own = true);

/// A key file as read: the office, its public key and the locked secret.
struct OfficeKeyFile {
  std::string office;      ///< "XJY"
  std::string public_key;  ///< 32 raw bytes
  std::string secret;      ///< LockWithPassphrase of the 32-byte secret key (base64)

  /// The key pair, the secret unlocked with `passphrase`. kRejected
  /// naming `path` when the passphrase is wrong ("wrong passphrase for the
  /// key file …") or the unlocked secret is not 32 bytes.
  Result<BoxKeyPair> Unlock(std::string_view passphrase, const std::string& path) const;
};

/// The key file at `path`, read. Refused (kRejected, nothing else read)
/// when the file is readable by group or others: "FILE is readable by
/// others (mode 0644): run chmod 600 FILE". kNotFound when it does not
/// exist (naming the path and `mediate key init` / the office that can add
/// this one); kRejected naming the path and field when it does not read
/// as a key file (schema office-key/1, office, public_key, secret).
Result<OfficeKeyFile> ReadOfficeKeyFile(const std::string& path);

/// The text of a key file for `pair` of `office`, its secret locked with
/// `passphrase` (Argon2id): what WriteSecretFile writes. An error only when
/// the memory Argon2id needs cannot be had.
Result<std::string> OfficeKeyFileText(const std::string& office, const BoxKeyPair& pair,
                                      std::string_view passphrase);

/// Writes `text` as the secret file `path` (a key file, a recovery file):
/// its folder is made (mode 0700)
/// when missing; the file is made beside it under a temporary name with
/// O_EXCL, set to mode 0600 before anything is written to it, fsynced and
/// renamed into place. kRejected when `path` exists and `overwrite` is
/// false ("… exists: a key file is never replaced; move it away first"),
/// kIo naming the path when a step fails (the temporary file is removed).
Status WriteSecretFile(const std::string& path, const std::string& text, bool overwrite = false);

/// Asks for a passphrase: `prompt` says what for ("passphrase for the key
/// file of XJY"); `confirm` true asks twice (a new passphrase). Gives the
/// passphrase or an error (kUsage when there is no terminal to ask on).
using PassphraseAsk = std::function<Result<std::string>(const std::string& prompt, bool confirm)>;

/// Where passphrases come from, strongest first.
struct PassphraseSource {
  std::optional<std::string> env;  ///< MEDIATE_KEY_PASSPHRASE (may be set and empty: refused)
  std::string file;                ///< MEDIATE_KEY_PASSPHRASE_FILE; "" when unset
  PassphraseAsk ask;               ///< the terminal prompt; empty when there is none
  std::string env_name = "MEDIATE_KEY_PASSPHRASE";  ///< for messages

  /// The passphrase: `env`, else the first line of `file` (without its
  /// line end), else `ask(prompt, confirm)`. kUsage when none is given
  /// ("no passphrase: set MEDIATE_KEY_PASSPHRASE or run on a terminal"),
  /// when it is empty, or naming `file` when it cannot be read.
  Result<std::string> Get(const std::string& prompt, bool confirm = false) const;
};

}  // namespace mediate
