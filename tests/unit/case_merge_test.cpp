// lib/domain/record_merge.cpp, case_merge.cpp and case_conflicts.cpp: the
// three-way merge of case files the merge driver runs, and settling what it
// records. Expected timelines and values are written out by hand from the
// events each side adds.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "case_conflicts.hpp"
#include "case_fixture.hpp"
#include "case_merge.hpp"
#include "case_record.hpp"
#include "lifecycle.hpp"
#include "vocab.hpp"
#include "yaml_emit.hpp"
#include "yaml_io.hpp"

using namespace mediate;
using test::Ev;
using test::S;
using test::Shanghai;

namespace {

const char* kPath = "cases/2026/03/WBL-2026-000042.yaml";

/// The store's settings: Asia/Shanghai and the built-in vocabularies.
const Settings& StoreSettings() {
  static const Settings s = [] {
    Settings x = Shanghai();
    x.vocab = Vocabulary::Builtin();
    return x;
  }();
  return s;
}

/// The case with its state derived, as mediate writes it.
std::string Text(Case c) {
  c.state = Replay(c, StoreSettings()).state;
  return EmitYaml(CaseToValue(c));
}

/// Received, routed, assigned (mediating).
Case Base() {
  Case c = test::Neighbour();
  test::Route(&c);
  test::Assign(&c);
  return c;
}

Case Read(const std::string& text) {
  auto v = ParseYaml(text, kPath);
  REQUIRE(v.ok());
  DiagnosticSink sink;
  Case c = CaseFromValue(*v, kPath, StoreSettings().vocab, &sink);
  REQUIRE_FALSE(sink.has_errors());
  return c;
}

std::vector<std::string> Types(const Case& c) {
  std::vector<std::string> out;
  for (const auto& e : c.events) out.push_back(e.type);
  return out;
}

const MergeStamp kStamp{"合并人 <m@example.org>", *Timestamp::Parse("2026-03-20T09:00:00+08:00")};

CaseMerge Merge(const Case& base, const Case& ours, const Case& theirs) {
  auto m = MergeCaseFile(Text(base), Text(ours), Text(theirs), kPath, StoreSettings(), kStamp);
  if (!m.ok()) {
    const Status st = m.status();
    for (const auto& d : st.diagnostics()) UNSCOPED_INFO(d.ToString());
    UNSCOPED_INFO(st.message());
  }
  REQUIRE(m.ok());
  return *m;
}

}  // namespace

TEST_CASE("a session on one side and an extension on the other make one timeline by time",
          "[merge]") {
  Case base = Base(), ours = base, theirs = base;
  ours.events.push_back(Ev("2026-03-10T09:00:00+08:00", "extended",
                           {{"deadline", S("2026-04-30")}, {"consent", Value::Bool(true)}}));
  theirs.events.push_back(Ev("2026-03-09T15:00:00+08:00", "session", {{"mode", S("on_site")}}));
  CaseMerge m = Merge(base, ours, theirs);
  CHECK(m.conflicts == 0);
  Case c = Read(m.text);
  CHECK(Types(c) ==
        std::vector<std::string>{"received", "routed", "assigned", "session", "extended"});
  CHECK(c.state.status == "mediating");
  CHECK(c.state.deadline.ToString() == "2026-04-30");  // re-derived from the extension
  CHECK(c.conflicts.items().empty());
}

TEST_CASE("an event both sides added is kept once, and tags merge as sets", "[merge]") {
  Case base = Base();
  base.tags = {"old", "keep"};
  Case ours = base, theirs = base;
  Event same = Ev("2026-03-09T15:00:00+08:00", "session", {{"mode", S("on_site")}});
  ours.events.push_back(same);
  theirs.events.push_back(same);
  ours.tags = {"keep", "mine"};             // removed "old", added "mine"
  theirs.tags = {"old", "keep", "theirs"};  // added "theirs"
  Case c = Read(Merge(base, ours, theirs).text);
  CHECK(Types(c) == std::vector<std::string>{"received", "routed", "assigned", "session"});
  CHECK(c.tags == std::vector<std::string>{"keep", "mine", "theirs"});
}

TEST_CASE("a field changed on one side is taken, changed on both it is a recorded conflict",
          "[merge]") {
  Case base = Base(), ours = base, theirs = base;
  theirs.summary = "楼上卫生间漏水";  // theirs only
  ours.amount = Money::FromFen(450000);
  theirs.amount = Money::FromFen(400000);
  theirs.events.push_back(Ev("2026-03-11T09:00:00+08:00", "note", {{"note", S("核实金额")}}));
  CaseMerge m = Merge(base, ours, theirs);
  CHECK(m.conflicts == 1);
  Case c = Read(m.text);
  CHECK(c.summary == "楼上卫生间漏水");
  CHECK(c.amount->fen() == 450000);  // ours kept in the record
  REQUIRE(c.conflicts.items().size() == 1);
  const Value& e = c.conflicts.items()[0];
  CHECK(e.Find("field")->text() == "amount");
  CHECK(e.Find("ours")->Find("value")->text() == "4500.00");
  CHECK(e.Find("theirs")->Find("value")->text() == "4000.00");
  CHECK(e.Find("theirs")->Find("at")->text() == "2026-03-11T09:00:00+08:00");  // theirs' note
  CHECK(e.Find("merged_by")->text() == "合并人 <m@example.org>");
  // Settling: theirs puts 4000.00 in and empties the block.
  std::string merged_at;
  REQUIRE(SettleConflict(&c, "amount", true, StoreSettings(), &merged_at).ok());
  CHECK(c.amount->fen() == 400000);
  CHECK(c.conflicts.items().empty());
  CHECK(merged_at == "2026-03-20T09:00:00+08:00");
}

