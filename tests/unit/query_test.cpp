#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "query.hpp"

using namespace mediate;

namespace {

Date D(const char* ymd) { return *Date::Parse(ymd); }

// Three cases whose fields differ in every dimension the filter knows.
std::vector<CaseSummary> Cases() {
  CaseSummary a;
  a.id = "WBL-2026-000001";
  a.status = "mediating";
  a.category = "neighbour";
  a.source = "application";
  a.risk = "yellow";
  a.level = "community";
  a.street = "140109005";
  a.community = "140109005001";
  a.grid = "140109005001007";
  a.org = "C-140109005001";
  a.mediators = {"M-0307", "M-0310"};
  a.received = D("2026-03-02");
  a.deadline = D("2026-04-01");
  a.amount = Money::FromFen(350000);
  a.people_involved = 2;
  a.summary = "楼上卫生间漏水致楼下天花板受损，双方就维修费用发生争执";

  CaseSummary b;
  b.id = "WBL-2026-000002";
  b.status = "closed";
  b.category = "labour";
  b.source = "police";
  b.risk = "orange";
  b.level = "district";
  b.street = "140109001";
  b.community = "140109001002";
  b.grid = "140109001002011";
  b.org = "WBL-LABOUR";
  b.mediators = {"M-0231"};
  b.outcome = "agreed";
  b.agreement_form = "written";
  b.received = D("2026-01-02");
  b.concluded = D("2026-01-20");
  b.deadline = D("2026-02-01");
  b.people_involved = 5;
  b.migrated = true;
  b.summary = "用人单位未签劳动合同，员工离职时要求支付双倍工资";

  CaseSummary c;
  c.id = "WBL-2025-000417";
  c.status = "routed";
  c.category = "neighbour";
  c.source = "grid_screening";
  c.risk = "blue";
  c.level = "grid";
  c.street = "140109005";
  c.community = "140109005002";
  c.grid = "140109005002003";
  c.org = "C-140109005002";
  c.received = D("2025-12-31");
  c.deadline = D("2026-01-30");
  c.amount = Money::FromFen(500050);
  c.people_involved = 1;
  c.summary = "占用楼道堆放杂物";
  return {a, b, c};
}

std::string Group(const std::string& source) {
  if (source == "grid_screening") return "initiative";
  if (source == "police" || source == "petition") return "referral";
  return "application";
}

const Date kToday = D("2026-03-15");

/// Letters of the cases (a, b, c) that `terms` selects.
std::string Select(const std::vector<std::string>& terms, Date today = kToday) {
  Result<Filter> f = Filter::Parse(terms, nullptr, Group);
  if (!f.ok()) return "error: " + f.status().message();
  std::string out;
  auto cases = Cases();
  for (std::size_t i = 0; i < cases.size(); ++i) {
    if (f->Matches(cases[i], today)) out += static_cast<char>('a' + i);
  }
  return out;
}

/// The message of the error `terms` give (kUsage checked).
std::string ErrorOf(const std::vector<std::string>& terms) {
  Result<Filter> f = Filter::Parse(terms, nullptr, Group);
  if (f.ok()) return "(parsed)";
  if (f.status().kind() != ErrorKind::kUsage) return "(not a usage error)";
  return f.status().message();
}

}  // namespace

TEST_CASE("an empty filter matches every case", "[query]") {
  Filter f;
  CHECK(f.empty());
  CHECK(Select({}) == "abc");
  auto parsed = Filter::Parse({});
  REQUIRE(parsed.ok());
  CHECK(parsed->empty());
}

TEST_CASE("code fields match any of their values", "[query]") {
  CHECK(Select({"category:neighbour"}) == "ac");
  CHECK(Select({"category:neighbour,labour"}) == "abc");
  CHECK(Select({"category:medical"}) == "");
  CHECK(Select({"id:WBL-2026-000002"}) == "b");
  CHECK(Select({"id:WBL-2026-000002,WBL-2025-000417"}) == "bc");
  CHECK(Select({"status:closed"}) == "b");
  CHECK(Select({"status:mediating,routed"}) == "ac");
  CHECK(Select({"source:police"}) == "b");
  CHECK(Select({"risk:yellow,orange"}) == "ab");
  CHECK(Select({"level:grid"}) == "c");
  CHECK(Select({"street:140109005"}) == "ac");
  CHECK(Select({"community:140109005002"}) == "c");
  CHECK(Select({"grid:140109001002011"}) == "b");
  CHECK(Select({"org:WBL-LABOUR,C-140109005001"}) == "ab");
  CHECK(Select({"outcome:agreed"}) == "b");
  CHECK(Select({"form:written"}) == "b");
  CHECK(Select({"agreement_form:oral"}) == "");
}

