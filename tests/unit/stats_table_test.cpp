// lib/report/stats_table.cpp: statistics results rendered as Tables — the
// columns (names, headings, kinds), rows, totals and notes of hand-made
// results.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "stats_table.hpp"

using namespace mediate;

namespace {

MeasureValue Int(Measure m, std::int64_t n) { return MeasureValue::Integer(m, n); }
MeasureValue Real(Measure m, double x) { return MeasureValue::Real(m, x); }
MeasureValue None(Measure m) { return MeasureValue::Empty(m); }

bool IsEmpty(const Cell& c) { return std::holds_alternative<std::monostate>(c); }

}  // namespace

TEST_CASE("a stats result as a table: dimension columns, measure columns, totals", "[stats]") {
  StatsResult r;
  r.dimensions = {{"category", "类别", true}, {"month", "", false}};
  r.measures = {Measure::kCases, Measure::kAmount, Measure::kSuccessRate, Measure::kMedianDays};
  StatsRow a;
  a.key = {{"labour", "劳动争议"}, {"2022-01", ""}};
  a.values = {Int(Measure::kCases, 3), Int(Measure::kAmount, 350001),
              Real(Measure::kSuccessRate, 0.5), Real(Measure::kMedianDays, 15.5)};
  StatsRow b;
  b.key = {{"", ""}, {"2022-02", ""}};
  b.values = {Int(Measure::kCases, 1), Int(Measure::kAmount, 0), None(Measure::kSuccessRate),
              None(Measure::kMedianDays)};
  r.rows = {a, b};
  r.totals.values = {Int(Measure::kCases, 4), Int(Measure::kAmount, 350001),
                     Real(Measure::kSuccessRate, 0.5), Real(Measure::kMedianDays, 15.5)};
  r.notes = {"period 2022: cases counted by the date received"};

  Table t = StatsTable(r);
  REQUIRE(t.columns.size() == 7);
  std::vector<std::string> names, headings;
  for (const auto& c : t.columns) {
    names.push_back(c.name);
    headings.push_back(c.heading);
  }
  CHECK(names == std::vector<std::string>{"category", "category_label", "month", "cases", "amount",
                                          "success_rate", "median_days"});
  CHECK(headings == std::vector<std::string>{"category", "类别", "month", "案件数", "涉及金额",
                                             "调解成功率", "调结天数中位数"});
  CHECK(t.columns[0].kind == ColumnKind::kCode);
  CHECK(t.columns[1].kind == ColumnKind::kText);
  CHECK(t.columns[2].kind == ColumnKind::kCode);
  CHECK(t.columns[3].kind == ColumnKind::kInt);
  CHECK(t.columns[4].kind == ColumnKind::kMoney);
  CHECK(t.columns[5].kind == ColumnKind::kPercent);
  CHECK(t.columns[6].kind == ColumnKind::kDecimal);

  REQUIRE(t.rows.size() == 2);
  const auto& r0 = t.rows[0];
  REQUIRE(r0.size() == 7);
  CHECK(std::get<std::string>(r0[0]) == "labour");
  CHECK(std::get<std::string>(r0[1]) == "劳动争议");
  CHECK(std::get<std::string>(r0[2]) == "2022-01");
  CHECK(std::get<std::int64_t>(r0[3]) == 3);
  CHECK(std::get<std::int64_t>(r0[4]) == 350001);
  CHECK(std::get<double>(r0[5]) == 0.5);
  CHECK(std::get<double>(r0[6]) == 15.5);
  const auto& r1 = t.rows[1];
  CHECK(std::get<std::string>(r1[0]).empty());
  CHECK(std::get<std::int64_t>(r1[4]) == 0);
  CHECK(IsEmpty(r1[5]));
  CHECK(IsEmpty(r1[6]));

  REQUIRE(t.totals.size() == 7);
  CHECK(std::get<std::string>(t.totals[0]) == "total");
  CHECK(IsEmpty(t.totals[1]));
  CHECK(IsEmpty(t.totals[2]));
  CHECK(std::get<std::int64_t>(t.totals[3]) == 4);
  CHECK(std::get<double>(t.totals[5]) == 0.5);
  CHECK(t.notes == r.notes);
}

TEST_CASE("a cross result as a table: a column per value and a total column", "[stats]") {
  CrossResult x;
  x.row_dimension = {"category", "类别", true};
  x.column_dimension = {"mediator", "调解员", true};
  x.measure = Measure::kCases;
  x.row_values = {{"labour", "劳动争议"}, {"neighbour", "邻里纠纷"}};
  x.column_values = {{"M-1", "张三"}, {"M-2", ""}, {"", ""}};
  x.cells = {{Int(Measure::kCases, 2), Int(Measure::kCases, 1), None(Measure::kCases)},
             {None(Measure::kCases), Int(Measure::kCases, 1), Int(Measure::kCases, 4)}};
  x.row_totals = {Int(Measure::kCases, 2), Int(Measure::kCases, 5)};
  x.column_totals = {Int(Measure::kCases, 2), Int(Measure::kCases, 2), Int(Measure::kCases, 4)};
  x.total = Int(Measure::kCases, 7);
  x.notes = {"category by mediator: cases"};

  Table t = CrossStatsTable(x);
  std::vector<std::string> names, headings;
  for (const auto& c : t.columns) {
    names.push_back(c.name);
    headings.push_back(c.heading);
  }
  // A value without a label is headed by its code; the empty code is "none".
  CHECK(names ==
        std::vector<std::string>{"category", "category_label", "M-1", "M-2", "none", "total"});
  CHECK(headings ==
        std::vector<std::string>{"category", "类别", "张三", "M-2", "(mediator none)", "合计"});
  for (std::size_t i = 2; i < t.columns.size(); ++i) CHECK(t.columns[i].kind == ColumnKind::kInt);
  REQUIRE(t.rows.size() == 2);
  CHECK(std::get<std::string>(t.rows[0][0]) == "labour");
  CHECK(std::get<std::string>(t.rows[0][1]) == "劳动争议");
  CHECK(std::get<std::int64_t>(t.rows[0][2]) == 2);
  CHECK(std::get<std::int64_t>(t.rows[0][3]) == 1);
  CHECK(IsEmpty(t.rows[0][4]));
  CHECK(std::get<std::int64_t>(t.rows[0][5]) == 2);
  CHECK(IsEmpty(t.rows[1][2]));
  CHECK(std::get<std::int64_t>(t.rows[1][4]) == 4);
  CHECK(std::get<std::int64_t>(t.rows[1][5]) == 5);
  REQUIRE(t.totals.size() == 6);
  CHECK(std::get<std::string>(t.totals[0]) == "total");
  CHECK(IsEmpty(t.totals[1]));
  CHECK(std::get<std::int64_t>(t.totals[2]) == 2);
  CHECK(std::get<std::int64_t>(t.totals[4]) == 4);
  CHECK(std::get<std::int64_t>(t.totals[5]) == 7);
  CHECK(t.notes == x.notes);

  // A second dimension without labels: columns headed by their codes.
  x.column_dimension = {"month", "", false};
  x.column_values = {{"2022-01", ""}, {"2022-02", ""}, {"", ""}};
  Table m = CrossStatsTable(x);
  CHECK(m.columns[2].heading == "2022-01");
  CHECK(m.columns[4].name == "none");
  CHECK(m.columns[4].heading == "(month none)");
}
