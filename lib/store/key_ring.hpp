// The unlocked keys of this desk (docs/personal-data.md, "Keys"): the
// office's key pair opens, from the keys record, the secret of every epoch
// sealed to it — that epoch's key and the district's lookup key. The epoch
// keys wrap the data keys of case files; the lookup key makes the keyed
// hashes of names and numbers (the same in every epoch, so a lookup finds
// cases of any epoch). Rule: PIPL Art. 51.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "case_key_ref.hpp"
#include "key_record.hpp"
#include "office_key_file.hpp"
#include "personal_fields.hpp"
#include "sealing.hpp"
#include "status.hpp"

namespace mediate {

/// The bytes sealed per office per epoch: epoch key (32) || lookup key (32).
std::string EpochSecret(const SecretKey& epoch_key, const SecretKey& lookup_key);

/// Opening and sealing case records take it as their CaseKeySource.
class KeyRing : public CaseKeySource {
 public:
  KeyRing() = default;

  /// The office whose key opened the ring ("XJY").
  const std::string& office() const { return office_; }
  /// The record's current epoch (what new data is written under).
  int current_epoch() const { return current_; }
  int CurrentEpoch() const override { return current_; }
  /// The key of epoch `epoch`, or nullptr when this office cannot open it
  /// (sealed before the office was added without being shared, or after it
  /// was revoked, or no such epoch).
  const SecretKey* EpochKey(int epoch) const override;
  /// The district's lookup key (keyed hashes of names and numbers).
  const SecretKey& LookupKey() const override { return lookup_; }
  /// The case key `key_id` from this clone's case keys (the reader given
  /// with SetCaseKeys); kRejected when there is none, or no reader.
  Result<CaseKeyEntry> FindCaseKey(const std::string& key_id) const override;
  /// Where FindCaseKey looks keys up (Store::Keys gives the clone's).
  void SetCaseKeys(std::shared_ptr<const CaseKeyReader> reader) { case_keys_ = std::move(reader); }
  /// True when this office was revoked: its ring opens only the epochs
  /// sealed to it before, and seals nothing new.
  bool revoked() const { return revoked_; }
  /// The epochs this office can open, ascending.
  std::vector<int> Epochs() const;
  /// The key pair of the office (to seal to it, or to open what was).
  const BoxKeyPair& pair() const { return pair_; }

  /// A ring from its parts (for tests and for `key init`, which makes the
  /// first epoch): `epochs` maps epoch number → key.
  static KeyRing Make(std::string office, BoxKeyPair pair, int current,
                      std::map<int, SecretKey> epochs, SecretKey lookup);

 private:
  friend Result<KeyRing> OpenKeyRing(const KeyRecord&, const OfficeKeyFile&, const BoxKeyPair&,
                                     const std::string&);
  std::string office_;
  BoxKeyPair pair_;
  int current_ = 0;
  std::map<int, SecretKey> epochs_;
  SecretKey lookup_;
  std::shared_ptr<const CaseKeyReader> case_keys_;
  bool revoked_ = false;
};

/// Unlocks this desk's ring: `file` (the key file, read from `path`, for
/// messages) unlocked with `passphrase`, then every epoch of `record`
/// sealed to the file's office opened. Errors, each naming the office and
/// what to do (kRejected; nothing is written):
///   - the office is not in the record (another office runs `mediate key
///     add-office CODE`);
///   - the file's public key is not the record's for that office (a key
///     file of another store, or an older key);
///   - a wrong passphrase;
///   - the current epoch is not sealed to an active office, or a sealed
///     secret does not open (an altered record).
/// A revoked office's key still unlocks: its ring opens the epochs sealed
/// to it before the revocation (what it could always read), and nothing
/// written since (KeyRing::revoked; docs/personal-data.md, "Revoking a
/// key").
Result<KeyRing> UnlockKeyRing(const KeyRecord& record, const OfficeKeyFile& file,
                              std::string_view passphrase, const std::string& path);

/// The ring of `file`'s office with its key `pair` already unlocked (kept
/// for the session: key_cache.hpp): every epoch of `record` sealed to the
/// office opened, after the same checks of the office as UnlockKeyRing
/// (`path`, the key file's, for messages). Errors as UnlockKeyRing's, but
/// for the passphrase.
Result<KeyRing> OpenKeyRing(const KeyRecord& record, const OfficeKeyFile& file,
                            const BoxKeyPair& pair, const std::string& path);

}  // namespace mediate
