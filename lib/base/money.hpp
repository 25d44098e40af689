// Money: an exact amount in fen (1 yuan = 100 fen, int64), and the one
// place that writes it as yuan ("3500.00", grouped "94,500.00") and groups
// thousands. Amounts that may be missing (a case's claim) are
// std::optional<Money>: no sentinel value.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace mediate {

/// An amount of money in fen. Negative amounts exist (differences); a
/// case's claim is never negative (validate).
class Money {
 public:
  constexpr Money() = default;
  /// `fen` fen: Money::FromFen(350050) is 3500.50 yuan.
  static constexpr Money FromFen(std::int64_t fen) { return Money(fen); }
  constexpr std::int64_t fen() const { return fen_; }
  /// Yuan with two decimals, no grouping: 350050 → "3500.50", -5 → "-0.05".
  std::string Yuan() const;
  /// Yuan with two decimals and thousands grouped: 9450000 → "94,500.00".
  std::string GroupedYuan() const;
  friend constexpr auto operator<=>(Money, Money) = default;
  friend constexpr Money operator+(Money a, Money b) { return Money(a.fen_ + b.fen_); }

 private:
  constexpr explicit Money(std::int64_t fen) : fen_(fen) {}
  std::int64_t fen_ = 0;
};

/// The digits of `n` with a comma every three from the right: 1234567 →
/// "1,234,567", -1000 → "-1,000". The one thousands grouping of counts and
/// money.
std::string GroupDigits(std::int64_t n);

/// The amount in capital numerals (大写金额) as financial documents write
/// it, without the "人民币" prefix: 1230000 fen → "壹万贰仟叁佰元整".
/// Rules (People's Bank of China, Payment and Settlement Measures 1997,
/// annex "basic rules for filling in bills and settlement vouchers"):
/// digits 零壹贰叁肆伍陆柒捌玖, units 拾佰仟 within groups of 万 and 亿
/// (10¹² is 万亿, 10¹⁶ 亿亿); 拾 always takes its digit (10 → 壹拾); one 零
/// for each run of zeros between non-zero digits, including a run across a
/// 万/亿 group (100100 → 壹拾万零壹佰); "整" after 元 or 角 when there are
/// no 分 (10.00 → 壹拾元整, 0.50 → 伍角整); "零" after 元 when 角 is 0 and
/// 分 is not (10.05 → 壹拾元零伍分), none when 角 is not 0 (the rule
/// allows either: 1000000.10 → 壹佰万元壹角整); no 元 under one yuan
/// (0.05 → 伍分); zero is "零元整"; a negative amount starts with "负".
std::string CapitalYuan(Money m);

/// Parses yuan text to Money exactly (no floating point): "3500", "3,500.50",
/// "¥3500", "3500元" (text_input.hpp ParseYuanToFen); nullopt for anything
/// else.
std::optional<Money> ParseYuan(std::string_view text);

}  // namespace mediate
