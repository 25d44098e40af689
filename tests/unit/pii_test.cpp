// Expected check characters were computed separately (a one-off python3
// calculation of the GB 11643 / GB 32100 formulas) and, for the first one,
// by hand; the sums are noted next to each case.
#include <catch2/catch.hpp>

#include "pii.hpp"

using namespace mediate;

namespace {

std::string Ymd(const Date& d) { return d.valid() ? d.ToString() : "(none)"; }

}  // namespace

TEST_CASE("CheckCitizenId accepts the GB 11643 example", "[pii]") {
  // 1 1 0 1 0 5 1 9 4 9 1 2 3 1 0 0 2 x 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2
  // = 167; 167 mod 11 = 2; "10X98765432"[2] = X.
  IdNumberCheck c = CheckCitizenId("11010519491231002X");
  CHECK(c.valid);
  CHECK_FALSE(c.legacy);
  CHECK(c.problem.empty());
  CHECK(c.normalized == "11010519491231002X");
  CHECK(Ymd(c.birth_date) == "1949-12-31");
  REQUIRE(c.male.has_value());
  CHECK_FALSE(*c.male);  // sequence 002: even = female
}

TEST_CASE("CheckCitizenId normalises x, full-width characters and spaces", "[pii]") {
  CHECK(CheckCitizenId("11010519491231002x").normalized == "11010519491231002X");
  CHECK(CheckCitizenId("11010519491231002x").valid);
  IdNumberCheck wide = CheckCitizenId("　１１０１０５１９４９１２３１００２ｘ ");
  CHECK(wide.valid);
  CHECK(wide.normalized == "11010519491231002X");
  IdNumberCheck spaced = CheckCitizenId("110105 19491231 002X");
  CHECK(spaced.valid);
  CHECK(spaced.normalized == "11010519491231002X");
}

TEST_CASE("CheckCitizenId reports a wrong check character", "[pii]") {
  IdNumberCheck c = CheckCitizenId("110105194912310021");
  CHECK_FALSE(c.valid);
  CHECK(c.problem == "has check character 1, expected X (GB 11643-1999)");
  CHECK_FALSE(c.birth_date.valid());
  CHECK_FALSE(c.male.has_value());
}

TEST_CASE("CheckCitizenId on further computed numbers", "[pii]") {
  // 14010919850312123: weighted sum 227, mod 11 = 7 -> '5'; sequence 123 odd.
  IdNumberCheck male = CheckCitizenId("140109198503121235");
  CHECK(male.valid);
  CHECK(Ymd(male.birth_date) == "1985-03-12");
  CHECK(male.male == std::optional<bool>(true));
  CHECK(CheckCitizenId("140109198503121230").problem ==
        "has check character 0, expected 5 (GB 11643-1999)");
  // 14010920000229004: sum 179, mod 11 = 3 -> '9'; 2000 is a leap year.
  IdNumberCheck leap = CheckCitizenId("140109200002290049");
  CHECK(leap.valid);
  CHECK(Ymd(leap.birth_date) == "2000-02-29");
  CHECK(leap.male == std::optional<bool>(false));
  // 44030419991231111: sum 261, mod 11 = 8 -> '4'.
  CHECK(CheckCitizenId("440304199912311114").valid);
}

TEST_CASE("CheckCitizenId rejects impossible birth dates", "[pii]") {
  CHECK(CheckCitizenId("110105194902310021").problem == "birth date 19490231 does not exist");
  CHECK(CheckCitizenId("110105190002290021").problem == "birth date 19000229 does not exist");
  CHECK(CheckCitizenId("110105194913010021").problem == "birth date 19491301 does not exist");
  CHECK(CheckCitizenId("110105189912310021").problem == "birth date 18991231 is before 1900");
}

TEST_CASE("CheckCitizenId accepts legacy 15-digit numbers", "[pii]") {
  IdNumberCheck c = CheckCitizenId("110105491231002");
  CHECK(c.valid);
  CHECK(c.legacy);
  CHECK(Ymd(c.birth_date) == "1949-12-31");
  CHECK(c.male == std::optional<bool>(false));
  CHECK(CheckCitizenId("110105491231003").male == std::optional<bool>(true));
  IdNumberCheck bad = CheckCitizenId("110105490231002");
  CHECK_FALSE(bad.valid);
  CHECK(bad.problem == "birth date 19490231 does not exist");
}

