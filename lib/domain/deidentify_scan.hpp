// Small helpers shared by the de-identification scanners (deidentify.hpp):
// the removal mark as code points and character classes. Internal to
// lib/domain.
#pragma once

#include <string>

#include "code_points.hpp"

namespace mediate::scan {

/// kRemovedMark as code points.
inline const std::u32string kMark = U"[已删除]";

/// A digit or a Latin letter, ASCII or full-width: what may not adjoin a
/// number or code.
inline bool IsAlnum(char32_t c) { return IsDigitChar(c) || IsLatinLetter(c); }

/// The number of digits (ASCII or full-width) in `t` from `at`.
inline std::size_t DigitRun(const std::u32string& t, std::size_t at) {
  std::size_t j = at;
  while (j < t.size() && IsDigitChar(t[j])) ++j;
  return j - at;
}

/// True when `t` has `word` at `at`.
inline bool At(const std::u32string& t, std::size_t at, std::u32string_view word) {
  return at <= t.size() && t.size() - at >= word.size() &&
         std::u32string_view(t).substr(at, word.size()) == word;
}

/// True when `t` ends with `word` just before `at`.
inline bool EndsAt(const std::u32string& t, std::size_t at, std::u32string_view word) {
  return at >= word.size() && std::u32string_view(t).substr(at - word.size(), word.size()) == word;
}

/// `text` with every `from` replaced by `to`, scanning left to right.
inline void ReplaceAll(std::u32string& text, const std::u32string& from, const std::u32string& to) {
  if (from.empty()) return;
  for (std::size_t at = text.find(from); at != std::u32string::npos;
       at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
}

}  // namespace mediate::scan
