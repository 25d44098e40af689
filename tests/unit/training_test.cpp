// lib/domain/training.cpp, training_measures.cpp and lib/report/training_stats.cpp: the
// training record, reading trainings.csv, the idempotent import plan, IDs, and the measures
// (sessions, trainee-times, coverage, hours per mediator, due list).
#include <catch2/catch.hpp>

#include "training.hpp"
#include "training_stats.hpp"
#include "vocab.hpp"
#include "yaml_io.hpp"

using namespace mediate;
using Catch::Matchers::Contains;

namespace {

Mediator Med(const char* id, const char* org = "C-1", const char* status = "active") {
  Mediator m;
  m.id = id;
  m.name = std::string("调解员") + id;
  m.sex = "female";
  m.org = org;
  m.status = status;
  return m;
}

MediatorRegistry Roster() {
  MediatorRegistry r;
  for (auto m : {Med("M-0001"), Med("M-0002"), Med("M-0003", "C-2"), Med("M-0004", "C-2"),
                 Med("M-0009", "C-2", "retired")})
    r[m.id] = m;
  return r;
}

Training Session(const char* id, const char* date, int tenths, std::vector<std::string> who) {
  Training t;
  t.id = id;
  t.date = *Date::Parse(date);
  t.kind = "theory";
  t.title = "人民调解法解读";
  t.level = "district";
  t.hours_tenths = tenths;
  t.lecturer = "external";
  t.attendees = std::move(who);
  return t;
}

const char* kCsv =
    "id,date,kind,title,level,hours,lecturer,attendees\n"
    "T-2020-001,2020-03-01,theory,人民调解法解读,district,6,M-0001,M-0002;M-0003\n"
    "T-2020-002,2020-04-01,心理重建,当事人情绪疏导,街道,1.5,external,M-0001\n";

}  // namespace

TEST_CASE("hours are read in tenths with at most one decimal", "[training]") {
  CHECK(ParseHoursTenths("6") == 60);
  CHECK(ParseHoursTenths("1.5") == 15);
  CHECK(ParseHoursTenths("2.0") == 20);
  CHECK_FALSE(ParseHoursTenths("0"));
  CHECK_FALSE(ParseHoursTenths("1.25"));
  CHECK_FALSE(ParseHoursTenths("六"));
  CHECK_FALSE(ParseHoursTenths(""));
  CHECK(FormatHours(60) == "6");
  CHECK(FormatHours(15) == "1.5");
}

TEST_CASE("a training record round-trips through YAML", "[training]") {
  Training t = Session("T-2020-001", "2020-03-01", 15, {"M-0001", "M-0002"});
  CHECK(t.Path() == "trainings/2020/T-2020-001.yaml");
  std::string text = EmitYaml(t.ToValue());
  CHECK_THAT(text, Contains("hours: 1.5\n"));
  auto v = ParseYaml(text, t.Path());
  REQUIRE(v.ok());
  auto back = Training::FromValue(*v, t.Path(), Vocabulary::Builtin());
  REQUIRE(back.ok());
  CHECK(back->ToValue().SameAs(t.ToValue()));
}

TEST_CASE("a training record in the wrong year's folder is refused", "[training]") {
  Training t = Session("T-2020-001", "2020-03-01", 60, {"M-0001"});
  auto v = ParseYaml(EmitYaml(t.ToValue()), "trainings/2021/T-2020-001.yaml");
  REQUIRE(v.ok());
  auto back = Training::FromValue(*v, "trainings/2021/T-2020-001.yaml", Vocabulary::Builtin());
  REQUIRE_FALSE(back.ok());
  CHECK_THAT(back.status().diagnostics().front().message,
             Contains("belongs at trainings/2020/T-2020-001.yaml"));
}