TEST_CASE("CheckCitizenId explains malformed text", "[pii]") {
  CHECK(CheckCitizenId("").problem == "is empty");
  CHECK(CheckCitizenId("   ").problem == "is empty");
  CHECK(CheckCitizenId("11010519491231002").problem ==
        "has 17 characters; a citizen ID number has 18 (or 15 in the old format)");
  CHECK(CheckCitizenId("1101051949123100AX").problem == "character 17 ('A') is not a digit");
  CHECK(CheckCitizenId("11010519491231002Y").problem == "check character 'Y' is not a digit or X");
  CHECK(CheckCitizenId("000000194912310020").problem ==
        "division code 000000 does not start with a province code");
  IdNumberCheck sci = CheckCitizenId("1.10105E+17");
  CHECK_FALSE(sci.valid);
  CHECK_THAT(sci.problem, Catch::Contains("scientific notation"));
}

TEST_CASE("CheckCreditCode accepts the GB 32100 example", "[pii]") {
  // 9 1 1 1 0 1 0 5 M(21) A(10) 0 0 0 0 0 0 1 with weights 1 3 9 ... 28:
  // sum 897, 897 mod 31 = 29, (31 - 29) mod 31 = 2 -> '2'.
  CreditCodeCheck c = CheckCreditCode("91110105MA00000012");
  CHECK(c.well_formed);
  CHECK(c.checksum_ok);
  CHECK(c.problem.empty());
  CHECK(c.normalized == "91110105MA00000012");
}

TEST_CASE("CheckCreditCode reports a wrong check character but stays well formed", "[pii]") {
  CreditCodeCheck c = CheckCreditCode("91110105MA00000013");
  CHECK(c.well_formed);
  CHECK_FALSE(c.checksum_ok);
  CHECK(c.problem == "has check character 3, expected 2 (GB 32100-2015)");
}

TEST_CASE("CheckCreditCode on further computed codes", "[pii]") {
  // 91140100MAG8CB277: sum 2155, mod 31 = 16, 31 - 16 = 15 -> 'F'.
  CreditCodeCheck lower = CheckCreditCode(" 91140100mag8cb277f ");
  CHECK(lower.normalized == "91140100MAG8CB277F");
  CHECK(lower.checksum_ok);
  // 91140100MA4A4DAGG: sum 2467, mod 31 = 18, 31 - 18 = 13 -> 'D'.
  CHECK(CheckCreditCode("91140100MA4A4DAGGD").checksum_ok);
  // 12140000MB1234567: sum 1460, mod 31 = 3, 31 - 3 = 28 -> 'W'.
  CHECK(CheckCreditCode("12140000MB1234567W").checksum_ok);
  CHECK(CheckCreditCode("１２１４００００ＭＢ１２３４５６７Ｗ").checksum_ok);
}

TEST_CASE("CheckCreditCode refuses I, O, S, V, Z and wrong lengths", "[pii]") {
  for (char bad : {'I', 'O', 'S', 'V', 'Z'}) {
    std::string code = "91110105MA00000012";
    code[9] = bad;
    CreditCodeCheck c = CheckCreditCode(code);
    INFO(code);
    CHECK_FALSE(c.well_formed);
    CHECK_FALSE(c.checksum_ok);
    CHECK_THAT(c.problem,
               Catch::StartsWith(std::string("character 10 ('") + bad + "') is not allowed"));
  }
  CHECK_THAT(CheckCreditCode("91110105MO00000012").problem, Catch::EndsWith("did you mean 0?"));
  CreditCodeCheck shorter = CheckCreditCode("91110105MA0000001");
  CHECK_FALSE(shorter.well_formed);
  CHECK(shorter.problem == "has 17 characters; a unified social credit code has 18");
  CHECK_FALSE(CheckCreditCode("").well_formed);
}

TEST_CASE("IsMobileNumber is the 1[3-9] + 9 digits heuristic", "[pii]") {
  CHECK(IsMobileNumber("13812345678"));
  CHECK(IsMobileNumber("19912345678"));
  CHECK_FALSE(IsMobileNumber("12812345678"));
  CHECK_FALSE(IsMobileNumber("1381234567"));
  CHECK_FALSE(IsMobileNumber("138123456789"));
  CHECK_FALSE(IsMobileNumber("23812345678"));
  CHECK_FALSE(IsMobileNumber("138-1234-5678"));
}

