// lib/domain/key_merge.cpp: the merge driver's merge of keys/district.yaml.
#include <catch2/catch.hpp>

#include "key_merge.hpp"
#include "store_merge.hpp"
#include "yaml_emit.hpp"
#include "yaml_io.hpp"

using namespace mediate;

namespace {

KeyOffice Office(const std::string& code, char fill, const std::string& added) {
  KeyOffice o;
  o.code = code;
  o.public_key = std::string(32, fill);
  o.added = added;
  o.by = "王某 <wang@example.org>";
  return o;
}

KeyEpoch Epoch(int n, const std::string& started, std::map<std::string, std::string> sealed) {
  KeyEpoch e;
  e.epoch = n;
  e.started = started;
  e.by = "王某 <wang@example.org>";
  e.sealed = std::move(sealed);
  return e;
}

const std::string kT1 = "2026-12-07T10:00:00+08:00";
const std::string kT2 = "2026-12-08T10:00:00+08:00";
const std::string kT3 = "2026-12-09T10:00:00+08:00";

/// The base both desks started from: XJY and ABC in epoch 1.
KeyRecord Base() {
  KeyRecord r;
  r.offices["XJY"] = Office("XJY", 'x', kT1);
  r.offices["ABC"] = Office("ABC", 'a', kT1);
  r.epochs.push_back(Epoch(1, kT1, {{"XJY", "1x"}, {"ABC", "1a"}}));
  return r;
}

}  // namespace

TEST_CASE("keys merge: offices are a union and a revocation wins", "[keys][merge]") {
  KeyRecord ours = Base();  // adds QF, sealed epoch 1
  ours.offices["QF"] = Office("QF", 'q', kT2);
  ours.epochs[0].sealed["QF"] = "1q";
  KeyRecord theirs = Base();  // revokes ABC: epoch 2 for XJY only
  theirs.offices["ABC"].revoked = kT2;
  theirs.offices["ABC"].revoked_by = "李某 <li@example.org>";
  theirs.offices["ABC"].revoked_reason = "遗失";
  theirs.epochs.push_back(Epoch(2, kT2, {{"XJY", "2x"}}));
  KeyRecord base = Base();

  auto merged = MergeKeyRecords(&base, ours, theirs, "keys/district.yaml");
  REQUIRE(merged.ok());
  CHECK(merged->offices.size() == 3);
  CHECK(merged->offices.at("QF").public_key == std::string(32, 'q'));
  CHECK(merged->offices.at("ABC").revoked == kT2);
  CHECK(merged->offices.at("ABC").revoked_reason == "遗失");
  REQUIRE(merged->epochs.size() == 2);
  CHECK(merged->epochs[0].sealed ==
        std::map<std::string, std::string>{{"ABC", "1a"}, {"QF", "1q"}, {"XJY", "1x"}});
  CHECK(merged->epochs[1].sealed == std::map<std::string, std::string>{{"XJY", "2x"}});
  CHECK(merged->ActiveOffices() == std::vector<std::string>{"QF", "XJY"});

  // The other way round gives the same record.
  auto swapped = MergeKeyRecords(&base, theirs, ours, "keys/district.yaml");
  REQUIRE(swapped.ok());
  CHECK(EmitYaml(KeyRecordToValue(*swapped)) == EmitYaml(KeyRecordToValue(*merged)));
}

TEST_CASE("keys merge: two epochs with one number are a conflict", "[keys][merge]") {
  KeyRecord ours = Base();
  ours.offices["ABC"].revoked = kT2;
  ours.offices["ABC"].revoked_by = "W";
  ours.epochs.push_back(Epoch(2, kT2, {{"XJY", "2x"}}));
  KeyRecord theirs = Base();
  theirs.offices["XJY"].revoked = kT3;
  theirs.offices["XJY"].revoked_by = "L";
  theirs.epochs.push_back(Epoch(2, kT3, {{"ABC", "2a"}}));
  KeyRecord base = Base();
  auto merged = MergeKeyRecords(&base, ours, theirs, "keys/district.yaml");
  REQUIRE_FALSE(merged.ok());
  CHECK(merged.status().kind() == ErrorKind::kRejected);
  CHECK_THAT(merged.status().message(),
             Catch::Contains("keys/district.yaml: epoch 2 differs on the two sides"));
}

TEST_CASE("keys merge: one office with two public keys is a conflict", "[keys][merge]") {
  KeyRecord ours = Base();
  ours.offices["QF"] = Office("QF", 'q', kT2);
  KeyRecord theirs = Base();
  theirs.offices["QF"] = Office("QF", 'r', kT2);
  auto merged = MergeKeyRecords(nullptr, ours, theirs, "keys/district.yaml");
  REQUIRE_FALSE(merged.ok());
  CHECK_THAT(merged.status().message(), Catch::Contains("office QF has a different public key"));
}

TEST_CASE("the merge driver merges keys/district.yaml by office", "[keys][merge]") {
  CHECK(IsMergedByDriver("keys/district.yaml"));
  CHECK_FALSE(IsMergedByDriver("keys/other.yaml"));
  CHECK_THAT(GitAttributesText(), Catch::Contains("\nkeys/district.yaml merge=mediate\n"));
  KeyRecord ours = Base();
  ours.offices["QF"] = Office("QF", 'q', kT2);
  ours.epochs[0].sealed["QF"] = "1q";
  KeyRecord theirs = Base();
  theirs.offices["HP"] = Office("HP", 'h', kT2);
  theirs.epochs[0].sealed["HP"] = "1h";
  auto text = [](const KeyRecord& r) { return EmitYaml(KeyRecordToValue(r)); };
  auto merged = MergeStoreFile("keys/district.yaml", text(Base()), text(ours), text(theirs),
                               Settings{}, MergeStamp{});
  REQUIRE(merged.ok());
  CHECK(merged->conflicts == 0);
  auto v = ParseYaml(merged->text, "keys/district.yaml");
  REQUIRE(v.ok());
  auto r = KeyRecordFromValue(*v, "keys/district.yaml");
  REQUIRE(r.ok());
  CHECK(r->ActiveOffices() == std::vector<std::string>{"ABC", "HP", "QF", "XJY"});
  CHECK(r->epochs[0].sealed.size() == 4);
}
