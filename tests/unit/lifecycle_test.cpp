// lib/records/lifecycle.cpp: the state machine (allowed steps, refusal messages,
// escalation path, migrated relaxations), the replay, and deadlines in the
// store's time zone on pinned dates.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "case_fixture.hpp"
#include "deadlines.hpp"
#include "lifecycle.hpp"
#include "settings.hpp"

using namespace mediate;
using Catch::Matchers::Contains;
using test::Assign;
using test::D;
using test::Ev;
using test::Neighbour;
using test::Route;
using test::S;
using test::Shanghai;
using test::T;

namespace {

std::vector<std::string> Steps(const Case& c) { return AllowedSteps(c, Replay(c, Shanghai())); }

Organisation Org(const char* id, const char* kind, const char* level, const char* street = "",
                 const char* community = "") {
  Organisation o;
  o.id = id;
  o.name = id;
  o.kind = kind;
  o.level = level;
  o.street = street;
  o.community = community;
  return o;
}

OrgRegistry Orgs() {
  OrgRegistry orgs;
  for (Organisation o :
       {Org("WBL-CENTRE", "district_centre", "district"),
        Org("S-140109005", "street_committee", "street", "140109005"),
        Org("S-140109003", "street_committee", "street", "140109003"),
        Org("C-140109005003", "community_committee", "community", "140109005", "140109005003"),
        Org("C-140109005001", "community_committee", "community", "140109005", "140109005001"),
        Org("WBL-LABOUR", "industry_committee", "district")})
    orgs[o.id] = o;
  return orgs;
}

}  // namespace

TEST_CASE("the state machine walks agreed → closed", "[lifecycle]") {
  Settings s = Shanghai();
  Case c = Neighbour();
  CHECK(Steps(c) == std::vector<std::string>{"routed", "refused", "withdrawn"});
  Route(&c);
  CHECK(Replay(c, s).state.status == "routed");
  CHECK(Steps(c) == std::vector<std::string>{"assigned", "withdrawn", "escalated", "extended"});
  Assign(&c);
  Derived d = Replay(c, s);
  CHECK(d.state.status == "mediating");
  CHECK(d.state.mediators == std::vector<std::string>{"M-0307"});
  CHECK(Steps(c) == std::vector<std::string>{"assigned", "agreed", "terminated", "withdrawn",
                                             "escalated", "extended", "session"});
  c.events.push_back(Ev("2026-03-05T15:00:00+08:00", "agreed",
                        {{"date", S("2026-03-05")},
                         {"form", S("written")},
                         {"effective", S("2026-03-05")},
                         {"performance_deadline", S("2026-03-20")}}));
  d = Replay(c, s);
  CHECK(d.state.status == "agreed");
  CHECK(d.outcome == "agreed");
  CHECK(d.concluded == D("2026-03-05"));
  CHECK(d.agreement_effective == D("2026-03-05"));
  CHECK(d.performance_deadline == D("2026-03-20"));
  // No closing before performance and a visit (Law Art. 31).
  CHECK(Steps(c) ==
        std::vector<std::string>{"confirmation", "performance", "visited", "visit_waived"});
  c.events.push_back(Ev(
      "2026-03-10T09:00:00+08:00", "confirmation",
      {{"result", S("applied")}, {"applied", S("2026-03-10")}, {"court", S("万柏林区人民法院")}}));
  c.events.push_back(Ev("2026-03-21T09:00:00+08:00", "performance", {{"performance", S("full")}}));
  CHECK(Steps(c) ==
        std::vector<std::string>{"confirmation", "performance", "visited", "visit_waived"});
  c.events.push_back(Ev("2026-03-25T09:00:00+08:00", "visited", {{"date", S("2026-03-24")}}));
  d = Replay(c, s);
  CHECK(d.visited == D("2026-03-24"));
  CHECK(d.confirmation_applied == D("2026-03-10"));
  // The application awaits the court: no closing yet (Law Art. 33).
  CHECK(ConfirmationPending(d));
  CHECK(Steps(c) == std::vector<std::string>{"confirmation", "performance", "visited"});
  CHECK(CheckStep(c, d, "closed").message() ==
        "WBL-2026-000042 is \"agreed\": it can have a judicial confirmation, performance or a "
        "return visit recorded;\nclose waits for the court: judicial confirmation was applied "
        "for on 2026-03-10 at 万柏林区人民法院 and is not decided; record the result first "
        "(mediate confirm --result confirmed|rejected|withdrawn; Law Art. 33).");
  c.events.push_back(Ev("2026-03-25T10:00:00+08:00", "confirmation",
                        {{"result", S("withdrawn")}, {"decided", S("2026-03-25")}}));
  d = Replay(c, s);
  CHECK_FALSE(ConfirmationPending(d));
  CHECK(d.confirmation_decided == D("2026-03-25"));
  CHECK(Steps(c) == std::vector<std::string>{"closed", "confirmation", "performance", "visited"});
  c.events.push_back(Ev("2026-03-26T09:00:00+08:00", "closed"));
  d = Replay(c, s);
  CHECK(d.state.status == "closed");
  CHECK(d.closed == D("2026-03-26"));
  // A closed agreed file still takes the court's decision, as a supplement.
  CHECK(Steps(c) == std::vector<std::string>{"confirmation"});
  CHECK(CheckStep(c, d, "note").ok());
}

