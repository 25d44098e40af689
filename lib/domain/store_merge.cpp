#include "store_merge.hpp"

#include "case_merge.hpp"
#include "i18n.hpp"
#include "key_merge.hpp"
#include "key_record.hpp"
#include "personal_fields.hpp"
#include "yaml_emit.hpp"
#include "yaml_io.hpp"

namespace mediate {
namespace {

constexpr const char* kRegistryDirs[] = {"orgs/",      "mediators/", "offices/",
                                         "trainings/", "reviews/",   "consultations/"};

bool StartsWith(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

bool IsYaml(const std::string& path) {
  return path.size() > 5 && path.compare(path.size() - 5, 5, ".yaml") == 0;
}

}  // namespace

bool IsMergedByDriver(const std::string& path) {
  if (!IsYaml(path)) return false;
  if (StartsWith(path, "cases/") || path == kKeyRecordPath) return true;
  for (const char* dir : kRegistryDirs)
    if (StartsWith(path, dir)) return true;
  return false;
}

std::string GitAttributesText() {
  std::string text = "*.yaml text eol=lf\n";
  text += "cases/**/*.yaml merge=mediate\n";
  for (const char* dir : kRegistryDirs) text += std::string(dir) + "**/*.yaml merge=mediate\n";
  text += std::string(kKeyRecordPath) + " merge=mediate\n";
  return text;
}

Result<StoreFileMerge> MergeStoreFile(const std::string& path, const std::string& base,
                                      const std::string& ours, const std::string& theirs,
                                      const Settings& settings, const MergeStamp& stamp) {
  if (!IsMergedByDriver(path))
    return Status::Rejected(Tr("{0} is not a record the merge driver merges", path));
  if (StartsWith(path, "cases/")) {
    auto merged = MergeCaseFile(base, ours, theirs, path, settings, stamp);
    if (!merged.ok()) return merged.status();
    return StoreFileMerge{merged->text, merged->conflicts};
  }
  if (path == kKeyRecordPath) {
    auto merged = MergeKeyRecordFile(base, ours, theirs, path);
    if (!merged.ok()) return merged.status();
    return StoreFileMerge{*merged, 0};
  }
  std::size_t conflicts = 0;
  auto merged = MergeRegistryRecord(base, ours, theirs, path, stamp, &conflicts);
  if (!merged.ok()) return merged.status();
  return StoreFileMerge{EmitYaml(*merged), conflicts};
}

Status RefusePlainPersonalValues(const std::string& path, const std::string& text) {
  if (!StartsWith(path, "cases/")) return Status::Ok();
  auto v = ParseYaml(text, path);
  if (!v.ok()) return Status::Ok();  // the merge's own checks name a broken file
  std::vector<std::string> plain = PlainPersonalPaths(*v);
  if (plain.empty()) return Status::Ok();
  std::string list;
  for (const auto& p : plain) list += (list.empty() ? "" : ", ") + p;
  return Status::Rejected(
      Tr("{0} holds personal data in plain ({1}) in a store that keeps it sealed: a side was "
         "written without the keys (by hand, or on a desk that does not encrypt yet); not merged "
         "— seal it on that desk (mediate encrypt) and sync again",
         path, list));
}

bool IsDriverMerge(const std::string& path, const std::string& base, const std::string& ours,
                   const std::string& theirs, const std::string& merged, const Settings& settings) {
  if (!IsMergedByDriver(path)) return false;
  MergeStamp stamp;
  if (auto m = ParseYaml(merged, path); m.ok() && m->is_map()) {
    // The stamp of a conflict this merge recorded: the last entry of the
    // merged block (both sides' own entries come first).
    if (const Value* block = m->Find("conflicts"); block && block->is_sequence()) {
      if (!block->items().empty()) {
        const Value& last = block->items().back();
        if (const Value* by = last.Find("merged_by")) stamp.by = by->text();
        if (const Value* at = last.Find("merged_at"))
          if (auto t = Timestamp::Parse(at->text())) stamp.at = *t;
      }
    }
  }
  auto remade = MergeStoreFile(path, base, ours, theirs, settings, stamp);
  return remade.ok() && remade->text == merged;
}

}  // namespace mediate
