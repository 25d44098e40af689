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

/// Parses yuan text to Money exactly (no floating point): "3500", "3,500.50",
/// "¥3500", "3500元" (text_input.hpp ParseYuanToFen); nullopt for anything
/// else.
std::optional<Money> ParseYuan(std::string_view text);

}  // namespace mediate
