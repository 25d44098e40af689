#include <catch2/catch.hpp>

#include "time.hpp"

using namespace mediate;

TEST_CASE("Date parses only real YYYY-MM-DD dates", "[time]") {
  CHECK(Date::Parse("2026-03-02")->ToString() == "2026-03-02");
  CHECK_FALSE(Date::Parse("2023-02-29"));
  CHECK(Date::Parse("2024-02-29"));
  CHECK_FALSE(Date::Parse("2026-2-1"));
  CHECK_FALSE(Date::Parse("2026-13-01"));
  CHECK(Date::Parse("1970-01-01")->days() == 0);
  CHECK(Date::Parse("1970-01-31")->days() == 30);
  auto d = *Date::Parse("2026-01-31");
  CHECK(d.AddDays(30).ToString() == "2026-03-02");  // Feb 2026 has 28 days
  CHECK(d.year() == 2026);
  CHECK(d.month() == 1u);
  CHECK(d.MonthString() == "2026-01");
}

TEST_CASE("Timestamp parses RFC 3339 with offsets", "[time]") {
  auto t = Timestamp::Parse("2026-03-02T09:30:00+08:00");
  REQUIRE(t);
  // 2026-03-02 is day 20514 since 1970-01-01; 09:30 +08:00 is 01:30 UTC.
  CHECK(t->unix_seconds == 20514LL * 86400 + 3600 + 1800);
  CHECK(t->offset_minutes == 480);
  CHECK(t->ToString() == "2026-03-02T09:30:00+08:00");
  CHECK(Timestamp::Parse("2026-03-02T01:30:00Z")->unix_seconds == t->unix_seconds);
  CHECK_FALSE(Timestamp::Parse("2026-03-02 09:30:00"));
  CHECK_FALSE(Timestamp::Parse("2026-02-30T09:30:00+08:00"));
  CHECK_FALSE(Timestamp::Parse("2026-03-02T24:00:00+08:00"));
}

TEST_CASE("The store's time zone decides the local date", "[time]") {
  auto tz = TimeZone::Find("Asia/Shanghai");
  REQUIRE(tz);
  // 2026-01-31T17:00Z is 2026-02-01 01:00 in Shanghai: February there.
  auto t = *Timestamp::Parse("2026-01-31T17:00:00Z");
  CHECK(tz->LocalDate(t).ToString() == "2026-02-01");
  auto utc = TimeZone::Find("UTC");
  CHECK(utc->LocalDate(t).ToString() == "2026-01-31");
  CHECK(tz->At(*Date::Parse("2026-01-31"), 23, 30).ToString() == "2026-01-31T23:30:00+08:00");
  CHECK_FALSE(TimeZone::Find("Mars/Olympus"));
}
