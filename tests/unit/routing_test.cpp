// lib/domain/routing.cpp: loading rules/routing.yaml (every error kind with its
// file:line:column, from hand-written fixtures in tests/fixtures/routing/)
// and routing cases (each condition kind, first match, targets, traces).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "lifecycle.hpp"
#include "money.hpp"
#include "routing.hpp"
#include "schema.hpp"
#include "settings.hpp"
#include "test_support.hpp"
#include "yaml_io.hpp"

using namespace mediate;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {

Organisation Org(const char* id, const char* name, const char* kind, const char* level,
                 const char* street = "", const char* community = "") {
  Organisation o;
  o.id = id;
  o.name = name;
  o.kind = kind;
  o.level = level;
  o.street = street;
  o.community = community;
  return o;
}

// The organisations the example rules name, two committees of 万柏林街道,
// a court and a retired room.
OrgRegistry Orgs() {
  OrgRegistry orgs;
  for (Organisation o : {
           Org("WBL-CENTRE", "万柏林区非诉讼纠纷调解中心", "district_centre", "district"),
           Org("TY-MEDICAL", "太原市医疗纠纷人民调解委员会", "industry_committee", "city"),
           Org("WBL-LABOUR", "万柏林区劳动争议人民调解委员会", "industry_committee", "district"),
           Org("WBL-PROPERTY", "万柏林区物业纠纷人民调解委员会", "industry_committee", "district"),
           Org("WBL-CHAMBER", "万柏林区商会人民调解委员会", "chamber_committee", "district"),
           Org("WBL-COURT", "太原市万柏林区人民法院", "court", "district"),
           Org("S-140109005", "万柏林街道人民调解委员会", "street_committee", "street",
               "140109005"),
           Org("C-140109005003", "东风社区人民调解委员会", "community_committee", "community",
               "140109005", "140109005003"),
           Org("OLD-ROOM", "旧调解室", "brand_room", "street", "140109005"),
       }) {
    orgs[o.id] = o;
  }
  orgs["OLD-ROOM"].status = "retired";
  orgs["WBL-LABOUR"].specialties = {"labour"};
  orgs["TY-MEDICAL"].specialties = {"medical"};
  orgs["C-140109005003"].specialties = {"labour"};
  return orgs;
}

// 万柏林街道 with 东风社区 (which has a committee) and 西华苑社区 (which has
// none); 和平街道 (no street committee).
AreaRegistry Areas() {
  Street wbl;
  wbl.code = "140109005";
  wbl.name = "万柏林街道";
  wbl.district = "140109";
  wbl.communities.push_back(
      {"140109005003", "东风社区居委会", "东风社区", {{"140109005003011", "第11网格"}}});
  wbl.communities.push_back(
      {"140109005004", "西华苑社区居委会", "西华苑社区", {{"140109005004001", "第1网格"}}});
  Street hp;
  hp.code = "140109003";
  hp.name = "和平街道";
  hp.district = "140109";
  hp.communities.push_back({"140109003002", "西线社区居委会", "西线社区", {}});
  return AreaRegistry({wbl, hp});
}

Party P(const char* role, const char* kind) {
  Party p;
  p.role = role;
  p.kind = kind;
  p.name = std::string(kind) == "person" ? "罗某" : "太原某有限公司";
  return p;
}

// A labour case, WBL-2026-000017.
Case LabourCase() {
  Case c;
  c.id = "WBL-2026-000017";
  c.source = "police";
  c.category = "labour";
  c.risk = "orange";
  c.amount = Money::FromFen(9450000);
  c.place = {"140109005", "140109005003", "140109005003011", ""};
  c.parties = {P("applicant", "person"), P("respondent", "organisation")};
  return c;
}

/// Every diagnostic of `s` as "file:line:col: field: message".
std::vector<std::string> Messages(const Status& s) {
  std::vector<std::string> out;
  for (const auto& d : s.diagnostics()) out.push_back(d.ToString());
  return out;
}

RoutingPolicy Load(const std::string& yaml) {
  auto p = LoadRoutingRules(yaml, "routing.yaml", Vocabulary::Builtin(), Orgs());
  if (!p.ok()) {
    for (const auto& m : Messages(p.status())) UNSCOPED_INFO(m);
    UNSCOPED_INFO(p.status().message());
  }
  REQUIRE(p.ok());
  return std::move(p.value());
}

RoutingPolicy ExampleRules() {
  std::string text = test::ReadFile(test::SourceDir() / "examples" / "wanbailin" / "routing.yaml");
  REQUIRE(!text.empty());
  return Load(text);
}

/// The diagnostics of loading fixture `name`, as "file:line:col: field: message".
std::vector<std::string> FixtureErrors(const std::string& name) {
  std::string text = test::ReadFile(test::SourceDir() / "tests" / "fixtures" / "routing" / name);
  REQUIRE(!text.empty());
  AreaRegistry areas = Areas();
  auto p = LoadRoutingRules(text, name, Vocabulary::Builtin(), Orgs(), &areas);
  REQUIRE_FALSE(p.ok());
  CHECK(p.status().kind() == ErrorKind::kRejected);
  return Messages(p.status());
}

}  // namespace

