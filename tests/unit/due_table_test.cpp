// lib/report/due_table.cpp: the due report laid out as a table.
#include <catch2/catch.hpp>

#include "due_table.hpp"

using namespace mediate;

TEST_CASE("the due table: one row per entry and a count of the overdue", "[due]") {
  DueEntry e;
  e.id = "WBL-2026-000001";
  e.category = "neighbour";
  e.org = "C-1";
  e.status = "mediating";
  e.deadline.kind = "conclude";
  e.deadline.due = *Date::Parse("2026-03-02");
  e.days_left = -3;
  DueList due;
  due.entries = {e};
  due.overdue = 1;
  Table t = DueTable(
      due, [](const std::string& field, const std::string& code) { return field + "=" + code; });
  std::vector<std::string> names;
  for (const auto& c : t.columns) names.push_back(c.name);
  CHECK(names == std::vector<std::string>{"kind", "kind_label", "id", "category", "category_label",
                                          "org", "org_label", "status", "status_label", "due",
                                          "days_left", "state"});
  // The codes beside labels are left out of the Chinese table, which alone
  // shows the organisation's and the status's labels.
  CHECK(t.columns[0].shown == ColumnShown::kCodeOfLabel);
  CHECK(t.columns[6].shown == ColumnShown::kLabelOnly);
  CHECK(t.columns[8].shown == ColumnShown::kLabelOnly);
  CHECK(t.columns[2].shown == ColumnShown::kAlways);
  REQUIRE(t.rows.size() == 1);
  const auto& r = t.rows[0];
  CHECK(std::get<std::string>(r[0]) == "conclude");
  CHECK(std::get<std::string>(r[1]) == "调结期限");
  CHECK(std::get<std::string>(r[2]) == "WBL-2026-000001");
  CHECK(std::get<std::string>(r[4]) == "category=neighbour");
  CHECK(std::get<std::string>(r[9]) == "2026-03-02");
  CHECK(std::get<std::int64_t>(r[10]) == -3);
  CHECK(std::get<std::string>(r[11]) == "3 days overdue");
  CHECK(t.notes == std::vector<std::string>{"1 item, 1 overdue"});
  // Without labels the category label is empty.
  Table bare = DueTable(DueList{}, nullptr);
  CHECK(bare.rows.empty());
  CHECK(bare.notes == std::vector<std::string>{"0 items, 0 overdue"});
}
