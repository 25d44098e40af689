// Small byte and UTF-8 helpers shared by the strict YAML loader
// (yaml_io.cpp), the emitter (yaml_emit.cpp) and the implicit-type rules
// (yaml_scalar.cpp). All inline and pure.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace mediate::yaml_text {

/// True for an ASCII digit 0–9.
inline bool IsDigit(char c) { return c >= '0' && c <= '9'; }
/// True for an ASCII hex digit (either case).
inline bool IsHexDigit(char c) {
  return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
/// `c` with ASCII A–Z lowered; other bytes unchanged.
inline char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

/// True when `a` and `b` are equal but for ASCII letter case.
inline bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (Lower(a[i]) != Lower(b[i])) return false;
  return true;
}

/// True when a plain scalar `s` reads as null: empty, "~" or "null" in
/// any letter case (errs towards null, as PlainScalarIsNotString does).
inline bool IsNullWord(std::string_view s) {
  return s.empty() || s == "~" || EqualsIgnoreCase(s, "null");
}

/// True for a UTF-8 continuation byte (10xxxxxx).
inline bool IsContinuationByte(unsigned char c) { return (c & 0xC0) == 0x80; }

/// Characters (code points) in bytes [from, to) of valid UTF-8.
inline int CountChars(std::string_view text, std::size_t from, std::size_t to) {
  int n = 0;
  for (std::size_t i = from; i < to; ++i)
    n += !IsContinuationByte(static_cast<unsigned char>(text[i]));
  return n;
}

/// The low byte of `v` as two upper-case hex digits: 0x85 → "85".
inline std::string Hex2(unsigned v) {
  static const char kDigits[] = "0123456789ABCDEF";
  return {kDigits[(v >> 4) & 0xF], kDigits[v & 0xF]};
}

/// "U+0085", "U+1F600": a code point as Unicode writes it.
inline std::string CodePointName(std::int32_t cp) {
  static const char kDigits[] = "0123456789ABCDEF";
  std::string s = "U+";
  int digits = cp > 0xFFFF ? 6 : 4;
  for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) s += kDigits[(cp >> shift) & 0xF];
  return s;
}
/// True when `s` has `prefix` at byte `at` (at <= s.size()).
inline bool StartsWith(std::string_view s, std::size_t at, std::string_view prefix) {
  return s.size() - at >= prefix.size() && s.compare(at, prefix.size(), prefix) == 0;
}

}  // namespace mediate::yaml_text
