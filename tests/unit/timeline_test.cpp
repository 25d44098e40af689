// lib/records/timeline.cpp and the timeline checks of lib/records/lifecycle.cpp: the
// event-kind and status tables, Replay reading them, and CheckTimeline (what
// validate runs on every case) refusing impossible orders with the event
// index and the rule.
#include <catch2/catch.hpp>

#include <initializer_list>
#include <set>
#include <string>
#include <vector>

#include "case_checks.hpp"
#include "case_fixture.hpp"
#include "lifecycle.hpp"
#include "settings.hpp"
#include "timeline.hpp"
#include "vocab.hpp"
#include "yaml_io.hpp"

using namespace mediate;
using Catch::Matchers::Contains;
using test::Ev;
using test::S;
using test::Shanghai;

namespace {

/// Received 2026-03-02, routed to the community committee, mediators
/// assigned on 2026-03-03.
Case Mediating() {
  Case c = test::Neighbour();
  test::Route(&c);
  test::Assign(&c);
  return c;
}

void Agree(Case* c, const char* date = "2026-03-05") {
  c->events.push_back(
      Ev("2026-03-05T16:00:00+08:00", "agreed", {{"date", S(date)}, {"form", S("written")}}));
}

std::vector<Diagnostic> Check(const Case& c) {
  DiagnosticSink sink;
  CheckTimeline(c, Shanghai(), "c.yaml", &sink);
  return sink.items();
}

/// The one problem CheckTimeline finds in `c` (the test stops when there
/// are none or more), checked to be about `field` and to say each of
/// `fragments`.
Diagnostic OneProblem(const Case& c, const char* field,
                      std::initializer_list<const char*> fragments) {
  auto d = Check(c);
  REQUIRE(d.size() == 1);
  CHECK(d[0].field == field);
  for (const char* fragment : fragments) CHECK_THAT(d[0].message, Contains(fragment));
  return d[0];
}

}  // namespace

TEST_CASE("every event kind has a row with labels, an article and a verb", "[timeline]") {
  std::set<std::string> codes;
  for (const EventKindInfo& row : EventKinds()) {
    INFO(row.code);
    CHECK(std::string(row.zh).size() > 0);
    CHECK(std::string(row.en).size() > 0);
    CHECK_THAT(row.article, Contains("Art. "));
    CHECK(row.out_of_order == Breach::kRefused);
    CHECK(codes.emplace(row.code).second);
    CHECK(ParseEventKind(row.code) == row.kind);
    CHECK(CodeOf(row.kind) == row.code);
  }
  // 20 kinds: the 16 files hold today, `amended`, kept for corrections,
  // `resolved` (a merge conflict settled), `renumbered` (mediate renumber) and
  // `erased` (mediate erase).
  CHECK(codes.size() == 20);
  CHECK_FALSE(ParseEventKind("agree").has_value());
  CHECK_FALSE(ParseEventKind("").has_value());
  // Some rows by hand.
  CHECK(std::string(InfoOf(EventKind::kAgreed).article) == "Law Art. 28");
  CHECK(std::string(InfoOf(EventKind::kTerminated).article) == "Law Art. 26");
  CHECK(std::string(InfoOf(EventKind::kRefused).article) == "MoJ 2002 Provisions Art. 22");
  CHECK(std::string(InfoOf(EventKind::kEscalated).article) == "MoJ 2002 Provisions Art. 21");
  CHECK(std::string(InfoOf(EventKind::kExtended).article) == "MoJ 2002 Provisions Art. 33");
  CHECK(std::string(InfoOf(EventKind::kAssigned).article) == "Law Art. 19");
  CHECK(std::string(InfoOf(EventKind::kConfirmation).article) == "Law Art. 33");
  CHECK(std::string(InfoOf(EventKind::kVisited).article) == "Law Art. 31");
  CHECK(std::string(InfoOf(EventKind::kAgreed).zh) == "达成协议");
  CHECK(std::string(InfoOf(EventKind::kVisitWaived).command) == "visit --none");
  // The unchanged kinds, and the late confirmation recorded with a warning.
  for (EventKind k : {EventKind::kSession, EventKind::kExtended, EventKind::kConfirmation,
                      EventKind::kPerformance, EventKind::kVisited, EventKind::kAmended,
                      EventKind::kNote, EventKind::kResolved, EventKind::kRenumbered,
                      EventKind::kErased})
    CHECK_FALSE(InfoOf(k).leads_to.has_value());
  CHECK(InfoOf(EventKind::kConfirmation).limit == &TimeLimits::confirmation_days);
  CHECK(InfoOf(EventKind::kConfirmation).late == Breach::kWarning);
  // amended, resolved and renumbered: allowed in every state, never listed.
  for (const CaseStatusInfo& s : CaseStatuses()) {
    CHECK(MayFollow(EventKind::kAmended, s.status, false));
    CHECK(MayFollow(EventKind::kResolved, s.status, false));
    CHECK(MayFollow(EventKind::kRenumbered, s.status, false));
    CHECK(MayFollow(EventKind::kErased, s.status, false));
  }
  CHECK(std::string(InfoOf(EventKind::kRenumbered).code) == "renumbered");
  CHECK_FALSE(InfoOf(EventKind::kRenumbered).listed);
  CHECK(std::string(InfoOf(EventKind::kErased).article) == "PIPL Art. 47");
  CHECK_FALSE(InfoOf(EventKind::kErased).listed);
}

