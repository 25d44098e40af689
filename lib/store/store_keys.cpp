// Store's keys of personal data sealed at rest (store.hpp, key_ring.hpp):
// whether the store is encrypted, and this desk's unlocked key ring.
#include "i18n.hpp"
#include "key_cache.hpp"
#include "key_record.hpp"
#include "key_ring.hpp"
#include "office_key_file.hpp"
#include "store.hpp"

namespace mediate {

Result<KeyRecord> Store::ReadKeyRecord() const {
  auto text = ReadText(kKeyRecordPath);
  if (!text.ok()) return KeyRecord{};
  auto root = ReadYaml(kKeyRecordPath);
  if (!root.ok()) return root.status();
  return KeyRecordFromValue(*root, kKeyRecordPath);
}

bool Store::Encrypted() const {
  if (!encrypted_) {
    if (!ReadText(kKeyRecordPath).ok()) {
      encrypted_ = false;
    } else {
      auto record = ReadKeyRecord();
      encrypted_ = !record.ok() || record->Encrypted();
    }
  }
  return *encrypted_;
}

void Store::SetKeyPlace(KeyPlace place, std::string office_env) {
  key_place_ = std::move(place);
  key_office_env_ = std::move(office_env);
  key_ring_.reset();
}

void Store::SetPassphraseSource(PassphraseProvider source) {
  passphrase_ = std::move(source);
  key_ring_.reset();
}

Result<std::string> Store::KeyFilePath() const {
  auto office = WritingOffice(key_office_env_);
  if (!office.ok()) return office.status();
  std::string path = OfficeKeyPath(key_place_, *office);
  if (path.empty())
    return Status::Usage(
        _("no place for the key file: set MEDIATE_KEY_FILE, XDG_CONFIG_HOME or HOME"));
  return path;
}

const CaseKeySource* Store::OpenedKeys() const { return key_ring_.get(); }

Result<const KeyRing*> Store::Keys() const {
  if (key_ring_) return key_ring_.get();
  auto record = ReadKeyRecord();
  if (!record.ok()) return record.status();
  if (!record->Encrypted())
    return Status::Usage(
        Tr("the store's personal data is not encrypted ({0} lists no office): 'mediate key "
           "init' starts it",
           kKeyRecordPath));
  auto path = KeyFilePath();
  if (!path.ok()) return path.status();
  auto file = ReadOfficeKeyFile(*path);
  if (!file.ok()) return file.status();
  if (auto office = WritingOffice(key_office_env_); office.ok() && *office != file->office)
    return Status::Rejected(
        Tr("the key file {0} is office {1}'s, but this desk writes as {2}; nothing was written",
           *path, file->office, *office));
  // Unlocked earlier in this session: no passphrase, no Argon2id.
  if (auto kept = CachedOfficeKey(key_place_.cache, file->office, file->public_key)) {
    BoxKeyPair pair;
    pair.public_key = file->public_key;
    pair.secret_key = *kept;
    auto ring = OpenKeyRing(*record, *file, pair, *path);
    if (!ring.ok()) return ring.status();
    ring->SetCaseKeys(std::make_shared<const CaseKeyReader>(root()));
    key_ring_ = std::make_shared<const KeyRing>(std::move(*ring));
    return key_ring_.get();
  }
  if (!passphrase_)
    return Status::Usage(_("no passphrase source for the key file (set MEDIATE_KEY_PASSPHRASE)"));
  auto pass = passphrase_(Tr("passphrase for the key file of {0} ({1})", file->office, *path));
  if (!pass.ok()) return pass.status();
  auto ring = UnlockKeyRing(*record, *file, *pass, *path);
  if (!ring.ok()) return ring.status();
  // Kept for the session when the user has a runtime folder; a command goes
  // on without it.
  (void)KeepOfficeKey(key_place_.cache, file->office, file->public_key, ring->pair().secret_key);
  ring->SetCaseKeys(std::make_shared<const CaseKeyReader>(root()));
  key_ring_ = std::make_shared<const KeyRing>(std::move(*ring));
  return key_ring_.get();
}

}  // namespace mediate
