#include "case_tags.hpp"

#include <algorithm>

#include "case_record.hpp"
#include "i18n.hpp"
#include "store_write.hpp"

namespace mediate {
namespace {

bool ValidTag(const std::string& t) {
  if (t.empty() || t.size() > 40) return false;
  for (char c : t)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) return false;
  return true;
}

}  // namespace

Result<TagOutcome> TagCase(StoreWrite& w, const Signature& op, const std::string& id,
                           const std::vector<std::string>& tags, bool remove) {
  for (const auto& t : tags)
    if (!ValidTag(t))
      return Status::Usage(Tr("tag \"{0}\" is not 1-40 characters of a-z, 0-9, - and _", t));
  const std::string verb = remove ? "untag" : "tag";
  const Store& store = w.store();
  auto loaded = store.LoadCase(id);
  if (!loaded.ok()) return loaded.status();
  if (!loaded->ok)
    return Status::Rejected(
        Tr("{0} does not load cleanly; fix it first (mediate validate)", loaded->path),
        loaded->diagnostics);
  TagOutcome out;
  out.record = std::move(loaded->record);
  std::vector<std::string>& have = out.record.tags;
  for (const auto& t : tags) {
    auto it = std::find(have.begin(), have.end(), t);
    if (remove && it != have.end()) {
      have.erase(it);
      out.changed.push_back(t);
    } else if (!remove && it == have.end()) {
      have.push_back(t);
      out.changed.push_back(t);
    }
  }
  std::sort(have.begin(), have.end());
  if (out.changed.empty()) return out;
  std::string subject = verb + ": " + id;
  for (const auto& t : out.changed) subject += std::string(" ") + (remove ? "-" : "+") + t;
  w.Put(loaded->path, CaseToValue(out.record));
  auto commit =
      w.Commit(op, subject + "\n\nMediate-Action: " + verb + "\nMediate-Case: " + id + "\n");
  if (!commit.ok()) return commit.status();
  out.commit = *commit;
  return out;
}

}  // namespace mediate
