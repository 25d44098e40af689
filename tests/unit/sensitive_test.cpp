#include <catch2/catch.hpp>

#include "sensitive.hpp"

using namespace mediate;

namespace {

Date D(const char* s) { return *Date::Parse(s); }

TimeZone Tz() { return *TimeZone::Find("Asia/Shanghai"); }

Party Person(const std::string& id, const std::string& born = "") {
  Party p;
  p.role = "applicant";
  p.kind = "person";
  p.name = "李某";
  p.id_number = id;
  if (!born.empty()) p.born = D(born.c_str());
  return p;
}

Case At(const char* received) {
  Case c;
  c.category = "neighbour";
  c.received = *Timestamp::Parse(received);
  return c;
}

}  // namespace

TEST_CASE("age counts whole years up to the birthday", "[sensitive]") {
  CHECK(AgeOn(D("2012-03-05"), D("2026-03-04")) == 13);
  CHECK(AgeOn(D("2012-03-05"), D("2026-03-05")) == 14);
  // Born on 29 February: the birthday in other years is 1 March.
  CHECK(AgeOn(D("2012-02-29"), D("2026-02-28")) == 13);
  CHECK(AgeOn(D("2012-02-29"), D("2026-03-01")) == 14);
  CHECK(AgeOn(D("2026-03-05"), D("2026-03-04")) == -1);
  CHECK(AgeOn(Date(), D("2026-03-04")) == -1);
}

TEST_CASE("a medical dispute holds health data", "[sensitive]") {
  Case c = At("2026-03-02T09:30:00+08:00");
  c.category = "medical";
  CHECK(SensitiveReasons(c, Tz()) == std::vector<std::string>{"health"});
}

TEST_CASE("a party under 14 on the day received is a minor, by ID number or born", "[sensitive]") {
  TimeZone tz = Tz();
  Case c = At("2026-03-04T09:00:00+00:00");
  c.parties.push_back(Person("", "2012-03-05"));
  CHECK(SensitiveReasons(c, tz) == std::vector<std::string>{"minor"});
  c = At("2026-03-05T09:00:00+00:00");  // 14 today
  c.parties.push_back(Person("", "2012-03-05"));
  CHECK(SensitiveReasons(c, tz).empty());
  // 11010519491231002X (valid): born 1949 — an adult.
  c = At("2026-03-05T09:00:00+00:00");
  c.parties.push_back(Person("11010519491231002X"));
  CHECK(BirthDateOf(c.parties[0]) == D("1949-12-31"));
  CHECK(SensitiveReasons(c, tz).empty());
  // An organisation has no age.
  Party org;
  org.kind = "organisation";
  org.born = D("2020-01-01");
  c.parties = {org};
  CHECK(SensitiveReasons(c, tz).empty());
}

TEST_CASE("flags written by hand are kept, sorted and unique", "[sensitive]") {
  Case c = At("2026-03-02T09:30:00+08:00");
  c.category = "medical";
  c.sensitive = {"financial", "health"};
  CHECK(SensitiveReasons(c, Tz()) == std::vector<std::string>{"financial", "health"});
}
