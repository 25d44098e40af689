// The desk's office key kept unlocked for a working session, so that a
// front desk types its passphrase once, not at every command, and a batch
// job pays for Argon2id once (docs/personal-data.md, "Keys"). The key is
// kept in the user's runtime folder ($XDG_RUNTIME_DIR: a per-user folder in
// memory, mode 0700, which the system empties at logout and shutdown), in a
// file of mode 0600, and used only while it was touched within the idle
// time; a lost laptop that is switched off holds no unlocked key. Without
// a runtime folder nothing is kept. PIPL Art. 51.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "key_place.hpp"
#include "sealing.hpp"
#include "status.hpp"

namespace mediate {

/// The cached secret key of `office` whose public key is `public_key` (32
/// raw bytes), when one was kept by an earlier command and used within the
/// idle time; its time is renewed. nullopt otherwise — none kept, too old
/// (then removed), of another public key, or a file not the user's own or
/// readable by others (then ignored). Never fails.
std::optional<SecretKey> CachedOfficeKey(const KeyCachePlace& place, const std::string& office,
                                         const std::string& public_key);

/// Keeps `secret` as the unlocked key of `office` (public key `public_key`)
/// for the session: folder <runtime>/mediate mode 0700, file mode 0600,
/// written under a new name and renamed. Nothing to do when the place is
/// not enabled. kIo when it cannot be written (the command goes on).
Status KeepOfficeKey(const KeyCachePlace& place, const std::string& office,
                     const std::string& public_key, const SecretKey& secret);

/// Forgets every kept key (`mediate key lock`). Ok when none was kept.
Status ForgetOfficeKeys(const KeyCachePlace& place);

}  // namespace mediate
