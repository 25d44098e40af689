// lib/domain/roster.cpp and lib/records/mediator.cpp: checking and editing mediators,
// ratings, the idempotent import plan, the roster counts (the tables:
// roster_table_test.cpp).
#include <catch2/catch.hpp>

#include "mediator_fixture.hpp"
#include "roster.hpp"
#include "store_init.hpp"
#include "vocab.hpp"
#include "yaml_io.hpp"

using namespace mediate;
using Catch::Matchers::Contains;
using mediate::test::Base;

namespace {

OrgRegistry Orgs() {
  OrgRegistry orgs;
  Organisation c;
  c.id = "C-1";
  c.name = "东风社区人民调解委员会";
  c.kind = "community_committee";
  c.level = "community";
  orgs[c.id] = c;
  Organisation old = c;
  old.id = "C-OLD";
  old.status = "retired";
  orgs[old.id] = old;
  return orgs;
}

std::string Messages(const DiagnosticSink& sink) {
  std::string s;
  for (const auto& d : sink.items()) s += d.ToString() + "\n";
  return s;
}

const char* kCsv =
    "id,name,sex,born,org,role,employment,specialties,grade,graded,lecturer,honours,filed,status,"
    "phone\n"
    "M-0001,王芳,female,1970-05-01,C-1,chair,full_time,neighbour,4,2021-01-01,true,平安之星,2015-"
    "06-01,active,13800001234\n"
    "M-0002,李强,male,1980-01-01,C-1,member,part_time,,,,,,2016-01-01,active,\n";

}  // namespace

TEST_CASE("a mediator must be an adult on a registered, active organisation", "[roster]") {
  DiagnosticSink sink;
  Mediator m = Base();
  m.born = *Date::Parse("2010-01-01");
  m.org = "C-OLD";
  CheckMediator(m, Vocabulary::Builtin(), Orgs(), *Date::Parse("2026-03-01"), {"M-0001", 0, 0},
                &sink);
  std::string all = Messages(sink);
  CHECK_THAT(all, Contains("adult citizen (People's Mediation Law Art. 14)"));
  CHECK_THAT(all, Contains("organisation C-OLD is retired"));

  DiagnosticSink ok;
  CheckMediator(Base(), Vocabulary::Builtin(), Orgs(), *Date::Parse("2026-03-01"), {"M-0001", 0, 0},
                &ok);
  CHECK_FALSE(ok.has_errors());
}

TEST_CASE("the 18th birthday decides adulthood", "[roster]") {
  Mediator m = Base();
  m.born = *Date::Parse("2008-03-02");
  DiagnosticSink before, on;
  CheckMediator(m, Vocabulary::Builtin(), Orgs(), *Date::Parse("2026-03-01"), {"x", 0, 0}, &before);
  CheckMediator(m, Vocabulary::Builtin(), Orgs(), *Date::Parse("2026-03-02"), {"x", 0, 0}, &on);
  CHECK(before.has_errors());
  CHECK_FALSE(on.has_errors());
}

TEST_CASE("fields are set from what people type", "[roster]") {
  Mediator m = Base();
  auto st = ApplyMediatorFields(&m,
                                {{"role", "主任"},
                                 {"employment", "专职"},
                                 {"specialties", "邻里纠纷，labour"},
                                 {"lecturer", "true"},
                                 {"grade", "3"},
                                 {"phone", "138 0000 1234"},
                                 {"term_end", "2027-12-31"}},
                                Vocabulary::Builtin());
  REQUIRE(st.ok());
  CHECK(m.role == "chair");
  CHECK(m.employment == "full_time");
  CHECK(m.specialties == std::vector<std::string>{"neighbour", "labour"});
  CHECK(m.lecturer);
  CHECK(m.grade == 3);
  CHECK(m.phone == "13800001234");
  CHECK(m.term_end.ToString() == "2027-12-31");

  auto bad =
      ApplyMediatorFields(&m, {{"grade", "5"}, {"born", "1970-02-30"}}, Vocabulary::Builtin());
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.diagnostics().size() == 2);
  auto unknown = ApplyMediatorFields(&m, {{"shoe_size", "42"}}, Vocabulary::Builtin());
  CHECK(unknown.kind() == ErrorKind::kUsage);
}

