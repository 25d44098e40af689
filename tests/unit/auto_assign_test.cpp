// lib/write/auto_assign.cpp: who gets a case — specialists first, the grade a
// rule asks for, the fewest open cases of the group, then in all, then id.
#include <catch2/catch.hpp>

#include "auto_assign.hpp"

using namespace mediate;

namespace {

Mediator M(const char* id, const char* org, int grade, std::vector<std::string> specialties,
           const char* status = "active") {
  Mediator m;
  m.id = id;
  m.name = std::string("调解员") + id;
  m.org = org;
  m.grade = grade;
  m.specialties = std::move(specialties);
  m.status = status;
  return m;
}

MediatorRegistry Roster() {
  MediatorRegistry r;
  for (Mediator m : {M("M-01", "ORG", 3, {"neighbour"}), M("M-02", "ORG", 0, {"neighbour"}),
                     M("M-03", "ORG", 2, {"labour"}), M("M-04", "ORG", 1, {}),
                     M("M-05", "ORG", 1, {"neighbour"}, "retired"), M("M-06", "OTHER", 1, {})})
    r[m.id] = m;
  return r;
}

AssignableCase C(const char* id, const char* category, int grade = 0) {
  return {id, "ORG", category, grade, {}};
}

}  // namespace

TEST_CASE("grade requirement: grade number at most N, ungraded never", "[auto_assign]") {
  CHECK(MeetsGrade(2, 2));
  CHECK(MeetsGrade(1, 2));
  CHECK_FALSE(MeetsGrade(3, 2));
  CHECK_FALSE(MeetsGrade(0, 4));  // ungraded ranks below grade 4
  CHECK(MeetsGrade(0, 0));        // no requirement
}

TEST_CASE("preference group: active specialists of the org, else all eligible", "[auto_assign]") {
  MediatorRegistry r = Roster();
  CHECK(PreferenceGroup("ORG", "neighbour", 0, r) == std::vector<std::string>{"M-01", "M-02"});
  // grade 2 or higher: no neighbour specialist qualifies (M-05 is retired) → all eligible
  CHECK(PreferenceGroup("ORG", "neighbour", 2, r) == std::vector<std::string>{"M-03", "M-04"});
  CHECK(PreferenceGroup("ORG", "contract", 0, r) ==
        std::vector<std::string>{"M-01", "M-02", "M-03", "M-04"});
  CHECK(PreferenceGroup("ORG", "contract", 1, r) == std::vector<std::string>{"M-04"});
  CHECK(PreferenceGroup("NONE", "contract", 0, r).empty());
}

TEST_CASE("a batch alternates within the group and is deterministic", "[auto_assign]") {
  MediatorRegistry r = Roster();
  std::vector<AssignableCase> batch = {C("A1", "neighbour"), C("A2", "neighbour"),
                                       C("A3", "neighbour"), C("A4", "labour")};
  auto plan = PlanAssignments(batch, {}, r);
  REQUIRE(plan.size() == 4);
  CHECK(plan[0].chosen == "M-01");  // tie 0/0: lowest id
  CHECK(plan[1].chosen == "M-02");  // fewest open of the group
  CHECK(plan[2].chosen == "M-01");
  CHECK(plan[3].chosen == "M-03");  // the only labour specialist
  CHECK(plan[3].group == "specialists in labour");
  CHECK(PlanAssignments(batch, {}, r)[2].chosen == "M-01");
}

TEST_CASE("existing open cases count, group first then all", "[auto_assign]") {
  MediatorRegistry r = Roster();
  // M-01 already holds two neighbour cases: M-02 gets the next two.
  std::vector<AssignableCase> open = {{"O1", "ORG", "neighbour", 0, {"M-01"}},
                                      {"O2", "ORG", "neighbour", 0, {"M-01"}}};
  auto plan = PlanAssignments({C("A1", "neighbour"), C("A2", "neighbour")}, open, r);
  CHECK(plan[0].chosen == "M-02");
  CHECK(plan[1].chosen == "M-02");
  // A contract case (group of all four): M-01 holds neighbour cases, not
  // cases of this group; group loads tie at 0, then M-01 has 2 open cases in
  // all and the others none, so the lowest id of those wins.
  auto c = PlanAssignments({C("B1", "contract")}, open, r);
  CHECK(c[0].chosen == "M-02");
  CHECK(c[0].because.find("as many open cases in all (0) as another, and the lowest id") !=
        std::string::npos);
  // with M-02 and M-03 busy elsewhere too, M-04 has the fewest in all
  open.push_back({"O3", "ORG", "neighbour", 0, {"M-02"}});
  open.push_back({"O4", "ORG", "labour", 0, {"M-03"}});
  c = PlanAssignments({C("B1", "contract")}, open, r);
  CHECK(c[0].chosen == "M-04");
  CHECK(c[0].because.find("and the fewest open cases in all (0)") != std::string::npos);
}

TEST_CASE("no eligible mediator: no choice, with the reason", "[auto_assign]") {
  MediatorRegistry r = Roster();
  auto plan = PlanAssignments({C("A1", "contract", 1), {"X", "NONE", "contract", 0, {}}}, {}, r);
  CHECK(plan[0].chosen == "M-04");
  CHECK(plan[1].chosen.empty());
  CHECK(plan[1].because == "no active mediator belongs to NONE");
  MediatorRegistry weak;
  weak["M-09"] = M("M-09", "ORG", 4, {});
  auto none = PlanAssignments({C("A1", "contract", 2)}, {}, weak);
  CHECK(none[0].chosen.empty());
  CHECK(none[0].because == "none of the 1 active mediators of ORG is grade 2 or higher");
  REQUIRE(none[0].candidates.size() == 1);
  CHECK_FALSE(none[0].candidates[0].eligible);
  CHECK(none[0].candidates[0].note == "grade 4: the rule asks for grade 2 or higher");
}

TEST_CASE("the required grade comes from the last routing event", "[auto_assign]") {
  Case c;
  Event routed;
  routed.type = "routed";
  routed.payload.Set("mediator_grade", Value::Int(2));
  c.events.push_back(routed);
  CHECK(RequiredGrade(c) == 2);
  Event up;
  up.type = "escalated";
  c.events.push_back(up);
  CHECK(RequiredGrade(c) == 0);
}
