// lib/domain/review.cpp and lib/domain/review_record.cpp: each automatic check on
// hand-made summaries, the reproducible sample, the review record and the
// review statistics (their tables: review_tables_test.cpp).
#include <catch2/catch.hpp>

#include <algorithm>

#include "lifecycle.hpp"
#include "review.hpp"
#include "review_record.hpp"
#include "vocab.hpp"
#include "yaml_io.hpp"

using namespace mediate;
using Catch::Matchers::Contains;

namespace {

Date D(const char* s) { return *Date::Parse(s); }

/// An agreed, written, visited, on-time case with a valid ID number: no findings.
CaseSummary Clean(const char* id = "WBL-2026-000001") {
  CaseSummary c;
  c.id = id;
  c.received = D("2026-03-01");
  c.deadline = D("2026-03-31");
  c.status = "closed";
  c.outcome = "agreed";
  c.concluded = D("2026-03-20");
  c.agreement_form = "written";
  c.agreement_effective = D("2026-03-20");
  c.performance = "full";
  c.visited = D("2026-04-02");
  c.party_kinds = {"person", "organisation", "person"};
  return c;
}

std::vector<std::string> Findings(const CaseSummary& c, const AgreementTerms* terms = nullptr) {
  return FindingsOf(c, TimeLimits{}, terms);
}

using Codes = std::vector<std::string>;

}  // namespace

TEST_CASE("a clean case has no findings", "[review]") {
  AgreementTerms full{true, true};
  CHECK(Findings(Clean(), &full).empty());
}

TEST_CASE("over_time_limit: concluded after the limit with no extension", "[review]") {
  CaseSummary c = Clean();
  c.concluded = D("2026-03-31");  // the last day: in time
  CHECK(Findings(c).empty());
  c.concluded = D("2026-04-01");
  CHECK(Findings(c) == Codes{"over_time_limit"});
  c.extended = true;  // an extension was recorded
  CHECK(Findings(c).empty());
  // Without a stored deadline, received + conclude_days (store setting).
  CaseSummary d = Clean();
  d.deadline = Date();
  d.concluded = D("2026-04-01");
  CHECK(Findings(d) == Codes{"over_time_limit"});
  TimeLimits longer;
  longer.conclude_days = 45;
  CHECK(FindingsOf(d, longer, nullptr).empty());
  // Court-entrusted cases carry their own (shorter) deadline in the summary.
  CaseSummary e = Clean();
  e.deadline = D("2026-03-16");
  e.concluded = D("2026-03-20");
  CHECK(Findings(e) == Codes{"over_time_limit"});
}

TEST_CASE("oral_instalments: an oral agreement performed in instalments", "[review]") {
  CaseSummary c = Clean();
  c.agreement_form = "oral";
  c.performance = "instalment";
  CHECK(Findings(c) == Codes{"oral_instalments"});
  c.agreement_form = "written";
  CHECK(Findings(c).empty());
}

TEST_CASE("no_return_visit: an agreed case with no visit", "[review]") {
  CaseSummary c = Clean();
  c.visited = Date();
  CHECK(Findings(c) == Codes{"no_return_visit"});
  c.outcome = "terminated";  // only agreed cases are visited
  c.agreement_form = "";
  CHECK(Findings(c).empty());
}

TEST_CASE("late_confirmation: applied more than 30 days after the agreement took effect",
          "[review]") {
  CaseSummary c = Clean();
  c.confirmation_applied = D("2026-04-19");  // day 30
  CHECK(Findings(c).empty());
  c.confirmation_applied = D("2026-04-20");  // day 31
  CHECK(Findings(c) == Codes{"late_confirmation"});
  c.agreement_effective = Date();  // falls back to the date concluded
  CHECK(Findings(c) == Codes{"late_confirmation"});
}

TEST_CASE("written_agreement_terms_missing: needs manner and time limit - not for migrated",
          "[review]") {
  CaseSummary c = Clean();
  AgreementTerms no_deadline{false, true}, no_manner{true, false}, full{true, true};
  CHECK(Findings(c, &no_deadline) == Codes{"written_agreement_terms_missing"});
  CHECK(Findings(c, &no_manner) == Codes{"written_agreement_terms_missing"});
  CHECK(Findings(c, &full).empty());
  CHECK(Findings(c, nullptr).empty());  // terms unknown: not checked
  c.migrated = true;
  CHECK(Findings(c, &no_deadline).empty());
  c.migrated = false;
  c.agreement_form = "oral";
  CHECK(Findings(c, &no_deadline).empty());
}

