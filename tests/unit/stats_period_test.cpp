// lib/domain/stats.cpp with periods: cases count by the date received, conclusion
// measures by the date concluded (docs/law.md); the further measures, the
// cross table and the workload; lib/report/case_export.cpp masking.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "case_export.hpp"
#include "party_lookup.hpp"
#include "report.hpp"
#include "stats.hpp"
#include "stats_fixture.hpp"

using namespace mediate;
using mediate::test::Count;
using mediate::test::Real;

namespace {

Date D(const char* s) { return *Date::Parse(s); }

CaseSummary Made(const char* category, const char* received, const char* outcome = "",
                 const char* concluded = "") {
  CaseSummary c;
  c.category = category;
  c.received = D(received);
  c.outcome = outcome;
  c.status = *outcome ? (std::string(outcome) == "agreed" ? "agreed" : "closed") : "mediating";
  if (*concluded) c.concluded = D(concluded);
  c.deadline = c.received.AddDays(30);
  return c;
}

Dimension Dim(const char* name) { return FindDimension(name, nullptr, nullptr).value(); }

std::int64_t Int(const Cell& c) { return std::get<std::int64_t>(c); }

const Cell& At(const Table& t, const std::vector<Cell>& row, const char* col) {
  int i = t.ColumnIndex(col);
  REQUIRE(i >= 0);
  return row[static_cast<std::size_t>(i)];
}

}  // namespace

TEST_CASE("a period counts cases received and conclusions concluded in it", "[stats]") {
  std::vector<CaseSummary> cases = {
      Made("neighbour", "2021-12-20", "agreed", "2022-01-10"),      // concluded in 2022 only
      Made("neighbour", "2022-03-01", "agreed", "2022-03-11"),      // both, 10 days
      Made("neighbour", "2022-12-20", "terminated", "2023-01-05"),  // received in 2022 only
      Made("labour", "2022-06-01", "agreed", "2022-07-21"),         // both, 50 days, over limit
      Made("labour", "2023-01-02"),                                 // neither
  };
  AggregateOptions o;
  o.period = YearPeriod(2022);
  StatsResult t = Aggregate(
      cases, {Dim("category")},
      {Measure::kCases, Measure::kConcluded, Measure::kAgreed, Measure::kTerminated,
       Measure::kSuccessRate, Measure::kMedianDays, Measure::kMeanDays, Measure::kOverLimit},
      nullptr, o);
  REQUIRE(t.rows.size() == 2);
  // neighbour: received in 2022 = 2; concluded in 2022 = 2 (both agreed).
  CHECK(t.rows[0].key[0].code == "labour");
  CHECK(t.rows[1].key[0].code == "neighbour");
  CHECK(Count(t.rows[1], Measure::kCases) == 2);
  CHECK(Count(t.rows[1], Measure::kConcluded) == 2);
  CHECK(Count(t.rows[1], Measure::kAgreed) == 2);
  CHECK(Count(t.rows[1], Measure::kTerminated) == 0);
  // days: 21 (2021-12-20 → 2022-01-10) and 10: median 15.5
  CHECK(Real(t.rows[1], Measure::kMedianDays) == Approx(15.5));
  CHECK(Count(t.rows[0], Measure::kCases) == 1);
  CHECK(Count(t.rows[0], Measure::kOverLimit) == 1);
  CHECK(Count(t.totals, Measure::kCases) == 3);
  CHECK(Count(t.totals, Measure::kConcluded) == 3);
  CHECK(Real(t.totals, Measure::kSuccessRate) == Approx(1.0));
  CHECK(Real(t.totals, Measure::kMeanDays) == Approx((21.0 + 10 + 50) / 3));
  CHECK(t.totals.Value(Measure::kShare) == nullptr);  // not asked for
  REQUIRE(t.notes.size() == 1);
  CHECK(t.notes[0] ==
        "period 2022: cases counted by the date received, conclusion measures by the date "
        "concluded");

  // The funnel over 2022 counts the three concluded in 2022.
  AggregateOptions f = o;
  f.concluded_only = true;
  StatsResult funnel = Aggregate(cases, {Dim("category")}, {Measure::kCases}, nullptr, f);
  CHECK(Count(funnel.totals, Measure::kCases) == 3);
}

