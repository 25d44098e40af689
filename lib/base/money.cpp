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

constexpr const char* kCapitalDigit[] = {"零", "壹", "贰", "叁", "肆",
                                         "伍", "陆", "柒", "捌", "玖"};

/// One group of four digits (1..9999) in capital numerals, zeros inside
/// collapsed to one 零, trailing zeros dropped: 1001 → 壹仟零壹, 10 → 壹拾.
std::string CapitalGroup(unsigned g) {
  static constexpr const char* kUnit[] = {"仟", "佰", "拾", ""};
  static constexpr unsigned kPlace[] = {1000, 100, 10, 1};
  std::string out;
  bool started = false, zero = false;
  for (int i = 0; i < 4; ++i) {
    unsigned d = g / kPlace[i] % 10;
    if (d == 0) {
      zero = started;
      continue;
    }
    if (zero) out += "零";
    out += kCapitalDigit[d];
    out += kUnit[i];
    started = true;
    zero = false;
  }
  return out;
}

/// Whole yuan (> 0) in capital numerals, without "元".
std::string CapitalWhole(std::uint64_t n) {
  static constexpr const char* kGroupUnit[] = {"", "万", "亿", "万亿", "亿亿"};
  unsigned groups[5] = {};
  int top = 0;
  for (int i = 0; n > 0; ++i, n /= 10000) {
    groups[i] = static_cast<unsigned>(n % 10000);
    top = i;
  }
  std::string out;
  bool zero = false;
  for (int i = top; i >= 0; --i) {
    if (groups[i] == 0) {
      zero = !out.empty();
      continue;
    }
    if (!out.empty() && (zero || groups[i] < 1000)) out += "零";
    out += CapitalGroup(groups[i]);
    out += kGroupUnit[i];
    zero = false;
  }
  return out;
}

}  // namespace

std::string CapitalYuan(Money m) {
  const std::uint64_t v = Magnitude(m.fen());
  const std::uint64_t whole = v / 100;
  const unsigned jiao = static_cast<unsigned>(v / 10 % 10), fen = static_cast<unsigned>(v % 10);
  std::string out = m.fen() < 0 ? "负" : "";
  if (v == 0) return "零元整";
  if (whole > 0) out += CapitalWhole(whole) + "元";
  if (jiao == 0 && fen == 0) return out + "整";
  if (jiao > 0) {
    out += std::string(kCapitalDigit[jiao]) + "角";
  } else if (whole > 0) {
    out += "零";
  }
  if (fen == 0) return out + "整";
  return out + kCapitalDigit[fen] + "分";
}

std::string Money::Yuan() const { return FormatYuan(fen_, false); }

std::string Money::GroupedYuan() const { return FormatYuan(fen_, true); }

std::string GroupDigits(std::int64_t n) { return (n < 0 ? "-" : "") + Grouped(Magnitude(n)); }

std::optional<Money> ParseYuan(std::string_view text) {
  if (auto fen = ParseYuanToFen(text)) return Money::FromFen(*fen);
  return std::nullopt;
}

}  // namespace mediate
