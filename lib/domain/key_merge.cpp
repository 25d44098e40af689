#include "key_merge.hpp"

#include "i18n.hpp"
#include "yaml_io.hpp"

namespace mediate {

namespace {

Status OfficeConflict(const std::string& path, const std::string& code) {
  return Status::Rejected(
      Tr("{0}: office {1} has a different public key on each side (two desks gave it a key at "
         "once); keep one side's file with 'git checkout --ours {0}' or '--theirs', then give "
         "the other office a key again with 'mediate key add-office'",
         path, code));
}

Status EpochConflict(const std::string& path, int epoch, const std::string& why) {
  return Status::Rejected(
      Tr("{0}: epoch {1} differs on the two sides ({2}): two desks changed the keys at once; "
         "keep one side's file with 'git checkout --ours {0}' or '--theirs' and run the other "
         "side's 'mediate key revoke' again",
         path, epoch, why));
}

Result<KeyRecord> Read(const std::string& text, const std::string& path) {
  if (text.empty()) return KeyRecord{};
  auto root = ParseYaml(text, path);
  if (!root.ok()) return root.status();
  return KeyRecordFromValue(*root, path);
}

}  // namespace

Result<KeyRecord> MergeKeyRecords(const KeyRecord* /*base*/, const KeyRecord& ours,
                                  const KeyRecord& theirs, const std::string& path) {
  KeyRecord merged = ours;
  for (const auto& [code, t] : theirs.offices) {
    auto it = merged.offices.find(code);
    if (it == merged.offices.end()) {
      merged.offices.emplace(code, t);
      continue;
    }
    KeyOffice& o = it->second;
    if (o.public_key != t.public_key) return OfficeConflict(path, code);
    if (o.active() && !t.active()) {
      o.revoked = t.revoked;
      o.revoked_by = t.revoked_by;
      o.revoked_reason = t.revoked_reason;
    }
  }
  std::vector<KeyEpoch> epochs;
  std::size_t i = 0, j = 0;
  const auto& a = ours.epochs;
  const auto& b = theirs.epochs;
  while (i < a.size() || j < b.size()) {
    if (j == b.size() || (i < a.size() && a[i].epoch < b[j].epoch)) {
      epochs.push_back(a[i++]);
    } else if (i == a.size() || b[j].epoch < a[i].epoch) {
      epochs.push_back(b[j++]);
    } else {
      KeyEpoch e = a[i];
      const KeyEpoch& t = b[j];
      if (e.started != t.started || e.by != t.by)
        return EpochConflict(
            path, e.epoch,
            Tr("started {0} by {1} here, {2} by {3} there", e.started, e.by, t.started, t.by));
      for (const auto& [code, sealed] : t.sealed) {
        auto s = e.sealed.find(code);
        if (s == e.sealed.end())
          e.sealed.emplace(code, sealed);
        else if (s->second != sealed)
          return EpochConflict(path, e.epoch, Tr("sealed twice to office {0}", code));
      }
      epochs.push_back(std::move(e));
      ++i;
      ++j;
    }
  }
  merged.epochs = std::move(epochs);
  return merged;
}

Result<std::string> MergeKeyRecordFile(const std::string& base, const std::string& ours,
                                       const std::string& theirs, const std::string& path) {
  auto b = Read(base, path);
  if (!b.ok()) return b.status();
  auto o = Read(ours, path);
  if (!o.ok()) return o.status();
  auto t = Read(theirs, path);
  if (!t.ok()) return t.status();
  auto merged = MergeKeyRecords(&*b, *o, *t, path);
  if (!merged.ok()) return merged.status();
  return EmitYaml(KeyRecordToValue(*merged));
}

}  // namespace mediate