TEST_CASE("workload measures use today in the store time zone", "[stats]") {
  std::vector<CaseSummary> cases = {Made("neighbour", "2026-01-05"),
                                    Made("neighbour", "2026-03-02"),
                                    Made("neighbour", "2026-02-01", "agreed", "2026-02-10")};
  cases[0].org = cases[1].org = "A";
  cases[2].org = "B";
  AggregateOptions o;
  o.today = D("2026-03-10");
  StatsPlan plan = DefaultPlan({"org"});
  CHECK(plan.measures == std::vector<Measure>{Measure::kCases, Measure::kOpen, Measure::kThisMonth,
                                              Measure::kOverdue});
  StatsResult t = Aggregate(cases, {Dim("org")}, plan.measures, nullptr, o);
  REQUIRE(t.rows.size() == 2);
  CHECK(Count(t.rows[0], Measure::kOpen) == 2);
  CHECK(Count(t.rows[0], Measure::kThisMonth) == 1);
  CHECK(Count(t.rows[0], Measure::kOverdue) == 1);  // deadline 2026-02-04
  CHECK(Count(t.rows[1], Measure::kOpen) == 1);     // agreed, waiting for its visit
  CHECK(Count(t.rows[1], Measure::kOverdue) == 0);
}

TEST_CASE("source split amounts and agreement forms", "[stats]") {
  std::vector<CaseSummary> cases = {Made("labour", "2022-01-01", "agreed", "2022-01-02"),
                                    Made("labour", "2022-01-01", "agreed", "2022-01-02"),
                                    Made("labour", "2022-01-01", "terminated", "2022-01-02")};
  cases[0].source = "phone";
  cases[0].agreement_form = "written";
  cases[0].amount = Money::FromFen(350000);
  cases[0].confirmation = "applied";
  cases[0].visited = D("2022-01-20");
  cases[1].source = "police";
  cases[1].agreement_form = "oral";
  cases[2].source = "grid_screening";
  cases[2].amount = Money::FromFen(1);
  AggregateOptions o;
  o.source_group = [](const std::string& s) {
    return s == "police" ? "referral" : s == "grid_screening" ? "initiative" : "application";
  };
  o.all_values = {{"neighbour", "labour"}};
  StatsResult t = Aggregate(cases, {Dim("category")}, MojFormMeasures(), nullptr, o);
  REQUIRE(t.rows.size() == 2);  // neighbour listed with zeros
  CHECK(t.rows[0].key[0].code == "labour");
  const StatsRow& r = t.rows[0];
  CHECK(Count(r, Measure::kCases) == 3);
  CHECK(Count(r, Measure::kAgreed) == 2);
  CHECK(Real(r, Measure::kSuccessRate) == Approx(2.0 / 3));
  CHECK(Count(r, Measure::kWritten) == 1);
  CHECK(Count(r, Measure::kOral) == 1);
  CHECK(Count(r, Measure::kAmount) == 350001);
  CHECK(Count(r, Measure::kConfirmations) == 1);
  CHECK(Count(r, Measure::kApplication) == 1);
  CHECK(Count(r, Measure::kInitiative) == 1);
  CHECK(Count(r, Measure::kReferral) == 1);
  CHECK(t.rows[1].key[0].code == "neighbour");
  CHECK(Count(t.rows[1], Measure::kCases) == 0);
  CHECK(t.rows[1].Value(Measure::kSuccessRate)->empty);  // none concluded
  StatsResult v = Aggregate(cases, {Dim("category")}, {Measure::kVisitRate}, nullptr, o);
  CHECK(Real(v.totals, Measure::kVisitRate) == Approx(0.5));
  auto parsed = ParseMeasures({"succeeded"});
  REQUIRE(parsed.ok());
  CHECK(parsed->front() == Measure::kAgreed);
}

