// lib/report/column_view.cpp: the columns an output shows — labels only in
// the Chinese human table, codes elsewhere.
#include <catch2/catch.hpp>

#include "column_view.hpp"
#include "render.hpp"

using namespace mediate;

namespace {

std::vector<Column> Columns() {
  return {{"id", "id", ColumnKind::kCode},
          {"status", "status", ColumnKind::kCode, ColumnShown::kCodeOfLabel},
          {"status_label", "状态", ColumnKind::kText, ColumnShown::kLabelOnly},
          {"category", "category", ColumnKind::kCode, ColumnShown::kCodeOfLabel},
          {"category_label", "类别", ColumnKind::kText},
          {"cases", "cases", ColumnKind::kInt}};
}

std::vector<std::string> Names(const ColumnView& v) {
  std::vector<std::string> out;
  for (const Column& c : v.columns()) out.push_back(c.name);
  return out;
}

}  // namespace

TEST_CASE("labels only: codes beside labels left out, the Chinese labels shown", "[table]") {
  ColumnView zh(true, Columns());
  CHECK_FALSE(zh.whole());
  CHECK(Names(zh) == std::vector<std::string>{"id", "status_label", "category_label", "cases"});
  std::vector<Cell> row = {std::string("A-1"),     std::string("routed"), std::string("已分流"),
                           std::string("martian"), std::string(""),       std::int64_t{3}};
  auto cut = zh.Row(row);
  REQUIRE(cut.size() == 4);
  CHECK(std::get<std::string>(cut[0]) == "A-1");
  CHECK(std::get<std::string>(cut[1]) == "已分流");
  // A code no vocabulary knows has no label: its code is shown instead.
  CHECK(std::get<std::string>(cut[2]) == "martian");
  CHECK(std::get<std::int64_t>(cut[3]) == 3);
  // The totals' "total" stood in a code column that is left out: the first
  // cell shown says it (translated; English here, translation being off).
  std::vector<Cell> totals = {std::string("total"), Cell{}, Cell{}, Cell{}, Cell{},
                              std::int64_t{3}};
  auto t = zh.Totals(totals);
  CHECK(std::get<std::string>(t[0]) == "total");
  CHECK(std::get<std::int64_t>(t[3]) == 3);
}

TEST_CASE("codes: the label columns of the Chinese table alone are left out", "[table]") {
  ColumnView en(false, Columns());
  CHECK(Names(en) ==
        std::vector<std::string>{"id", "status", "category", "category_label", "cases"});
  auto cut = en.Row({std::string("A-1"), std::string("routed"), std::string("已分流"),
                     std::string("neighbour"), std::string("邻里纠纷"), std::int64_t{1}});
  REQUIRE(cut.size() == 5);
  CHECK(std::get<std::string>(cut[1]) == "routed");
  CHECK(std::get<std::string>(cut[3]) == "邻里纠纷");
  // A table without such columns is shown whole; CSV never has the labels
  // only the Chinese table shows.
  CHECK(ColumnView(true, {{"id", "id", ColumnKind::kCode}}).whole());
  Table table;
  table.columns = Columns();
  table.rows = {{std::string("A-1"), std::string("routed"), std::string("已分流"),
                 std::string("neighbour"), std::string("邻里纠纷"), std::int64_t{1}}};
  CHECK(RenderCsv(table) ==
        "id,status,category,category_label,cases\nA-1,routed,neighbour,邻里纠纷,1\n");
}
