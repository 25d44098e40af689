// lib/report/roster_table.cpp: the roster list, one mediator and the roster
// counts laid out as tables.
#include <catch2/catch.hpp>

#include "mediator_fixture.hpp"
#include "roster_table.hpp"

using namespace mediate;
using mediate::test::Base;

namespace {

std::string Text(const Cell& c) { return std::get<std::string>(c); }

}  // namespace

TEST_CASE("the roster table has the record field names and masks phones", "[roster]") {
  MediatorRegistry roster;
  Mediator m = Base();
  m.phone = "13800001234";
  m.grade = 4;
  m.specialties = {"neighbour", "family"};
  roster[m.id] = m;
  Mediator other = Base();
  other.id = "M-0002";
  roster[other.id] = other;
  Table t = RosterTable(roster, false, nullptr);
  // The machine formats' columns: every column but the labels only Chinese tables show.
  std::vector<std::string> names;
  for (const auto& c : t.columns)
    if (c.shown != ColumnShown::kLabelOnly) names.push_back(c.name);
  CHECK(names == std::vector<std::string>{"id", "name", "sex", "born", "org", "role", "employment",
                                          "grade", "graded", "specialties", "lecturer", "honours",
                                          "filed", "status", "phone"});
  auto cell = [&t](std::size_t row, const char* column) {
    return Text(t.rows[row][static_cast<std::size_t>(t.ColumnIndex(column))]);
  };
  REQUIRE(t.rows.size() == 2);
  CHECK(cell(0, "phone") == "138****1234");
  Table revealed = RosterTable(roster, true, nullptr);
  CHECK(Text(revealed.rows[0][static_cast<std::size_t>(revealed.ColumnIndex("phone"))]) ==
        "13800001234");
  CHECK(cell(0, "born") == "1970-05-01");
  CHECK(cell(0, "grade") == "4");
  CHECK(cell(0, "specialties") == "neighbour;family");
  CHECK(cell(0, "lecturer") == "false");
  CHECK(cell(1, "grade").empty());  // not graded
  // Labels are filled only when translation is on; in English they stay empty.
  CHECK(cell(0, "grade_label").empty());
  Table kept = RosterTable(roster, false, [](const Mediator& x) { return x.id == "M-0002"; });
  REQUIRE(kept.rows.size() == 1);
  CHECK(Text(kept.rows[0][0]) == "M-0002");
}

TEST_CASE("roster counts as rows by dimension, in a fixed order", "[roster]") {
  RosterCounts n;
  n.active = 6;
  n.by_grade = {{0, 1}, {1, 1}, {2, 2}, {4, 2}};
  n.by_employment = {{"full_time", 4}, {"part_time", 2}};
  n.by_role = {{"member", 6}};
  n.by_sex = {{"female", 5}, {"male", 1}};
  n.lecturers = 2;
  n.honoured = 1;
  n.by_honour = {{"平安之星", 1}};
  Table t = RosterStatsTable(
      n, [](const std::string& vocab, const std::string& code) { return vocab + ":" + code; });
  REQUIRE(t.columns.size() == 5);
  CHECK(t.columns[4].name == "mediators");
  CHECK(t.columns[1].shown == ColumnShown::kLabelOnly);  // dimension_label: Chinese tables only
  // dimension, value, label, mediators — worked out by hand from `n`.
  using Row = std::tuple<std::string, std::string, std::string, std::int64_t>;
  std::vector<Row> want = {{"active", "", "在册调解员", 6},
                           {"grade", "4", "四级", 2},
                           {"grade", "3", "三级", 0},
                           {"grade", "2", "二级", 2},
                           {"grade", "1", "一级", 1},
                           {"grade", "1-2", "一级至二级", 3},
                           {"grade", "none", "未评级", 1},
                           {"employment", "full_time", "employment:full_time", 4},
                           {"employment", "part_time", "employment:part_time", 2},
                           {"role", "member", "mediator_role:member", 6},
                           {"sex", "female", "sex:female", 5},
                           {"sex", "male", "sex:male", 1},
                           {"lecturer", "true", "授课骨干", 2},
                           {"honours", "any", "获得荣誉", 1},
                           {"honour", "平安之星", "平安之星", 1}};
  std::vector<Row> got;
  for (const auto& r : t.rows)
    got.emplace_back(Text(r[0]), Text(r[2]), Text(r[3]), std::get<std::int64_t>(r[4]));
  CHECK(got == want);
  CHECK(t.totals.empty());
  CHECK(t.notes.empty());
}

TEST_CASE("a mediator card leaves empty fields out and masks the phone", "[roster]") {
  OrgRegistry orgs;
  Organisation o;
  o.id = "C-1";
  o.name = "东风社区人民调解委员会";
  orgs[o.id] = o;
  Mediator m = Base();
  m.phone = "13800001234";
  m.honours = {"平安之星", "优秀调解员"};
  Rating r;
  r.grade = 3;
  r.date = *Date::Parse("2022-03-01");
  r.by = "评定员 <r@example.org>";
  r.basis = "年度考核";
  m.ratings.push_back(r);
  Table t = MediatorCard(m, orgs, false);
  std::vector<std::pair<std::string, std::string>> got;
  for (const auto& r : t.rows) got.emplace_back(Text(r[0]), Text(r[1]));
  std::vector<std::pair<std::string, std::string>> want = {
      {"id", "M-0001"},
      {"name", "王芳"},
      {"sex", "female"},
      {"born", "1970-05-01"},
      {"org", "C-1  东风社区人民调解委员会"},
      {"role", "member"},
      {"employment", "part_time"},
      {"honours", "平安之星, 优秀调解员"},
      {"status", "active"},
      {"phone", "138****1234"},
      {"rating", "2022-03-01  grade 3  评定员 <r@example.org>  年度考核"}};
  CHECK(got == want);
  CHECK(Text(MediatorCard(m, orgs, true).rows[9][1]) == "13800001234");
}