TEST_CASE("two dimensions as a cross table with totals", "[stats]") {
  std::vector<CaseSummary> cases = {Made("labour", "2022-01-01"), Made("labour", "2022-02-01"),
                                    Made("neighbour", "2022-02-03")};
  cases[0].mediators = {"M-1", "M-2"};
  cases[1].mediators = {"M-1"};
  cases[2].mediators = {"M-2"};
  CrossResult x =
      CrossTable(cases, {Dim("category"), Dim("mediator")}, Measure::kCases, nullptr, {});
  CHECK(x.row_dimension.name == "category");
  CHECK(x.column_dimension.name == "mediator");
  REQUIRE(x.row_values.size() == 2);
  CHECK(x.row_values[0].code == "labour");
  CHECK(x.row_values[1].code == "neighbour");
  REQUIRE(x.column_values.size() == 2);
  CHECK(x.column_values[0].code == "M-1");
  CHECK(x.column_values[1].code == "M-2");
  REQUIRE(x.cells.size() == 2);
  CHECK(x.cells[0][0].integer == 2);
  CHECK(x.cells[0][1].integer == 1);
  CHECK(x.row_totals[0].integer == 2);  // two labour cases, though three case-mediator pairs
  CHECK(x.cells[1][0].empty);           // no neighbour case of M-1
  CHECK(x.cells[1][1].integer == 1);
  CHECK(x.row_totals[1].integer == 1);
  CHECK(x.column_totals[0].integer == 2);
  CHECK(x.column_totals[1].integer == 2);
  CHECK(x.total.integer == 3);
  CHECK(x.notes == std::vector<std::string>{"category by mediator: cases"});
}

TEST_CASE("export masks party identifiers unless revealed", "[export]") {
  CHECK(MaskPartyKey("11010519491231002X") == "110105********002X");
  CHECK(MaskPartyKey("秦某|18117024013") == "秦某|181****4013");
  CHECK(MaskPartyKey("秦某|") == "秦某|");
  CaseSummary c = Made("labour", "2022-01-01");
  c.id = "WBL-2022-000001";
  const std::vector<std::string> keys = {"11010519491231002X", "91110105MA00000012"};
  for (const auto& k : keys) c.party_masked.push_back(MaskPartyKey(k));
  Table masked = ExportTable({c}, nullptr, nullptr, nullptr, D("2022-02-15"), false);
  CHECK(std::get<std::string>(At(masked, masked.rows[0], "parties")) ==
        "110105********002X;91110105*******012");
  CHECK(Int(At(masked, masked.rows[0], "overdue")) == 1);  // deadline 2022-01-31
  // Revealed only from what the caller reads in full (the case file).
  ExportContext shown{nullptr,         nullptr, nullptr,
                      D("2022-02-15"), true,    [&](const CaseSummary&) { return keys; },
                      nullptr};
  Table t = ExportTable({c}, nullptr, nullptr, nullptr, D("2022-02-15"), false);
  CHECK(std::get<std::string>(At(t, ExportRow(c, shown), "parties")) ==
        "11010519491231002X;91110105MA00000012");
  ExportContext no_source{nullptr, nullptr, nullptr, D("2022-02-15"), true, nullptr, nullptr};
  CHECK(std::get<std::string>(At(t, ExportRow(c, no_source), "parties")) ==
        "110105********002X;91110105*******012");
}

TEST_CASE("report html is self-contained with svg charts", "[report]") {
  Report r;
  r.title = "报告 <2022>";
  r.period = "2022";
  r.figures.push_back({"grids", "网格", std::int64_t{1899}, ColumnKind::kInt});
  ReportSection s;
  s.key = "months";
  s.title = "按月";
  s.table.columns = {{"month", "", ColumnKind::kCode}, {"cases", "", ColumnKind::kInt}};
  s.table.rows = {{std::string("2022-01"), std::int64_t{5}},
                  {std::string("2022-02"), std::int64_t{7}}};
  s.chart = ChartKind::kLine;
  s.chart_label = "month";
  s.chart_value = "cases";
  r.sections.push_back(s);
  std::string html = RenderReportHtml(r);
  CHECK(html.find("报告 &lt;2022&gt;") != std::string::npos);
  CHECK(html.find("data-chart=\"months\"") != std::string::npos);
  CHECK(html.find("<polyline") != std::string::npos);
  CHECK(html.find("1,899") != std::string::npos);
  CHECK(html.find("http://www.w3.org/2000/svg") != std::string::npos);
  CHECK(html.find("src=") == std::string::npos);
  std::string md = RenderReportMarkdown(r);
  CHECK(md.find("| 网格 | 1,899 |") != std::string::npos);
  CHECK(Thousands(8390) == "8,390");
  CHECK(Thousands(100) == "100");
  CHECK(Thousands(1234567) == "1,234,567");
}
