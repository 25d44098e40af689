#include "text_input.hpp"

#include <csv.h>
#include <iconv.h>
#include <utf8proc.h>

#include <date/date.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <limits>
#include <utility>

#include "i18n.hpp"

namespace mediate {

namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

std::string_view DropBom(std::string_view s) {
  if (s.starts_with(kUtf8Bom)) s.remove_prefix(kUtf8Bom.size());
  return s;
}

/// 1-based line of byte `offset` (LF counts; a CR not followed by LF too).
int LineOfOffset(std::string_view bytes, std::size_t offset) {
  int line = 1;
  for (std::size_t i = 0; i < offset && i < bytes.size(); ++i) {
    if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 >= bytes.size() || bytes[i + 1] != '\n')))
      ++line;
  }
  return line;
}

Status ByteError(const std::string& file, std::string_view bytes, std::size_t offset,
                 const std::string& what) {
  int line = LineOfOffset(bytes, offset);
  std::string message = Tr("{0} at byte {1}", what, offset);
  Location where{file, line, 0};
  return Status::Rejected(where.ToString() + ": " + message,
                          {Diagnostic{Severity::kError, where, "", message}});
}

/// Converts GB18030 to UTF-8 with iconv. On failure returns false with
/// `bad_offset` at the invalid (or truncated) sequence and `truncated` set
/// when the input ends inside a multi-byte sequence.
bool Gb18030ToUtf8(std::string_view in, std::string* out, std::size_t* bad_offset,
                   bool* truncated) {
  iconv_t cd = iconv_open("UTF-8", "GB18030");
  if (cd == reinterpret_cast<iconv_t>(-1)) {
    if (bad_offset) *bad_offset = 0;
    if (truncated) *truncated = false;
    return false;
  }
  std::string result;
  result.resize(in.size() * 2 + 16);
  char* src = const_cast<char*>(in.data());
  std::size_t src_left = in.size();
  std::size_t used = 0;
  bool ok = true;
  while (src_left > 0) {
    char* dst = result.data() + used;
    std::size_t dst_left = result.size() - used;
    std::size_t rc = iconv(cd, &src, &src_left, &dst, &dst_left);
    used = result.size() - dst_left;
    if (rc != static_cast<std::size_t>(-1)) break;
    if (errno == E2BIG) {
      result.resize(result.size() * 2);
      continue;
    }
    if (bad_offset) *bad_offset = in.size() - src_left;
    if (truncated) *truncated = (errno == EINVAL);
    ok = false;
    break;
  }
  iconv_close(cd);
  if (!ok) return false;
  result.resize(used);
  if (out) *out = std::move(result);
  return true;
}

bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

/// Blank characters trimmed at the ends of a cell: ASCII whitespace,
/// ideographic space U+3000, no-break space U+00A0, zero-width space U+200B
/// and a stray BOM U+FEFF (TrimBlanks).
constexpr std::string_view kBlankSeqs[] = {"\xE3\x80\x80", "\xC2\xA0", "\xE2\x80\x8B",
                                           "\xEF\xBB\xBF"};

}  // namespace

std::string Joined(const std::vector<std::string>& items, std::string_view sep) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += sep;
    out += items[i];
  }
  return out;
}

std::string_view TrimBlanks(std::string_view s) {
  for (bool changed = true; changed && !s.empty();) {
    changed = false;
    if (IsAsciiSpace(s.front())) {
      s.remove_prefix(1);
      changed = true;
      continue;
    }
    for (std::string_view b : kBlankSeqs) {
      if (s.starts_with(b)) {
        s.remove_prefix(b.size());
        changed = true;
        break;
      }
    }
  }
  for (bool changed = true; changed && !s.empty();) {
    changed = false;
    if (IsAsciiSpace(s.back())) {
      s.remove_suffix(1);
      changed = true;
      continue;
    }
    for (std::string_view b : kBlankSeqs) {
      if (s.ends_with(b)) {
        s.remove_suffix(b.size());
        changed = true;
        break;
      }
    }
  }
  return s;
}

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

