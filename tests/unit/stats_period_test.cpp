// lib/domain/stats.cpp with periods: cases count by the date received, conclusion
// measures by the date concluded (docs/law.md); the further measures, the
// cross table and the workload; lib/report/case_export.cpp masking.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "case_export.hpp"
#include "report.hpp"
#include "stats.hpp"

using namespace mediate;

namespace {

Date D(const char* s) { return *Date::Parse(s); }

CaseSummary Case(const char* category, const char* received, const char* outcome = "",
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
      Case("neighbour", "2021-12-20", "agreed", "2022-01-10"),      // concluded in 2022 only
      Case("neighbour", "2022-03-01", "agreed", "2022-03-11"),      // both, 10 days
      Case("neighbour", "2022-12-20", "terminated", "2023-01-05"),  // received in 2022 only
      Case("labour", "2022-06-01", "agreed", "2022-07-21"),         // both, 50 days, over limit
      Case("labour", "2023-01-02"),                                 // neither
  };
  AggregateOptions o;
  o.period = YearPeriod(2022);
  Table t = Aggregate(
      cases, {Dim("category")},
      {Measure::kCases, Measure::kConcluded, Measure::kAgreed, Measure::kTerminated,
       Measure::kSuccessRate, Measure::kMedianDays, Measure::kMeanDays, Measure::kOverLimit},
      nullptr, o);
  REQUIRE(t.rows.size() == 2);
  // neighbour: received in 2022 = 2; concluded in 2022 = 2 (both agreed).
  CHECK(std::get<std::string>(t.rows[0][0]) == "labour");
  CHECK(Int(At(t, t.rows[1], "cases")) == 2);
  CHECK(Int(At(t, t.rows[1], "concluded")) == 2);
  CHECK(Int(At(t, t.rows[1], "agreed")) == 2);
  CHECK(Int(At(t, t.rows[1], "terminated")) == 0);
  // days: 21 (2021-12-20 → 2022-01-10) and 10: median 15.5
  CHECK(std::get<double>(At(t, t.rows[1], "median_days")) == Approx(15.5));
  CHECK(Int(At(t, t.rows[0], "cases")) == 1);
  CHECK(Int(At(t, t.rows[0], "over_limit")) == 1);
  CHECK(Int(At(t, t.totals, "cases")) == 3);
  CHECK(Int(At(t, t.totals, "concluded")) == 3);
  CHECK(std::get<double>(At(t, t.totals, "success_rate")) == Approx(1.0));
  CHECK(std::get<double>(At(t, t.totals, "mean_days")) == Approx((21.0 + 10 + 50) / 3));

  // The funnel over 2022 counts the three concluded in 2022.
  AggregateOptions f = o;
  f.concluded_only = true;
  Table funnel = Aggregate(cases, {Dim("category")}, {Measure::kCases}, nullptr, f);
  CHECK(Int(funnel.totals.back()) == 3);
}

TEST_CASE("workload measures use today in the store time zone", "[stats]") {
  std::vector<CaseSummary> cases = {Case("neighbour", "2026-01-05"),
                                    Case("neighbour", "2026-03-02"),
                                    Case("neighbour", "2026-02-01", "agreed", "2026-02-10")};
  cases[0].org = cases[1].org = "A";
  cases[2].org = "B";
  AggregateOptions o;
  o.today = D("2026-03-10");
  StatsPlan plan = DefaultPlan({"org"});
  CHECK(plan.measures == std::vector<Measure>{Measure::kCases, Measure::kOpen, Measure::kThisMonth,
                                              Measure::kOverdue});
  Table t = Aggregate(cases, {Dim("org")}, plan.measures, nullptr, o);
  REQUIRE(t.rows.size() == 2);
  CHECK(Int(At(t, t.rows[0], "open")) == 2);
  CHECK(Int(At(t, t.rows[0], "this_month")) == 1);
  CHECK(Int(At(t, t.rows[0], "overdue")) == 1);  // deadline 2026-02-04
  CHECK(Int(At(t, t.rows[1], "open")) == 1);     // agreed, waiting for its visit
  CHECK(Int(At(t, t.rows[1], "overdue")) == 0);
}