TEST_CASE("IsLandlineNumber needs an area code that fits the number", "[pii]") {
  CHECK(IsLandlineNumber("0351-6012345"));
  CHECK(IsLandlineNumber("03516012345"));
  CHECK(IsLandlineNumber("(0351)6012345"));
  CHECK(IsLandlineNumber("010-12345678"));
  CHECK(IsLandlineNumber("02112345678"));
  CHECK_FALSE(IsLandlineNumber("6012345"));
  CHECK_FALSE(IsLandlineNumber("035-16012345"));
  CHECK_FALSE(IsLandlineNumber("0351-0123456"));
  CHECK_FALSE(IsLandlineNumber("0351-601234"));
  CHECK_FALSE(IsLandlineNumber("0151-6012345"));
}

TEST_CASE("NormalizePhone", "[pii]") {
  using O = std::optional<std::string>;
  CHECK(NormalizePhone("0351-6012345") == O("0351-6012345"));
  CHECK(NormalizePhone("03516012345") == O("0351-6012345"));
  CHECK(NormalizePhone("(0351)6012345") == O("0351-6012345"));
  CHECK(NormalizePhone("（０３５１）６０１２３４５") == O("0351-6012345"));
  CHECK(NormalizePhone("０３５１－６０１２３４５") == O("0351-6012345"));
  CHECK(NormalizePhone("0351—6012345") == O("0351-6012345"));
  CHECK(NormalizePhone("0351 601 2345") == O("0351-6012345"));
  CHECK(NormalizePhone("01012345678") == O("010-12345678"));
  CHECK(NormalizePhone("010-12345678") == O("010-12345678"));
  CHECK(NormalizePhone("02787654321") == O("027-87654321"));
  CHECK(NormalizePhone("13812345678") == O("13812345678"));
  CHECK(NormalizePhone(" 138 1234 5678 ") == O("13812345678"));
  CHECK(NormalizePhone("138-1234-5678") == O("13812345678"));
  CHECK(NormalizePhone("１３８１２３４５６７８") == O("13812345678"));
  CHECK(NormalizePhone("+86 138 1234 5678") == O("13812345678"));
  CHECK(NormalizePhone("8613812345678") == O("13812345678"));
  CHECK(NormalizePhone("12345") == std::nullopt);
  CHECK(NormalizePhone("") == std::nullopt);
  CHECK(NormalizePhone("6012345") == std::nullopt);
  CHECK(NormalizePhone("12812345678") == std::nullopt);
  CHECK(NormalizePhone("0351-6012345-801") == std::nullopt);
}

TEST_CASE("MaskIdNumber", "[pii]") {
  CHECK(MaskIdNumber("11010519491231002X") == "110105********002X");
  CHECK(MaskIdNumber("110105491231002") == "110105******002");
  CHECK(MaskIdNumber("E12345678") == "E12**5678");
  CHECK(MaskIdNumber("1234567") == "****");
  CHECK(MaskIdNumber("") == "****");
}

TEST_CASE("MaskPhone", "[pii]") {
  CHECK(MaskPhone("13812345678") == "138****5678");
  CHECK(MaskPhone("138 1234 5678") == "138****5678");
  CHECK(MaskPhone("0351-6012345") == "0351-****345");
  CHECK(MaskPhone("010-12345678") == "010-*****678");
  CHECK(MaskPhone("12345") == "****");
  CHECK(MaskPhone("") == "****");
  // The mask an encrypted store keeps beside a sealed number, as it is.
  CHECK(MaskPhone("*******1234") == "*******1234");
}

TEST_CASE("MaskCreditCode", "[pii]") {
  CHECK(MaskCreditCode("91110105MA00000012") == "91110105*******012");
  CHECK(MaskCreditCode("MA0000001") == "MA0**0001");
  CHECK(MaskCreditCode("123") == "****");
}

TEST_CASE("an address is printed down to the community", "[pii]") {
  CHECK(MaskAddress("万柏林区东风社区12号楼3单元501") == "万柏林区东风社区…");
  CHECK(MaskAddress("东风社区") == "东风社区");  // nothing after it to hide
  CHECK(MaskAddress("小井峪街道闫家沟村5号") == "小井峪街道闫家沟村…");
  CHECK(MaskAddress("太原市万柏林区千峰南路88号院") == "太原市万柏林区千峰南…");  // 10 characters
  CHECK(MaskAddress("千峰南路88号") == "千峰南路88号");
}
