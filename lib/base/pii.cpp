#include "pii.hpp"

#include <utf8proc.h>

#include <date/date.h>
#include <array>
#include <utility>
#include <vector>

#include "i18n.hpp"
#include "text_input.hpp"

namespace mediate {

namespace {

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

bool AllDigits(std::string_view s) {
  for (char c : s)
    if (!IsAsciiDigit(c)) return false;
  return !s.empty();
}

int Num(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

std::string Upper(std::string s) {
  for (char& c : s)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return s;
}

/// Trimmed, NFKC-folded (full-width → ASCII), upper-cased; inner ASCII
/// spaces removed ("110105 19491231 002X" is how some people type them).
std::string NormalizeCode(std::string_view text) {
  std::string folded = NormalizeCell(text);
  std::string out;
  for (char c : folded)
    if (c != ' ') out += c;
  return Upper(std::move(out));
}

std::string Quoted(char c) { return std::string("'") + c + "'"; }

/// Excel shows long numbers not stored as text as 1.10105E+17.
bool LooksLikeScientific(std::string_view s) {
  return s.find("E+") != std::string_view::npos && s.find('.') != std::string_view::npos;
}

/// Province-level prefixes of GB/T 2260 division codes (81–83: residence
/// permits for Hong Kong, Macao and Taiwan residents).
bool IsProvinceCode(int p) {
  return (p >= 11 && p <= 15) || (p >= 21 && p <= 23) || (p >= 31 && p <= 37) ||
         (p >= 41 && p <= 46) || (p >= 50 && p <= 54) || (p >= 61 && p <= 65) || p == 71 ||
         (p >= 81 && p <= 83);
}

/// The ISO 7064 MOD 11-2 check character of the first 17 digits.
char CitizenIdCheckChar(std::string_view first17) {
  static constexpr std::array<int, 17> kWeights = {7, 9, 10, 5,  8, 4, 2, 1, 6,
                                                   3, 7, 9,  10, 5, 8, 4, 2};
  static constexpr std::string_view kChecks = "10X98765432";
  int sum = 0;
  for (std::size_t i = 0; i < 17; ++i) sum += (first17[i] - '0') * kWeights[i];
  return kChecks[static_cast<std::size_t>(sum % 11)];
}

constexpr std::string_view kCreditAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/// A landline split into area code and local number.
struct Landline {
  std::string area;
  std::string local;
};

/// The length of the area code a number starting with `digits` has: 3 for
/// 010 and 02X, 4 for 03XX–09XX; 0 when it cannot be an area code.
std::size_t AreaCodeLength(std::string_view digits) {
  if (digits.size() < 3 || digits[0] != '0') return 0;
  if (digits.starts_with("010") || digits[1] == '2') return 3;
  if (digits[1] >= '3' && digits[1] <= '9') return 4;
  return 0;
}

/// Phone text compacted: NFKC-folded, spaces removed, dash look-alikes
/// (– — −) turned into '-'.
std::string CompactPhone(std::string_view text) {
  std::string s = NormalizeCell(text);
  std::string out;
  std::string_view v = s;
  while (!v.empty()) {
    bool dash = false;
    for (std::string_view d : {"\xE2\x80\x93", "\xE2\x80\x94", "\xE2\x88\x92"}) {
      if (v.starts_with(d)) {
        out += '-';
        v.remove_prefix(d.size());
        dash = true;
        break;
      }
    }
    if (dash) continue;
    if (v.front() != ' ' && v.front() != '\t') out += v.front();
    v.remove_prefix(1);
  }
  return out;
}

/// "0351-6012345", "03516012345", "(0351)6012345", "(0351)-6012345".
std::optional<Landline> ParseLandline(std::string_view c) {
  std::string area, local;
  if (c.starts_with("(")) {
    std::size_t close = c.find(')');
    if (close == std::string_view::npos) return std::nullopt;
    area = c.substr(1, close - 1);
    std::string_view rest = c.substr(close + 1);
    if (rest.starts_with("-")) rest.remove_prefix(1);
    local = rest;
  } else if (std::size_t dash = c.find('-'); dash != std::string_view::npos) {
    area = c.substr(0, dash);
    local = c.substr(dash + 1);
  } else {
    std::size_t n = AreaCodeLength(c);
    if (n == 0) return std::nullopt;
    area = c.substr(0, n);
    local = c.substr(n);
  }
  if (!AllDigits(area) || !AllDigits(local)) return std::nullopt;
  if (AreaCodeLength(area + local) != area.size()) return std::nullopt;
  if (local.size() < 7 || local.size() > 8 || local[0] == '0') return std::nullopt;
  return Landline{std::move(area), std::move(local)};
}

/// Code points of `s` as byte slices (bytes when `s` is not valid UTF-8).
std::vector<std::string_view> CodePoints(std::string_view s) {
  std::vector<std::string_view> out;
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  std::size_t i = 0;
  while (i < s.size()) {
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t n = utf8proc_iterate(p + i, static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
    std::size_t len = n > 0 ? static_cast<std::size_t>(n) : 1;
    out.push_back(s.substr(i, len));
    i += len;
  }
  return out;
}

/// Keeps the first `head` and last `tail` code points, stars in between.
std::string KeepEnds(std::string_view s, std::size_t head, std::size_t tail) {
  std::vector<std::string_view> cps = CodePoints(s);
  if (cps.size() <= head + tail) return "****";
  std::string out;
  for (std::size_t i = 0; i < head; ++i) out += cps[i];
  out.append(cps.size() - head - tail, '*');
  for (std::size_t i = cps.size() - tail; i < cps.size(); ++i) out += cps[i];
  return out;
}

std::string_view TrimAscii(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

IdNumberCheck CheckCitizenId(std::string_view text) {
  IdNumberCheck r;
  r.normalized = NormalizeCode(text);
  const std::string& s = r.normalized;
  if (s.empty()) {
    r.problem = _("is empty");
    return r;
  }
  if (LooksLikeScientific(s)) {
    r.problem =
        Tr("looks like a number Excel turned into scientific notation ({0}); format the "
           "column as text and enter the number again",
           s);
    return r;
  }
  if (s.size() != 18 && s.size() != 15) {
    r.problem =
        Tr("has {0} characters; a citizen ID number has 18 (or 15 in the old format)", s.size());
    return r;
  }
  const std::size_t digits = s.size() == 18 ? 17 : 15;
  for (std::size_t i = 0; i < digits; ++i) {
    if (!IsAsciiDigit(s[i])) {
      r.problem = Tr("character {0} ({1}) is not a digit", i + 1, Quoted(s[i]));
      return r;
    }
  }
  if (s.size() == 18 && !IsAsciiDigit(s[17]) && s[17] != 'X') {
    r.problem = Tr("check character {0} is not a digit or X", Quoted(s[17]));
    return r;
  }
  if (!IsProvinceCode(Num(s.substr(0, 2)))) {
    r.problem = Tr("division code {0} does not start with a province code", s.substr(0, 6));
    return r;
  }
  const bool legacy = s.size() == 15;
  const std::string birth = legacy ? "19" + s.substr(6, 6) : s.substr(6, 8);
  const int y = Num(std::string_view(birth).substr(0, 4));
  const int m = Num(std::string_view(birth).substr(4, 2));
  const int d = Num(std::string_view(birth).substr(6, 2));
  const date::year_month_day ymd{date::year{y}, date::month{static_cast<unsigned>(m)},
                                 date::day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) {
    r.problem = Tr("birth date {0} does not exist", birth);
    return r;
  }
  if (y < 1900) {
    r.problem = Tr("birth date {0} is before 1900", birth);
    return r;
  }
  if (!legacy) {
    const char expected = CitizenIdCheckChar(s);
    if (expected != s[17]) {
      r.problem = Tr("has check character {0}, expected {1} (GB 11643-1999)", s[17], expected);
      return r;
    }
  }
  r.valid = true;
  r.legacy = legacy;
  if (auto date = Date::FromYmd(y, static_cast<unsigned>(m), static_cast<unsigned>(d)))
    r.birth_date = *date;
  r.male = (s[legacy ? 14 : 16] - '0') % 2 == 1;
  return r;
}

CreditCodeCheck CheckCreditCode(std::string_view text) {
  CreditCodeCheck r;
  r.normalized = NormalizeCode(text);
  const std::string& s = r.normalized;
  if (s.size() != 18) {
    r.problem = Tr("has {0} characters; a unified social credit code has 18", s.size());
    return r;
  }
  std::array<int, 18> values{};
  for (std::size_t i = 0; i < 18; ++i) {
    std::size_t v = kCreditAlphabet.find(s[i]);
    if (v == std::string_view::npos) {
      // The digit a letter credit codes do not use is most often mistaken for.
      const char digit = s[i] == 'I'   ? '1'
                         : s[i] == 'O' ? '0'
                         : s[i] == 'S' ? '5'
                         : s[i] == 'Z' ? '2'
                                       : 0;
      r.problem =
          digit ? Tr("character {0} ({1}) is not allowed (credit codes use 0-9 and A-Z without "
                     "I, O, S, V, Z); did you mean {2}?",
                     i + 1, Quoted(s[i]), digit)
                : Tr("character {0} ({1}) is not allowed (credit codes use 0-9 and A-Z without "
                     "I, O, S, V, Z)",
                     i + 1, Quoted(s[i]));
      return r;
    }
    values[i] = static_cast<int>(v);
  }
  r.well_formed = true;
  static constexpr std::array<int, 17> kWeights = {1,  3,  9,  27, 19, 26, 16, 17, 20,
                                                   29, 25, 13, 8,  24, 10, 30, 28};
  int sum = 0;
  for (std::size_t i = 0; i < 17; ++i) sum += values[i] * kWeights[i];
  const char expected = kCreditAlphabet[static_cast<std::size_t>((31 - sum % 31) % 31)];
  if (expected != s[17]) {
    r.problem = Tr("has check character {0}, expected {1} (GB 32100-2015)", s[17], expected);
    return r;
  }
  r.checksum_ok = true;
  return r;
}

bool IsMobileNumber(std::string_view digits) {
  return digits.size() == 11 && AllDigits(digits) && digits[0] == '1' && digits[1] >= '3' &&
         digits[1] <= '9';
}

bool IsLandlineNumber(std::string_view text) {
  return ParseLandline(CompactPhone(text)).has_value();
}

std::optional<std::string> NormalizePhone(std::string_view text) {
  const std::string compact = CompactPhone(text);
  // Mobile: dashes are grouping only; +86 / 0086 / 86 country prefixes go.
  std::string mobile;
  for (char c : compact)
    if (c != '-') mobile += c;
  std::string_view m = mobile;
  if (m.starts_with("+86")) {
    m.remove_prefix(3);
  } else if (m.starts_with("0086")) {
    m.remove_prefix(4);
  } else if (m.size() == 13 && m.starts_with("86")) {
    m.remove_prefix(2);
  }
  if (IsMobileNumber(m)) return std::string(m);
  if (auto landline = ParseLandline(compact)) return landline->area + "-" + landline->local;
  return std::nullopt;
}

std::string MaskIdNumber(std::string_view id) {
  std::string_view s = TrimAscii(id);
  std::size_t n = CodePoints(s).size();
  if (n == 18) return KeepEnds(s, 6, 4);
  if (n == 15) return KeepEnds(s, 6, 3);
  if (n >= 8) return KeepEnds(s, 3, 4);
  return "****";
}

std::string MaskPhone(std::string_view phone) {
  // Masked already (the form an encrypted store keeps beside the sealed
  // number): shown as it is.
  if (phone.find('*') != std::string_view::npos) return std::string(phone);
  std::optional<std::string> normalized = NormalizePhone(phone);
  if (!normalized) return "****";
  const std::string& p = *normalized;
  if (IsMobileNumber(p)) return p.substr(0, 3) + "****" + p.substr(7);
  const std::size_t dash = p.find('-');
  const std::string local = p.substr(dash + 1);
  return p.substr(0, dash + 1) + std::string(local.size() - 3, '*') +
         local.substr(local.size() - 3);
}

std::string MaskCreditCode(std::string_view code) {
  std::string_view s = TrimAscii(code);
  std::size_t n = CodePoints(s).size();
  if (n == 18) return KeepEnds(s, 8, 3);
  if (n >= 8) return KeepEnds(s, 3, 4);
  return "****";
}

std::string MaskAddress(std::string_view address) {
  std::string_view s = TrimAscii(address);
  std::size_t cut = std::string_view::npos;
  for (std::string_view word : {"社区", "村", "居委会", "小区"}) {
    std::size_t at = s.find(word);
    if (at != std::string_view::npos && (cut == std::string_view::npos || at + word.size() < cut))
      cut = at + word.size();
  }
  if (cut != std::string_view::npos)
    return std::string(s.substr(0, cut)) + (cut < s.size() ? "…" : "");
  std::vector<std::string_view> cps = CodePoints(s);
  if (cps.size() <= 10) return std::string(s);
  std::string out;
  for (std::size_t i = 0; i < 10; ++i) out += cps[i];
  return out + "…";
}

}  // namespace mediate
