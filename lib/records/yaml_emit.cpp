#include "yaml_emit.hpp"

#include <utf8proc.h>

#include <cstddef>
#include <cstdint>

#include "yaml_scalar.hpp"
#include "yaml_text.hpp"

namespace mediate {
namespace {

using namespace yaml_text;

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

}  // namespace mediate
