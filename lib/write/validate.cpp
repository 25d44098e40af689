#include "validate.hpp"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <map>
#include <set>
#include <thread>

#include "alerts.hpp"
#include "case_checks.hpp"
#include "case_record.hpp"
#include "committee_checks.hpp"
#include "consultation.hpp"
#include "parallel.hpp"
#include "review_record.hpp"
#include "routing_rules.hpp"
#include "schema.hpp"
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
  kRouting,
  kCase,
  kTraining,
  kReview,
  kConsultation,
  kUnknown
};

Kind KindOf(const std::string& path) {
  if (path == "mediate.yaml") return Kind::kSettings;
  if (path == "rules/routing.yaml") return Kind::kRouting;
  if (path.rfind("areas/", 0) == 0) return Kind::kArea;
  if (path.rfind("orgs/", 0) == 0) return Kind::kOrg;
  if (path.rfind("mediators/", 0) == 0) return Kind::kMediator;
  if (path.rfind("cases/", 0) == 0) return Kind::kCase;
  if (path.rfind("trainings/", 0) == 0) return Kind::kTraining;
  if (path.rfind("reviews/", 0) == 0) return Kind::kReview;
  if (path.rfind("consultations/", 0) == 0) return Kind::kConsultation;
  return Kind::kUnknown;
}

/// The store-relative form of a path given on the command line.
std::string Relative(const Store& store, const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path abs = fs::weakly_canonical(fs::absolute(path, ec), ec);
  std::string a = abs.string(), root = store.root() + "/";
  if (a.rfind(root, 0) == 0) return a.substr(root.size());
  return path;
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
    sink->Append(v.status().diagnostics());
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
    return pending_cases.count(id) > 0 || store.FindCase(id).ok();
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
        sink->Error(LocateField(*v, rel, "org"), "org", "unknown organisation " + m->org);
      }
      break;
    }
    case Kind::kCase: {
      DiagnosticSink local;
      CheckSchema(*v, "case.schema.yaml", rel, &local);
      Case c = CaseFromValue(*v, rel, store.vocab(), &local);
      if (!local.has_errors()) {
        if (registries_ok) CheckCase(c, *v, rel, cc, &local);
        std::string expected = c.PathIn(store.settings().time_zone);
        if (expected != rel)
          local.Error(LocateField(*v, rel, "id"), "id",
                      "the file of " + c.id + " received " +
                          store.settings().time_zone.LocalDate(c.received).ToString() +
                          " belongs at " + expected);
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
                    "no case " + c->case_id + " in the store");
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
                    "no case " + r->case_id + " in the store");
      }
      break;
    }
    default:
      sink->Warning({rel, 0, 0}, "", "not a record mediate knows (left unchecked)");
  }
}

void CheckRecord(const Store& store, const std::string& rel, const CheckContext& cc,
                 bool registries_ok, DiagnosticSink* sink, std::string* case_id) {
  auto text = store.ReadText(rel);
  if (!text.ok()) {
    sink->Error({rel, 0, 0}, "", "cannot read the file");
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
  CheckParsed(store, rel, kind, record, cc, /*registries_ok=*/true, pending_cases, sink,
              &case_id);
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
  std::vector<std::string> files;
  if (paths.empty()) {
    files.push_back("mediate.yaml");
    for (const char* dir : {"areas", "orgs", "mediators"})
      for (auto& f : YamlFilesUnder(store, dir)) files.push_back(std::move(f));
    files.push_back("rules/routing.yaml");
    for (auto& f : store.ListCaseFiles()) files.push_back(std::move(f));
    for (const char* dir : {"trainings", "reviews", "consultations"})
      for (auto& f : YamlFilesUnder(store, dir)) files.push_back(std::move(f));
  } else {
    for (const auto& p : paths) {
      std::string rel = Relative(store, p);
      if (std::filesystem::is_directory(store.root() + "/" + rel)) {
        for (auto& f : YamlFilesUnder(store, rel)) files.push_back(std::move(f));
      } else {
        files.push_back(rel);
      }
    }
  }
  CheckContext cc{&store.settings(), &store.areas(), &store.orgs(), &store.mediators(), today};
  std::vector<DiagnosticSink> sinks(files.size());
  std::vector<std::string> ids(files.size());
  ParallelFor(files.size(), threads, 16, [&](std::size_t i) {
    CheckRecord(store, files[i], cc, registries_ok, &sinks[i], &ids[i]);
  });

  ValidationReport report;
  report.files = files.size();
  // Committees against Law Art. 8 and the staffing norm: warnings on the
  // organisation files checked.
  if (registries_ok) {
    std::set<std::string> org_files;
    for (const auto& f : files)
      if (KindOf(f) == Kind::kOrg) org_files.insert(f);
    if (!org_files.empty()) {
      TeamSettings team;
      if (auto root = store.ReadYaml("mediate.yaml"); root.ok())
        if (auto t = TeamSettings::FromValue(*root, "mediate.yaml"); t.ok()) team = *t;
      auto warnings =
          CheckCommittees(store.orgs(), store.mediators(), team,
                          [&](const Organisation& o) { return org_files.count(o.Path()) > 0; });
      for (auto& w : warnings) {
        std::size_t i = std::find(files.begin(), files.end(), w.where.file) - files.begin();
        if (i < sinks.size()) sinks[i].Add(std::move(w));
      }
    }
  }
  std::map<std::string, std::string> first_file_of_id;
  for (std::size_t i = 0; i < files.size(); ++i) {
    for (auto& d : sinks[i].items()) report.diagnostics.push_back(std::move(d));
    if (ids[i].empty()) continue;
    auto [it, fresh] = first_file_of_id.emplace(ids[i], files[i]);
    if (!fresh)
      report.diagnostics.push_back({Severity::kError,
                                    {files[i], 0, 0},
                                    "id",
                                    "case id " + ids[i] + " is also used by " + it->second});
  }
  return report;
}

}  // namespace mediate
