#include "key_write.hpp"

#include "case_key_ref.hpp"

#include <filesystem>

#include "disk.hpp"
#include "i18n.hpp"
#include "key_ring.hpp"
#include "office.hpp"
#include "team_commit.hpp"
#include "yaml_io.hpp"

namespace mediate {

namespace {

/// A revoked office changes no key: its key opens only what was sealed to
/// it before (key_ring.hpp).
Status RefuseRevoked(const KeyRing& ring) {
  if (!ring.revoked()) return Status::Ok();
  return Status::Rejected(
      Tr("office {0}'s key was revoked: it changes no key; an active office does it; nothing "
         "was written",
         ring.office()));
}

/// Stages the record and commits; on failure removes `written` (a key file
/// made for this change).
Result<std::string> CommitRecord(StoreWrite& w, const Signature& op, const KeyRecord& record,
                                 const std::string& subject, const std::string& action,
                                 const std::string& office, const std::string& written) {
  w.Put(kKeyRecordPath, KeyRecordToValue(record));
  auto commit = w.Commit(op, subject + Trailers(action, {"Mediate-Office: " + office}));
  if (!commit.ok() && !written.empty()) (void)CurrentDisk().Remove(written);
  return commit;
}

/// True when `path` lies inside the store's work tree, where a secret file
/// could be committed.
bool InsideStore(const Store& store, const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path root = fs::weakly_canonical(fs::absolute(store.root(), ec), ec);
  const fs::path p = fs::weakly_canonical(fs::absolute(path, ec), ec);
  const fs::path rel = p.lexically_relative(root);
  return !rel.empty() && *rel.begin() != "..";
}

Status RefuseInsideStore(const Store& store, const std::string& path) {
  if (!InsideStore(store, path)) return Status::Ok();
  return Status::Usage(
      Tr("the key file {0} is inside the store: a secret key must never be committed; keep it "
         "outside the store (MEDIATE_KEY_FILE, --key-file); nothing was written",
         path));
}

std::string Joined(const std::vector<std::string>& codes) {
  std::string text;
  for (const std::string& c : codes) text += (text.empty() ? "" : ", ") + c;
  return text.empty() ? "-" : text;
}

Status CheckCode(const Store& store, const std::string& code, const std::string& from) {
  if (!IsOfficeCode(code))
    return Status::Usage(
        Tr("\"{0}\" is not an office code: an upper-case letter, then 1 to 5 upper-case letters "
           "or digits (e.g. XJY); nothing was written",
           code));
  return CheckOfficeChoice(code, from, store.offices());
}

}  // namespace

Result<KeyWriteOutcome> InitKeys(StoreWrite& w, const Signature& op, std::string office,
                                 const std::string& key_file, const PassphraseSource& pass,
                                 const std::string& at) {
  MEDIATE_RETURN_IF_ERROR(InitSealing());
  const Store& store = w.store();
  auto record = store.ReadKeyRecord();
  if (!record.ok()) return record.status();
  if (record->Encrypted())
    return Status::Rejected(
        Tr("the store is already encrypted ({0} lists {1}); add an office with 'mediate key "
           "add-office CODE'; nothing was written",
           kKeyRecordPath, record->offices.begin()->first));
  if (office.empty()) office = w.office();
  MEDIATE_RETURN_IF_ERROR(CheckCode(store, office, "--office"));
  if (key_file.empty())
    return Status::Usage(
        _("no place for the key file: set MEDIATE_KEY_FILE, XDG_CONFIG_HOME or HOME"));
  MEDIATE_RETURN_IF_ERROR(RefuseInsideStore(store, key_file));
  if (CurrentDisk().Stat(key_file, false).ok())
    return Status::Rejected(
        Tr("{0} exists: a key file is never replaced; move it away first (or name another "
           "with MEDIATE_KEY_FILE); nothing was written",
           key_file));
  auto passphrase = pass.Get(Tr("a new passphrase for the key file of {0}", office), true);
  if (!passphrase.ok()) return passphrase.status();

  BoxKeyPair pair = BoxKeyPair::Generate();
  KeyOffice entry;
  entry.code = office;
  entry.public_key = pair.public_key;
  entry.added = at;
  entry.by = op.ToString();
  KeyEpoch epoch;
  epoch.epoch = 1;
  epoch.started = at;
  epoch.by = entry.by;
  Result<std::string> sealed =
      SealTo(pair.public_key, EpochSecret(SecretKey::Random(), SecretKey::Random()));
  if (!sealed.ok()) return sealed.status();
  epoch.sealed[office] = *sealed;
  record->offices[office] = entry;
  record->epochs.push_back(epoch);

  KeyWriteOutcome out;
  out.office = office;
  out.key_file = key_file;
  out.epoch = 1;
  out.epochs = {1};
  out.subject = "key init: " + office;
  auto text = OfficeKeyFileText(office, pair, *passphrase);
  if (!text.ok()) return text.status();
  MEDIATE_RETURN_IF_ERROR(WriteSecretFile(key_file, *text));
  // The case keys' ref, empty: from now on its absence means it was lost.
  MEDIATE_RETURN_IF_ERROR(EnsureCaseKeys(w.store().root(), op));
  auto commit = CommitRecord(w, op, *record, out.subject, "key-init", office, key_file);
  if (!commit.ok()) return commit.status();
  out.commit = *commit;
  return out;
}

Result<KeyWriteOutcome> AddKeyOffice(StoreWrite& w, const Signature& op, const std::string& code,
                                     const std::string& key_file, const PassphraseSource& pass,
                                     const std::string& at) {
  MEDIATE_RETURN_IF_ERROR(InitSealing());
  const Store& store = w.store();
  MEDIATE_RETURN_IF_ERROR(CheckCode(store, code, "key add-office"));
  auto record = store.ReadKeyRecord();
  if (!record.ok()) return record.status();
  if (const KeyOffice* known = record->FindOffice(code)) {
    if (known->active())
      return Status::Rejected(
          Tr("office {0} already holds a key (added {1} by {2}); nothing was written", code,
             known->added, known->by));
    return Status::Rejected(
        Tr("office {0}'s key was revoked on {1}: a revoked code stays revoked; nothing was "
           "written",
           code, known->revoked));
  }
  if (key_file.empty()) return Status::Usage(_("no place for the key file: give --key-file FILE"));
  MEDIATE_RETURN_IF_ERROR(RefuseInsideStore(store, key_file));
  if (CurrentDisk().Stat(key_file, false).ok())
    return Status::Rejected(
        Tr("{0} exists: a key file is never replaced; move it away first or give --key-file; "
           "nothing was written",
           key_file));
  auto ring = store.Keys();
  if (!ring.ok()) return ring.status();
  MEDIATE_RETURN_IF_ERROR(RefuseRevoked(**ring));
  auto passphrase = pass.Get(Tr("the passphrase for {0}'s key file", code), true);
  if (!passphrase.ok()) return passphrase.status();

  BoxKeyPair pair = BoxKeyPair::Generate();
  KeyWriteOutcome out;
  for (KeyEpoch& e : record->epochs) {
    const SecretKey* key = (*ring)->EpochKey(e.epoch);
    if (!key) continue;
    Result<std::string> sealed = SealTo(pair.public_key, EpochSecret(*key, (*ring)->LookupKey()));
    if (!sealed.ok()) return sealed.status();
    e.sealed[code] = *sealed;
    out.epochs.push_back(e.epoch);
  }
  KeyOffice entry;
  entry.code = code;
  entry.public_key = pair.public_key;
  entry.added = at;
  entry.by = op.ToString();
  record->offices[code] = entry;

  out.office = code;
  out.key_file = key_file;
  out.epoch = record->CurrentEpoch()->epoch;
  out.subject = "key add-office: " + code;
  auto text = OfficeKeyFileText(code, pair, *passphrase);
  if (!text.ok()) return text.status();
  MEDIATE_RETURN_IF_ERROR(WriteSecretFile(key_file, *text));
  auto commit = CommitRecord(w, op, *record, out.subject, "key-add-office", code, key_file);
  if (!commit.ok()) return commit.status();
  out.commit = *commit;
  return out;
}

Result<KeyWriteOutcome> RevokeKeyOffice(StoreWrite& w, const Signature& op, const std::string& code,
                                        const std::string& reason, const std::string& at) {
  MEDIATE_RETURN_IF_ERROR(InitSealing());
  const Store& store = w.store();
  if (reason.empty())
    return Status::Usage(_("a revocation needs a reason (--reason); nothing was written"));
  auto record = store.ReadKeyRecord();
  if (!record.ok()) return record.status();
  auto it = record->offices.find(code);
  if (it == record->offices.end())
    return Status::Rejected(
        Tr("office {0} holds no key of this store (holding one: {1}); "
           "nothing was written",
           code, Joined(record->ActiveOffices())));
  if (!it->second.active())
    return Status::Rejected(Tr("office {0}'s key was already revoked on {1}; nothing was written",
                               code, it->second.revoked));
  std::vector<std::string> active = record->ActiveOffices();
  if (active.size() <= 1)
    return Status::Rejected(
        Tr("office {0} holds the last active key: revoking it would lock everyone out; add an "
           "office first with 'mediate key add-office CODE'; nothing was written",
           code));
  auto ring = store.Keys();
  if (!ring.ok()) return ring.status();
  MEDIATE_RETURN_IF_ERROR(RefuseRevoked(**ring));

  it->second.revoked = at;
  it->second.revoked_by = op.ToString();
  it->second.revoked_reason = reason;
  KeyEpoch epoch;
  epoch.epoch = record->CurrentEpoch()->epoch + 1;
  epoch.started = at;
  epoch.by = op.ToString();
  const SecretKey fresh = SecretKey::Random();
  const std::string secret = EpochSecret(fresh, (*ring)->LookupKey());
  for (const std::string& o : active) {
    if (o == code) continue;
    Result<std::string> sealed = SealTo(record->offices[o].public_key, secret);
    if (!sealed.ok()) return sealed.status();
    epoch.sealed[o] = *sealed;
  }
  record->epochs.push_back(epoch);

  KeyWriteOutcome out;
  out.office = code;
  out.epoch = epoch.epoch;
  out.subject = "key revoke: " + code;
  auto commit = CommitRecord(w, op, *record, out.subject + "\n\n" + reason, "key-revoke", code, "");
  if (!commit.ok()) return commit.status();
  out.commit = *commit;
  return out;
}

Result<KeyWriteOutcome> ExportRecovery(const Store& store, const std::string& out_path,
                                       const PassphraseSource& pass, const std::string& at) {
  MEDIATE_RETURN_IF_ERROR(InitSealing());
  if (out_path.empty() || InsideStore(store, out_path))
    return Status::Usage(
        Tr("--out {0} is inside the store: a recovery file must never be committed; write it "
           "outside the store (on a removable disk kept locked away)",
           out_path));
  if (CurrentDisk().Stat(out_path, false).ok())
    return Status::Rejected(
        Tr("{0} exists: a recovery file is never replaced; nothing was written", out_path));
  auto ring = store.Keys();
  if (!ring.ok()) return ring.status();
  auto passphrase = pass.Get(_("a recovery passphrase (keep it apart from the file)"), true);
  if (!passphrase.ok()) return passphrase.status();
  KeyWriteOutcome out;
  Value epochs = Value::Map();
  for (int n : (*ring)->Epochs()) {
    Result<std::string> locked =
        LockWithPassphrase(EpochSecret(*(*ring)->EpochKey(n), (*ring)->LookupKey()), *passphrase);
    if (!locked.ok()) return locked.status();
    epochs.Set(std::to_string(n), Value::String(*locked));
    out.epochs.push_back(n);
  }
  Value v = Value::Map();
  v.Set("schema", Value::String("recovery-key/1"));
  v.Set("office", Value::String((*ring)->office()));
  v.Set("made", Value::String(at));
  v.Set("epochs", std::move(epochs));
  MEDIATE_RETURN_IF_ERROR(WriteSecretFile(out_path, EmitYaml(v)));
  out.office = (*ring)->office();
  out.key_file = out_path;
  out.epoch = (*ring)->current_epoch();
  return out;
}

Result<KeyListing> ListKeys(const Store& store) {
  auto record = store.ReadKeyRecord();
  if (!record.ok()) return record.status();
  KeyListing out;
  out.encrypted = record->Encrypted();
  if (const KeyEpoch* e = record->CurrentEpoch()) out.current_epoch = e->epoch;
  for (const auto& [code, o] : record->offices) {
    KeyListing::Office row{code, o.added, o.by, o.revoked, o.revoked_by, o.revoked_reason, {}};
    for (const KeyEpoch& e : record->epochs)
      if (e.sealed.count(code)) row.epochs.push_back(e.epoch);
    out.offices.push_back(std::move(row));
  }
  if (auto path = store.KeyFilePath(); path.ok()) {
    out.key_file = *path;
    out.key_file_exists = CurrentDisk().Stat(*path).ok();
  }
  if (auto office = store.WritingOffice(store.key_office_env()); office.ok())
    out.desk_office = *office;
  return out;
}

}  // namespace mediate
