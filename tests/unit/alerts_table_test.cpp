// lib/report/alerts_table.cpp: early warnings laid out as a table.
#include <catch2/catch.hpp>

#include "alerts_table.hpp"

using namespace mediate;

TEST_CASE("the alerts table: kind, the case ids joined, their count, the reason", "[alerts]") {
  std::vector<Alert> alerts(2);
  alerts[0].kind = "overdue";
  alerts[0].case_ids = {"WBL-2026-000001"};
  alerts[0].reason = "past its deadline";
  alerts[1].kind = "repeated_grid";
  alerts[1].case_ids = {"WBL-2026-000002", "WBL-2026-000003", "WBL-2026-000004"};
  alerts[1].reason = "grid G-1 in 3 cases";
  Table t = AlertsTable(alerts);
  std::vector<std::string> names;
  for (const auto& c : t.columns) names.push_back(c.name);
  CHECK(names == std::vector<std::string>{"kind", "kind_label", "cases", "count", "reason"});
  CHECK(t.columns[0].shown == ColumnShown::kCodeOfLabel);
  CHECK(t.columns[1].shown == ColumnShown::kLabelOnly);  // the Chinese table's
  CHECK(t.columns[3].kind == ColumnKind::kInt);
  REQUIRE(t.rows.size() == 2);
  CHECK(std::get<std::string>(t.rows[0][1]) == "逾期未结");
  CHECK(std::get<std::string>(t.rows[0][2]) == "WBL-2026-000001");
  CHECK(std::get<std::int64_t>(t.rows[0][3]) == 1);
  CHECK(std::get<std::string>(t.rows[1][0]) == "repeated_grid");
  CHECK(std::get<std::string>(t.rows[1][1]) == "同一网格多发纠纷");
  CHECK(std::get<std::string>(t.rows[1][2]) == "WBL-2026-000002, WBL-2026-000003, WBL-2026-000004");
  CHECK(std::get<std::int64_t>(t.rows[1][3]) == 3);
  CHECK(std::get<std::string>(t.rows[1][4]) == "grid G-1 in 3 cases");
  CHECK(AlertsTable({}).rows.empty());
}
