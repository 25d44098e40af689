#include "store.hpp"

#include "i18n.hpp"

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <thread>

#include "case_record.hpp"
#include "disk.hpp"
#include "git_remote.hpp"
#include "git_repo.hpp"
#include "lifecycle.hpp"
#include "office.hpp"
#include "parallel.hpp"
#include "yaml_io.hpp"

namespace mediate {
namespace fs = std::filesystem;

namespace {

bool ReadWholeFile(const std::string& path, std::string* out) {
  auto text = CurrentDisk().ReadFile(path);
  if (!text.ok()) return false;
  *out = std::move(text.value());
  return true;
}

/// Entries of a directory (names only, no "." / ".."), sorted; empty when absent.
std::vector<std::string> ListDir(const std::string& dir) {
  auto names = CurrentDisk().List(dir);
  if (!names.ok()) return {};
  std::sort(names->begin(), names->end());
  return std::move(names.value());
}

bool IsYamlFile(const std::string& name) {
  return name.size() > 5 && name.compare(name.size() - 5, 5, ".yaml") == 0 && name[0] != '.';
}

}  // namespace

Result<Store> Store::Open(const std::string& start) {
  std::error_code ec;
  // Normal first: the parent of "store/.." is the folder above the store,
  // not the store itself.
  fs::path dir = fs::absolute(start.empty() ? "." : start, ec).lexically_normal();
  if (ec) return Status::NotFound(Tr("cannot resolve {0}", start));
  if (dir.has_relative_path() && !dir.has_filename()) dir = dir.parent_path();
  fs::path probe = dir;
  for (;;) {
    if (CurrentDisk().Stat((probe / "mediate.yaml").string()).ok() &&
        CurrentDisk().Stat((probe / ".git").string()).ok())
      break;
    if (!probe.has_parent_path() || probe.parent_path() == probe) {
      return Status::NotFound(
          Tr("not a mediate store (no mediate.yaml in {0} or any parent); create one with "
             "'mediate init DIR --from SETUP' or name it with -C STORE",
             dir.string()));
    }
    probe = probe.parent_path();
  }
  Store s;
  s.root_ = fs::canonical(probe, ec).string();
  auto root = s.ReadYaml("mediate.yaml");
  if (!root.ok()) return root.status();
  auto settings = Settings::FromValue(*root, "mediate.yaml");
  if (!settings.ok()) return settings.status();
  s.settings_ = std::move(settings.value());
  return s;
}

Result<std::string> Store::ReadText(const std::string& rel) const {
  std::string text;
  if (!ReadWholeFile(root_ + "/" + rel, &text))
    return Status::NotFound(Tr("{0}: no such file", rel));
  return text;
}

std::string Store::RelativePath(const std::string& path) const {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path abs = fs::weakly_canonical(fs::absolute(path, ec), ec);
  std::string a = abs.string(), root = root_ + "/";
  if (a.rfind(root, 0) == 0) return a.substr(root.size());
  return path;
}

Result<Value> Store::ReadYaml(const std::string& rel) const {
  auto text = ReadText(rel);
  if (!text.ok()) return text.status();
  return ParseYaml(*text, rel);
}

namespace {

/// Reads every YAML record of the registry folder `dir` of `store` with
/// `read(value, rel_path)` (a record reader returning Result<T>), handing
/// each record read to `keep`; problems go to `sink`.
template <typename Read, typename Keep>
void ReadRegistry(const Store& store, const std::string& dir, Read read, Keep keep,
                  DiagnosticSink* sink) {
  for (const auto& name : ListDir(store.root() + "/" + dir)) {
    if (!IsYamlFile(name)) continue;
    std::string rel = dir + "/" + name;
    auto v = store.ReadYaml(rel);
    if (!v.ok()) {
      sink->Append(v.status().diagnostics());
      continue;
    }
    auto record = read(*v, rel);
    if (!record.ok()) {
      sink->Append(record.status().diagnostics());
      continue;
    }
    keep(std::move(record.value()));
  }
}

}  // namespace

Status Store::LoadRegistries() {
  if (registries_loaded_) return Status::Ok();
  DiagnosticSink sink;
  std::vector<Street> streets;
  ReadRegistry(
      *this, "areas",
      [](const Value& v, const std::string& rel) { return Street::FromValue(v, rel); },
      [&](Street s) { streets.push_back(std::move(s)); }, &sink);
  areas_ = AreaRegistry(std::move(streets));
  const Vocabulary& words = vocab();
  ReadRegistry(
      *this, "orgs",
      [&](const Value& v, const std::string& rel) {
        return Organisation::FromValue(v, rel, words);
      },
      [&](Organisation o) { orgs_[o.id] = std::move(o); }, &sink);
  ReadRegistry(
      *this, "mediators",
      [&](const Value& v, const std::string& rel) { return Mediator::FromValue(v, rel, words); },
      [&](Mediator m) { mediators_[m.id] = std::move(m); }, &sink);
  ReadRegistry(
      *this, "offices",
      [](const Value& v, const std::string& rel) { return Office::FromValue(v, rel); },
      [&](Office o) { offices_[o.code] = std::move(o); }, &sink);
  MEDIATE_RETURN_IF_ERROR(
      sink.ToStatus(_("the store's registries have errors (run 'mediate validate')")));
  registries_loaded_ = true;
  return Status::Ok();
}

std::vector<std::string> Store::FindCaseFiles(const std::string& typed) const {
  const std::string id = CanonicalCaseId(typed);
  std::string office;
  int year = 0, seq = 0;
  std::vector<std::string> paths;
  if (!ParseCaseId(id, &office, &year, &seq)) return paths;
  std::string year_dir = "cases/" + std::to_string(year);
  for (const auto& month : ListDir(root_ + "/" + year_dir)) {
    std::string rel = year_dir + "/" + month + "/" + id + ".yaml";
    if (CurrentDisk().Stat(root_ + "/" + rel).ok()) paths.push_back(std::move(rel));
  }
  std::sort(paths.begin(), paths.end());
  return paths;
}

Result<std::string> Store::FindCase(const std::string& typed) const {
  const std::string id = CanonicalCaseId(typed);
  if (!ParseCaseId(id, nullptr, nullptr, nullptr))
    return Status::NotFound(Tr("{0} is not a case id (like WBL-2026-000042)", typed));
  auto paths = FindCaseFiles(id);
  if (paths.empty()) return Status::NotFound(Tr("no case {0}", id));
  if (paths.size() > 1) return RefuseDuplicateCaseIds({{id, std::move(paths)}});
  return std::move(paths.front());
}

std::string RestoreHint(const std::string& rel_path) {
  std::string id = fs::path(rel_path).stem().string();
  return Tr(
      "restore the last committed version with `git checkout -- {0}` (in the store) or "
      "mend it with `mediate edit {1}`",
      rel_path, id);
}

LoadedCase ParseCaseText(const std::string& text, const std::string& rel, const Vocabulary& vocab,
                         const CaseKeySource* keys) {
  LoadedCase lc;
  lc.path = rel;
  auto v = ParseYaml(text, rel);
  if (!v.ok()) {
    lc.ok = false;
    lc.diagnostics = v.status().diagnostics();
    if (lc.diagnostics.empty())
      lc.diagnostics.push_back({Severity::kError, {rel, 0, 0}, "", v.status().message()});
    lc.diagnostics.front().message += "; " + RestoreHint(rel);
    return lc;
  }
  if (keys) {
    if (Status opened = OpenCaseRecord(*v, *keys); !opened.ok()) {
      lc.ok = false;
      lc.diagnostics.push_back({Severity::kError, {rel, 0, 0}, "", opened.message()});
      return lc;
    }
  }
  DiagnosticSink sink;
  lc.record = CaseFromValue(*v, rel, vocab, &sink);
  lc.ok = !sink.has_errors();
  lc.diagnostics = std::move(sink.items());
  return lc;
}

LoadedCase Store::LoadCaseFile(const std::string& rel) const {
  std::string text;
  if (!ReadWholeFile(root_ + "/" + rel, &text)) {
    LoadedCase lc;
    lc.path = rel;
    lc.ok = false;
    lc.diagnostics.push_back({Severity::kError, {rel, 0, 0}, "", _("cannot read the file")});
    return lc;
  }
  return ParseCaseText(text, rel, vocab(), OpenedKeys());
}

Result<LoadedCase> Store::LoadCase(const std::string& id) const {
  auto rel = FindCase(id);
  if (!rel.ok()) return rel.status();
  LoadedCase lc = LoadCaseFile(*rel);
  if (!lc.ok) return Status::Rejected(Tr("{0} cannot be read", *rel), lc.diagnostics);
  return lc;
}

void Store::ForEachCaseDir(
    const std::function<void(const std::string& dir, const std::vector<std::string>& names)>& visit)
    const {
  for (const auto& year : ListDir(root_ + "/cases")) {
    for (const auto& month : ListDir(root_ + "/cases/" + year)) {
      std::string dir = "cases/" + year + "/" + month;
      std::vector<std::string> names = ListDir(root_ + "/" + dir);
      names.erase(std::remove_if(names.begin(), names.end(),
                                 [](const std::string& n) { return !IsYamlFile(n); }),
                  names.end());
      visit(dir, names);
    }
  }
}

std::vector<std::string> Store::ListCaseFiles() const {
  std::vector<std::string> paths;
  ForEachCaseDir([&](const std::string& dir, const std::vector<std::string>& names) {
    for (const auto& name : names) paths.push_back(dir + "/" + name);
  });
  return paths;
}

std::vector<std::string> Store::ListYearFiles(const std::string& dir) const {
  std::vector<std::string> paths;
  for (const auto& year : ListDir(root_ + "/" + dir)) {
    if (year.empty() || year[0] == '.') continue;
    std::string sub = dir + "/" + year;
    for (const auto& name : ListDir(root_ + "/" + sub))
      if (IsYamlFile(name)) paths.push_back(sub + "/" + name);
  }
  return paths;
}

std::vector<ParsedCase> ParseCaseFiles(const Store& store, const std::vector<std::string>& paths,
                                       unsigned threads, const CaseKeySource* keys) {
  std::vector<ParsedCase> out(paths.size());
  const std::string& key = store.LookupKey();  // loaded before the threads start
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  threads = std::min<unsigned>(threads, std::max<std::size_t>(1, paths.size() / 64 + 1));
  // Small batches keep both cores busy without contention.
  ParallelFor(paths.size(), threads, 32, [&](std::size_t i) {
    ParsedCase& pc = out[i];
    std::string text;
    if (!ReadWholeFile(store.root() + "/" + paths[i], &text)) {
      pc.problems.push_back({Severity::kError, {paths[i], 0, 0}, "", _("cannot read the file")});
      return;
    }
    LoadedCase lc = ParseCaseText(text, paths[i], store.vocab(), keys);
    if (!lc.ok) {
      for (auto& d : lc.diagnostics)
        if (d.severity == Severity::kError) pc.problems.push_back(std::move(d));
      return;
    }
    pc.ok = true;
    pc.summary = Summarize(lc.record, paths[i], store.settings(), key);
  });
  return out;
}

bool Store::Holds(const std::string& path) const {
  std::error_code ec;
  const fs::path root = fs::weakly_canonical(fs::absolute(root_, ec), ec);
  const fs::path p = fs::weakly_canonical(fs::absolute(path, ec), ec);
  if (ec) return false;
  const fs::path rel = p.lexically_relative(root);
  return !rel.empty() && *rel.begin() != "..";
}

std::string Store::OwnPart(const std::string& path) const {
  static const std::set<std::string> kOwn = {
      ".git",  "mediate.yaml", ".gitattributes", "areas",         "orgs",  "mediators", "offices",
      "cases", "trainings",    "reviews",        "consultations", "rules", "keys"};
  std::error_code ec;
  const fs::path root = fs::weakly_canonical(fs::absolute(root_, ec), ec);
  const fs::path p = fs::weakly_canonical(fs::absolute(path, ec), ec);
  if (ec) return "";
  const fs::path rel = p.lexically_relative(root);
  if (rel.empty() || *rel.begin() == "..") return "";
  const std::string first = rel.begin()->string();
  return kOwn.count(first) ? first : "";
}

std::set<int> Store::CaseNumbers(const std::string& office, int year) const {
  std::set<int> numbers;
  std::string prefix = office + "-" + std::to_string(year) + "-";
  std::string year_dir = root_ + "/cases/" + std::to_string(year);
  for (const auto& month : ListDir(year_dir)) {
    for (const auto& name : ListDir(year_dir + "/" + month)) {
      if (name.rfind(prefix, 0) != 0 || !IsYamlFile(name)) continue;
      std::string o;
      int y, seq;
      if (ParseCaseId(name.substr(0, name.size() - 5), &o, &y, &seq) && o == office)
        numbers.insert(seq);
    }
  }
  return numbers;
}

Result<std::string> Store::WritingOffice(const std::string& env) const {
  OfficeSources sources;
  sources.env = env;
  sources.settings = settings_.office;
  if (auto repo = GitRepo::Open(root_); repo.ok()) {
    if (auto v = repo->ConfigString("mediate.office")) sources.config = *v;
  }
  sources.has_remote = HasRemote(root_);
  return ChooseOffice(sources, offices_);
}

}  // namespace mediate