TEST_CASE("trainings.csv is read with labels, decimals and references checked", "[training]") {
  auto got = ReadTrainingsCsv(kCsv, "trainings.csv", Vocabulary::Builtin(), Roster());
  REQUIRE(got.ok());
  REQUIRE(got->size() == 2);
  CHECK((*got)[1].kind == "psychology");
  CHECK((*got)[1].level == "street");
  CHECK((*got)[1].hours_tenths == 15);
  CHECK((*got)[0].attendees == std::vector<std::string>{"M-0002", "M-0003"});
}

TEST_CASE("trainings.csv errors name the line and column, all at once", "[training]") {
  std::string bad =
      "id,date,kind,title,level,hours,lecturer,attendees\n"
      "T-1,2020-02-30,theory,x,district,6,M-0001,M-0002\n"
      "T-1,2020-03-01,cooking,x,district,-2,M-0404,M-0002;M-0002;M-0777\n";
  auto got = ReadTrainingsCsv(bad, "trainings.csv", Vocabulary::Builtin(), Roster());
  REQUIRE_FALSE(got.ok());
  std::string all;
  Status st = got.status();
  for (const auto& d : st.diagnostics()) all += d.ToString() + "\n";
  CHECK_THAT(all, Contains("trainings.csv:2: date: \"2020-02-30\" is not a date"));
  CHECK_THAT(all, Contains("trainings.csv:3: kind: unknown training kind \"cooking\""));
  CHECK_THAT(all, Contains("trainings.csv:3: hours:"));
  CHECK_THAT(all, Contains("trainings.csv:3: lecturer: unknown mediator M-0404"));
  CHECK_THAT(all, Contains("M-0002 is listed twice"));
  CHECK_THAT(all, Contains("not on the roster: M-0777"));
  CHECK_THAT(all, Contains("duplicate id T-1 (first at line 2)"));
}

TEST_CASE("importing the same sessions again adds nothing - a changed one is an update",
          "[training]") {
  auto first = ReadTrainingsCsv(kCsv, "trainings.csv", Vocabulary::Builtin(), Roster());
  REQUIRE(first.ok());
  auto plan = PlanTrainingImport({}, *first);
  CHECK(plan.added.size() == 2);
  auto again = PlanTrainingImport(*first, *first);
  CHECK(again.added.empty());
  CHECK(again.updated.empty());
  CHECK(again.unchanged == 2);
  auto changed = *first;
  changed[0].attendees.push_back("M-0004");
  changed[1].date = *Date::Parse("2021-01-05");
  auto upd = PlanTrainingImport(*first, changed);
  CHECK(upd.updated.size() == 2);
  CHECK(upd.moved_from == std::vector<std::string>{"trainings/2020/T-2020-002.yaml"});
}

TEST_CASE("unknown keys of a training record survive a rewrite and an import", "[training]") {
  const std::string text =
      "schema: \"training/1\"\n"
      "id: \"T-2020-001\"\n"
      "date: \"2020-03-01\"\n"
      "venue: \"区司法局三楼\"\n"
      "kind: \"theory\"\n"
      "title: \"人民调解法解读\"\n"
      "level: \"district\"\n"
      "hours: 6\n"
      "lecturer: \"M-0001\"\n"
      "attendees: [\"M-0002\", \"M-0003\"]\n";
  auto v = ParseYaml(text, "trainings/2020/T-2020-001.yaml");
  REQUIRE(v.ok());
  DiagnosticSink warnings;
  auto t =
      Training::FromValue(*v, "trainings/2020/T-2020-001.yaml", Vocabulary::Builtin(), &warnings);
  REQUIRE(t.ok());
  REQUIRE(warnings.items().size() == 1);
  CHECK(warnings.items()[0].ToString() ==
        "trainings/2020/T-2020-001.yaml:4:8: warning: venue: unknown field (kept as is)");
  std::string out = EmitYaml(t->ToValue());
  CHECK_THAT(out,
             Contains("attendees:\n  - \"M-0002\"\n  - \"M-0003\"\nvenue: \"区司法局三楼\"\n"));

  // The same session imported again from trainings.csv is unchanged (its
  // venue alone does not make it differ); a changed one keeps its venue.
  auto csv = ReadTrainingsCsv(kCsv, "trainings.csv", Vocabulary::Builtin(), Roster());
  REQUIRE(csv.ok());
  std::vector<Training> incoming = {csv->front()};
  auto plan = PlanTrainingImport({*t}, incoming);
  CHECK(plan.unchanged == 1);
  CHECK(plan.updated.empty());
  incoming[0].hours_tenths = 45;
  plan = PlanTrainingImport({*t}, incoming);
  REQUIRE(plan.updated.size() == 1);
  CHECK(plan.updated[0].hours_tenths == 45);
  CHECK_THAT(EmitYaml(plan.updated[0].ToValue()),
             Contains("hours: 4.5\n") && Contains("venue: \"区司法局三楼\"\n"));
}

