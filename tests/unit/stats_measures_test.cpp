// lib/domain/stats.cpp measures: the level funnel over concluded cases (share
// settled at each level, success rate) and counts by outcome.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "stats.hpp"
#include "stats_fixture.hpp"

using namespace mediate;
using mediate::test::Count;
using mediate::test::Real;

namespace {

CaseSummary Concluded(const char* level, const char* outcome) {
  CaseSummary c;
  c.level = level;
  c.outcome = outcome;
  return c;
}

int LevelRank(const std::string& dim, const std::string& code) {
  if (dim != "level") return -1;
  const char* order[] = {"grid", "community", "street", "district", "city"};
  for (int i = 0; i < 5; ++i)
    if (code == order[i]) return i;
  return -1;
}

Dimension Dim(const char* name) { return FindDimension(name, nullptr, LevelRank).value(); }

}  // namespace

TEST_CASE("stats --by level is the funnel over concluded cases", "[stats]") {
  // 10 concluded at grid (9 agreed), 6 at community (3 agreed), 4 at street
  // (2 agreed); 3 still mediating at community; 1 withdrawn at grid.
  std::vector<CaseSummary> cases;
  for (int i = 0; i < 9; ++i) cases.push_back(Concluded("grid", "agreed"));
  cases.push_back(Concluded("grid", "terminated"));
  for (int i = 0; i < 3; ++i) cases.push_back(Concluded("community", "agreed"));
  for (int i = 0; i < 3; ++i) cases.push_back(Concluded("community", "terminated"));
  for (int i = 0; i < 2; ++i) cases.push_back(Concluded("street", "agreed"));
  for (int i = 0; i < 2; ++i) cases.push_back(Concluded("street", "terminated"));
  for (int i = 0; i < 3; ++i) cases.push_back(Concluded("community", ""));
  cases.push_back(Concluded("grid", "withdrawn"));

  StatsPlan plan = DefaultPlan({"level"});
  CHECK(plan.measures == std::vector<Measure>{Measure::kCases, Measure::kShare, Measure::kAgreed,
                                              Measure::kSuccessRate});
  CHECK(plan.concluded_only);
  StatsResult t = Aggregate(cases, {Dim("level")}, plan.measures, nullptr, plan.concluded_only);
  REQUIRE(t.dimensions.size() == 1);
  CHECK(t.dimensions[0].name == "level");
  CHECK(t.dimensions[0].heading == "层级");
  CHECK(t.measures == plan.measures);
  REQUIRE(t.rows.size() == 3);
  const auto& row = t.rows;
  CHECK(row[0].key[0].code == "grid");
  CHECK(Count(row[0], Measure::kCases) == 10);
  CHECK(Real(row[0], Measure::kShare) == Approx(0.5));  // 10 of 20 concluded
  CHECK(Count(row[0], Measure::kAgreed) == 9);
  CHECK(Real(row[0], Measure::kSuccessRate) == Approx(0.9));
  CHECK(row[1].key[0].code == "community");
  CHECK(Count(row[1], Measure::kCases) == 6);
  CHECK(Real(row[1], Measure::kShare) == Approx(0.3));
  CHECK(Real(row[1], Measure::kSuccessRate) == Approx(0.5));
  CHECK(row[2].key[0].code == "street");
  CHECK(Real(row[2], Measure::kShare) == Approx(0.2));
  CHECK(Count(t.totals, Measure::kCases) == 20);
  CHECK(Real(t.totals, Measure::kShare) == Approx(1.0));
  CHECK(Count(t.totals, Measure::kAgreed) == 14);
  CHECK(Real(t.totals, Measure::kSuccessRate) == Approx(0.7));
  REQUIRE(t.notes.size() == 1);
  CHECK(t.notes[0] == "4 of 24 cases not concluded (neither agreed nor terminated) are left out");

  // The same with every case and an explicit concluded count.
  StatsResult all =
      Aggregate(cases, {Dim("level")}, {Measure::kCases, Measure::kConcluded}, nullptr);
  REQUIRE(all.rows.size() == 3);
  CHECK(Count(all.rows[0], Measure::kCases) == 11);  // grid: 10 concluded + 1 withdrawn
  CHECK(Count(all.rows[1], Measure::kCases) == 9);   // community: 6 + 3 mediating
  CHECK(Count(all.rows[1], Measure::kConcluded) == 6);
  CHECK(all.notes.empty());

  // Counts by outcome: every case, pending ones under "".
  StatsResult o = CountBy(cases, {Dim("outcome")}, nullptr);
  CHECK(o.measures == std::vector<Measure>{Measure::kCases});
  std::vector<std::pair<std::string, std::int64_t>> counts;
  for (const auto& r : o.rows) counts.emplace_back(r.key[0].code, Count(r, Measure::kCases));
  CHECK(counts == std::vector<std::pair<std::string, std::int64_t>>{
                      {"agreed", 14}, {"terminated", 6}, {"withdrawn", 1}, {"", 3}});
  CHECK(Count(o.totals, Measure::kCases) == 24);
}