TEST_CASE("many values still match (sorted lookup)", "[query]") {
  CHECK(Select({"category:a,b,c,d,e,f,g,h,i,j,labour,z"}) == "b");
  CHECK(Select({"category:a,b,c,d,e,f,g,h,i,j,k,l"}) == "");
  CHECK(Select({"category:neighbour,neighbour"}) == "ac");
}

TEST_CASE("mediator matches any of a case's mediators", "[query]") {
  CHECK(Select({"mediator:M-0310"}) == "a");
  CHECK(Select({"mediator:M-0307"}) == "a");
  CHECK(Select({"mediator:M-0231,M-0310"}) == "ab");
  CHECK(Select({"not:mediator:M-0307"}) == "bc");  // c has no mediator
}

TEST_CASE("source_group goes through the grouper", "[query]") {
  CHECK(Select({"source_group:referral"}) == "b");
  CHECK(Select({"source_group:initiative,application"}) == "ac");
  Result<Filter> no_grouper = Filter::Parse({"source_group:referral"});
  REQUIRE_FALSE(no_grouper.ok());
  CHECK(no_grouper.status().kind() == ErrorKind::kInternal);
}

TEST_CASE("date ranges: full dates, open ends, months and years", "[query]") {
  // a received 2026-03-02, b 2026-01-02, c 2025-12-31.
  CHECK(Select({"received:2026-01-01.."}) == "ab");
  CHECK(Select({"received:..2025-12-31"}) == "c");
  CHECK(Select({"received:..2026-01-01"}) == "c");
  CHECK(Select({"received:2026-01-02..2026-03-01"}) == "b");
  CHECK(Select({"received:2026-03-02"}) == "a");
  CHECK(Select({"received:2026-03-02..2026-03-02"}) == "a");
  CHECK(Select({"received:2026-03-03.."}) == "");
  CHECK(Select({"received:2026-01"}) == "b");
  CHECK(Select({"received:2026-03"}) == "a");
  CHECK(Select({"received:2026"}) == "ab");
  CHECK(Select({"received:2025"}) == "c");
  CHECK(Select({"received:2025-12..2026-01"}) == "bc");
  CHECK(Select({"received:..2026-02"}) == "bc");  // to the end of February
  CHECK(Select({"received:2026-02.."}) == "a");
  CHECK(Select({"received:2025..2025"}) == "c");
  CHECK(Select({"received:..2025"}) == "c");
  CHECK(Select({"received:2026-01-02,2025"}) == "bc");
  // Month ends: February of a leap year, December.
  CHECK(Select({"deadline:2026-01"}) == "c");
  CHECK(Select({"deadline:..2026-02"}) == "bc");
  CHECK(Select({"deadline:2026-04"}) == "a");
  CHECK(Select({"received:2024-02..2025-12"}) == "c");
}

TEST_CASE("a case without the date never matches its range", "[query]") {
  CHECK(Select({"concluded:2026"}) == "b");
  CHECK(Select({"concluded:..2030"}) == "b");
  CHECK(Select({"not:concluded:2026"}) == "ac");
  CHECK(Select({"concluded:2026-01-20"}) == "b");
  CHECK(Select({"concluded:2026-01-21.."}) == "");
}

TEST_CASE("amounts are exact yuan - cases without an amount never match", "[query]") {
  // a 3500.00, b none, c 5000.50.
  CHECK(Select({"amount:3500"}) == "a");
  CHECK(Select({"amount:3500.00"}) == "a");
  CHECK(Select({"amount:3000..5000"}) == "a");
  CHECK(Select({"amount:..5000"}) == "a");
  CHECK(Select({"amount:..5000.5"}) == "ac");
  CHECK(Select({"amount:5000.5"}) == "c");
  CHECK(Select({"amount:5000.50"}) == "c");
  CHECK(Select({"amount:5000.51.."}) == "");
  CHECK(Select({"amount:0.."}) == "ac");
  CHECK(Select({"not:amount:0.."}) == "b");
  CHECK(Select({"amount:3500.01..5000.49"}) == "");
}

TEST_CASE("people counts, single values and ranges", "[query]") {
  CHECK(Select({"people:2"}) == "a");
  CHECK(Select({"people:2..5"}) == "ab");
  CHECK(Select({"people:..1"}) == "c");
  CHECK(Select({"people:3.."}) == "b");
  CHECK(Select({"people:1,5"}) == "bc");
  CHECK(Select({"people_involved:5"}) == "b");
}

