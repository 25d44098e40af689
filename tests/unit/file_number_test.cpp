// lib/records/file_number.cpp: the file number's official form, the word of
// the id's office with its fallbacks, the stored number before the derived
// one, renumbering and the checks validate makes. Expected values by hand.
#include <catch2/catch.hpp>

#include "file_number.hpp"

using namespace mediate;

namespace {

OfficeRegistry Offices() {
  OfficeRegistry offices;
  for (auto [code, word] : {std::pair{"XJY", "万小人调字"}, std::pair{"WBL", "万人调字"}}) {
    Office o;
    o.code = code;
    o.file_no_word = word;
    offices[o.code] = o;
  }
  return offices;
}

}  // namespace

TEST_CASE("a file number has full-width brackets and no leading zeros", "[file_number]") {
  CHECK(FormatFileNumber("万小人调字", 2026, 12) == "（2026）万小人调字第12号");
  CHECK(FormatFileNumber("人调字", 2025, 1) == "（2025）人调字第1号");
}

TEST_CASE("the word is the id's office's, else the store's, else 人调字", "[file_number]") {
  const OfficeRegistry offices = Offices();
  Settings settings;
  settings.file_no_word = "万旧人调字";
  CHECK(DerivedFileNumber("XJY-2026-000012", offices, settings) == "（2026）万小人调字第12号");
  CHECK(DerivedFileNumber("WBL-2025-000107", offices, settings) == "（2025）万人调字第107号");
  // QF has no record (a store made before the registry): the store's word.
  CHECK(DerivedFileNumber("QF-2026-000003", offices, settings) == "（2026）万旧人调字第3号");
  settings.file_no_word.clear();
  CHECK(DerivedFileNumber("QF-2026-000003", offices, settings) == "（2026）人调字第3号");
  CHECK(DerivedFileNumber("not-an-id", offices, settings).empty());
}

TEST_CASE("the stored file number comes before the derived one", "[file_number]") {
  const OfficeRegistry offices = Offices();
  Settings settings;
  Case c;
  c.id = "XJY-2026-000012";
  CHECK(FileNumber(c, offices, settings) == "（2026）万小人调字第12号");
  c.file_no = "（2025）万小人调字第3号";
  CHECK(FileNumber(c, offices, settings) == "（2025）万小人调字第3号");
  CHECK(FileNumber("XJY-2026-000012", "", offices, settings) == "（2026）万小人调字第12号");
}

TEST_CASE("a file number is read back into its parts", "[file_number]") {
  auto p = ParseFileNumber("（2026）万小人调字第12号");
  REQUIRE(p);
  CHECK(p->year == 2026);
  CHECK(p->word == "万小人调字");
  CHECK(p->sequence == 12);
  for (const char* bad :
       {"(2026)万小人调字第12号", "（2026）第12号", "（26）万小人调字第12号",
        "（2026）万小人调字第012号", "（2026）万小人调字第号", "（2026）万小人调字第12",
        "万小人调字第12号", "（2026）万（小）调字第1号", "（2026）万小人调字第1２号", ""})
    CHECK_FALSE(ParseFileNumber(bad));
}

TEST_CASE("validate: a malformed number is an error, another year or sequence a warning",
          "[file_number]") {
  CHECK_FALSE(CheckFileNumber("XJY-2026-000012", ""));
  CHECK_FALSE(CheckFileNumber("XJY-2026-000012", "（2026）万小人调字第12号"));
  // Another word is not checked: an office's word may change.
  CHECK_FALSE(CheckFileNumber("XJY-2026-000012", "（2026）万人调字第12号"));
  auto bad = CheckFileNumber("XJY-2026-000012", "(2026)万小人调字第12号");
  REQUIRE(bad);
  CHECK(bad->error);
  CHECK(bad->message ==
        "\"(2026)万小人调字第12号\" is not a file number: it reads （YYYY）<word>第N号, like "
        "（2026）万小人调字第12号");
  auto other = CheckFileNumber("XJY-2026-000012", "（2025）万小人调字第7号");
  REQUIRE(other);
  CHECK_FALSE(other->error);
  CHECK(other->message ==
        "（2025）万小人调字第7号 has year 2025 and number 7, the case id XJY-2026-000012 year "
        "2026 and number 12: check that it is this case's file number");
}

TEST_CASE("renumbering rewrites only a number derived from the old id", "[file_number]") {
  const OfficeRegistry offices = Offices();
  Settings settings;
  Case c;
  c.id = "WBL-2026-000002";
  c.file_no = "（2026）万人调字第1号";
  CHECK(RenumberFileNumber(&c, "WBL-2026-000001", offices, settings) == "（2026）万人调字第1号");
  CHECK(c.file_no == "（2026）万人调字第2号");
  // Set otherwise (a paper file's number): kept.
  c.file_no = "（2025）万人调字第88号";
  CHECK(RenumberFileNumber(&c, "WBL-2026-000001", offices, settings).empty());
  CHECK(c.file_no == "（2025）万人调字第88号");
  // None stored: none written (rendering derives it from the new id).
  c.file_no.clear();
  CHECK(RenumberFileNumber(&c, "WBL-2026-000001", offices, settings).empty());
  CHECK(c.file_no.empty());
}
