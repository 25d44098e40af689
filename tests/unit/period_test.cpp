// lib/base/period.cpp: --year, --quarter, --month, --from/--to.
#include <catch2/catch.hpp>

#include "period.hpp"

using namespace mediate;

namespace {
Date D(const char* s) { return *Date::Parse(s); }
Period P(PeriodOptions o) { return ParsePeriod(o).value(); }
}  // namespace

TEST_CASE("periods cover whole years quarters and months", "[period]") {
  Period y = P({"2022", "", "", "", ""});
  CHECK(y.from == D("2022-01-01"));
  CHECK(y.to == D("2022-12-31"));
  Period q = P({"", "2026Q1", "", "", ""});
  CHECK(q.from == D("2026-01-01"));
  CHECK(q.to == D("2026-03-31"));
  Period q4 = P({"", "2024-q4", "", "", ""});
  CHECK(q4.from == D("2024-10-01"));
  CHECK(q4.to == D("2024-12-31"));
  Period feb = P({"", "", "2024-02", "", ""});
  CHECK(feb.to == D("2024-02-29"));
  CHECK(feb.Contains(D("2024-02-01")));
  CHECK_FALSE(feb.Contains(D("2024-03-01")));
  CHECK_FALSE(feb.Contains(Date()));
  Period open = P({"", "", "", "2026-02-01", ""});
  CHECK(open.Contains(D("2030-01-01")));
  CHECK_FALSE(open.Contains(D("2026-01-31")));
  Period none = P({});
  CHECK_FALSE(none.set());
  CHECK(none.Contains(Date()));
}

TEST_CASE("malformed or combined periods are usage errors", "[period]") {
  const PeriodOptions bad[] = {{"22", "", "", "", ""},
                               {"", "2026Q5", "", "", ""},
                               {"", "", "2026-13", "", ""},
                               {"", "", "", "2026-02-30", ""},
                               {"2022", "2022Q1", "", "", ""},
                               {"2022", "", "", "2022-01-01", ""},
                               {"", "", "", "2026-03-01", "2026-02-01"}};
  for (const auto& o : bad) {
    auto r = ParsePeriod(o);
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().kind() == ErrorKind::kUsage);
  }
}
