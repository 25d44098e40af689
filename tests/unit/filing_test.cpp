// lib/report/filing.cpp: the annual filing lists and the items to complete.
#include <catch2/catch.hpp>

#include "filing.hpp"
#include "vocab.hpp"

using namespace mediate;
using Catch::Matchers::Contains;

namespace {

Date D(const char* s) { return *Date::Parse(s); }

Mediator Med(const char* id, const char* filed, const char* phone = "13800001234") {
  Mediator m;
  m.id = id;
  m.name = "调解员";
  m.sex = "female";
  m.born = D("1970-01-01");
  m.org = "C-1";
  m.role = "member";
  m.employment = "part_time";
  m.filed = D(filed);
  m.phone = phone;
  return m;
}

}  // namespace

TEST_CASE("the filing lists the year's committees and mediators", "[filing]") {
  OrgRegistry orgs;
  Organisation c;
  c.id = "C-1";
  c.name = "东风社区人民调解委员会";
  c.kind = "community_committee";
  c.level = "community";
  orgs[c.id] = c;
  Organisation room = c;
  room.id = "B-1";
  room.kind = "brand_room";
  orgs[room.id] = room;

  MediatorRegistry ms;
  ms["M-1"] = Med("M-1", "2020-01-01");
  ms["M-2"] = Med("M-2", "2025-03-01", "12345");  // filed during the year, bad phone
  ms["M-3"] = Med("M-3", "2026-01-05");           // filed after the year: not listed
  ms["M-4"] = Med("M-4", "2019-01-01");
  ms["M-4"].status = "retired";
  ms["M-4"].retired = D("2026-02-01");  // retired after the year: still listed
  ms["M-5"] = Med("M-5", "2019-01-01");
  ms["M-5"].status = "retired";
  ms["M-5"].retired = D("2025-06-01");  // retired during the year: not listed
  ms["M-6"] = Med("M-6", "2018-01-01");
  ms["M-6"].role = "";
  ms["M-6"].born = D("2010-01-01");

  FilingList f =
      BuildFilingList(orgs, ms, AreaRegistry(), TeamSettings{}, Vocabulary::Builtin(), 2025, false);
  REQUIRE(f.committees.rows.size() == 1);  // the brand room is not a committee
  std::vector<std::string> ids;
  for (const auto& r : f.mediators.rows) ids.push_back(std::get<std::string>(r[0]));
  CHECK(ids == std::vector<std::string>{"M-1", "M-2", "M-4", "M-6"});
  CHECK(std::get<std::string>(f.mediators.rows[1][10]) == "true");  // new in 2025
  CHECK(std::get<std::string>(f.mediators.rows[0][11]) == "138****1234");

  std::string problems;
  for (const auto& r : f.problems.rows)
    problems += std::get<std::string>(r[0]) + " " + std::get<std::string>(r[2]) + ": " +
                std::get<std::string>(r[4]) + "\n";
  // The field's Chinese name is for Chinese tables only: empty in English.
  CHECK(f.problems.columns[3].shown == ColumnShown::kLabelOnly);
  CHECK(std::get<std::string>(f.problems.rows[0][3]).empty());
  CHECK_THAT(problems, Contains("M-2 phone: phone is neither a mobile nor a landline number"));
  CHECK_THAT(problems, Contains("M-6 role: role (chair, member or engaged) is missing"));
  CHECK_THAT(problems, Contains("M-6 born: born 2010-01-01: not an adult"));
  CHECK_THAT(problems, Contains("C-1 street: street is missing"));
  CHECK_THAT(problems, Contains("C-1 members: has no chair"));

  std::string html = RenderFilingHtml(f, "万柏林区");
  CHECK_THAT(html, Contains("<title>万柏林区 2025年度人民调解组织和人民调解员备案登记</title>"));
  CHECK_THAT(html, Contains("人民调解委员会 1 个，人民调解员 4 名"));
  CHECK_THAT(html, !Contains("13800001234"));
}
