// lib/report/consultation_table.cpp: consultation counts laid out by year.
#include <catch2/catch.hpp>

#include "consultation_table.hpp"

using namespace mediate;

TEST_CASE("consultation counts: a row per year, then a total row", "[consult]") {
  ConsultationCounts n;
  n.by_year[2026] = {3, 1, 2};
  n.by_year[2025] = {1, 1, 0};
  n.total = {4, 2, 2};
  Table t = ConsultationCountTable(n);
  std::vector<std::string> names;
  for (const auto& c : t.columns) names.push_back(c.name);
  CHECK(names == std::vector<std::string>{"year", "consultations", "to_case", "referred"});
  CHECK(t.columns[0].kind == ColumnKind::kCode);
  CHECK(t.columns[2].heading == "to case");
  using Row = std::tuple<std::string, std::int64_t, std::int64_t, std::int64_t>;
  std::vector<Row> got;
  for (const auto& r : t.rows)
    got.emplace_back(std::get<std::string>(r[0]), std::get<std::int64_t>(r[1]),
                     std::get<std::int64_t>(r[2]), std::get<std::int64_t>(r[3]));
  CHECK(got == std::vector<Row>{{"2025", 1, 1, 0}, {"2026", 3, 1, 2}, {"total", 4, 2, 2}});
  CHECK(t.totals.empty());  // the total is a row of its own
  CHECK(t.notes.empty());
}
