// lib/domain/lifecycle_steps.cpp: what each step checks (errors refuse it,
// warnings record it) and the events it makes, on a pinned "today".
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "lifecycle.hpp"
#include "lifecycle_agreement.hpp"
#include "lifecycle_steps.hpp"

using namespace mediate;
using Catch::Matchers::Contains;

namespace {

Timestamp T(const char* rfc3339) { return *Timestamp::Parse(rfc3339); }

struct Fixture {
  Settings settings;
  AreaRegistry areas;
  OrgRegistry orgs;
  MediatorRegistry mediators;
  StepContext ctx;
  Case c;

  Fixture() {
    settings.time_zone = *TimeZone::Find("Asia/Shanghai");
    for (auto [id, kind, level, street, community] :
         std::vector<std::tuple<const char*, const char*, const char*, const char*, const char*>>{
             {"C-140109005003", "community_committee", "community", "140109005", "140109005003"},
             {"S-140109005", "street_committee", "street", "140109005", ""},
             {"WBL-CENTRE", "district_centre", "district", "", ""}}) {
      Organisation o;
      o.id = id;
      o.name = id;
      o.kind = kind;
      o.level = level;
      o.street = street;
      o.community = community;
      orgs[o.id] = o;
    }
    for (auto [id, org, status] : std::vector<std::tuple<const char*, const char*, const char*>>{
             {"M-0307", "C-140109005003", "active"},
             {"M-0001", "WBL-CENTRE", "active"},
             {"M-0999", "C-140109005003", "retired"}}) {
      Mediator m;
      m.id = id;
      m.name = std::string("调解员") + id;
      m.org = org;
      m.status = status;
      mediators[m.id] = m;
    }
    ctx = {&settings, &areas, &orgs, &mediators, *Date::Parse("2026-03-10"), "王某"};
    c.id = "WBL-2026-000042";
    c.received = T("2026-03-02T09:30:00+08:00");
    c.source = "application";
    c.category = "neighbour";
    c.place = {"140109005", "140109005003", "140109005003011", ""};
    c.parties.push_back({"applicant", "person", "李某", "", "", ""});
    c.parties.push_back({"respondent", "person", "王某", "", "", ""});
    Add("2026-03-02T09:30:00+08:00", "received");
    Add("2026-03-02T10:00:00+08:00", "routed");
    c.events.back().payload.Set("org", Value::String("C-140109005003"));
    c.events.back().payload.Set("level", Value::String("community"));
  }
  Event Add(const char* at, const char* type) {
    Event e;
    e.at = T(at);
    e.type = type;
    c.events.push_back(e);
    return e;
  }
  Derived D() const { return Replay(c, settings); }
  void Append(const Step& s) {
    Event e = s.event;
    e.at = T("2026-03-10T12:00:00+08:00");
    c.events.push_back(e);
  }
};

std::vector<std::string> Messages(const DiagnosticSink& sink, Severity severity) {
  std::vector<std::string> out;
  for (const auto& d : sink.items())
    if (d.severity == severity) out.push_back(d.field + ": " + d.message);
  return out;
}

AgreeInput WrittenAgreement() {
  AgreeInput in;
  in.form = "written";
  in.date = "2026-03-09";
  in.facts = "楼上卫生间漏水致楼下天花板受损";
  in.terms = {"李某赔偿王某维修费3500元"};
  in.amount = "3500";
  in.manner = "一次性银行转账";
  in.place = "东风社区调委会";
  in.deadline = "2026-03-20";
  in.signed_by = {"all"};
  in.mediator_signed = true;
  in.sealed = true;
  return in;
}

}  // namespace

