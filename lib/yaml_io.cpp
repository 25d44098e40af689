#include "yaml_io.hpp"

#include <utf8proc.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <cstdint>
#include <exception>
#include <istream>
#include <memory>
#include <optional>
#include <streambuf>
#include <unordered_map>
#include <utility>
#include <vector>

namespace mediate {
namespace {

// ---------------------------------------------------------------------------
// Small text helpers.

constexpr std::string_view kBom = "\xEF\xBB\xBF";

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsHexDigit(char c) { return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (Lower(a[i]) != Lower(b[i])) return false;
  return true;
}

bool IsContinuationByte(unsigned char c) { return (c & 0xC0) == 0x80; }

// Characters (code points) in bytes [from, to) of valid UTF-8.
int CountChars(std::string_view text, std::size_t from, std::size_t to) {
  int n = 0;
  for (std::size_t i = from; i < to; ++i)
    n += !IsContinuationByte(static_cast<unsigned char>(text[i]));
  return n;
}

std::string Hex2(unsigned v) {
  static const char kDigits[] = "0123456789ABCDEF";
  return {kDigits[(v >> 4) & 0xF], kDigits[v & 0xF]};
}

std::string CodePointName(std::int32_t cp) {
  static const char kDigits[] = "0123456789ABCDEF";
  std::string s = "U+";
  int digits = cp > 0xFFFF ? 6 : 4;
  for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) s += kDigits[(cp >> shift) & 0xF];
  return s;
}

// Code points that YAML forbids in a stream (C0 except TAB/LF/CR, DEL, C1
// except NEL) — yaml-cpp lets them through; PyYAML and others refuse the file.
bool IsForbiddenControl(std::int32_t cp) {
  if (cp < 0x20) return cp != '\t' && cp != '\n' && cp != '\r';
  if (cp == 0x7F) return true;
  return cp >= 0x80 && cp <= 0x9F && cp != 0x85;
}

// ---------------------------------------------------------------------------
// Pre-scan: byte-level checks yaml-cpp does not make, done before parsing so
// that a broken file is reported where a person can see the problem.

struct ScanProblem {
  int line = 0;
  int column = 0;
  std::string message;
};

struct ScanInfo {
  bool ascii = true;     // no byte >= 0x80: columns equal byte offsets
  std::size_t skip = 0;  // bytes of a leading BOM
};

bool StartsWith(std::string_view s, std::size_t at, std::string_view prefix) {
  return s.size() - at >= prefix.size() && s.compare(at, prefix.size(), prefix) == 0;
}

// A git conflict marker: seven marker characters then a space or the end of
// the line ("=======" must stand alone).
bool IsConflictMarker(std::string_view text, std::size_t at) {
  static constexpr std::string_view kMarkers[] = {"<<<<<<<", ">>>>>>>", "|||||||", "======="};
  for (std::string_view m : kMarkers) {
    if (!StartsWith(text, at, m)) continue;
    std::size_t next = at + m.size();
    if (next == text.size() || text[next] == '\n' || StartsWith(text, next, "\r\n") ||
        (text[next] == '\r' && next + 1 == text.size()))
      return true;
    if (m[0] != '=' && text[next] == ' ') return true;
  }
  return false;
}

std::optional<ScanProblem> PreScan(std::string_view text, ScanInfo* info) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
  if (StartsWith(text, 0, kBom)) {
    info->skip = kBom.size();
    i = kBom.size();
  }
  int line = 1;
  std::size_t line_start = i;  // a leading BOM is not a column anyone sees
  bool at_line_start = true;
  auto problem = [&](std::size_t at, std::string message) {
    return ScanProblem{line, CountChars(text, line_start, at) + 1, std::move(message)};
  };
  while (i < n) {
    if (at_line_start) {
      at_line_start = false;
      if (IsConflictMarker(text, i))
        return problem(i, "merge-conflict marker; resolve the conflict first");
      for (std::size_t j = i; j < n && (text[j] == ' ' || text[j] == '\t'); ++j) {
        if (text[j] == '\t') return problem(j, "tab character in indentation; indent with spaces");
      }
    }
    unsigned char c = bytes[i];
    if (c < 0x80) {
      if (c == '\n') {
        ++i;
        ++line;
        line_start = i;
        at_line_start = true;
        continue;
      }
      if (IsForbiddenControl(c))
        return problem(i, "control character " + CodePointName(c) +
                              " is not allowed in YAML; write it as an escape in a "
                              "double-quoted string");
      ++i;
      continue;
    }
    info->ascii = false;
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t len = utf8proc_iterate(bytes + i, static_cast<utf8proc_ssize_t>(n - i), &cp);
    if (len < 0)
      return problem(i, "invalid UTF-8 (byte 0x" + Hex2(c) + "); save the file as UTF-8");
    if (cp == 0xFEFF)
      return problem(i,
                     "byte-order mark (U+FEFF) inside the file; only the very start may carry one");
    if (IsForbiddenControl(cp))
      return problem(i, "control character " + CodePointName(cp) + " is not allowed in YAML");
    i += static_cast<std::size_t>(len);
  }
  return std::nullopt;
}