TEST_CASE("the example rules load in the documented order", "[routing]") {
  RoutingPolicy p = ExampleRules();
  CHECK(p.RuleNames() == std::vector<std::string>{"red-to-centre", "medical", "labour", "property",
                                                  "commerce", "default-community"});
  CHECK(p.size() == 6);
}

TEST_CASE("route --explain: labour case", "[routing]") {
  RoutingPolicy p = ExampleRules();
  RoutingDecision d = Route(p, LabourCase(), Areas(), Orgs());
  REQUIRE(d.routed);
  CHECK(d.rule == "labour");
  CHECK(d.org == "WBL-LABOUR");
  CHECK(d.org_name == "万柏林区劳动争议人民调解委员会");
  CHECK(d.level == "district");
  CHECK(d.problem.empty());
  REQUIRE(d.trace.size() == 3);
  CHECK(d.trace[0].rule == "red-to-centre");
  CHECK_FALSE(d.trace[0].matched);
  CHECK(d.trace[0].because == "risk is orange; the rule wants red");
  CHECK(d.trace[1].because == "category is labour; the rule wants medical");
  CHECK_FALSE(d.trace[1].matched);
  CHECK(d.trace[2].matched);
  CHECK(d.trace[2].because == "category is labour");
  CHECK(d.not_reached == std::vector<std::string>{"property", "commerce", "default-community"});
}

TEST_CASE("example rules: each rule takes its cases", "[routing]") {
  RoutingPolicy p = ExampleRules();
  AreaRegistry areas = Areas();
  OrgRegistry orgs = Orgs();
  auto org_of = [&](Case c) { return Route(p, c, areas, orgs).org; };
  Case c = LabourCase();

  c.risk = "red";  // red beats the category
  CHECK(org_of(c) == "WBL-CENTRE");
  c.risk = "blue";
  c.category = "medical";
  CHECK(org_of(c) == "TY-MEDICAL");
  CHECK(Route(p, c, areas, orgs).level == "city");
  c.category = "property_management";
  CHECK(org_of(c) == "WBL-PROPERTY");
  c.category = "contract";  // a person among the parties: not the chamber
  CHECK(org_of(c) == "C-140109005003");
  c.parties = {P("applicant", "organisation"), P("respondent", "organisation")};
  CHECK(org_of(c) == "WBL-CHAMBER");
  c.category = "business";
  CHECK(org_of(c) == "WBL-CHAMBER");
  c.category = "neighbour";
  RoutingDecision d = Route(p, c, areas, orgs);
  CHECK(d.org == "C-140109005003");
  CHECK(d.level == "community");
  CHECK(d.rule == "default-community");
  CHECK(d.trace.size() == 6);
  CHECK(d.trace.back().because == "no conditions: every case matches");
  CHECK(d.not_reached.empty());
}

TEST_CASE("category, source and risk conditions: any of a list", "[routing]") {
  RoutingPolicy p = Load(R"(schema: "routing/1"
rules:
  - name: "commerce"
    when: {category: ["contract", "business"]}
    to: {org: "WBL-CHAMBER"}
  - name: "court"
    when: {source: ["court_delegated", "court_entrusted"]}
    to: {org: "WBL-CENTRE"}
  - name: "hot"
    when: {risk: "orange"}
    to: {org: "WBL-CENTRE"}
  - name: "rest"
    to: {org: "WBL-LABOUR"}
)");
  AreaRegistry areas = Areas();
  OrgRegistry orgs = Orgs();
  Case c = LabourCase();
  c.risk = "";
  c.category = "business";
  RoutingDecision d = Route(p, c, areas, orgs);
  CHECK(d.rule == "commerce");
  CHECK(d.trace[0].because == "category is business");

  c.category = "neighbour";
  c.source = "court_entrusted";
  d = Route(p, c, areas, orgs);
  CHECK(d.rule == "court");
  CHECK(d.trace[0].because == "category is neighbour; the rule wants contract or business");
  CHECK(d.trace[1].because == "source is court_entrusted");

  c.source = "application";
  d = Route(p, c, areas, orgs);
  CHECK(d.rule == "rest");
  CHECK(d.trace[1].because ==
        "source is application; the rule wants court_delegated or court_entrusted");
  CHECK(d.trace[2].because == "no risk recorded; the rule wants orange");

  c.risk = "orange";  // a single code without a list
  CHECK(Route(p, c, areas, orgs).rule == "hot");
}