TEST_CASE("measures: sessions, trainee-times, coverage over active mediators", "[training]") {
  std::vector<Training> ts = {Session("T-1", "2020-03-01", 60, {"M-0001", "M-0002", "M-0009"}),
                              Session("T-2", "2021-03-01", 40, {"M-0001"}),
                              Session("T-3", "2023-03-01", 20, {"M-0003"})};
  DateRange period{*Date::Parse("2020-01-01"), *Date::Parse("2022-12-31")};
  TrainingMeasures m = MeasureTraining(ts, Roster(), period);
  CHECK(m.sessions == 2);
  CHECK(m.trainee_times == 4);          // the retired M-0009 attended: still a trainee-time
  CHECK(m.person_hours_tenths == 220);  // 6 h × 3 + 4 h × 1
  CHECK(m.active_mediators == 4);
  CHECK(m.trained_active == 2);
  CHECK(m.coverage() == Approx(0.5));
  CHECK(m.hours_per_mediator() == Approx((6 + 4 + 6) / 4.0));
}

TEST_CASE("periods are whole years or dates", "[training]") {
  auto y = ParsePeriod("2020-2022", "", "");
  REQUIRE(y.ok());
  CHECK(y->from.ToString() == "2020-01-01");
  CHECK(y->to.ToString() == "2022-12-31");
  CHECK(ParsePeriod("2022", "", "")->to.ToString() == "2022-12-31");
  CHECK_FALSE(ParsePeriod("2022-2020", "", "").ok());
  CHECK_FALSE(ParsePeriod("", "2022-02-30", "").ok());
  CHECK_FALSE(ParsePeriod("2022", "2022-01-01", "").ok());
  auto open = ParsePeriod("", "2021-06-01", "");
  REQUIRE(open.ok());
  CHECK(open->Contains(*Date::Parse("2030-01-01")));
  CHECK_FALSE(open->Contains(*Date::Parse("2021-05-31")));
}

TEST_CASE("stats by year and by org", "[training]") {
  std::vector<Training> ts = {Session("T-1", "2020-03-01", 60, {"M-0001", "M-0003"}),
                              Session("T-2", "2021-03-01", 40, {"M-0001"})};
  OrgRegistry orgs;
  auto by_year = TrainingStatsTable(ts, Roster(), orgs, {}, "year",
                                    [](const std::string&) { return std::string(); });
  REQUIRE(by_year.ok());
  REQUIRE(by_year->rows.size() == 2);
  CHECK(std::get<std::string>(by_year->rows[0][0]) == "2020");
  CHECK(std::get<std::int64_t>(by_year->totals[2]) == 2);  // sessions
  auto by_org = TrainingStatsTable(ts, Roster(), orgs, {}, "org",
                                   [](const std::string&) { return std::string(); });
  REQUIRE(by_org.ok());
  REQUIRE(by_org->rows.size() == 2);
  // C-2: M-0003 and M-0004 active; M-0003 trained → coverage 50%.
  CHECK(std::get<double>(by_org->rows[1][7]) == Approx(0.5));
  CHECK_FALSE(TrainingStatsTable(ts, Roster(), orgs, {}, "colour", [](const std::string&) {
                return std::string();
              }).ok());
}