TEST_CASE("the status table matches the status vocabulary", "[timeline]") {
  const auto& vocab = Vocabulary::Builtin().status();
  REQUIRE(CaseStatuses().size() == 8);
  for (const CaseStatusInfo& s : CaseStatuses()) {
    INFO(s.code);
    CHECK(ParseCaseStatus(s.code) == s.status);
    const Term* e = vocab.Find(s.code);
    REQUIRE(e != nullptr);
    CHECK(e->zh == s.zh);
  }
  CHECK(std::string(InfoOf(CaseStatus::kMediating).zh) == "调解中");
  CHECK(std::string(InfoOf(CaseStatus::kClosed).zh) == "已归档");
  // open: not closed, withdrawn or refused; pending: not yet concluded.
  CHECK(InfoOf(CaseStatus::kAgreed).open);
  CHECK_FALSE(InfoOf(CaseStatus::kAgreed).pending);
  CHECK_FALSE(InfoOf(CaseStatus::kWithdrawn).open);
  CHECK(InfoOf(CaseStatus::kRouted).pending);
  CHECK_FALSE(ParseCaseStatus("open").has_value());
}

TEST_CASE("a replay of each kind leads where the table says", "[timeline]") {
  Settings s = Shanghai();
  // From a case under mediation (mediators named), each kind alone.
  struct Expect {
    const char* kind;
    const char* status;
  };
  for (Expect x :
       {Expect{"received", "received"}, Expect{"routed", "routed"}, Expect{"refused", "refused"},
        Expect{"assigned", "mediating"}, Expect{"agreed", "agreed"},
        Expect{"terminated", "terminated"}, Expect{"withdrawn", "withdrawn"},
        Expect{"escalated", "routed"}, Expect{"extended", "mediating"},
        Expect{"session", "mediating"}, Expect{"closed", "closed"},
        Expect{"confirmation", "mediating"}, Expect{"performance", "mediating"},
        Expect{"visited", "mediating"}, Expect{"visit_waived", "mediating"},
        Expect{"note", "mediating"}, Expect{"amended", "mediating"}}) {
    INFO(x.kind);
    Case c = Mediating();
    Event e = Ev("2026-03-04T09:00:00+08:00", x.kind);
    if (std::string(x.kind) == "assigned") e.payload.Set("mediators", Value::Strings({"M-1"}));
    c.events.push_back(e);
    Derived d = Replay(c, s);
    CHECK(d.state.status == x.status);
    CHECK(CodeOf(d.status) == x.status);
    // The table agrees, for the kinds that change the status.
    auto row = InfoOf(*ParseEventKind(x.kind));
    if (row.leads_to) CHECK(CodeOf(*row.leads_to) == x.status);
  }
  // Outcomes: the status a conclusion led to.
  Case c = Mediating();
  Agree(&c);
  CHECK(Replay(c, s).outcome == "agreed");
  c.events.push_back(Ev("2026-03-20T09:00:00+08:00", "performance", {{"performance", S("full")}}));
  c.events.push_back(Ev("2026-03-21T09:00:00+08:00", "visited"));
  c.events.push_back(Ev("2026-03-22T09:00:00+08:00", "closed"));
  CHECK(Replay(c, s).state.status == "closed");
  CHECK(Replay(c, s).outcome == "agreed");
  // ReplayFirst: the state before event 3 (the agreement).
  CHECK(ReplayFirst(c, 3, s).state.status == "mediating");
  CHECK(ReplayFirst(c, 2, s).state.status == "routed");
}

