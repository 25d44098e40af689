// The number scanners of deidentify.hpp: ID numbers, credit codes, bank
// cards, phones, licence plates and the record's own numbers.
#include <algorithm>

#include "deidentify.hpp"
#include "deidentify_scan.hpp"

namespace mediate {
namespace {

using scan::DigitRun;
using scan::IsAlnum;
using scan::kMark;

bool IsX(char32_t c) { return c == U'X' || c == U'x' || c == 0xFF38 || c == 0xFF58; }

// True when a number may start at `i`: no digit or letter just before.
bool FreeBefore(const std::u32string& t, std::size_t i) { return i == 0 || !IsAlnum(t[i - 1]); }
// True when a number may end at `j`: no digit or letter just after.
bool FreeAfter(const std::u32string& t, std::size_t j) { return j >= t.size() || !IsAlnum(t[j]); }

// Runs `match` at each position of `text`; `match` gives the end of what it
// recognised there, or 0 for nothing. Matches become kMark.
template <typename Match>
std::string ScrubEverywhere(const std::string& text, Match match) {
  std::u32string t = DecodeUtf8(text), out;
  std::size_t i = 0;
  while (i < t.size()) {
    std::size_t end = match(t, i);
    if (end > i) {
      out += kMark;
      i = end;
    } else {
      out += t[i++];
    }
  }
  return EncodeUtf8(out);
}

// ScrubEverywhere at the positions where a number may start (FreeBefore).
template <typename Match>
std::string Scrub(const std::string& text, Match match) {
  return ScrubEverywhere(text, [&](const std::u32string& t, std::size_t i) -> std::size_t {
    return FreeBefore(t, i) ? match(t, i) : 0;
  });
}

// Groups of digits joined by single spaces or hyphens from `i`: the end of
// the last group, with the size of each group in `sizes`.
std::size_t DigitGroups(const std::u32string& t, std::size_t i, std::vector<std::size_t>* sizes) {
  std::size_t j = i;
  while (true) {
    std::size_t d = DigitRun(t, j);
    if (d == 0) break;
    sizes->push_back(d);
    j += d;
    if (j + 1 < t.size() && (t[j] == U' ' || t[j] == U'-') && IsDigitChar(t[j + 1]))
      ++j;
    else
      break;
  }
  return j;
}

bool IsCreditChar(char32_t c) {
  c = FoldAscii(c);
  if (c >= U'0' && c <= U'9') return true;
  if (c < U'A' || c > U'Y') return false;
  return c != U'I' && c != U'O' && c != U'S' && c != U'V';
}

constexpr std::u32string_view kProvinces =
    U"京津沪渝冀晋蒙辽吉黑苏浙皖闽赣鲁豫鄂湘粤桂琼川贵云藏陕甘青宁新";
constexpr std::u32string_view kPlateSeparators = U"·•・.-  ･";
constexpr std::u32string_view kPhoneWords[] = {U"电话", U"手机", U"座机", U"联系方式", U"号码"};

}  // namespace

std::string RemoveKnownNumbers(const std::string& text, const KnownIdentities& known) {
  std::u32string t = DecodeUtf8(text);
  std::vector<std::u32string> numbers;
  for (const auto& n : known.numbers) {
    std::u32string v = DecodeUtf8(n);
    if (v.size() < 5) continue;  // too short to be a number of a person
    numbers.push_back(v);
    if (IsX(v.back())) {
      v.back() = v.back() == U'X' ? U'x' : U'X';
      numbers.push_back(v);
    }
  }
  std::sort(numbers.begin(), numbers.end(),
            [](const auto& a, const auto& b) { return a.size() > b.size(); });
  for (const auto& n : numbers) scan::ReplaceAll(t, n, kMark);
  return EncodeUtf8(t);
}

std::string RemoveIdNumbers(const std::string& text) {
  return Scrub(text, [](const std::u32string& t, std::size_t i) -> std::size_t {
    std::size_t d = DigitRun(t, i), end = i + d;
    if (d == 17 && end < t.size() && IsX(t[end])) return FreeAfter(t, end + 1) ? end + 1 : 0;
    return (d == 15 || d == 18) && FreeAfter(t, end) ? end : 0;
  });
}

std::string RemoveCreditCodes(const std::string& text) {
  return Scrub(text, [](const std::u32string& t, std::size_t i) -> std::size_t {
    std::size_t j = i;
    while (j < t.size() && IsCreditChar(t[j])) ++j;
    if (j - i != 18 || !FreeAfter(t, j)) return 0;
    for (std::size_t k = i + 2; k < i + 8; ++k)
      if (!IsDigitChar(t[k])) return 0;
    return j;
  });
}

std::string RemoveBankCards(const std::string& text) {
  return Scrub(text, [](const std::u32string& t, std::size_t i) -> std::size_t {
    std::size_t d = DigitRun(t, i);
    if (d >= 16 && d <= 19) return FreeAfter(t, i + d) ? i + d : 0;
    std::vector<std::size_t> g;
    std::size_t end = DigitGroups(t, i, &g);
    if (g.size() < 4 || !FreeAfter(t, end)) return 0;
    std::size_t total = 0;
    for (std::size_t k = 0; k < g.size(); ++k) {
      if (k + 1 < g.size() ? g[k] != 4 : g[k] > 4) return 0;
      total += g[k];
    }
    return total >= 16 && total <= 19 ? end : 0;
  });
}

std::string RemovePhoneNumbers(const std::string& text) {
  return Scrub(text, [](const std::u32string& t, std::size_t i) -> std::size_t {
    // (0351)6012345, （0351）6012345
    if (t[i] == U'(' || t[i] == U'（') {
      std::size_t a = DigitRun(t, i + 1);
      std::size_t close = i + 1 + a;
      if ((a == 3 || a == 4) && t[i + 1] == U'0' && close < t.size() &&
          (t[close] == U')' || t[close] == U'）')) {
        std::size_t k = close + 1;
        if (k < t.size() && t[k] == U' ') ++k;
        std::size_t l = DigitRun(t, k);
        if (l >= 7 && l <= 8 && FreeAfter(t, k + l)) return k + l;
      }
      return 0;
    }
    if (!IsDigitChar(t[i])) return 0;
    std::size_t d = DigitRun(t, i);
    if (d >= 11) return i + d;  // mobile, landline without separator, or longer
    std::vector<std::size_t> g;
    std::size_t end = DigitGroups(t, i, &g);
    char32_t first = FoldAscii(t[i]);
    // 0351-6012345, 010 12345678
    if (g.size() == 2 && first == U'0' && (g[0] == 3 || g[0] == 4) && g[1] >= 7 && g[1] <= 8 &&
        FreeAfter(t, end))
      return end;
    // 139 1234 5678, 139-1234-5678
    if (g.size() == 3 && first == U'1' && g[0] == 3 && g[1] == 4 && g[2] == 4 &&
        FreeAfter(t, end)) {
      char32_t second = FoldAscii(t[i + 1]);
      if (second >= U'3' && second <= U'9') return end;
    }
    // 电话：6012345
    if (d >= 7 && d <= 8 && FreeAfter(t, i + d)) {
      std::size_t k = i;
      while (k > 0 && (t[k - 1] == U':' || t[k - 1] == U'：' || t[k - 1] == U' ')) --k;
      for (auto w : kPhoneWords)
        if (scan::EndsAt(t, k, w)) return i + d;
    }
    return 0;
  });
}

std::string RemovePlates(const std::string& text) {
  return ScrubEverywhere(text, [](const std::u32string& t, std::size_t at) -> std::size_t {
    if (kProvinces.find(t[at]) == std::u32string_view::npos) return 0;
    std::size_t k = at + 1;
    if (k >= t.size() || !IsLatinLetter(t[k])) return 0;
    ++k;
    if (k < t.size() && kPlateSeparators.find(t[k]) != std::u32string_view::npos) ++k;
    std::size_t s = k;
    bool digit = false;
    while (k < t.size() && IsAlnum(t[k])) digit |= IsDigitChar(t[k++]);
    std::size_t n = k - s;
    if (!digit) return 0;
    if (n == 4 && k < t.size() && (t[k] == U'挂' || t[k] == U'学' || t[k] == U'警')) return k + 1;
    if (n == 5 && k < t.size() && (t[k] == U'挂' || t[k] == U'学' || t[k] == U'警')) return k + 1;
    return n == 5 || n == 6 ? k : 0;
  });
}

}  // namespace mediate
