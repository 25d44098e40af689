#include "money.hpp"

#include "text_input.hpp"

namespace mediate {
namespace {

/// The magnitude of `n` without overflow for INT64_MIN.
std::uint64_t Magnitude(std::int64_t n) {
  return n < 0 ? std::uint64_t{0} - static_cast<std::uint64_t>(n) : static_cast<std::uint64_t>(n);
}

std::string Grouped(std::uint64_t v) {
  std::string digits = std::to_string(v), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string FormatYuan(std::int64_t fen, bool grouped) {
  const std::uint64_t v = Magnitude(fen);
  const unsigned cents = static_cast<unsigned>(v % 100);
  std::string out = fen < 0 ? "-" : "";
  out += grouped ? Grouped(v / 100) : std::to_string(v / 100);
  out += '.';
  out += static_cast<char>('0' + cents / 10);
  out += static_cast<char>('0' + cents % 10);
  return out;
}

}  // namespace

std::string Money::Yuan() const { return FormatYuan(fen_, false); }

std::string Money::GroupedYuan() const { return FormatYuan(fen_, true); }

std::string GroupDigits(std::int64_t n) { return (n < 0 ? "-" : "") + Grouped(Magnitude(n)); }

std::optional<Money> ParseYuan(std::string_view text) {
  if (auto fen = ParseYuanToFen(text)) return Money::FromFen(*fen);
  return std::nullopt;
}

}  // namespace mediate
