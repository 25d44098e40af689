// lib/records/personal_fields.cpp: which values of a case record are sealed,
// the stored masks, sealing and opening through a data key, and a record
// read without the key written back byte for byte. Expected texts are typed
// here from the input (the masks counted by hand).
#include <catch2/catch.hpp>

#include <map>
#include <string>

#include "case_record.hpp"
#include "personal_fields.hpp"
#include "vocab.hpp"
#include "yaml_io.hpp"

using namespace mediate;

namespace {

/// One epoch and a lookup key, all fixed bytes.
class TestKeys : public CaseKeySource {
 public:
  TestKeys() {
    std::string a(32, 'a'), l(32, 'l');
    epoch_ = SecretKey::FromBytes(a, "epoch").value();
    lookup_ = SecretKey::FromBytes(l, "lookup").value();
  }
  const SecretKey* EpochKey(int epoch) const override { return epoch == 1 ? &epoch_ : nullptr; }
  int CurrentEpoch() const override { return 1; }
  const SecretKey& LookupKey() const override { return lookup_; }
  Result<CaseKeyEntry> FindCaseKey(const std::string& key_id) const override {
    auto it = case_keys.find(key_id);
    if (it == case_keys.end()) return Status::Rejected("no key " + key_id);
    return it->second;
  }
  /// SealCaseRecord, keeping the key it makes as the store would.
  Status Seal(Value& record) {
    CaseKeyEntry made;
    Status s = SealCaseRecord(record, *this, &made);
    if (!made.id.empty()) case_keys[made.id] = made;
    return s;
  }

  std::map<std::string, CaseKeyEntry> case_keys;  ///< the store's case keys, by name

 private:
  SecretKey epoch_, lookup_;
};

constexpr const char* kRecord = R"(schema: "case/1"
id: "WBL-2026-000001"
received: "2026-03-02T09:30:00+08:00"
source: "application"
category: "neighbour"
summary: "张秀英家楼上漏水"
place: {street: "140109005"}
parties:
  - {role: "applicant", kind: "person", name: "张秀英", id_number: "11010519491231002X", phone: "13800001234", born: "1949-12-31", address: "东风社区12号楼"}
  - {role: "respondent", kind: "organisation", name: "某物业有限公司", representative: "赵大海", agents: [{name: "钱律师", phone: "13911110000"}]}
status: "received"
mediators: []
events:
  - {at: "2026-03-02T09:30:00+08:00", type: "received", by: "t <t@example.org>"}
  - {at: "2026-03-03T09:30:00+08:00", type: "session", by: "t <t@example.org>", mode: "on_site", note: "张秀英到场"}
  - {at: "2026-03-04T09:30:00+08:00", type: "amended", by: "t <t@example.org>", reason: "x", changes: [{field: "parties[1].phone", from: "13800001234", to: "13800005678"}, {field: "category", from: "labour", to: "neighbour"}]}
)";

Value Parse(const std::string& text) { return ParseYaml(text, "case.yaml").value(); }

std::map<std::string, std::string> Paths(Value& record) {
  std::map<std::string, std::string> out;
  ForEachPersonalValue(
      record, [&](const std::string& path, const std::string&, Value& v, const PersonalRule&) {
        out[path] = v.is_scalar() ? v.text() : "(sealed)";
      });
  return out;
}

}  // namespace

TEST_CASE("the field table names each personal value of a case record") {
  Value v = Parse(kRecord);
  auto paths = Paths(v);
  std::map<std::string, std::string> want = {
      {"summary", "张秀英家楼上漏水"},
      {"parties[0].name", "张秀英"},
      {"parties[0].id_number", "11010519491231002X"},
      {"parties[0].phone", "13800001234"},
      {"parties[0].born", "1949-12-31"},
      {"parties[0].address", "东风社区12号楼"},
      // An organisation's name is not a natural person's: plain.
      {"parties[1].representative", "赵大海"},
      {"parties[1].agents[0].name", "钱律师"},
      {"parties[1].agents[0].phone", "13911110000"},
      {"events[1].note", "张秀英到场"},
      // The amended phone, not the amended category.
      {"events[2].changes[0].from", "13800001234"},
      {"events[2].changes[0].to", "13800005678"},
  };
  CHECK(paths == want);
}

TEST_CASE("stored masks keep no more than the last four characters") {
  CHECK(StoredMask(PersonalMask::kNumber, "11010519491231002X") == "**************002X");
  CHECK(StoredMask(PersonalMask::kNumber, "13800001234") == "*******1234");
  CHECK(StoredMask(PersonalMask::kNumber, "123") == "****");
  CHECK(StoredMask(PersonalMask::kName, "张秀英") == "张某");
  CHECK(StoredMask(PersonalMask::kText, "东风社区") == "");
}