TEST_CASE("a visit's performance counts, and a reason for no visit allows closing", "[lifecycle]") {
  Case c = Neighbour();
  Route(&c);
  Assign(&c);
  c.events.push_back(Ev("2026-03-05T15:00:00+08:00", "agreed", {{"form", S("oral")}}));
  c.events.push_back(Ev("2026-03-06T15:00:00+08:00", "visit_waived", {{"reason", S("已搬离")}}));
  CHECK(Steps(c) == std::vector<std::string>{"confirmation", "performance", "visited"});
  c.events.push_back(Ev("2026-03-07T15:00:00+08:00", "performance", {{"performance", S("none")}}));
  CHECK(Steps(c).front() == "closed");

  Case v = Neighbour();
  Route(&v);
  Assign(&v);
  v.events.push_back(Ev("2026-03-05T15:00:00+08:00", "agreed", {{"form", S("oral")}}));
  v.events.push_back(
      Ev("2026-03-08T15:00:00+08:00", "visited", {{"performance", S("instalment")}}));
  Derived d = Replay(v, Shanghai());
  CHECK(d.performance == "instalment");
  CHECK(Steps(v).front() == "closed");
}

TEST_CASE("forbidden steps name the state, the allowed steps and what is needed", "[lifecycle]") {
  Settings s = Shanghai();
  Case c = Neighbour();
  Route(&c);
  Assign(&c);
  Status st = CheckStep(c, Replay(c, s), "closed");
  REQUIRE_FALSE(st.ok());
  CHECK(st.kind() == ErrorKind::kRejected);
  CHECK(st.message() ==
        "WBL-2026-000042 is \"mediating\": it can be assigned, agreed, terminated, withdrawn, "
        "escalated or extended, or have a session recorded;\nclose needs an agreement with "
        "performance and a return visit, a termination, a refusal or a withdrawal.");

  Case r = Neighbour();
  Route(&r);
  st = CheckStep(r, Replay(r, s), "agreed");
  CHECK(st.message() ==
        "WBL-2026-000042 is \"routed\": it can be assigned, withdrawn, escalated or extended;\n"
        "agree needs mediation under way: assign mediators first (Law Art. 19), or a grid "
        "worker at grid level.");
  CHECK_THAT(CheckStep(r, Replay(r, s), "refused").message(), Contains("2002 Provisions Art. 22"));
  CHECK_FALSE(CheckStep(r, Replay(r, s), "session").ok());

  Case fresh = Neighbour();
  CHECK_FALSE(CheckStep(fresh, Replay(fresh, s), "assigned").ok());
  CHECK_FALSE(CheckStep(fresh, Replay(fresh, s), "closed").ok());

  c.events.push_back(Ev("2026-03-05T15:00:00+08:00", "terminated", {{"reason", S("分歧过大")}}));
  Derived d = Replay(c, s);
  CHECK(d.outcome == "terminated");
  CHECK(CheckStep(c, d, "closed").ok());
  for (const char* step : {"escalated", "agreed", "withdrawn", "visited", "confirmation"})
    CHECK_FALSE(CheckStep(c, d, step).ok());
  CHECK(CheckStep(c, d, "withdrawn").message() ==
        "WBL-2026-000042 is \"terminated\": it can be closed;\nwithdraw needs a case not yet "
        "concluded.");

  c.events.push_back(Ev("2026-03-06T15:00:00+08:00", "closed"));
  CHECK(CheckStep(c, Replay(c, s), "visited").message() ==
        "WBL-2026-000042 is \"closed\": no further step is possible;\nvisit follows an "
        "agreement (Law Art. 31).");

  Case agreed = Neighbour();
  Route(&agreed);
  Assign(&agreed);
  agreed.events.push_back(Ev("2026-03-05T15:00:00+08:00", "agreed", {{"form", S("oral")}}));
  CHECK(CheckStep(agreed, Replay(agreed, s), "closed").message() ==
        "WBL-2026-000042 is \"agreed\": it can have a judicial confirmation, performance, a "
        "return visit or a reason for no return visit recorded;\nclose needs performance "
        "recorded (mediate perform) and a return visit (mediate visit) or a recorded reason for "
        "none (Law Art. 31).");
}