TEST_CASE("assign checks the roster and the grid-worker rule", "[lifecycle]") {
  Fixture f;
  DiagnosticSink sink;
  Step s = BuildAssign(f.c, f.D(), {{"M-0307"}, true, "", "", ""}, f.ctx, &sink);
  CHECK_FALSE(sink.has_errors());
  CHECK(s.event.type == "assigned");
  CHECK(s.event.GetList("mediators") == std::vector<std::string>{"M-0307"});
  CHECK(s.event.Get("chosen_by") == "parties");

  DiagnosticSink bad;
  BuildAssign(f.c, f.D(), {{"M-0999", "M-4040", "M-0307", "M-0307"}, false, "", "", ""}, f.ctx,
              &bad);
  CHECK(Messages(bad, Severity::kError) ==
        std::vector<std::string>{"mediators: M-0999 调解员M-0999 is retired, not active",
                                 "mediators: unknown mediator M-4040 (mediators/M-4040.yaml)",
                                 "mediators: M-0307 is named twice"});

  DiagnosticSink other;
  BuildAssign(f.c, f.D(), {{"M-0001"}, false, "", "", ""}, f.ctx, &other);
  CHECK_FALSE(other.has_errors());
  CHECK(other.warning_count() == 1);

  DiagnosticSink none;
  BuildAssign(f.c, f.D(), {}, f.ctx, &none);
  CHECK(none.error_count() == 1);

  // The community committee hands the case to the grid worker: grid level.
  DiagnosticSink grid;
  Step g = BuildAssign(f.c, f.D(), {{}, false, "张网格", "", ""}, f.ctx, &grid);
  CHECK_FALSE(grid.has_errors());
  CHECK(g.event.Get("grid_worker") == "张网格");
  CHECK(g.event.Get("level") == "grid");
  f.Append(g);
  CHECK(f.D().state.level == "grid");
  CHECK(f.D().state.status == "mediating");
  // Mediators cannot take over at grid level: escalate first.
  DiagnosticSink at_grid;
  BuildAssign(f.c, f.D(), {{"M-0307"}, false, "", "", ""}, f.ctx, &at_grid);
  CHECK_THAT(Messages(at_grid, Severity::kError).at(0), Contains("escalate it"));
  // A street committee has no grid worker; the materials date is for court cases.
  Fixture street;
  street.c.events.back().payload.Set("org", Value::String("S-140109005"));
  street.c.events.back().payload.Set("level", Value::String("street"));
  DiagnosticSink st;
  BuildAssign(street.c, street.D(), {{}, false, "张网格", "2026-03-03", ""}, street.ctx, &st);
  CHECK(st.error_count() == 2);
}

TEST_CASE("a written agreement lacking what Art. 29 requires is refused listing it",
          "[lifecycle]") {
  Fixture f;
  AgreeInput in;
  in.form = "written";
  in.terms = {"李某赔偿王某3500元"};
  in.signed_by = {"李某"};
  DiagnosticSink sink;
  BuildAgree(f.c, f.D(), in, f.ctx, &sink);
  CHECK(Messages(sink, Severity::kError) ==
        std::vector<std::string>{
            "written agreement: missing the manner of performance (--manner) (Law Art. 29; 2002 "
            "Provisions Art. 35)",
            "written agreement: missing the time limit of performance (--deadline) (Law Art. 29; "
            "2002 Provisions Art. 35)",
            "written agreement: missing the signature of 王某 (--signed-by) (Law Art. 29; 2002 "
            "Provisions Art. 35)",
            "written agreement: missing the mediator's signature (--mediator-signed) (Law Art. "
            "29; 2002 Provisions Art. 35)",
            "written agreement: missing the committee's seal (--sealed) (Law Art. 29; 2002 "
            "Provisions Art. 35)"});
  CHECK(sink.warning_count() == 2);  // no place, no facts

  DiagnosticSink ok;
  Step s = BuildAgree(f.c, f.D(), WrittenAgreement(), f.ctx, &ok);
  CHECK(ok.items().empty());
  CHECK(s.event.Get("effective") == "2026-03-09");
  CHECK(s.event.Get("amount") == "3500.00");
  CHECK(s.event.GetList("signed_by") == std::vector<std::string>{"李某", "王某"});
  CHECK(s.event.Get("sealed") == "true");
  f.Append(s);
  Derived d = f.D();
  CHECK(d.state.status == "agreed");
  CHECK(d.concluded.ToString() == "2026-03-09");
  CHECK(d.performance_deadline.ToString() == "2026-03-20");
  REQUIRE_FALSE(s.notes.empty());
  CHECK_THAT(s.notes[0], Contains("2026-04-08"));  // Mar 9 + 30 days (Law Art. 33)

  AgreeInput wrong = WrittenAgreement();
  wrong.signed_by = {"赵某"};
  wrong.deadline = "2026-03-01";
  wrong.date = "2026-03-11";  // after today (Mar 10)
  wrong.amount = "3,50";
  DiagnosticSink bad;
  BuildAgree(f.c, f.D(), wrong, f.ctx, &bad);
  auto errors = Messages(bad, Severity::kError);
  CHECK(errors.size() == 5);  // future date, amount, deadline before, 赵某, unsigned parties
  CHECK_THAT(errors[0], Contains("2026-03-11 is in the future"));
}