TEST_CASE("amount condition: exact fen, both ends inclusive", "[routing]") {
  RoutingPolicy p = Load(R"(schema: "routing/1"
rules:
  - name: "large"
    when: {amount: {min: "100000"}}
    to: {org: "WBL-CENTRE"}
  - name: "middle"
    when: {amount: {min: 5000, max: "99999.99"}}
    to: {org: "WBL-CHAMBER"}
  - name: "small"
    when: {amount: {max: "4999.99"}}
    to: {org: "WBL-LABOUR"}
  - name: "none"
    to: {org: "WBL-PROPERTY"}
)");
  AreaRegistry areas = Areas();
  OrgRegistry orgs = Orgs();
  Case c = LabourCase();
  auto rule_for = [&](std::int64_t fen) {  // fen < 0: no amount
    c.amount = fen < 0 ? std::nullopt : std::optional<Money>(Money::FromFen(fen));
    return Route(p, c, areas, orgs).rule;
  };
  CHECK(rule_for(10000000) == "large");  // 100,000.00 exactly
  CHECK(rule_for(9999999) == "middle");  // 99,999.99
  CHECK(rule_for(500000) == "middle");   // 5,000.00 exactly
  CHECK(rule_for(499999) == "small");    // 4,999.99
  CHECK(rule_for(0) == "small");
  CHECK(rule_for(-1) == "none");  // no amount recorded

  c.amount = Money::FromFen(350000);
  RoutingDecision d = Route(p, c, areas, orgs);
  CHECK(d.trace[0].because == "amount is 3,500.00 yuan; the rule wants at least 100,000.00 yuan");
  CHECK(d.trace[1].because ==
        "amount is 3,500.00 yuan; the rule wants between 5,000.00 and 99,999.99 yuan");
  CHECK(d.trace[2].because == "amount is 3,500.00 yuan");
  c.amount = Money::FromFen(1234567);
  d = Route(p, c, areas, orgs);
  CHECK(d.trace[1].because == "amount is 12,345.67 yuan");
  RoutingPolicy small = Load(R"(schema: "routing/1"
rules:
  - name: "small"
    when: {amount: {max: "4999.99"}}
    to: {org: "WBL-LABOUR"}
  - name: "other"
    to: {org: "WBL-PROPERTY"}
)");
  c.amount = Money::FromFen(600000);
  d = Route(small, c, areas, orgs);
  CHECK(d.trace[0].because == "amount is 6,000.00 yuan; the rule wants at most 4,999.99 yuan");
  c.amount.reset();
  d = Route(p, c, areas, orgs);
  CHECK(d.trace[0].because == "no amount recorded; the rule wants at least 100,000.00 yuan");
}

TEST_CASE("parties condition: all or any organisation", "[routing]") {
  RoutingPolicy p = Load(R"(schema: "routing/1"
rules:
  - name: "firms"
    when: {parties: "all_organisations"}
    to: {org: "WBL-CHAMBER"}
  - name: "some-firm"
    when: {parties: any_organisation}
    to: {org: "WBL-LABOUR"}
  - name: "people"
    to: {org: "WBL-CENTRE"}
)");
  AreaRegistry areas = Areas();
  OrgRegistry orgs = Orgs();
  Case c = LabourCase();  // person vs organisation
  RoutingDecision d = Route(p, c, areas, orgs);
  CHECK(d.rule == "some-firm");
  CHECK(d.trace[0].because ==
        "party 1 (applicant) is a person; the rule wants all parties to be organisations");
  CHECK(d.trace[1].because == "party 2 (respondent) is an organisation");

  c.parties = {P("applicant", "organisation"), P("respondent", "organisation")};
  d = Route(p, c, areas, orgs);
  CHECK(d.rule == "firms");
  CHECK(d.trace[0].because == "all parties are organisations");

  c.parties = {P("applicant", "person"), P("respondent", "person")};
  d = Route(p, c, areas, orgs);
  CHECK(d.rule == "people");
  CHECK(d.trace[1].because == "no party is an organisation; the rule wants at least one");

  c.parties.clear();
  d = Route(p, c, areas, orgs);
  CHECK(d.rule == "people");
  CHECK(d.trace[0].because ==
        "no parties recorded; the rule wants all parties to be organisations");
}

TEST_CASE("all conditions of a rule must hold - the first failing one is named", "[routing]") {
  RoutingPolicy p = Load(R"(schema: "routing/1"
rules:
  - name: "big-commerce"
    when: {category: ["contract"], amount: {min: "10000"}, parties: "all_organisations"}
    to: {org: "WBL-CHAMBER"}
  - name: "rest"
    to: {org: "WBL-CENTRE"}
)");
  AreaRegistry areas = Areas();
  OrgRegistry orgs = Orgs();
  Case c = LabourCase();
  c.category = "contract";
  c.amount = Money::FromFen(2000000);
  RoutingDecision d = Route(p, c, areas, orgs);
  CHECK(d.rule == "rest");
  CHECK(d.trace[0].because ==
        "party 1 (applicant) is a person; the rule wants all parties to be organisations");
  c.parties = {P("applicant", "organisation"), P("respondent", "organisation")};
  d = Route(p, c, areas, orgs);
  CHECK(d.rule == "big-commerce");
  CHECK(d.trace[0].because ==
        "category is contract; amount is 20,000.00 yuan; all parties are organisations");
  c.amount = Money::FromFen(999999);
  d = Route(p, c, areas, orgs);
  CHECK(d.trace[0].because == "amount is 9,999.99 yuan; the rule wants at least 10,000.00 yuan");
}

