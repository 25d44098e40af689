#include <catch2/catch.hpp>

#include "case.hpp"
#include "keyed_hash.hpp"
#include "lifecycle.hpp"
#include "party_lookup.hpp"
#include "settings.hpp"

using namespace mediate;

TEST_CASE("names and numbers are compared in one form", "[lookup]") {
  CHECK(NormalizeLookupName(" 李 秀英 ") == "李秀英");
  CHECK(NormalizeLookupName("ＡＢＣ公司") == "ABC公司");  // full-width letters
  CHECK(NormalizeLookupNumber("1101 0519 4912 3100 2x") == "11010519491231002X");
  CHECK(NormalizeLookupNumber("138-0000-1234") == "13800001234");
  CHECK(NormalizeLookupNumber("+86 138 0000 1234") == "13800001234");
  CHECK(NormalizeLookupNumber("１３８００００１２３４") == "13800001234");  // full-width digits
  CHECK(NormalizeLookupNumber(" - ") == "");
}

TEST_CASE("a keyed hash depends on the key and hides the number", "[lookup]") {
  const std::string h = KeyedHash("k1", "13800001234");
  CHECK(h.size() == 32);
  CHECK(h == KeyedHash("k1", "13800001234"));
  CHECK(h != KeyedHash("k2", "13800001234"));
  CHECK(h.find("1380000") == std::string::npos);
  // RFC 4231 test case 2 (HMAC-SHA-256, key "Jefe"), first 128 bits.
  CHECK(KeyedHash("Jefe", "what do ya want for nothing?") == "5bdcc146bf60754e6a042426089575c7");
}

TEST_CASE("a summary keeps names for lookup and numbers only hashed", "[lookup]") {
  Settings st;
  st.time_zone = *TimeZone::Find("Asia/Shanghai");
  Case c;
  c.id = "WBL-2026-000001";
  c.received = *Timestamp::Parse("2026-03-02T09:30:00+08:00");
  Party a;
  a.role = "applicant";
  a.kind = "person";
  a.name = "李 秀英";
  a.id_number = "11010519491231002X";
  a.phone = "13800001234";
  Party b;
  b.role = "respondent";
  b.kind = "person";
  b.name = "王某";  // a name alone
  c.parties = {a, b};
  Event s;
  s.at = *Timestamp::Parse("2026-03-03T09:30:00+08:00");
  s.type = "session";
  s.payload.Set("note", Value::String("双方同意分期赔偿"));
  c.events.push_back(s);
  CaseSummary sum = Summarize(c, "cases/2026/03/WBL-2026-000001.yaml", st, "key");
  CHECK(sum.party_names == std::vector<std::string>{"李秀英", "王某"});
  CHECK(sum.party_numbers == std::vector<std::string>{KeyedHash("key", "11010519491231002X"),
                                                      KeyedHash("key", "13800001234")});
  CHECK(sum.party_hashes == std::vector<std::string>{KeyedHash("key", "11010519491231002X"), ""});
  CHECK(sum.party_masked == std::vector<std::string>{"110105********002X", "王某|"});
  CHECK_FALSE(sum.party_id_invalid);
  CHECK(sum.notes == "双方同意分期赔偿\n");
}
