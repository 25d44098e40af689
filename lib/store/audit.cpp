#include "audit.hpp"

#include "i18n.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>

#include "case_ids.hpp"
#include "disk.hpp"
#include "git_repo.hpp"
#include "merge_check.hpp"
#include "yaml_io.hpp"

namespace mediate {
namespace {

namespace fs = std::filesystem;

bool ReadAll(const fs::path& p, std::string& out) {
  auto text = CurrentDisk().ReadFile(p.string());
  if (!text.ok()) return false;
  out = std::move(text.value());
  return true;
}

bool HasMediateTrailer(const std::string& message) {
  std::istringstream in(message);
  for (std::string line; std::getline(in, line);)
    if (line.rfind("Mediate-Action: ", 0) == 0 && line.size() > 16) return true;
  return false;
}

/// The commits `message` adopts (`Mediate-Adopts: <id>` trailers of
/// `mediate adopt`), added to `out`.
void AdoptedBy(const std::string& message, std::set<std::string>& out) {
  std::istringstream in(message);
  for (std::string line; std::getline(in, line);)
    if (line.rfind(std::string(kAdoptsTrailer) + ": ", 0) == 0)
      out.insert(line.substr(std::string(kAdoptsTrailer).size() + 2));
}

// A temporary file of the write path: ".<name>.tmp-<pid>".
bool IsWriteTemp(const std::string& name) {
  return name.size() > 1 && name[0] == '.' && name.find(".tmp-") != std::string::npos;
}

}  // namespace

std::string FindingKindLabel(const std::string& kind) {
  if (kind == "unfinished") return "写入未完成";
  if (kind == "uncommitted") return "未提交";
  if (kind == "deleted") return "已删除";
  if (kind == "hand-edited") return "手工修改";
  if (kind == "torn") return "文件损坏";
  if (kind == "duplicate-id") return "编号重复";
  if (kind == "hand-merged") return "手工合并";
  if (kind == "foreign-commit") return "外部提交";
  return "";
}

Result<AuditReport> AuditStore(const std::string& root, const DriverMergeCheck& remerge) {
  auto repo = GitRepo::Open(root);
  if (!repo.ok()) return repo.status();
  AuditReport report;
  std::vector<AuditFinding> uncommitted, edited, deleted, torn, unfinished, duplicated, foreign,
      hand_merged;

  std::error_code ec;
  Disk& disk = CurrentDisk();
  if (disk.Stat(repo->git_dir() + "/mediate/journal").ok())
    unfinished.push_back({"unfinished", ".git/mediate/journal",
                          _("a write was cut off before it finished; run mediate recover")});

  // Work tree against HEAD.
  auto dirty = repo->DirtyPaths();
  if (!dirty.ok()) return dirty.status();
  for (const auto& p : *dirty) {
    auto head = repo->ReadHead(p);
    if (!head.ok()) return head.status();
    bool on_disk = disk.Stat(root + "/" + p).ok();
    if (!head->has_value())
      uncommitted.push_back({"uncommitted", p, _("not in any commit (added outside mediate)")});
    else if (!on_disk)
      deleted.push_back({"deleted", p, _("committed, but missing from the work tree")});
    else
      edited.push_back(
          {"hand-edited", p, _("differs from the last commit (edited outside mediate)")});
  }

  // Every record must parse; temporary files of the write path are torn writes.
  std::vector<fs::path> files;
  for (auto it = fs::recursive_directory_iterator(root, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const fs::path& p = it->path();
    if (it->is_directory() && p.filename() == ".git") {
      it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file()) files.push_back(p);
  }
  if (ec) return Status::Io(Tr("cannot read the work tree {0}: {1}", root, ec.message()));
  std::sort(files.begin(), files.end());
  std::map<std::string, std::vector<std::string>> case_files;  // file name → its month folders
  for (const auto& p : files) {
    std::string rel = fs::relative(p, root, ec).generic_string();
    std::string name = p.filename().string();
    if (rel.rfind("cases/", 0) == 0 && std::count(rel.begin(), rel.end(), '/') == 3 &&
        p.extension() == ".yaml" && !IsWriteTemp(name))
      case_files[name].push_back(rel);
    if (IsWriteTemp(name)) {
      torn.push_back({"torn", rel, _("temporary file of an interrupted write")});
      continue;
    }
    if (p.extension() != ".yaml") continue;
    ++report.files;
    std::string text;
    if (!ReadAll(p, text)) {
      torn.push_back({"torn", rel, _("cannot be read")});
      continue;
    }
    auto v = ParseYaml(text, rel);
    if (!v.ok()) {
      std::string why = v.status().diagnostics().empty() ? v.status().message()
                                                         : v.status().diagnostics()[0].ToString();
      torn.push_back({"torn", rel, Tr("cannot be parsed: {0}", why)});
    } else if (v->is_null()) {
      torn.push_back({"torn", rel, _("is empty")});
    }
  }

  // One id, one file (case_ids.hpp: two clones gave the same id).
  for (auto& [name, paths] : case_files)
    if (paths.size() > 1)
      duplicated.push_back({"duplicate-id", name.substr(0, name.size() - 5),
                            DuplicateCaseIdMessage({name.substr(0, name.size() - 5), paths})});

  // Every commit must be mediate's.
  auto log = repo->Log("");
  if (!log.ok()) return log.status();
  report.commits = log->size();
  // A merge (made by git when a clone pulls) is mediate's when it took every
  // path from one of its parents (merge_check.hpp).
  std::optional<MergeCheck> merges;
  std::set<std::string> adopted;  // hand commits `mediate adopt` took on
  for (const auto& c : *log) AdoptedBy(c.message, adopted);
  for (const auto& c : *log) {
    if (HasMediateTrailer(c.message) || adopted.count(c.id)) continue;
    if (!merges) {
      auto opened = MergeCheck::Open(root);
      if (!opened.ok()) return opened.status();
      merges.emplace(std::move(opened.value()));
    }
    auto own = merges->OwnChanges(c.id);
    if (!own.ok()) return own.status();
    const std::string who = Tr("\"{0}\" by {1}", c.summary, c.author.ToString());
    if (!own->has_value()) {
      foreign.push_back({"foreign-commit", c.short_id,
                         Tr("{0} has no Mediate-Action trailer (made outside mediate)", who)});
    } else if (!(*own)->empty()) {
      std::vector<std::string> paths;
      for (const auto& path : **own) {
        bool driver_made = false;
        if (remerge) {
          auto v = merges->VersionsOf(c.id, path);
          if (!v.ok()) return v.status();
          driver_made = remerge(path, v->base, v->ours, v->theirs, v->merged);
        }
        if (!driver_made) paths.push_back(path);
      }
      if (paths.empty()) continue;
      std::string named = paths.front();
      if (paths.size() > 1)
        named = Tr("{0} and {1} other path(s)", paths.front(), paths.size() - 1);
      hand_merged.push_back(
          {"hand-merged", c.short_id,
           Tr("merge {0} changes {1} beyond both sides (edited while merging)", who, named)});
    }
  }

  for (auto* group :
       {&unfinished, &uncommitted, &edited, &deleted, &torn, &duplicated, &hand_merged, &foreign})
    for (auto& f : *group) report.findings.push_back(std::move(f));
  return report;
}

}  // namespace mediate
