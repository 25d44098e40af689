// The `mediate key` operations (docs/personal-data.md, "Keys"): the
// district's keys record keys/district.yaml and the offices' key files.
// Each change of the record is one commit through StoreWrite with the
// trailers `Mediate-Action: key-init|key-add-office|key-revoke` and
// `Mediate-Office: CODE`. A key file is written before its commit and
// removed again when the commit fails, so a refusal leaves nothing behind.
// Rule: PIPL Art. 51 (encryption of personal information); People's
// Mediation Law Art. 15 (a party's privacy).
#pragma once

#include <string>
#include <vector>

#include "key_record.hpp"
#include "office_key_file.hpp"
#include "signature.hpp"
#include "status.hpp"
#include "store_write.hpp"

namespace mediate {

/// What a key write did.
struct KeyWriteOutcome {
  std::string commit;       ///< full commit id ("" for export-recovery)
  std::string subject;      ///< the commit subject, "key init: XJY" ("" for export-recovery)
  std::string office;       ///< the office the change is about
  std::string key_file;     ///< the key (or recovery) file written; "" for revoke
  int epoch = 0;            ///< the current epoch after the change
  std::vector<int> epochs;  ///< epochs sealed to the new office / exported
};

/// `key init`: makes `office`'s key pair (the writing office when ""),
/// writes its key file at `key_file` locked with a new passphrase from
/// `pass` (asked twice on a terminal), and commits keys/district.yaml with
/// the office and epoch 1 — a random epoch key and a random lookup key
/// sealed to the office. `at` is the time (RFC 3339). kRejected when the
/// store already has keys ("already encrypted; add an office with key
/// add-office") or the key file exists; kUsage for an office code that is
/// not registered or a key file inside the store's work tree; errors of the passphrase and of
/// StoreWrite::Commit.
Result<KeyWriteOutcome> InitKeys(StoreWrite& w, const Signature& op, std::string office,
                                 const std::string& key_file, const PassphraseSource& pass,
                                 const std::string& at);

/// `key add-office CODE`: needs this desk's ring (Store::Keys). Makes
/// CODE's key pair, seals to it the secret of every epoch this desk can
/// open — so the new office reads the cases written before it was added
/// too —, writes CODE's key file at `key_file` locked with a passphrase
/// from `pass` ("the passphrase for CODE's key file"), commits. kRejected
/// when CODE already holds a key or was revoked (a code once revoked
/// stays so) or when `key_file` exists, kUsage for a code that is not an
/// office code or not registered and for a key file inside the store's work
/// tree (checked before any passphrase is asked); errors of Store::Keys.
Result<KeyWriteOutcome> AddKeyOffice(StoreWrite& w, const Signature& op, const std::string& code,
                                     const std::string& key_file, const PassphraseSource& pass,
                                     const std::string& at);

/// `key revoke CODE --reason R`: marks CODE revoked (when, by whom, why)
/// and starts epoch N+1: a fresh epoch key with the same lookup key (from
/// this desk's ring), sealed to every active office but CODE. Data
/// written afterwards cannot be opened with CODE's key; data written
/// before can (its epochs were sealed to CODE). kRejected for a code the
/// record does not list, one already revoked, the last active office, an
/// empty reason; errors of Store::Keys.
Result<KeyWriteOutcome> RevokeKeyOffice(StoreWrite& w, const Signature& op, const std::string& code,
                                        const std::string& reason, const std::string& at);

/// `key export-recovery --out FILE`: writes every epoch secret this desk
/// can open to `out` (mode 0600), each locked with the recovery passphrase
/// from `pass` (asked twice on a terminal):
///   schema: recovery-key/1, office, made, epochs: {N: locked}.
/// kUsage when `out` lies inside the store's work tree (it would be
/// committed); kRejected when it exists; errors of Store::Keys.
Result<KeyWriteOutcome> ExportRecovery(const Store& store, const std::string& out,
                                       const PassphraseSource& pass, const std::string& at);

/// What `key list` shows: the offices and epochs of the record, and this
/// desk's key file. Nothing secret.
struct KeyListing {
  struct Office {
    std::string code, added, by, revoked, revoked_by, revoked_reason;
    std::vector<int> epochs;  ///< the epochs sealed to it
  };
  bool encrypted = false;
  std::vector<Office> offices;  ///< by code
  int current_epoch = 0;
  std::string desk_office;  ///< this desk's office; "" when it has none
  std::string key_file;     ///< this desk's key file path; "" when unknown
  bool key_file_exists = false;
};

/// The listing of `store`'s keys record (kRejected when it does not read).
Result<KeyListing> ListKeys(const Store& store);

}  // namespace mediate