TEST_CASE("first match wins and later rules are not reached", "[routing]") {
  RoutingPolicy p = Load(R"(schema: "routing/1"
rules:
  - name: "labour-first"
    when: {category: ["labour"]}
    to: {org: "WBL-LABOUR"}
  - name: "orange"
    when: {risk: ["orange"]}
    to: {org: "WBL-CENTRE"}
  - name: "rest"
    to: {committee: "community"}
)");
  RoutingDecision d = Route(p, LabourCase(), Areas(), Orgs());
  CHECK(d.org == "WBL-LABOUR");
  CHECK(d.trace.size() == 1);
  CHECK(d.not_reached == std::vector<std::string>{"orange", "rest"});
}

TEST_CASE("no rule matches: not routed, with the reason", "[routing]") {
  RoutingPolicy p = Load(R"(schema: "routing/1"
rules:
  - name: "medical"
    when: {category: ["medical"]}
    to: {org: "TY-MEDICAL"}
)");
  RoutingDecision d = Route(p, LabourCase(), Areas(), Orgs());
  CHECK_FALSE(d.routed);
  CHECK(d.rule.empty());
  CHECK(d.org.empty());
  CHECK(d.trace.size() == 1);
  CHECK(d.not_reached.empty());
  CHECK_THAT(d.problem, StartsWith("no rule matches this case"));
}

TEST_CASE("committee targets: the committee of the case's own place", "[routing]") {
  RoutingPolicy community = Load(R"(schema: "routing/1"
rules:
  - name: "local"
    to: {committee: "community"}
)");
  RoutingPolicy street = Load(R"(schema: "routing/1"
rules:
  - name: "street"
    to: {committee: "street"}
)");
  AreaRegistry areas = Areas();
  OrgRegistry orgs = Orgs();
  Case c = LabourCase();

  RoutingDecision d = Route(community, c, areas, orgs);
  REQUIRE(d.routed);
  CHECK(d.org == "C-140109005003");
  CHECK(d.org_name == "东风社区人民调解委员会");
  CHECK(d.level == "community");

  d = Route(street, c, areas, orgs);
  REQUIRE(d.routed);
  CHECK(d.org == "S-140109005");
  CHECK(d.level == "street");

  SECTION("a place given only by its grid is completed from areas/") {
    c.place = {"", "", "140109005003011", ""};
    CHECK(Route(community, c, areas, orgs).org == "C-140109005003");
    CHECK(Route(street, c, areas, orgs).org == "S-140109005");
  }
  SECTION("a community without a committee: not routed") {
    c.place = {"140109005", "140109005004", "", ""};
    d = Route(community, c, areas, orgs);
    CHECK_FALSE(d.routed);
    CHECK(d.rule == "local");
    CHECK(d.trace.size() == 1);
    CHECK(d.trace[0].matched);
    CHECK(d.problem ==
          "rule \"local\" routes to the community committee of 140109005004 西华苑社区, but "
          "orgs/ has no active community_committee with community \"140109005004\"");
  }
  SECTION("a street without a committee: not routed") {
    c.place = {"140109003", "140109003002", "", ""};
    d = Route(street, c, areas, orgs);
    CHECK_FALSE(d.routed);
    CHECK(d.problem ==
          "rule \"street\" routes to the street committee of 140109003 和平街道, but orgs/ has "
          "no active street_committee with street \"140109003\"");
  }
  SECTION("a retired committee does not count") {
    orgs["C-140109005003"].status = "retired";
    CHECK_FALSE(Route(community, c, areas, orgs).routed);
  }
  SECTION("a case with no place: not routed") {
    c.place = {};
    d = Route(community, c, areas, orgs);
    CHECK_FALSE(d.routed);
    CHECK(d.problem ==
          "rule \"local\" routes to the community committee of the case's place, but the case "
          "has no community (place.community)");
  }
}

