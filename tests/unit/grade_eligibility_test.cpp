// lib/domain/grade_eligibility.cpp: mediators' records from case summaries and
// training, escalations from timelines, thresholds per grade (the table:
// eligibility_table_test.cpp).
#include <catch2/catch.hpp>

#include "grade_eligibility.hpp"

using namespace mediate;
using Catch::Matchers::Contains;

namespace {

Date D(const char* s) { return *Date::Parse(s); }

CaseSummary Concluded(int n, const std::string& mediator, const char* outcome, const char* form) {
  CaseSummary c;
  c.id = "C-" + std::to_string(n);
  c.received = D("2024-01-01");
  c.concluded = D("2024-01-10");
  c.outcome = outcome;
  c.agreement_form = form;
  c.mediators = {mediator};
  return c;
}

MediatorRegistry Roster() {
  MediatorRegistry r;
  Mediator m;
  m.id = "M-1";
  m.name = "王芳";
  m.filed = D("2021-06-01");
  m.status = "active";
  r[m.id] = m;
  m.id = "M-2";
  m.filed = D("2024-06-01");
  r[m.id] = m;
  return r;
}

}  // namespace

TEST_CASE("escalations are charged to the mediators assigned at the time", "[grades]") {
  Case c;
  auto ev = [&](const char* type, std::vector<std::string> mediators = {}) {
    Event e;
    e.type = type;
    if (!mediators.empty()) e.payload.Set("mediators", Value::Strings(mediators));
    c.events.push_back(e);
  };
  ev("received");
  ev("routed");
  ev("assigned", {"M-1", "M-2"});
  ev("escalated");
  ev("assigned", {"M-3"});
  ev("agreed");
  CHECK(EscalatedFrom(c) == std::vector<std::string>{"M-1", "M-2"});
}

TEST_CASE("records count concluded cases, success, oral share, training, years", "[grades]") {
  std::vector<CaseSummary> cases;
  for (int i = 0; i < 60; ++i)
    cases.push_back(
        Concluded(i, "M-1", i < 54 ? "agreed" : "terminated", i < 10 ? "oral" : "written"));
  CaseSummary late = Concluded(99, "M-1", "agreed", "written");
  late.concluded = D("2026-01-01");  // after the as-of date: not counted
  cases.push_back(late);
  CaseSummary pending = Concluded(98, "M-1", "", "");
  pending.concluded = Date();
  cases.push_back(pending);
  Training t;
  t.date = D("2024-02-01");
  t.hours_tenths = 205;
  t.attendees = {"M-1"};
  auto records = ComputeRecordsFrom(cases, {{"C-5", {"M-1"}}}, {t}, Roster(), D("2025-06-01"));
  const MediatorRecord& r = records.at("M-1");
  CHECK(r.years == 4);
  CHECK(r.cases == 60);
  CHECK(r.agreed == 54);
  CHECK(r.oral == 10);
  CHECK(r.success() == Approx(0.9));
  CHECK(r.oral_share() == Approx(10.0 / 54));
  CHECK(r.training_tenths == 205);
  CHECK(r.escalations == 1);
  CHECK(records.at("M-2").years == 1);

  GradeThresholds g4{4, 2, 50, 85, 30, 20, 0};
  auto unmet = UnmetThresholds(r, g4);
  REQUIRE(unmet.size() == 1);
  CHECK(unmet[0] == "escalations 1 > 0");
  MediatorRecord fresh;
  auto all = UnmetThresholds(fresh, g4);
  CHECK(all.size() == 4);  // years unknown, cases, success, training (oral 0% passes)
}

TEST_CASE("grade checks: each active mediator against each grade with thresholds", "[grades]") {
  std::map<std::string, MediatorRecord> records;
  MediatorRecord good;
  good.years = 4;
  good.cases = 60;
  good.agreed = 54;  // 90% success
  good.training_tenths = 205;
  records["M-1"] = good;
  MediatorRegistry roster = Roster();  // M-1 and M-2, both active
  Mediator gone = roster.at("M-1");
  gone.id = "M-0";
  gone.status = "retired";
  roster[gone.id] = gone;
  roster["M-1"].grade = 3;
  roster["M-1"].org = "C-1";
  TeamSettings team;
  team.grades.clear();
  team.grades[4] = GradeThresholds{4, 2, 50, 85, 30, 20, 0};
  team.grades[2] = GradeThresholds{2, 1, 10, -1, -1, -1, -1};
  // Grade 3 has no thresholds: left out. Grades are checked lowest first.
  auto checks = CheckGrades(records, roster, team, {4, 3, 2});
  REQUIRE(checks.size() == 4);  // (M-1, M-2) x (2, 4); retired M-0 not checked
  CHECK(checks[0].checked_grade == 2);
  CHECK(checks[0].id == "M-1");
  CHECK(checks[0].name == "王芳");
  CHECK(checks[0].org == "C-1");
  CHECK(checks[0].current_grade == 3);
  CHECK(checks[0].record.cases == 60);
  CHECK(checks[0].eligible());
  CHECK(checks[1].checked_grade == 2);
  CHECK(checks[1].id == "M-2");
  // M-2 has no record: years unknown, 0 cases.
  CHECK(checks[1].record.years == -1);
  CHECK(checks[1].unmet == std::vector<std::string>{"years unknown < 1", "cases 0 < 10"});
  CHECK_FALSE(checks[1].eligible());
  CHECK(checks[2].checked_grade == 4);
  CHECK(checks[2].id == "M-1");
  CHECK(checks[2].eligible());
  CHECK(checks[3].id == "M-2");
  CHECK(checks[3].unmet.size() == 4);  // years, cases, success, training
}
