// lib/records/step_dates.cpp: which step a new one follows for its date,
// and the refusal naming both dates.
#include <catch2/catch.hpp>

#include "case_fixture.hpp"
#include "lifecycle.hpp"
#include "step_dates.hpp"

using namespace mediate;
using test::Ev;
using test::S;
using test::Shanghai;

namespace {

Date D(const char* text) { return *Date::Parse(text); }

/// Received 2026-03-02, routed 03-02, assigned 03-03 (case_fixture.hpp),
/// sessions on 03-06 and 03-04 (the second entered late).
Case WithSessions() {
  Case c = test::Neighbour();
  test::Route(&c);
  test::Assign(&c);
  c.events.push_back(Ev("2026-03-06T09:00:00+08:00", "session", {{"date", S("2026-03-06")}}));
  c.events.push_back(Ev("2026-03-07T09:00:00+08:00", "session", {{"date", S("2026-03-04")}}));
  return c;
}

}  // namespace

TEST_CASE("a status-changing step follows the latest-dated step before it", "[step_dates]") {
  const Settings s = Shanghai();
  const Case c = WithSessions();
  // An agreement follows the session of 03-06 (events[3]), not the later-entered 03-04 one.
  PriorStep p = StepBefore(c, c.events.size(), EventKind::kAgreed, s);
  CHECK(p.index == 3);
  CHECK(p.type == "session");
  CHECK(p.date == D("2026-03-06"));
  // A session follows the latest status-changing step: the assignment of 03-03.
  p = StepBefore(c, c.events.size(), EventKind::kSession, s);
  CHECK(p.index == 2);
  CHECK(p.type == "assigned");
  CHECK(p.date == D("2026-03-03"));
  // Before any event, nothing.
  CHECK(StepBefore(c, 0, EventKind::kReceived, s).index == -1);
  // Notes and corrections are not steps.
  CHECK_FALSE(IsDatedStep(EventKind::kNote));
  CHECK_FALSE(IsDatedStep(EventKind::kAmended));
  CHECK(IsDatedStep(EventKind::kSession));
}

TEST_CASE("CheckStepDate names both dates and the earlier step", "[step_dates]") {
  const Settings s = Shanghai();
  const Case c = WithSessions();
  Status st = CheckStepDate(c, EventKind::kAgreed, D("2026-03-05"), s);
  REQUIRE_FALSE(st.ok());
  CHECK(st.kind() == ErrorKind::kRejected);
  CHECK(st.message() ==
        "WBL-2026-000042: agreed dated 2026-03-05 is before the session step it follows "
        "(2026-03-06); a step cannot precede the one before it");
  CHECK(CheckStepDate(c, EventKind::kAgreed, D("2026-03-06"), s).ok());
  // A session may come between sessions: it follows the assignment (03-03).
  CHECK(CheckStepDate(c, EventKind::kSession, D("2026-03-03"), s).ok());
  CHECK_FALSE(CheckStepDate(c, EventKind::kSession, D("2026-03-02"), s).ok());
  // Routing a received case on the day before it was received.
  Case fresh = test::Neighbour();
  st = CheckStepDate(fresh, EventKind::kRouted, D("2026-03-01"), s);
  CHECK(st.message() ==
        "WBL-2026-000042: routed dated 2026-03-01 is before the received step it follows "
        "(2026-03-02); a step cannot precede the one before it");
  CHECK(CheckStepDate(fresh, EventKind::kRouted, Date(), s).ok());
}
