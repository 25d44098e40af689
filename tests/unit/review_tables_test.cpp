// lib/report/review_tables.cpp: the check result and the review statistics
// laid out as tables.
#include <catch2/catch.hpp>

#include "review_tables.hpp"

using namespace mediate;

namespace {

std::string Zh(const std::string& code) { return "<" + code + ">"; }

std::string Text(const Cell& c) { return std::get<std::string>(c); }
std::int64_t Int(const Cell& c) { return std::get<std::int64_t>(c); }

}  // namespace

TEST_CASE("the check table has every automatic kind, zero counts included", "[review]") {
  ReviewCheckResult r;
  r.cases = 3;
  r.by_code["no_return_visit"] = {"A", "B"};
  r.by_code["over_time_limit"] = {"B"};
  r.cases_with_findings = 2;
  Table t = ReviewCheckTable(r, Zh);
  REQUIRE(t.columns.size() == 3);
  CHECK(t.columns[2].name == "cases");
  CHECK(t.columns[2].kind == ColumnKind::kInt);
  const auto& codes = AutomaticFindingCodes();
  REQUIRE(t.rows.size() == codes.size());
  for (std::size_t i = 0; i < codes.size(); ++i) {
    CHECK(Text(t.rows[i][0]) == codes[i]);
    CHECK(Text(t.rows[i][1]) == "<" + codes[i] + ">");
    std::int64_t want = codes[i] == "no_return_visit" ? 2 : codes[i] == "over_time_limit" ? 1 : 0;
    CHECK(Int(t.rows[i][2]) == want);
  }
  REQUIRE(t.totals.size() == 3);
  CHECK(Text(t.totals[0]) == "total");
  CHECK(Text(t.totals[1]) == "有问题的案件");
  CHECK(Int(t.totals[2]) == 2);
  REQUIRE(t.notes.size() == 1);
  CHECK(t.notes[0] == "3 case files checked; a case with several kinds counts once in the total");
}

TEST_CASE("the cases table has one row per finding, by kind then case", "[review]") {
  ReviewCheckResult r;
  r.by_code["over_time_limit"] = {"B"};
  r.by_code["no_return_visit"] = {"A", "B"};
  Table t = ReviewCasesTable(r, Zh);
  REQUIRE(t.rows.size() == 3);
  // over_time_limit comes before no_return_visit in AutomaticFindingCodes.
  CHECK(Text(t.rows[0][0]) == "over_time_limit");
  CHECK(Text(t.rows[0][2]) == "B");
  CHECK(Text(t.rows[1][0]) == "no_return_visit");
  CHECK(Text(t.rows[1][1]) == "<no_return_visit>");
  CHECK(Text(t.rows[1][2]) == "A");
  CHECK(Text(t.rows[2][2]) == "B");
  CHECK(t.totals.empty());
  CHECK(t.notes.empty());
}

TEST_CASE("review stats as one row with the three most frequent kinds", "[review]") {
  ReviewStats s;
  s.files = 5;
  s.typed = 7;
  s.individual = 2;
  s.files_with_problems = 4;
  s.score_sum = 250;
  s.scored = 3;
  s.kinds = {{"a", 3}, {"b", 2}, {"c", 1}, {"d", 1}};
  Table t = ReviewStatsTable(s, Zh);
  std::vector<std::string> names;
  for (const auto& c : t.columns) names.push_back(c.name);
  CHECK(names == std::vector<std::string>{"files_reviewed", "typed_problems", "typed_kinds",
                                          "individual_problems", "files_with_problems",
                                          "average_score"});
  REQUIRE(t.rows.size() == 1);
  CHECK(Int(t.rows[0][0]) == 5);
  CHECK(Int(t.rows[0][1]) == 7);
  CHECK(Int(t.rows[0][2]) == 4);
  CHECK(Int(t.rows[0][3]) == 2);
  CHECK(Int(t.rows[0][4]) == 4);
  CHECK(std::get<double>(t.rows[0][5]) == Approx(250.0 / 3));
  REQUIRE(t.notes.size() == 1);
  CHECK(t.notes[0] == "most frequent: a <a> (3), b <b> (2), c <c> (1)");

  ReviewStats none;
  Table empty = ReviewStatsTable(none, Zh);
  CHECK(std::holds_alternative<std::monostate>(empty.rows[0][5]));  // nothing scored
  CHECK(empty.notes.empty());
}

TEST_CASE("review kinds with their share of all typed problems", "[review]") {
  ReviewStats s;
  s.typed = 4;
  s.kinds = {{"a", 3}, {"b", 1}};
  Table t = ReviewKindsTable(s, Zh);
  REQUIRE(t.rows.size() == 2);
  CHECK(Text(t.rows[0][1]) == "<a>");
  CHECK(Int(t.rows[0][2]) == 3);
  CHECK(std::get<double>(t.rows[0][3]) == Approx(0.75));
  CHECK(std::get<double>(t.rows[1][3]) == Approx(0.25));
  REQUIRE(t.totals.size() == 4);
  CHECK(Text(t.totals[0]) == "total");
  CHECK(Int(t.totals[2]) == 4);
  CHECK(std::get<double>(t.totals[3]) == Approx(1.0));
  CHECK(std::get<double>(ReviewKindsTable(ReviewStats{}, Zh).totals[3]) == 0.0);
}
