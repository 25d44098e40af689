// lib/report/eligibility_table.cpp: grade checks laid out as the
// `mediator eligible` table.
#include <catch2/catch.hpp>

#include "eligibility_table.hpp"

using namespace mediate;

namespace {

std::string Text(const Cell& c) { return std::get<std::string>(c); }
bool Empty(const Cell& c) { return std::holds_alternative<std::monostate>(c); }

std::vector<GradeCheck> Checks() {
  GradeCheck yes;
  yes.id = "M-1";
  yes.name = "王芳";
  yes.org = "C-1";
  yes.current_grade = 3;
  yes.checked_grade = 4;
  yes.record.years = 4;
  yes.record.cases = 60;
  yes.record.agreed = 54;
  yes.record.oral = 9;
  yes.record.training_tenths = 205;
  yes.record.escalations = 1;
  GradeCheck no;
  no.id = "M-2";
  no.name = "李强";
  no.org = "C-2";
  no.checked_grade = 4;
  no.unmet = {"years unknown < 2", "cases 0 < 50"};
  return {yes, no};
}

}  // namespace

TEST_CASE("the eligibility table lists eligible checks unless all are asked for", "[grades]") {
  Table eligible = EligibilityTable(Checks(), false);
  std::vector<std::string> names;
  for (const auto& c : eligible.columns) names.push_back(c.name);
  CHECK(names == std::vector<std::string>{"id", "name", "org", "grade", "checked_grade", "years",
                                          "cases", "success", "oral_share", "training_hours",
                                          "escalations", "eligible", "unmet"});
  REQUIRE(eligible.rows.size() == 1);
  const auto& r = eligible.rows[0];
  CHECK(Text(r[0]) == "M-1");
  CHECK(Text(r[1]) == "王芳");
  CHECK(Text(r[2]) == "C-1");
  CHECK(Text(r[3]) == "3");
  CHECK(Text(r[4]) == "4");
  CHECK(std::get<std::int64_t>(r[5]) == 4);
  CHECK(std::get<std::int64_t>(r[6]) == 60);
  CHECK(std::get<double>(r[7]) == Approx(0.9));        // 54 / 60
  CHECK(std::get<double>(r[8]) == Approx(1.0 / 6.0));  // 9 / 54
  CHECK(std::get<double>(r[9]) == Approx(20.5));       // 205 tenths
  CHECK(std::get<std::int64_t>(r[10]) == 1);
  CHECK(Text(r[11]) == "yes");
  CHECK(Text(r[12]).empty());
  REQUIRE(eligible.notes.size() == 1);
  CHECK(eligible.notes[0] ==
        "1 eligible (mediator, grade) pairs; thresholds from mediate.yaml grades (grade 4 "
        "defaults: Guangdong 2020; store setting, local practice)");

  Table all = EligibilityTable(Checks(), true);
  REQUIRE(all.rows.size() == 2);
  const auto& n = all.rows[1];
  CHECK(Text(n[3]).empty());  // not graded
  CHECK(Empty(n[5]));         // years unknown
  CHECK(std::get<std::int64_t>(n[6]) == 0);
  CHECK(Empty(n[7]));  // no cases: no success rate
  CHECK(Empty(n[8]));  // none agreed: no oral share
  CHECK(Text(n[11]) == "no");
  CHECK(Text(n[12]) == "years unknown < 2; cases 0 < 50");
  CHECK(all.notes == eligible.notes);  // the count covers every check, listed or not
}