TEST_CASE("ApplyRouting appends the routed event and re-derives the state", "[routing]") {
  Settings settings;
  settings.time_zone = *TimeZone::Find("Asia/Shanghai");
  Case c = LabourCase();
  c.received = *Timestamp::Parse("2026-01-02T09:30:00+08:00");
  Event received;
  received.at = c.received;
  received.type = "received";
  received.by = "王某 <wang@example.org>";
  c.events.push_back(received);
  c.state = Replay(c, settings).state;
  RoutingDecision d = Route(ExampleRules(), c, Areas(), Orgs());
  Timestamp at = *Timestamp::Parse("2026-01-02T10:05:00+08:00");

  REQUIRE(ApplyRouting(d, at, "王某 <wang@example.org>", settings, &c).ok());
  REQUIRE(c.events.size() == 2);
  const Event& e = c.events.back();
  CHECK(e.type == "routed");
  CHECK(e.at == at);
  CHECK(e.by == "王某 <wang@example.org>");
  std::vector<std::string> keys;
  for (const auto& [k, v] : e.payload.entries()) keys.push_back(k);
  CHECK(keys == std::vector<std::string>{"org", "level", "rule"});
  CHECK(e.Get("org") == "WBL-LABOUR");
  CHECK(e.Get("level") == "district");
  CHECK(e.Get("rule") == "labour");
  CHECK(c.state.status == "routed");
  CHECK(c.state.org == "WBL-LABOUR");
  CHECK(c.state.level == "district");
  CHECK(c.state.deadline.ToString() == "2026-02-01");
  CHECK(c.state.status == Replay(c, settings).state.status);

  // Routed once: the state machine refuses a second routing.
  Status again = ApplyRouting(d, at, "王某 <wang@example.org>", settings, &c);
  CHECK(again.kind() == ErrorKind::kRejected);
  CHECK_THAT(again.message(), StartsWith("WBL-2026-000017 is \"routed\""));
  CHECK(c.events.size() == 2);

  RoutingDecision none;
  none.problem = "no rule matches this case";
  Status refused = ApplyRouting(none, at, "王某 <wang@example.org>", settings, &c);
  CHECK(refused.message() == "WBL-2026-000017 cannot be routed: no rule matches this case");
}

TEST_CASE("amounts in because texts are grouped yuan", "[routing]") {
  CHECK(Money::FromFen(0).GroupedYuan() == "0.00");
  CHECK(Money::FromFen(5).GroupedYuan() == "0.05");
  CHECK(Money::FromFen(350050).GroupedYuan() == "3,500.50");
  CHECK(Money::FromFen(100000000).GroupedYuan() == "1,000,000.00");
  CHECK(Money::FromFen(-123456).GroupedYuan() == "-1,234.56");
}

// --- invalid rules: every error kind with its file:line:column -------------

TEST_CASE("invalid rules: unknown field in a rule", "[routing]") {
  auto e = FixtureErrors("unknown-field-rule.yaml");
  REQUIRE(e.size() == 1);
  CHECK(e[0] ==
        "unknown-field-rule.yaml:7:13: rules[1].target: unknown field \"target\" in a rule; "
        "known fields: name, note, when, to, min_level, deadline_days, assign");
}

TEST_CASE("invalid rules: unknown field in when", "[routing]") {
  auto e = FixtureErrors("unknown-field-when.yaml");
  REQUIRE(e.size() == 1);
  CHECK(e[0] ==
        "unknown-field-when.yaml:6:19: rules[0].when.amount_min: unknown field \"amount_min\" "
        "in when; known fields: category, source, referral, risk, amount, people_involved, "
        "parties, street, community, grid, level, keywords, any, all, not");
}

TEST_CASE("invalid rules: unknown field in to", "[routing]") {
  auto e = FixtureErrors("unknown-field-to.yaml");
  REQUIRE(e.size() == 1);
  CHECK(e[0] ==
        "unknown-field-to.yaml:4:44: rules[0].to.fallback: unknown field \"fallback\" in to; "
        "known fields: org, committee, district_centre, specialist");
}

TEST_CASE("invalid rules: unknown category, source and risk codes", "[routing]") {
  auto e = FixtureErrors("unknown-codes.yaml");
  REQUIRE(e.size() == 3);
  CHECK_THAT(e[0], StartsWith("unknown-codes.yaml:5:31: rules[0].when.category[1]: unknown "
                              "category code \"外星纠纷\"; known: marriage_family, neighbour,"));
  CHECK_THAT(e[1], StartsWith("unknown-codes.yaml:6:16: rules[0].when.source[0]: unknown source "
                              "code \"pigeon\"; known: application, phone,"));
  // A Chinese label is answered with its code.
  CHECK(e[2] ==
        "unknown-codes.yaml:7:14: rules[0].when.risk[0]: unknown risk code \"红\"; write its "
        "code \"red\"");
}

TEST_CASE("invalid rules: unknown organisation", "[routing]") {
  auto e = FixtureErrors("unknown-org.yaml");
  REQUIRE(e.size() == 1);
  CHECK(e[0] ==
        "unknown-org.yaml:8:15: rules[1].to.org: unknown organisation \"WBL-TRAFIC\"; it must be "
        "an id of orgs/ (mediate org list)");
}