TEST_CASE("a rating records grade, date, who and basis and survives a round trip", "[roster]") {
  Mediator m = Base();
  REQUIRE(ApplyRating(&m, 3, *Date::Parse("2024-06-01"), "王某 <w@example.org>",
                      "区调解协会2024年第3号评定决定")
              .ok());
  CHECK(m.grade == 3);
  CHECK(m.graded.ToString() == "2024-06-01");
  REQUIRE(m.ratings.size() == 1);
  auto v = ParseYaml(EmitYaml(m.ToValue()), m.Path());
  REQUIRE(v.ok());
  auto back = Mediator::FromValue(*v, m.Path(), Vocabulary::Builtin());
  REQUIRE(back.ok());
  REQUIRE(back->ratings.size() == 1);
  CHECK(back->ratings[0].basis == "区调解协会2024年第3号评定决定");
  CHECK(back->ratings[0].by == "王某 <w@example.org>");
  CHECK(back->ToValue().SameAs(m.ToValue()));

  CHECK_FALSE(ApplyRating(&m, 3, *Date::Parse("2024-06-01"), "x", "").ok());
  CHECK_FALSE(ApplyRating(&m, 0, *Date::Parse("2024-06-01"), "x", "b").ok());
  m.status = "retired";
  CHECK_FALSE(ApplyRating(&m, 2, *Date::Parse("2024-06-01"), "x", "b").ok());
}

TEST_CASE("unknown keys of a mediator and its ratings are kept, warned, written last", "[roster]") {
  const std::string text =
      "schema: \"mediator/1\"\n"                                       // 1
      "id: \"M-0001\"\n"                                               // 2
      "wechat: \"wx-0001\"\n"                                          // 3
      "name: \"王芳\"\n"                                               // 4
      "org: \"C-1\"\n"                                                 // 5
      "status: \"active\"\n"                                           // 6
      "ratings:\n"                                                     // 7
      "  - {grade: 3, committee: \"区协会\", date: \"2024-06-01\"}\n"  // 8
      "certificates: [\"调解员证\"]\n";                                // 9
  auto v = ParseYaml(text, "mediators/M-0001.yaml");
  REQUIRE(v.ok());
  DiagnosticSink warnings;
  auto m = Mediator::FromValue(*v, "mediators/M-0001.yaml", Vocabulary::Builtin(), &warnings);
  REQUIRE(m.ok());
  // The ratings are read first, then the top level's leftover keys.
  CHECK(Messages(warnings) ==
        "mediators/M-0001.yaml:8:27: warning: ratings[0].committee: unknown field (kept as is)\n"
        "mediators/M-0001.yaml:3:9: warning: wechat: unknown field (kept as is)\n"
        "mediators/M-0001.yaml:9:15: warning: certificates: unknown field (kept as is)\n");
  m->phone = "13900001111";  // an edit
  CHECK(EmitYaml(m->ToValue()) ==
        "schema: \"mediator/1\"\n"
        "id: \"M-0001\"\n"
        "name: \"王芳\"\n"
        "org: \"C-1\"\n"
        "lecturer: false\n"
        "status: \"active\"\n"
        "phone: \"13900001111\"\n"
        "ratings:\n"
        "  - {grade: 3, date: \"2024-06-01\", committee: \"区协会\"}\n"
        "wechat: \"wx-0001\"\n"
        "certificates: [\"调解员证\"]\n");
  // Without a sink the warnings are not reported, and a failing record
  // carries them in its status with the errors.
  CHECK(Mediator::FromValue(*v, "mediators/M-0001.yaml", Vocabulary::Builtin()).ok());
  auto bad = ParseYaml(text + "grade: 9\n", "mediators/M-0001.yaml");
  REQUIRE(bad.ok());
  DiagnosticSink unused;
  auto refused = Mediator::FromValue(*bad, "mediators/M-0001.yaml", Vocabulary::Builtin(), &unused);
  REQUIRE_FALSE(refused.ok());
  CHECK(unused.items().empty());
  CHECK(refused.status().diagnostics().size() == 4);
}