TEST_CASE("an oral agreement paid later or in instalments is recorded with a warning",
          "[lifecycle]") {
  Fixture f;
  AgreeInput in;
  in.form = "口头";
  in.terms = {"分三期支付赡养费"};
  in.instalments = true;
  DiagnosticSink sink;
  Step s = BuildAgree(f.c, f.D(), in, f.ctx, &sink);
  CHECK_FALSE(sink.has_errors());
  REQUIRE(sink.warning_count() == 1);
  CHECK_THAT(sink.items()[0].message, Contains("2002 Provisions Art. 34"));
  CHECK(s.event.Get("form") == "oral");
  CHECK(s.event.Get("effective") == "2026-03-10");  // Law Art. 30: the day made

  in.instalments = false;
  in.deadline = "2026-04-30";
  DiagnosticSink later;
  BuildAgree(f.c, f.D(), in, f.ctx, &later);
  REQUIRE(later.warning_count() == 1);
  CHECK_THAT(later.items()[0].message, Contains("in the future (by 2026-04-30)"));

  in.deadline = "2026-03-10";  // performed on the spot
  DiagnosticSink spot;
  BuildAgree(f.c, f.D(), in, f.ctx, &spot);
  CHECK(spot.items().empty());
}

TEST_CASE("extend needs consent and a later date", "[lifecycle]") {
  Fixture f;
  DiagnosticSink no_consent;
  BuildExtend(f.c, f.D(), {"2026-04-15", false, ""}, f.ctx, &no_consent);
  REQUIRE(no_consent.error_count() == 1);
  CHECK_THAT(no_consent.items()[0].message, Contains("both parties' consent"));
  DiagnosticSink earlier;
  BuildExtend(f.c, f.D(), {"2026-03-31", true, ""}, f.ctx, &earlier);
  CHECK(earlier.error_count() == 1);  // the deadline is Apr 1
  DiagnosticSink ok;
  Step s = BuildExtend(f.c, f.D(), {"2026-04-15", true, "需要鉴定"}, f.ctx, &ok);
  CHECK_FALSE(ok.has_errors());
  CHECK(s.event.Get("previous") == "2026-04-01");
  CHECK(s.event.Get("consent") == "both_parties");
  f.Append(s);
  CHECK(f.D().state.deadline.ToString() == "2026-04-15");
  DiagnosticSink longer;
  BuildExtend(f.c, f.D(), {"2026-06-15", true, ""}, f.ctx, &longer);
  CHECK_FALSE(longer.has_errors());
  CHECK(longer.warning_count() == 1);
}