// ---------------------------------------------------------------------------
// Reading from memory without copying into an istringstream.

class MemoryBuf : public std::streambuf {
 public:
  explicit MemoryBuf(std::string_view text) {
    char* p = const_cast<char*>(text.data());  // never written: get area only
    setg(p, p, p + text.size());
  }
};

// ---------------------------------------------------------------------------
// Event handler: builds the Value tree and enforces the record rules.

struct ParseAbort {};  // unwinds out of yaml-cpp after a refusal is recorded

std::string ShortTag(const std::string& tag) {
  static constexpr std::string_view kCore = "tag:yaml.org,2002:";
  if (tag.compare(0, kCore.size(), kCore) == 0) return "!!" + tag.substr(kCore.size());
  return tag;
}

class Builder : public YAML::EventHandler {
 public:
  Builder(std::string_view body, bool ascii, const YamlLimits& limits)
      : body_(body), ascii_(ascii), limits_(limits) {}

  Value TakeRoot() { return std::move(root_); }
  const std::optional<ScanProblem>& problem() const { return problem_; }
  const std::string& problem_field() const { return problem_field_; }

  // 1-based line and character column of a yaml-cpp mark (0-based, bytes).
  Mark ToMark(const YAML::Mark& m) {
    if (m.is_null() || m.line < 0) return {};
    return {m.line + 1, CharColumn(m) + 1};
  }