TEST_CASE("validate refuses agreed then terminated, naming the event and the rule", "[timeline]") {
  Case c = Mediating();
  Agree(&c);
  c.events.push_back(Ev("2026-03-06T09:00:00+08:00", "terminated", {{"date", S("2026-03-06")}}));
  CHECK(OneProblem(c, "events[4].type",
                   {"\"terminated\" cannot follow", "is \"agreed\"",
                    "terminated follows mediating (Law Art. 26)"})
            .severity == Severity::kError);
}

TEST_CASE("validate refuses impossible orders", "[timeline]") {
  SECTION("closed before agreed") {
    Case c = Mediating();
    c.events.push_back(Ev("2026-03-04T09:00:00+08:00", "closed"));
    Agree(&c);
    OneProblem(c, "events[3].type",
               {"\"closed\" cannot follow",
                "closed follows agreed, terminated, withdrawn or refused", "(Law Art. 27, 31)"});
  }
  SECTION("two agreements") {
    Case c = Mediating();
    Agree(&c);
    Agree(&c, "2026-03-06");
    OneProblem(c, "events[4].type", {"agreed follows mediating (Law Art. 28)"});
  }
  SECTION("refused after routed") {
    Case c = Mediating();
    c.events.resize(2);
    c.events.push_back(Ev("2026-03-03T09:00:00+08:00", "refused", {{"reason", S("x")}}));
    OneProblem(c, "events[2].type", {"refused follows received (MoJ 2002 Provisions Art. 22)"});
  }
  SECTION("a session before routing") {
    Case c = Mediating();
    c.events.resize(1);
    c.events.push_back(Ev("2026-03-02T11:00:00+08:00", "session"));
    OneProblem(c, "events[1].type", {"session follows mediating"});
  }
  SECTION("a timeline that does not start with received") {
    Case c = Mediating();
    c.events.erase(c.events.begin());
    OneProblem(c, "events[0].type", {"starts with \"received\", not \"routed\""});
  }
  SECTION("a step dated before the step it follows") {
    Case c = Mediating();
    // Mediators assigned on 2026-03-03; an agreement dated 2026-03-01.
    Agree(&c, "2026-03-01");
    OneProblem(c, "events[3].date",
               {"dated 2026-03-01, before the assigned step it follows "
                "(events[2], 2026-03-03)"});
  }
  SECTION("performance dated before the agreement") {
    Case c = Mediating();
    Agree(&c);
    c.events.push_back(Ev("2026-03-06T09:00:00+08:00", "performance",
                          {{"date", S("2026-03-04")}, {"performance", S("full")}}));
    OneProblem(c, "events[4].date", {});
  }
  SECTION("an agreement dated before a session") {
    Case c = Mediating();
    // Assigned 2026-03-03, a session on 2026-03-05, the agreement dated 03-04.
    c.events.push_back(Ev("2026-03-05T09:00:00+08:00", "session", {{"date", S("2026-03-05")}}));
    Agree(&c, "2026-03-04");
    OneProblem(c, "events[4].date",
               {"dated 2026-03-04, before the session step it follows (events[3], 2026-03-05)"});
  }
  SECTION("a file closed before its return visit") {
    Case c = Mediating();
    Agree(&c);
    c.events.push_back(Ev("2026-03-06T09:00:00+08:00", "performance",
                          {{"date", S("2026-03-06")}, {"performance", S("full")}}));
    c.events.push_back(Ev("2026-03-10T09:00:00+08:00", "visited", {{"date", S("2026-03-10")}}));
    c.events.push_back(Ev("2026-03-11T09:00:00+08:00", "closed", {{"date", S("2026-03-09")}}));
    OneProblem(c, "events[6].date",
               {"dated 2026-03-09, before the visited step it follows (events[5], 2026-03-10)"});
  }
}

