// lib/report/org_table.cpp: the register and one organisation laid out as
// tables.
#include <catch2/catch.hpp>

#include "org_table.hpp"

using namespace mediate;

namespace {

Mediator Member(const char* id, const char* name, const char* sex, const char* role,
                const char* employment, const char* org, int grade = 0) {
  Mediator m;
  m.id = id;
  m.name = name;
  m.sex = sex;
  m.role = role;
  m.employment = employment;
  m.org = org;
  m.grade = grade;
  return m;
}

OrgRegistry Orgs() {
  OrgRegistry orgs;
  Organisation s;
  s.id = "S-1";
  s.name = "东风街道人民调解委员会";
  s.kind = "street_committee";
  s.level = "street";
  orgs[s.id] = s;
  Organisation c;
  c.id = "C-1";
  c.name = "东风社区人民调解委员会";
  c.kind = "community_committee";
  c.level = "community";
  c.parent = "S-1";
  c.specialties = {"neighbour", "family"};
  orgs[c.id] = c;
  return orgs;
}

MediatorRegistry Roster() {
  MediatorRegistry r;
  for (const Mediator& m : {Member("M-1", "李强", "male", "member", "part_time", "C-1"),
                            Member("M-2", "王芳", "female", "chair", "full_time", "C-1", 4),
                            Member("M-3", "张伟", "male", "member", "full_time", "S-1")})
    r[m.id] = m;
  return r;
}

std::string Kind(const std::string& code) { return "<" + code + ">"; }
std::string Text(const Cell& c) { return std::get<std::string>(c); }

}  // namespace

TEST_CASE("the register: one row per kept organisation with its members", "[org]") {
  Table t = OrgTable(Orgs(), Roster(), Kind, nullptr);
  // The machine formats' columns: all but the labels only Chinese tables show.
  std::vector<std::string> names;
  for (const auto& c : t.columns)
    if (c.shown != ColumnShown::kLabelOnly) names.push_back(c.name);
  CHECK(names == std::vector<std::string>{"id", "name", "kind", "kind_label", "level", "street",
                                          "community", "parent", "status", "members", "full_time",
                                          "chair"});
  auto cell = [&t](std::size_t row, const char* column) {
    return t.rows[row][static_cast<std::size_t>(t.ColumnIndex(column))];
  };
  REQUIRE(t.rows.size() == 2);
  // id order: C-1 before S-1
  CHECK(Text(cell(0, "id")) == "C-1");
  CHECK(Text(cell(0, "kind_label")) == "<community_committee>");
  CHECK(Text(cell(0, "parent")) == "S-1");
  CHECK(Text(cell(0, "status")) == "active");
  CHECK(Text(cell(0, "status_label")).empty());  // labels only when translation is on
  CHECK(std::get<std::int64_t>(cell(0, "members")) == 2);
  CHECK(std::get<std::int64_t>(cell(0, "full_time")) == 1);
  CHECK(Text(cell(0, "chair")) == "M-2");
  CHECK(std::get<std::int64_t>(cell(1, "members")) == 1);
  CHECK(Text(cell(1, "chair")).empty());  // no chair
  Table kept = OrgTable(Orgs(), Roster(), Kind,
                        [](const Organisation& o) { return o.kind == "street_committee"; });
  REQUIRE(kept.rows.size() == 1);
  CHECK(Text(kept.rows[0][0]) == "S-1");
}

TEST_CASE("an organisation card: fields, members chair first, warnings", "[org]") {
  OrgRegistry orgs = Orgs();
  OrgMembers members;
  members.membership.members = 2;
  members.membership.women = 1;
  members.membership.full_time = 1;
  members.membership.chair = "M-2";
  members.members = {"M-2", "M-1"};
  members.problems = {"has 2 members; a committee has 3 to 9 (People's Mediation Law Art. 8)"};
  Table t = OrgCard(orgs.at("C-1"), members, orgs, Roster(), AreaRegistry{}, Kind);
  std::vector<std::pair<std::string, std::string>> got;
  for (const auto& r : t.rows) got.emplace_back(Text(r[0]), Text(r[1]));
  std::vector<std::pair<std::string, std::string>> want = {
      {"id", "C-1"},
      {"name", "东风社区人民调解委员会"},
      {"kind", "community_committee  <community_committee>"},
      {"level", "community"},
      {"specialties", "neighbour, family"},
      {"parent", "S-1  东风街道人民调解委员会"},
      {"status", "active"},
      {"members", "2 (1 women, 1 full-time)"},
      {"chair", "M-2  王芳"},
      {"member", "M-2  王芳  chair  full_time  grade 4"},
      {"member", "M-1  李强  member  part_time"},
      {"warning", "has 2 members; a committee has 3 to 9 (People's Mediation Law Art. 8)"}};
  CHECK(got == want);
}
