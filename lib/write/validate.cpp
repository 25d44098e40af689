#include "validate.hpp"

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <filesystem>
#include <map>
#include <set>
#include <thread>
#include "i18n.hpp"

#include "alerts.hpp"
#include "case_checks.hpp"
#include "case_record.hpp"
#include "committee_checks.hpp"
#include "consultation.hpp"
#include "key_record.hpp"
#include "office.hpp"
#include "parallel.hpp"
#include "review_record.hpp"
#include "routing_rules.hpp"
#include "schema.hpp"
#include "schema_version.hpp"
#include "team_settings.hpp"
#include "training.hpp"
#include "yaml_io.hpp"

namespace mediate {
namespace {

std::size_t Count(const std::vector<Diagnostic>& d, Severity s) {
  return static_cast<std::size_t>(
      std::count_if(d.begin(), d.end(), [s](const Diagnostic& x) { return x.severity == s; }));
}

enum class Kind {
  kSettings,
  kArea,
  kOrg,
  kMediator,
  kOffice,
  kRouting,
  kCase,
  kTraining,
  kReview,
  kConsultation,
  kKeys,
  kUnknown
};

Kind KindOf(const std::string& path) {
  if (path == "mediate.yaml") return Kind::kSettings;
  if (path == "rules/routing.yaml") return Kind::kRouting;
  if (path.rfind("areas/", 0) == 0) return Kind::kArea;
  if (path.rfind("orgs/", 0) == 0) return Kind::kOrg;
  if (path.rfind("mediators/", 0) == 0) return Kind::kMediator;
  if (path.rfind("offices/", 0) == 0) return Kind::kOffice;
  if (path == kKeyRecordPath) return Kind::kKeys;
  if (path.rfind("cases/", 0) == 0) return Kind::kCase;
  if (path.rfind("trainings/", 0) == 0) return Kind::kTraining;
  if (path.rfind("reviews/", 0) == 0) return Kind::kReview;
  if (path.rfind("consultations/", 0) == 0) return Kind::kConsultation;
  return Kind::kUnknown;
}

void CheckParsed(const Store& store, const std::string& rel, Kind kind, const Value& record,
                 const CheckContext& cc, bool registries_ok,
                 const std::set<std::string>& pending_cases, DiagnosticSink* sink,
                 std::string* case_id);

/// Checks the record `text` at `rel`: strict YAML, then CheckParsed.
void CheckText(const Store& store, const std::string& rel, const std::string* text,
               const CheckContext& cc, bool registries_ok,
               const std::set<std::string>& pending_cases, DiagnosticSink* sink,
               std::string* case_id) {
  Kind kind = KindOf(rel);
  if (kind == Kind::kRouting) {
    auto rules = LoadRoutingRules(*text, rel, store.vocab(), store.orgs(),
                                  registries_ok ? &store.areas() : nullptr);
    if (!rules.ok()) {
      sink->Append(rules.status().diagnostics());
      if (rules.status().diagnostics().empty())
        sink->Error({rel, 0, 0}, "", rules.status().message());
    }
    return;
  }
  auto v = ParseYaml(*text, rel);
  if (!v.ok()) {
    std::vector<Diagnostic> found = v.status().diagnostics();
    if (kind == Kind::kCase && !found.empty()) found.front().message += "; " + RestoreHint(rel);
    sink->Append(found);
    return;
  }
  CheckParsed(store, rel, kind, *v, cc, registries_ok, pending_cases, sink, case_id);
}

/// Checks the parsed record `record` at `rel` by its kind: schema, field
/// types, vocabularies, references and, for a case, CheckCase.
void CheckParsed(const Store& store, const std::string& rel, Kind kind, const Value& record,
                 const CheckContext& cc, bool registries_ok,
                 const std::set<std::string>& pending_cases, DiagnosticSink* sink,
                 std::string* case_id) {
  const Value* v = &record;
  auto case_exists = [&](const std::string& id) {
    return pending_cases.count(id) > 0 || !store.FindCaseFiles(id).empty();
  };
  switch (kind) {
    case Kind::kSettings: {
      CheckSchema(*v, "settings.schema.yaml", rel, sink);
      auto s = Settings::FromValue(*v, rel);
      if (!s.ok()) sink->Append(s.status().diagnostics());
      auto team = TeamSettings::FromValue(*v, rel);
      if (!team.ok()) sink->Append(team.status().diagnostics());
      auto alerts = AlertSettings::FromValue(v->Find("alerts"), rel);
      if (!alerts.ok()) sink->Append(alerts.status().diagnostics());
      break;
    }
    case Kind::kArea: {
      CheckSchema(*v, "area.schema.yaml", rel, sink);
      auto s = Street::FromValue(*v, rel);
      if (!s.ok()) sink->Append(s.status().diagnostics());
      break;
    }
    case Kind::kOrg: {
      CheckSchema(*v, "org.schema.yaml", rel, sink);
      auto o = Organisation::FromValue(*v, rel, store.vocab(), sink);
      if (!o.ok()) sink->Append(o.status().diagnostics());
      break;
    }
    case Kind::kMediator: {
      CheckSchema(*v, "mediator.schema.yaml", rel, sink);
      auto m = Mediator::FromValue(*v, rel, store.vocab(), sink);
      if (!m.ok()) {
        sink->Append(m.status().diagnostics());
      } else if (registries_ok && !store.orgs().count(m->org)) {
        sink->Error(LocateField(*v, rel, "org"), "org", Tr("unknown organisation {0}", m->org));
      }
      break;
    }
    case Kind::kOffice: {
      CheckSchema(*v, "office.schema.yaml", rel, sink);
      auto o = Office::FromValue(*v, rel, sink);
      if (!o.ok()) {
        sink->Append(o.status().diagnostics());
        break;
      }
      if (o->Path() != rel)
        sink->Error(LocateField(*v, rel, "code"), "code",
                    Tr("the file of office {0} belongs at {1}", o->code, o->Path()));
      if (registries_ok)
        CheckOffice(*o, store.offices(), store.orgs(), store.areas(), {rel, 0, 0}, sink);
      break;
    }
    case Kind::kCase: {
      // A record of a newer mediate: its version is the one problem worth naming.
      if (const Value* s = v->Find("schema");
          s && s->is_scalar() && IsNewerSchema(s->text(), kCaseSchema)) {
        sink->Error(LocateField(*v, rel, "schema"), "schema",
                    SchemaMismatchMessage(s->text(), kCaseSchema));
        break;
      }
      DiagnosticSink local;
      CheckSchema(*v, "case.schema.yaml", rel, &local);
      Case c = CaseFromValue(*v, rel, store.vocab(), &local);
      if (!local.has_errors()) {
        if (registries_ok) CheckCase(c, *v, rel, cc, &local);
        if (!c.conflicts.items().empty())
          local.Warning(LocateField(*v, rel, "conflicts"), "conflicts",
                        Tr("{0} unresolved conflict(s) from a merge: 'mediate conflicts' lists "
                           "them, 'mediate resolve' settles them",
                           c.conflicts.items().size()));
        std::string expected = c.PathIn(store.settings().time_zone);
        if (expected != rel)
          local.Error(LocateField(*v, rel, "id"), "id",
                      Tr("the file of {0} received {1} belongs at {2}", c.id,
                         store.settings().time_zone.LocalDate(c.received).ToString(), expected));
        *case_id = c.id;
      }
      sink->Append(local.items());
      break;
    }
    case Kind::kTraining: {
      CheckSchema(*v, "training.schema.yaml", rel, sink);
      auto t = Training::FromValue(*v, rel, store.vocab(), sink);
      if (!t.ok()) {
        sink->Append(t.status().diagnostics());
      } else if (registries_ok) {
        CheckTrainingReferences(*t, store.mediators(), LocateField(*v, rel, "attendees"), sink);
      }
      break;
    }
    case Kind::kConsultation: {
      CheckSchema(*v, "consultation.schema.yaml", rel, sink);
      auto c = Consultation::FromValue(*v, rel, store.vocab());
      if (!c.ok()) {
        sink->Append(c.status().diagnostics());
      } else if (!c->case_id.empty() && !case_exists(c->case_id)) {
        sink->Error(LocateField(*v, rel, "case"), "case",
                    Tr("no case {0} in the store", c->case_id));
      }
      break;
    }
    case Kind::kReview: {
      CheckSchema(*v, "review.schema.yaml", rel, sink);
      auto r = Review::FromValue(*v, rel, store.vocab(), sink);
      if (!r.ok()) {
        sink->Append(r.status().diagnostics());
      } else if (!case_exists(r->case_id)) {
        sink->Error(LocateField(*v, rel, "case"), "case",
                    Tr("no case {0} in the store", r->case_id));
      }
      break;
    }
    case Kind::kKeys: {
      CheckSchema(*v, "keys.schema.yaml", rel, sink);
      auto k = KeyRecordFromValue(*v, rel, sink);
      if (!k.ok()) sink->Append(k.status().diagnostics());
      break;
    }
    default:
      sink->Warning({rel, 0, 0}, "", _("not a record mediate knows (left unchecked)"));
  }
}

void CheckRecord(const Store& store, const std::string& rel, const CheckContext& cc,
                 bool registries_ok, DiagnosticSink* sink, std::string* case_id) {
  auto text = store.ReadText(rel);
  if (!text.ok()) {
    sink->Error({rel, 0, 0}, "", _("cannot read the file"));
    return;
  }
  CheckText(store, rel, &*text, cc, registries_ok, {}, sink, case_id);
}

std::vector<std::string> YamlFilesUnder(const Store& store, const std::string& dir) {
  namespace fs = std::filesystem;
  std::vector<std::string> out;
  std::error_code ec;
  fs::path base = fs::path(store.root()) / dir;
  if (!fs::exists(base, ec)) return out;
  for (auto it = fs::recursive_directory_iterator(base, ec);
       it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) break;
    if (!it->is_regular_file()) continue;
    std::string name = it->path().filename().string();
    if (name.size() > 5 && name.compare(name.size() - 5, 5, ".yaml") == 0 && name[0] != '.')
      out.push_back(fs::relative(it->path(), store.root()).string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

/// File paths held compactly: a directory string per directory and the
/// names in one buffer, so a million case paths take ~30 MB, not ~80.
class PathList {
 public:
  /// Adds `dir` + "/" + `name` (consecutive paths of one directory share it).
  void Add(const std::string& dir, const std::string& name) {
    if (dirs_.empty() || dirs_.back() != dir) dirs_.push_back(dir);
    dir_of_.push_back(static_cast<std::uint32_t>(dirs_.size()));  // 1-based; 0: none
    names_ += name;
    name_end_.push_back(static_cast<std::uint32_t>(names_.size()));
  }
  /// Adds a path as it is.
  void Add(const std::string& path) {
    dir_of_.push_back(0);
    names_ += path;
    name_end_.push_back(static_cast<std::uint32_t>(names_.size()));
  }
  std::size_t size() const { return name_end_.size(); }
  /// The i-th path added.
  std::string at(std::size_t i) const {
    std::size_t begin = i == 0 ? 0 : name_end_[i - 1];
    std::string name = names_.substr(begin, name_end_[i] - begin);
    return dir_of_[i] == 0 ? name : dirs_[dir_of_[i] - 1] + "/" + name;
  }

 private:
  std::vector<std::string> dirs_;
  std::vector<std::uint32_t> dir_of_;
  std::string names_;
  std::vector<std::uint32_t> name_end_;
};

}  // namespace

void CheckRecordText(const Store& store, const std::string& rel, const std::string& text,
                     Date today, const std::set<std::string>& pending_cases, DiagnosticSink* sink) {
  CheckContext cc{&store.settings(), &store.areas(), &store.orgs(), &store.mediators(), today};
  std::string case_id;
  CheckText(store, rel, &text, cc, /*registries_ok=*/true, pending_cases, sink, &case_id);
}

void CheckRecordValue(const Store& store, const std::string& rel, const Value& record, Date today,
                      const std::set<std::string>& pending_cases, DiagnosticSink* sink) {
  CheckContext cc{&store.settings(), &store.areas(), &store.orgs(), &store.mediators(), today};
  std::string case_id;
  Kind kind = KindOf(rel);
  if (kind == Kind::kRouting) {
    std::string text = EmitYaml(record);
    CheckText(store, rel, &text, cc, /*registries_ok=*/true, pending_cases, sink, &case_id);
    return;
  }
  CheckParsed(store, rel, kind, record, cc, /*registries_ok=*/true, pending_cases, sink, &case_id);
}

std::size_t ValidationReport::error_count() const { return Count(diagnostics, Severity::kError); }
std::size_t ValidationReport::warning_count() const {
  return Count(diagnostics, Severity::kWarning);
}
std::size_t ValidationReport::files_with_errors() const {
  std::map<std::string, bool> files;
  for (const auto& d : diagnostics)
    if (d.severity == Severity::kError) files[d.where.file] = true;
  return files.size();
}

ValidationReport ValidateStore(const Store& store, bool registries_ok,
                               const std::vector<std::string>& paths, Date today,
                               unsigned threads) {
  PathList files;
  if (paths.empty()) {
    files.Add("mediate.yaml");
    for (const char* dir : {"areas", "orgs", "mediators", "offices", "keys"})
      for (const auto& f : YamlFilesUnder(store, dir)) files.Add(f);
    files.Add("rules/routing.yaml");
    store.ForEachCaseDir([&](const std::string& dir, const std::vector<std::string>& names) {
      for (const auto& name : names) files.Add(dir, name);
    });
    for (const char* dir : {"trainings", "reviews", "consultations"})
      for (const auto& f : YamlFilesUnder(store, dir)) files.Add(f);
  } else {
    for (const auto& p : paths) {
      std::string rel = store.RelativePath(p);
      if (std::filesystem::is_directory(store.root() + "/" + rel)) {
        for (const auto& f : YamlFilesUnder(store, rel)) files.Add(f);
      } else {
        files.Add(rel);
      }
    }
  }

  // Committees against Law Art. 8 and the staffing norm: warnings on the
  // organisation files checked, each after that file's own problems.
  std::map<std::string, std::vector<Diagnostic>> committee_warnings;
  if (registries_ok) {
    std::set<std::string> org_files;
    for (std::size_t i = 0; i < files.size(); ++i)
      if (std::string f = files.at(i); KindOf(f) == Kind::kOrg) org_files.insert(f);
    if (!org_files.empty()) {
      TeamSettings team;
      if (auto root = store.ReadYaml("mediate.yaml"); root.ok())
        if (auto t = TeamSettings::FromValue(*root, "mediate.yaml"); t.ok()) team = *t;
      for (auto& w :
           CheckCommittees(store.orgs(), store.mediators(), team,
                           [&](const Organisation& o) { return org_files.count(o.Path()) > 0; }))
        committee_warnings[w.where.file].push_back(std::move(w));
    }
  }

  // The files in batches, each checked on all cores, so that a million case
  // files are never all in memory at once: of each file only its case id and
  // where its problems end in the report are kept.
  CheckContext cc{&store.settings(), &store.areas(), &store.orgs(), &store.mediators(), today};
  ValidationReport report;
  report.files = files.size();
  std::vector<std::pair<std::string, std::uint32_t>> ids;  // case id, file ordinal
  std::vector<std::uint32_t> problems_end(files.size());
  constexpr std::size_t kBatch = 4096;
  for (std::size_t start = 0; start < files.size(); start += kBatch) {
    const std::size_t n = std::min(kBatch, files.size() - start);
    std::vector<std::string> batch(n);
    for (std::size_t k = 0; k < n; ++k) batch[k] = files.at(start + k);
    std::vector<DiagnosticSink> sinks(n);
    std::vector<std::string> batch_ids(n);
    ParallelFor(n, threads, 16, [&](std::size_t k) {
      CheckRecord(store, batch[k], cc, registries_ok, &sinks[k], &batch_ids[k]);
    });
    for (std::size_t k = 0; k < n; ++k) {
      for (auto& d : sinks[k].items()) report.diagnostics.push_back(std::move(d));
      if (auto it = committee_warnings.find(batch[k]); it != committee_warnings.end()) {
        for (auto& w : it->second) report.diagnostics.push_back(std::move(w));
        committee_warnings.erase(it);
      }
      problems_end[start + k] = static_cast<std::uint32_t>(report.diagnostics.size());
      if (!batch_ids[k].empty())
        ids.emplace_back(std::move(batch_ids[k]), static_cast<std::uint32_t>(start + k));
    }
  }

  // Case ids are unique: every file after the first with an id gets an error
  // naming the first, placed after that file's own problems.
  std::sort(ids.begin(), ids.end());
  struct Duplicate {
    std::uint32_t position;  // in report.diagnostics
    std::uint32_t file;      // ordinal, for files with no problems of their own
    Diagnostic error;
  };
  std::vector<Duplicate> duplicates;
  for (std::size_t i = 1; i < ids.size(); ++i) {
    std::size_t first = i - 1;
    while (first > 0 && ids[first - 1].first == ids[i].first) --first;
    if (ids[first].first != ids[i].first) continue;
    const std::uint32_t at = ids[i].second;
    duplicates.push_back(
        {problems_end[at],
         at,
         {Severity::kError,
          {files.at(at), 0, 0},
          "id",
          Tr("case id {0} is also used by {1}; give one a new id with 'mediate renumber {0}'",
             ids[i].first, files.at(ids[first].second))}});
  }
  if (!duplicates.empty()) {
    std::sort(duplicates.begin(), duplicates.end(), [](const Duplicate& a, const Duplicate& b) {
      return a.position != b.position ? a.position < b.position : a.file < b.file;
    });
    std::vector<Diagnostic> merged;
    merged.reserve(report.diagnostics.size() + duplicates.size());
    std::size_t next = 0;
    for (std::size_t i = 0; i <= report.diagnostics.size(); ++i) {
      while (next < duplicates.size() && duplicates[next].position == i)
        merged.push_back(std::move(duplicates[next++].error));
      if (i < report.diagnostics.size()) merged.push_back(std::move(report.diagnostics[i]));
    }
    report.diagnostics = std::move(merged);
  }
  return report;
}

}  // namespace mediate
