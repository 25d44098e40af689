// lib/domain/erasure.cpp: when a case's personal data may be erased — the
// retention period counted by hand from the closing date, the refusals
// without a legal ground, and an erasure recorded once.
#include <catch2/catch.hpp>

#include "case_fixture.hpp"
#include "erasure.hpp"

using namespace mediate;
using Catch::Matchers::Contains;
using test::D;
using test::Ev;
using test::S;
using test::Shanghai;

namespace {

/// Received 2026-03-02, withdrawn, and its file closed on 2026-03-04 with
/// retention `retention`.
Case Closed(const char* retention) {
  Case c = test::Neighbour();
  c.events.push_back(Ev("2026-03-03T10:00:00+08:00", "withdrawn", {{"reason", S("和解")}}));
  c.events.push_back(Ev("2026-03-04T10:00:00+08:00", "closed",
                        {{"date", S("2026-03-04")}, {"retention", S(retention)}}));
  return c;
}

}  // namespace

TEST_CASE("a closed file is kept to the end of its period, counted from the next 1 January",
          "[erasure]") {
  const Settings s = Shanghai();
  // Closed 2026-03-04: the count starts 2027-01-01; short is 10 years, long 30.
  CHECK(RetentionEnds(Closed("short"), s) == D("2037-01-01"));
  CHECK(RetentionEnds(Closed("long"), s) == D("2057-01-01"));
  CHECK_FALSE(RetentionEnds(Closed("permanent"), s).has_value());
  CHECK_FALSE(RetentionEnds(test::Neighbour(), s).has_value());  // not closed
}

TEST_CASE("erasure within the period or of an open case needs a legal ground", "[erasure]") {
  const Settings s = Shanghai();
  Status within = CheckErasure(Closed("short"), s, D("2036-12-31"), "");
  REQUIRE_FALSE(within.ok());
  CHECK_THAT(within.message(), Contains("kept until 2036-12-31"));
  CHECK_THAT(within.message(), Contains("--basis"));
  CHECK(CheckErasure(Closed("short"), s, D("2037-01-01"), "").ok());
  CHECK(CheckErasure(Closed("short"), s, D("2036-12-31"), "法院裁定").ok());

  Status open = CheckErasure(test::Neighbour(), s, D("2040-01-01"), "");
  REQUIRE_FALSE(open.ok());
  CHECK_THAT(open.message(), Contains("not closed"));
  CHECK(CheckErasure(test::Neighbour(), s, D("2026-03-05"), "当事人申请").ok());

  Status forever = CheckErasure(Closed("permanent"), s, D("2099-01-01"), "");
  REQUIRE_FALSE(forever.ok());
  CHECK_THAT(forever.message(), Contains("without end"));
}

TEST_CASE("a case is erased once", "[erasure]") {
  Case c = Closed("short");
  c.events.push_back(Ev("2037-01-01T09:00:00+08:00", "erased", {{"reason", S("期满")}}));
  Status again = CheckErasure(c, Shanghai(), D("2037-02-01"), "y");
  REQUIRE_FALSE(again.ok());
  CHECK_THAT(again.message(), Contains("erased already, on 2037-01-01T09:00:00+08:00"));
}