/// Reads 1..max_len ASCII digits at `s`'s start into `value`.
bool TakeNumber(std::string_view& s, std::size_t min_len, std::size_t max_len, int* value) {
  std::size_t n = 0;
  int v = 0;
  while (n < s.size() && n < max_len && IsDigit(s[n])) v = v * 10 + (s[n++] - '0');
  if (n < min_len || (n < s.size() && IsDigit(s[n]))) return false;
  s.remove_prefix(n);
  *value = v;
  return true;
}

bool TakePrefix(std::string_view& s, std::string_view prefix) {
  if (!s.starts_with(prefix)) return false;
  s.remove_prefix(prefix.size());
  return true;
}

void SkipSpaces(std::string_view& s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
}

std::optional<Date> MakeDate(int y, int m, int d) {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
  date::year_month_day ymd{date::year{y}, date::month{static_cast<unsigned>(m)},
                           date::day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return std::nullopt;
  return Date::FromYmd(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
}

// ---- CSV -----------------------------------------------------------------

struct CsvState {
  std::vector<CsvRecord>* out;
  CsvRecord current;
  int start_line = 0;
  bool record_open = false;  // a record has begun and not yet ended
};

void OnField(void* data, std::size_t len, void* user) {
  auto* st = static_cast<CsvState*>(user);
  st->current.fields.emplace_back(data ? static_cast<const char*>(data) : "", data ? len : 0);
}

void OnRecord(int /*terminator*/, void* user) {
  auto* st = static_cast<CsvState*>(user);
  st->current.line = st->start_line;
  bool all_blank = true;
  for (const std::string& f : st->current.fields) {
    if (!TrimBlanks(f).empty()) {
      all_blank = false;
      break;
    }
  }
  if (!all_blank) st->out->push_back(std::move(st->current));
  st->current = CsvRecord{};
  st->record_open = false;
}

int SpaceOnly(unsigned char c) { return c == ' '; }
int SpaceOrTab(unsigned char c) { return c == ' ' || c == '\t'; }

}  // namespace

bool IsValidUtf8(std::string_view bytes, std::size_t* bad_offset) {
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(bytes.data());
  const std::size_t n = bytes.size();
  std::size_t i = 0;
  while (i < n) {
    if (p[i] < 0x80) {
      ++i;
      continue;
    }
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t len = utf8proc_iterate(p + i, static_cast<utf8proc_ssize_t>(n - i), &cp);
    if (len <= 0 || cp < 0) {
      if (bad_offset) *bad_offset = i;
      return false;
    }
    i += static_cast<std::size_t>(len);
  }
  return true;
}

std::optional<Encoding> DetectEncoding(std::string_view bytes) {
  if (bytes.starts_with(kUtf8Bom)) return Encoding::kUtf8;
  if (IsValidUtf8(bytes)) return Encoding::kUtf8;
  if (Gb18030ToUtf8(bytes, nullptr, nullptr, nullptr)) return Encoding::kGb18030;
  return std::nullopt;
}

std::optional<Encoding> ParseEncodingName(std::string_view name) {
  std::string n;
  for (char c : TrimBlanks(name)) {
    if (c == '-' || c == '_') continue;
    n += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  if (n == "utf8" || n == "utf8sig") return Encoding::kUtf8;
  if (n == "gb18030" || n == "gbk" || n == "gb2312" || n == "cp936") return Encoding::kGb18030;
  return std::nullopt;
}

Result<std::string> ToUtf8(std::string_view bytes, Encoding from, const std::string& file) {
  if (from == Encoding::kUtf8) {
    std::size_t bad = 0;
    if (!IsValidUtf8(bytes, &bad))
      return ByteError(file, bytes, bad, _("invalid UTF-8 byte sequence"));
    return std::string(DropBom(bytes));
  }
  std::string out;
  std::size_t bad = 0;
  bool truncated = false;
  if (!Gb18030ToUtf8(bytes, &out, &bad, &truncated)) {
    return ByteError(
        file, bytes, bad,
        truncated ? _("truncated GB18030 byte sequence") : _("invalid GB18030 byte sequence"));
  }
  if (std::string_view(out).starts_with(kUtf8Bom)) out.erase(0, kUtf8Bom.size());
  return out;
}

Result<std::vector<CsvRecord>> ParseCsv(std::string_view utf8, const std::string& file,
                                        char delimiter) {
  utf8 = DropBom(utf8);
  std::vector<CsvRecord> records;
  CsvState st{&records, {}, 0, false};
  csv_parser p;
  if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0)
    return Status::Internal(_("cannot initialise the CSV parser"));
  csv_set_delim(&p, static_cast<unsigned char>(delimiter));
  // libcsv trims these around unquoted fields and skips lines made of them.
  csv_set_space_func(&p, delimiter == '\t' ? SpaceOnly : SpaceOrTab);
  auto is_space = [delimiter](char c) { return c == ' ' || (c == '\t' && delimiter != '\t'); };

  // Feed libcsv one physical line at a time so that the line a record
  // starts on is known: a record starts on the first line after the
  // previous record that holds anything but blanks and line ends (libcsv
  // skips such lines between records).
  int line = 1;
  std::size_t pos = 0;
  Status error;
  while (pos < utf8.size()) {
    std::size_t end = pos;
    while (end < utf8.size() && utf8[end] != '\n' && utf8[end] != '\r') ++end;
    if (end < utf8.size()) {
      if (utf8[end] == '\r' && end + 1 < utf8.size() && utf8[end + 1] == '\n') ++end;
      ++end;
    }
    std::string_view chunk = utf8.substr(pos, end - pos);
    if (!st.record_open) {
      for (char c : chunk) {
        if (c != '\r' && c != '\n' && !is_space(c)) {
          st.record_open = true;
          st.start_line = line;
          break;
        }
      }
    }
    std::size_t done = csv_parse(&p, chunk.data(), chunk.size(), OnField, OnRecord, &st);
    if (done != chunk.size()) {
      Location where{file, line, 0};
      std::string message =
          csv_error(&p) == CSV_EPARSE
              ? std::string(_("malformed CSV: a quote inside an unquoted field, or text after a "
                              "closing quote"))
              : Tr("CSV parser failed: {0}", csv_strerror(csv_error(&p)));
      error = Status::Rejected(where.ToString() + ": " + message,
                               {Diagnostic{Severity::kError, where, "", message}});
      break;
    }
    pos = end;
    ++line;
  }
  if (error.ok() && csv_fini(&p, OnField, OnRecord, &st) != 0) {
    Location where{file, st.start_line, 0};
    std::string message = _("unterminated quoted field (the record starts on this line)");
    error = Status::Rejected(where.ToString() + ": " + message,
                             {Diagnostic{Severity::kError, where, "", message}});
  }
  csv_free(&p);
  if (!error.ok()) return error;
  return records;
}

std::string NormalizeCell(std::string_view text) {
  if (text.empty()) return {};
  utf8proc_uint8_t* mapped = nullptr;
  utf8proc_ssize_t n = utf8proc_map(
      reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
      static_cast<utf8proc_ssize_t>(text.size()), &mapped,
      static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT));
  if (n < 0) {
    std::free(mapped);
    return std::string(TrimBlanks(text));
  }
  std::string folded(reinterpret_cast<const char*>(mapped), static_cast<std::size_t>(n));
  std::free(mapped);
  return std::string(TrimBlanks(folded));
}

