#include "key_cache.hpp"

#include <unistd.h>

#include "disk.hpp"
#include "i18n.hpp"

namespace mediate {
namespace {

std::string CacheDir(const KeyCachePlace& place) { return place.runtime_dir + "/mediate"; }

std::string CachePath(const KeyCachePlace& place, const std::string& office) {
  return CacheDir(place) + "/" + office + ".unlocked";
}

/// The file's text: the public key and the secret, base64, one a line.
std::string CacheText(const std::string& public_key, const SecretKey& secret) {
  return ToBase64(public_key) + "\n" + ToBase64(secret.Bytes()) + "\n";
}

}  // namespace

std::optional<SecretKey> CachedOfficeKey(const KeyCachePlace& place, const std::string& office,
                                         const std::string& public_key) {
  if (!place.enabled()) return std::nullopt;
  Disk& disk = CurrentDisk();
  const std::string path = CachePath(place, office);
  FileStat st;
  auto text = disk.ReadFile(path, &st);
  if (!text.ok()) return std::nullopt;
  if (!st.is_regular() || st.uid != ::getuid() || (st.mode & 077) != 0) return std::nullopt;
  if (place.now - st.mtime_sec > static_cast<std::int64_t>(place.idle_minutes) * 60 ||
      st.mtime_sec > place.now + 60) {
    (void)disk.Remove(path);
    return std::nullopt;
  }
  auto nl = text->find('\n');
  if (nl == std::string::npos) return std::nullopt;
  auto pk = FromBase64(text->substr(0, nl), "public key");
  std::string rest = text->substr(nl + 1);
  while (!rest.empty() && rest.back() == '\n') rest.pop_back();
  auto sk = FromBase64(rest, "secret key");
  if (!pk.ok() || !sk.ok() || *pk != public_key) return std::nullopt;
  auto key = SecretKey::FromBytes(*sk, "secret key");
  if (!key.ok()) return std::nullopt;
  // Used: kept for another idle time from now.
  (void)disk.WriteFile(path + ".new", *text, false);
  (void)disk.SetMode(path + ".new", 0600);
  (void)disk.Rename(path + ".new", path);
  return *key;
}

Status KeepOfficeKey(const KeyCachePlace& place, const std::string& office,
                     const std::string& public_key, const SecretKey& secret) {
  if (!place.enabled()) return Status::Ok();
  Disk& disk = CurrentDisk();
  const std::string dir = CacheDir(place);
  if (auto st = disk.Stat(dir); !st.ok()) {
    MEDIATE_RETURN_IF_ERROR(disk.MakeDir(dir));
  } else if (!st->is_directory() || st->uid != ::getuid()) {
    return Status::Io(Tr("{0} is not a folder of this user's: no key is kept", dir));
  }
  MEDIATE_RETURN_IF_ERROR(disk.SetMode(dir, 0700));
  const std::string path = CachePath(place, office);
  const std::string fresh = path + ".new";
  (void)disk.Remove(fresh);
  MEDIATE_RETURN_IF_ERROR(disk.CreateExclusive(fresh, ""));
  MEDIATE_RETURN_IF_ERROR(disk.SetMode(fresh, 0600));
  MEDIATE_RETURN_IF_ERROR(disk.WriteFile(fresh, CacheText(public_key, secret), false));
  return disk.Rename(fresh, path);
}

Status ForgetOfficeKeys(const KeyCachePlace& place) {
  if (place.runtime_dir.empty()) return Status::Ok();
  Disk& disk = CurrentDisk();
  auto names = disk.List(CacheDir(place));
  if (!names.ok()) return Status::Ok();
  for (const std::string& n : *names)
    if (n.size() > 9 && n.compare(n.size() - 9, 9, ".unlocked") == 0)
      MEDIATE_RETURN_IF_ERROR(disk.Remove(CacheDir(place) + "/" + n));
  return Status::Ok();
}

}  // namespace mediate
