#include "yaml_mistake.hpp"

#include <utility>

#include "i18n.hpp"
#include "yaml_text.hpp"

namespace mediate {
namespace {

using yaml_text::CountChars;

bool Has(std::string_view s, std::string_view part) { return s.find(part) != s.npos; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  if (s.size() >= 2 && (s.front() == '"' || s.front() == '\'') && s.back() == s.front())
    s = s.substr(1, s.size() - 2);
  return s;
}

// The quote a line opens and leaves open, if any. `line` has no line break.
std::optional<OpenQuote> ScanLine(std::string_view line, int number) {
  const std::size_t n = line.size();
  std::size_t i = 0, key_start = 0;
  bool value_start = true;  // where a quoted key or value may begin
  std::string_view key;
  while (i < n) {
    const char c = line[i];
    if (value_start) {
      if (c == ' ') {
        key_start = ++i;
        continue;
      }
      if (c == '-' && (i + 1 == n || line[i + 1] == ' ')) {
        key_start = ++i;
        continue;
      }
      if (c == '#' || c == '|' || c == '>') return std::nullopt;  // comment, block scalar
      if (c == '"' || c == '\'') {
        const std::size_t open = i++;
        bool closed = false;
        while (i < n && !closed) {
          if (c == '"' && line[i] == '\\') {
            i += 2;
          } else if (line[i] == c && c == '\'' && i + 1 < n && line[i + 1] == '\'') {
            i += 2;
          } else {
            closed = line[i++] == c;
          }
        }
        if (!closed)
          return OpenQuote{number, CountChars(line, 0, open) + 1, c, std::string(Trim(key))};
      }
      value_start = false;
      continue;
    }
    if (c == '#' && line[i - 1] == ' ') return std::nullopt;
    if (c == ':' && (i + 1 == n || line[i + 1] == ' ')) {
      key = line.substr(key_start, i - key_start);
      value_start = true;
    }
    ++i;
  }
  return std::nullopt;
}

// Calls `visit(line, number)` for each of the first `last_line` lines of
// `text`, without line breaks (LF or CRLF).
template <typename Visit>
void ForEachLine(std::string_view text, int last_line, Visit visit) {
  std::size_t start = 0;
  for (int number = 1; number <= last_line && start <= text.size(); ++number) {
    std::size_t end = text.find('\n', start);
    if (end == text.npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    visit(line, number);
    if (end == text.size()) break;
    start = end + 1;
  }
}

// The byte offset in `text` where line `line` (1-based) starts; npos past
// the end.
std::size_t LineStart(std::string_view text, int line) {
  std::size_t start = 0;
  for (int number = 1; number < line; ++number) {
    std::size_t nl = text.find('\n', start);
    if (nl == text.npos) return text.npos;
    start = nl + 1;
  }
  return start;
}

constexpr std::string_view kFullWidthColon = "\xEF\xBC\x9A";  // U+FF1A

bool IsKeyChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

std::optional<ColonMistake> ScanColon(std::string_view line, int number) {
  std::size_t i = 0;
  for (;;) {
    while (i < line.size() && line[i] == ' ') ++i;
    if (i < line.size() && line[i] == '-' && (i + 1 == line.size() || line[i + 1] == ' ')) {
      ++i;
      continue;
    }
    break;
  }
  const std::size_t key_start = i;
  while (i < line.size() && IsKeyChar(line[i])) ++i;
  if (i == key_start || i >= line.size()) return std::nullopt;
  ColonMistake m{number, CountChars(line, 0, i) + 1, false,
                 std::string(line.substr(key_start, i - key_start))};
  if (line.substr(i, kFullWidthColon.size()) == kFullWidthColon) {
    m.full_width = true;
    return m;
  }
  if (line[i] == ':' && i + 1 < line.size() && line[i + 1] != ' ') return m;
  return std::nullopt;
}

}  // namespace

std::string PlainYamlProblem(std::string_view problem, std::string_view context) {
  if (Has(problem, "end of stream") && Has(context, "quoted scalar"))
    return _("a quoted text is not closed");
  if (Has(problem, "did not find expected key")) return _("a line is indented wrongly");
  if (Has(problem, "mapping values are not allowed"))
    return _(
        "a colon is out of place: a line is indented wrongly, or a text holding \": \" "
        "needs quotes");
  if (Has(problem, "could not find expected ':'"))
    return _(
        "a colon is missing after a field name (write \"name: value\", with a space after the "
        "colon)");
  if (Has(problem, "did not find expected node content"))
    return _("a value is missing after the colon, or starts with a character that needs quotes");
  if (Has(problem, "cannot start any token"))
    return _("a value starts with a character that needs quotes (such as @ or `)");
  if (Has(problem, "expected '-' indicator") || Has(problem, "block sequence entries"))
    return _("a list item (\"- \") is indented wrongly");
  if (Has(problem, "expected ',' or ']'")) return _("a list in [ ] is not closed: add the ]");
  if (Has(problem, "expected ',' or '}'"))
    return Tr("a map in {0} is not closed: add the {1}", "{ }", "}");
  if (Has(problem, "unknown escape character"))
    return _("a backslash in quoted text starts no known escape: write \\\\ for a backslash");
  if (Has(problem, "expected comment or line break"))
    return _("a line has stray text after its value");
  if (Has(problem, "end of stream")) return _("the file ends in the middle of a value");
  return _("the text is not valid YAML here");
}

std::optional<OpenQuote> FindOpenQuote(std::string_view text, int last_line) {
  std::optional<OpenQuote> found;
  ForEachLine(text, last_line, [&](std::string_view line, int number) {
    if (auto q = ScanLine(line, number)) found = std::move(q);
  });
  return found;
}

std::string CloseQuote(std::string_view text, const OpenQuote& q) {
  std::size_t start = LineStart(text, q.line);
  if (start == text.npos) return std::string(text);
  std::size_t end = text.find('\n', start);
  if (end == text.npos) end = text.size();
  if (end > start && text[end - 1] == '\r') --end;
  std::string out(text.substr(0, end));
  out += q.quote;
  out += text.substr(end);
  return out;
}

std::optional<ColonMistake> FindColonMistake(std::string_view text, int last_line) {
  std::optional<ColonMistake> found;
  ForEachLine(text, last_line, [&](std::string_view line, int number) {
    if (auto m = ScanColon(line, number)) found = std::move(m);
  });
  return found;
}

std::string MendColon(std::string_view text, const ColonMistake& m) {
  std::size_t start = LineStart(text, m.line);
  if (start == text.npos) return std::string(text);
  // The colon's byte offset: after the indentation, "- " and the key, all ASCII.
  std::size_t at = start + static_cast<std::size_t>(m.column - 1);
  std::string out(text.substr(0, at));
  out += ": ";
  out += text.substr(at + (m.full_width ? kFullWidthColon.size() : 1));
  return out;
}

}  // namespace mediate
