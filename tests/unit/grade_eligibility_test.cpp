// lib/domain/grade_eligibility.cpp: mediators' records from case summaries and
// training, escalations from timelines, thresholds per grade.
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

TEST_CASE("the eligibility table lists eligible active mediators per grade", "[grades]") {
  std::vector<CaseSummary> cases;
  for (int i = 0; i < 50; ++i) cases.push_back(Concluded(i, "M-1", "agreed", "written"));
  Training t;
  t.date = D("2024-02-01");
  t.hours_tenths = 200;
  t.attendees = {"M-1", "M-2"};
  auto records = ComputeRecordsFrom(cases, {}, {t}, Roster(), D("2025-06-01"));
  TeamSettings team;
  Table eligible = EligibilityTable(records, Roster(), team, {4}, false);
  REQUIRE(eligible.rows.size() == 1);
  CHECK(std::get<std::string>(eligible.rows[0][0]) == "M-1");
  Table all = EligibilityTable(records, Roster(), team, {4}, true);
  REQUIRE(all.rows.size() == 2);
  CHECK(std::get<std::string>(all.rows[1][11]) == "no");
  CHECK_THAT(std::get<std::string>(all.rows[1][12]), Contains("years 1 < 2"));
}