TEST_CASE("judicial confirmation: late or excluded is recorded with a warning", "[lifecycle]") {
  Fixture f;
  f.c.category = "marriage_family";
  DiagnosticSink a;
  f.Append(BuildAgree(f.c, f.D(), WrittenAgreement(), f.ctx, &a));  // effective Mar 9
  f.ctx.today = *Date::Parse("2026-05-20");
  DiagnosticSink late;
  Step s = BuildConfirm(f.c, f.D(), {"applied", "WBL-COURT", "2026-04-10", "", ""}, f.ctx, &late);
  CHECK_FALSE(late.has_errors());
  auto warnings = Messages(late, Severity::kWarning);
  REQUIRE(warnings.size() == 2);
  CHECK_THAT(warnings[0], Contains("applied 32 days after the agreement took effect"));
  CHECK_THAT(warnings[0], Contains("Law Art. 33"));
  CHECK_THAT(warnings[1], Contains("SPC interpretation 2022 Art. 355"));
  CHECK(s.event.Get("late") == "true");
  f.Append(s);
  CHECK(f.D().confirmation_applied.ToString() == "2026-04-10");

  DiagnosticSink twice;
  BuildConfirm(f.c, f.D(), {"applied", "WBL-COURT", "", "", "other"}, f.ctx, &twice);
  CHECK(twice.error_count() == 1);

  DiagnosticSink decided;
  Step c = BuildConfirm(f.c, f.D(), {"confirmed", "", "", "2026-04-20", "other"}, f.ctx, &decided);
  CHECK_FALSE(decided.has_errors());
  CHECK(c.event.Get("applied") == "2026-04-10");
  f.Append(c);
  Derived d = f.D();
  CHECK(d.confirmation == "confirmed");
  CHECK(d.confirmation_decided.ToString() == "2026-04-20");

  DiagnosticSink excluded;
  Fixture g;
  DiagnosticSink ga;
  g.Append(BuildAgree(g.c, g.D(), WrittenAgreement(), g.ctx, &ga));
  BuildConfirm(g.c, g.D(), {"applied", "法院", "2026-03-10", "", "ownership"}, g.ctx, &excluded);
  CHECK_FALSE(excluded.has_errors());
  CHECK(excluded.warning_count() == 1);
  DiagnosticSink no_date;
  BuildConfirm(g.c, g.D(), {"rejected", "法院", "", "", ""}, g.ctx, &no_date);
  CHECK(no_date.error_count() == 1);  // when was it applied for?
}

TEST_CASE("refuse, terminate, visit and close record their reasons", "[lifecycle]") {
  Fixture f;
  DiagnosticSink refuse;
  BuildRefuse(f.c, f.D(), {"", ""}, f.ctx, &refuse);
  CHECK(refuse.error_count() == 2);

  Fixture court;
  court.c.source = "court_delegated";
  DiagnosticSink t;
  Step s = BuildTerminate(court.c, court.D(), {"双方分歧过大", "", ""}, court.ctx, &t);
  CHECK_FALSE(t.has_errors());
  CHECK(s.event.Get("materials") == "returned_to_court");
  CHECK_THAT(s.notes.at(0), Contains("SPC 2016 Art. 21"));
  CHECK_FALSE(s.event.Get("guidance").empty());

  DiagnosticSink a;
  f.Append(BuildAgree(f.c, f.D(), WrittenAgreement(), f.ctx, &a));
  f.ctx.today = *Date::Parse("2026-03-25");
  DiagnosticSink visit;
  Step v =
      BuildVisit(f.c, f.D(), {"2026-03-24", "", "电话", "full", "满意", "", false, "", false, ""},
                 f.ctx, &visit);
  CHECK_FALSE(visit.has_errors());
  CHECK(visit.warning_count() == 0);
  CHECK(v.event.Get("visitor") == "王某");
  CHECK(v.event.Get("method") == "phone");
  CHECK(v.event.Get("satisfaction") == "satisfied");
  CHECK(v.event.Get("lawsuit") == "false");
  DiagnosticSink early;
  BuildVisit(f.c, f.D(),
             {"2026-03-15", "赵某", "on_site", "instalment", "", "", true, "", false, ""}, f.ctx,
             &early);
  CHECK(early.warning_count() == 2);  // before the performance deadline; a lawsuit
  DiagnosticSink waived;
  Step w = BuildVisit(f.c, f.D(), {"", "", "", "", "", "", false, "", true, ""}, f.ctx, &waived);
  CHECK(w.event.type == "visit_waived");
  CHECK(waived.error_count() == 1);
  DiagnosticSink close;
  Step c = BuildClose(f.c, f.D(), "长期", f.ctx, &close);
  CHECK(c.event.Get("retention") == "long");
}