TEST_CASE("measures are parsed by name", "[stats]") {
  auto m = ParseMeasures({"cases", "agreed", "share"});
  REQUIRE(m.ok());
  CHECK(*m == std::vector<Measure>{Measure::kCases, Measure::kAgreed, Measure::kShare});
  auto bad = ParseMeasures({"speed"});
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().kind() == ErrorKind::kUsage);
  CHECK(DefaultPlan({"category"}).measures == std::vector<Measure>{Measure::kCases});
  CHECK_FALSE(DefaultPlan({"category"}).concluded_only);
  CHECK_FALSE(DefaultPlan({"level", "street"}).concluded_only);
}

TEST_CASE("Aggregation counts one case at a time, in any order", "[stats]") {
  // Six cases by category and level, given in two orders; counts by hand:
  //   grid:      neighbour agreed, neighbour terminated, labour agreed
  //   community: neighbour agreed, labour (pending), labour agreed
  std::vector<CaseSummary> cases = {Concluded("grid", "agreed"), Concluded("grid", "terminated"),
                                    Concluded("grid", "agreed"), Concluded("community", "agreed"),
                                    Concluded("community", ""),  Concluded("community", "agreed")};
  const char* categories[] = {"neighbour", "neighbour", "labour", "neighbour", "labour", "labour"};
  for (std::size_t i = 0; i < cases.size(); ++i) cases[i].category = categories[i];
  const std::vector<Dimension> dims = {Dim("level"), Dim("category")};

  for (bool reversed : {false, true}) {
    INFO("reversed: " << reversed);
    AggregateOptions options;
    Aggregation a(dims, {Measure::kCases, Measure::kAgreed, Measure::kSuccessRate}, options);
    CrossTabulation x(dims, Measure::kCases, options);
    for (std::size_t k = 0; k < cases.size(); ++k) {
      const CaseSummary& c = cases[reversed ? cases.size() - 1 - k : k];
      a.Add(c);
      x.Add(c);
    }
    StatsResult t = a.Finish(nullptr);
    // Rows by level rank (grid before community), then category code.
    REQUIRE(t.rows.size() == 4);
    auto key = [&](std::size_t r) { return t.rows[r].key[0].code + "/" + t.rows[r].key[1].code; };
    CHECK(key(0) == "grid/labour");
    CHECK(key(1) == "grid/neighbour");
    CHECK(key(2) == "community/labour");
    CHECK(key(3) == "community/neighbour");
    CHECK(Count(t.rows[1], Measure::kCases) == 2);                 // grid/neighbour cases
    CHECK(Count(t.rows[1], Measure::kAgreed) == 1);                // of which agreed
    CHECK(Real(t.rows[1], Measure::kSuccessRate) == Approx(0.5));  // 1 of 2 concluded
    CHECK(Count(t.rows[2], Measure::kCases) == 2);                 // community/labour
    CHECK(Real(t.rows[2], Measure::kSuccessRate) == Approx(1.0));  // 1 agreed of 1 concluded
    CHECK(Count(t.totals, Measure::kCases) == 6);
    CHECK(Count(t.totals, Measure::kAgreed) == 4);
    CHECK(Real(t.totals, Measure::kSuccessRate) == Approx(0.8));  // 4 of 5 concluded

    CrossResult cross = x.Finish(nullptr);
    // Rows grid, community; columns labour, neighbour.
    REQUIRE(cross.column_values.size() == 2);
    CHECK(cross.column_values[0].code == "labour");
    CHECK(cross.column_values[1].code == "neighbour");
    REQUIRE(cross.row_values.size() == 2);
    CHECK(cross.row_values[0].code == "grid");
    CHECK(cross.cells[0][0].integer == 1);  // grid, labour
    CHECK(cross.cells[0][1].integer == 2);  // grid, neighbour
    CHECK(cross.row_totals[0].integer == 3);
    CHECK(cross.cells[1][0].integer == 2);  // community, labour
    CHECK(cross.cells[1][1].integer == 1);
    CHECK(cross.column_totals[0].integer == 3);
    CHECK(cross.column_totals[1].integer == 3);
    CHECK(cross.total.integer == 6);
  }
}
