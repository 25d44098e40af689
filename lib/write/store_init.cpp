#include "store_init.hpp"

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "csv_table.hpp"
#include "git_setup.hpp"
#include "i18n.hpp"
#include "office.hpp"
#include "routing_rules.hpp"
#include "store_merge.hpp"
#include "team_io.hpp"
#include "write_transaction.hpp"
#include "yaml_io.hpp"

namespace mediate {
namespace fs = std::filesystem;

namespace {

Result<std::string> ReadFileText(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return Status::Rejected(Tr("{0}: cannot read the file", p.string()));
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

Result<CsvTable> ReadTable(const fs::path& dir, const std::string& name,
                           const std::vector<std::string>& columns) {
  auto utf8 = ReadCsvFileUtf8((dir / name).string());
  if (!utf8.ok()) return utf8.status();
  auto table = CsvTable::Parse(*utf8, name);
  if (!table.ok()) return table.status();
  MEDIATE_RETURN_IF_ERROR(table->Require(columns));
  return table;
}

bool AllDigits(const std::string& s, std::size_t n) {
  if (s.size() != n) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

}  // namespace

Result<std::vector<Organisation>> ReadOrgsCsv(const std::string& text, const std::string& file,
                                              const Vocabulary& vocab) {
  auto table = CsvTable::Parse(text, file);
  if (!table.ok()) return table.status();
  MEDIATE_RETURN_IF_ERROR(table->Require(
      {"id", "name", "kind", "level", "street_code", "community_code", "categories", "parent"}));
  DiagnosticSink sink;
  std::vector<Organisation> orgs;
  std::map<std::string, int> seen;
  for (const auto& row : table->rows()) {
    Organisation o;
    o.id = table->Cell(row, "id");
    o.name = table->Cell(row, "name");
    o.kind = table->Cell(row, "kind");
    o.level = table->Cell(row, "level");
    o.street = table->Cell(row, "street_code");
    o.community = table->Cell(row, "community_code");
    o.specialties = SplitList(table->Cell(row, "categories"));
    o.parent = table->Cell(row, "parent");
    auto where = table->Where(row);
    if (o.id.empty()) sink.Error(where, "id", _("an organisation needs an id"));
    if (o.name.empty()) sink.Error(where, "name", _("an organisation needs a name"));
    if (!vocab.Get("org_kind").Has(o.kind))
      sink.Error(where, "kind",
                 Tr("unknown organisation kind \"{0}\"; known: {1}", o.kind,
                    vocab.Get("org_kind").CodeList()));
    if (!vocab.level().Has(o.level))
      sink.Error(where, "level",
                 Tr("unknown level \"{0}\"; known: {1}", o.level, vocab.level().CodeList()));
    for (const auto& c : o.specialties)
      if (!vocab.category().Has(c))
        sink.Error(where, "categories", Tr("unknown category \"{0}\"", c));
    if (auto [it, fresh] = seen.emplace(o.id, row.line); !fresh)
      sink.Error(where, "id", Tr("duplicate id {0} (first at line {1})", o.id, it->second));
    orgs.push_back(std::move(o));
  }
  for (const auto& o : orgs)
    if (!o.parent.empty() && !seen.count(o.parent))
      sink.Error({file, seen[o.id], 0}, "parent", Tr("unknown parent organisation {0}", o.parent));
  MEDIATE_RETURN_IF_ERROR(sink.ToStatus(
      TrN("{0} error in {1}", "{0} errors in {1}", sink.error_count(), sink.error_count(), file)));
  return orgs;
}

Result<std::vector<Mediator>> ReadMediatorsCsv(const std::string& text, const std::string& file,
                                               const Vocabulary& vocab, const OrgRegistry& orgs) {
  auto table = CsvTable::Parse(text, file);
  if (!table.ok()) return table.status();
  MEDIATE_RETURN_IF_ERROR(
      table->Require({"id", "name", "sex", "born", "org", "role", "employment", "specialties",
                      "grade", "graded", "lecturer", "honours", "filed", "status", "phone"}));
  DiagnosticSink sink;
  std::vector<Mediator> out;
  std::map<std::string, int> seen;
  for (const auto& row : table->rows()) {
    auto where = table->Where(row);
    Mediator m;
    m.id = table->Cell(row, "id");
    m.name = table->Cell(row, "name");
    m.sex = table->Cell(row, "sex");
    m.org = table->Cell(row, "org");
    m.role = table->Cell(row, "role");
    m.employment = table->Cell(row, "employment");
    m.specialties = SplitList(table->Cell(row, "specialties"));
    m.honours = SplitList(table->Cell(row, "honours"));
    m.status = table->Cell(row, "status");
    if (m.status.empty()) m.status = "active";
    m.phone = table->Cell(row, "phone");
    if (m.id.empty()) sink.Error(where, "id", _("a mediator needs an id"));
    if (m.name.empty()) sink.Error(where, "name", _("a mediator needs a name"));
    if (m.sex != "male" && m.sex != "female")
      sink.Error(where, "sex", Tr("sex is male or female, not \"{0}\"", m.sex));
    if (!orgs.count(m.org)) sink.Error(where, "org", Tr("unknown organisation \"{0}\"", m.org));
    if (!m.role.empty() && !vocab.Get("mediator_role").Has(m.role))
      sink.Error(where, "role", Tr("role is chair, member or engaged, not \"{0}\"", m.role));
    if (!m.employment.empty() && !vocab.Get("employment").Has(m.employment))
      sink.Error(where, "employment",
                 Tr("employment is full_time or part_time, not \"{0}\"", m.employment));
    for (const auto& c : m.specialties)
      if (!vocab.category().Has(c))
        sink.Error(where, "specialties", Tr("unknown category \"{0}\"", c));
    auto date_cell = [&](const char* col, Date* out_date) {
      std::string s = table->Cell(row, col);
      if (s.empty()) return;
      if (auto d = Date::Parse(s)) {
        *out_date = *d;
      } else {
        sink.Error(where, col, Tr("{0} is not a date (YYYY-MM-DD)", s));
      }
    };
    date_cell("born", &m.born);
    date_cell("graded", &m.graded);
    date_cell("filed", &m.filed);
    std::string grade = table->Cell(row, "grade");
    if (!grade.empty()) {
      if (grade.size() == 1 && grade[0] >= '1' && grade[0] <= '4') {
        m.grade = grade[0] - '0';
      } else {
        sink.Error(where, "grade", Tr("grade is 1 (highest) to 4, not \"{0}\"", grade));
      }
    }
    std::string lecturer = table->Cell(row, "lecturer");
    if (lecturer == "true") {
      m.lecturer = true;
    } else if (!lecturer.empty() && lecturer != "false") {
      sink.Error(where, "lecturer", Tr("lecturer is true, false or empty, not \"{0}\"", lecturer));
    }
    if (m.status != "active" && m.status != "retired")
      sink.Error(where, "status", Tr("status is active or retired, not \"{0}\"", m.status));
    if (auto [it, fresh] = seen.emplace(m.id, row.line); !fresh)
      sink.Error(where, "id", Tr("duplicate id {0} (first at line {1})", m.id, it->second));
    out.push_back(std::move(m));
  }
  MEDIATE_RETURN_IF_ERROR(sink.ToStatus(
      TrN("{0} error in {1}", "{0} errors in {1}", sink.error_count(), sink.error_count(), file)));
  return out;
}

namespace {

/// The office registry of SETUP: offices.csv when there is one (each row
/// checked, setup.yaml's office among them), else setup.yaml's office alone,
/// named for the district, with the store's file-number word.
void ReadOffices(const fs::path& dir, const Settings& settings, const OrgRegistry& orgs,
                 const AreaRegistry& areas, std::vector<Office>* out, DiagnosticSink* sink) {
  if (!fs::exists(dir / "offices.csv")) {
    Office o;
    o.code = settings.office;
    o.name = settings.district_name;
    o.file_no_word = settings.file_no_word.empty() ? "人调字" : settings.file_no_word;
    out->push_back(std::move(o));
    return;
  }
  auto table =
      ReadTable(dir, "offices.csv", {"code", "name", "org", "street_code", "file_no_word"});
  if (!table.ok()) {
    sink->Append(table.status().diagnostics());
    if (table.status().diagnostics().empty())
      sink->Error({"offices.csv", 0, 0}, "", table.status().message());
    return;
  }
  OfficeRegistry registry;
  for (const auto& row : table->rows()) {
    Office o;
    o.code = table->Cell(row, "code");
    o.name = table->Cell(row, "name");
    o.org = table->Cell(row, "org");
    o.street = table->Cell(row, "street_code");
    o.file_no_word = table->Cell(row, "file_no_word");
    Location where = table->Where(row);
    if (!IsOfficeCode(o.code))
      sink->Error(where, "code",
                  Tr("\"{0}\" is not an office code (an upper-case letter, then 1 to 5 "
                     "upper-case letters or digits)",
                     o.code));
    if (o.name.empty()) sink->Error(where, "name", _("is required"));
    if (o.file_no_word.empty())
      sink->Error(where, "file_no_word", _("is required (字号, e.g. 万小人调字)"));
    if (registry.count(o.code))
      sink->Error(where, "code", Tr("office {0} is listed twice", o.code));
    registry[o.code] = o;
  }
  for (const auto& row : table->rows()) {
    auto it = registry.find(table->Cell(row, "code"));
    CheckOffice(it->second, registry, orgs, areas, table->Where(row), sink);
  }
  if (!registry.count(settings.office))
    sink->Error({"offices.csv", 0, 0}, "code",
                Tr("setup.yaml's office {0} is not among the offices", settings.office));
  for (auto& [code, o] : registry) out->push_back(std::move(o));
}

}  // namespace

Result<StoreSetup> ReadSetup(const std::string& setup_dir) {
  fs::path dir(setup_dir);
  StoreSetup setup;
  auto setup_text = ReadFileText(dir / "setup.yaml");
  if (!setup_text.ok())
    return Status::Rejected(Tr("{0} is not a SETUP folder: no setup.yaml in it", setup_dir));
  auto sv = ParseYaml(*setup_text, "setup.yaml");
  if (!sv.ok()) return sv.status();
  // setup.yaml is settings plus the names of the division files.
  Value settings_value = *sv;
  settings_value.Set("schema", Value::String("settings/1"));
  std::string streets_file = "streets.csv", communities_file = "communities.csv";
  if (const Value* d = settings_value.Find("divisions"); d && d->is_map()) {
    if (const Value* s = d->Find("streets")) streets_file = s->text();
    if (const Value* c = d->Find("communities")) communities_file = c->text();
  }
  settings_value.Erase("divisions");
  auto settings = Settings::FromValue(settings_value, "setup.yaml");
  if (!settings.ok()) return settings.status();
  setup.settings = std::move(settings.value());
  auto team = TeamSettings::FromValue(*sv, "setup.yaml");
  if (!team.ok()) return team.status();
  setup.team = std::move(team.value());
  auto alerts = AlertSettings::FromValue(sv->Find("alerts"), "setup.yaml");
  if (!alerts.ok()) return alerts.status();
  setup.alerts = alerts.value();
  const std::string& district = setup.settings.district_code;
  const Vocabulary& vocab = setup.settings.vocab;

  DiagnosticSink sink;
  auto streets = ReadTable(dir, streets_file, {"code", "name", "district_code"});
  auto communities =
      ReadTable(dir, communities_file, {"code", "name", "street_code", "district_code"});
  auto grids = ReadTable(dir, "grids.csv", {"code", "name", "community_code"});
  for (const auto* t : {&streets, &communities, &grids})
    if (!t->ok()) return t->status();

  std::map<std::string, Street> by_street;
  for (const auto& row : streets->rows()) {
    if (streets->Cell(row, "district_code") != district) continue;
    Street s;
    s.code = streets->Cell(row, "code");
    s.name = streets->Cell(row, "name");
    s.district = district;
    if (!AllDigits(s.code, 9) || s.code.rfind(district, 0) != 0)
      sink.Error(streets->Where(row), "code",
                 Tr("street code {0} is not 9 digits of district {1}", s.code, district));
    by_street[s.code] = std::move(s);
  }
  if (by_street.empty())
    sink.Error({streets_file, 0, 0}, "district_code", Tr("no street of district {0}", district));
  std::map<std::string, std::pair<std::string, std::size_t>> community_pos;  // code → street, index
  for (const auto& row : communities->rows()) {
    if (communities->Cell(row, "district_code") != district) continue;
    Community c;
    c.code = communities->Cell(row, "code");
    c.name = communities->Cell(row, "name");
    c.short_name = ShortCommunityName(c.name);
    std::string street = communities->Cell(row, "street_code");
    auto it = by_street.find(street);
    if (it == by_street.end()) {
      sink.Error(communities->Where(row), "street_code", Tr("unknown street {0}", street));
      continue;
    }
    if (!AllDigits(c.code, 12) || c.code.rfind(street, 0) != 0) {
      sink.Error(communities->Where(row), "code",
                 Tr("community code {0} is not 12 digits of street {1}", c.code, street));
      continue;
    }
    community_pos[c.code] = {street, it->second.communities.size()};
    it->second.communities.push_back(std::move(c));
  }
  for (const auto& row : grids->rows()) {
    Grid g{grids->Cell(row, "code"), grids->Cell(row, "name")};
    std::string community = grids->Cell(row, "community_code");
    auto it = community_pos.find(community);
    if (it == community_pos.end()) {
      sink.Error(grids->Where(row), "community_code", Tr("unknown community {0}", community));
      continue;
    }
    if (!AllDigits(g.code, 15) || g.code.rfind(community, 0) != 0) {
      sink.Error(grids->Where(row), "code",
                 Tr("grid code {0} is not 15 digits of community {1}", g.code, community));
      continue;
    }
    by_street[it->second.first].communities[it->second.second].grids.push_back(std::move(g));
  }
  for (auto& [code, s] : by_street) setup.streets.push_back(std::move(s));
  AreaRegistry areas(setup.streets);

  auto orgs_text = ReadCsvFileUtf8((dir / "orgs.csv").string());
  if (!orgs_text.ok()) return orgs_text.status();
  auto orgs = ReadOrgsCsv(*orgs_text, "orgs.csv", vocab);
  if (!orgs.ok()) {
    sink.Append(orgs.status().diagnostics());
    if (orgs.status().diagnostics().empty()) return orgs.status();
  } else {
    setup.orgs = std::move(orgs.value());
  }
  OrgRegistry registry;
  for (const auto& o : setup.orgs) {
    if (!o.street.empty() && !areas.FindStreet(o.street))
      sink.Error({"orgs.csv", 0, 0}, "street_code", Tr("{0}: unknown street {1}", o.id, o.street));
    if (!o.community.empty() && !areas.FindCommunity(o.community))
      sink.Error({"orgs.csv", 0, 0}, "community_code",
                 Tr("{0}: unknown community {1}", o.id, o.community));
    registry[o.id] = o;
  }
  auto med_text = ReadCsvFileUtf8((dir / "mediators.csv").string());
  if (!med_text.ok()) return med_text.status();
  auto mediators = ReadMediatorsCsv(*med_text, "mediators.csv", vocab, registry);
  if (!mediators.ok()) {
    sink.Append(mediators.status().diagnostics());
    if (mediators.status().diagnostics().empty()) return mediators.status();
  } else {
    setup.mediators = std::move(mediators.value());
  }
  if (mediators.ok() && fs::exists(dir / "trainings.csv")) {
    MediatorRegistry roster;
    for (const auto& m : setup.mediators) roster[m.id] = m;
    auto tr_text = ReadCsvFileUtf8((dir / "trainings.csv").string());
    if (!tr_text.ok()) return tr_text.status();
    auto trainings = ReadTrainingsCsv(*tr_text, "trainings.csv", vocab, roster);
    if (!trainings.ok()) {
      sink.Append(trainings.status().diagnostics());
      if (trainings.status().diagnostics().empty()) return trainings.status();
    } else {
      setup.trainings = std::move(trainings.value());
    }
  }
  ReadOffices(dir, setup.settings, registry, areas, &setup.offices, &sink);
  auto routing = ReadFileText(dir / "routing.yaml");
  if (!routing.ok()) {
    sink.Error({"routing.yaml", 0, 0}, "",
               _("the SETUP folder needs routing.yaml (the routing rules)"));
  } else {
    setup.routing_yaml = *routing;
    auto rules = LoadRoutingRules(setup.routing_yaml, "routing.yaml", vocab, registry, &areas);
    if (!rules.ok()) {
      sink.Append(rules.status().diagnostics());
      if (rules.status().diagnostics().empty())
        sink.Error({"routing.yaml", 0, 0}, "", rules.status().message());
    }
  }
  MEDIATE_RETURN_IF_ERROR(sink.ToStatus(TrN("{0} error in SETUP {1}; no store was created",
                                            "{0} errors in SETUP {1}; no store was created",
                                            sink.error_count(), sink.error_count(), setup_dir)));
  return setup;
}

std::vector<StoreSetup::File> StoreSetup::Files() const {
  std::vector<File> files;
  Value settings_value = settings.ToValue();
  team.AddTo(&settings_value);
  settings_value.Set("alerts", alerts.ToValue());
  files.push_back({"mediate.yaml", EmitYaml(settings_value)});
  for (const auto& s : streets)
    files.push_back({"areas/" + s.code + ".yaml", EmitYaml(s.ToValue())});
  for (const auto& o : orgs) files.push_back({o.Path(), EmitYaml(o.ToValue())});
  for (const auto& m : mediators) files.push_back({m.Path(), EmitYaml(m.ToValue())});
  for (const auto& t : trainings) files.push_back({t.Path(), EmitYaml(t.ToValue())});
  for (const auto& o : offices) files.push_back({o.Path(), EmitYaml(o.ToValue())});
  files.push_back({"rules/routing.yaml", routing_yaml});
  files.push_back({".gitattributes", GitAttributesText()});
  return files;
}

Result<std::string> CreateStore(const std::string& dir, const StoreSetup& setup,
                                const Signature& author, const WriteOptions& base,
                                const std::string& driver_exe) {
  std::error_code ec;
  if (fs::exists(dir, ec) && !fs::is_empty(dir, ec))
    return Status::Rejected(Tr("{0} already exists and is not empty; choose a new folder", dir));
  auto repo = GitRepo::Init(dir);
  if (!repo.ok()) return repo.status();
  WriteOptions options = base;
  options.holder = "mediate init by " + author.ToString();
  auto tx = WriteTransaction::Begin(dir, options);
  if (!tx.ok()) return tx.status();
  for (auto& f : setup.Files()) tx->Put(f.path, f.content);
  std::string message = "init: " + setup.settings.district_name + " (" +
                        setup.settings.district_code + ")\n\nMediate-Action: init\n";
  auto commit = tx->Commit(author, message);
  if (commit.ok() && !driver_exe.empty())
    MEDIATE_RETURN_IF_ERROR(RegisterMergeDriver(dir, driver_exe));
  return commit;
}

}  // namespace mediate