TEST_CASE("invalid rules: empty rules", "[routing]") {
  auto e = FixtureErrors("empty-rules.yaml");
  REQUIRE(e.size() == 1);
  CHECK_THAT(e[0], StartsWith("empty-rules.yaml:3:8: rules: there are no rules;"));

  auto missing =
      LoadRoutingRules("schema: \"routing/1\"\n", "x.yaml", Vocabulary::Builtin(), Orgs());
  REQUIRE_FALSE(missing.ok());
  REQUIRE(missing.status().diagnostics().size() == 1);
  CHECK_THAT(missing.status().diagnostics()[0].ToString(),
             StartsWith("x.yaml:1:1: rules: there are no rules;"));

  auto empty = LoadRoutingRules("", "x.yaml", Vocabulary::Builtin(), Orgs());
  REQUIRE_FALSE(empty.ok());
  CHECK_THAT(empty.status().diagnostics()[0].ToString(),
             StartsWith("x.yaml:1:1: the file is empty"));
}

TEST_CASE("invalid rules: duplicate rule names", "[routing]") {
  auto e = FixtureErrors("duplicate-name.yaml");
  REQUIRE(e.size() == 1);
  CHECK(e[0] ==
        "duplicate-name.yaml:6:11: rules[1].name: duplicate rule name \"labour\" (first at line "
        "3); each rule needs its own name");
}

TEST_CASE("invalid rules: a rule with no name", "[routing]") {
  auto e = FixtureErrors("no-name.yaml");
  REQUIRE(e.size() == 1);
  CHECK(e[0] ==
        "no-name.yaml:6:5: rules[1].name: rule 2 has no name; give it one (name: \"medical\")");
}

TEST_CASE("invalid rules: schema, amounts, parties, targets, unreachable rules", "[routing]") {
  auto e = FixtureErrors("misc-errors.yaml");
  std::vector<std::string> expected = {
      "misc-errors.yaml:2:10: version: unknown field \"version\" in the routing rules file; "
      "known fields: schema, note, rules",
      "misc-errors.yaml:1:9: schema: schema \"routing/2\" is newer than this version of mediate "
      "reads (routing/1): the record needs a mediate version supporting routing/2; upgrade "
      "mediate to read or change it",
      // rule "big"
      "misc-errors.yaml:7:26: rules[1].when.amount.min: min 100,000.00 is above max 5,000.00; "
      "no case could match",
      "misc-errors.yaml:6:11: rules[1]: rule \"big\" is never reached: rule \"everything\" "
      "(line 4) has no conditions and takes every case; move it to the end",
      // rule "firms"
      "misc-errors.yaml:10:21: rules[2].when.parties: \"some_organisations\" is not a parties "
      "condition; write all_organisations (every party is an organisation) or any_organisation "
      "(at least one is)",
      "misc-errors.yaml:11:41: rules[2].to: give exactly one target (org, committee, "
      "district_centre or specialist), not org and committee",
      "misc-errors.yaml:9:11: rules[2]: rule \"firms\" is never reached: rule \"everything\" "
      "(line 4) has no conditions and takes every case; move it to the end",
      // rule "court"
      "misc-errors.yaml:13:28: rules[3].when.amount.above: unknown field \"above\" in amount; "
      "known fields: min, max",
      "misc-errors.yaml:14:15: rules[3].to.org: organisation WBL-COURT 太原市万柏林区人民法院 is "
      "a court (人民法院), which refers or confirms cases but does not mediate them",
      "misc-errors.yaml:12:11: rules[3]: rule \"court\" is never reached: rule \"everything\" "
      "(line 4) has no conditions and takes every case; move it to the end",
      // rule "old"
      "misc-errors.yaml:16:15: rules[4].to.org: organisation OLD-ROOM 旧调解室 is retired; route "
      "to the organisation that took over its work",
      "misc-errors.yaml:15:11: rules[4]: rule \"old\" is never reached: rule \"everything\" "
      "(line 4) has no conditions and takes every case; move it to the end",
      // rule "district"
      "misc-errors.yaml:18:21: rules[5].to.committee: committee is \"community\" or \"street\" "
      "(the committee of the case's own place), not \"district\"",
      "misc-errors.yaml:17:11: rules[5]: rule \"district\" is never reached: rule \"everything\" "
      "(line 4) has no conditions and takes every case; move it to the end",
  };
  CHECK(e == expected);
}

TEST_CASE("invalid rules: YAML errors come from the strict loader", "[routing]") {
  std::string text =
      "schema: \"routing/1\"\n"
      "rules:\n"
      "  - name: \"a\"\n"
      "    name: \"b\"\n"
      "    to: {org: \"WBL-CENTRE\"}\n";
  auto p = LoadRoutingRules(text, "dup.yaml", Vocabulary::Builtin(), Orgs());
  REQUIRE_FALSE(p.ok());
  REQUIRE_FALSE(p.status().diagnostics().empty());
  CHECK_THAT(p.status().diagnostics()[0].ToString(), StartsWith("dup.yaml:4:"));
  CHECK_THAT(p.status().diagnostics()[0].ToString(), Contains("duplicate key"));
}