TEST_CASE("migrated is true or false", "[query]") {
  CHECK(Select({"migrated:true"}) == "b");
  CHECK(Select({"migrated:false"}) == "ac");
  CHECK(Select({"migrated:true,false"}) == "abc");
  CHECK(Select({"not:migrated:true"}) == "ac");
}

TEST_CASE("text: finds a substring of the summary", "[query]") {
  CHECK(Select({"text:漏水"}) == "a");
  CHECK(Select({"text:劳动合同,漏水"}) == "ab");
  CHECK(Select({"not:text:漏水"}) == "bc");
  CHECK(Select({"text:楼"}) == "ac");
  CHECK(Select({"text:物业"}) == "");
}

TEST_CASE("not: negates any term", "[query]") {
  CHECK(Select({"not:category:neighbour"}) == "b");
  CHECK(Select({"not:category:neighbour,labour"}) == "");
  CHECK(Select({"not:risk:blue"}) == "ab");
  CHECK(Select({"not:received:2026-01..2026-02"}) == "ac");
  CHECK(Select({"not:open"}) == "b");
  CHECK(Select({"not:overdue"}) == "ab");
}

TEST_CASE("open and overdue", "[query]") {
  CHECK(Select({"open"}) == "ac");  // b is closed
  // Today 2026-03-15: c (routed) was due 2026-01-30; a is due 2026-04-01;
  // b was due 2026-02-01 but is closed.
  CHECK(Select({"overdue"}) == "c");
  CHECK(Select({"overdue"}, D("2026-01-30")) == "");  // due today is not overdue
  CHECK(Select({"overdue"}, D("2026-01-31")) == "c");
  CHECK(Select({"overdue"}, D("2026-04-02")) == "ac");

  CaseSummary no_deadline;
  no_deadline.status = "received";
  Filter f = *Filter::Parse({"overdue"});
  CHECK_FALSE(f.Matches(no_deadline, kToday));
  CaseSummary agreed = Cases()[0];
  agreed.status = "agreed";  // concluded: not pending, still open
  CHECK_FALSE(f.Matches(agreed, D("2027-01-01")));
  CHECK(Filter::Parse({"open"})->Matches(agreed, kToday));
}

TEST_CASE("terms combine with AND", "[query]") {
  CHECK(Select({"category:neighbour", "received:2026"}) == "a");
  CHECK(Select({"street:140109005", "not:risk:blue", "text:漏水", "open"}) == "a");
  CHECK(Select({"category:neighbour", "category:labour"}) == "");
  CHECK(Select({"status:mediating,agreed,terminated,withdrawn,refused,closed,received,routed",
                "level:grid,community,street,district,city"}) == "abc");
}

TEST_CASE("values pass through the normaliser at parse time", "[query]") {
  std::vector<std::string> seen;
  ValueNormalizer norm = [&seen](const std::string& field, const std::string& value) {
    seen.push_back(field + "=" + value);
    if (field == "category" && value == "邻里纠纷") return std::string("neighbour");
    if (field == "street" && value == "万柏林街道") return std::string("140109005");
    return value;
  };
  Result<Filter> f = Filter::Parse({"category:邻里纠纷,labour", "street:万柏林街道"}, norm, Group);
  REQUIRE(f.ok());
  CHECK(seen ==
        std::vector<std::string>{"category=邻里纠纷", "category=labour", "street=万柏林街道"});
  auto cases = Cases();
  CHECK(f->Matches(cases[0], kToday));
  CHECK_FALSE(f->Matches(cases[1], kToday));  // labour, but another street
  CHECK(f->Matches(cases[2], kToday));
  CHECK(f->terms() == std::vector<std::string>{"category:邻里纠纷,labour", "street:万柏林街道"});
}

TEST_CASE("filters are cheap to copy and share their parse", "[query]") {
  Filter f = *Filter::Parse({"category:labour"});
  Filter g = f;
  CHECK(g.Matches(Cases()[1], kToday));
  CHECK_FALSE(g.Matches(Cases()[0], kToday));
  CHECK(g.terms() == std::vector<std::string>{"category:labour"});
}