TEST_CASE("escalation goes grid → community → street → district", "[lifecycle]") {
  Settings s = Shanghai();
  OrgRegistry orgs = Orgs();
  CHECK(NextLevel("grid") == "community");
  CHECK(NextLevel("community") == "street");
  CHECK(NextLevel("street") == "district");
  CHECK(NextLevel("district").empty());
  CHECK(NextLevel("city").empty());

  Case c = Neighbour();
  Route(&c);
  // Handed to the grid worker: grid level, mediating without a mediator.
  c.events.push_back(Ev("2026-03-02T11:00:00+08:00", "assigned",
                        {{"grid_worker", S("张网格")}, {"level", S("grid")}}));
  Derived d = Replay(c, s);
  CHECK(d.state.status == "mediating");
  CHECK(d.state.level == "grid");
  CHECK(d.grid_worker == "张网格");
  CHECK(d.state.mediators.empty());
  auto to = EscalationTarget(c, d, orgs);
  REQUIRE(to.ok());
  CHECK((*to)->id == "C-140109005003");

  c.events.push_back(Ev("2026-03-03T09:00:00+08:00", "escalated",
                        {{"org", S("C-140109005003")}, {"level", S("community")}}));
  d = Replay(c, s);
  CHECK(d.state.status == "routed");
  CHECK(d.grid_worker.empty());
  CHECK(d.escalations == 1);
  to = EscalationTarget(c, d, orgs);
  REQUIRE(to.ok());
  CHECK((*to)->id == "S-140109005");

  c.events.push_back(Ev("2026-03-04T09:00:00+08:00", "escalated",
                        {{"org", S("S-140109005")}, {"level", S("street")}}));
  to = EscalationTarget(c, Replay(c, s), orgs);
  REQUIRE(to.ok());
  CHECK((*to)->id == "WBL-CENTRE");

  c.events.push_back(Ev("2026-03-05T09:00:00+08:00", "escalated",
                        {{"org", S("WBL-CENTRE")}, {"level", S("district")}}));
  d = Replay(c, s);
  CHECK(d.escalations == 3);
  CHECK(d.state.level == "district");
  auto none = EscalationTarget(c, d, orgs);
  REQUIRE_FALSE(none.ok());
  CHECK_THAT(none.status().message(), Contains("no level above"));
  CHECK(CheckStep(c, d, "escalated").message() ==
        "WBL-2026-000042 is \"routed\": it can be assigned, withdrawn or extended;\nescalate: "
        "it is at district level and there is no level above it (2002 Provisions Art. 21).");

  // The street comes from the community code when the case names none.
  Case nostreet = Neighbour();
  nostreet.place.street.clear();
  Route(&nostreet);
  to = EscalationTarget(nostreet, Replay(nostreet, s), orgs);
  REQUIRE(to.ok());
  CHECK((*to)->id == "S-140109005");

  // No committee for the community: said, not guessed.
  Case lost = Neighbour();
  lost.place.community = "140109005099";
  lost.events.push_back(Ev("2026-03-02T10:00:00+08:00", "routed",
                           {{"org", S("C-140109005003")}, {"level", S("grid")}}));
  auto missing = EscalationTarget(lost, Replay(lost, s), orgs);
  REQUIRE_FALSE(missing.ok());
  CHECK_THAT(missing.status().message(), Contains("no active community committee for community "
                                                  "140109005099"));
}