std::optional<Date> ParseLedgerDate(std::string_view text) {
  const std::string norm = NormalizeCell(text);
  std::string_view s = norm;
  int y = 0, m = 0, d = 0;
  if (s.size() == 8) {
    bool all_digits = true;
    for (char c : s) all_digits = all_digits && IsDigit(c);
    if (all_digits) {
      return MakeDate((s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0'),
                      (s[4] - '0') * 10 + (s[5] - '0'), (s[6] - '0') * 10 + (s[7] - '0'));
    }
  }
  if (!TakeNumber(s, 4, 4, &y)) return std::nullopt;
  if (!s.empty() && (s.front() == '-' || s.front() == '/' || s.front() == '.')) {
    const char sep = s.front();
    s.remove_prefix(1);
    if (!TakeNumber(s, 1, 2, &m)) return std::nullopt;
    if (s.empty() || s.front() != sep) return std::nullopt;
    s.remove_prefix(1);
    if (!TakeNumber(s, 1, 2, &d) || !s.empty()) return std::nullopt;
    return MakeDate(y, m, d);
  }
  // 2026年1月5日 (or 5号), spaces around the units allowed.
  SkipSpaces(s);
  if (!TakePrefix(s, "年")) return std::nullopt;
  SkipSpaces(s);
  if (!TakeNumber(s, 1, 2, &m)) return std::nullopt;
  SkipSpaces(s);
  if (!TakePrefix(s, "月")) return std::nullopt;
  SkipSpaces(s);
  if (!TakeNumber(s, 1, 2, &d)) return std::nullopt;
  SkipSpaces(s);
  if (!TakePrefix(s, "日")) TakePrefix(s, "号");
  if (!s.empty()) return std::nullopt;
  return MakeDate(y, m, d);
}

std::optional<std::int64_t> ParseYuanToFen(std::string_view text) {
  const std::string norm = NormalizeCell(text);  // ￥ (U+FFE5) becomes ¥ (U+00A5)
  std::string_view s = norm;
  constexpr std::string_view kYen = "\xC2\xA5";
  bool negative = TakePrefix(s, "-");
  if (TakePrefix(s, kYen)) {
    SkipSpaces(s);
    if (!negative) negative = TakePrefix(s, "-");
  }
  if (s.ends_with("元")) {
    s.remove_suffix(std::string_view("元").size());
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  }
  std::string_view int_part = s, frac_part;
  bool has_point = false;
  if (std::size_t dot = s.find('.'); dot != std::string_view::npos) {
    int_part = s.substr(0, dot);
    frac_part = s.substr(dot + 1);
    has_point = true;
  }
  if (int_part.empty()) return std::nullopt;
  if (has_point && (frac_part.empty() || frac_part.size() > 2)) return std::nullopt;
  for (char c : frac_part)
    if (!IsDigit(c)) return std::nullopt;

  // Digits with optional thousands grouping: 1–3 digits, then ",ddd" groups.
  std::string digits;
  if (int_part.find(',') != std::string_view::npos) {
    std::size_t group_start = 0;
    bool first = true;
    while (true) {
      std::size_t comma = int_part.find(',', group_start);
      std::string_view group =
          int_part.substr(group_start, comma == std::string_view::npos ? std::string_view::npos
                                                                       : comma - group_start);
      if (first ? (group.empty() || group.size() > 3) : group.size() != 3) return std::nullopt;
      for (char c : group)
        if (!IsDigit(c)) return std::nullopt;
      digits += group;
      first = false;
      if (comma == std::string_view::npos) break;
      group_start = comma + 1;
    }
  } else {
    for (char c : int_part)
      if (!IsDigit(c)) return std::nullopt;
    digits = int_part;
  }

  constexpr std::uint64_t kMaxYuan = 1'000'000'000'000'000ULL;  // 10^15
  std::uint64_t yuan = 0;
  for (char c : digits) {
    yuan = yuan * 10 + static_cast<std::uint64_t>(c - '0');
    if (yuan > kMaxYuan) return std::nullopt;
  }
  std::uint64_t fen = yuan * 100;
  if (!frac_part.empty()) {
    fen += static_cast<std::uint64_t>(frac_part[0] - '0') * 10;
    if (frac_part.size() == 2) fen += static_cast<std::uint64_t>(frac_part[1] - '0');
  }
  const auto value = static_cast<std::int64_t>(fen);
  return negative ? -value : value;
}

Result<std::vector<std::pair<std::string, std::string>>> ParseKeyValues(std::string_view flag,
                                                                        std::string_view spec) {
  std::vector<std::pair<std::string, std::string>> out;
  std::size_t start = 0;
  while (start <= spec.size()) {
    std::size_t comma = spec.find(',', start);
    std::string_view item = spec.substr(
        start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
    std::size_t eq = item.find('=');
    if (eq == std::string_view::npos || eq == 0)
      return Status::Usage(Tr("{0} {1}: \"{2}\" is not key=value", flag, spec, item));
    std::string key(item.substr(0, eq));
    auto it = std::find_if(out.begin(), out.end(), [&](const auto& kv) { return kv.first == key; });
    if (it != out.end())
      it->second = std::string(item.substr(eq + 1));
    else
      out.emplace_back(std::move(key), std::string(item.substr(eq + 1)));
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return out;
}

}  // namespace mediate