TEST_CASE("a record sealed holds no personal value and opens to the same record") {
  TestKeys keys;
  Value v = Parse(kRecord);
  const std::string plain = EmitYaml(v);
  REQUIRE(keys.Seal(v).ok());
  const std::string sealed = EmitYaml(v);
  for (const char* secret : {"张秀英", "11010519491231002X", "13800001234", "1949-12-31",
                             "东风社区12号楼", "赵大海", "钱律师", "13911110000", "13800005678"})
    CHECK(sealed.find(secret) == std::string::npos);
  // What stays plain: the organisation, the category change, the masks.
  CHECK(sealed.find("某物业有限公司") != std::string::npos);
  CHECK(sealed.find("**************002X") != std::string::npos);
  // The record names its key; the wrapped key is kept apart (refs/mediate/keys).
  REQUIRE(keys.case_keys.size() == 1);
  const CaseKeyEntry& made = keys.case_keys.begin()->second;
  CHECK(sealed.find("data_key: {case: \"WBL-2026-000001\", key: \"" + made.id + "\"}") !=
        std::string::npos);
  CHECK(sealed.find(made.wrapped) == std::string::npos);
  CHECK(sealed.find("wrapped") == std::string::npos);
  CHECK(made.case_id == "WBL-2026-000001");
  CHECK(made.epoch == 1);
  CHECK(PlainPersonalPaths(v).empty());
  // Sealing again changes nothing: the ciphertexts are deterministic.
  Value again = v;
  REQUIRE(keys.Seal(again).ok());
  CHECK(EmitYaml(again) == sealed);

  Value opened = Parse(sealed);
  REQUIRE(OpenCaseRecord(opened, keys).ok());
  opened.Erase("data_key");
  CHECK(EmitYaml(opened) == plain);
}

TEST_CASE("an event's values open wherever a merge puts the event") {
  TestKeys keys;
  Value v = Parse(kRecord);
  REQUIRE(keys.Seal(v).ok());
  // Another desk's event merged in before the session: every later event moves.
  Value other = Parse(R"({at: "2026-03-02T12:00:00+08:00", type: "note", by: "w", note: "x"})");
  auto& events = v.Find("events")->items();
  events.insert(events.begin() + 1, other);
  REQUIRE(OpenCaseRecord(v, keys).ok());
  CHECK(v.Find("events")->items()[2].Find("note")->text() == "张秀英到场");
  CHECK(v.Find("events")->items()[3].Find("changes")->items()[0].Find("from")->text() ==
        "13800001234");
}

TEST_CASE("a ciphertext moved to another field does not open") {
  TestKeys keys;
  Value v = Parse(kRecord);
  REQUIRE(keys.Seal(v).ok());
  Value* parties = v.Find("parties");
  Value& p0 = parties->items()[0];
  *p0.Find("phone") = *p0.Find("id_number");  // the ID number's ciphertext as the phone
  Status s = OpenCaseRecord(v, keys);
  REQUIRE_FALSE(s.ok());
  CHECK(s.message().find("parties[0].phone") != std::string::npos);
}

TEST_CASE("a record read without the key is masked and written back byte for byte") {
  TestKeys keys;
  Value v = Parse(kRecord);
  REQUIRE(keys.Seal(v).ok());
  const std::string sealed = EmitYaml(v);
  const Vocabulary& vocab = Vocabulary::Builtin();
  DiagnosticSink sink;
  Case c = CaseFromValue(Parse(sealed), "case.yaml", vocab, &sink);
  CHECK(c.parties[0].name == "张某");
  CHECK(c.parties[0].id_number == "**************002X");
  CHECK(c.parties[0].phone == "*******1234");
  CHECK(c.parties[0].address == kSealedText);
  CHECK_FALSE(c.parties[0].born.valid());
  CHECK(c.summary == kSealedText);
  CHECK(IsSealedIn(c, "parties[0].id_number"));
  CHECK(EmitYaml(CaseToValue(c)) == sealed);
  // A value changed without the key is left plain for the writer to seal.
  c.parties[0].phone = "13700009999";
  Value changed = CaseToValue(c);
  CHECK(PlainPersonalPaths(changed) == std::vector<std::string>{"parties[0].phone"});
}

TEST_CASE("a case whose key was erased opens to nothing and takes no new personal value") {
  TestKeys keys;
  Value v = Parse(kRecord);
  REQUIRE(keys.Seal(v).ok());
  const std::string sealed = EmitYaml(v);
  CaseKeyEntry& entry = keys.case_keys.begin()->second;
  entry.wrapped.clear();
  entry.epoch = 0;
  entry.erased = "2026-12-08T10:00:00+08:00";
  Value read = Parse(sealed);
  std::string erased;
  REQUIRE(OpenCaseRecord(read, keys, &erased).ok());
  CHECK(erased == "2026-12-08T10:00:00+08:00");
  CHECK(EmitYaml(read) == sealed);  // nothing opened
  // A new plain value cannot be sealed under a destroyed key.
  read.Find("parties")->items()[0].Set("phone", Value::String("13900001111"));
  Status s = keys.Seal(read);
  REQUIRE_FALSE(s.ok());
  CHECK(s.message().find("erased on 2026-12-08T10:00:00+08:00") != std::string::npos);
}

TEST_CASE("a case whose key this clone lacks says to sync") {
  TestKeys keys;
  Value v = Parse(kRecord);
  REQUIRE(keys.Seal(v).ok());
  keys.case_keys.clear();
  Status s = OpenCaseRecord(v, keys);
  REQUIRE_FALSE(s.ok());
  CHECK(s.message().find("no key ") != std::string::npos);
}

TEST_CASE("a record sealed with its key wrapped inside still opens") {
  TestKeys keys;
  Value v = Parse(kRecord);
  const std::string plain = EmitYaml(v);
  SecretKey data = SecretKey::Random();
  SealPersonalValues(v, "WBL-2026-000001", data, keys.LookupKey());
  Value dk = Value::Map();
  dk.Set("epoch", Value::Int(1));
  dk.Set("case", Value::String("WBL-2026-000001"));
  dk.Set("wrapped", Value::String(WrapKey(*keys.EpochKey(1), data, kDataKeyAd)));
  v.Set("data_key", dk);
  REQUIRE(OpenCaseRecord(v, keys).ok());
  v.Erase("data_key");
  CHECK(EmitYaml(v) == plain);
}