  void OnDocumentStart(const YAML::Mark& mark) override {
    if (++documents_ > 1) {
      Fail(ToMark(mark), "", "more than one document (a second \"---\"); a record file holds one");
    }
    doc_mark_ = ToMark(mark);
  }
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    Mark m = ToMark(mark);
    CheckNode(m, anchor);
    if (InKeyPosition()) Fail(m, Path(), "a map key must not be empty or null");
    // For an empty value (`a:`) yaml-cpp marks the token after it, often
    // the next line; the key's position is where a person looks for it.
    if (!IsExplicitNull(mark)) {
      if (depth_ == 0) {
        m = doc_mark_;
      } else if (Top().value.is_map()) {
        m = Top().key_mark;
      }
    }
    Add(Value::Null(m));
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t /*anchor*/) override {
    Fail(ToMark(mark), Path(), "aliases (*name) are not allowed in records; write the value out");
  }

  void OnAnchor(const YAML::Mark& mark, const std::string& name) override {
    Fail(ToMark(mark), Path(),
         "anchors (&" + name + ") are not allowed in records; write the value out");
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    Mark m = ToMark(mark);
    CheckNode(m, anchor);
    CheckTag(m, tag);
    const bool quoted = tag == "!";
    std::string text = value;
    if (quoted) CheckQuoted(mark, m, &text);
    if (InKeyPosition()) {
      AddKey(std::move(text), m);
      return;
    }
    Add(Value::Scalar(std::move(text), quoted, m));
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value style) override {
    Open(Value::Sequence(ToMark(mark)), tag, anchor, style);
  }
  void OnSequenceEnd() override { Close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value style) override {
    Open(Value::Map(ToMark(mark)), tag, anchor, style);
  }
  void OnMapEnd() override { Close(); }

 private:
  struct Frame {
    Value value;
    std::string key;  // pending key of a map, until its value arrives
    Mark key_mark;
    bool have_key = false;
    std::vector<int> key_lines;  // line of each entry's key, for "first at line N"
    // Built only for large maps, so hostile files stay linear.
    std::unique_ptr<std::unordered_map<std::string, std::size_t>> index;
  };
  static constexpr std::size_t kIndexFrom = 16;

  Frame& Top() { return frames_[depth_ - 1]; }
  bool InKeyPosition() const {
    return depth_ > 0 && frames_[depth_ - 1].value.is_map() && !frames_[depth_ - 1].have_key;
  }

  [[noreturn]] void Fail(Mark at, std::string field, std::string message) {
    problem_ = ScanProblem{at.line, at.column, std::move(message)};
    problem_field_ = std::move(field);
    throw ParseAbort{};
  }

  // The field path of the node about to be added: `parties[0].name`.
  std::string Path() const {
    std::string path;
    for (std::size_t i = 0; i < depth_; ++i) {
      const Frame& f = frames_[i];
      if (f.value.is_sequence()) {
        path += '[';
        path += std::to_string(f.value.items().size());
        path += ']';
      } else if (f.have_key) {
        if (!path.empty()) path += '.';
        path += f.key;
      } else {
        break;  // at a key: the path is the map's own
      }
    }
    return path;
  }

  void CheckNode(Mark m, YAML::anchor_t anchor) {
    if (anchor != YAML::NullAnchor) Fail(m, Path(), "anchors are not allowed in records");
    if (++nodes_ > limits_.max_nodes)
      Fail(m, Path(), "more than " + std::to_string(limits_.max_nodes) + " values in one file");
  }

  void CheckTag(Mark m, const std::string& tag) {
    if (tag != "?" && tag != "!")
      Fail(m, Path(), "tag " + ShortTag(tag) + " is not allowed in records; remove it");
  }

  bool IsExplicitNull(const YAML::Mark& mark) const {
    if (mark.pos < 0 || static_cast<std::size_t>(mark.pos) >= body_.size()) return false;
    std::string_view rest = body_.substr(static_cast<std::size_t>(mark.pos));
    return rest[0] == '~' || StartsWith(rest, 0, "null") || StartsWith(rest, 0, "Null") ||
           StartsWith(rest, 0, "NULL");
  }

  // yaml-cpp accepts a quoted scalar left open at the end of the file (it
  // swallows the rest of the file) and turns the escapes \N and \_ into a
  // lone byte, not UTF-8. Catch the first, repair the second.
  void CheckQuoted(const YAML::Mark& mark, Mark m, std::string* text) {
    if (mark.pos < 0 || static_cast<std::size_t>(mark.pos) >= body_.size()) return;
    const std::size_t start = static_cast<std::size_t>(mark.pos);
    const char q = body_[start];
    bool closed = false;
    bool lone_byte_escape = false;
    if (q == '"') {
      for (std::size_t j = start + 1; j < body_.size(); ++j) {
        char c = body_[j];
        if (c == '\\') {
          if (j + 1 < body_.size() && (body_[j + 1] == 'N' || body_[j + 1] == '_'))
            lone_byte_escape = true;
          ++j;
        } else if (c == '"') {
          closed = true;
          break;
        }
      }
    } else if (q == '\'') {
      for (std::size_t j = start + 1; j < body_.size(); ++j) {
        if (body_[j] != '\'') continue;
        if (j + 1 < body_.size() && body_[j + 1] == '\'') {
          ++j;
          continue;
        }
        closed = true;
        break;
      }
    } else {
      return;  // block scalar (| or >) or an explicit "!" tag
    }
    if (!closed) Fail(m, Path(), std::string("quoted text is never closed; add the missing ") + q);
    if (lone_byte_escape) RepairLoneBytes(text);
  }

  static void RepairLoneBytes(std::string* text) {
    std::string out;
    out.reserve(text->size() + 8);
    const auto* p = reinterpret_cast<const unsigned char*>(text->data());
    const std::size_t n = text->size();
    for (std::size_t i = 0; i < n;) {
      if (p[i] < 0x80) {
        out += static_cast<char>(p[i++]);
        continue;
      }
      utf8proc_int32_t cp = 0;
      utf8proc_ssize_t len = utf8proc_iterate(p + i, static_cast<utf8proc_ssize_t>(n - i), &cp);
      if (len < 0) {  // \N gave 0x85, \_ gave 0xA0: re-encode as UTF-8
        out += static_cast<char>(0xC2);
        out += static_cast<char>(p[i++]);
        continue;
      }
      out.append(text->data() + i, static_cast<std::size_t>(len));
      i += static_cast<std::size_t>(len);
    }
    *text = std::move(out);
  }

  void AddKey(std::string key, Mark m) {
    Frame& f = Top();
    const auto& entries = f.value.entries();
    std::optional<std::size_t> first;
    if (f.index) {
      auto it = f.index->find(key);
      if (it != f.index->end()) first = it->second;
    } else {
      for (std::size_t i = 0; i < entries.size(); ++i) {
        if (entries[i].first == key) {
          first = i;
          break;
        }
      }
    }
    if (first) {
      Fail(m, Path(),
           "duplicate key \"" + key + "\" (first at line " + std::to_string(f.key_lines[*first]) +
               ")");
    }
    f.key_lines.push_back(m.line);
    if (f.index) {
      f.index->emplace(key, entries.size());
    } else if (entries.size() + 1 >= kIndexFrom) {
      f.index = std::make_unique<std::unordered_map<std::string, std::size_t>>();
      for (std::size_t i = 0; i < entries.size(); ++i) f.index->emplace(entries[i].first, i);
      f.index->emplace(key, entries.size());
    }
    f.key = std::move(key);
    f.key_mark = m;
    f.have_key = true;
  }

  void Add(Value v) {
    if (depth_ == 0) {
      root_ = std::move(v);
      return;
    }
    Frame& f = Top();
    if (f.value.is_sequence()) {
      f.value.items().push_back(std::move(v));
    } else {
      f.value.entries().emplace_back(std::move(f.key), std::move(v));
      f.have_key = false;
    }
  }

  void Open(Value v, const std::string& tag, YAML::anchor_t anchor,
            YAML::EmitterStyle::value style) {
    Mark m = v.mark();
    CheckNode(m, anchor);
    CheckTag(m, tag);
    if (InKeyPosition())
      Fail(m, Path(), "a map key must be a single word or quoted text, not a list or map");
    if (static_cast<int>(depth_) >= limits_.max_depth)
      Fail(m, Path(), "nested more than " + std::to_string(limits_.max_depth) + " lists/maps deep");
    if (style == YAML::EmitterStyle::Flow) v.set_flow();
    if (depth_ == frames_.size()) frames_.emplace_back();
    Frame& f = frames_[depth_++];
    f.value = std::move(v);
    f.have_key = false;
    f.key_lines.clear();
    f.index.reset();
  }

  void Close() {
    Value v = std::move(Top().value);
    --depth_;
    Add(std::move(v));
  }

  // yaml-cpp counts bytes; people and editors count characters.
  int CharColumn(const YAML::Mark& m) {
    if (ascii_ || m.pos < 0) return m.column;
    const std::size_t pos = std::min(static_cast<std::size_t>(m.pos), body_.size());
    const std::size_t line_start = pos - std::min(static_cast<std::size_t>(m.column), pos);
    // Events come in file order, so continue from the last mark on this line.
    if (line_start != col_line_start_ || pos < col_pos_) {
      col_line_start_ = line_start;
      col_pos_ = line_start;
      col_chars_ = 0;
    }
    col_chars_ += CountChars(body_, col_pos_, pos);
    col_pos_ = pos;
    return col_chars_;
  }

  std::string_view body_;
  bool ascii_;
  const YamlLimits& limits_;
  std::vector<Frame> frames_;  // frames_[0, depth_) are open; the rest keep their buffers
  std::size_t depth_ = 0;
  Value root_;
  Mark doc_mark_;
  int documents_ = 0;
  std::size_t nodes_ = 0;
  std::size_t col_line_start_ = static_cast<std::size_t>(-1);
  std::size_t col_pos_ = 0;
  int col_chars_ = 0;
  std::optional<ScanProblem> problem_;
  std::string problem_field_;
};

