// lib/domain/committee_checks.cpp, lib/domain/org_roster.cpp and lib/records/team_settings.cpp:
// Law Art. 8 and the staffing norm, organisation edits and retirement, who
// serves an organisation (its table: org_table_test.cpp), the
// team settings of mediate.yaml.
#include <catch2/catch.hpp>

#include "committee_checks.hpp"
#include "org_roster.hpp"
#include "team_settings.hpp"
#include "vocab.hpp"
#include "yaml_io.hpp"

using namespace mediate;
using Catch::Matchers::Contains;

namespace {

Organisation Committee(const char* id = "C-1", const char* kind = "community_committee") {
  Organisation o;
  o.id = id;
  o.name = "东风社区人民调解委员会";
  o.kind = kind;
  o.level = "community";
  return o;
}

Mediator Member(const std::string& id, const char* sex, const char* role,
                const char* employment = "part_time", const char* org = "C-1") {
  Mediator m;
  m.id = id;
  m.name = "调解员" + id;
  m.sex = sex;
  m.role = role;
  m.employment = employment;
  m.org = org;
  return m;
}

MediatorRegistry Members(std::vector<Mediator> list) {
  MediatorRegistry r;
  for (auto& m : list) r[m.id] = m;
  return r;
}

std::string Joined(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += x + "\n";
  return s;
}

}  // namespace

TEST_CASE("a committee of 3-9 with a chair and a woman meets Law Art. 8", "[committee]") {
  auto roster = Members({Member("M-1", "female", "chair", "full_time"),
                         Member("M-2", "male", "member"), Member("M-3", "male", "member")});
  Membership m = MembershipOf("C-1", roster);
  CHECK(m.members == 3);
  CHECK(m.chair == "M-1");
  CHECK(CommitteeProblems(Committee(), m, TeamSettings{}).empty());
}

TEST_CASE("Law Art. 8 problems: size, chair, woman", "[committee]") {
  auto roster = Members({Member("M-1", "male", "member"), Member("M-2", "male", "member"),
                         Member("M-3", "male", "member", "part_time", "C-2")});
  roster["M-4"] = Member("M-4", "female", "chair", "full_time");
  roster["M-4"].status = "retired";  // retired mediators are not members
  auto problems =
      Joined(CommitteeProblems(Committee(), MembershipOf("C-1", roster), TeamSettings{}));
  CHECK_THAT(problems,
             Contains("has 2 members; a committee has 3 to 9 (People's Mediation Law Art. 8)"));
  CHECK_THAT(problems, Contains("has no chair"));
  CHECK_THAT(problems, Contains("has no woman"));
  CHECK_THAT(problems, Contains("has 0 full-time mediators; the staffing norm is 1"));

  MediatorRegistry ten;
  for (int i = 0; i < 10; ++i)
    ten["M-" + std::to_string(i)] =
        Member("M-" + std::to_string(i), "female", i < 2 ? "chair" : "member", "full_time");
  auto many = Joined(CommitteeProblems(Committee(), MembershipOf("C-1", ten), TeamSettings{}));
  CHECK_THAT(many, Contains("has 10 members"));
  CHECK_THAT(many, Contains("has 2 chairs"));
}

TEST_CASE("the staffing norm applies by kind and follows the store setting", "[committee]") {
  Organisation centre = Committee("WBL-CENTRE", "district_centre");
  auto roster = Members({Member("M-1", "female", "engaged", "full_time", "WBL-CENTRE")});
  Membership m = MembershipOf("WBL-CENTRE", roster);
  auto problems = CommitteeProblems(centre, m, TeamSettings{});
  REQUIRE(problems.size() == 1);  // the centre is not a committee: Art. 8 does not apply
  CHECK_THAT(problems[0], Contains("the staffing norm is 5"));
  TeamSettings relaxed;
  relaxed.full_time_norm["district_centre"] = 1;
  CHECK(CommitteeProblems(centre, m, relaxed).empty());
  Organisation room = Committee("B-1", "brand_room");
  CHECK(CommitteeProblems(room, Membership{}, TeamSettings{}).empty());
}

TEST_CASE("CheckCommittees warns at the organisation's file", "[committee]") {
  OrgRegistry orgs;
  orgs["C-1"] = Committee();
  Organisation retired = Committee("C-2");
  retired.status = "retired";
  orgs["C-2"] = retired;
  auto ds = CheckCommittees(orgs, {}, TeamSettings{}, nullptr);
  REQUIRE_FALSE(ds.empty());
  for (const auto& d : ds) {
    CHECK(d.severity == Severity::kWarning);
    CHECK(d.where.file == "orgs/C-1.yaml");
  }
}