TEST_CASE("step vocabularies take codes and Chinese labels", "[lifecycle]") {
  CHECK(ResolveStepCode("session_mode", "现场") == "on_site");
  CHECK(ResolveStepCode("session_mode", "video") == "video");
  CHECK(ResolveStepCode("session_mode", "飞鸽") == "");
  CHECK(StepCodeLabel("satisfaction", "basically_satisfied") == "基本满意");
  CHECK(StepCodeList("confirmation_result") ==
        "applied 已申请, confirmed 已确认, rejected 驳回, withdrawn 撤回申请");
}

TEST_CASE("a step may not be dated before the step it follows", "[lifecycle]") {
  Fixture f;
  // Mediators assigned on 2026-03-05: an agreement dated 2026-03-04 is
  // refused, as validate would refuse it; 2026-03-05 is allowed.
  f.Add("2026-03-05T09:00:00+08:00", "assigned");
  f.c.events.back().payload.Set("mediators", Value::Strings({"M-0307"}));
  AgreeInput in = WrittenAgreement();
  in.date = "2026-03-04";
  DiagnosticSink sink;
  BuildAgree(f.c, f.D(), in, f.ctx, &sink);
  REQUIRE(Messages(sink, Severity::kError).size() == 1);
  CHECK(Messages(sink, Severity::kError)[0] ==
        "--date: 2026-03-04 is before the assigned step it follows (2026-03-05)");
  in.date = "2026-03-05";
  DiagnosticSink ok;
  BuildAgree(f.c, f.D(), in, f.ctx, &ok);
  CHECK_FALSE(ok.has_errors());
  // A termination the same way.
  TerminateInput t;
  t.reason = "双方分歧过大";
  t.date = "2026-03-03";
  DiagnosticSink term;
  BuildTerminate(f.c, f.D(), t, f.ctx, &term);
  CHECK_FALSE(Messages(term, Severity::kError).empty());
}

TEST_CASE("close takes the store's retention for the outcome, or refuses saying how to fix",
          "[lifecycle]") {
  Fixture f;
  f.Add("2026-03-03T09:00:00+08:00", "assigned");
  f.c.events.back().payload.Set("mediators", Value::Strings({"M-0307"}));
  f.Add("2026-03-05T09:00:00+08:00", "terminated");
  // No --retention and no store setting: refused, naming both fixes.
  DiagnosticSink none;
  BuildClose(f.c, f.D(), "", f.ctx, &none);
  REQUIRE(Messages(none, Severity::kError).size() == 1);
  CHECK(Messages(none, Severity::kError)[0] ==
        "--retention: no retention period for a terminated case: give --retention "
        "permanent|long|short, or set the store's default in mediate.yaml (retention: "
        "{terminated: long}, a store setting); nothing written");
  // The store's setting for terminated cases.
  f.settings.retention = {{"agreed", "long"}, {"terminated", "short"}};
  DiagnosticSink set;
  Step s = BuildClose(f.c, f.D(), "", f.ctx, &set);
  CHECK_FALSE(set.has_errors());
  CHECK(s.event.Get("retention") == "short");
  // --retention overrides it.
  DiagnosticSink given;
  CHECK(BuildClose(f.c, f.D(), "permanent", f.ctx, &given).event.Get("retention") == "permanent");
  CHECK_FALSE(given.has_errors());
}

TEST_CASE("a refused case is closed with its refusal notice", "[lifecycle]") {
  Fixture f;
  f.settings.retention = {{"refused", "short"}};
  f.c.events.resize(1);  // received only
  f.Add("2026-03-02T11:00:00+08:00", "refused");
  REQUIRE(CheckStep(f.c, f.D(), "closed").ok());
  DiagnosticSink lacking;
  BuildClose(f.c, f.D(), "", f.ctx, &lacking);
  CHECK(lacking.error_count() == 1);  // no reason, no go_to (a hand-written file)
  f.c.events.back().payload.Set("reason", Value::String("已起诉"));
  f.c.events.back().payload.Set("go_to", Value::String("万柏林区人民法院"));
  DiagnosticSink ok;
  Step s = BuildClose(f.c, f.D(), "", f.ctx, &ok);
  CHECK_FALSE(ok.has_errors());
  CHECK(s.event.Get("retention") == "short");
}

