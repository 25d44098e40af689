#include "office_key_file.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include "disk.hpp"
#include "i18n.hpp"
#include "record_reader.hpp"
#include "yaml_io.hpp"

namespace mediate {

namespace {

std::string DirOf(const std::string& path) {
  auto slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

/// Makes `dir` and its missing parents; the last one (the keys folder) mode 0700.
Status MakeKeyDir(Disk& disk, const std::string& dir) {
  std::string sofar;
  std::size_t pos = 0;
  while (pos != std::string::npos) {
    pos = dir.find('/', pos + 1);
    sofar = dir.substr(0, pos);
    if (sofar.empty()) continue;
    if (auto st = disk.Stat(sofar); st.ok() && st->is_directory()) continue;
    MEDIATE_RETURN_IF_ERROR(disk.MakeDir(sofar));
    if (sofar == dir) MEDIATE_RETURN_IF_ERROR(disk.SetMode(sofar, 0700));
  }
  return Status::Ok();
}

}  // namespace

std::string OfficeKeyPath(const KeyPlace& place, const std::string& office, bool own) {
  if (own && !place.key_file.empty()) return place.key_file;
  std::string config = place.config_home;
  if (config.empty()) {
    if (place.home.empty()) return "";
    config = place.home + "/.config";
  }
  return config + "/mediate/keys/" + office + ".key";
}

Result<BoxKeyPair> OfficeKeyFile::Unlock(std::string_view passphrase,
                                         const std::string& path) const {
  auto secret = UnlockWithPassphrase(this->secret, passphrase);
  if (!secret.ok())
    return Status::Rejected(
        Tr("wrong passphrase for the key file {0} of office {1} (or the file was altered); "
           "nothing was written",
           path, office));
  auto key = SecretKey::FromBytes(*secret, path + ": secret");
  if (!key.ok()) return key.status();
  BoxKeyPair pair;
  pair.public_key = public_key;
  pair.secret_key = *key;
  return pair;
}

Result<OfficeKeyFile> ReadOfficeKeyFile(const std::string& path) {
  Disk& disk = CurrentDisk();
  FileStat st;
  auto text = disk.ReadFile(path, &st);
  if (!text.ok()) {
    if (text.status().kind() == ErrorKind::kNotFound)
      return Status::NotFound(
          Tr("no key file {0}: this desk holds no key of the store (the first office runs "
             "'mediate key init'; an office that holds a key gives another one with 'mediate key "
             "add-office CODE'; MEDIATE_KEY_FILE names a key file kept elsewhere)",
             path));
    return Status::Io(Tr("cannot read the key file {0}: {1}", path, text.status().message()));
  }
  if (st.mode & 077)
    return Status::Rejected(
        Tr("{0} is readable by others (mode {1:04o}): run chmod 600 {0}; nothing was written", path,
           st.mode & 07777));
  auto root = ParseYaml(*text, path);
  if (!root.ok()) return root.status();
  DiagnosticSink sink;
  RecordReader r(path, &sink);
  OfficeKeyFile f;
  if (r.ExpectMap(*root, "")) {
    std::string schema = r.String(*root, "schema", "", true);
    if (!schema.empty() && schema != kOfficeKeySchema)
      r.Error(*root->Find("schema"), "schema",
              Tr("\"{0}\" is not a schema this version reads (office-key/1)", schema));
    f.office = r.String(*root, "office", "", true);
    std::string pk = r.String(*root, "public_key", "", true);
    if (!pk.empty()) {
      auto raw = FromBase64(pk, "public_key");
      if (!raw.ok() || raw->size() != 32)
        r.Error(*root->Find("public_key"), "public_key",
                _("is not a public key (base64 of 32 bytes)"));
      else
        f.public_key = *raw;
    }
    f.secret = r.String(*root, "secret", "", true);
  }
  MEDIATE_RETURN_IF_ERROR(sink.ToStatus(Tr("{0} is not a key file mediate can read", path)));
  return f;
}

Result<std::string> OfficeKeyFileText(const std::string& office, const BoxKeyPair& pair,
                                      std::string_view passphrase) {
  Value v = Value::Map();
  v.Set("schema", Value::String(kOfficeKeySchema));
  v.Set("office", Value::String(office));
  v.Set("public_key", Value::String(ToBase64(pair.public_key)));
  // LockWithPassphrase gives a text, or (newer sealing.hpp) a Result of one.
  Result<std::string> locked = LockWithPassphrase(pair.secret_key.Bytes(), passphrase);
  if (!locked.ok()) return locked.status();
  v.Set("secret", Value::String(*locked));
  return EmitYaml(v);
}

Status WriteSecretFile(const std::string& path, const std::string& text, bool overwrite) {
  Disk& disk = CurrentDisk();
  if (!overwrite && disk.Stat(path, false).ok())
    return Status::Rejected(
        Tr("{0} exists: a key or recovery file is never replaced; move it away first, or name "
           "another file",
           path));
  const std::string dir = DirOf(path);
  if (Status made = MakeKeyDir(disk, dir); !made.ok())
    return Status::Io(Tr("cannot make the folder {0}: {1}", dir, made.message()));
  const std::string temp = fmt::format("{}.tmp-{}", path, ::getpid());
  auto fail = [&](const Status& st) {
    (void)disk.Remove(temp);
    return Status::Io(Tr("cannot write {0}: {1}", path, st.message()));
  };
  if (Status st = disk.CreateExclusive(temp, ""); !st.ok()) return fail(st);
  if (Status st = disk.SetMode(temp, 0600); !st.ok()) return fail(st);
  if (Status st = disk.WriteFile(temp, text, true); !st.ok()) return fail(st);
  if (Status st = disk.Rename(temp, path); !st.ok()) return fail(st);
  (void)disk.Sync(dir, true);
  return Status::Ok();
}

Result<std::string> PassphraseSource::Get(const std::string& prompt, bool confirm) const {
  std::string pass;
  if (env) {
    if (env->empty()) return Status::Usage(Tr("{0} is set but empty", env_name));
    return *env;
  }
  if (!file.empty()) {
    auto text = CurrentDisk().ReadFile(file);
    if (!text.ok())
      return Status::Usage(
          Tr("{0}_FILE {1}: cannot read it: {2}", env_name, file, text.status().message()));
    pass = text->substr(0, text->find('\n'));
    if (!pass.empty() && pass.back() == '\r') pass.pop_back();
    if (pass.empty())
      return Status::Usage(Tr("{0}_FILE {1}: its first line is empty", env_name, file));
    return pass;
  }
  if (!ask)
    return Status::Usage(
        Tr("{0}: none given; set {1} (or {1}_FILE) or run on a terminal", prompt, env_name));
  auto got = ask(prompt, confirm);
  if (!got.ok()) return got.status();
  if (got->empty()) return Status::Usage(_("an empty passphrase is refused"));
  return got;
}

}  // namespace mediate