TEST_CASE("team settings default to the published local rules and can be overridden",
          "[committee]") {
  auto none = TeamSettings::FromValue(Value::Map(), "mediate.yaml");
  REQUIRE(none.ok());
  CHECK(none->training_yearly_hours == 20);
  CHECK(none->full_time_norm.at("street_committee") == 2);
  CHECK(none->grades.at(4).min_cases == 50);
  CHECK(none->grades.at(4).min_success_percent == 85);

  auto v = ParseYaml(
      "training: {yearly_hours: 24}\n"
      "staffing: {full_time: {community_committee: 2}}\n"
      "grades:\n"
      "  \"3\": {years: 5, cases: 200, success_percent: 90}\n"
      "  \"4\": {cases: 40}\n",
      "mediate.yaml");
  REQUIRE(v.ok());
  auto t = TeamSettings::FromValue(*v, "mediate.yaml");
  REQUIRE(t.ok());
  CHECK(t->training_yearly_hours == 24);
  CHECK(t->full_time_norm.at("community_committee") == 2);
  CHECK(t->full_time_norm.at("district_centre") == 5);
  CHECK(t->grades.at(3).min_cases == 200);
  CHECK(t->grades.at(3).max_oral_percent == -1);
  CHECK(t->grades.at(4).min_cases == 40);
  CHECK(t->grades.at(4).min_years == 2);  // other grade-4 defaults kept

  Value written = Value::Map();
  t->AddTo(&written);
  auto again = TeamSettings::FromValue(*ParseYaml(EmitYaml(written), "m"), "m");
  REQUIRE(again.ok());
  CHECK(again->grades.at(3).min_success_percent == 90);

  auto bad = TeamSettings::FromValue(
      *ParseYaml("grades:\n  \"5\": {cases: 1}\n  \"4\": {success_percent: 120}\n", "mediate.yaml"),
      "mediate.yaml");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().diagnostics().size() == 2);
}

TEST_CASE("organisations are checked against areas, kinds and parents", "[committee]") {
  OrgRegistry orgs;
  orgs["S-1"] = Committee("S-1", "street_committee");
  Organisation o = Committee("C-9");
  auto st =
      ApplyOrgFields(&o, {{"kind", "村居调委会"}, {"parent", "C-9"}, {"specialties", "邻里纠纷"}},
                     Vocabulary::Builtin(), AreaRegistry());
  REQUIRE(st.ok());
  CHECK(o.kind == "community_committee");
  CHECK(o.specialties == std::vector<std::string>{"neighbour"});
  DiagnosticSink sink;
  o.street = "140109999";
  CheckOrganisation(o, Vocabulary::Builtin(), orgs, AreaRegistry(), {"C-9", 0, 0}, &sink);
  std::string all;
  for (const auto& d : sink.items()) all += d.ToString() + "\n";
  CHECK_THAT(all, Contains("cannot be its own parent"));
  CHECK_THAT(all, Contains("unknown street 140109999"));

  auto unknown = ApplyOrgFields(&o, {{"colour", "red"}}, Vocabulary::Builtin(), AreaRegistry());
  CHECK(unknown.kind() == ErrorKind::kUsage);
}

TEST_CASE("an organisation with active members or children cannot be retired", "[committee]") {
  OrgRegistry orgs;
  orgs["S-1"] = Committee("S-1", "street_committee");
  orgs["C-1"] = Committee("C-1");
  orgs["C-1"].parent = "S-1";
  auto roster = Members({Member("M-1", "female", "chair")});
  Organisation c = orgs["C-1"];
  auto st = RetireOrg(&c, orgs, roster);
  REQUIRE_FALSE(st.ok());
  CHECK_THAT(st.message(), Contains("1 active mediator belong to it"));
  Organisation s = orgs["S-1"];
  CHECK_THAT(RetireOrg(&s, orgs, roster).message(), Contains("names it as parent (C-1)"));
  roster["M-1"].status = "retired";
  REQUIRE(RetireOrg(&c, orgs, roster).ok());
  CHECK(c.status == "retired");
  CHECK_FALSE(RetireOrg(&c, orgs, roster).ok());
}

TEST_CASE("an organisation's members: chairs first, then id order, with problems", "[committee]") {
  auto roster = Members({Member("M-1", "male", "member"), Member("M-2", "female", "member"),
                         Member("M-3", "male", "chair", "full_time"),
                         Member("M-4", "female", "member", "part_time", "C-2")});
  roster["M-0"] = Member("M-0", "female", "chair");
  roster["M-0"].status = "retired";  // not a member any more
  OrgMembers m = OrgMembersOf(Committee(), roster, TeamSettings{});
  CHECK(m.members == std::vector<std::string>{"M-3", "M-1", "M-2"});
  CHECK(m.membership.members == 3);
  CHECK(m.membership.women == 1);
  CHECK(m.membership.full_time == 1);
  CHECK(m.membership.chair == "M-3");
  CHECK(m.problems.empty());  // 3 members, one chair, a woman, one full-time

  OrgMembers alone = OrgMembersOf(Committee("C-2"), roster, TeamSettings{});
  CHECK(alone.members == std::vector<std::string>{"M-4"});
  CHECK_THAT(Joined(alone.problems), Contains("has 1 members; a committee has 3 to 9"));
}