TEST_CASE("bad filters are usage errors that say what is wrong", "[query]") {
  using Catch::Contains;
  using Catch::StartsWith;
  CHECK_THAT(ErrorOf({"catgory:labour"}),
             StartsWith("unknown filter field \"catgory\" in \"catgory:labour\"; known fields: "
                        "id, status, category, source, source_group, risk, level, street, "
                        "community, grid, org, mediator, outcome, form, received, concluded, "
                        "deadline, amount, people, migrated, text, party; words: open, overdue"));
  CHECK(ErrorOf({"received:2026-02-30.."}) == "received:2026-02-30..: 2026-02-30 is not a date");
  CHECK(ErrorOf({"received:..2023-02-29"}) == "received:..2023-02-29: 2023-02-29 is not a date");
  CHECK(ErrorOf({"not:deadline:2026-13"}) == "not:deadline:2026-13: 2026-13 is not a date");
  CHECK_THAT(ErrorOf({"received:2026/02/01"}),
             StartsWith("received:2026/02/01: 2026/02/01 is not a date (write YYYY-MM-DD"));
  CHECK_THAT(ErrorOf({"received:26-01-01"}), Contains("26-01-01 is not a date"));
  CHECK_THAT(ErrorOf({"received:2026-1"}), Contains("2026-1 is not a date"));
  CHECK_THAT(ErrorOf({"received:.."}), Contains("received:..: a range needs a start, an end"));
  CHECK(ErrorOf({"received:2026-03..2026-01"}) ==
        "received:2026-03..2026-01: the range is empty (2026-03 is after 2026-01)");
  CHECK_THAT(ErrorOf({"amount:5000..100"}), Contains("the range is empty"));
  CHECK_THAT(ErrorOf({"category:"}), StartsWith("category:: no value"));
  CHECK_THAT(ErrorOf({"category:a,,b"}), Contains("category:a,,b: empty value between commas"));
  CHECK_THAT(ErrorOf({"category:labour,"}), Contains("empty value"));
  CHECK_THAT(ErrorOf({"status:received..closed"}), Contains("status takes no range"));
  CHECK(ErrorOf({"status:mediatin"}) ==
        "status:mediatin: unknown status \"mediatin\"; known: received, routed, mediating, "
        "agreed, terminated, withdrawn, refused, closed");
  CHECK_THAT(ErrorOf({"level:province"}), Contains("unknown level \"province\""));
  CHECK_THAT(ErrorOf({"form:video"}), Contains("unknown form \"video\"; known: written, oral"));
  CHECK_THAT(ErrorOf({"outcome:won"}), Contains("unknown outcome \"won\""));
  CHECK_THAT(ErrorOf({"amount:50x0"}), Contains("amount:50x0: 50x0 is not an amount in yuan"));
  CHECK_THAT(ErrorOf({"amount:-5"}), Contains("-5 is not an amount in yuan"));
  CHECK_THAT(ErrorOf({"amount:1.234"}), Contains("1.234 has more than two decimals"));
  CHECK_THAT(ErrorOf({"amount:1.x"}), Contains("1.x is not an amount"));
  CHECK_THAT(ErrorOf({"amount:."}), Contains("is not an amount"));
  CHECK_THAT(ErrorOf({"amount:..12345678901234567"}), Contains("too large"));
  CHECK(ErrorOf({"people:two"}) == "people:two: two is not a whole number");
  CHECK(ErrorOf({"migrated:yes"}) == "migrated:yes: yes is not true or false");
  CHECK_THAT(ErrorOf({"labour"}),
             StartsWith("filter term \"labour\" is neither field:value, a case id "
                        "(WBL-2026-000042) nor a word"));
  // Almost a case id: a digit short.
  CHECK_THAT(ErrorOf({"WBL-2026-00002"}), StartsWith("filter term \"WBL-2026-00002\" is neither"));
  CHECK(ErrorOf({"category"}) == "category: a field needs a value: category:VALUE");
  CHECK_THAT(ErrorOf({"open:yes"}), Contains("open is a word, not a field"));
  CHECK(ErrorOf({""}) == "empty filter term");
  CHECK(ErrorOf({"not:"}) == "not:: nothing to negate");
  CHECK_THAT(ErrorOf({"not:not:open"}), Contains("not: may be written once"));
  // The first bad term is reported even after good ones.
  CHECK_THAT(ErrorOf({"open", "risk:red", "peeple:2"}),
             Contains("unknown filter field \"peeple\""));
}

TEST_CASE("a case id alone, in either letter case, means id:ID", "[query]") {
  // Cases(): a is WBL-2026-000001, b WBL-2026-000002, c WBL-2025-000417.
  CHECK(Select({"WBL-2026-000002"}) == "b");
  CHECK(Select({"wbl-2026-000002"}) == "b");
  CHECK(Select({"Wbl-2025-000417"}) == "c");
  CHECK(Select({"not:wbl-2026-000002"}) == "ac");
  CHECK(Select({"id:wbl-2026-000001,WBL-2025-000417"}) == "ac");
  CHECK(Select({"WBL-2026-000001", "open"}) == "a");
  CHECK(Select({"WBL-2026-000009"}) == "");
  Result<Filter> f = Filter::Parse({"wbl-2026-000002"});
  REQUIRE(f.ok());
  CHECK(f->terms() == std::vector<std::string>{"wbl-2026-000002"});
}