TEST_CASE("agreement terms are read from the last agreed event", "[review]") {
  Case c;
  Event e;
  e.type = "agreed";
  e.payload.Set("form", Value::String("written"));
  e.payload.Set("performance_deadline", Value::String("2026-05-01"));
  c.events.push_back(e);
  auto t = AgreementTermsOf(c);
  REQUIRE(t);
  CHECK(t->deadline);
  CHECK_FALSE(t->manner);
  c.events.back().payload.Set("manner", Value::String("一次性转账"));
  CHECK(AgreementTermsOf(c)->manner);
  CHECK_FALSE(AgreementTermsOf(Case{}));
}

TEST_CASE("invalid_id_number: a person's ID number failing GB 11643-1999", "[review]") {
  // Through Summarize: the index keeps the finding, not the number.
  Settings st;
  st.time_zone = *TimeZone::Find("Asia/Shanghai");
  Case k;
  k.id = "WBL-2026-000001";
  k.received = *Timestamp::Parse("2026-03-02T09:30:00+08:00");
  Party person, org;
  person.role = "applicant";
  person.kind = "person";
  person.name = "李某";
  person.id_number = "110105194912310021";  // wrong check character
  org.role = "respondent";
  org.kind = "organisation";
  org.name = "某公司";
  org.credit_code = "91110105MA00000013";  // an organisation's code is not an ID number
  k.parties = {person, org};
  CaseSummary c = Clean();
  c.party_id_invalid = Summarize(k, "cases/2026/03/WBL-2026-000001.yaml", st).party_id_invalid;
  CHECK(Findings(c) == Codes{"invalid_id_number"});
  k.parties[0].id_number = "11010519491231002X";
  c.party_id_invalid = Summarize(k, "cases/2026/03/WBL-2026-000001.yaml", st).party_id_invalid;
  CHECK(Findings(c).empty());
}

TEST_CASE("checks over many cases count cases per kind", "[review]") {
  std::vector<CaseSummary> cases = {Clean("A"), Clean("B"), Clean("C")};
  cases[0].visited = Date();
  cases[1].visited = Date();
  cases[1].concluded = D("2026-04-10");
  auto r = CheckSummaries(cases, TimeLimits{}, nullptr);
  CHECK(r.cases == 3);
  CHECK(r.cases_with_findings == 2);
  CHECK(r.by_code["no_return_visit"] == Codes{"A", "B"});
  CHECK(r.by_code["over_time_limit"] == Codes{"B"});
  CHECK(r.by_code["late_confirmation"].empty());
}

TEST_CASE("rates are percentages or fractions", "[review]") {
  CHECK(*ParseRate("10%") == Approx(0.1));
  CHECK(*ParseRate("12.5%") == Approx(0.125));
  CHECK(*ParseRate("0.05") == Approx(0.05));
  CHECK_FALSE(ParseRate("150%"));
  CHECK_FALSE(ParseRate("ten"));
  CHECK_FALSE(ParseRate(""));
}

TEST_CASE("the same seed draws the same sample, whatever the input order", "[review]") {
  std::vector<CaseSummary> cases;
  for (int i = 1; i <= 200; ++i) {
    char id[32];
    std::snprintf(id, sizeof id, "WBL-2022-%06d", i);
    CaseSummary c = Clean(id);
    if (i % 4 == 0) c.confirmation = "confirmed";
    cases.push_back(c);
  }
  SampleRates rates{0.1, 0.05};
  auto ids = [](const std::vector<CaseSummary>& v) {
    std::vector<std::string> out;
    for (const auto& c : v) out.push_back(c.id);
    return out;
  };
  auto a = ids(SampleCases(cases, rates, 7));
  std::reverse(cases.begin(), cases.end());
  auto b = ids(SampleCases(cases, rates, 7));
  CHECK(a == b);
  CHECK(a.size() == 5 + 8);  // 10% of 50 confirmed + 5% of 150 others (7.5 → 8)
  CHECK(ids(SampleCases(cases, rates, 8)) != a);
  CHECK(std::is_sorted(a.begin(), a.end()));
  // The values are fixed by the algorithm (SplitMix64 over FNV-1a): a
  // different platform draws the same files.
  CHECK(SampleCases(cases, {0.0, 0.01}, 2022).size() == 2);
}