TEST_CASE("invalid rules: a target is required, and an empty code list matches nothing",
          "[routing]") {
  std::string text =
      "schema: \"routing/1\"\n"
      "rules:\n"
      "  - name: \"nowhere\"\n"
      "    when: {category: []}\n";
  auto p = LoadRoutingRules(text, "t.yaml", Vocabulary::Builtin(), Orgs());
  REQUIRE_FALSE(p.ok());
  std::vector<std::string> e = Messages(p.status());
  REQUIRE(e.size() == 2);
  CHECK_THAT(e[0], StartsWith("t.yaml:4:22: rules[0].when.category: an empty list matches no "
                              "case;"));
  CHECK_THAT(e[1], StartsWith("t.yaml:3:5: rules[0].to: rule \"nowhere\" has no target;"));
  CHECK(p.status().message() == "2 errors in t.yaml (the routing rules)");
}

// --- the richer rule language (docs/routing.md) -----------------------------

TEST_CASE("invalid rules: errors inside any and not, referral, min_level, grade", "[routing]") {
  auto e = FixtureErrors("nested-errors.yaml");
  REQUIRE(e.size() == 6);
  CHECK_THAT(e[0], StartsWith("nested-errors.yaml:7:35: rules[0].when.any[1].colour: unknown "
                              "field \"colour\" in a condition map; known fields: category,"));
  CHECK_THAT(e[1], StartsWith("nested-errors.yaml:11:34: rules[1].when.not.category[1]: unknown "
                              "category code \"外星纠纷\""));
  CHECK_THAT(e[2], StartsWith("nested-errors.yaml:12:17: rules[1].when.referral: source "
                              "\"application\" is not a referral"));
  CHECK(e[3] ==
        "nested-errors.yaml:13:15: rules[1].to.org: unknown organisation \"WBL-NOWHERE\"; it "
        "must be an id of orgs/ (mediate org list)");
  CHECK_THAT(e[4], StartsWith("nested-errors.yaml:14:16: rules[1].min_level: min_level is "
                              "community, street or district"));
  CHECK_THAT(e[5], StartsWith("nested-errors.yaml:15:21: rules[1].assign.grade: grade is 1 "
                              "(highest) to 4"));
}

TEST_CASE("invalid rules: a rule shadowed by an earlier rule whose conditions always hold",
          "[routing]") {
  auto e = FixtureErrors("shadowed.yaml");
  REQUIRE(e.size() == 1);
  CHECK(e[0] ==
        "shadowed.yaml:12:11: rules[2]: rule \"labour\" is never reached: rule \"everyone\" "
        "(line 6) has conditions that hold for every case; move it to the end");
}

TEST_CASE("invalid rules: unknown street and grid codes, with the code for a name", "[routing]") {
  auto e = FixtureErrors("unknown-place.yaml");
  REQUIRE(e.size() == 2);
  CHECK(e[0] ==
        "unknown-place.yaml:5:29: rules[0].when.street: unknown street \"和平街道\"; it must be a "
        "street code of areas/; write its code \"140109003\"");
  CHECK_THAT(e[1], StartsWith("unknown-place.yaml:6:14: rules[0].when.grid: unknown grid "
                              "\"140109005003999\""));
}

namespace {
RoutingPolicy RicherRules() {
  std::string text =
      test::ReadFile(test::SourceDir() / "tests" / "fixtures" / "routing" / "richer-valid.yaml");
  REQUIRE(!text.empty());
  AreaRegistry areas = Areas();
  auto p = LoadRoutingRules(text, "richer-valid.yaml", Vocabulary::Builtin(), Orgs(), &areas);
  if (!p.ok())
    for (const auto& m : Messages(p.status())) UNSCOPED_INFO(m);
  REQUIRE(p.ok());
  return std::move(p.value());
}

Case NeighbourCase() {
  Case c;
  c.id = "WBL-2026-000100";
  c.source = "application";
  c.category = "neighbour";
  c.risk = "yellow";
  c.summary = "楼上漏水";
  c.people_involved = 2;
  c.place = {"140109005", "140109005003", "140109005003011", ""};
  c.parties = {P("applicant", "person"), P("respondent", "person")};
  return c;
}
}  // namespace

TEST_CASE("richer rules: district centre target with a grade requirement", "[routing]") {
  RoutingPolicy p = RicherRules();
  Case c = NeighbourCase();
  c.risk = "red";
  RoutingDecision d = Route(p, c, Areas(), Orgs());
  REQUIRE(d.routed);
  CHECK(d.org == "WBL-CENTRE");
  CHECK(d.mediator_grade == 2);
  CHECK(d.auto_assign);
  CHECK(d.deadline_days == 0);
}

