// lib/base/money.cpp: fen as yuan ("3500.00"), grouped yuan ("94,500.00"), the
// one thousands grouping, and parsing yuan text exactly. Expected values
// computed by hand.
#include <catch2/catch.hpp>

#include <cstdint>
#include <limits>

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