TEST_CASE("due lists active mediators below the yearly hours", "[training]") {
  std::vector<Training> ts = {Session("T-1", "2022-03-01", 200, {"M-0001"}),
                              Session("T-2", "2022-05-01", 60, {"M-0002"}),
                              Session("T-3", "2021-05-01", 300, {"M-0003"})};
  auto roster = Roster();
  roster["M-0004"].filed = *Date::Parse("2023-01-10");  // filed after the year: not due
  Table t = TrainingDueTable(ts, roster, {}, 2022, 20);
  REQUIRE(t.rows.size() == 2);
  CHECK(std::get<std::string>(t.rows[0][0]) == "M-0003");  // 0 h in 2022
  CHECK(std::get<std::string>(t.rows[1][0]) == "M-0002");  // 6 h
  CHECK(std::get<double>(t.rows[1][7]) == Approx(14.0));
}

TEST_CASE("training groups by org: a group's sessions are its members'", "[training]") {
  // C-1: M-0001, M-0002 active; C-2: M-0003, M-0004 active, M-0009 retired.
  std::vector<Training> ts = {Session("T-1", "2020-03-01", 60, {"M-0001", "M-0003"}),
                              Session("T-2", "2021-03-01", 40, {"M-0001"})};
  auto g = GroupTraining(ts, Roster(), {}, {}, "org", [](const std::string&) { return ""; });
  REQUIRE(g.ok());
  REQUIRE(g->groups.size() == 2);
  const TrainingGroup& c1 = g->groups[0];
  CHECK(c1.key == "C-1");
  CHECK(c1.measures.sessions == 2);       // T-1 and T-2, both attended by M-0001
  CHECK(c1.measures.trainee_times == 3);  // every attendee of those sessions
  CHECK(c1.measures.active_mediators == 2);
  CHECK(c1.measures.trained_active == 1);
  CHECK(c1.measures.hours_per_mediator() == Approx((6 + 4) / 2.0));
  const TrainingGroup& c2 = g->groups[1];
  CHECK(c2.key == "C-2");
  CHECK(c2.measures.sessions == 1);
  CHECK(c2.measures.coverage() == Approx(0.5));
  CHECK(g->total.sessions == 2);  // not 3: group sessions overlap
  CHECK(g->total.trained_active == 2);
  auto bad = GroupTraining(ts, Roster(), {}, {}, "colour", [](const std::string&) { return ""; });
  REQUIRE_FALSE(bad.ok());
  CHECK_THAT(bad.status().message(), Contains("year, kind, level, lecturer, org, mediator"));
}

TEST_CASE("training due: active mediators filed by the year, below the hours, fewest first",
          "[training]") {
  std::vector<Training> ts = {Session("T-1", "2022-03-01", 200, {"M-0001"}),
                              Session("T-2", "2022-05-01", 60, {"M-0002"}),
                              Session("T-3", "2021-05-01", 300, {"M-0003"})};
  auto roster = Roster();
  roster["M-0004"].filed = *Date::Parse("2023-01-10");
  TrainingDue due = FindTrainingDue(ts, roster, 2022, 20);
  CHECK(due.year == 2022);
  CHECK(due.required_hours == 20);
  REQUIRE(due.below.size() == 2);  // M-0001 has exactly 20 h: not below
  CHECK(due.below[0].mediator->id == "M-0003");
  CHECK(due.below[0].sessions == 0);  // T-3 was in 2021
  CHECK(due.below[1].mediator->id == "M-0002");
  CHECK(due.below[1].sessions == 1);
  CHECK(due.below[1].hours_tenths == 60);
}
