// lib/records/office.cpp: the office record,
// which office a desk writes as, and what makes an office sound.
#include <catch2/catch.hpp>

#include "office.hpp"
#include "yaml_emit.hpp"
#include "yaml_io.hpp"

using namespace mediate;

namespace {

Office Make(const char* code, const char* word, const char* status = "active") {
  Office o;
  o.code = code;
  o.name = std::string(code) + " office";
  o.file_no_word = word;
  o.status = status;
  return o;
}

OfficeRegistry Registry() {
  OfficeRegistry r;
  for (auto o :
       {Make("WBL", "万人调字"), Make("XJY", "万小人调字"), Make("OLD", "万旧人调字", "retired")})
    r[o.code] = o;
  return r;
}

}  // namespace

TEST_CASE("office codes are a capital and one to five capitals or digits", "[offices]") {
  for (const char* good : {"WBL", "QF", "XJY", "A1", "ABCDEF", "Q2026"}) CHECK(IsOfficeCode(good));
  for (const char* bad : {"", "W", "wbl", "WBL-1", "1WB", "ABCDEFG", "X Y", "万柏"})
    CHECK_FALSE(IsOfficeCode(bad));
}

TEST_CASE("the desk's office: MEDIATE_OFFICE, then git config, then mediate.yaml without a remote",
          "[offices]") {
  const OfficeRegistry r = Registry();
  CHECK(*ChooseOffice({"XJY", "WBL", "WBL", true}, r) == "XJY");
  CHECK(*ChooseOffice({"", "XJY", "WBL", true}, r) == "XJY");
  CHECK(*ChooseOffice({"", "", "WBL", false}, r) == "WBL");
  auto none = ChooseOffice({"", "", "WBL", true}, r);
  REQUIRE_FALSE(none.ok());
  CHECK(none.status().kind() == ErrorKind::kUsage);
  CHECK_THAT(none.status().message(), Catch::Contains("git config mediate.office CODE"));
  CHECK_THAT(none.status().message(), Catch::Contains("registered: WBL, XJY"));  // not OLD
}

TEST_CASE("a malformed, unknown or retired office is refused naming its source", "[offices]") {
  const OfficeRegistry r = Registry();
  auto bad = ChooseOffice({"wbl-1", "", "WBL", false}, r);
  REQUIRE_FALSE(bad.ok());
  CHECK_THAT(bad.status().message(),
             Catch::StartsWith("MEDIATE_OFFICE \"wbl-1\" is not an office code"));
  auto unknown = ChooseOffice({"", "HP", "WBL", false}, r);
  REQUIRE_FALSE(unknown.ok());
  CHECK_THAT(unknown.status().message(),
             Catch::StartsWith("git config mediate.office \"HP\" is not a registered office"));
  auto retired = ChooseOffice({"OLD", "", "WBL", false}, r);
  REQUIRE_FALSE(retired.ok());
  CHECK_THAT(retired.status().message(), Catch::Contains("retired office"));
  // A store from before the registry takes any well-formed code, and no malformed one.
  CHECK(*ChooseOffice({"HP", "", "WBL", false}, {}) == "HP");
  CHECK_FALSE(ChooseOffice({"", "", "wbl", false}, {}).ok());
}

TEST_CASE("an office's file-number word is its own, its org and street exist", "[offices]") {
  const OfficeRegistry r = Registry();
  OrgRegistry orgs;
  orgs["S-140109011"].id = "S-140109011";
  AreaRegistry areas({Street{"140109011", "小井峪街道", "140109", {}}});
  Office o = Make("QF", "万小人调字");
  o.org = "S-NONE";
  o.street = "140109001";
  DiagnosticSink sink;
  CheckOffice(o, r, orgs, areas, {"offices/QF.yaml", 0, 0}, &sink);
  REQUIRE(sink.error_count() == 3);
  CHECK_THAT(sink.items()[0].message, Catch::Contains("unknown organisation \"S-NONE\""));
  CHECK_THAT(sink.items()[1].message, Catch::Contains("unknown street \"140109001\""));
  CHECK_THAT(sink.items()[2].message, Catch::Contains("file-number word of office XJY"));
  o.org = "S-140109011";
  o.street = "140109011";
  o.file_no_word = "万千人调字";
  DiagnosticSink ok;
  CheckOffice(o, r, orgs, areas, {"offices/QF.yaml", 0, 0}, &ok);
  CHECK(ok.error_count() == 0);
}

TEST_CASE("an office record reads and writes back, keeping unknown keys", "[offices]") {
  const std::string text =
      "schema: \"office/1\"\ncode: \"XJY\"\nname: \"小井峪街道司法所\"\norg: \"S-140109011\"\n"
      "street: \"140109011\"\nfile_no_word: \"万小人调字\"\nstatus: \"active\"\nphone: "
      "\"0351-1\"\n";
  auto v = ParseYaml(text, "offices/XJY.yaml");
  REQUIRE(v.ok());
  DiagnosticSink warnings;
  auto o = Office::FromValue(*v, "offices/XJY.yaml", &warnings);
  REQUIRE(o.ok());
  CHECK(o->code == "XJY");
  CHECK(o->file_no_word == "万小人调字");
  CHECK(warnings.items().size() == 1);  // phone: unknown, kept
  CHECK(EmitYaml(o->ToValue()) == text);
  auto bad = ParseYaml("schema: \"office/2\"\ncode: \"x\"\nname: \"n\"\nfile_no_word: \"w\"\n",
                       "offices/x.yaml");
  REQUIRE(bad.ok());
  auto refused = Office::FromValue(*bad, "offices/x.yaml");
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.status().diagnostics().size() == 2);  // the schema and the code
}