TEST_CASE("confirm settles an application, and adds a decision to a closed file", "[lifecycle]") {
  Fixture f;
  f.Add("2026-03-03T09:00:00+08:00", "assigned");
  f.c.events.back().payload.Set("mediators", Value::Strings({"M-0307"}));
  DiagnosticSink agree;
  f.Append(BuildAgree(f.c, f.D(), WrittenAgreement(), f.ctx, &agree));
  REQUIRE_FALSE(agree.has_errors());
  ConfirmInput applied;
  applied.result = "applied";
  applied.court = "万柏林区人民法院";
  applied.applied = "2026-03-09";
  applied.matter = "other";
  DiagnosticSink a;
  f.Append(BuildConfirm(f.c, f.D(), applied, f.ctx, &a));
  REQUIRE_FALSE(a.has_errors());
  CHECK(ConfirmationPending(f.D()));
  ConfirmInput withdrawn;
  withdrawn.result = "撤回申请";
  withdrawn.decided = "2026-03-10";
  DiagnosticSink w;
  Step ws = BuildConfirm(f.c, f.D(), withdrawn, f.ctx, &w);
  CHECK_FALSE(w.has_errors());
  CHECK(ws.event.Get("result") == "withdrawn");
  CHECK(ws.event.Get("applied") == "2026-03-09");
  CHECK(ws.event.Get("decided") == "2026-03-10");
  CHECK(ws.event.Get("supplementary") == "");
  f.Append(ws);
  CHECK_FALSE(ConfirmationPending(f.D()));
  // A second result after the withdrawal is refused.
  ConfirmInput again;
  again.result = "confirmed";
  DiagnosticSink twice;
  BuildConfirm(f.c, f.D(), again, f.ctx, &twice);
  CHECK(twice.has_errors());

  // A closed agreed case: the decision is flagged supplementary.
  Fixture g;
  g.Add("2026-03-03T09:00:00+08:00", "assigned");
  g.c.events.back().payload.Set("mediators", Value::Strings({"M-0307"}));
  DiagnosticSink ga;
  g.Append(BuildAgree(g.c, g.D(), WrittenAgreement(), g.ctx, &ga));
  g.Add("2026-03-10T12:10:00+08:00", "performance");
  g.c.events.back().payload.Set("performance", Value::String("full"));
  g.Add("2026-03-10T12:20:00+08:00", "visit_waived");
  g.Add("2026-03-10T12:30:00+08:00", "closed");
  REQUIRE(g.D().state.status == "closed");
  REQUIRE(CheckStep(g.c, g.D(), "confirmation").ok());
  ConfirmInput late;
  late.result = "confirmed";
  late.court = "万柏林区人民法院";
  late.applied = "2026-03-09";
  late.decided = "2026-03-10";
  late.matter = "other";
  DiagnosticSink l;
  Step ls = BuildConfirm(g.c, g.D(), late, g.ctx, &l);
  CHECK_FALSE(l.has_errors());
  CHECK(ls.event.Get("supplementary") == "true");
  g.Append(ls);
  CHECK(g.D().state.status == "closed");  // not reopened
  CHECK(g.D().confirmation == "confirmed");
}

TEST_CASE("assign --date: a late entry, not before the step it follows", "[lifecycle]") {
  Fixture f;  // routed on 2026-03-02
  AssignInput in;
  in.mediators = {"M-0307"};
  in.date = "2026-03-01";
  DiagnosticSink early;
  BuildAssign(f.c, f.D(), in, f.ctx, &early);
  REQUIRE(Messages(early, Severity::kError).size() == 1);
  CHECK(Messages(early, Severity::kError)[0] ==
        "--date: 2026-03-01 is before the date received (2026-03-02)");
  in.date = "2026-03-04";
  DiagnosticSink ok;
  Step s = BuildAssign(f.c, f.D(), in, f.ctx, &ok);
  CHECK_FALSE(ok.has_errors());
  CHECK(s.event.Get("date") == "2026-03-04");
}
