#include "cell_text.hpp"

#include <fmt/format.h>
#include <utf8proc.h>

#include <cmath>
#include <cstdint>

#include "money.hpp"

namespace mediate {
namespace {

using ordered_json = nlohmann::ordered_json;

/// `v` with `decimals` places, never "-0.0".
std::string Fixed(double v, int decimals) {
  std::string s = fmt::format("{:.{}f}", v, decimals);
  if (s[0] == '-' && s.find_first_not_of("-0.") == std::string::npos) s.erase(0, 1);
  return s;
}

/// `v` rounded to `decimals` places, trailing zeros (and point) dropped.
std::string Trimmed(double v, int decimals) {
  std::string s = Fixed(v, decimals);
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  return s;
}

double RoundTo(double v, int decimals) {
  double scale = std::pow(10.0, decimals);
  double r = std::round(v * scale) / scale;
  return r == 0 ? 0.0 : r;  // no -0
}

/// Fen as yuan with two decimals, optionally grouped by thousands.
std::string Yuan(std::int64_t fen, bool grouped) {
  const Money m = Money::FromFen(fen);
  return grouped ? m.GroupedYuan() : m.Yuan();
}

/// The items of a kList cell's text: "a;b" → ["a", "b"], "" → [].
ordered_json ListItems(const std::string& s) {
  ordered_json items = ordered_json::array();
  if (s.empty()) return items;
  std::size_t start = 0;
  for (std::size_t semi = s.find(';'); semi != std::string::npos; semi = s.find(';', start)) {
    items.push_back(s.substr(start, semi - start));
    start = semi + 1;
  }
  items.push_back(s.substr(start));
  return items;
}

/// The text of a cell for people (`human`: money grouped by thousands
/// "3,500.00", a ratio as "85.3%") or for CSV (money "3500.00", a ratio with
/// up to 4 decimals "0.8533").
std::string TextOf(const Cell& cell, ColumnKind kind, bool human) {
  if (IsEmptyCell(cell)) return "";
  if (const std::string* s = std::get_if<std::string>(&cell)) return *s;
  if (const std::int64_t* i = std::get_if<std::int64_t>(&cell)) {
    switch (kind) {
      case ColumnKind::kMoney:
        return Yuan(*i, human);
      case ColumnKind::kPercent:
        return human ? Fixed(static_cast<double>(*i) * 100, 1) + "%" : std::to_string(*i);
      case ColumnKind::kDecimal:
        return Fixed(static_cast<double>(*i), 1);
      default:
        return std::to_string(*i);
    }
  }
  double d = std::get<double>(cell);
  switch (kind) {
    case ColumnKind::kMoney:
      return Yuan(FenOfReal(d), human);
    case ColumnKind::kPercent:
      return human ? Fixed(d * 100, 1) + "%" : Trimmed(d, 4);
    case ColumnKind::kInt:
    case ColumnKind::kDecimal:
      return Fixed(d, 1);
    default:
      return fmt::format("{}", d);
  }
}

}  // namespace

bool IsNumericKind(ColumnKind k) {
  return k == ColumnKind::kInt || k == ColumnKind::kMoney || k == ColumnKind::kPercent ||
         k == ColumnKind::kDecimal;
}

const std::string& ColumnHeading(const Column& c) { return c.heading.empty() ? c.name : c.heading; }

std::int64_t FenOfReal(double v) { return static_cast<std::int64_t>(std::llround(v)); }

bool IsEmptyCell(const Cell& c) {
  if (std::holds_alternative<std::monostate>(c)) return true;
  if (const double* d = std::get_if<double>(&c)) return !std::isfinite(*d);
  return false;
}

std::string MachineText(const Cell& cell, ColumnKind kind) { return TextOf(cell, kind, false); }

nlohmann::ordered_json CellJson(const Cell& cell, ColumnKind kind) {
  if (IsEmptyCell(cell)) return nullptr;
  if (const std::string* s = std::get_if<std::string>(&cell)) {
    if (kind == ColumnKind::kList) return ListItems(*s);
    return *s;
  }
  if (const std::int64_t* i = std::get_if<std::int64_t>(&cell)) {
    if (kind == ColumnKind::kMoney) return Yuan(*i, false);
    return *i;
  }
  double d = std::get<double>(cell);
  switch (kind) {
    case ColumnKind::kMoney:
      return Yuan(FenOfReal(d), false);
    case ColumnKind::kPercent:
      return RoundTo(d, 4);
    case ColumnKind::kInt:
    case ColumnKind::kDecimal:
      return RoundTo(d, 1);
    default:
      return d;
  }
}

int DisplayWidth(std::string_view text) {
  int width = 0;
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  utf8proc_ssize_t n = static_cast<utf8proc_ssize_t>(text.size());
  while (n > 0) {
    if (*p < 0x80) {  // ASCII: printable 1, control 0
      width += (*p >= 0x20 && *p != 0x7f) ? 1 : 0;
      ++p;
      --n;
      continue;
    }
    utf8proc_int32_t cp;
    utf8proc_ssize_t len = utf8proc_iterate(p, n, &cp);
    if (len <= 0) {
      width += 1;
      ++p;
      --n;
      continue;
    }
    width += utf8proc_charwidth(cp);
    p += len;
    n -= len;
  }
  return width;
}

std::string PadToWidth(std::string_view text, int width, bool right_align) {
  int w = DisplayWidth(text);
  if (w >= width) return std::string(text);
  std::string pad(static_cast<std::size_t>(width - w), ' ');
  return right_align ? pad + std::string(text) : std::string(text) + pad;
}

std::string CellText(const Cell& cell, ColumnKind kind) { return TextOf(cell, kind, true); }

}  // namespace mediate