TEST_CASE("richer rules: people involved and min_level lift the target", "[routing]") {
  RoutingPolicy p = RicherRules();
  Case c = NeighbourCase();
  c.people_involved = 12;
  RoutingDecision d = Route(p, c, Areas(), Orgs());
  REQUIRE(d.routed);
  CHECK(d.rule == "mass");
  // the community committee C-140109005003 is below min_level street
  CHECK(d.org == "S-140109005");
  CHECK(d.level == "street");
  CHECK(d.deadline_days == 15);
  CHECK_THAT(d.target_note, Contains("min_level street"));
  CHECK(d.trace[1].because == "people involved 12");
  c.people_involved = 9;
  d = Route(p, c, Areas(), Orgs());
  CHECK(d.trace[1].because == "people involved 9; the rule wants at least 10");
  CHECK(d.rule == "rest");
}

TEST_CASE("richer rules: referral kind, keywords and the nearest specialist", "[routing]") {
  RoutingPolicy p = RicherRules();
  Case c = NeighbourCase();
  c.category = "labour";
  c.source = "court_delegated";
  c.summary = "公司拖欠工资三个月";
  RoutingDecision d = Route(p, c, Areas(), Orgs());
  REQUIRE(d.routed);
  CHECK(d.rule == "court-wages");
  CHECK(d.trace[2].because == "referral is court_delegated; summary contains \"工资\"");
  // C-140109005003 (same community, labour specialty) beats WBL-LABOUR (district-wide)
  CHECK(d.org == "C-140109005003");
  // from 西华苑社区 the same-community committee is another community's: the district one wins
  c.place = {"140109005", "140109005004", "", ""};
  d = Route(p, c, Areas(), Orgs());
  CHECK(d.org == "WBL-LABOUR");
  // no keyword: the next rule with referral any
  c.summary = "劳动合同解除争议";
  d = Route(p, c, Areas(), Orgs());
  CHECK(d.trace[2].because == "summary contains none of 工资 or 欠薪");
  CHECK(d.rule == "any-referral");
  CHECK(d.org == "WBL-LABOUR");
  // a specialist target with no organisation of that specialty is not routed
  c.category = "traffic";
  d = Route(p, c, Areas(), Orgs());
  CHECK_FALSE(d.routed);
  CHECK_THAT(d.problem, Contains("no active organisation lists traffic among its specialties"));
}

TEST_CASE("richer rules: level and not conditions, escalation re-routes", "[routing]") {
  RoutingPolicy p = RicherRules();
  Case c = NeighbourCase();
  c.category = "contract";
  // first routing: the case is at no level, so the level condition fails
  RoutingDecision d = Route(p, c, Areas(), Orgs());
  CHECK(d.rule == "rest");
  CHECK(d.trace[3].because ==
        "all: the case is at no level yet (first routing); the rule wants "
        "street");
  CHECK(d.org == "C-140109005003");
  // escalated to street level: the rule for 东风 at street level takes it
  RouteOptions up;
  up.level = "street";
  d = Route(p, c, Areas(), Orgs(), up);
  CHECK(d.rule == "dongfeng-not-neighbour");
  CHECK(d.org == "WBL-CENTRE");
  // a neighbour case fails `not` and falls to the default, lifted to the street committee
  c.category = "neighbour";
  d = Route(p, c, Areas(), Orgs(), up);
  CHECK(d.trace[3].because == "not: but category is neighbour");
  CHECK(d.rule == "rest");
  CHECK(d.org == "S-140109005");
  CHECK_THAT(d.target_note, Contains("escalated to street"));
}

TEST_CASE("ApplyRouting records the rule's deadline_days and grade, and the replay uses them",
          "[routing]") {
  RoutingPolicy p = RicherRules();
  Case c = NeighbourCase();
  c.people_involved = 30;
  c.received = *Timestamp::Parse("2026-03-02T09:30:00+08:00");
  Event recv;
  recv.at = c.received;
  recv.type = "received";
  recv.by = "王某 <wang@example.org>";
  c.events.push_back(recv);
  Settings settings;
  settings.time_zone = *TimeZone::Find("Asia/Shanghai");
  RoutingDecision d = Route(p, c, Areas(), Orgs());
  REQUIRE(ApplyRouting(d, c.received, "王某 <wang@example.org>", settings, &c).ok());
  CHECK(c.events.back().Get("deadline_days") == "15");
  // 2026-03-02 + 15 days, instead of the store's 30
  CHECK(c.state.deadline.ToString() == "2026-03-17");
}

TEST_CASE("the routing schema accepts the example and richer rules", "[routing]") {
  // LoadRoutingRules runs the schema last; both files load, so both pass it.
  RicherRules();
  ExampleRules();
  // and the schema itself rejects what the reader lets through only via the schema
  DiagnosticSink sink;
  auto v = ParseYaml("schema: \"routing/1\"\nrules: [{name: \"a\", to: {org: 5}}]\n", "s.yaml");
  REQUIRE(v.ok());
  CheckSchema(*v, "routing.schema.yaml", "s.yaml", &sink);
  CHECK(sink.error_count() > 0);
}
