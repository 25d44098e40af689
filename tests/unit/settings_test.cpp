// lib/records/settings.cpp: the retention setting by outcome (mediate.yaml
// retention:, a store setting).
#include <catch2/catch.hpp>

#include <string>

#include "settings.hpp"
#include "yaml_io.hpp"

using namespace mediate;

TEST_CASE("the retention setting maps outcomes to retention periods", "[settings]") {
  const char* base =
      "schema: settings/1\ndistrict: {code: \"140109\", name: 万柏林区}\noffice: WBL\n";
  auto v = ParseYaml(std::string(base) + "retention: {agreed: long, terminated: 短期}\n",
                     "mediate.yaml");
  REQUIRE(v.ok());
  auto s = Settings::FromValue(*v, "mediate.yaml");
  REQUIRE(s.ok());
  CHECK(s->retention.at("agreed") == "long");
  CHECK(s->retention.at("terminated") == "short");  // the label, stored as its code
  CHECK(s->retention.count("refused") == 0);
  // Written back as codes.
  const Value all = s->ToValue();
  const Value* written = all.Find("retention");
  REQUIRE(written != nullptr);
  CHECK(written->Find("terminated")->text() == "short");
  auto bad = ParseYaml(std::string(base) + "retention:\n  agreed: forever\n  lost: long\n",
                       "mediate.yaml");
  REQUIRE(bad.ok());
  auto b = Settings::FromValue(*bad, "mediate.yaml");
  REQUIRE_FALSE(b.ok());
  REQUIRE(b.status().diagnostics().size() == 2);
  CHECK(b.status().diagnostics()[0].ToString() ==
        "mediate.yaml:5:11: retention.agreed: retention period is one of permanent, long, short, "
        "not \"forever\"");
  CHECK(b.status().diagnostics()[1].ToString() ==
        "mediate.yaml:6:9: retention.lost: unknown outcome \"lost\"; known: agreed, terminated, "
        "withdrawn, refused");
  // None set: empty (close then asks for --retention).
  auto none = ParseYaml(base, "mediate.yaml");
  CHECK(Settings::FromValue(*none, "mediate.yaml")->retention.empty());
}