TEST_CASE("agreed on one side and terminated on the other keep ours and record both", "[merge]") {
  Case base = Base(), ours = base, theirs = base;
  ours.events.push_back(Ev("2026-03-11T09:00:00+08:00", "terminated", {{"reason", S("分歧过大")}}));
  theirs.events.push_back(Ev("2026-03-10T09:00:00+08:00", "agreed", {{"form", S("oral")}}));
  CaseMerge m = Merge(base, ours, theirs);
  CHECK(m.conflicts == 1);
  Case c = Read(m.text);
  CHECK(Types(c) == std::vector<std::string>{"received", "routed", "assigned", "terminated"});
  CHECK(c.state.status == "terminated");
  const Value& e = c.conflicts.items()[0];
  CHECK(e.Find("field")->text() == "events");
  CHECK_THAT(e.Find("reason")->text(), Catch::Contains("\"terminated\" cannot follow"));
  CHECK(e.Find("theirs")->Find("value")->items().size() == 1);
  std::string merged_at;
  REQUIRE(SettleConflict(&c, "", true, StoreSettings(), &merged_at).ok());
  CHECK(Types(c) == std::vector<std::string>{"received", "routed", "assigned", "agreed"});
  CHECK(c.conflicts.items().empty());
}

TEST_CASE("two agreements are a conflict, and a conflict already recorded is carried once",
          "[merge]") {
  Case base = Base(), ours = base, theirs = base;
  ours.events.push_back(Ev("2026-03-10T09:00:00+08:00", "agreed", {{"form", S("oral")}}));
  theirs.events.push_back(Ev("2026-03-10T10:00:00+08:00", "agreed", {{"form", S("written")}}));
  CaseMerge first = Merge(base, ours, theirs);
  CHECK(first.conflicts == 1);
  Case merged = Read(first.text);
  // The merged file merged again with a side that has nothing new: the
  // recorded conflict stays, once.
  auto again = MergeCaseFile(Text(base), first.text, first.text, kPath, StoreSettings(), kStamp);
  REQUIRE(again.ok());
  CHECK(again->conflicts == 0);
  CHECK(Read(again->text).conflicts.items().size() == 1);
  (void)merged;
}

TEST_CASE("two different cases added under one id are refused", "[merge]") {
  Case ours = test::Neighbour(), theirs = test::Neighbour();
  theirs.events[0].at = *Timestamp::Parse("2026-03-02T11:00:00+08:00");
  theirs.received = theirs.events[0].at;
  auto m = MergeCaseFile("", Text(ours), Text(theirs), kPath, StoreSettings(), kStamp);
  REQUIRE_FALSE(m.ok());
  CHECK_THAT(m.status().message(), Catch::Contains("two different cases"));
  CHECK_THAT(m.status().message(), Catch::Contains("mediate renumber"));
}

TEST_CASE("two cases received in the same second under one id are still two", "[merge]") {
  // Two desks of one office registering at the same second, same operator:
  // the received events match, the summaries do not.
  Case ours = test::Neighbour(), theirs = test::Neighbour();
  theirs.summary = "另一起纠纷";
  auto m = MergeCaseFile("", Text(ours), Text(theirs), kPath, StoreSettings(), kStamp);
  REQUIRE_FALSE(m.ok());
  CHECK_THAT(m.status().message(), Catch::Contains("two different cases"));
  // The same registration on both sides is one case.
  auto same = MergeCaseFile("", Text(ours), Text(ours), kPath, StoreSettings(), kStamp);
  REQUIRE(same.ok());
  CHECK(same->conflicts == 0);
}

TEST_CASE("settling refuses a field not in conflict and a case without one", "[merge]") {
  Case base = Base(), ours = base, theirs = base;
  ours.events.push_back(Ev("2026-03-11T09:00:00+08:00", "terminated", {{"reason", S("分歧")}}));
  theirs.events.push_back(Ev("2026-03-10T09:00:00+08:00", "agreed", {{"form", S("oral")}}));
  Case c = Read(Merge(base, ours, theirs).text);
  std::string merged_at;
  Status wrong = SettleConflict(&c, "amount", true, StoreSettings(), &merged_at);
  CHECK(wrong.kind() == ErrorKind::kUsage);
  CHECK_THAT(wrong.message(), Catch::Contains("in conflict: events"));
  CHECK(c.conflicts.items().size() == 1);  // nothing changed
  Case none = Base();
  CHECK(SettleConflict(&none, "", false, StoreSettings(), &merged_at).kind() ==
        ErrorKind::kRejected);
}