TEST_CASE("migrated cases may be concluded without an assignment", "[lifecycle]") {
  Settings s = Shanghai();
  Case c = Neighbour();
  c.migrated = true;
  c.events.push_back(Ev("2026-03-02T09:30:00+08:00", "routed",
                        {{"org", S("C-140109005003")}, {"level", S("grid")}}));
  CHECK(Steps(c) == std::vector<std::string>{"assigned", "agreed", "terminated", "withdrawn",
                                             "escalated", "extended"});
  c.events.push_back(
      Ev("2026-03-02T09:30:00+08:00", "agreed", {{"date", S("2026-03-20")}, {"form", S("oral")}}));
  c.events.push_back(Ev("2026-03-02T09:30:00+08:00", "performance",
                        {{"date", S("2026-03-20")}, {"performance", S("full")}}));
  c.events.push_back(Ev("2026-03-02T09:30:00+08:00", "visited", {{"date", S("2026-04-02")}}));
  c.events.push_back(Ev("2026-03-02T09:30:00+08:00", "closed", {{"date", S("2026-04-02")}}));
  DiagnosticSink sink;
  CheckTimeline(c, s, "c.yaml", &sink);
  CHECK_FALSE(sink.has_errors());
  CaseSummary sum = Summarize(c, "cases/2026/03/WBL-2026-000042.yaml", s);
  CHECK(sum.status == "closed");
  CHECK(sum.level == "grid");
  CHECK(sum.outcome == "agreed");
  CHECK(sum.concluded == D("2026-03-20"));
  CHECK(sum.agreement_effective == D("2026-03-20"));
  CHECK(sum.visited == D("2026-04-02"));
  CHECK(sum.closed == D("2026-04-02"));
  CHECK(sum.mediators.empty());
  CHECK(sum.migrated);

  // The same timeline without the mark is refused at its agreement.
  c.migrated = false;
  DiagnosticSink strict;
  CheckTimeline(c, s, "c.yaml", &strict);
  REQUIRE(strict.error_count() == 1);
  CHECK(strict.items()[0].field == "events[2].type");
  CHECK_THAT(strict.items()[0].message, Contains("\"agreed\" cannot follow"));
}

TEST_CASE("the conclude deadline counts local dates in the store's time zone", "[lifecycle]") {
  Settings s = Shanghai();
  Case c = Neighbour();
  // 23:30 local on the last day of January: received Jan 31, due Mar 2
  // (Jan 31 + 30 days; February 2026 has 28 days).
  for (const char* at : {"2026-01-31T23:30:00+08:00", "2026-01-31T15:30:00Z"}) {
    c.received = T(at);
    c.events.front().at = c.received;
    Derived d = Replay(c, s);
    CHECK(d.clock_start == D("2026-01-31"));
    CHECK(d.state.deadline == D("2026-03-02"));
  }
  // One hour later it is February 1 in Shanghai though still January 31 in UTC.
  c.received = T("2026-01-31T16:30:00Z");
  c.events.front().at = c.received;
  CHECK(Replay(c, s).state.deadline == D("2026-03-03"));

  // On a pinned "now": due today on Mar 2 until local midnight, overdue after.
  c.received = T("2026-01-31T23:30:00+08:00");
  c.events.front().at = c.received;
  Route(&c);
  c.events.back().at = T("2026-02-01T10:00:00+08:00");
  auto today = [&](const char* now) { return s.time_zone.LocalDate(T(now)); };
  auto entries = DueEntries(c, s, today("2026-03-02T23:59:00+08:00"), 0);
  REQUIRE(entries.size() == 1);
  CHECK(entries[0].deadline.kind == "conclude");
  CHECK(entries[0].days_left == 0);
  CHECK(DaysLeftText(entries[0].days_left) == "due today");
  entries = DueEntries(c, s, today("2026-03-02T16:30:00Z"), 0);  // 00:30 on Mar 3 local
  REQUIRE(entries.size() == 1);
  CHECK(entries[0].days_left == -1);
  CHECK(DaysLeftText(-1) == "1 day overdue");
  CHECK(DueEntries(c, s, D("2026-02-20"), 7).empty());  // Mar 2 is 10 days away
  CHECK(DueEntries(c, s, D("2026-02-20"), 10).size() == 1);

  // An extension moves it; later conclusions are no longer overdue.
  c.events.push_back(Ev("2026-02-27T10:00:00+08:00", "extended",
                        {{"deadline", S("2026-03-31")}, {"consent", S("both_parties")}}));
  Derived d = Replay(c, s);
  CHECK(d.extended);
  CHECK(d.state.deadline == D("2026-03-31"));
  entries = DueEntries(c, s, D("2026-03-25"), 7);
  REQUIRE(entries.size() == 1);
  CHECK(entries[0].days_left == 6);
  CHECK_THAT(entries[0].deadline.rule, Contains("extended with both parties' consent"));
}