TEST_CASE("unknown keys of an organisation are kept, warned, written last", "[roster]") {
  const std::string text =
      "schema: \"org/1\"\n"
      "founded: \"1985-06-01\"\n"
      "id: \"C-1\"\n"
      "name: \"东风社区人民调解委员会\"\n"
      "kind: \"community_committee\"\n"
      "level: \"community\"\n";
  auto v = ParseYaml(text, "orgs/C-1.yaml");
  REQUIRE(v.ok());
  DiagnosticSink warnings;
  auto o = Organisation::FromValue(*v, "orgs/C-1.yaml", Vocabulary::Builtin(), &warnings);
  REQUIRE(o.ok());
  CHECK(Messages(warnings) == "orgs/C-1.yaml:2:10: warning: founded: unknown field (kept as is)\n");
  CHECK(EmitYaml(o->ToValue()) ==
        "schema: \"org/1\"\n"
        "id: \"C-1\"\n"
        "name: \"东风社区人民调解委员会\"\n"
        "kind: \"community_committee\"\n"
        "level: \"community\"\n"
        "status: \"active\"\n"
        "founded: \"1985-06-01\"\n");
}

TEST_CASE("importing the same roster again changes nothing - extra fields survive", "[roster]") {
  auto first = ReadMediatorsCsv(kCsv, "mediators.csv", Vocabulary::Builtin(), Orgs());
  REQUIRE(first.ok());
  auto plan = PlanMediatorImport({}, *first);
  CHECK(plan.added.size() == 2);
  MediatorRegistry roster;
  for (auto m : *first) roster[m.id] = m;
  REQUIRE(ApplyRating(&roster["M-0002"], 4, *Date::Parse("2024-01-01"), "x", "决定").ok());
  roster["M-0001"].education = "本科";

  auto again = PlanMediatorImport(roster, *first);
  // M-0001 keeps its education and is unchanged; M-0002's CSV row says no
  // grade, so the import takes it back (the CSV is the roster's source).
  CHECK(again.added.empty());
  CHECK(again.unchanged == 1);
  REQUIRE(again.updated.size() == 1);
  CHECK(again.updated[0].id == "M-0002");
  CHECK(again.updated[0].ratings.size() == 1);
  CHECK(again.changed_fields[0] == std::vector<std::string>{"grade", "graded"});
}

TEST_CASE("roster counts cover active mediators only", "[roster]") {
  MediatorRegistry roster;
  Mediator a = Base();  // female, part_time, member, not graded
  a.id = "M-0001";
  a.honours = {"平安之星", "优秀调解员"};
  Mediator b = Base();
  b.id = "M-0002";
  b.sex = "male";
  b.employment = "full_time";
  b.role = "chair";
  b.grade = 4;
  b.lecturer = true;
  b.honours = {"平安之星"};
  Mediator c = Base();
  c.id = "M-0003";
  c.grade = 2;
  Mediator gone = Base();
  gone.id = "M-0004";
  gone.grade = 4;
  gone.lecturer = true;
  gone.honours = {"平安之星"};
  gone.status = "retired";
  for (const Mediator* m : {&a, &b, &c, &gone}) roster[m->id] = *m;
  RosterCounts n = CountRoster(roster);
  CHECK(n.active == 3);
  CHECK(n.by_grade == std::map<int, std::int64_t>{{0, 1}, {2, 1}, {4, 1}});
  CHECK(n.grade(4) == 1);
  CHECK(n.grade(3) == 0);
  CHECK(n.by_employment == std::map<std::string, std::int64_t>{{"full_time", 1}, {"part_time", 2}});
  CHECK(n.by_role == std::map<std::string, std::int64_t>{{"chair", 1}, {"member", 2}});
  CHECK(n.by_sex == std::map<std::string, std::int64_t>{{"female", 2}, {"male", 1}});
  CHECK(n.lecturers == 1);
  CHECK(n.honoured == 2);
  CHECK(n.by_honour == std::map<std::string, std::int64_t>{{"优秀调解员", 1}, {"平安之星", 2}});
  CHECK(CountRoster({}).active == 0);
}