TEST_CASE("note and amended may come anywhere after received", "[timeline]") {
  Case c = Mediating();
  c.events.insert(c.events.begin() + 1, Ev("2026-03-02T09:40:00+08:00", "note"));
  c.events.push_back(Ev("2026-03-04T09:00:00+08:00", "amended"));
  Agree(&c);
  c.events.push_back(Ev("2026-03-06T09:00:00+08:00", "amended"));
  CHECK(Check(c).empty());
}

TEST_CASE("renumbered may come in any state and changes nothing the replay derives", "[timeline]") {
  Case c = Mediating();
  const Derived before = Replay(c, Shanghai());
  c.events.push_back(
      Ev("2026-03-04T09:00:00+08:00", "renumbered", {{"from", S("WBL-2026-000001")}}));
  CHECK(Check(c).empty());
  const Derived after = Replay(c, Shanghai());
  CHECK(after.state.status == "mediating");
  CHECK(after.state.status == before.state.status);
  CHECK(after.state.deadline == before.state.deadline);
  CHECK(after.state.mediators == before.state.mediators);
  // Closed cases too: a duplicate id may be found long after.
  Agree(&c);
  c.events.push_back(
      Ev("2026-03-07T09:00:00+08:00", "renumbered", {{"from", S("WBL-2026-000007")}}));
  CHECK(Check(c).empty());
  CHECK(Replay(c, Shanghai()).state.status == "agreed");
}

TEST_CASE("a late application for judicial confirmation is a warning", "[timeline]") {
  Case c = Mediating();
  Agree(&c);  // effective 2026-03-05 (no `effective`: the agreement's date)
  // 2026-03-05 + 46 days = 2026-04-20 (26 days of March, 20 of April).
  c.events.push_back(Ev("2026-04-20T09:00:00+08:00", "confirmation",
                        {{"result", S("applied")}, {"applied", S("2026-04-20")}}));
  CHECK(OneProblem(c, "events[4].applied",
                   {"applied 46 days after the agreement took effect", "Law Art. 33"})
            .severity == Severity::kWarning);
  // 30 days is in time: 2026-04-04.
  c.events.back().payload.Set("applied", S("2026-04-04"));
  CHECK(Check(c).empty());
}

TEST_CASE("a migrated case may be agreed from routed, and others may not", "[timeline]") {
  Case c = Mediating();
  c.events.resize(2);
  Agree(&c);
  c.migrated = true;
  CHECK(Check(c).empty());
  c.migrated = false;
  OneProblem(c, "events[2].type", {"agreed follows mediating (Law Art. 28)"});
  CHECK(StepRule(EventKind::kAgreed, true) == "agreed follows routed or mediating (Law Art. 28)");
}

TEST_CASE("timeline errors carry the file position of the event", "[timeline]") {
  const char* text =
      "id: WBL-2026-000042\n"                // 1
      "events:\n"                            // 2
      "  - at: 2026-03-02T09:30:00+08:00\n"  // 3
      "    type: received\n"                 // 4
      "  - at: 2026-03-02T10:00:00+08:00\n"  // 5
      "    type: refused\n"                  // 6
      "  - at: 2026-03-02T11:00:00+08:00\n"  // 7
      "    type: routed\n";                  // 8
  auto root = ParseYaml(text, "c.yaml");
  REQUIRE(root.ok());
  Case c = Mediating();
  c.events.resize(1);
  c.events.push_back(Ev("2026-03-02T10:00:00+08:00", "refused"));
  c.events.push_back(Ev("2026-03-02T11:00:00+08:00", "routed"));
  DiagnosticSink sink;
  CheckTimeline(c, Shanghai(), "c.yaml", &sink,
                [&](const std::string& f) { return LocateField(*root, "c.yaml", f); });
  REQUIRE(sink.items().size() == 1);
  const Diagnostic& d = sink.items()[0];
  CHECK(d.field == "events[2].type");
  CHECK(d.where.file == "c.yaml");
  CHECK(d.where.line == 8);
  CHECK(d.where.column == 11);
  CHECK_THAT(d.message, Contains("is \"refused\": it can be closed"));
}