Status Refuse(const std::string& file, int line, int column, std::string field,
              std::string message) {
  return Status::Rejected("invalid YAML in " + file,
                          {Diagnostic{Severity::kError, Location{file, line, column},
                                      std::move(field), std::move(message)}});
}

// "*name" at a mark, for yaml-cpp's "the referenced anchor is not defined".
std::string AliasAt(std::string_view body, const YAML::Mark& mark) {
  if (mark.pos < 0 || static_cast<std::size_t>(mark.pos) >= body.size()) return "";
  std::size_t i = static_cast<std::size_t>(mark.pos);
  while (i > 0 && body[i] != '*') --i;  // the mark may sit just past the name
  if (body[i] != '*') return "";
  std::size_t j = i + 1;
  while (j < body.size() && body[j] != ' ' && body[j] != '\n' && body[j] != '\r' &&
         body[j] != ',' && body[j] != ']' && body[j] != '}')
    ++j;
  return std::string(body.substr(i, j - i));
}

// ---------------------------------------------------------------------------
// YAML 1.1 (and 1.2 core) implicit types, by hand: a regex per scalar would
// cost more than the parse.

bool IsNullWord(std::string_view s) { return s.empty() || s == "~" || EqualsIgnoreCase(s, "null"); }

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

// ---------------------------------------------------------------------------
// Emitting.