TEST_CASE("a review record round-trips and is filed by year and case", "[review]") {
  Review r;
  r.case_id = "WBL-2022-000017";
  r.date = D("2023-03-01");
  r.reviewer = "评查员 <r@example.org>";
  r.score = 85;
  r.findings = {"no_return_visit", "missing_signature"};
  r.individual = {"回访记录未签名"};
  CHECK(r.Path() == "reviews/2023/WBL-2022-000017.yaml");
  auto v = ParseYaml(EmitYaml(r.ToValue()), r.Path());
  REQUIRE(v.ok());
  auto back = Review::FromValue(*v, r.Path(), Vocabulary::Builtin());
  REQUIRE(back.ok());
  CHECK(back->ToValue().SameAs(r.ToValue()));
  r.findings = {"bad_luck"};
  auto bad = Review::FromValue(*ParseYaml(EmitYaml(r.ToValue()), r.Path()), r.Path(),
                               Vocabulary::Builtin());
  REQUIRE_FALSE(bad.ok());
  CHECK_THAT(bad.status().diagnostics().front().message, Contains("unknown finding \"bad_luck\""));
}

TEST_CASE("unknown keys of a review record are kept, warned, written last", "[review]") {
  const std::string text =
      "schema: \"review/1\"\n"
      "case: \"WBL-2022-000017\"\n"
      "date: \"2023-03-01\"\n"
      "reviewer: \"评查员 <r@example.org>\"\n"
      "round: 2\n"
      "findings: []\n"
      "individual: []\n";
  auto v = ParseYaml(text, "reviews/2023/WBL-2022-000017.yaml");
  REQUIRE(v.ok());
  DiagnosticSink warnings;
  auto r =
      Review::FromValue(*v, "reviews/2023/WBL-2022-000017.yaml", Vocabulary::Builtin(), &warnings);
  REQUIRE(r.ok());
  REQUIRE(warnings.items().size() == 1);
  CHECK(warnings.items()[0].ToString() ==
        "reviews/2023/WBL-2022-000017.yaml:5:8: warning: round: unknown field (kept as is)");
  CHECK(EmitYaml(r->ToValue()) ==
        "schema: \"review/1\"\n"
        "case: \"WBL-2022-000017\"\n"
        "date: \"2023-03-01\"\n"
        "reviewer: \"评查员 <r@example.org>\"\n"
        "findings: []\n"
        "individual: []\n"
        "round: 2\n");
}

TEST_CASE("review stats: files, typed problems and kinds, individual problems", "[review]") {
  std::vector<Review> rs(4);
  rs[0] = {"A", D("2022-05-01"), "x", 90, {"no_return_visit"}, {}, ""};
  rs[1] = {"B", D("2022-06-01"), "x", 70, {"no_return_visit", "missing_signature"}, {"a", "b"}, ""};
  rs[2] = {"C", D("2022-07-01"), "x", -1, {}, {}, ""};
  rs[3] = {"D", D("2023-01-01"), "x", 50, {"file_no_format"}, {"c"}, ""};
  ReviewStats s = ComputeReviewStats(rs, 2022);
  CHECK(s.files == 3);
  CHECK(s.typed == 3);
  CHECK(s.kinds.size() == 2);
  CHECK(s.kinds[0] == std::make_pair(std::string("no_return_visit"), std::size_t{2}));
  CHECK(s.individual == 2);
  CHECK(s.files_with_problems == 2);
  // 2022: scores 90 and 70 (C is not scored): (90 + 70) / 2 = 80.
  CHECK(s.scored == 2);
  CHECK(s.score_sum == 160);
  REQUIRE(s.average_score());
  CHECK(*s.average_score() == Approx(80.0));
  ReviewStats all = ComputeReviewStats(rs, std::nullopt);
  CHECK(all.files == 4);
  CHECK(*all.average_score() == Approx(70.0));  // (90 + 70 + 50) / 3
  CHECK_FALSE(ComputeReviewStats({rs[2]}, std::nullopt).average_score());
}
