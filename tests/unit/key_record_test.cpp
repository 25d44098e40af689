// lib/records/key_record.cpp: the district's keys record keys/district.yaml.
#include <catch2/catch.hpp>

#include "key_record.hpp"
#include "yaml_emit.hpp"
#include "yaml_io.hpp"

using namespace mediate;

namespace {

// Base64 (URL-safe, no padding) of 32 bytes 0x00 and of 32 bytes 0x01.
const std::string kZeros(43, 'A');
const std::string kOnes = "AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE";

const char* kRecord = R"(schema: keys/1
offices:
  XJY:
    public_key: "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    added: "2026-12-07T10:00:00+08:00"
    by: "王某 <wang@example.org>"
    desk: laptop-3
  ABC:
    public_key: "AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE"
    added: "2026-12-07T11:00:00+08:00"
    by: "李某 <li@example.org>"
    revoked: "2026-12-08T09:00:00+08:00"
    revoked_by: "王某 <wang@example.org>"
    revoked_reason: 笔记本电脑遗失
epochs:
  - epoch: 1
    started: "2026-12-07T10:00:00+08:00"
    by: "王某 <wang@example.org>"
    sealed: {XJY: s1x, ABC: s1a}
  - epoch: 2
    started: "2026-12-08T09:00:00+08:00"
    by: "王某 <wang@example.org>"
    sealed: {XJY: s2x}
    note: after the laptop
rotation: yearly
)";

Result<KeyRecord> Read(const std::string& text) {
  auto v = ParseYaml(text, "keys/district.yaml");
  REQUIRE(v.ok());
  return KeyRecordFromValue(*v, "keys/district.yaml");
}

std::string Messages(const Status& st) {
  std::string all;
  for (const auto& d : st.diagnostics())
    all += d.where.file + ":" + std::to_string(d.where.line) + ": " + d.field + ": " + d.message +
           "\n";
  return all;
}

}  // namespace

TEST_CASE("the keys record reads offices and epochs", "[keys]") {
  auto r = Read(kRecord);
  REQUIRE(r.ok());
  REQUIRE(r->offices.size() == 2);
  const KeyOffice& xjy = r->offices.at("XJY");
  CHECK(xjy.public_key == std::string(32, '\0'));
  CHECK(xjy.added == "2026-12-07T10:00:00+08:00");
  CHECK(xjy.active());
  const KeyOffice& abc = r->offices.at("ABC");
  CHECK(abc.public_key == std::string(32, '\1'));
  CHECK_FALSE(abc.active());
  CHECK(abc.revoked_reason == "笔记本电脑遗失");
  REQUIRE(r->epochs.size() == 2);
  CHECK(r->epochs[0].sealed == std::map<std::string, std::string>{{"ABC", "s1a"}, {"XJY", "s1x"}});
  CHECK(r->CurrentEpoch()->epoch == 2);
  CHECK(r->FindEpoch(1)->sealed.at("XJY") == "s1x");
  CHECK(r->FindEpoch(3) == nullptr);
  CHECK(r->Encrypted());
  CHECK(r->ActiveOffices() == std::vector<std::string>{"XJY"});
  CHECK_FALSE(KeyRecord{}.Encrypted());
}

TEST_CASE("the keys record writes back what it read, unknown keys kept", "[keys]") {
  auto r = Read(kRecord);
  REQUIRE(r.ok());
  Value out = KeyRecordToValue(*r);
  std::vector<std::string> keys;
  for (const auto& [k, v] : out.entries()) keys.push_back(k);
  CHECK(keys == std::vector<std::string>{"schema", "offices", "epochs", "rotation"});
  // Offices by code; unknown keys of an office and an epoch after the known ones.
  const Value& offices = *out.Find("offices");
  CHECK(offices.entries()[0].first == "ABC");
  std::vector<std::string> xjy_keys;
  for (const auto& [k, v] : offices.Find("XJY")->entries()) xjy_keys.push_back(k);
  CHECK(xjy_keys == std::vector<std::string>{"public_key", "added", "by", "desk"});
  CHECK(offices.Find("XJY")->Find("public_key")->text() == kZeros);
  CHECK(offices.Find("ABC")->Find("public_key")->text() == kOnes);
  CHECK(out.Find("epochs")->items()[1].Find("note")->text() == "after the laptop");
  // The text it gives reads back to the same record, and writes the same text.
  const std::string text = EmitYaml(out);
  auto again = Read(text);
  REQUIRE(again.ok());
  CHECK(EmitYaml(KeyRecordToValue(*again)) == text);
  CHECK(again->offices.at("ABC").revoked_by == "王某 <wang@example.org>");
  CHECK(again->epochs[1].sealed.at("XJY") == "s2x");
}

TEST_CASE("a bad keys record is refused naming the file, line and field", "[keys]") {
  auto bad_schema = Read("schema: keys/2\n");
  REQUIRE_FALSE(bad_schema.ok());
  CHECK_THAT(Messages(bad_schema.status()), Catch::Contains("keys/district.yaml:1: schema:"));

  std::string text = kRecord;
  text.replace(text.find("epoch: 2"), 8, "epoch: 1");
  auto order = Read(text);
  REQUIRE_FALSE(order.ok());
  CHECK_THAT(Messages(order.status()),
             Catch::Contains("keys/district.yaml:20: epochs[1].epoch: epoch 1 must be greater"));

  text = kRecord;
  text.replace(text.find("{XJY: s2x}"), 10, "{XJY: s2x, QQQ: s2q}");
  auto stranger = Read(text);
  REQUIRE_FALSE(stranger.ok());
  CHECK_THAT(Messages(stranger.status()),
             Catch::Contains("epochs[1].sealed.QQQ: office QQQ is not listed under offices"));

  text = kRecord;
  text.replace(text.find(kOnes), kOnes.size(), "AQEB");
  auto short_key = Read(text);
  REQUIRE_FALSE(short_key.ok());
  CHECK_THAT(Messages(short_key.status()),
             Catch::Contains(":9: offices.ABC.public_key: is not a public key"));

  auto no_epoch = Read("schema: keys/1\noffices:\n  XJY: {public_key: \"" + kZeros +
                       "\", added: \"2026-12-07T10:00:00+08:00\", by: W}\n");
  REQUIRE_FALSE(no_epoch.ok());
  CHECK_THAT(Messages(no_epoch.status()), Catch::Contains("epochs: is required"));
}