bool IsSimpleKey(std::string_view k) {
  if (k.empty()) return false;
  auto alpha = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'; };
  if (!alpha(k[0])) return false;
  for (char c : k)
    if (!alpha(c) && !IsDigit(c)) return false;
  return !PlainScalarIsNotString(k);  // `yes:` or `null:` would change type
}

// Code points written as escapes even though they are printable UTF-8: YAML
// 1.1 readers treat NEL/LS/PS as line breaks (and fold them), and a BOM or
// noncharacter would make the file unreadable to us or others.
bool NeedsUnicodeEscape(std::int32_t cp) {
  return cp == 0x2028 || cp == 0x2029 || cp == 0xFEFF || cp == 0xFFFE || cp == 0xFFFF;
}

void WriteQuoted(std::string& out, std::string_view s) {
  out += '"';
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  for (std::size_t i = 0; i < n;) {
    unsigned char c = p[i];
    if (c < 0x80) {
      switch (c) {
        case '"':
          out += "\\\"";
          break;
        case '\\':
          out += "\\\\";
          break;
        case '\n':
          out += "\\n";
          break;
        case '\t':
          out += "\\t";
          break;
        case '\r':
          out += "\\r";
          break;
        default:
          if (c < 0x20 || c == 0x7F) {
            out += "\\x";
            out += Hex2(c);
          } else {
            out += static_cast<char>(c);
          }
      }
      ++i;
      continue;
    }
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t len = utf8proc_iterate(p + i, static_cast<utf8proc_ssize_t>(n - i), &cp);
    if (len < 0) {  // not UTF-8 (a bad import): the replacement character keeps the file valid
      out += "\xEF\xBF\xBD";
      ++i;
      continue;
    }
    if (cp <= 0x9F) {  // C1 controls, NEL
      out += "\\x";
      out += Hex2(static_cast<unsigned>(cp));
    } else if (NeedsUnicodeEscape(cp)) {
      out += "\\u";
      out += Hex2(static_cast<unsigned>(cp) >> 8);
      out += Hex2(static_cast<unsigned>(cp) & 0xFF);
    } else {
      out.append(s.data() + i, static_cast<std::size_t>(len));
    }
    i += static_cast<std::size_t>(len);
  }
  out += '"';
}

// Whether a non-quoted scalar can be written as-is and read back unchanged
// (conservatively; anything doubtful is quoted instead).
bool IsSafePlain(std::string_view s, bool in_flow) {
  if (IsNullWord(s)) return false;  // would come back as null, not as this scalar
  if (s.front() == ' ' || s.back() == ' ' || s.back() == ':') return false;
  if (StartsWith(s, 0, "---") || StartsWith(s, 0, "...")) return false;
  static constexpr std::string_view kIndicators = "-?:,[]{}#&*!|>'\"%@`";
  if (kIndicators.find(s.front()) != std::string_view::npos) {
    if (s.front() != '-' || s.size() < 2 || s[1] == ' ') return false;
  }
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  for (std::size_t i = 0; i < s.size();) {
    unsigned char c = p[i];
    if (c < 0x80) {
      if (c < 0x20 || c == 0x7F) return false;
      if (c == ':' && (in_flow || s[i + 1] == ' ')) return false;
      if (c == '#' && s[i - 1] == ' ') return false;
      if (in_flow && (c == ',' || c == '[' || c == ']' || c == '{' || c == '}')) return false;
      ++i;
      continue;
    }
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t len =
        utf8proc_iterate(p + i, static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
    if (len < 0 || cp <= 0x9F || cp == 0xA0 || NeedsUnicodeEscape(cp)) return false;
    i += static_cast<std::size_t>(len);
  }
  return true;
}

bool IsBlock(const Value& v) {
  return !v.flow() &&
         ((v.is_map() && !v.entries().empty()) || (v.is_sequence() && !v.items().empty()));
}

void WriteKey(std::string& out, const std::string& key) {
  if (IsSimpleKey(key)) {
    out += key;
  } else {
    WriteQuoted(out, key);
  }
}

// A value on one line: scalars, null, empty and flow collections.
void WriteInline(std::string& out, const Value& v, bool in_flow) {
  switch (v.type()) {
    case Value::Type::kNull:
      out += "null";
      return;
    case Value::Type::kScalar:
      if (!v.quoted() && IsSafePlain(v.text(), in_flow)) {
        out += v.text();
      } else {
        WriteQuoted(out, v.text());
      }
      return;
    case Value::Type::kSequence: {
      out += '[';
      bool first = true;
      for (const Value& item : v.items()) {
        if (!first) out += ", ";
        first = false;
        WriteInline(out, item, true);
      }
      out += ']';
      return;
    }
    case Value::Type::kMap: {
      out += '{';
      bool first = true;
      for (const auto& [key, value] : v.entries()) {
        if (!first) out += ", ";
        first = false;
        WriteKey(out, key);
        out += ": ";
        WriteInline(out, value, true);
      }
      out += '}';
      return;
    }
  }
}

void WriteBlockSequence(std::string& out, const Value& seq, std::size_t indent, bool first_inline);

// `first_inline`: the first line's indentation is already written (after "- ").
void WriteBlockMap(std::string& out, const Value& map, std::size_t indent, bool first_inline) {
  bool first = true;
  for (const auto& [key, value] : map.entries()) {
    if (!(first && first_inline)) out.append(indent, ' ');
    first = false;
    WriteKey(out, key);
    out += ':';
    if (IsBlock(value)) {
      out += '\n';
      if (value.is_map()) {
        WriteBlockMap(out, value, indent + 2, false);
      } else {
        WriteBlockSequence(out, value, indent + 2, false);
      }
    } else {
      out += ' ';
      WriteInline(out, value, false);
      out += '\n';
    }
  }
}

void WriteBlockSequence(std::string& out, const Value& seq, std::size_t indent, bool first_inline) {
  bool first = true;
  for (const Value& item : seq.items()) {
    if (!(first && first_inline)) out.append(indent, ' ');
    first = false;
    out += "- ";
    if (IsBlock(item)) {
      if (item.is_map()) {
        WriteBlockMap(out, item, indent + 2, true);
      } else {
        WriteBlockSequence(out, item, indent + 2, true);
      }
    } else {
      WriteInline(out, item, false);
      out += '\n';
    }
  }
}

}  // namespace

