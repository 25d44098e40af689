// lib/domain/alerts.cpp: each kind of early warning from hand-made summaries, at a
// pinned instant.
#include <catch2/catch.hpp>

#include "alerts.hpp"
#include "keyed_hash.hpp"
#include "party_lookup.hpp"
#include "yaml_io.hpp"

using namespace mediate;

namespace {

const Timestamp kNow = *Timestamp::Parse("2026-03-10T12:00:00+08:00");
const Date kToday = *Date::Parse("2026-03-10");

CaseSummary S(const char* id, const char* received_at, const char* status = "mediating") {
  CaseSummary s;
  s.id = id;
  Timestamp t = *Timestamp::Parse(received_at);
  s.received_unix = t.unix_seconds;
  s.received = *Date::Parse(std::string(received_at).substr(0, 10));
  s.status = status;
  s.deadline = s.received.AddDays(30);
  s.risk = "yellow";
  s.people_involved = 2;
  return s;
}

std::vector<std::string> Kinds(const std::vector<Alert>& a) {
  std::vector<std::string> k;
  for (const auto& x : a) k.push_back(x.kind);
  return k;
}

}  // namespace

TEST_CASE("alerts: red past its response time only while nobody mediates", "[alerts]") {
  Settings st;
  st.risk = Settings::DefaultRisk();
  CaseSummary red = S("R", "2026-03-10T09:00:00+08:00", "routed");
  red.risk = "red";
  auto a = ComputeAlerts({red}, kNow, kToday, st, {});
  REQUIRE(a.size() == 1);
  CHECK(a[0].kind == "risk_response");
  CHECK(a[0].reason.find("3 hours after receipt; the response time is 2 hours") !=
        std::string::npos);
  CHECK(a[0].reason.find("exceeded by 1 hour") != std::string::npos);
  red.status = "mediating";
  CHECK(ComputeAlerts({red}, kNow, kToday, st, {}).empty());
  // orange: 24 hours, not yet exceeded
  red.status = "received";
  red.risk = "orange";
  CHECK(ComputeAlerts({red}, kNow, kToday, st, {}).empty());
}

TEST_CASE("alerts: overdue and near the deadline, pending cases only", "[alerts]") {
  Settings st;
  CaseSummary late = S("L", "2026-02-01T09:00:00+08:00");  // deadline 2026-03-03
  CaseSummary near = S("N", "2026-02-10T09:00:00+08:00");  // deadline 2026-03-12
  CaseSummary done = S("D", "2026-02-01T09:00:00+08:00", "agreed");
  auto a = ComputeAlerts({late, near, done}, kNow, kToday, st, {});
  REQUIRE(Kinds(a) == std::vector<std::string>{"overdue", "near_deadline"});
  CHECK(a[0].reason == "deadline 2026-03-03 passed 7 days ago; still mediating");
  CHECK(a[1].reason == "deadline 2026-03-12 is in 2 days; still mediating");
}

TEST_CASE("alerts: repeated party by ID or name and phone, never by name alone", "[alerts]") {
  Settings st;
  CaseSummary a = S("A", "2026-03-01T09:00:00+08:00");
  CaseSummary b = S("B", "2026-03-05T09:00:00+08:00");
  CaseSummary c = S("C", "2026-03-06T09:00:00+08:00");
  CaseSummary old = S("O", "2025-10-01T09:00:00+08:00", "closed");  // outside 90 days
  // As Summarize keeps them: hashed, masked; a name alone has no hash.
  auto keys = [](CaseSummary& s, std::vector<std::string> ks) {
    for (const auto& k : ks) {
      s.party_hashes.push_back(k.back() == '|' ? std::string() : KeyedHash("key", k));
      s.party_masked.push_back(MaskPartyKey(k));
      s.party_kinds.push_back("person");
    }
  };
  keys(a, {"11010519491231002X", "王某|13900002222"});
  keys(b, {"11010519491231002X", "赵某|"});
  keys(c, {"王某|13900002222", "赵某|"});
  keys(old, {"王某|13900002222"});
  auto alerts = ComputeAlerts({a, b, c, old}, kNow, kToday, st, {});
  REQUIRE(Kinds(alerts) == std::vector<std::string>{"repeated_party", "repeated_party"});
  CHECK(alerts[0].case_ids == std::vector<std::string>{"A", "B"});
  CHECK(alerts[0].reason.find("ID 110105********002X") != std::string::npos);
  CHECK(alerts[1].case_ids == std::vector<std::string>{"A", "C"});
  CHECK(alerts[1].reason.find("王某 139****2222") != std::string::npos);
}

TEST_CASE("alerts: repeated grid and mass disputes by the store's thresholds", "[alerts]") {
  Settings st;
  std::vector<CaseSummary> cs;
  for (const char* id : {"G1", "G2", "G3"}) {
    cs.push_back(S(id, "2026-03-02T09:00:00+08:00"));
    cs.back().grid = "140109005003011";
  }
  cs[0].people_involved = 10;
  AlertSettings th;
  auto a = ComputeAlerts(cs, kNow, kToday, st, th);
  REQUIRE(Kinds(a) == std::vector<std::string>{"repeated_grid", "mass"});
  CHECK(a[0].case_ids.size() == 3);
  CHECK(a[1].case_ids == std::vector<std::string>{"G1"});
  th.repeat_grid_cases = 4;
  th.mass_people = 11;
  CHECK(ComputeAlerts(cs, kNow, kToday, st, th).empty());
}

TEST_CASE("alert settings: defaults, values and bad values with their line", "[alerts]") {
  auto none = AlertSettings::FromValue(nullptr, "mediate.yaml");
  REQUIRE(none.ok());
  CHECK(none->mass_people == 10);
  auto v = ParseYaml("alerts:\n  mass_people: 20\n  repeat_party_cases: 1\n  colour: red\n",
                     "mediate.yaml");
  REQUIRE(v.ok());
  auto bad = AlertSettings::FromValue(v->Find("alerts"), "mediate.yaml");
  REQUIRE_FALSE(bad.ok());
  REQUIRE(bad.status().diagnostics().size() == 2);
  CHECK(bad.status().diagnostics()[0].ToString() ==
        "mediate.yaml:3:23: alerts.repeat_party_cases: must be at least 2");
  CHECK(bad.status().diagnostics()[1].ToString().rfind("mediate.yaml:4:11: alerts.colour: unknown "
                                                       "field",
                                                       0) == 0);
  auto good = ParseYaml("alerts: {mass_people: 20}\n", "mediate.yaml");
  auto g = AlertSettings::FromValue(good->Find("alerts"), "mediate.yaml");
  REQUIRE(g.ok());
  CHECK(g->mass_people == 20);
  CHECK(g->repeat_window_days == 90);
}
