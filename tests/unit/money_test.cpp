// lib/base/money.cpp: fen as yuan ("3500.00"), grouped yuan ("94,500.00"), the
// one thousands grouping, and parsing yuan text exactly. Expected values
// computed by hand.
#include <catch2/catch.hpp>

#include <cstdint>
#include <limits>

#include "chinese_count.hpp"
#include "money.hpp"

using namespace mediate;

TEST_CASE("money formats fen as yuan", "[money]") {
  CHECK(Money::FromFen(350000).Yuan() == "3500.00");
  CHECK(Money::FromFen(350050).Yuan() == "3500.50");
  CHECK(Money::FromFen(5).Yuan() == "0.05");
  CHECK(Money::FromFen(0).Yuan() == "0.00");
  CHECK(Money::FromFen(-5).Yuan() == "-0.05");
  // 94,500.00 yuan = 94500 * 100 = 9,450,000 fen.
  CHECK(Money::FromFen(9450000).Yuan() == "94500.00");
  CHECK(Money::FromFen(9450000).GroupedYuan() == "94,500.00");
  CHECK(Money::FromFen(99999).GroupedYuan() == "999.99");
  CHECK(Money::FromFen(100000).GroupedYuan() == "1,000.00");
  CHECK(Money::FromFen(123456789).GroupedYuan() == "1,234,567.89");
  CHECK(Money::FromFen(-123456789).GroupedYuan() == "-1,234,567.89");
  // INT64_MIN has no positive counterpart: 9223372036854775808 fen.
  CHECK(Money::FromFen(std::numeric_limits<std::int64_t>::min()).Yuan() == "-92233720368547758.08");
}

TEST_CASE("one thousands grouping", "[money]") {
  CHECK(GroupDigits(0) == "0");
  CHECK(GroupDigits(999) == "999");
  CHECK(GroupDigits(1000) == "1,000");
  CHECK(GroupDigits(3100) == "3,100");
  CHECK(GroupDigits(1234567) == "1,234,567");
  CHECK(GroupDigits(-1000) == "-1,000");
}

TEST_CASE("money parses yuan text exactly", "[money]") {
  CHECK(ParseYuan("94500.00") == Money::FromFen(9450000));
  CHECK(ParseYuan("94,500") == Money::FromFen(9450000));
  CHECK(ParseYuan("¥3500") == Money::FromFen(350000));
  CHECK(ParseYuan("3500元") == Money::FromFen(350000));
  CHECK(ParseYuan("0.1") == Money::FromFen(10));
  CHECK_FALSE(ParseYuan("35,00").has_value());
  CHECK_FALSE(ParseYuan("3500.001").has_value());
  CHECK_FALSE(ParseYuan("").has_value());
  // Parsing what the formatter writes gives the same amount back.
  for (std::int64_t fen : {0, 1, 99, 100, 350050, 9450000})
    CHECK(ParseYuan(Money::FromFen(fen).Yuan()) == Money::FromFen(fen));
  CHECK(Money::FromFen(1) < Money::FromFen(2));
  CHECK(Money::FromFen(150) + Money::FromFen(250) == Money::FromFen(400));
}

TEST_CASE("Money::Yuan: whole yuan, one fen and the largest ledger amount", "[money]") {
  CHECK(Money::FromFen(1).Yuan() == "0.01");
  CHECK(Money::FromFen(-1).Yuan() == "-0.01");
  CHECK(Money::FromFen(-500).Yuan() == "-5.00");
  CHECK(Money::FromFen(100000000000000000).Yuan() == "1000000000000000.00");  // 10^15 yuan
}

TEST_CASE("capital numerals for amounts (大写金额), computed by hand", "[money]") {
  // The brief's example: 12,300.00 yuan = 1,230,000 fen.
  CHECK(CapitalYuan(Money::FromFen(1230000)) == "壹万贰仟叁佰元整");
  // Under one yuan: no 元; 角 alone takes 整, 分 does not.
  CHECK(CapitalYuan(Money::FromFen(5)) == "伍分");
  CHECK(CapitalYuan(Money::FromFen(50)) == "伍角整");
  CHECK(CapitalYuan(Money::FromFen(55)) == "伍角伍分");
  CHECK(CapitalYuan(Money::FromFen(0)) == "零元整");
  // 拾 keeps its digit.
  CHECK(CapitalYuan(Money::FromFen(1000)) == "壹拾元整");
  CHECK(CapitalYuan(Money::FromFen(1500)) == "壹拾伍元整");
  // 角 0, 分 not: 零 after 元.
  CHECK(CapitalYuan(Money::FromFen(1005)) == "壹拾元零伍分");
  CHECK(CapitalYuan(Money::FromFen(32504)) == "叁佰贰拾伍元零肆分");
  CHECK(CapitalYuan(Money::FromFen(1640902)) == "壹万陆仟肆佰零玖元零贰分");
  // 角 not 0 after a zero 元 digit: no 零.
  CHECK(CapitalYuan(Money::FromFen(168032)) == "壹仟陆佰捌拾元叁角贰分");
  // 100,100.00: the zeros across the 万 group are one 零.
  CHECK(CapitalYuan(Money::FromFen(10010000)) == "壹拾万零壹佰元整");
  // 1,000,000.10.
  CHECK(CapitalYuan(Money::FromFen(100000010)) == "壹佰万元壹角整");
  // Zeros inside a group: 1,001.00 and 10,010,000.00.
  CHECK(CapitalYuan(Money::FromFen(100100)) == "壹仟零壹元整");
  CHECK(CapitalYuan(Money::FromFen(1001000000)) == "壹仟零壹万元整");
  // A whole zero 万 group: 100,000,100.00.
  CHECK(CapitalYuan(Money::FromFen(10000010000)) == "壹亿零壹佰元整");
  CHECK(CapitalYuan(Money::FromFen(10000000000)) == "壹亿元整");
  // 20,500,000.00 and 116,900.00 (a 2022 ledger amount).
  CHECK(CapitalYuan(Money::FromFen(2050000000)) == "贰仟零伍拾万元整");
  CHECK(CapitalYuan(Money::FromFen(11690000)) == "壹拾壹万陆仟玖佰元整");
  CHECK(CapitalYuan(Money::FromFen(-350050)) == "负叁仟伍佰元伍角整");
  // INT64_MIN: 92,233,720,368,547,758.08 yuan = 9,2233,7203,6854,7758 in
  // groups of four.
  CHECK(CapitalYuan(Money::FromFen(std::numeric_limits<std::int64_t>::min())) ==
        "负玖亿亿贰仟贰佰叁拾叁万亿柒仟贰佰零叁亿陆仟捌佰伍拾肆万柒仟柒佰伍拾捌元零捌分");
}

TEST_CASE("counts in Chinese numerals (一式三份)", "[money]") {
  CHECK(ChineseCount(0) == "零");
  CHECK(ChineseCount(3) == "三");
  CHECK(ChineseCount(10) == "十");
  CHECK(ChineseCount(12) == "十二");
  CHECK(ChineseCount(20) == "二十");
  CHECK(ChineseCount(21) == "二十一");
  CHECK(ChineseCount(105) == "一百零五");
  CHECK(ChineseCount(110) == "一百一十");
  CHECK(ChineseCount(1010) == "一千零一十");
  CHECK(ChineseCount(10000) == "一万");
  CHECK(ChineseCount(10001) == "一万零一");
  CHECK(ChineseCount(-1) == "-1");
}