TEST_CASE("source split amounts and agreement forms", "[stats]") {
  std::vector<CaseSummary> cases = {Case("labour", "2022-01-01", "agreed", "2022-01-02"),
                                    Case("labour", "2022-01-01", "agreed", "2022-01-02"),
                                    Case("labour", "2022-01-01", "terminated", "2022-01-02")};
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
  Table t = Aggregate(cases, {Dim("category")}, MojFormMeasures(), nullptr, o);
  REQUIRE(t.rows.size() == 2);  // neighbour listed with zeros
  CHECK(std::get<std::string>(t.rows[0][0]) == "labour");
  const auto& r = t.rows[0];
  CHECK(Int(At(t, r, "cases")) == 3);
  CHECK(Int(At(t, r, "agreed")) == 2);
  CHECK(Int(At(t, r, "written")) == 1);
  CHECK(Int(At(t, r, "oral")) == 1);
  CHECK(Int(At(t, r, "amount")) == 350001);
  CHECK(Int(At(t, r, "confirmations")) == 1);
  CHECK(Int(At(t, r, "application")) == 1);
  CHECK(Int(At(t, r, "initiative")) == 1);
  CHECK(Int(At(t, r, "referral")) == 1);
  CHECK(Int(At(t, t.rows[1], "cases")) == 0);
  Table v = Aggregate(cases, {Dim("category")}, {Measure::kVisitRate}, nullptr, o);
  CHECK(std::get<double>(v.totals.back()) == Approx(0.5));
  auto parsed = ParseMeasures({"succeeded"});
  REQUIRE(parsed.ok());
  CHECK(parsed->front() == Measure::kAgreed);
}

TEST_CASE("two dimensions as a cross table with totals", "[stats]") {
  std::vector<CaseSummary> cases = {Case("labour", "2022-01-01"), Case("labour", "2022-02-01"),
                                    Case("neighbour", "2022-02-03")};
  cases[0].mediators = {"M-1", "M-2"};
  cases[1].mediators = {"M-1"};
  cases[2].mediators = {"M-2"};
  Table t = CrossTable(cases, {Dim("category"), Dim("mediator")}, Measure::kCases, nullptr, {});
  std::vector<std::string> names;
  for (const auto& c : t.columns) names.push_back(c.name);
  CHECK(names == std::vector<std::string>{"category", "category_label", "M-1", "M-2", "total"});
  REQUIRE(t.rows.size() == 2);
  CHECK(Int(t.rows[0][2]) == 2);
  CHECK(Int(t.rows[0][3]) == 1);
  CHECK(Int(t.rows[0][4]) == 2);  // two labour cases, though three case-mediator pairs
  CHECK(std::holds_alternative<std::monostate>(t.rows[1][2]));
  CHECK(Int(t.rows[1][3]) == 1);
  CHECK(Int(t.totals[2]) == 2);
  CHECK(Int(t.totals[3]) == 2);
  CHECK(Int(t.totals[4]) == 3);
}

TEST_CASE("export masks party identifiers unless revealed", "[export]") {
  CHECK(MaskPartyKey("11010519491231002X") == "110105********002X");
  CHECK(MaskPartyKey("秦某|18117024013") == "秦某|181****4013");
  CHECK(MaskPartyKey("秦某|") == "秦某|");
  CaseSummary c = Case("labour", "2022-01-01");
  c.id = "WBL-2022-000001";
  c.party_keys = {"11010519491231002X", "91110105MA00000012"};
  Table masked = ExportTable({c}, nullptr, nullptr, nullptr, D("2022-02-15"), false);
  CHECK(std::get<std::string>(At(masked, masked.rows[0], "parties")) ==
        "110105********002X;91110105*******012");
  CHECK(Int(At(masked, masked.rows[0], "overdue")) == 1);  // deadline 2022-01-31
  Table shown = ExportTable({c}, nullptr, nullptr, nullptr, D("2022-02-15"), true);
  CHECK(std::get<std::string>(At(shown, shown.rows[0], "parties")) ==
        "11010519491231002X;91110105MA00000012");
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
