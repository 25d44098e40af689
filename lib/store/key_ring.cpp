#include "key_ring.hpp"

#include "i18n.hpp"

namespace mediate {

std::string EpochSecret(const SecretKey& epoch_key, const SecretKey& lookup_key) {
  return epoch_key.Bytes() + lookup_key.Bytes();
}

const SecretKey* KeyRing::EpochKey(int epoch) const {
  auto it = epochs_.find(epoch);
  return it == epochs_.end() ? nullptr : &it->second;
}

Result<CaseKeyEntry> KeyRing::FindCaseKey(const std::string& key_id) const {
  if (!case_keys_)
    return Status::Rejected(Tr("the case key {0} is not at hand (no case keys given)", key_id));
  return case_keys_->Find(key_id);
}

std::vector<int> KeyRing::Epochs() const {
  std::vector<int> out;
  for (const auto& [n, key] : epochs_) out.push_back(n);
  return out;
}

KeyRing KeyRing::Make(std::string office, BoxKeyPair pair, int current,
                      std::map<int, SecretKey> epochs, SecretKey lookup) {
  KeyRing ring;
  ring.office_ = std::move(office);
  ring.pair_ = std::move(pair);
  ring.current_ = current;
  ring.epochs_ = std::move(epochs);
  ring.lookup_ = lookup;
  return ring;
}

namespace {

/// The office of `file` against `record`: registered, with the file's
/// public key, and — while it is active — the current epoch sealed to it.
Status CheckOfficeKey(const KeyRecord& record, const OfficeKeyFile& file, const std::string& path) {
  const std::string& code = file.office;
  const KeyOffice* office = record.FindOffice(code);
  if (!office)
    return Status::Rejected(
        Tr("office {0} holds no key of this store ({1}): an office that holds one runs 'mediate "
           "key add-office {0}'; nothing was written",
           code, kKeyRecordPath));
  if (office->public_key != file.public_key)
    return Status::Rejected(
        Tr("the key file {0} is not the key {1} lists for office {2} (a key file of another "
           "store, or an older one); nothing was written",
           path, kKeyRecordPath, code));
  const KeyEpoch* current = record.CurrentEpoch();
  if (!current || (office->active() && !current->sealed.count(code)))
    return Status::Rejected(
        Tr("the current epoch of {0} is not sealed to office {1}: an office that holds it runs "
           "'mediate key add-office'; nothing was written",
           kKeyRecordPath, code));
  return Status::Ok();
}

}  // namespace

Result<KeyRing> UnlockKeyRing(const KeyRecord& record, const OfficeKeyFile& file,
                              std::string_view passphrase, const std::string& path) {
  MEDIATE_RETURN_IF_ERROR(CheckOfficeKey(record, file, path));
  auto pair = file.Unlock(passphrase, path);
  if (!pair.ok()) return pair.status();
  return OpenKeyRing(record, file, *pair, path);
}

Result<KeyRing> OpenKeyRing(const KeyRecord& record, const OfficeKeyFile& file,
                            const BoxKeyPair& pair, const std::string& path) {
  MEDIATE_RETURN_IF_ERROR(CheckOfficeKey(record, file, path));
  const std::string& code = file.office;
  const KeyEpoch* current = record.CurrentEpoch();
  std::map<int, SecretKey> epochs;
  SecretKey lookup;
  for (const KeyEpoch& e : record.epochs) {
    auto it = e.sealed.find(code);
    if (it == e.sealed.end()) continue;
    auto secret = OpenSealed(pair, it->second);
    if (!secret.ok() || secret->size() != 2 * SecretKey::kSize)
      return Status::Rejected(
          Tr("{0}: epoch {1}'s secret sealed to office {2} does not open with its key (the "
             "record was altered?); nothing was written",
             kKeyRecordPath, e.epoch, code));
    auto key =
        SecretKey::FromBytes(std::string_view(*secret).substr(0, SecretKey::kSize), _("epoch key"));
    auto look =
        SecretKey::FromBytes(std::string_view(*secret).substr(SecretKey::kSize), _("lookup key"));
    if (!key.ok()) return key.status();
    if (!look.ok()) return look.status();
    epochs.emplace(e.epoch, *key);
    lookup = *look;
  }
  if (epochs.empty())
    return Status::Rejected(
        Tr("{0} seals no epoch to office {1}; nothing was written", kKeyRecordPath, code));
  KeyRing ring = KeyRing::Make(code, pair, current->epoch, std::move(epochs), lookup);
  ring.revoked_ = !record.FindOffice(code)->active();
  return ring;
}

}  // namespace mediate
