#include "yaml_mistake.hpp"

#include <utility>

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

}  // namespace

std::string PlainYamlProblem(std::string_view problem, std::string_view context) {
  if (Has(problem, "end of stream") && Has(context, "quoted scalar"))
    return "a quoted text is not closed";
  if (Has(problem, "did not find expected key")) return "a line is indented wrongly";
  if (Has(problem, "mapping values are not allowed"))
    return "a colon is out of place: a line is indented wrongly, or a text holding \": \" "
           "needs quotes";
  if (Has(problem, "could not find expected ':'"))
    return "a colon is missing after a field name (write \"name: value\", with a space after the "
           "colon)";
  if (Has(problem, "did not find expected node content"))
    return "a value is missing after the colon, or starts with a character that needs quotes";
  if (Has(problem, "cannot start any token"))
    return "a value starts with a character that needs quotes (such as @ or `)";
  if (Has(problem, "expected '-' indicator") || Has(problem, "block sequence entries"))
    return "a list item (\"- \") is indented wrongly";
  if (Has(problem, "expected ',' or ']'")) return "a list in [ ] is not closed: add the ]";
  if (Has(problem, "expected ',' or '}'")) return "a map in { } is not closed: add the }";
  if (Has(problem, "unknown escape character"))
    return "a backslash in quoted text starts no known escape: write \\\\ for a backslash";
  if (Has(problem, "expected comment or line break"))
    return "a line has stray text after its value";
  if (Has(problem, "end of stream")) return "the file ends in the middle of a value";
  return "the text is not valid YAML here";
}

std::optional<OpenQuote> FindOpenQuote(std::string_view text, int last_line) {
  std::optional<OpenQuote> found;
  std::size_t start = 0;
  for (int number = 1; number <= last_line && start <= text.size(); ++number) {
    std::size_t end = text.find('\n', start);
    if (end == text.npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (auto q = ScanLine(line, number)) found = std::move(q);
    if (end == text.size()) break;
    start = end + 1;
  }
  return found;
}

std::string CloseQuote(std::string_view text, const OpenQuote& q) {
  std::size_t start = 0;
  for (int number = 1; number < q.line; ++number) {
    std::size_t nl = text.find('\n', start);
    if (nl == text.npos) return std::string(text);
    start = nl + 1;
  }
  std::size_t end = text.find('\n', start);
  if (end == text.npos) end = text.size();
  if (end > start && text[end - 1] == '\r') --end;
  std::string out(text.substr(0, end));
  out += q.quote;
  out += text.substr(end);
  return out;
}

}  // namespace mediate
