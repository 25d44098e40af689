#include "yaml_scalar.hpp"

#include <cstddef>

#include "yaml_text.hpp"

namespace mediate {
namespace {

using namespace yaml_text;

// cost more than the parse.

bool IsBoolWord(std::string_view s) {
  static constexpr std::string_view kWords[] = {"y",    "n",     "yes", "no",
                                                "true", "false", "on",  "off"};
  for (std::string_view w : kWords)
    if (EqualsIgnoreCase(s, w)) return true;
  return false;
}

// Consumes [0-9][0-9_]* at *i; false when no digit stands there.
bool EatDigits(std::string_view s, std::size_t* i) {
  if (*i >= s.size() || !IsDigit(s[*i])) return false;
  while (*i < s.size() && (IsDigit(s[*i]) || s[*i] == '_')) ++(*i);
  return true;
}

// Consumes (:[0-5]?[0-9])+ at *i; returns how many groups.
int EatSexagesimal(std::string_view s, std::size_t* i) {
  int groups = 0;
  while (*i + 1 < s.size() && s[*i] == ':' && IsDigit(s[*i + 1])) {
    std::size_t j = *i + 1;
    if (j + 1 < s.size() && IsDigit(s[j + 1])) {
      if (s[j] > '5') return groups;
      j += 2;
    } else {
      j += 1;
    }
    *i = j;
    ++groups;
  }
  return groups;
}

bool EatExponent(std::string_view s, std::size_t* i) {
  if (*i >= s.size() || (s[*i] != 'e' && s[*i] != 'E')) return false;
  std::size_t j = *i + 1;
  if (j < s.size() && (s[j] == '+' || s[j] == '-')) ++j;
  if (j >= s.size() || !IsDigit(s[j])) return false;
  while (j < s.size() && IsDigit(s[j])) ++j;
  *i = j;
  return true;
}

bool IsNumber(std::string_view s) {
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  std::string_view r = s.substr(i);
  if (r.empty()) return false;
  if (EqualsIgnoreCase(r, ".inf") || EqualsIgnoreCase(r, ".nan")) return true;
  if (r.size() > 2 && r[0] == '0') {
    char base = Lower(r[1]);
    auto all = [&](auto pred) {
      for (std::size_t k = 2; k < r.size(); ++k)
        if (!(pred(r[k]) || r[k] == '_')) return false;
      return true;
    };
    if (base == 'x') return all(IsHexDigit);
    if (base == 'o') return all([](char c) { return c >= '0' && c <= '7'; });
    if (base == 'b') return all([](char c) { return c == '0' || c == '1'; });
  }
  std::size_t j = 0;
  if (EatDigits(r, &j)) {
    if (j == r.size()) return true;  // 0, 010, 0123, 1_000 (1.1 octal/decimal, 1.2 decimal)
    std::size_t k = j;
    if (EatSexagesimal(r, &k) > 0) {
      if (k == r.size()) return true;  // 1:20
      if (r[k] == '.') {               // 1:20.5
        ++k;
        while (k < r.size() && (IsDigit(r[k]) || r[k] == '_')) ++k;
        return k == r.size();
      }
      return false;
    }
    if (r[j] == '.') {  // 1.5, 1., 1.5e3
      ++j;
      while (j < r.size() && (IsDigit(r[j]) || r[j] == '_')) ++j;
      if (j == r.size()) return true;
      return EatExponent(r, &j) && j == r.size();
    }
    return EatExponent(r, &j) && j == r.size();  // 1e3 (YAML 1.2)
  }
  if (r[0] == '.') {  // .5, .5e3
    j = 1;
    if (j >= r.size() || !(IsDigit(r[j]) || r[j] == '_')) return false;
    while (j < r.size() && (IsDigit(r[j]) || r[j] == '_')) ++j;
    if (j == r.size()) return true;
    return EatExponent(r, &j) && j == r.size();
  }
  return false;
}

// Consumes between min and max digits at *i.
bool EatNDigits(std::string_view s, std::size_t* i, int min, int max) {
  int n = 0;
  while (n < max && *i < s.size() && IsDigit(s[*i])) {
    ++(*i);
    ++n;
  }
  return n >= min;
}

bool IsTimestamp(std::string_view s) {
  std::size_t i = 0;
  if (!EatNDigits(s, &i, 4, 4) || i >= s.size() || s[i++] != '-') return false;
  std::size_t month_start = i;
  if (!EatNDigits(s, &i, 1, 2) || i >= s.size() || s[i++] != '-') return false;
  std::size_t day_start = i;
  if (!EatNDigits(s, &i, 1, 2)) return false;
  if (i == s.size()) return i - month_start == 5 && i - day_start == 2;  // YYYY-MM-DD only
  if (s[i] == 'T' || s[i] == 't') {
    ++i;
  } else if (s[i] == ' ' || s[i] == '\t') {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
  } else {
    return false;
  }
  if (!EatNDigits(s, &i, 1, 2) || i >= s.size() || s[i++] != ':') return false;
  if (!EatNDigits(s, &i, 2, 2) || i >= s.size() || s[i++] != ':') return false;
  if (!EatNDigits(s, &i, 2, 2)) return false;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && IsDigit(s[i])) ++i;
  }
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
  if (i == s.size()) return true;
  if (s[i] == 'Z') return i + 1 == s.size();
  if (s[i] != '+' && s[i] != '-') return false;
  ++i;
  if (!EatNDigits(s, &i, 1, 2)) return false;
  if (i < s.size() && s[i] == ':') {
    ++i;
    if (!EatNDigits(s, &i, 2, 2)) return false;
  }
  return i == s.size();
}

}  // namespace

bool PlainScalarIsNotString(std::string_view text) {
  return IsNullWord(text) || IsBoolWord(text) || IsNumber(text) || IsTimestamp(text) ||
         text == "=" || text == "<<";
}

}  // namespace mediate
