// lib/domain/stats.cpp measures: the level funnel over concluded cases (share
// settled at each level, success rate) and counts by outcome.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "stats.hpp"

using namespace mediate;

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
  Table t = Aggregate(cases, {Dim("level")}, plan.measures, nullptr, plan.concluded_only);
  std::vector<std::string> names;
  for (const auto& c : t.columns) names.push_back(c.name);
  CHECK(names == std::vector<std::string>{"level", "level_label", "cases", "share", "agreed",
                                          "success_rate"});
  REQUIRE(t.rows.size() == 3);
  auto row = [&](std::size_t i) { return t.rows[i]; };
  CHECK(std::get<std::string>(row(0)[0]) == "grid");
  CHECK(std::get<std::int64_t>(row(0)[2]) == 10);
  CHECK(std::get<double>(row(0)[3]) == Approx(0.5));  // 10 of 20 concluded
  CHECK(std::get<std::int64_t>(row(0)[4]) == 9);
  CHECK(std::get<double>(row(0)[5]) == Approx(0.9));
  CHECK(std::get<std::string>(row(1)[0]) == "community");
  CHECK(std::get<std::int64_t>(row(1)[2]) == 6);
  CHECK(std::get<double>(row(1)[3]) == Approx(0.3));
  CHECK(std::get<double>(row(1)[5]) == Approx(0.5));
  CHECK(std::get<std::string>(row(2)[0]) == "street");
  CHECK(std::get<double>(row(2)[3]) == Approx(0.2));
  CHECK(std::get<std::int64_t>(t.totals[2]) == 20);
  CHECK(std::get<double>(t.totals[3]) == Approx(1.0));
  CHECK(std::get<std::int64_t>(t.totals[4]) == 14);
  CHECK(std::get<double>(t.totals[5]) == Approx(0.7));
  REQUIRE(t.notes.size() == 1);
  CHECK(t.notes[0] == "4 of 24 cases not concluded (neither agreed nor terminated) are left out");

  // The same with every case and an explicit concluded count.
  Table all = Aggregate(cases, {Dim("level")}, {Measure::kCases, Measure::kConcluded}, nullptr);
  REQUIRE(all.rows.size() == 3);
  CHECK(std::get<std::int64_t>(all.rows[0][2]) == 11);  // grid: 10 concluded + 1 withdrawn
  CHECK(std::get<std::int64_t>(all.rows[1][2]) == 9);   // community: 6 + 3 mediating
  CHECK(std::get<std::int64_t>(all.rows[1][3]) == 6);
  CHECK(all.notes.empty());

  // Counts by outcome: every case, pending ones under "".
  Table o = CountBy(cases, {Dim("outcome")}, nullptr);
  std::vector<std::pair<std::string, std::int64_t>> counts;
  for (const auto& r : o.rows)
    counts.emplace_back(std::get<std::string>(r[0]), std::get<std::int64_t>(r[2]));
  CHECK(counts == std::vector<std::pair<std::string, std::int64_t>>{
                      {"agreed", 14}, {"terminated", 6}, {"withdrawn", 1}, {"", 3}});
  CHECK(std::get<std::int64_t>(o.totals.back()) == 24);
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
    Table t = a.Finish(nullptr);
    // Rows by level rank (grid before community), then category code.
    REQUIRE(t.rows.size() == 4);
    auto key = [&](std::size_t r) {
      return std::get<std::string>(t.rows[r][0]) + "/" + std::get<std::string>(t.rows[r][2]);
    };
    CHECK(key(0) == "grid/labour");
    CHECK(key(1) == "grid/neighbour");
    CHECK(key(2) == "community/labour");
    CHECK(key(3) == "community/neighbour");
    CHECK(std::get<std::int64_t>(t.rows[1][4]) == 2);      // grid/neighbour cases
    CHECK(std::get<std::int64_t>(t.rows[1][5]) == 1);      // of which agreed
    CHECK(std::get<double>(t.rows[1][6]) == Approx(0.5));  // 1 of 2 concluded
    CHECK(std::get<std::int64_t>(t.rows[2][4]) == 2);      // community/labour
    CHECK(std::get<double>(t.rows[2][6]) == Approx(1.0));  // 1 agreed of 1 concluded
    CHECK(std::get<std::int64_t>(t.totals[4]) == 6);
    CHECK(std::get<std::int64_t>(t.totals[5]) == 4);
    CHECK(std::get<double>(t.totals[6]) == Approx(0.8));  // 4 of 5 concluded

    Table cross = x.Finish(nullptr);
    // Columns: level, level_label, labour, neighbour, total.
    REQUIRE(cross.columns.size() == 5);
    CHECK(cross.columns[2].name == "labour");
    CHECK(cross.columns[3].name == "neighbour");
    REQUIRE(cross.rows.size() == 2);
    CHECK(std::get<std::int64_t>(cross.rows[0][2]) == 1);  // grid, labour
    CHECK(std::get<std::int64_t>(cross.rows[0][3]) == 2);  // grid, neighbour
    CHECK(std::get<std::int64_t>(cross.rows[0][4]) == 3);
    CHECK(std::get<std::int64_t>(cross.rows[1][2]) == 2);  // community, labour
    CHECK(std::get<std::int64_t>(cross.rows[1][3]) == 1);
    CHECK(std::get<std::int64_t>(cross.totals[2]) == 3);
    CHECK(std::get<std::int64_t>(cross.totals[3]) == 3);
    CHECK(std::get<std::int64_t>(cross.totals[4]) == 6);
  }
}
