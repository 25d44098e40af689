// lib/base/table.cpp: finding a column by name and selecting columns.
#include <catch2/catch.hpp>

#include "table.hpp"

using namespace mediate;

namespace {

Table Sample() {
  Table t;
  t.columns = {{"id", "编号", ColumnKind::kCode},
               {"name", "姓名", ColumnKind::kText},
               {"cases", "案件", ColumnKind::kInt}};
  t.rows = {{std::string("M-1"), std::string("王芳"), std::int64_t{3}},
            {std::string("M-2"), std::string("李强"), std::int64_t{5}}};
  t.totals = {std::string("total"), std::string(), std::int64_t{8}};
  t.notes = {"2 mediators"};
  return t;
}

}  // namespace

TEST_CASE("a column is found by its name", "[table]") {
  Table t = Sample();
  CHECK(t.ColumnIndex("id") == 0);
  CHECK(t.ColumnIndex("cases") == 2);
  CHECK(t.ColumnIndex("编号") == -1);  // a heading is not a name
}

TEST_CASE("selected columns keep their kind and cells, in the order asked", "[table]") {
  Table s = SelectColumns(Sample(), {"cases", "id"});
  REQUIRE(s.columns.size() == 2);
  CHECK(s.columns[0].name == "cases");
  CHECK(s.columns[0].heading == "案件");
  CHECK(s.columns[0].kind == ColumnKind::kInt);
  CHECK(s.columns[1].name == "id");
  CHECK(s.columns[1].kind == ColumnKind::kCode);
  REQUIRE(s.rows.size() == 2);
  CHECK(std::get<std::int64_t>(s.rows[0][0]) == 3);
  CHECK(std::get<std::string>(s.rows[0][1]) == "M-1");
  CHECK(std::get<std::int64_t>(s.rows[1][0]) == 5);
  CHECK(std::get<std::string>(s.rows[1][1]) == "M-2");
  REQUIRE(s.totals.size() == 2);
  CHECK(std::get<std::int64_t>(s.totals[0]) == 8);
  CHECK(std::get<std::string>(s.totals[1]) == "total");
  CHECK(s.notes.empty());  // notes are the caller's
}

TEST_CASE("selecting a column the table lacks gives an empty text column", "[table]") {
  Table s = SelectColumns(Sample(), {"id", "phone"});
  REQUIRE(s.columns.size() == 2);
  CHECK(s.columns[1].name == "phone");
  CHECK(s.columns[1].heading == "phone");
  CHECK(s.columns[1].kind == ColumnKind::kText);
  REQUIRE(s.rows.size() == 2);
  CHECK(std::holds_alternative<std::monostate>(s.rows[0][1]));
  CHECK(std::holds_alternative<std::monostate>(s.totals[1]));
  Table none = SelectColumns(Table{}, {"id"});
  CHECK(none.rows.empty());
  CHECK(none.totals.empty());
}