Result<Value> ParseYaml(std::string_view text, const std::string& file, const YamlLimits& limits) {
  if (text.size() > limits.max_bytes) {
    return Refuse(file, 0, 0, "",
                  "file is " + std::to_string(text.size()) + " bytes; the limit is " +
                      std::to_string(limits.max_bytes));
  }
  ScanInfo info;
  if (auto p = PreScan(text, &info)) return Refuse(file, p->line, p->column, "", p->message);

  std::string_view body = text.substr(info.skip);
  MemoryBuf buf(body);
  std::istream in(&buf);
  Builder builder(body, info.ascii, limits);
  try {
    YAML::Parser parser(in);
    if (parser.HandleNextDocument(builder)) {
      // A second document is refused by the builder as soon as it starts.
      (void)parser.HandleNextDocument(builder);
    }
  } catch (const ParseAbort&) {
    const ScanProblem& p = *builder.problem();
    return Refuse(file, p.line, p.column, builder.problem_field(), p.message);
  } catch (const YAML::DeepRecursion& e) {
    Mark m = builder.ToMark(e.mark);
    return Refuse(file, m.line, m.column, "", "nested too deeply (" + e.msg + ")");
  } catch (const YAML::Exception& e) {
    Mark m = builder.ToMark(e.mark);
    if (e.msg == YAML::ErrorMsg::UNKNOWN_ANCHOR) {
      std::string alias = AliasAt(body, e.mark);
      return Refuse(file, m.line, m.column, "",
                    "aliases (" + (alias.empty() ? std::string("*name") : alias) +
                        ") are not allowed in records; write the value out");
    }
    return Refuse(file, m.line, m.column, "", e.msg);
  } catch (const std::exception& e) {
    return Refuse(file, 0, 0, "", std::string("cannot parse: ") + e.what());
  }
  return builder.TakeRoot();
}

std::string EmitYaml(const Value& root) {
  std::string out;
  out.reserve(256);
  if (IsBlock(root)) {
    if (root.is_map()) {
      WriteBlockMap(out, root, 0, false);
    } else {
      WriteBlockSequence(out, root, 0, false);
    }
  } else {
    WriteInline(out, root, false);
    out += '\n';
  }
  return out;
}

bool PlainScalarIsNotString(std::string_view text) {
  return IsNullWord(text) || IsBoolWord(text) || IsNumber(text) || IsTimestamp(text) ||
         text == "=" || text == "<<";
}

}  // namespace mediate