TEST_CASE("court-invited limits run from the receipt of the materials", "[lifecycle]") {
  Settings s = Shanghai();
  Case c = Neighbour();
  c.source = "court_delegated";
  CHECK(ConcludeLimitDays(c, s) == 30);
  c.source = "court_entrusted";
  CHECK(ConcludeLimitDays(c, s) == 15);
  c.procedure = "court_summary";
  CHECK(ConcludeLimitDays(c, s) == 7);
  CHECK(Replay(c, s).state.deadline == D("2026-03-09"));
  Route(&c, "WBL-CENTRE", "district");
  c.events.push_back(
      Ev("2026-03-05T09:00:00+08:00", "assigned",
         {{"mediators", Value::Strings({"M-0001"})}, {"materials_received", S("2026-03-04")}}));
  Derived d = Replay(c, s);
  CHECK(d.clock_start == D("2026-03-04"));
  CHECK(d.state.deadline == D("2026-03-11"));
  // A non-court case ignores the field.
  Case n = Neighbour();
  Route(&n);
  n.events.push_back(
      Ev("2026-03-05T09:00:00+08:00", "assigned",
         {{"mediators", Value::Strings({"M-0001"})}, {"materials_received", S("2026-03-04")}}));
  CHECK(Replay(n, s).state.deadline == D("2026-04-01"));
}

TEST_CASE("confirmation and visit deadlines follow the agreement", "[lifecycle]") {
  Settings s = Shanghai();
  Case c = Neighbour();
  Route(&c);
  Assign(&c);
  c.events.push_back(Ev("2026-03-05T15:00:00+08:00", "agreed",
                        {{"date", S("2026-03-05")},
                         {"form", S("written")},
                         {"effective", S("2026-03-05")},
                         {"performance_deadline", S("2026-03-20")}}));
  Derived d = Replay(c, s);
  auto all = CaseDeadlines(c, d, s);
  REQUIRE(all.size() == 2);
  CHECK(all[0].kind == "confirmation");
  CHECK(all[0].due == D("2026-04-04"));  // effective + 30 (Law Art. 33)
  CHECK(all[1].kind == "visit");
  CHECK(all[1].due == D("2026-03-21"));  // the day after the performance deadline
  // On Mar 25: the visit is 4 days overdue, the confirmation window has 10 days.
  auto due = DueEntries(c, s, D("2026-03-25"), 0);
  REQUIRE(due.size() == 1);
  CHECK(due[0].deadline.kind == "visit");
  CHECK(due[0].days_left == -4);
  due = DueEntries(c, s, D("2026-03-25"), 10);
  REQUIRE(due.size() == 2);
  CHECK(DeadlineStateText(all[0], -3) == "window closed 3 days ago");
  CHECK(DeadlineStateText(all[1], -3) == "3 days overdue");
  // A closed confirmation window is not listed.
  due = DueEntries(c, s, D("2026-04-10"), 7);
  REQUIRE(due.size() == 1);
  CHECK(due[0].deadline.kind == "visit");
  CHECK(due[0].days_left == -20);
}

TEST_CASE("ParseDaySpan reads 7d, 2w and plain days", "[lifecycle]") {
  CHECK(ParseDaySpan("7d") == 7);
  CHECK(ParseDaySpan("0d") == 0);
  CHECK(ParseDaySpan("2w") == 14);
  CHECK(ParseDaySpan("10") == 10);
  CHECK_FALSE(ParseDaySpan("").has_value());
  CHECK_FALSE(ParseDaySpan("-1d").has_value());
  CHECK_FALSE(ParseDaySpan("d").has_value());
  CHECK_FALSE(ParseDaySpan("7 days").has_value());
}
